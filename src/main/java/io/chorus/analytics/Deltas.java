package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import io.chorus.common.persistence.Jdbc;

/**
 * A rollup pass's work tables (temporary, emptied at commit): the new human clicks it took (counted per share, day and
 * visitor as they are read: a row per click cost the rollup more than the reading), the new shares, and what they add
 * per share and day — the one shape every aggregate is updated from.
 */
final class Deltas {

    private Deltas() {
    }

    /** Creates the work tables once per database session. */
    static void prepare(Connection connection) throws SQLException {
        Jdbc.update(connection, """
                create temporary table if not exists analytics_new_clicks (
                  organization_id uuid, share_id uuid, member_id uuid, content_id uuid, network text, day date,
                  visitor_id uuid, clicks integer) on commit delete rows""");
        Jdbc.update(connection, """
                create temporary table if not exists analytics_new_shares (
                  organization_id uuid, share_id uuid, member_id uuid, content_id uuid, network text, day date)
                on commit delete rows""");
        Jdbc.update(connection, """
                create temporary table if not exists analytics_deltas (
                  organization_id uuid, share_id uuid, member_id uuid, content_id uuid, network text, day date,
                  shares integer, clicks integer, visitors integer) on commit delete rows""");
        Jdbc.update(connection, """
                create temporary table if not exists analytics_member_deltas (
                  organization_id uuid, member_id uuid, month date, day_of_month integer, shares integer,
                  clicks integer) on commit delete rows""");
    }

    /**
     * What the new clicks and shares add per share and day. A visitor counts once per share and day: against the
     * visitors remembered for the days from {@code rememberedFrom}, within these clicks alone before it.
     */
    static void fromNewEvents(Connection connection, LocalDate rememberedFrom) throws SQLException {
        Jdbc.update(connection, """
                with fresh as (
                  insert into analytics_visitors (organization_id, day, share_id, visitor_id)
                  select distinct organization_id, day, share_id, visitor_id from analytics_new_clicks where day >= ?
                  on conflict do nothing
                  returning day, share_id)
                insert into analytics_deltas
                select organization_id, share_id, member_id, content_id, network, day, sum(shares), sum(clicks),
                       sum(visitors)
                from (select organization_id, share_id, member_id, content_id, network, day, 1 as shares, 0 as clicks,
                             0 as visitors
                      from analytics_new_shares
                      union all
                      select organization_id, share_id, member_id, content_id, network, day, 0, sum(clicks), 0
                      from analytics_new_clicks group by 1, 2, 3, 4, 5, 6
                      union all
                      select s.organization_id, s.id, s.member_id, s.content_id, s.network, f.day, 0, 0, count(*)
                      from fresh f join shares s on s.id = f.share_id group by 1, 2, 3, 4, 5, 6
                      union all
                      select organization_id, share_id, member_id, content_id, network, day, 0, 0,
                             count(distinct visitor_id)
                      from analytics_new_clicks where day < ? group by 1, 2, 3, 4, 5, 6) x
                group by 1, 2, 3, 4, 5, 6""", rememberedFrom, rememberedFrom);
    }
}
