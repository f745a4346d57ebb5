package io.chorus.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
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
                Jdbc.inTransaction(connection, () -> granted.addAll(grant(connection, campaign)));
                standings.changed(campaign.organizationId(), granted);
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Campaign goals not checked this time: %s", e.getMessage());
        }
    }

    /** Sets goal_reached_at on running campaigns whose participants' total reached the goal. */
    private static void markReached(Connection connection) throws SQLException {
        Jdbc.update(connection, """
                update campaigns c set goal_reached_at = t.now from (select ?::timestamptz as now) t
                where c.goal_metric is not null and c.goal_reached_at is null
                  and c.starts_at <= t.now and c.ends_at > t.now - interval '1 minute'
                  and (select coalesce(sum(case c.goal_metric when 'points' then s.points when 'shares' then s.shares
                                                else s.clicks end), 0)
                       from campaign_scores s
                       where s.organization_id = c.organization_id and s.campaign_id = c.id and """
                + CampaignStandings.ELIGIBLE + """
                        ) >= c.goal_target""", Time.now());
    }

    private static List<Reached> reachedAndRunning(Connection connection) throws SQLException {
        return Jdbc.rows(connection, """
                select organization_id, id, bonus_points from campaigns
                where goal_reached_at is not null and ends_at > ?::timestamptz - interval '1 minute'""", Time.now())
                .stream().map(row -> new Reached((UUID) row[0], (UUID) row[1], (Integer) row[2])).toList();
    }

    /** The badge and the bonus for every eligible participant who does not have them yet; returns them. */
    private static List<UUID> grant(Connection connection, Reached campaign) throws SQLException {
        List<UUID> participants = Jdbc.rows(connection, """
                select s.member_id from campaign_scores s
                where s.organization_id = ? and s.campaign_id = ? and (s.points > 0 or s.shares > 0 or s.clicks > 0)
                  and """ + CampaignStandings.ELIGIBLE + """
                  and not exists (select 1 from member_badges b where b.organization_id = s.organization_id
                                  and b.member_id = s.member_id and b.badge = 'campaign_goal' and b.qualifier = ?)
                order by s.member_id""", campaign.organizationId(), campaign.campaignId(),
                campaign.campaignId().toString()).stream().map(row -> (UUID) row[0]).toList();
        if (participants.isEmpty()) {
            return participants;
        }
        Jdbc.update(connection, """
                insert into member_badges (organization_id, member_id, badge, qualifier, awarded_at)
                select ?, m, 'campaign_goal', ?, ? from unnest(?::uuid[]) m on conflict do nothing""",
                campaign.organizationId(), campaign.campaignId().toString(), Time.now(),
                participants.toArray(UUID[]::new));
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
            Jdbc.inTransaction(connection,
                    () -> Jdbc.update(connection,
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
                                    on conflict do nothing""",
                            Time.now(), Time.now()));
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Monthly top 10 badges not awarded this time: %s", e.getMessage());
        }
    }
}
