package io.chorus.sharing;

import java.time.Instant;
import java.util.UUID;

/** A new share, fired inside the transaction that created it (scoring awards it there). */
public record ShareCreated(UUID shareId, UUID organizationId, UUID memberId, UUID contentId, Instant at) {
}
