package io.chorus.common.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import io.chorus.common.persistence.Jdbc;

/**
 * Rows claimed from a work table ({@code for update skip locked}) that another instance takes over the moment their
 * claimer dies, not when their lease runs out. A batch holds, on the connection it claims and records with, a session
 * advisory lock keyed by that connection's backend pid, and its claim statement stamps the rows with the pid
 * ({@code claimed_by = pg_backend_pid()}). A killed instance's connections end with it, and PostgreSQL releases their
 * locks: a row whose claimer's lock can be taken ({@code chorus_claim_abandoned(claimed_by)}, in the claim statement)
 * has nobody working on it. The lease stays as the bound for a claimer alive but stuck. The functions are V34's.
 */
public final class Claims implements AutoCloseable {

    private final Connection connection;

    private Claims(Connection connection) {
        this.connection = connection;
    }

    /** Holds this connection's claimer lock until {@link #close}: what it claims meanwhile is taken by nobody else. */
    public static Claims hold(Connection connection) throws SQLException {
        Jdbc.rows(connection, "select chorus_claims_hold()");
        return new Claims(connection);
    }

    @Override
    public void close() throws SQLException {
        Jdbc.rows(connection, "select chorus_claims_release()");
    }
}
