package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;

/**
 * Builds an organization's aggregates from scratch, from every share and human click it has: the first time (a new
 * organization, or one that existed before analytics), and whenever its time zone changes, since days are that zone's
 * days. The pass that rebuilds has taken every note visible to it, so "every row" and "every row not noted" agree.
 */
final class OrganizationRebuild {

    private static final List<String> AGGREGATES = List.of("analytics_days", "analytics_content_days",
            "analytics_share_days", "analytics_member_months", "analytics_member_weeks", "analytics_member_firsts");

    private OrganizationRebuild() {
    }

    /** An organization whose aggregates are missing or were built in another time zone than its settings name. */
    record Stale(UUID organizationId, String timeZone) {
    }

    private static final String STALE = """
            from organizations o
            left join organization_settings s on s.organization_id = o.id
            left join analytics_organizations a on a.organization_id = o.id
            where a.organization_id is null or a.time_zone <> coalesce(s.time_zone, 'UTC')""";

    /** An SQL condition: some organization is stale. */
    static final String ANY_STALE = "exists (select 1 " + STALE + ")";

    static List<Stale> stale(Connection connection) throws SQLException {
        return Jdbc.rows(connection, "select o.id, coalesce(s.time_zone, 'UTC') " + STALE).stream()
                .map(row -> new Stale((UUID) row[0], (String) row[1])).toList();
    }

    /** Rebuilds one organization's deltas (the pass then applies them); answers how many day rows it made. */
    static long rebuild(Connection connection, Stale organization, LocalDate rememberedFrom) throws SQLException {
        UUID id = organization.organizationId();
        String zone = organization.timeZone();
        OffsetDateTime now = Time.now().atOffset(ZoneOffset.UTC);
        for (String table : AGGREGATES) {
            Jdbc.update(connection, "delete from " + table + " where organization_id = ?", id);
        }
        Jdbc.update(connection, "delete from analytics_visitors where organization_id = ?", id);
        Jdbc.update(connection,
                """
                        insert into analytics_organizations (organization_id, time_zone, carried_month, built_at,
                                                             members_built)
                        values (?, ?, date_trunc('month', ?::timestamptz at time zone ?)::date, ?, nextval('analytics_versions'))
                        on conflict (organization_id) do update set time_zone = excluded.time_zone,
                          carried_month = excluded.carried_month, built_at = excluded.built_at,
                          members_built = excluded.members_built""",
                id, zone, now, zone, now);
        int rows = Jdbc.update(connection, """
                insert into analytics_deltas
                select s.organization_id, s.id, s.member_id, s.content_id, s.network, x.day, sum(x.shares),
                       sum(x.clicks), sum(x.visitors)
                from (select c.share_id, (c.at at time zone ?)::date as day, 0 as shares, count(*) as clicks,
                             count(distinct c.visitor_id) as visitors
                      from click_events c
                      where c.share_id in (select id from shares where organization_id = ?) -- the share index
                        and c.organization_id = ? and not c.robot and not c.self
                      group by 1, 2
                      union all
                      select id, (created_at at time zone ?)::date, 1, 0, 0 from shares where organization_id = ?) x
                join shares s on s.id = x.share_id
                group by 1, 2, 3, 4, 5, 6""", zone, id, id, zone, id);
        // The visitors of the days still remembered, so that later clicks of those days count against them. Click
        // ids start with their time (UUID version 7): the primary key finds the recent ones.
        Jdbc.update(connection, """
                insert into analytics_visitors (organization_id, day, share_id, visitor_id)
                select distinct c.organization_id, (c.at at time zone ?)::date, c.share_id, c.visitor_id
                from click_events c
                where c.id >= ? and c.organization_id = ? and not c.robot and not c.self
                  and (c.at at time zone ?)::date >= ?
                on conflict do nothing""", zone, firstIdOf(rememberedFrom.minusDays(1)), id, zone, rememberedFrom);
        Jdbc.update(connection, """
                insert into analytics_new_shares
                select organization_id, id, member_id, content_id, network, (created_at at time zone ?)::date
                from shares where organization_id = ?""", zone, id);
        Jdbc.update(connection, "analyze analytics_deltas");
        Jdbc.update(connection, "analyze analytics_new_shares");
        return rows;
    }

    static void analyze(Connection connection) throws SQLException {
        for (String table : AGGREGATES) {
            Jdbc.update(connection, "analyze " + table);
        }
    }

    /**
     * The smallest id of a click made on a UTC day of the service's clock. Ids are time-ordered (UUID version 7) by the
     * machine's clock, which the service's may be moved away from outside production: the bound follows the machine's.
     */
    static UUID firstIdOf(LocalDate day) {
        long millis = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                + (System.currentTimeMillis() - Time.millis());
        return new UUID(millis << 16, 0);
    }
}
