package io.chorus.webhooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes delivered and failed messages {@code chorus.webhooks.keep-deliveries} after they were queued, a thousand to a
 * statement (one short transaction each). Messages still to be sent are never deleted.
 */
@Singleton
public class DeliveryRetention {

    private static final int BATCH = 1_000;
    private static final String DELETE = """
            delete from webhook_deliveries where id in (
                select id from webhook_deliveries where status in ('delivered', 'failed') and created_at < ?
                order by created_at limit ?)""";

    private final DataSource database;
    private final WebhookConfig config;

    @Inject
    public DeliveryRetention(DataSource database, WebhookConfig config) {
        this.database = database;
        this.config = config;
    }

    @Scheduled(every = "PT10M", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int deleted = deleteOld(Time.now());
            if (deleted > 0) {
                Log.infof("Webhooks: %d delivered or failed messages deleted, past their keeping time", deleted);
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Old webhook messages not deleted this time (%s); tried again later", e.getMessage());
        }
    }

    /** Deletes what is past its keeping time as of {@code now}; answers how many messages. */
    public int deleteOld(Instant now) throws SQLException {
        Instant before = now.minus(config.keepDeliveries());
        int total = 0;
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(true);
            for (int deleted = BATCH; deleted == BATCH; total += deleted) {
                deleted = Jdbc.update(connection, DELETE, before, BATCH);
            }
        }
        return total;
    }
}
