package io.chorus.conversions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What else an attribution does, in the transaction that attributes: conversions credit a conversion to its click and
 * decide nothing else about it; scoring decides what it earns. Listeners run on the attributing connection (the
 * conversion writer's, or the attribution sweep's), so a conversion is attributed and scored together or not at all; a
 * listener's exception rolls the attribution back (the report is answered 503, or the sweep tries again). A conversion
 * is attributed once, so listeners hear of it once per commit; what they write must still be idempotent.
 */
public interface AttributionListener {

    /**
     * Called inside the attributing transaction with the conversions it has just attributed (never an unattributed
     * one). Returns what to do once it committed, or null for nothing; it is not run when the transaction rolls back.
     */
    Runnable attributed(Connection connection, List<AttributedConversion> conversions) throws SQLException;
}
