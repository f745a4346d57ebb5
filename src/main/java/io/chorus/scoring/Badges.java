package io.chorus.scoring;

import static io.chorus.common.persistence.Jdbc.column;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.scoring.PointsLedger.Awarded;

/**
 * Badges, each awarded once ({@code member_badges}' key refuses a second), in the transaction of the award that earns
 * it: share and click milestones from the member's lifetime totals, an approved submission, four consecutive weeks with
 * a share. The monthly top 10 and campaign goals are awarded by {@link BadgeJobs}.
 */
final class Badges {

    static final String FIRST_SHARE = "first_share";
    static final String CAMPAIGN_GOAL = "campaign_goal";
    static final String TOP_10_MONTH = "top10_month";
    /** Every kind, in the order a member earns them most often. */
    static final List<String> KINDS = List.of(FIRST_SHARE, "shares_10", "shares_50", "shares_100", "first_click",
            "clicks_100", "submission_approved", "streak_4_weeks", TOP_10_MONTH, CAMPAIGN_GOAL);

    private record Member(UUID organizationId, UUID memberId) {
    }

    private record Week(UUID organizationId, UUID memberId, LocalDate start) {
    }

    private Badges() {
    }

    static void earn(Connection connection, List<Awarded> written) throws SQLException {
        OffsetDateTime now = Time.now().atOffset(ZoneOffset.UTC);
        Set<Member> counted = new LinkedHashSet<>();
        Set<Member> submitted = new LinkedHashSet<>();
        Set<Week> sharedIn = new LinkedHashSet<>();
        for (Awarded awarded : written) {
            var award = awarded.award();
            Member member = new Member(award.organizationId(), award.memberId());
            switch (award.action()) {
                case SHARE -> {
                    counted.add(member);
                    sharedIn.add(new Week(award.organizationId(), award.memberId(), Periods.WEEK.start(awarded.day())));
                }
                case CLICK -> counted.add(member);
                case SUBMISSION_APPROVED -> submitted.add(member);
                default -> {
                    // campaign bonuses and adjustments earn no badge of their own
                }
            }
        }
        if (!counted.isEmpty()) {
            List<Member> members = new ArrayList<>(counted);
            Jdbc.update(connection, """
                    insert into member_badges (organization_id, member_id, badge, awarded_at)
                    select t.organization_id, t.member_id, b.badge, ?
                    from score_totals t
                    join unnest(?::uuid[], ?::uuid[]) k(o, m) on t.organization_id = k.o and t.member_id = k.m
                    cross join lateral (values ('first_share', t.shares >= 1), ('shares_10', t.shares >= 10),
                                               ('shares_50', t.shares >= 50), ('shares_100', t.shares >= 100),
                                               ('first_click', t.clicks >= 1), ('clicks_100', t.clicks >= 100))
                               b(badge, earned)
                    where t.period = 'a' and t.period_start = ?::date and b.earned
                    on conflict do nothing""", now, column("uuid", members, Member::organizationId),
                    column("uuid", members, Member::memberId), Periods.BEGINNING.toString());
        }
        if (!submitted.isEmpty()) {
            List<Member> members = new ArrayList<>(submitted);
            Jdbc.update(connection, """
                    insert into member_badges (organization_id, member_id, badge, awarded_at)
                    select o, m, 'submission_approved', ? from unnest(?::uuid[], ?::uuid[]) k(o, m)
                    on conflict do nothing""", now, column("uuid", members, Member::organizationId),
                    column("uuid", members, Member::memberId));
        }
        if (!sharedIn.isEmpty()) {
            List<Week> weeks = new ArrayList<>(sharedIn);
            Jdbc.update(connection, """
                    insert into member_badges (organization_id, member_id, badge, awarded_at)
                    select k.o, k.m, 'streak_4_weeks', ? from unnest(?::uuid[], ?::uuid[], ?::date[]) k(o, m, w)
                    where (select count(*) from score_totals t
                           where t.organization_id = k.o and t.member_id = k.m and t.period = 'w'
                             and t.period_start in (k.w, k.w - 7, k.w - 14, k.w - 21) and t.shares > 0) = 4
                    on conflict do nothing""", now, column("uuid", weeks, Week::organizationId),
                    column("uuid", weeks, Week::memberId), column("text", weeks, Week::start));
        }
    }
}
