package io.chorus.scoring;

import static io.chorus.common.persistence.Columns.number;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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
import io.chorus.tenancy.Group;
import io.chorus.tenancy.Organization;

/**
 * Leaderboards read the period totals the ledger keeps in step (never the ledger itself): the top of a period is an
 * index range, a rank is one plus the number of listed members ahead. Standard competition ranking: ties share a rank
 * and the next rank skips (1, 2, 2, 4). Members who are not listed (not active, hidden from leaderboards, or erased)
 * are left out; the caller always gets their own standing.
 */
@ApplicationScoped
public class LeaderboardService {

    public static final List<String> METRICS = List.of("points", "shares", "clicks");
    private static final String IN_GROUP = " and exists (select 1 from group_memberships g"
            + " where g.organization_id = t.organization_id and g.group_id = :group and g.member_id = t.member_id)";
    private final EntityManager em;
    private final Tenants tenants;

    @Inject
    public LeaderboardService(EntityManager em, Tenants tenants) {
        this.em = em;
        this.tenants = tenants;
    }

    /** The metric named, or IllegalArgumentException. */
    public static String metric(String name) {
        if (!METRICS.contains(name)) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }

    @Transactional
    public Leaderboard leaderboard(Periods period, String metric, UUID groupId, int limit, UUID me) {
        if (groupId != null && Group.findByIdOptional(groupId).isEmpty()) {
            throw ProblemException.notFound("This group");
        }
        ZoneId zone = ScoringService.zone(OrganizationSettings.of(tenants.current()));
        LocalDate today = LocalDate.ofInstant(Time.now(), zone);
        LocalDate start = period.start(today);
        String group = groupId == null ? "" : IN_GROUP;
        Query top = em.createNativeQuery("select t.member_id, m.name, t.points, t.shares, t.clicks"
                + " from score_totals t join members m on m.id = t.member_id"
                + " where t.organization_id = :org and t.period = :period and t.period_start = :start and t.listed"
                + group + " order by t." + metric + " desc, t.member_id limit :limit");
        bind(top, period, start, groupId).setParameter("limit", limit);
        List<Entry> entries = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        long rank = 0;
        for (Object row : top.getResultList()) {
            Object[] c = (Object[]) row;
            long value = number(c[2 + METRICS.indexOf(metric)]);
            rank = value == previous ? rank : entries.size() + 1;
            previous = value;
            entries.add(new Entry(rank, (UUID) c[0], (String) c[1], number(c[2]), number(c[3]), number(c[4])));
        }
        LocalDate from = period == Periods.ALL
                ? LocalDate.ofInstant(Organization.<Organization> findById(tenants.current()).createdAt, zone)
                : start;
        LocalDate to = period == Periods.ALL ? today : period.end(start);
        return new Leaderboard(period, metric, groupId, from, to, entries,
                standing(period, start, metric, groupId, me));
    }

    /** The caller's figures and rank, in one statement: one plus the listed members ahead of them. */
    private Standing standing(Periods period, LocalDate start, String metric, UUID groupId, UUID me) {
        String group = groupId == null ? "" : IN_GROUP;
        Query query = em.createNativeQuery("select coalesce(x.points, 0), coalesce(x.shares, 0),"
                + " coalesce(x.clicks, 0), (select count(*) from score_totals t where t.organization_id = :org"
                + " and t.period = :period and t.period_start = :start and t.listed and t.member_id <> :me" + " and t."
                + metric + " > coalesce(x." + metric + ", 0)" + group + ")"
                + " from (select 1) one left join score_totals x on x.organization_id = :org"
                + " and x.period = :period and x.period_start = :start and x.member_id = :me");
        Object[] row = (Object[]) bind(query, period, start, groupId).setParameter("me", me).getSingleResult();
        return new Standing(1 + number(row[3]), number(row[0]), number(row[1]), number(row[2]));
    }

    private Query bind(Query query, Periods period, LocalDate start, UUID groupId) {
        query.setParameter("org", tenants.current()).setParameter("period", String.valueOf(period.code()))
                .setParameter("start", start);
        if (groupId != null) {
            query.setParameter("group", groupId);
        }
        return query;
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
        Standing standing = standing(Periods.ALL, Periods.BEGINNING, "points", null, me);
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
