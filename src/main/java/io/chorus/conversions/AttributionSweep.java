package io.chorus.conversions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Attributes the conversions that arrived before their click was written, soon after it is, and gives up on those still
 * without a click after {@code pending-for} (recorded as unattributed). Every instance sweeps; rows another instance is
 * deciding are skipped, and a decided row is never decided again.
 */
@Singleton
public class AttributionSweep {

    private static final int BATCH = 2_000;
    private final DataSource database;
    private final ConversionConfig config;
    private final List<AttributionListener> listeners;

    @Inject
    public AttributionSweep(DataSource database, ConversionConfig config, Instance<AttributionListener> listeners) {
        this.database = database;
        this.config = config;
        this.listeners = listeners.stream().toList();
    }

    @Scheduled(every = "${chorus.conversions.attribute-every:PT2S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            run(Time.now());
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Pending conversions could not be attributed yet (%s); trying again", e.getMessage());
        }
    }

    /** One sweep, as of {@code now}. */
    public void run(Instant now) throws SQLException {
        Instant giveUpBefore = now.minus(config.pendingFor());
        try (Connection connection = database.getConnection()) {
            Jdbc.inTransaction(connection, () -> Attribution.giveUp(connection, giveUpBefore, now));
            // Bounded batches, each its own transaction, until none is due.
            int due;
            do {
                due = Jdbc.inTransaction(connection, () -> Attribution.due(connection, now, BATCH, listeners));
            } while (due == BATCH);
        }
    }
}
