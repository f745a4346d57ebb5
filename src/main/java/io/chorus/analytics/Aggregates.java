package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.chorus.common.Time;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;

/**
 * Adds a pass's deltas (per share and day) to every aggregate, set-based: a handful of statements whatever the number
 * of clicks. See V9__analytics.sql for what each aggregate holds.
 */
final class Aggregates {

    private Aggregates() {
    }

    static void apply(Connection connection) throws SQLException {
        Jdbc.update(connection, """
                insert into analytics_share_days (organization_id, member_id, day, share_id, content_id, network,
                                                  shares, clicks, visitors)
                select organization_id, member_id, day, share_id, content_id, network, shares, clicks, visitors
                from analytics_deltas
                on conflict (organization_id, member_id, day, share_id) do update
                set shares = analytics_share_days.shares + excluded.shares,
                    clicks = analytics_share_days.clicks + excluded.clicks,
                    visitors = analytics_share_days.visitors + excluded.visitors""");
        Jdbc.update(connection, """
                insert into analytics_content_days (organization_id, content_id, day, network, shares, clicks, visitors)
                select organization_id, content_id, day, network, sum(shares), sum(clicks), sum(visitors)
                from analytics_deltas group by 1, 2, 3, 4
                on conflict (organization_id, content_id, day, network) do update
                set shares = analytics_content_days.shares + excluded.shares,
                    clicks = analytics_content_days.clicks + excluded.clicks,
                    visitors = analytics_content_days.visitors + excluded.visitors""");
        Jdbc.update(connection, """
                insert into analytics_days (organization_id, day, network, shares, clicks, visitors)
                select organization_id, day, network, sum(shares), sum(clicks), sum(visitors)
                from analytics_deltas group by 1, 2, 3
                on conflict (organization_id, day, network) do update
                set shares = analytics_days.shares + excluded.shares,
                    clicks = analytics_days.clicks + excluded.clicks,
                    visitors = analytics_days.visitors + excluded.visitors""");
        memberMonths(connection);
        Jdbc.update(connection, """
                insert into analytics_member_weeks (organization_id, block, member_id, weeks)
                select organization_id, week / 64, member_id, bit_or(1::bigint << (week % 64)::integer)
                from (select distinct organization_id, member_id, (day - date '1970-01-05') / 7 as week
                      from analytics_new_shares) s
                group by 1, 2, 3
                on conflict (organization_id, block, member_id) do update
                set weeks = analytics_member_weeks.weeks | excluded.weeks""");
        // Retention: recomputed from the shares of each member who shared (a share can arrive out of order).
        Jdbc.update(connection, """
                insert into analytics_member_firsts (organization_id, member_id, first_day, weeks)
                select organization_id, member_id, min(first_day),
                       coalesce(bit_or(case when week between 1 and 52 then 1::bigint << week end), 0)
                from (select s.organization_id, s.member_id, d.day,
                             min(d.day) over member as first_day, (d.day - min(d.day) over member) / 7 as week
                      from (select distinct organization_id, member_id from analytics_new_shares) t
                      join shares s on s.organization_id = t.organization_id and s.member_id = t.member_id
                      join analytics_organizations a on a.organization_id = s.organization_id
                      cross join lateral (select (s.created_at at time zone a.time_zone)::date as day) d
                      where not exists (select 1 from analytics_share_queue q where q.share_id = s.id)
                      window member as (partition by s.organization_id, s.member_id)) x
                group by 1, 2
                on conflict (organization_id, member_id) do update
                set first_day = excluded.first_day, weeks = excluded.weeks""");
    }

    /**
     * Running totals per member and month. Dense: first the organization's months up to the newest one touched are
     * carried forward (every member seen gets a row, totals so far), then each touched member gets rows from their
     * earliest touched month on, the counts go into the months' running totals, and where an earlier month changed, the
     * later months' totals before them are summed again. The rows whose totals change get this pass's version, and so
     * does their organization ({@code members_version}): what {@link MemberActivity} reads again. Carried-forward
     * months change no one's totals and keep theirs.
     */
    private static void memberMonths(Connection connection) throws SQLException {
        long version = Columns.number(Jdbc.row(connection, "select nextval('analytics_versions')")[0]);
        Jdbc.update(connection, """
                insert into analytics_member_deltas
                select organization_id, member_id, date_trunc('month', day)::date, extract(day from day)::integer,
                       sum(shares), sum(clicks)
                from analytics_deltas group by 1, 2, 3, 4""");
        for (Object[] row : Jdbc.rows(connection, """
                select a.organization_id, a.carried_month,
                       greatest(date_trunc('month', ?::timestamptz at time zone a.time_zone)::date, t.newest)
                from (select organization_id, max(month) as newest from analytics_member_deltas group by 1) t
                join analytics_organizations a on a.organization_id = t.organization_id""",
                Time.now().atOffset(ZoneOffset.UTC))) {
            UUID organization = (UUID) row[0];
            LocalDate carried = ((java.sql.Date) row[1]).toLocalDate();
            LocalDate target = ((java.sql.Date) row[2]).toLocalDate();
            for (LocalDate month = carried.plusMonths(1); !month.isAfter(target); month = month.plusMonths(1)) {
                Jdbc.update(connection, """
                        insert into analytics_member_months (organization_id, month, member_id, shares_before,
                                                             clicks_before, shares, clicks)
                        select organization_id, ?, member_id,
                               shares_before + coalesce(shares[cardinality(shares)], 0),
                               clicks_before + coalesce(clicks[cardinality(clicks)], 0), '{}', '{}'
                        from analytics_member_months where organization_id = ? and month = ?
                        on conflict do nothing""", month, organization, month.minusMonths(1));
            }
            if (target.isAfter(carried)) {
                Jdbc.update(connection,
                        "update analytics_organizations set carried_month = ? where organization_id = ?", target,
                        organization);
            }
        }
        Jdbc.update(connection, """
                insert into analytics_member_months (organization_id, month, member_id, shares_before, clicks_before,
                                                     shares, clicks)
                select t.organization_id, m::date, t.member_id, 0, 0, '{}', '{}'
                from (select organization_id, member_id, min(month) as first from analytics_member_deltas
                      group by 1, 2) t
                join analytics_organizations a on a.organization_id = t.organization_id
                cross join lateral generate_series(t.first, a.carried_month, interval '1 month') m
                on conflict do nothing""");
        Jdbc.update(connection, """
                update analytics_member_months m
                set shares = analytics_running_add(m.shares, d.days, d.shares),
                    clicks = analytics_running_add(m.clicks, d.days, d.clicks), version = ?
                from (select organization_id, member_id, month, array_agg(day_of_month) as days,
                             array_agg(shares) as shares, array_agg(clicks) as clicks
                      from analytics_member_deltas group by 1, 2, 3) d
                where m.organization_id = d.organization_id and m.month = d.month and m.member_id = d.member_id""",
                version);
        Jdbc.update(connection, """
                update analytics_member_months m
                set shares_before = x.shares_before, clicks_before = x.clicks_before, version = ?
                from (select r.organization_id, r.month, r.member_id, r.month >= t.first as later,
                             coalesce(sum(case when r.month < t.first
                                               then r.shares_before + coalesce(r.shares[cardinality(r.shares)], 0)
                                               else coalesce(r.shares[cardinality(r.shares)], 0) end) over earlier,
                                      0) as shares_before,
                             coalesce(sum(case when r.month < t.first
                                               then r.clicks_before + coalesce(r.clicks[cardinality(r.clicks)], 0)
                                               else coalesce(r.clicks[cardinality(r.clicks)], 0) end) over earlier,
                                      0) as clicks_before
                      from (select organization_id, member_id, min(month) as first from analytics_member_deltas
                            group by 1, 2) t
                      join analytics_organizations a on a.organization_id = t.organization_id
                      join analytics_member_months r on r.organization_id = t.organization_id
                        and r.member_id = t.member_id and r.month >= t.first - interval '1 month'
                      where t.first < a.carried_month
                      window earlier as (partition by r.organization_id, r.member_id order by r.month
                                         rows between unbounded preceding and 1 preceding)) x
                where x.later and m.organization_id = x.organization_id and m.month = x.month
                  and m.member_id = x.member_id
                  and (m.shares_before, m.clicks_before) is distinct from (x.shares_before, x.clicks_before)""",
                version);
        Jdbc.update(connection, """
                update analytics_organizations set members_version = ?
                where organization_id in (select organization_id from analytics_member_deltas)""", version);
    }
}
