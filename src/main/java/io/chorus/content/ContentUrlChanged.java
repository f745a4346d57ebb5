package io.chorus.content;

import java.util.UUID;

/** Fired when a content item's URL is edited, so that short links stop redirecting to the old one. */
public record ContentUrlChanged(UUID contentId) {
}
