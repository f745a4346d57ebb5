package io.chorus.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.common.persistence.Jdbc;
import io.chorus.scoring.PointsLedger.Award;
import io.chorus.scoring.Ranking.Row;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The leaderboards' rankings held in memory: for each organization, period, group and metric, the listed members with
 * figures in that period, sorted as the leaderboard sorts them (the metric, highest first, then member id as PostgreSQL
 * orders uuids). A page's top is the head of the array; a rank is one plus the members ahead, found by binary search —
 * so a leaderboard costs no more for the 90,000th member than for the first.
 * <p>
 * Exact on this node: whatever changes figures, listing or group membership reports the members it touched once its
 * transaction has committed ({@link #changed}), and the next read re-reads just those members' rows and moves them (or
 * rebuilds, after a change of the whole organization or very many members). Changes committed by any node reach every
 * node within milliseconds as the {@value #CHANNEL} signal, sent by triggers on the period totals and group
 * memberships, and are patched in the same way; as the safety net, a ranking older than
 * {@code chorus.leaderboards.refresh-after} is rebuilt in the background while it keeps answering.
 * <p>
 * Longer than our rooms usually are: holding, patching and refreshing the rankings is one mechanism whose locking is
 * read as a whole; the ranking itself lives apart ({@link Ranking}).
 */
@ApplicationScoped
public class Standings {

    /** The signal of changed standings: the organization, then a colon and members' ids, or none for everyone. */
    static final String CHANNEL = "chorus_standings";
    /** Beyond this many changed members a ranking is rebuilt rather than patched. */
    static final int PATCH_LIMIT = 5_000;
    /** How many changes an organization remembers for patching; older rankings are rebuilt. */
    private static final int REMEMBERED = 1_000;

    /** One ranking. {@code group} is null for the whole organization. */
    public record Key(UUID organizationId, Periods period, LocalDate start, Metric metric, UUID group) {
    }

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final ManagedExecutor refresher;
    private final long refreshAfterNanos;
    private final ConcurrentHashMap<UUID, Changes> changes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Holder> rankings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Calendar> calendars = new ConcurrentHashMap<>();

    @Inject
    public Standings(DataSource dataSource, TransactionSynchronizationRegistry transactions, LeaderboardConfig config,
            DatabaseSignals signals) {
        this.dataSource = dataSource;
        signals.listen(CHANNEL, new DatabaseSignals.Listener() {
            @Override
            public void signal(String payload) {
                heard(payload);
            }

            @Override
            public void missed() {
                changes.keySet().forEach(organization -> changed(organization, null));
            }
        });
        // One background thread, and none of the request's context: a refresh must not join its transaction.
        this.refresher = ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
        this.transactions = transactions;
        this.refreshAfterNanos = config.refreshAfter().toNanos();
    }

    /**
     * Reports members whose figures, listing or groups changed in a transaction that has committed; {@code members}
     * null means the whole organization.
     */
    public void changed(UUID organizationId, Collection<UUID> members) {
        if (members == null) {
            calendars.remove(organizationId);
        }
        changes.computeIfAbsent(organizationId, id -> new Changes()).add(members == null ? null : Set.copyOf(members));
    }

    /** A signal's organization and members; one that cannot be read changes everything. */
    private void heard(String payload) {
        try {
            int colon = payload.indexOf(':');
            UUID organization = UUID.fromString(colon < 0 ? payload : payload.substring(0, colon));
            changed(organization, colon < 0 ? null
                    : Arrays.stream(payload.substring(colon + 1).split(",")).map(UUID::fromString).toList());
        } catch (IllegalArgumentException e) {
            changes.keySet().forEach(organization -> changed(organization, null));
        }
    }

    /** {@link #changed}, once the current JTA transaction commits (nothing if it rolls back). */
    public void changedOnCommit(UUID organizationId, Collection<UUID> members) {
        List<UUID> copy = members == null ? null : List.copyOf(members);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changed(organizationId, copy);
                }
            }
        });
    }

    /** An organization's calendar: the time zone its periods follow, and when it was created (where "all" starts). */
    public record Calendar(ZoneId zone, Instant createdAt, long readAt) {
    }

    /** The organization's calendar, read again after a change of the whole organization or refresh-after. */
    public Calendar calendar(UUID organizationId) {
        Calendar calendar = calendars.get(organizationId);
        if (calendar != null && System.nanoTime() - calendar.readAt() < refreshAfterNanos) {
            return calendar;
        }
        long readAt = System.nanoTime();
        Object[] row = Jdbc.rows(dataSource, """
                select s.time_zone, o.created_at from organizations o
                left join organization_settings s on s.organization_id = o.id where o.id = ?""", organizationId)
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("No organization " + organizationId));
        calendar = new Calendar(PointsLedger.OrganizationScoring.zone((String) row[0]), (Instant) row[1], readAt);
        calendars.put(organizationId, calendar);
        return calendar;
    }

    /** The members of each organization the awards are for. */
    public static Map<UUID, Set<UUID>> byOrganization(Collection<Award> awards) {
        Map<UUID, Set<UUID>> members = new HashMap<>();
        awards.forEach(
                award -> members.computeIfAbsent(award.organizationId(), id -> new HashSet<>()).add(award.memberId()));
        return members;
    }

    /** The ranking, exact as of every change this node has seen committed. */
    public Ranking of(Key key) {
        Changes organization = changes.computeIfAbsent(key.organizationId(), id -> new Changes());
        Holder holder = rankings.computeIfAbsent(key, k -> new Holder());
        holder.lastRead = System.nanoTime();
        long version = organization.version();
        Ranking ranking = holder.ranking;
        if (ranking != null && ranking.version == version) {
            if (System.nanoTime() - ranking.builtAt >= refreshAfterNanos
                    && holder.refreshing.compareAndSet(false, true)) {
                // Old: rebuilt in the background (to see other instances' changes) while this one keeps answering.
                refresher.execute(() -> refresh(key, organization, holder));
            }
            return ranking;
        }
        holder.lock.lock();
        try {
            version = organization.version();
            ranking = holder.ranking;
            if (ranking != null && ranking.version == version) {
                return ranking;
            }
            Set<UUID> changed = ranking == null ? null : organization.since(ranking.version);
            return holder.ranking = changed == null || changed.size() > PATCH_LIMIT ? build(key, version)
                    : patch(ranking, key, changed, version);
        } finally {
            holder.lock.unlock();
        }
    }

    private void refresh(Key key, Changes organization, Holder holder) {
        holder.lock.lock();
        try {
            long version = organization.version();
            holder.ranking = build(key, version);
        } catch (RuntimeException e) {
            Log.warnf("A leaderboard ranking was not refreshed this time: %s", e.getMessage());
        } finally {
            holder.refreshing.set(false);
            holder.lock.unlock();
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** Forgets rankings nobody read for ten minutes (past weeks, groups nobody looks at). */
    @Scheduled(every = "1m", delayed = "1m")
    void forget() {
        long before = System.nanoTime() - Duration.ofMinutes(10).toNanos();
        rankings.values().removeIf(holder -> holder.lastRead - before < 0);
    }

    /**
     * Reads a ranking: the organization's from its period totals; a group's by keeping the group's members of the
     * organization's ranking (a set of ids and one pass in memory, rather than a membership check per period row).
     */
    private Ranking build(Key key, long version) {
        long builtAt = System.nanoTime();
        if (key.group() == null) {
            return new Ranking(version, builtAt, key.metric(), read(key, null));
        }
        Ranking everyone = of(new Key(key.organizationId(), key.period(), key.start(), key.metric(), null));
        Set<UUID> members = groupMembers(key);
        List<Row> rows = new ArrayList<>(Math.min(members.size(), everyone.size()));
        for (int i = 0; i < everyone.size(); i++) {
            if (members.contains(everyone.member(i))) {
                rows.add(everyone.row(i));
            }
        }
        return new Ranking(version, builtAt, key.metric(), rows);
    }

    private Set<UUID> groupMembers(Key key) {
        Set<UUID> members = new HashSet<>();
        Jdbc.rows(dataSource, "select member_id from group_memberships where organization_id = ? and group_id = ?",
                key.organizationId(), key.group()).forEach(row -> members.add((UUID) row[0]));
        return members;
    }

    /** The ranking with the changed members taken out and put back where their rows now place them. */
    private Ranking patch(Ranking old, Key key, Set<UUID> changed, long version) {
        List<Row> moved = read(key, changed);
        moved.sort(old.order);
        List<Row> rows = new ArrayList<>(old.size() + moved.size());
        int next = 0;
        for (int i = 0; i < old.size(); i++) {
            if (changed.contains(old.member(i))) {
                continue;
            }
            Row row = old.row(i);
            while (next < moved.size() && old.order.compare(moved.get(next), row) < 0) {
                rows.add(moved.get(next++));
            }
            rows.add(row);
        }
        rows.addAll(moved.subList(next, moved.size()));
        return new Ranking(version, old.builtAt, key.metric(), rows);
    }

    private List<Row> read(Key key, Set<UUID> only) {
        String sql = "select t.member_id, t.points, t.shares, t.clicks from score_totals t"
                + " where t.organization_id = ? and t.period = cast(? as char(1)) and t.period_start = ? and t.listed"
                + (key.group() == null ? ""
                        : " and exists (select 1 from group_memberships g where g.organization_id = t.organization_id"
                                + " and g.group_id = ? and g.member_id = t.member_id)")
                + (only == null ? " order by t." + key.metric().column() + " desc, t.member_id"
                        : " and t.member_id = any(?)");
        List<Object> parameters = new ArrayList<>(
                List.of(key.organizationId(), String.valueOf(key.period().code()), key.start()));
        if (key.group() != null) {
            parameters.add(key.group());
        }
        if (only != null) {
            parameters.add(only.toArray(UUID[]::new));
        }
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.each(connection, 10_000, sql, result -> {
                UUID member = result.getObject(1, UUID.class);
                return rows.add(new Row(member.getMostSignificantBits(), member.getLeastSignificantBits(),
                        result.getLong(2), result.getInt(3), result.getInt(4)));
            }, parameters.toArray());
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("The leaderboard could not be read: " + e.getMessage(), e);
        }
    }

    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicBoolean refreshing = new AtomicBoolean();
        volatile Ranking ranking;
        volatile long lastRead;
    }

    /** An organization's committed changes: a version, and the members of its recent versions (null: everyone). */
    private static final class Changes {

        private record Change(long version, Set<UUID> members) {
        }

        private final ArrayDeque<Change> recent = new ArrayDeque<>();
        private long version;
        private long forgotten;

        synchronized long version() {
            return version;
        }

        synchronized void add(Set<UUID> members) {
            recent.addLast(new Change(++version, members));
            if (recent.size() > REMEMBERED) {
                forgotten = recent.removeFirst().version();
            }
        }

        /** The members changed after {@code since}, or null when that is not known (everyone, or forgotten). */
        synchronized Set<UUID> since(long since) {
            if (since < forgotten) {
                return null;
            }
            Set<UUID> members = new HashSet<>();
            for (var it = recent.descendingIterator(); it.hasNext();) {
                Change change = it.next();
                if (change.version() <= since) {
                    break;
                }
                if (change.members() == null || members.addAll(change.members()) && members.size() > PATCH_LIMIT) {
                    return null;
                }
            }
            return members;
        }
    }
}
