package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.analytics.ActivityIndex.Versions;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;
import io.chorus.tenancy.MembershipChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Each organization's {@link ActivityIndex}, held on this instance so that an answer does not read every member's
 * running totals from the database. An index is used only for a snapshot that shows exactly its versions; otherwise the
 * statements of {@link Scope} answer:
 * <ul>
 * <li>none held yet, or built before a rebuild of the organization's aggregates: it is read whole in the background
 * (single flight), and until then the statements answer;</li>
 * <li>older than the snapshot: brought forward in the snapshot itself — the members whose running totals are newer read
 * again, the roster read again if it changed — unless more than a fifth of the members changed (read whole in the
 * background instead);</li>
 * <li>newer than the snapshot, or the organization's activity larger than {@code activity-max-entries}: the statements
 * answer.</li>
 * </ul>
 * After each rollup pass the organizations it changed are brought forward in the background, so that requests usually
 * find their index up to date. Memory: {@code activity-max-entries} timeline entries (12 bytes each) over all the
 * organizations held, the least recently used dropped first.
 */
@Singleton
public class MemberActivity {

    /** Up to this many changed members are always read again rather than the whole organization. */
    private static final int ALWAYS_PATCHED = 100;
    /** How long an organization found too large for the budget is not read again. */
    private static final long TOO_LARGE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final DataSource dataSource;
    private final long maxEntries;
    private final Cache<UUID, ActivityIndex> indexes;
    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Set<UUID> loading = ConcurrentHashMap.newKeySet();
    private final Set<UUID> catchingUp = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<UUID, Long> tooLarge = new ConcurrentHashMap<>();
    private final ManagedExecutor loader;
    private final Counter fullLoads;
    private final Counter patches;
    private final Counter rosters;
    private final Counter overBudget;
    private final Counter fromMemory;
    private final Counter fromDatabase;

    @Inject
    public MemberActivity(DataSource dataSource, AnalyticsConfig config, MeterRegistry registry) {
        this(dataSource, config.activityMaxEntries(), registry);
    }

    MemberActivity(DataSource dataSource, long maxEntries, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.maxEntries = maxEntries;
        this.indexes = Caffeine.newBuilder().maximumWeight(maxEntries)
                .weigher((UUID organization, ActivityIndex index) -> (int) Math.min(Integer.MAX_VALUE, index.entries()))
                .build();
        // One background thread, and none of the caller's context: a load must not join a request's transaction.
        this.loader = ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
        this.fullLoads = loads(registry, "full", "organizations' member activity read whole");
        this.patches = loads(registry, "patch", "members whose running totals changed read again");
        this.rosters = loads(registry, "roster", "rosters (members, groups) read again");
        this.overBudget = loads(registry, "over-budget", "whole reads given up: more than activity-max-entries");
        this.fromMemory = Counter.builder("chorus.analytics.activity.answers").tag("source", "memory")
                .description("Analytics answers whose per-member figures came from the member activity in memory")
                .register(registry);
        this.fromDatabase = Counter.builder("chorus.analytics.activity.answers").tag("source", "database")
                .description("Analytics answers whose per-member figures were read from the database")
                .register(registry);
        registry.gauge("chorus.analytics.activity.entries", indexes,
                c -> c.asMap().values().stream().mapToLong(ActivityIndex::entries).sum());
    }

    private static Counter loads(MeterRegistry registry, String kind, String description) {
        return Counter.builder("chorus.analytics.activity.loads").tag("kind", kind)
                .description("Member activity index: " + description).register(registry);
    }

    /**
     * The organization's activity at exactly {@code versions} (read in the connection's snapshot), or null: the
     * statements answer. May read the changed members in the connection's snapshot, and start a load in the background.
     */
    ActivityIndex at(Connection connection, UUID organization, Versions versions) throws SQLException {
        ActivityIndex index = find(connection, organization, versions);
        (index == null ? fromDatabase : fromMemory).increment();
        return index;
    }

    private ActivityIndex find(Connection connection, UUID organization, Versions versions) throws SQLException {
        if (versions == null) {
            return null;
        }
        ActivityIndex held = indexes.getIfPresent(organization);
        if (held != null && held.versions().equals(versions)) {
            return held;
        }
        if (held == null || held.versions().built() != versions.built()) {
            loadInBackground(organization);
            return null;
        }
        if (newer(held.versions(), versions)) {
            return null;
        }
        ReentrantLock lock = locks.computeIfAbsent(organization, id -> new ReentrantLock());
        lock.lock();
        try {
            held = indexes.getIfPresent(organization); // another request may have brought it forward meanwhile
            if (held == null || held.versions().built() != versions.built()) {
                loadInBackground(organization);
                return null;
            }
            if (held.versions().equals(versions)) {
                return held;
            }
            if (newer(held.versions(), versions)) {
                return null;
            }
            return bringForward(connection, organization, held, versions);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the index has seen something the snapshot has not (then it cannot answer for it). */
    private static boolean newer(Versions index, Versions snapshot) {
        return index.members() > snapshot.members() || index.roster() > snapshot.roster();
    }

    private ActivityIndex bringForward(Connection connection, UUID organization, ActivityIndex held, Versions versions)
            throws SQLException {
        MemberTimelines timelines = held.timelines();
        if (held.versions().members() != versions.members()) {
            long changed = Columns.number(Jdbc.row(connection, """
                    select count(distinct member_id) from analytics_member_months
                    where organization_id = ? and version > ?""", organization, held.versions().members())[0]);
            if (changed > ALWAYS_PATCHED && changed * 5 > timelines.size()) {
                loadInBackground(organization);
                return null;
            }
            MemberTimelines read = MemberTimelines.read(connection, organization,
                    " and member_id in (select member_id"
                            + " from analytics_member_months where organization_id = ? and version > ?)",
                    held.versions().members(), maxEntries);
            if (read == null) {
                return tooLarge(organization);
            }
            timelines = timelines.with(read);
            patches.increment();
        }
        ActivityRoster roster = held.roster();
        if (held.versions().roster() != versions.roster()) {
            roster = ActivityRoster.read(connection, organization);
            rosters.increment();
        }
        ActivityIndex next = new ActivityIndex(versions, timelines, roster);
        if (next.entries() > maxEntries) {
            return tooLarge(organization);
        }
        indexes.asMap().replace(organization, held, next);
        return next;
    }

    private ActivityIndex tooLarge(UUID organization) {
        overBudget.increment();
        tooLarge.put(organization, System.nanoTime() + TOO_LARGE_NANOS);
        indexes.invalidate(organization);
        return null;
    }

    /** After a rollup pass: brings the indexes of these organizations forward in the background. */
    void changed(Collection<UUID> organizations) {
        for (UUID organization : organizations) {
            if (indexes.getIfPresent(organization) != null && catchingUp.add(organization)) {
                loader.runAsync(() -> {
                    catchingUp.remove(organization);
                    inSnapshot(organization, false);
                });
            }
        }
    }

    /** Members, roles, statuses or groups changed here: the roster is read again in the background. */
    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        changed(List.of(change.organizationId()));
    }

    private void loadInBackground(UUID organization) {
        Long until = tooLarge.get(organization);
        if (until != null && System.nanoTime() - until < 0) {
            return;
        }
        if (loading.add(organization)) {
            loader.runAsync(() -> {
                try {
                    inSnapshot(organization, true);
                } finally {
                    loading.remove(organization);
                }
            });
        }
    }

    /** Reads whole, or brings forward, in a snapshot of its own. */
    private void inSnapshot(UUID organization, boolean whole) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.inReadOnlySnapshot(connection, () -> {
                Versions versions = Versions.read(connection, organization);
                if (versions != null && whole) {
                    load(connection, organization, versions);
                } else if (versions != null) {
                    find(connection, organization, versions);
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            Log.warnf("An organization's member activity was not read into memory this time: %s", e.getMessage());
        }
    }

    private void load(Connection connection, UUID organization, Versions versions) throws SQLException {
        MemberTimelines timelines = MemberTimelines.read(connection, organization, "", null, maxEntries);
        if (timelines == null) {
            tooLarge(organization);
            return;
        }
        ActivityIndex index = new ActivityIndex(versions, timelines, ActivityRoster.read(connection, organization));
        fullLoads.increment();
        tooLarge.remove(organization);
        indexes.put(organization, index);
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }
}
