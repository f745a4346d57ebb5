package io.chorus.conversions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What else an attribution does, in the transaction that credits the conversions to their clicks (when they are
 * written, or when the sweep finds their click later): webhooks queue {@code conversion.attributed} there. A listener's
 * exception rolls the attribution back (it is tried again).
 */
public interface AttributionListener {

    /** A conversion just credited to a click's share, with what it is credited to. */
    record Attributed(UUID id, UUID organizationId, String type, BigDecimal value, String currency, Instant occurredAt,
            UUID shareId, UUID memberId, UUID contentId, String network, UUID campaignId) {
    }

    /** Called on the attributing connection, inside its transaction, with the conversions it attributed. */
    void attributed(Connection connection, List<Attributed> conversions) throws SQLException;
}
