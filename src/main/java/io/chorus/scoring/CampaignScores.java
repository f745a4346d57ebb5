package io.chorus.scoring;

import static io.chorus.common.persistence.Jdbc.column;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.chorus.common.persistence.Jdbc;
import io.chorus.scoring.PointsLedger.Awarded;

/**
 * What members earned on each campaign's content inside its window ({@code campaign_scores}), kept in step with the
 * ledger. Crediting takes a share lock on the campaigns concerned and a rebuild an exclusive one, so that a rebuild
 * (the campaign's content or window changed) never races an award.
 */
final class CampaignScores {

    /** Points earned on content count for the campaigns of that content. */
    private static final List<ScoringAction> ON_CONTENT = List.of(ScoringAction.SHARE, ScoringAction.CLICK,
            ScoringAction.SUBMISSION_APPROVED, ScoringAction.CONVERSION);

    private record Key(UUID organizationId, UUID campaignId, UUID memberId) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::campaignId).thenComparing(Key::memberId);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private record Window(UUID campaignId, Instant startsAt, Instant endsAt) {
    }

    private CampaignScores() {
    }

    static void credit(Connection connection, List<Awarded> written) throws SQLException {
        List<Awarded> onContent = written.stream()
                .filter(w -> w.award().contentId() != null && ON_CONTENT.contains(w.award().action())).toList();
        if (onContent.isEmpty()) {
            return;
        }
        Map<String, List<Window>> campaigns = new TreeMap<>();
        for (Object[] row : Jdbc.rows(connection,
                """
                        select cc.organization_id, cc.content_id, c.id, c.starts_at, c.ends_at
                        from campaign_content cc join campaigns c on c.organization_id = cc.organization_id and c.id = cc.campaign_id
                        where (cc.organization_id, cc.content_id) in (select * from unnest(?::uuid[], ?::uuid[]))
                        order by c.id for share of c""",
                column("uuid", onContent, w -> w.award().organizationId()),
                column("uuid", onContent, w -> w.award().contentId()))) {
            campaigns.computeIfAbsent(row[0] + " " + row[1], k -> new ArrayList<>())
                    .add(new Window((UUID) row[2], (Instant) row[3], (Instant) row[4]));
        }
        if (campaigns.isEmpty()) {
            return;
        }
        TreeMap<Key, long[]> credits = new TreeMap<>();
        for (Awarded awarded : onContent) {
            var award = awarded.award();
            for (Window window : campaigns.getOrDefault(award.organizationId() + " " + award.contentId(), List.of())) {
                if (award.at().isBefore(window.startsAt()) || !award.at().isBefore(window.endsAt())) {
                    continue;
                }
                long[] sum = credits.computeIfAbsent(
                        new Key(award.organizationId(), window.campaignId(), award.memberId()), k -> new long[3]);
                sum[0] += awarded.points();
                sum[1] += award.action() == ScoringAction.SHARE ? 1 : 0;
                sum[2] += award.action() == ScoringAction.CLICK ? 1 : 0;
            }
        }
        if (credits.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, long[]>> rows = new ArrayList<>(credits.entrySet());
        Jdbc.update(connection,
                """
                        insert into campaign_scores (organization_id, campaign_id, member_id, points, shares, clicks)
                        select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::int[], ?::int[])
                        on conflict (organization_id, campaign_id, member_id) do update
                        set points = campaign_scores.points + excluded.points, shares = campaign_scores.shares + excluded.shares,
                            clicks = campaign_scores.clicks + excluded.clicks""",
                column("uuid", rows, e -> e.getKey().organizationId()),
                column("uuid", rows, e -> e.getKey().campaignId()), column("uuid", rows, e -> e.getKey().memberId()),
                column("int8", rows, e -> e.getValue()[0]), column("int8", rows, e -> e.getValue()[1]),
                column("int8", rows, e -> e.getValue()[2]));
    }

    /** Recomputes a campaign's scores from the ledger, under an exclusive lock on the campaign. */
    static void rebuild(Connection connection, UUID organizationId, UUID campaignId) throws SQLException {
        Jdbc.rows(connection, "select 1 from campaigns where organization_id = ? and id = ? for update", organizationId,
                campaignId);
        Jdbc.update(connection, "delete from campaign_scores where organization_id = ? and campaign_id = ?",
                organizationId, campaignId);
        Jdbc.update(connection, """
                insert into campaign_scores (organization_id, campaign_id, member_id, points, shares, clicks)
                select l.organization_id, c.id, l.member_id, sum(l.points),
                       count(*) filter (where l.action = 'share'), count(*) filter (where l.action = 'click')
                from campaigns c
                join campaign_content cc on cc.organization_id = c.organization_id and cc.campaign_id = c.id
                join points_ledger l on l.organization_id = c.organization_id and l.content_id = cc.content_id
                  and l.at >= c.starts_at and l.at < c.ends_at
                  and l.action in ('share', 'click', 'submission_approved', 'conversion')
                where c.organization_id = ? and c.id = ?
                group by l.organization_id, c.id, l.member_id""", organizationId, campaignId);
    }
}
