package io.chorus.scoring;

import static io.chorus.common.persistence.Jdbc.column;

import java.sql.Connection;
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

import io.chorus.common.persistence.Jdbc;

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
        Object[] keyColumns = { column("uuid", keys, DayKey::organizationId), column("uuid", keys, DayKey::memberId),
                column("text", keys, DayKey::day) };
        Jdbc.update(connection, """
                insert into score_days (organization_id, member_id, day)
                select * from unnest(?::uuid[], ?::uuid[], ?::date[]) on conflict do nothing""", keyColumns);
        for (Object[] row : Jdbc.rows(connection, """
                select d.organization_id, d.member_id, d.day, d.share_points, d.click_points,
                       d.submission_points, d.conversion_points
                from score_days d join unnest(?::uuid[], ?::uuid[], ?::date[]) k(o, m, d)
                  on d.organization_id = k.o and d.member_id = k.m and d.day = k.d
                order by d.organization_id, d.member_id, d.day for update of d""", keyColumns)) {
            Day day = new Day();
            day.points[ScoringAction.SHARE.ordinal()] = (Integer) row[3];
            day.points[ScoringAction.CLICK.ordinal()] = (Integer) row[4];
            day.points[ScoringAction.SUBMISSION_APPROVED.ordinal()] = (Integer) row[5];
            day.points[ScoringAction.CONVERSION.ordinal()] = (Integer) row[6];
            days.put(new DayKey((UUID) row[0], (UUID) row[1], ((java.sql.Date) row[2]).toLocalDate()), day);
        }
    }

    private static Set<String> alreadyAwarded(Connection connection, List<Award> awards) throws SQLException {
        Set<String> done = new HashSet<>();
        for (Object[] row : Jdbc.rows(connection, """
                select l.organization_id, l.award_key from points_ledger l
                join unnest(?::uuid[], ?::text[]) k(o, key) on l.organization_id = k.o and l.award_key = k.key""",
                column("uuid", awards, Award::organizationId), column("text", awards, Award::key))) {
            done.add(row[0] + " " + row[1]);
        }
        return done;
    }

    private static void insertLedger(Connection connection, List<Awarded> written) throws SQLException {
        Jdbc.update(connection, """
                insert into points_ledger (organization_id, member_id, action, points, requested, award_key, share_id,
                                           content_id, click_id, conversion_id, actor_id, reason, at, day)
                select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::uuid[],
                                     ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[],
                                     ?::date[])""", column("uuid", written, w -> w.award().organizationId()),
                column("uuid", written, w -> w.award().memberId()),
                column("text", written, w -> w.award().action().id()), column("int4", written, Awarded::points),
                column("int4", written, Awarded::requested), column("text", written, w -> w.award().key()),
                column("uuid", written, w -> w.award().shareId()), column("uuid", written, w -> w.award().contentId()),
                column("uuid", written, w -> w.award().clickId()),
                column("uuid", written, w -> w.award().conversionId()),
                column("uuid", written, w -> w.award().actorId()), column("text", written, w -> w.award().reason()),
                column("text", written, w -> w.award().at().atOffset(ZoneOffset.UTC)),
                column("text", written, Awarded::day));
    }

    private static void addToDays(Connection connection, Map<DayKey, Day> added) throws SQLException {
        List<Map.Entry<DayKey, Day>> rows = new ArrayList<>(added.entrySet());
        List<Object> parameters = new ArrayList<>(List.of(column("uuid", rows, e -> e.getKey().organizationId()),
                column("uuid", rows, e -> e.getKey().memberId()), column("text", rows, e -> e.getKey().day())));
        for (ScoringAction action : ScoringAction.values()) {
            parameters.add(column("int4", rows, e -> e.getValue().points[action.ordinal()]));
        }
        parameters.add(column("int4", rows, e -> e.getValue().shares));
        parameters.add(column("int4", rows, e -> e.getValue().clicks));
        Jdbc.update(connection,
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
                        where d.organization_id = u.o and d.member_id = u.m and d.day = u.d""",
                parameters.toArray());
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
        Jdbc.update(connection, """
                insert into score_totals (organization_id, period, period_start, member_id, points, shares, clicks,
                                          listed)
                select u.o, u.p, u.s, u.m, u.points, u.shares, u.clicks, m.listed
                from unnest(?::uuid[], ?::text[], ?::date[], ?::uuid[], ?::bigint[], ?::int[], ?::int[])
                     with ordinality u(o, p, s, m, points, shares, clicks, n)
                join members m on m.organization_id = u.o and m.id = u.m
                order by u.n
                on conflict (organization_id, period, period_start, member_id) do update
                set points = score_totals.points + excluded.points, shares = score_totals.shares + excluded.shares,
                    clicks = score_totals.clicks + excluded.clicks""",
                column("uuid", rows, e -> e.getKey().organizationId()),
                column("text", rows, e -> String.valueOf(e.getKey().period())),
                column("text", rows, e -> e.getKey().start()), column("uuid", rows, e -> e.getKey().memberId()),
                column("int8", rows, e -> e.getValue()[0]), column("int8", rows, e -> e.getValue()[1]),
                column("int8", rows, e -> e.getValue()[2]));
    }

    /** The organization's rules and time zone, as the awards of one transaction see them. */
    record OrganizationScoring(ZoneId zone, Map<ScoringAction, ScoringRule> rules) {

        ScoringRule rule(ScoringAction action) {
            return rules.getOrDefault(action, ScoringRule.defaultFor(action));
        }

        static Map<UUID, OrganizationScoring> load(Connection connection, List<UUID> organizations)
                throws SQLException {
            Map<UUID, OrganizationScoring> loaded = new HashMap<>();
            for (Object[] row : Jdbc.rows(connection, """
                    select o.id, s.time_zone, r.action, r.points, r.daily_cap
                    from organizations o
                    left join organization_settings s on s.organization_id = o.id
                    left join scoring_rules r on r.organization_id = o.id
                    where o.id = any(?)""", (Object) organizations.toArray(UUID[]::new))) {
                ZoneId zone = zone((String) row[1]);
                OrganizationScoring scoring = loaded.computeIfAbsent((UUID) row[0],
                        k -> new OrganizationScoring(zone, new HashMap<>()));
                String action = (String) row[2];
                if (action != null) {
                    ScoringAction ruled = ScoringAction.of(action);
                    scoring.rules().put(ruled, new ScoringRule(ruled, (Integer) row[3], (Integer) row[4]));
                }
            }
            return loaded;
        }

        static ZoneId zone(String id) {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        }
    }
}
