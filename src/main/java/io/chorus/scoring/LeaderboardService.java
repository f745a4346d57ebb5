package io.chorus.scoring;

import static io.chorus.common.persistence.Columns.number;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.conversions.ConversionTotals;
import io.chorus.scoring.Ranking.Row;
import io.chorus.scoring.ScoringViews.Badge;
import io.chorus.scoring.ScoringViews.Breakdown;
import io.chorus.scoring.ScoringViews.Entry;
import io.chorus.scoring.ScoringViews.Leaderboard;
import io.chorus.scoring.ScoringViews.Level;
import io.chorus.scoring.ScoringViews.Score;
import io.chorus.scoring.ScoringViews.Standing;
import io.chorus.tenancy.Group;
import io.chorus.tenancy.MemberNames;

/**
 * Leaderboards read the rankings {@link Standings} keeps in memory from the period totals the ledger keeps in step
 * (never the ledger itself): the top of a period is the head of a ranking, a rank is one plus the number of listed
 * members ahead. Standard competition ranking: ties share a rank and the next rank skips (1, 2, 2, 4). Members who are
 * not listed (not active, hidden from leaderboards, or erased) are left out; the caller always gets their own standing.
 */
@ApplicationScoped
public class LeaderboardService {

    private final EntityManager em;
    private final DataSource database;
    private final Tenants tenants;
    private final Standings standings;
    private final MemberNames memberNames;

    @Inject
    public LeaderboardService(EntityManager em, DataSource database, Tenants tenants, Standings standings,
            MemberNames memberNames) {
        this.database = database;
        this.em = em;
        this.tenants = tenants;
        this.standings = standings;
        this.memberNames = memberNames;
    }

    /** Read without a transaction: every statement is one read, and the ranking holds what they are compared with. */
    public Leaderboard leaderboard(Periods period, Metric metric, UUID groupId, int limit, UUID me) {
        if (groupId != null && Group.findByIdOptional(groupId).isEmpty()) {
            throw ProblemException.notFound("This group");
        }
        Standings.Calendar calendar = standings.calendar(tenants.current());
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.ofInstant(Time.now(), zone);
        LocalDate start = period.start(today);
        Ranking ranking = standings.of(new Standings.Key(tenants.current(), period, start, metric, groupId));
        List<Row> top = ranking.top(limit);
        Map<UUID, String> names = new HashMap<>();
        Standing standing = figures(ranking, period, start, metric, me, top, names);
        List<Entry> entries = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        long rank = 0;
        for (Row row : top) {
            long value = row.value(metric);
            rank = value == previous ? rank : entries.size() + 1;
            previous = value;
            entries.add(
                    new Entry(rank, row.member(), names.get(row.member()), row.points(), row.shares(), row.clicks()));
        }
        LocalDate from = period == Periods.ALL ? LocalDate.ofInstant(calendar.createdAt(), zone) : start;
        LocalDate to = period == Periods.ALL ? today : period.end(start);
        return new Leaderboard(period, metric.id(), groupId, from, to, entries, standing);
    }

    /**
     * The names of the members on the page (into {@code names}: remembered, see {@link MemberNames}) and the caller's
     * standing — their figures as they are now, listed or not, and their rank: one plus the listed members ahead of
     * them in the ranking.
     */
    private Standing figures(Ranking ranking, Periods period, LocalDate start, Metric metric, UUID me, List<Row> page,
            Map<UUID, String> names) {
        UUID organization = tenants.current();
        names.putAll(memberNames.of(organization, page.stream().map(Row::member).toList()));
        Row mine = new Row(0, 0, 0, 0, 0);
        for (Object[] c : Jdbc.rows(database,
                """
                        select x.points, x.shares, x.clicks from score_totals x
                        where x.organization_id = ? and x.period = cast(? as char(1)) and x.period_start = ? and x.member_id = ?""",
                organization, String.valueOf(period.code()), start, me)) {
            mine = new Row(0, 0, number(c[0]), (int) number(c[1]), (int) number(c[2]));
        }
        return new Standing(1 + ranking.ahead(mine.value(metric)), mine.points(), mine.shares(), mine.clicks());
    }

    /**
     * The member's score in one statement, outside a transaction (the app and mobile clients read it on every screen):
     * their points by kind, their lifetime points and the organization's levels in a first row, then a row per badge,
     * oldest first, then a row per currency of their attributed conversions. The rank comes from the in-memory ranking,
     * as the leaderboards' do.
     */
    public Score score(UUID me) {
        UUID organization = tenants.current();
        List<Object[]> rows = Jdbc.rows(database,
                """
                        select 0 as part, null::text, null::text, null::timestamptz,
                               coalesce(sum(d.share_points), 0), coalesce(sum(d.click_points), 0),
                               coalesce(sum(d.submission_points), 0), coalesce(sum(d.campaign_points), 0),
                               coalesce(sum(d.adjustment_points), 0), coalesce(sum(d.conversion_points), 0),
                               (select x.points from score_totals x where x.organization_id = ? and x.period = cast(? as char(1))
                                  and x.period_start = ? and x.member_id = ?),
                               (select s.level_thresholds from organization_settings s where s.organization_id = ?)
                        from score_days d where d.organization_id = ? and d.member_id = ?
                        union all
                        select 1, b.badge, b.qualifier, b.awarded_at, null, null, null, null, null, null, null, null
                        from member_badges b where b.organization_id = ? and b.member_id = ?
                        union all
                        select 2, v.currency, null, null, count(*), sum(v.value), null, null, null, null, null, null
                        from conversions v where v.organization_id = ? and v.member_id = ? and v.status = 'attributed'
                        group by v.currency
                        order by 1, 4, 2, 3""",
                organization, String.valueOf(Periods.ALL.code()), Periods.BEGINNING, me, organization, organization, me,
                organization, me, organization, me);
        Object[] sums = rows.get(0);
        Breakdown breakdown = new Breakdown(number(sums[4]), number(sums[5]), number(sums[6]), number(sums[7]),
                number(sums[8]), number(sums[9]));
        long points = sums[10] == null ? 0 : number(sums[10]);
        List<Integer> levels = sums[11] == null ? ScoringService.DEFAULT_LEVELS : Arrays.asList((Integer[]) sums[11]);
        List<Badge> badges = rows.stream().filter(row -> number(row[0]) == 1)
                .map(row -> badge((String) row[1], (String) row[2], (Instant) row[3])).toList();
        // The member's attributed conversions, a row per currency (of ConversionTotals' shape: currency, count, sum).
        ConversionTotals conversions = ConversionTotals.of(rows.stream().filter(row -> number(row[0]) == 2)
                .map(row -> new Object[] { row[1], row[4], row[5] }).toList());
        Ranking everyone = standings
                .of(new Standings.Key(organization, Periods.ALL, Periods.BEGINNING, Metric.POINTS, null));
        return new Score(points, 1 + everyone.ahead(points), level(points, levels), badges, breakdown,
                conversions.conversions(), conversions.conversionValue());
    }

    /** The member's badges, oldest first; a campaign badge names its campaign, a monthly one its month. */
    public List<Badge> badges(UUID member) {
        List<Badge> badges = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                select badge, qualifier, awarded_at from member_badges where organization_id = ?1 and member_id = ?2
                order by awarded_at, badge, qualifier""").setParameter(1, tenants.current()).setParameter(2, member)
                .getResultList()) {
            Object[] c = (Object[]) row;
            badges.add(badge((String) c[0], (String) c[1], (Instant) c[2]));
        }
        return badges;
    }

    private static Badge badge(String id, String qualifier, Instant awardedAt) {
        return new Badge(id, awardedAt, Badges.CAMPAIGN_GOAL.equals(id) ? UUID.fromString(qualifier) : null,
                Badges.TOP_10_MONTH.equals(id) ? qualifier : null);
    }

    static Level level(long points, List<Integer> thresholds) {
        int index = 0;
        while (index + 1 < thresholds.size() && points >= thresholds.get(index + 1)) {
            index++;
        }
        long from = thresholds.get(index);
        Long next = index + 1 < thresholds.size() ? Long.valueOf(thresholds.get(index + 1)) : null;
        int progress = next == null ? 100 : (int) Math.max(0, (points - from) * 100 / (next - from));
        return new Level(index + 1, from, next, progress);
    }
}
