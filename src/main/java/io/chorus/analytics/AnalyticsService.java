package io.chorus.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.analytics.AnalyticsViews.Overview;
import io.chorus.analytics.AnalyticsViews.Participation;
import io.chorus.analytics.AnalyticsViews.Retention;
import io.chorus.common.Money;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;

/**
 * Reads the caller's organization's analytics from the aggregates the rollup keeps, never from shares or click_events:
 * each answer is one read-only transaction (one snapshot), so its figures agree with each other.
 */
@ApplicationScoped
public class AnalyticsService {

    private final DataSource dataSource;
    private final Tenants tenants;
    private final AnalyticsConfig config;

    @Inject
    public AnalyticsService(DataSource dataSource, Tenants tenants, AnalyticsConfig config) {
        this.dataSource = dataSource;
        this.tenants = tenants;
        this.config = config;
    }

    public Overview overview(String from, String to, UUID groupId) {
        return read(from, to, groupId,
                (connection, scope, media) -> OverviewQuery.run(connection, scope, config.minGroupSize(), media));
    }

    /** The overview, the per-day series and participation by group, from one snapshot. */
    public Dashboard dashboard(String from, String to, UUID groupId) {
        return read(from, to, groupId,
                (connection, scope, media) -> new Dashboard(
                        OverviewQuery.run(connection, scope, config.minGroupSize(), media),
                        Totals.byDay(connection, scope),
                        ParticipationQuery.byGroup(connection, scope, config.minGroupSize())));
    }

    public Participation participation(String from, String to, UUID groupId, boolean byWeek) {
        return read(from, to, groupId,
                (connection, scope, media) -> byWeek ? ParticipationQuery.byWeek(connection, scope)
                        : ParticipationQuery.byGroup(connection, scope, config.minGroupSize()));
    }

    public Retention retention(String from, String to, UUID groupId) {
        return read(from, to, groupId,
                (connection, scope, media) -> RetentionQuery.run(connection, scope, config.minGroupSize()));
    }

    public ContentAnalytics content(UUID contentId, String from, String to, UUID groupId) {
        return read(from, to, groupId,
                (connection, scope, media) -> ContentQuery.run(connection, scope, contentId, media));
    }

    private interface Work<T> {
        T run(Connection connection, Scope scope, EarnedMedia media) throws SQLException;
    }

    private <T> T read(String from, String to, UUID groupId, Work<T> work) {
        UUID organization = tenants.current();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Jdbc.update(connection, "set transaction read only");
                // Plans are simple and the statements short: compiling them (JIT) would cost more than it saves.
                Jdbc.update(connection, "set local jit = off");
                // Each statement planned for its own values (the range's months, the organization's size).
                Jdbc.update(connection, "set local plan_cache_mode = force_custom_plan");
                Jdbc.update(connection, "set local work_mem = '32MB'");
                Object[] settings = Jdbc.row(connection, """
                        select a.time_zone, a.carried_month, coalesce(s.time_zone, 'UTC'), s.cost_per_click,
                               s.cost_per_click_currency
                        from organizations o
                        left join analytics_organizations a on a.organization_id = o.id
                        left join organization_settings s on s.organization_id = o.id
                        where o.id = ?""", organization);
                String zone = settings[0] != null ? (String) settings[0] : (String) settings[2];
                LocalDate carried = settings[1] == null ? null : ((java.sql.Date) settings[1]).toLocalDate();
                LocalDate today = LocalDate.now(ZoneId.of(zone));
                Scope scope = new Scope(organization, groupId, zone, carried, today,
                        AnalyticsRange.parse(from, to, today));
                if (groupId != null) {
                    checkGroup(connection, scope);
                }
                EarnedMedia media = new EarnedMedia(settings[3] == null ? null
                        : new Money((BigDecimal) settings[3], (String) settings[4]).normalized());
                T result = work.run(connection, scope, media);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Analytics could not be read: " + e.getMessage(), e);
        }
    }

    /** Another organization's group does not exist; a group too small to hide anyone in is refused. */
    private void checkGroup(Connection connection, Scope scope) throws SQLException {
        List<Object[]> group = Jdbc.rows(connection, "select 1 from groups where id = ? and organization_id = ?",
                scope.groupId(), scope.organizationId());
        if (group.isEmpty()) {
            throw ProblemException.notFound("This group");
        }
        long members = ParticipationQuery.activeAmbassadors(connection, scope);
        if (members < config.minGroupSize()) {
            throw new ProblemException(422, "group-too-small", "Group too small", "Analytics of a group need at least "
                    + config.minGroupSize() + " active ambassadors in it, so that no one can be singled out.");
        }
    }
}
