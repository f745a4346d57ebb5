package io.chorus.conversions;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversion just credited, for the {@link AttributionListener}s: the share, its member and content, and the click it
 * is credited to; {@code attributedAt} is the service's time of the attribution.
 */
public record AttributedConversion(UUID id, UUID organizationId, UUID memberId, UUID shareId, UUID contentId,
        UUID clickId, Instant attributedAt) {
}
