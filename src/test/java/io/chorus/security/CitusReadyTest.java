package io.chorus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.persistence.Jdbc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema can be distributed by {@code organization_id} (Citus): read from the catalog of the migrated database,
 * every table holding an organization's rows has the column in its primary key, in each of its unique constraints and
 * indexes, and in each foreign key to another such table; the tables without it are the reference tables listed here,
 * each with its reason, and none of them points into an organization's tables. The one table with the column that is
 * not distributed by it is listed too, with its reason.
 */
@QuarkusTest
class CitusReadyTest {

    /** Tables without {@code organization_id}: global by design (Citus reference or local tables). */
    static final Map<String, String> GLOBAL = new TreeMap<>(Map.of( //
            "organizations", "the tenants themselves: a reference table", //
            "operators", "the people who run the service, of no organization: a reference table", //
            "flyway_schema_history", "Flyway's own record of the migrations, on the coordinator", //
            "throttle_counters",
            "keyed by a keyed hash of a client address or an account, before any organization is known",
            "visitor_salts", "one random salt per day for every organization's visitor ids: a reference table", //
            "sso_used_states", "single-use sign-in states, checked before the organization is trusted", //
            "analytics_click_batches", "the click writer's log of id ranges for the rollup, across organizations", //
            "idempotency_records", "keyed by the principal (which names its organization) and the key's hash"));

    /** Tables with {@code organization_id} that are not distributed by it, each with its reason. */
    static final Map<String, String> LOCAL = Map.of("refresh_tokens",
            "members' and operators' refresh tokens, and an operator's has no organization: local to the coordinator, "
                    + "read by the token's hash and never joined");

    @Inject
    DataSource database;

    private List<String> violations(String sql) {
        return Jdbc.rows(database, sql, (Object) LOCAL.keySet().toArray(String[]::new)).stream()
                .map(row -> row[0] + ": " + row[1]).toList();
    }

    private static final String TENANT_TABLES = """
            with tenant as (
              select c.oid, c.relname, a.attnum as org from pg_class c
              join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
              join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
              where c.relkind in ('r', 'p') and c.relname::text <> all(?))
            """;

    @Test
    void everyOrganizationsTableHasTheOrganizationInItsPrimaryKey() {
        assertThat(violations(TENANT_TABLES + """
                select t.relname, coalesce(pg_get_constraintdef(p.oid), 'no primary key') from tenant t
                left join pg_constraint p on p.conrelid = t.oid and p.contype = 'p'
                where p.oid is null or not (t.org = any(p.conkey)) order by 1""")).isEmpty();
    }

    @Test
    void everyUniqueConstraintAndIndexOfAnOrganizationsTableHoldsTheOrganization() {
        assertThat(violations(TENANT_TABLES + """
                select t.relname, pg_get_indexdef(i.indexrelid) from tenant t
                join pg_index i on i.indrelid = t.oid and i.indisunique
                where not (t.org = any(i.indkey::int2[])) order by 1, 2""")).isEmpty();
    }

    @Test
    void foreignKeysBetweenOrganizationsTablesCarryTheOrganization() {
        assertThat(violations(TENANT_TABLES + """
                select t.relname, pg_get_constraintdef(f.oid) from tenant t
                join pg_constraint f on f.conrelid = t.oid and f.contype = 'f'
                join tenant target on target.oid = f.confrelid
                where not (t.org = any(f.conkey)) or not (target.org = any(f.confkey)) order by 1, 2""")).isEmpty();
    }

    @Test
    void theTablesWithoutAnOrganizationAreTheListedReferenceTablesAndPointNowhereElse() {
        List<String> global = Jdbc.rows(database, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_attribute a
                                  where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
                order by 1""").stream().map(row -> (String) row[0]).toList();
        assertThat(global).containsExactlyInAnyOrderElementsOf(GLOBAL.keySet());
        assertThat(violations(TENANT_TABLES + """
                select c.relname, pg_get_constraintdef(f.oid) from pg_constraint f
                join pg_class c on c.oid = f.conrelid
                where f.contype = 'f' and f.confrelid in (select oid from tenant)
                  and f.conrelid not in (select oid from tenant) order by 1, 2""")).isEmpty();
    }
}
