package io.chorus.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;

/**
 * How long the outbox keeps mails that are done with: a sent one {@code chorus.mail.keep-sent} (30 days) after it was
 * sent, a failed or cancelled one {@code chorus.mail.keep-failed} (90 days) after it was queued. A mail still to be
 * sent (queued, or being sent) is never deleted, however old. They go {@code chorus.mail.delete-batch-size} at a time,
 * each batch one short statement, and at most {@link #MAX_BATCHES} batches of each a run, so that a long backlog
 * neither holds locks nor keeps the other mail jobs waiting: the next run goes on with it. A broadcast keeps counting
 * its deleted mails, so its figures do not change.
 */
@Singleton
public class OutboxRetention {

    /** Batches of each kind one run deletes at most. */
    static final int MAX_BATCHES = 100;

    /** One batch, oldest first: deleted, and counted on their broadcasts. {@code %s}: which mails, by what age. */
    private static final String DELETE = """
            with doomed as (select id from mail_outbox where %1$s < ? order by %2$s limit ? for update skip locked),
                 gone as (delete from mail_outbox o using doomed d where o.id = d.id
                          returning o.organization_id, o.broadcast_id, o.status),
                 counted as (select organization_id, broadcast_id,
                                    count(*) filter (where status = 'sent') as sent,
                                    count(*) filter (where status = 'failed') as failed,
                                    count(*) filter (where status = 'cancelled') as cancelled
                             from gone where broadcast_id is not null group by organization_id, broadcast_id),
                 kept as (update broadcasts b set sent_deleted = b.sent_deleted + c.sent,
                                 failed_deleted = b.failed_deleted + c.failed,
                                 cancelled_deleted = b.cancelled_deleted + c.cancelled
                          from counted c where b.organization_id = c.organization_id and b.id = c.broadcast_id)
            select count(*) from gone""";

    /** What one run deleted: sent mails, and failed or cancelled ones. */
    public record Deleted(int sent, int undelivered) {
        public boolean any() {
            return sent > 0 || undelivered > 0;
        }
    }

    private final DataSource dataSource;
    private final MailConfig config;

    @Inject
    public OutboxRetention(DataSource dataSource, MailConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Deletes what is older than kept, up to {@link #MAX_BATCHES} batches of each. */
    public Deleted deleteOld() throws SQLException {
        Instant now = Time.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            int sent = delete(connection, "status = 'sent' and sent_at", "sent_at", now.minus(kept(config.keepSent())));
            int undelivered = delete(connection, "status in ('failed', 'cancelled') and created_at", "created_at",
                    now.minus(kept(config.keepFailed())));
            return new Deleted(sent, undelivered);
        }
    }

    private int delete(Connection connection, String olderThan, String age, Instant before) throws SQLException {
        int size = Math.max(1, config.deleteBatchSize());
        int deleted = 0;
        String sql = DELETE.formatted(olderThan, age);
        for (int i = 0; i < MAX_BATCHES; i++) {
            int count = ((Number) Jdbc.value(connection, sql, before, size)).intValue();
            deleted += count;
            if (count < size) {
                break;
            }
        }
        return deleted;
    }

    /** A negative duration keeps nothing, as zero does. */
    private static Duration kept(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
