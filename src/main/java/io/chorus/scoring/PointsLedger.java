package io.chorus.scoring;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes awards to the append-only ledger and keeps the aggregates in step, in the caller's transaction and on the
 * caller's connection: the request's (shares, approvals, adjustments), the click writer's (clicks, with the clicks
 * themselves) or the conversions' (conversions, with their attribution). Set-based, so that a batch of thousands of
 * clicks costs a handful of statements.
 * <p>
 * An award whose key is already in the ledger is skipped: nothing scores twice. The member's day rows are locked first
 * (in key order), so concurrent awards to one member queue up and the daily cap holds; the key check comes after the
 * lock, so it sees what the transaction before committed. The campaigns the awards count for and the badges they earn
 * are kept in step in the same transaction.
 */
public final class PointsLedger {

    /**
     * Something that may earn points. For ruled actions the rule decides the points; campaign bonuses and adjustments
     * carry their own {@code points}.
     */
    public record Award(UUID organizationId, UUID memberId, ScoringAction action, String key, UUID shareId,
            UUID contentId, UUID clickId, UUID conversionId, Instant at, int points, UUID actorId, String reason) {

        public static Award ruled(UUID organizationId, UUID memberId, ScoringAction action, String key, UUID shareId,
                UUID contentId, UUID clickId, Instant at) {
            return new Award(organizationId, memberId, action, key, shareId, contentId, clickId, null, at, 0, null,
                    null);
        }
    }

    /** An award as written: {@code requested - points} is what the cap cut. */
    public record Awarded(Award award, LocalDate day, int requested, int points) {
    }

    private record DayKey(UUID organizationId, UUID memberId, LocalDate day) implements Comparable<DayKey> {

        private static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::organizationId)
                .thenComparing(DayKey::memberId).thenComparing(DayKey::day);

        @Override
        public int compareTo(DayKey other) {
            return ORDER.compare(this, other);
        }
    }

    private record TotalKey(UUID organizationId, char period, LocalDate start, UUID memberId)
            implements Comparable<TotalKey> {

        private static final Comparator<TotalKey> ORDER = Comparator.comparing(TotalKey::organizationId)
                .thenComparing(TotalKey::period).thenComparing(TotalKey::start).thenComparing(TotalKey::memberId);

        @Override
        public int compareTo(TotalKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** What one member earned on one day, per action (the order of ScoringAction), plus the counts. */
    private static final class Day {
        final int[] points = new int[ScoringAction.values().length];
        int shares;
        int clicks;
    }

    private PointsLedger() {
    }

    public static List<Awarded> award(Connection connection, List<Award> awards) throws SQLException {
        if (awards.isEmpty()) {
            return List.of();
        }
        Map<UUID, OrganizationScoring> organizations = OrganizationScoring.load(connection,
                awards.stream().map(Award::organizationId).distinct().toList());
        List<Award> ordered = new ArrayList<>(awards);
        ordered.sort(Comparator.comparing(Award::at));
        Map<Award, LocalDate> days = new HashMap<>();
        TreeMap<DayKey, Day> earned = new TreeMap<>();
        for (Award award : ordered) {
            LocalDate day = LocalDate.ofInstant(award.at(), organizations.get(award.organizationId()).zone());
            days.put(award, day);
            earned.put(new DayKey(award.organizationId(), award.memberId(), day), null);
        }
        lockDays(connection, earned);
        Set<String> done = alreadyAwarded(connection, ordered);

        List<Awarded> written = new ArrayList<>();
        Map<DayKey, Day> added = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Award award : ordered) {
            String scope = award.organizationId() + " " + award.key();
            if (done.contains(scope) || !seen.add(scope)) {
                continue;
            }
            LocalDate day = days.get(award);
            DayKey key = new DayKey(award.organizationId(), award.memberId(), day);
            Day today = earned.get(key);
            int slot = award.action().ordinal();
            int requested;
            int points;
            if (award.action().ruled()) {
                ScoringRule rule = organizations.get(award.organizationId()).rule(award.action());
                requested = rule.points();
                points = rule.allowed(today.points[slot]);
            } else {
                requested = award.points();
                points = award.points();
            }
            today.points[slot] += points;
            Day delta = added.computeIfAbsent(key, k -> new Day());
            delta.points[slot] += points;
            delta.shares += award.action() == ScoringAction.SHARE ? 1 : 0;
            delta.clicks += award.action() == ScoringAction.CLICK ? 1 : 0;
            written.add(new Awarded(award, day, requested, points));
        }
        if (written.isEmpty()) {
            return written;
        }
        insertLedger(connection, written);
        addToDays(connection, added);
        addToTotals(connection, added);
        CampaignScores.credit(connection, written);
        Badges.earn(connection, written);
        return written;
    }

    /** Creates the day rows that do not exist yet, then locks them all in key order and reads what they hold. */
    private static void lockDays(Connection connection, TreeMap<DayKey, Day> days) throws SQLException {
        List<DayKey> keys = new ArrayList<>(days.keySet());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into score_days (organization_id, member_id, day)
                select * from unnest(?::uuid[], ?::uuid[], ?::date[]) on conflict do nothing""");
                PreparedStatement lock = connection.prepareStatement("""
                        select d.organization_id, d.member_id, d.day, d.share_points, d.click_points,
                               d.submission_points, d.conversion_points
                        from score_days d join unnest(?::uuid[], ?::uuid[], ?::date[]) k(o, m, d)
                          on d.organization_id = k.o and d.member_id = k.m and d.day = k.d
                        order by d.organization_id, d.member_id, d.day for update of d""")) {
            for (PreparedStatement statement : List.of(insert, lock)) {
                statement.setArray(1, array(connection, "uuid", keys, DayKey::organizationId));
                statement.setArray(2, array(connection, "uuid", keys, DayKey::memberId));
                statement.setArray(3, array(connection, "text", keys, DayKey::day));
            }
            insert.executeUpdate();
            try (ResultSet row = lock.executeQuery()) {
                while (row.next()) {
                    Day day = new Day();
                    day.points[ScoringAction.SHARE.ordinal()] = row.getInt(4);
                    day.points[ScoringAction.CLICK.ordinal()] = row.getInt(5);
                    day.points[ScoringAction.SUBMISSION_APPROVED.ordinal()] = row.getInt(6);
                    day.points[ScoringAction.CONVERSION.ordinal()] = row.getInt(7);
                    days.put(new DayKey(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            row.getObject(3, LocalDate.class)), day);
                }
            }
        }
    }

    private static Set<String> alreadyAwarded(Connection connection, List<Award> awards) throws SQLException {
        Set<String> done = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select l.organization_id, l.award_key from points_ledger l
                join unnest(?::uuid[], ?::text[]) k(o, key) on l.organization_id = k.o and l.award_key = k.key""")) {
            query.setArray(1, array(connection, "uuid", awards, Award::organizationId));
            query.setArray(2, array(connection, "text", awards, Award::key));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    done.add(row.getString(1) + " " + row.getString(2));
                }
            }
        }
        return done;
    }

    private static void insertLedger(Connection connection, List<Awarded> written) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into points_ledger (organization_id, member_id, action, points, requested, award_key, share_id,
                                           content_id, click_id, conversion_id, actor_id, reason, at, day)
                select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::uuid[],
                                     ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[],
                                     ?::date[])""")) {
            insert.setArray(1, array(connection, "uuid", written, w -> w.award().organizationId()));
            insert.setArray(2, array(connection, "uuid", written, w -> w.award().memberId()));
            insert.setArray(3, array(connection, "text", written, w -> w.award().action().id()));
            insert.setArray(4, array(connection, "int4", written, Awarded::points));
            insert.setArray(5, array(connection, "int4", written, Awarded::requested));
            insert.setArray(6, array(connection, "text", written, w -> w.award().key()));
            insert.setArray(7, array(connection, "uuid", written, w -> w.award().shareId()));
            insert.setArray(8, array(connection, "uuid", written, w -> w.award().contentId()));
            insert.setArray(9, array(connection, "uuid", written, w -> w.award().clickId()));
            insert.setArray(10, array(connection, "uuid", written, w -> w.award().conversionId()));
            insert.setArray(11, array(connection, "uuid", written, w -> w.award().actorId()));
            insert.setArray(12, array(connection, "text", written, w -> w.award().reason()));
            insert.setArray(13, array(connection, "text", written, w -> w.award().at().atOffset(ZoneOffset.UTC)));
            insert.setArray(14, array(connection, "text", written, Awarded::day));
            insert.executeUpdate();
        }
    }

    private static void addToDays(Connection connection, Map<DayKey, Day> added) throws SQLException {
        List<Map.Entry<DayKey, Day>> rows = new ArrayList<>(added.entrySet());
        try (PreparedStatement update = connection.prepareStatement(
                """
                        update score_days d set share_points = d.share_points + u.share, click_points = d.click_points + u.click,
                               submission_points = d.submission_points + u.submission,
                               campaign_points = d.campaign_points + u.campaign,
                               adjustment_points = d.adjustment_points + u.adjustment,
                               conversion_points = d.conversion_points + u.conversion,
                               shares = d.shares + u.shares, clicks = d.clicks + u.clicks
                        from unnest(?::uuid[], ?::uuid[], ?::date[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[],
                                    ?::int[], ?::int[])
                             u(o, m, d, share, click, submission, campaign, adjustment, conversion, shares, clicks)
                        where d.organization_id = u.o and d.member_id = u.m and d.day = u.d""")) {
            update.setArray(1, array(connection, "uuid", rows, e -> e.getKey().organizationId()));
            update.setArray(2, array(connection, "uuid", rows, e -> e.getKey().memberId()));
            update.setArray(3, array(connection, "text", rows, e -> e.getKey().day()));
            int parameter = 4;
            for (ScoringAction action : ScoringAction.values()) {
                update.setArray(parameter++,
                        array(connection, "int4", rows, e -> e.getValue().points[action.ordinal()]));
            }
            update.setArray(parameter++, array(connection, "int4", rows, e -> e.getValue().shares));
            update.setArray(parameter, array(connection, "int4", rows, e -> e.getValue().clicks));
            update.executeUpdate();
        }
    }

    /**
     * Adds the days' figures to every period they fall in. A new row copies whether the member is listed from their row
     * ({@code members.listed}); later changes are copied by {@link Scorer}.
     */
    private static void addToTotals(Connection connection, Map<DayKey, Day> added) throws SQLException {
        TreeMap<TotalKey, long[]> totals = new TreeMap<>();
        added.forEach((key, day) -> {
            long points = 0;
            for (int p : day.points) {
                points += p;
            }
            for (Periods period : Periods.values()) {
                long[] sum = totals.computeIfAbsent(
                        new TotalKey(key.organizationId(), period.code(), period.start(key.day()), key.memberId()),
                        k -> new long[3]);
                sum[0] += points;
                sum[1] += day.shares;
                sum[2] += day.clicks;
            }
        });
        List<Map.Entry<TotalKey, long[]>> rows = new ArrayList<>(totals.entrySet());
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into score_totals (organization_id, period, period_start, member_id, points, shares, clicks,
                                          listed)
                select u.o, u.p, u.s, u.m, u.points, u.shares, u.clicks, m.listed
                from unnest(?::uuid[], ?::text[], ?::date[], ?::uuid[], ?::bigint[], ?::int[], ?::int[])
                     with ordinality u(o, p, s, m, points, shares, clicks, n)
                join members m on m.organization_id = u.o and m.id = u.m
                order by u.n
                on conflict (organization_id, period, period_start, member_id) do update
                set points = score_totals.points + excluded.points, shares = score_totals.shares + excluded.shares,
                    clicks = score_totals.clicks + excluded.clicks""")) {
            upsert.setArray(1, array(connection, "uuid", rows, e -> e.getKey().organizationId()));
            upsert.setArray(2, array(connection, "text", rows, e -> String.valueOf(e.getKey().period())));
            upsert.setArray(3, array(connection, "text", rows, e -> e.getKey().start()));
            upsert.setArray(4, array(connection, "uuid", rows, e -> e.getKey().memberId()));
            upsert.setArray(5, array(connection, "int8", rows, e -> e.getValue()[0]));
            upsert.setArray(6, array(connection, "int8", rows, e -> e.getValue()[1]));
            upsert.setArray(7, array(connection, "int8", rows, e -> e.getValue()[2]));
            upsert.executeUpdate();
        }
    }

    static <T> Array array(Connection connection, String type, List<T> rows,
            java.util.function.Function<T, Object> column) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null || value instanceof Number || value instanceof UUID ? value : value.toString();
        }
        return connection.createArrayOf(type, values);
    }

    /** The organization's rules and time zone, as the awards of one transaction see them. */
    record OrganizationScoring(ZoneId zone, Map<ScoringAction, ScoringRule> rules) {

        ScoringRule rule(ScoringAction action) {
            return rules.getOrDefault(action, ScoringRule.defaultFor(action));
        }

        static Map<UUID, OrganizationScoring> load(Connection connection, List<UUID> organizations)
                throws SQLException {
            Map<UUID, OrganizationScoring> loaded = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select o.id, s.time_zone, r.action, r.points, r.daily_cap
                    from organizations o
                    left join organization_settings s on s.organization_id = o.id
                    left join scoring_rules r on r.organization_id = o.id
                    where o.id = any(?)""")) {
                query.setArray(1, connection.createArrayOf("uuid", organizations.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        UUID id = row.getObject(1, UUID.class);
                        ZoneId zone = zone(row.getString(2));
                        OrganizationScoring scoring = loaded.computeIfAbsent(id,
                                k -> new OrganizationScoring(zone, new HashMap<>()));
                        String action = row.getString(3);
                        if (action != null) {
                            ScoringAction ruled = ScoringAction.of(action);
                            scoring.rules().put(ruled,
                                    new ScoringRule(ruled, row.getInt(4), row.getObject(5, Integer.class)));
                        }
                    }
                }
            }
            return loaded;
        }

        static ZoneId zone(String id) {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        }
    }
}
