package io.chorus.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.Time;
import io.chorus.scoring.PointsLedger.Award;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The badges that depend on everyone's figures, not one award: campaign goals (checked every few seconds while a
 * campaign runs: once reached, every participant gets the campaign badge and its bonus points, and so does anyone who
 * joins in before it ends) and the top 10 of each month (once the month is over in the organization's time zone).
 */
@ApplicationScoped
public class BadgeJobs {

    private final DataSource dataSource;
    private final Standings standings;

    @Inject
    public BadgeJobs(DataSource dataSource, Standings standings) {
        this.dataSource = dataSource;
        this.standings = standings;
    }

    private record Reached(UUID organizationId, UUID campaignId, int bonusPoints) {
    }

    @Scheduled(every = "${chorus.campaigns.goal-check-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void campaignGoals() {
        try (Connection connection = dataSource.getConnection()) {
            markReached(connection);
            for (Reached campaign : reachedAndRunning(connection)) {
                List<UUID> granted = new ArrayList<>();
                transaction(connection, () -> granted.addAll(grant(connection, campaign)));
                standings.changed(campaign.organizationId(), granted);
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Campaign goals not checked this time: %s", e.getMessage());
        }
    }

    /** Sets goal_reached_at on running campaigns whose participants' total reached the goal. */
    private static void markReached(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update campaigns c set goal_reached_at = t.now from (select ?::timestamptz as now) t
                where c.goal_metric is not null and c.goal_reached_at is null
                  and c.starts_at <= t.now and c.ends_at > t.now - interval '1 minute'
                  and (select coalesce(sum(case c.goal_metric when 'points' then s.points when 'shares' then s.shares
                                                else s.clicks end), 0)
                       from campaign_scores s
                       where s.organization_id = c.organization_id and s.campaign_id = c.id and """
                + CampaignService.ELIGIBLE + """
                        ) >= c.goal_target""")) {
            update.setObject(1, now());
            update.executeUpdate();
        }
    }

    private static List<Reached> reachedAndRunning(Connection connection) throws SQLException {
        List<Reached> reached = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select organization_id, id, bonus_points from campaigns
                where goal_reached_at is not null and ends_at > ?::timestamptz - interval '1 minute'""")) {
            query.setObject(1, now());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    reached.add(new Reached(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getInt(3)));
                }
            }
        }
        return reached;
    }

    /** The badge and the bonus for every eligible participant who does not have them yet; returns them. */
    private static List<UUID> grant(Connection connection, Reached campaign) throws SQLException {
        List<UUID> participants = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select s.member_id from campaign_scores s
                where s.organization_id = ? and s.campaign_id = ? and (s.points > 0 or s.shares > 0 or s.clicks > 0)
                  and """ + CampaignService.ELIGIBLE + """
                  and not exists (select 1 from member_badges b where b.organization_id = s.organization_id
                                  and b.member_id = s.member_id and b.badge = 'campaign_goal' and b.qualifier = ?)
                order by s.member_id""")) {
            query.setObject(1, campaign.organizationId());
            query.setObject(2, campaign.campaignId());
            query.setString(3, campaign.campaignId().toString());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    participants.add(row.getObject(1, UUID.class));
                }
            }
        }
        if (participants.isEmpty()) {
            return participants;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into member_badges (organization_id, member_id, badge, qualifier, awarded_at)
                select ?, m, 'campaign_goal', ?, ? from unnest(?::uuid[]) m on conflict do nothing""")) {
            insert.setObject(1, campaign.organizationId());
            insert.setString(2, campaign.campaignId().toString());
            insert.setObject(3, now());
            insert.setArray(4, connection.createArrayOf("uuid", participants.toArray()));
            insert.executeUpdate();
        }
        if (campaign.bonusPoints() > 0) {
            Instant now = Time.now();
            List<Award> bonuses = participants.stream()
                    .map(member -> new Award(campaign.organizationId(), member, ScoringAction.CAMPAIGN,
                            "campaign:" + campaign.campaignId() + ":" + member, null, null, null, null, now,
                            campaign.bonusPoints(), null, null))
                    .toList();
            PointsLedger.award(connection, bonuses);
        }
        return participants;
    }

    /** Every listed member ranked in the top 10 (ties included) of the last month that is over. */
    @Scheduled(every = "${chorus.badges.monthly-check-interval:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void monthlyTop10() {
        try (Connection connection = dataSource.getConnection()) {
            transaction(connection, () -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        """
                                insert into member_badges (organization_id, member_id, badge, qualifier, awarded_at)
                                select r.organization_id, r.member_id, 'top10_month', to_char(r.period_start, 'YYYY-MM'), ?
                                from (select t.organization_id, t.member_id, t.period_start,
                                             rank() over (partition by t.organization_id order by t.points desc) as rank
                                      from organizations o
                                      left join organization_settings s on s.organization_id = o.id
                                      join score_totals t on t.organization_id = o.id and t.period = 'm' and t.listed
                                        and t.points > 0
                                        and t.period_start = (date_trunc('month', ?::timestamptz at time zone coalesce(s.time_zone, 'UTC'))
                                                              - interval '1 month')::date) r
                                where r.rank <= 10
                                on conflict do nothing""")) {
                    insert.setObject(1, now());
                    insert.setObject(2, now());
                    insert.executeUpdate();
                }
            });
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Monthly top 10 badges not awarded this time: %s", e.getMessage());
        }
    }

    private static OffsetDateTime now() {
        return Time.now().atOffset(ZoneOffset.UTC);
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void transaction(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
