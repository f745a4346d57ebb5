package io.chorus.content;

import java.time.Instant;
import java.util.UUID;

/**
 * A content item entered the feed: published at once, approved, or its scheduled time came (the content clock). Fired
 * inside the transaction that stored it as published.
 */
public record ContentPublished(UUID organizationId, UUID contentId, String title, String url, Instant publishedAt) {
}
