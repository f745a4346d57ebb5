package io.chorus.scoring;

import static io.chorus.common.persistence.Columns.number;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;
import io.chorus.scoring.ScoringViews.Badge;
import io.chorus.scoring.ScoringViews.Breakdown;
import io.chorus.scoring.ScoringViews.Entry;
import io.chorus.scoring.ScoringViews.Leaderboard;
import io.chorus.scoring.ScoringViews.Level;
import io.chorus.scoring.ScoringViews.Score;
import io.chorus.scoring.ScoringViews.Standing;
import io.chorus.scoring.Standings.Ranking;
import io.chorus.tenancy.Group;

/**
 * Leaderboards read the rankings {@link Standings} keeps in memory from the period totals the ledger keeps in step
 * (never the ledger itself): the top of a period is the head of a ranking, a rank is one plus the number of listed
 * members ahead. Standard competition ranking: ties share a rank and the next rank skips (1, 2, 2, 4). Members who are
 * not listed (not active, hidden from leaderboards, or erased) are left out; the caller always gets their own standing.
 */
@ApplicationScoped
public class LeaderboardService {

    public static final List<String> METRICS = List.of("points", "shares", "clicks");
    private final EntityManager em;
    private final Tenants tenants;
    private final Standings standings;

    @Inject
    public LeaderboardService(EntityManager em, Tenants tenants, Standings standings) {
        this.em = em;
        this.tenants = tenants;
        this.standings = standings;
    }

    /** The metric named, or IllegalArgumentException. */
    public static String metric(String name) {
        if (!METRICS.contains(name)) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }

    /** Read without a transaction: every statement is one read, and the ranking holds what they are compared with. */
    public Leaderboard leaderboard(Periods period, String metric, UUID groupId, int limit, UUID me) {
        if (groupId != null && Group.findByIdOptional(groupId).isEmpty()) {
            throw ProblemException.notFound("This group");
        }
        Standings.Calendar calendar = standings.calendar(tenants.current());
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.ofInstant(Time.now(), zone);
        LocalDate start = period.start(today);
        Ranking ranking = standings.of(new Standings.Key(tenants.current(), period, start, metric, groupId));
        List<Standings.Row> top = ranking.top(limit);
        Map<UUID, String> names = new HashMap<>();
        Standing standing = figures(ranking, period, start, metric, me, top, names);
        List<Entry> entries = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        long rank = 0;
        for (Standings.Row row : top) {
            long value = row.value(metric);
            rank = value == previous ? rank : entries.size() + 1;
            previous = value;
            entries.add(
                    new Entry(rank, row.member(), names.get(row.member()), row.points(), row.shares(), row.clicks()));
        }
        LocalDate from = period == Periods.ALL ? LocalDate.ofInstant(calendar.createdAt(), zone) : start;
        LocalDate to = period == Periods.ALL ? today : period.end(start);
        return new Leaderboard(period, metric, groupId, from, to, entries, standing);
    }

    /**
     * In one statement: the names of the members on the page (into {@code names}) and the caller's standing — their
     * figures as they are now, listed or not, and their rank: one plus the listed members ahead of them in the ranking.
     */
    private Standing figures(Ranking ranking, Periods period, LocalDate start, String metric, UUID me,
            List<Standings.Row> page, Map<UUID, String> names) {
        List<UUID> members = new ArrayList<>(page.size() + 1);
        page.forEach(row -> members.add(row.member()));
        members.add(me);
        Standings.Row mine = new Standings.Row(0, 0, 0, 0, 0);
        for (Object row : em.createNativeQuery("""
                select m.id, m.name, x.points, x.shares, x.clicks from members m
                left join score_totals x on m.id = ?4 and x.organization_id = ?1 and x.period = ?2
                  and x.period_start = ?3 and x.member_id = m.id
                where m.organization_id = ?1 and m.id = any(?5)""").setParameter(1, tenants.current())
                .setParameter(2, String.valueOf(period.code())).setParameter(3, start).setParameter(4, me)
                .setParameter(5, members.toArray(UUID[]::new)).getResultList()) {
            Object[] c = (Object[]) row;
            names.put((UUID) c[0], (String) c[1]);
            if (c[2] != null) {
                mine = new Standings.Row(0, 0, number(c[2]), (int) number(c[3]), (int) number(c[4]));
            }
        }
        return new Standing(1 + ranking.ahead(mine.value(metric)), mine.points(), mine.shares(), mine.clicks());
    }

    @Transactional
    public Score score(UUID me) {
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        Object[] sums = (Object[]) em.createNativeQuery("""
                select coalesce(sum(share_points), 0), coalesce(sum(click_points), 0),
                       coalesce(sum(submission_points), 0), coalesce(sum(campaign_points), 0),
                       coalesce(sum(adjustment_points), 0)
                from score_days where organization_id = ?1 and member_id = ?2""").setParameter(1, tenants.current())
                .setParameter(2, me).getSingleResult();
        Breakdown breakdown = new Breakdown(number(sums[0]), number(sums[1]), number(sums[2]), number(sums[3]),
                number(sums[4]));
        Ranking everyone = standings
                .of(new Standings.Key(tenants.current(), Periods.ALL, Periods.BEGINNING, "points", null));
        Standing standing = figures(everyone, Periods.ALL, Periods.BEGINNING, "points", me, List.of(), new HashMap<>());
        return new Score(standing.points(), standing.rank(), level(standing.points(), ScoringService.levels(settings)),
                badges(me), breakdown);
    }

    /** The member's badges, oldest first; a campaign badge names its campaign, a monthly one its month. */
    public List<Badge> badges(UUID member) {
        List<Badge> badges = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                select badge, qualifier, awarded_at from member_badges where organization_id = ?1 and member_id = ?2
                order by awarded_at, badge, qualifier""").setParameter(1, tenants.current()).setParameter(2, member)
                .getResultList()) {
            Object[] c = (Object[]) row;
            String id = (String) c[0];
            String qualifier = (String) c[1];
            badges.add(new Badge(id, (java.time.Instant) c[2],
                    Badges.CAMPAIGN_GOAL.equals(id) ? UUID.fromString(qualifier) : null,
                    Badges.TOP_10_MONTH.equals(id) ? qualifier : null));
        }
        return badges;
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
