package io.chorus.sharing.clicks;

import java.util.UUID;

/**
 * A click as its batch recorded it, for the {@link ClickBatchListener}s: whose share of which content it was, the
 * visitor, when ({@code atMillis}: epoch milliseconds), and whether a person other than the sharer made it
 * ({@code human}: neither a robot nor the sharer's own click).
 */
public record RecordedClick(UUID id, UUID organizationId, UUID shareId, UUID sharerId, UUID contentId, UUID visitorId,
        long atMillis, boolean human) {
}
