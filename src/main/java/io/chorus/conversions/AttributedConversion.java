package io.chorus.conversions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversion just credited, for the {@link AttributionListener}s: the share, its member and content, and the click it
 * is credited to, what was reported (type, value, currency, occurredAt), the network and campaign it is credited to;
 * {@code attributedAt} is the service's time of the attribution.
 */
public record AttributedConversion(UUID id, UUID organizationId, UUID memberId, UUID shareId, UUID contentId,
        UUID clickId, Instant attributedAt, String type, BigDecimal value, String currency, Instant occurredAt,
        String network, UUID campaignId) {
}
