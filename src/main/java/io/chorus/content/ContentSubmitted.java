package io.chorus.content;

import java.time.Instant;
import java.util.UUID;

/** A member submitted an item for review; fired inside the transaction that created it. */
public record ContentSubmitted(UUID organizationId, UUID contentId, UUID authorId, String title, String url,
        Instant at) {
}
