package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Brings the analytics aggregates up to date every {@code chorus.analytics.rollup-interval}, off every request path.
 * Each pass is one transaction (repeatable read: one snapshot) that takes the click batches and shares noted since the
 * last pass, removes the notes and adds what they hold to the aggregates — so every committed click and share is
 * counted once, in the same commit as the removal of its note. Organizations that have no aggregates yet, or whose time
 * zone changed, are rebuilt from shares and click_events in the same pass. One instance rolls up at a time (an advisory
 * lock); the others skip. After each commit, the organizations whose figures it changed are told to
 * {@link AnalyticsGenerations}, so that answers computed before are not served as if nothing had happened.
 * <p>
 * Unique visitors are counted per share and day: a visitor already counted for a share on a day is remembered for the
 * days a click can still arrive for ({@link #DEDUPLICATED_DAYS}); a click that arrives later than that (its batch held
 * back by a long database outage) counts its visitor within its batch only.
 */
@Singleton
public class AnalyticsRollup {

    /** UTC days (back from today) whose visitors are remembered; visitor ids change every UTC day anyway. */
    static final int DEDUPLICATED_DAYS = 3;
    /** The advisory lock a rollup holds (package-visible: a test holds it to keep passes away). */
    static final long LOCK = 0x0a4a1_7135L;
    private static final long REBUILT_ROWS_TO_ANALYZE = 10_000;
    /** Whether a pass has anything to do: notes of new clicks or shares, or an organization to rebuild. */
    private static final String IDLE_CHECK = "select exists (select 1 from analytics_click_batches)"
            + " or exists (select 1 from analytics_share_queue) or " + OrganizationRebuild.ANY_STALE;
    private final DataSource dataSource;
    private final AnalyticsConfig config;
    private final AnalyticsGenerations generations;
    private final MemberActivity activity;

    @Inject
    public AnalyticsRollup(DataSource dataSource, AnalyticsConfig config, AnalyticsGenerations generations,
            MemberActivity activity) {
        this.dataSource = dataSource;
        this.config = config;
        this.generations = generations;
        this.activity = activity;
    }

    @Scheduled(every = "${chorus.analytics.rollup-interval:PT2S}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            rollUp();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("The analytics rollup failed and will be retried: %s", e.getMessage());
        }
    }

    /** Passes until nothing is left (each pass takes at most the configured batches and shares). */
    public void rollUp() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!(boolean) Jdbc.row(connection, "select pg_try_advisory_lock(?)", LOCK)[0]) {
                return;
            }
            try {
                if (!(boolean) Jdbc.row(connection, IDLE_CHECK)[0]) {
                    return; // nothing noted, nothing to rebuild: one statement every interval when idle
                }
                Pass pass = new Pass(true, 0, Set.of(), List.of());
                long rebuilt = 0;
                for (int n = 0; pass.more() && n < 20; n++) {
                    pass = Jdbc.inTransaction(connection, Connection.TRANSACTION_REPEATABLE_READ,
                            () -> pass(connection));
                    rebuilt += pass.rebuiltRows();
                    generations.counted(pass.counted());
                    pass.rebuilt().forEach(generations::changed);
                    activity.changed(pass.counted());
                    activity.changed(pass.rebuilt());
                }
                if (rebuilt >= REBUILT_ROWS_TO_ANALYZE) {
                    // Fresh statistics at once, so that the planner does not meet the new rows blind.
                    OrganizationRebuild.analyze(connection);
                }
            } finally {
                Jdbc.rows(connection, "select pg_advisory_unlock(?)", LOCK);
            }
        }
    }

    /**
     * Runs {@code work} with every rollup held off (on every instance), then leaves the organization to be rebuilt from
     * its shares and clicks by the next pass, as a new organization is: for history written at other times than now
     * (the demo's quarter), whose clicks the passes would otherwise meet days after the visitors they dedupe were
     * forgotten.
     */
    public void rebuiltAfter(UUID organizationId, Runnable work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.rows(connection, "select pg_advisory_lock(?)", LOCK);
            try {
                work.run();
                Jdbc.update(connection, "delete from analytics_organizations where organization_id = ?",
                        organizationId);
            } finally {
                Jdbc.rows(connection, "select pg_advisory_unlock(?)", LOCK);
            }
        }
    }

    /**
     * What a pass did: whether it left notes for another, how many day rows its rebuilds made, the organizations whose
     * new shares or clicks it counted and those it rebuilt.
     */
    private record Pass(boolean more, long rebuiltRows, Set<UUID> counted, List<UUID> rebuilt) {
    }

    /** One transaction. */
    private Pass pass(Connection connection) throws SQLException {
        Jdbc.update(connection, "set local work_mem = '64MB'");
        // Planned for the values at hand, every time. After five executions the driver's prepared statements may get a
        // generic plan, which cannot see how many shares "organization_id <> all(?)" leaves (it guessed one) nor how
        // wide an id range is: the span's read became a loop over every share, each scanning the whole range (measured:
        // a read of 0.6 s ran for minutes and the rollup stopped). Planning takes a millisecond; a pass runs a few.
        Jdbc.update(connection, "set local plan_cache_mode = force_custom_plan");
        Deltas.prepare(connection);
        List<OrganizationRebuild.Stale> stale = OrganizationRebuild.stale(connection);
        UUID[] skipped = stale.stream().map(OrganizationRebuild.Stale::organizationId).toArray(UUID[]::new);
        // A rebuild counts every visible row of its organization: every note visible now must go in this pass.
        int batchLimit = stale.isEmpty() ? config.rollupBatches() : Integer.MAX_VALUE;
        int shareLimit = stale.isEmpty() ? config.rollupShares() : Integer.MAX_VALUE;
        LocalDate rememberedFrom = Time.today(ZoneOffset.UTC).minusDays(DEDUPLICATED_DAYS);

        int clicks = 0;
        for (ClickBatchLog.Span span : ClickBatchLog.take(connection, batchLimit)) {
            clicks += Jdbc.update(connection, """
                    insert into analytics_new_clicks
                    select s.organization_id, s.id, s.member_id, s.content_id, s.network,
                           (c.at at time zone a.time_zone)::date, c.visitor_id, count(*)
                    from click_events c
                    join shares s on s.organization_id = c.organization_id and s.id = c.share_id
                    join analytics_organizations a on a.organization_id = s.organization_id
                    where c.id between ? and ? and c.xmin = any(?::text[]::xid[])
                      and not c.robot and not c.self and s.organization_id <> all(?)
                    group by s.organization_id, s.id, 6, c.visitor_id""", span.first(), span.last(),
                    span.batches().toArray(String[]::new), skipped);
        }
        int shares = Jdbc.update(connection, """
                with taken as (
                  delete from analytics_share_queue where share_id in
                    (select share_id from analytics_share_queue order by share_id limit ?)
                  returning share_id)
                insert into analytics_new_shares
                select s.organization_id, s.id, s.member_id, s.content_id, s.network,
                       (s.created_at at time zone a.time_zone)::date
                from taken t join shares s on s.id = t.share_id
                join analytics_organizations a on a.organization_id = s.organization_id
                where s.organization_id <> all(?)""", shareLimit, skipped);
        Deltas.fromNewEvents(connection, rememberedFrom);
        long rebuilt = 0;
        for (OrganizationRebuild.Stale organization : stale) {
            rebuilt += OrganizationRebuild.rebuild(connection, organization, rememberedFrom);
        }
        Set<UUID> counted = new HashSet<>();
        for (Object[] row : Jdbc.rows(connection, "select distinct organization_id from analytics_deltas")) {
            counted.add((UUID) row[0]);
        }
        Aggregates.apply(connection);
        Jdbc.update(connection, "delete from analytics_visitors where day < ?", rememberedFrom);
        if (clicks > 0 || shares > 0 || !stale.isEmpty()) {
            Log.debugf("analytics rollup: %d human clicks, %d shares, %d organizations rebuilt", clicks, shares,
                    stale.size());
        }
        AnalyticsSignals.rolledUp(connection, counted, List.of(skipped));
        // This pass's snapshot, less what it took: notes left for the next pass.
        boolean more = (boolean) Jdbc.row(connection, "select exists (select 1 from analytics_click_batches)"
                + " or exists (select 1 from analytics_share_queue)")[0];
        return new Pass(more, rebuilt, counted, List.of(skipped));
    }
}
