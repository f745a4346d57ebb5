package io.chorus.sharing;

import java.time.Instant;
import java.util.UUID;

import io.chorus.content.Network;

/** A new share, fired inside the transaction that created it (scoring awards it there, webhooks queue it there). */
public record ShareCreated(UUID shareId, UUID organizationId, UUID memberId, UUID contentId, Network network,
        Instant at) {
}
