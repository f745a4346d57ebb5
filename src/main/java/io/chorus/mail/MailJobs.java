package io.chorus.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The mail jobs of the whole cluster: invitation reminders, campaign announcements, digests, and deleting the outbox's
 * old mails, every {@code chorus.mail.digest.check-interval}. One instance runs them at a time (a PostgreSQL advisory
 * lock held for the run; the others skip), so that every instance may schedule them. What they queue, every instance's
 * sender sends.
 */
@Singleton
public class MailJobs {

    /** The advisory lock a run holds. */
    static final long LOCK = 0x6d61_696c_6a6fL;

    private final DataSource dataSource;
    private final InvitationReminders reminders;
    private final CampaignAnnouncements announcements;
    private final DigestService digests;
    private final OutboxRetention retention;

    @Inject
    public MailJobs(DataSource dataSource, InvitationReminders reminders, CampaignAnnouncements announcements,
            DigestService digests, OutboxRetention retention) {
        this.dataSource = dataSource;
        this.reminders = reminders;
        this.announcements = announcements;
        this.digests = digests;
        this.retention = retention;
    }

    @Scheduled(every = "${chorus.mail.digest.check-interval:PT1M}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Mail jobs failed and will run again: %s", e.getMessage());
        }
    }

    /** One run, unless another instance is running them; answers whether this one ran. */
    public boolean run() throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            if (!locked(lock, "select pg_try_advisory_lock(?)")) {
                return false;
            }
            try {
                reminders.remindDue();
                announcements.announceStarted();
                for (Due due : dueDigests(lock)) {
                    DigestService.Run run = digests.run(due.organizationId(), due.day());
                    Log.infof("Digest of %s for %s: %d members, %d mails", due.day(), due.organizationId(),
                            run.members(), run.mails());
                }
                OutboxRetention.Deleted deleted = retention.deleteOld();
                if (deleted.any()) {
                    Log.infof("Outbox: %d sent and %d failed or cancelled mails deleted, past their keeping time",
                            deleted.sent(), deleted.undelivered());
                }
                return true;
            } finally {
                locked(lock, "select pg_advisory_unlock(?)");
            }
        }
    }

    private record Due(UUID organizationId, LocalDate day) {
    }

    /** Organizations whose digest time of today (in their zone) has come and whose digest of today has not run. */
    private static List<Due> dueDigests(Connection connection) throws SQLException {
        Instant now = Time.now();
        List<Due> due = new ArrayList<>();
        for (Object[] row : Jdbc.rows(connection, """
                select o.id, coalesce(s.time_zone, 'UTC'), to_char(coalesce(s.digest_time, '09:00'), 'HH24:MI'),
                       array(select r.day::text from digest_runs r where r.organization_id = o.id
                             and r.day >= ?::date - 2)
                from organizations o left join organization_settings s on s.organization_id = o.id""",
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            ZoneId zone = ZoneId.of((String) row[1]);
            LocalDate today = LocalDate.ofInstant(now, zone);
            Instant sendAt = today.atTime(LocalTime.parse((String) row[2])).atZone(zone).toInstant();
            List<String> done = List.of((String[]) row[3]);
            if (!now.isBefore(sendAt) && !done.contains(today.toString())) {
                due.add(new Due((UUID) row[0], today));
            }
        }
        return due;
    }

    private static boolean locked(Connection connection, String sql) throws SQLException {
        return (boolean) Jdbc.value(connection, sql, LOCK);
    }
}
