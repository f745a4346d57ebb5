package io.chorus.scoring;

import static io.chorus.common.persistence.Columns.number;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.chorus.common.tenant.Tenants;
import io.chorus.scoring.CampaignViews.CampaignLeaderboard;
import io.chorus.scoring.ScoringViews.Entry;
import io.chorus.scoring.ScoringViews.Standing;

/**
 * Who stands where in a campaign, read from {@code campaign_scores} in the caller's transaction. Who counts — members
 * of the target groups, or everyone when there are none — is decided here when reading, so group changes apply at once.
 */
@ApplicationScoped
class CampaignStandings {

    /** Whether campaign_scores row {@code s} belongs to an eligible member: in a target group, or no target groups. */
    static final String ELIGIBLE = eligible("s");
    /** Whether the row's member is listed on leaderboards: active, visible and not erased. */
    private static final String LISTED = """
            exists (select 1 from members m
                    where m.organization_id = s.organization_id and m.id = s.member_id and m.listed)
            """;

    private final EntityManager em;
    private final Tenants tenants;

    @Inject
    CampaignStandings(EntityManager em, Tenants tenants) {
        this.em = em;
        this.tenants = tenants;
    }

    static String eligible(String row) {
        return """
                (not exists (select 1 from campaign_groups cg
                             where cg.organization_id = %1$s.organization_id and cg.campaign_id = %1$s.campaign_id)
                 or exists (select 1 from campaign_groups cg join group_memberships g
                              on g.organization_id = cg.organization_id and g.group_id = cg.group_id
                            where cg.organization_id = %1$s.organization_id and cg.campaign_id = %1$s.campaign_id
                              and g.member_id = %1$s.member_id))
                """.formatted(row);
    }

    /** The campaign's top {@code limit} eligible, listed members by {@code metric}, and the caller's standing. */
    CampaignLeaderboard leaderboard(Campaign campaign, Metric metric, int limit, UUID me) {
        UUID id = campaign.id;
        Query top = em.createNativeQuery("select s.member_id, m.name, s.points, s.shares, s.clicks"
                + " from campaign_scores s join members m on m.organization_id = s.organization_id and m.id = s.member_id"
                + " where s.organization_id = :org and s.campaign_id = :campaign and " + ELIGIBLE + " and " + LISTED
                + " order by s." + metric.column() + " desc, s.member_id limit :limit")
                .setParameter("org", tenants.current()).setParameter("campaign", id).setParameter("limit", limit);
        List<Entry> entries = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        long rank = 0;
        for (Object row : top.getResultList()) {
            Object[] c = (Object[]) row;
            long value = number(c[2 + metric.ordinal()]);
            rank = value == previous ? rank : entries.size() + 1;
            previous = value;
            entries.add(new Entry(rank, (UUID) c[0], (String) c[1], number(c[2]), number(c[3]), number(c[4])));
        }
        Object[] mine = (Object[]) em.createNativeQuery("select coalesce(x.points, 0), coalesce(x.shares, 0),"
                + " coalesce(x.clicks, 0), (select count(*) from campaign_scores s where s.organization_id = :org and s.campaign_id = :campaign"
                + " and s.member_id <> :me and s." + metric.column() + " > coalesce(x." + metric.column() + ", 0) and "
                + ELIGIBLE + " and " + LISTED + ") from (select 1) one"
                + " left join campaign_scores x on x.organization_id = :org and x.campaign_id = :campaign and x.member_id = :me"
                + " and " + eligible("x")).setParameter("org", tenants.current()).setParameter("campaign", id)
                .setParameter("me", me).getSingleResult();
        Standing standing = new Standing(1 + number(mine[3]), number(mine[0]), number(mine[1]), number(mine[2]));
        return new CampaignLeaderboard(campaign.id, metric.id(), campaign.startsAt, campaign.endsAt, entries, standing);
    }

    /**
     * How many members take part in each of these campaigns: eligible members who earned something on it. Members
     * hidden from leaderboards count here (as in the goal's progress) without being listed.
     */
    Map<UUID, Long> participants(Collection<UUID> campaignIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.campaign_id, count(*) from campaign_scores s"
                + " where s.organization_id = ?1 and s.campaign_id = any(?2)"
                + " and (s.points <> 0 or s.shares > 0 or s.clicks > 0) and " + ELIGIBLE + " group by s.campaign_id")
                .setParameter(1, tenants.current()).setParameter(2, campaignIds.toArray(UUID[]::new)).getResultList();
        rows.forEach(row -> counts.put((UUID) row[0], number(row[1])));
        return counts;
    }

    /** The campaign's eligible members' total of {@code metric}: its goal's progress. */
    long total(Campaign campaign, Metric metric) {
        return number(em.createNativeQuery("select coalesce(sum(s." + metric.column()
                + "), 0) from campaign_scores s where s.organization_id = :org and s.campaign_id = :campaign and "
                + ELIGIBLE).setParameter("org", campaign.organization()).setParameter("campaign", campaign.id)
                .getSingleResult());
    }
}
