package io.chorus.scoring;

import static io.chorus.scoring.PointsLedger.array;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
        try (PreparedStatement query = connection.prepareStatement(
                """
                        select cc.organization_id, cc.content_id, c.id, c.starts_at, c.ends_at
                        from campaign_content cc join campaigns c on c.organization_id = cc.organization_id and c.id = cc.campaign_id
                        where (cc.organization_id, cc.content_id) in (select * from unnest(?::uuid[], ?::uuid[]))
                        order by c.id for share of c""")) {
            query.setArray(1, array(connection, "uuid", onContent, w -> w.award().organizationId()));
            query.setArray(2, array(connection, "uuid", onContent, w -> w.award().contentId()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    campaigns.computeIfAbsent(row.getString(1) + " " + row.getString(2), k -> new ArrayList<>())
                            .add(new Window(row.getObject(3, UUID.class), row.getTimestamp(4).toInstant(),
                                    row.getTimestamp(5).toInstant()));
                }
            }
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
        try (PreparedStatement upsert = connection.prepareStatement(
                """
                        insert into campaign_scores (organization_id, campaign_id, member_id, points, shares, clicks)
                        select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::int[], ?::int[])
                        on conflict (campaign_id, member_id) do update
                        set points = campaign_scores.points + excluded.points, shares = campaign_scores.shares + excluded.shares,
                            clicks = campaign_scores.clicks + excluded.clicks""")) {
            upsert.setArray(1, array(connection, "uuid", rows, e -> e.getKey().organizationId()));
            upsert.setArray(2, array(connection, "uuid", rows, e -> e.getKey().campaignId()));
            upsert.setArray(3, array(connection, "uuid", rows, e -> e.getKey().memberId()));
            upsert.setArray(4, array(connection, "int8", rows, e -> e.getValue()[0]));
            upsert.setArray(5, array(connection, "int8", rows, e -> e.getValue()[1]));
            upsert.setArray(6, array(connection, "int8", rows, e -> e.getValue()[2]));
            upsert.executeUpdate();
        }
    }

    /** Recomputes a campaign's scores from the ledger, under an exclusive lock on the campaign. */
    static void rebuild(Connection connection, UUID organizationId, UUID campaignId) throws SQLException {
        try (PreparedStatement lock = connection
                .prepareStatement("select 1 from campaigns where organization_id = ? and id = ? for update");
                PreparedStatement delete = connection
                        .prepareStatement("delete from campaign_scores where organization_id = ? and campaign_id = ?");
                PreparedStatement insert = connection.prepareStatement("""
                        insert into campaign_scores (organization_id, campaign_id, member_id, points, shares, clicks)
                        select l.organization_id, c.id, l.member_id, sum(l.points),
                               count(*) filter (where l.action = 'share'), count(*) filter (where l.action = 'click')
                        from campaigns c
                        join campaign_content cc on cc.organization_id = c.organization_id and cc.campaign_id = c.id
                        join points_ledger l on l.organization_id = c.organization_id and l.content_id = cc.content_id
                          and l.at >= c.starts_at and l.at < c.ends_at
                          and l.action in ('share', 'click', 'submission_approved', 'conversion')
                        where c.organization_id = ? and c.id = ?
                        group by l.organization_id, c.id, l.member_id""")) {
            for (PreparedStatement statement : List.of(lock, delete, insert)) {
                statement.setObject(1, organizationId);
                statement.setObject(2, campaignId);
            }
            lock.executeQuery().close();
            delete.executeUpdate();
            insert.executeUpdate();
        }
    }
}
