package io.chorus.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.analytics.AnalyticsAnswers.Key;
import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.analytics.AnalyticsViews.Conversions;
import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.analytics.AnalyticsViews.Overview;
import io.chorus.analytics.AnalyticsViews.Participation;
import io.chorus.analytics.AnalyticsViews.Retention;
import io.chorus.common.Money;
import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.conversions.ConversionTotals;

/**
 * Reads the caller's organization's analytics from the aggregates the rollup keeps, never from shares or click_events:
 * each answer is computed in one read-only transaction (one snapshot), so its figures agree with each other, and then
 * remembered for a while ({@link AnalyticsAnswers}). What an answer is about is checked for every request, before it is
 * looked up: the organization's time zone (which decides the days), that the group or content item is the
 * organization's (404 otherwise), and the cost per click the earned media value is estimated with. Whether a group is
 * large enough (422 otherwise) is decided with the figures, in their snapshot.
 */
@ApplicationScoped
public class AnalyticsService {

    /** The answers with figures per member (who shared, the top ambassadors, per group, per week). */
    private static final Set<String> MEMBER_FIGURES = Set.of("overview", "dashboard", "participation-by-group",
            "participation-by-week");

    private final DataSource dataSource;
    private final Tenants tenants;
    private final AnalyticsConfig config;
    private final AnalyticsAnswers answers;
    private final MemberActivity activity;

    @Inject
    public AnalyticsService(DataSource dataSource, Tenants tenants, AnalyticsConfig config, AnalyticsAnswers answers,
            MemberActivity activity) {
        this.dataSource = dataSource;
        this.tenants = tenants;
        this.config = config;
        this.answers = answers;
        this.activity = activity;
    }

    public Answer<Overview> overview(String from, String to, UUID groupId) {
        return read("overview", from, to, groupId, null,
                (connection, scope) -> OverviewQuery.run(connection, scope, config.minGroupSize()),
                (overview, context) -> conversions(context.media().onto(overview)));
    }

    /** The overview, the per-day series and participation by group, from one snapshot. */
    public Answer<Dashboard> dashboard(String from, String to, UUID groupId) {
        return read("dashboard", from, to, groupId, null,
                (connection, scope) -> new Dashboard(OverviewQuery.run(connection, scope, config.minGroupSize()),
                        Totals.byDay(connection, scope),
                        ParticipationQuery.byGroup(connection, scope, config.minGroupSize())),
                (dashboard, context) -> {
                    Dashboard d = context.media().onto(dashboard);
                    return new Dashboard(conversions(d.overview()), d.byDay(), d.byGroup());
                });
    }

    /** Conversions are read for every answer: they are reported at any time, not rolled up with the clicks. */
    private Overview conversions(Overview o) {
        return o.with(
                ConversionTotals.inRange(dataSource, tenants.current(), o.from(), o.to(), o.timeZone(), o.groupId()));
    }

    public Answer<Participation> participation(String from, String to, UUID groupId, boolean byWeek) {
        return read(byWeek ? "participation-by-week" : "participation-by-group", from, to, groupId, null,
                (connection, scope) -> byWeek ? ParticipationQuery.byWeek(connection, scope)
                        : ParticipationQuery.byGroup(connection, scope, config.minGroupSize()),
                (participation, context) -> participation);
    }

    /** Conversions per content, network, group, campaign or member, remembered like every analytics answer. */
    public Answer<Conversions> conversions(String from, String to, UUID groupId, ConversionBreakdown.By by) {
        return read("conversions-by-" + by.id(), from, to, groupId, null,
                (connection, scope) -> ConversionBreakdown.run(connection, scope, by, config.minGroupSize()),
                (conversions, context) -> conversions);
    }

    public Answer<Retention> retention(String from, String to, UUID groupId) {
        return read("retention", from, to, groupId, null,
                (connection, scope) -> RetentionQuery.run(connection, scope, config.minGroupSize()),
                (retention, context) -> retention);
    }

    public Answer<ContentAnalytics> content(UUID contentId, String from, String to, UUID groupId) {
        return read("content", from, to, groupId, contentId,
                (connection, scope) -> ContentQuery.run(connection, scope, contentId),
                (content, context) -> context.media().onto(content, context.title()));
    }

    interface Work<T> {
        T run(Connection connection, Scope scope) throws SQLException;
    }

    /** Read for every request: the days' time zone, today there, the cost per click, the content item's title. */
    private record Context(String zone, LocalDate today, EarnedMedia media, String title) {
    }

    private <T> Answer<T> read(String kind, String from, String to, UUID groupId, UUID contentId, Work<T> work,
            BiFunction<T, Context, T> finish) {
        UUID organization = tenants.current();
        Object[] row = query(connection -> Jdbc.row(connection, """
                select coalesce(a.time_zone, s.time_zone, 'UTC'), s.cost_per_click, s.cost_per_click_currency,
                       exists (select 1 from groups g where g.id = ? and g.organization_id = o.id),
                       (select c.title from content c where c.id = ? and c.organization_id = o.id)
                from organizations o
                left join analytics_organizations a on a.organization_id = o.id
                left join organization_settings s on s.organization_id = o.id
                where o.id = ?""", groupId, contentId, organization));
        String zone = (String) row[0];
        Context context = new Context(zone, Time.today(ZoneId.of(zone)),
                new EarnedMedia(row[1] == null ? null : new Money((BigDecimal) row[1], (String) row[2]).normalized()),
                (String) row[4]);
        AnalyticsRange range = AnalyticsRange.parse(from, to, context.today());
        if (groupId != null && !(boolean) row[3]) {
            throw ProblemException.notFound("This group");
        }
        if (contentId != null && context.title() == null) {
            throw ProblemException.notFound("This content");
        }
        Key key = new Key(organization, kind, range.from(), range.to(), context.today(), zone, groupId, contentId);
        return answers.get(key, () -> compute(key, MEMBER_FIGURES.contains(kind), work))
                .map(answer -> finish.apply(answer, context));
    }

    /**
     * Computes an answer in one snapshot; with {@code index}, from the organization's member activity in memory when it
     * is at the snapshot's versions ({@link MemberActivity}), otherwise from the per-member statements.
     */
    <T> T compute(Key key, boolean index, Work<T> work) {
        return query(connection -> Jdbc.inReadOnlySnapshot(connection, () -> {
            // Plans are simple and the statements short: compiling them (JIT) would cost more than it saves.
            Jdbc.update(connection, "set local jit = off");
            // Each statement planned for its own values (the range's months, the organization's size).
            Jdbc.update(connection, "set local plan_cache_mode = force_custom_plan");
            Jdbc.update(connection, "set local work_mem = '32MB'");
            // The zone the aggregates' days are in (the key's, unless a rebuild has just changed it).
            Object[] built = Jdbc.row(connection, """
                    select coalesce(a.time_zone, s.time_zone, 'UTC'), a.carried_month from organizations o
                    left join analytics_organizations a on a.organization_id = o.id
                    left join organization_settings s on s.organization_id = o.id
                    where o.id = ?""", key.organizationId());
            LocalDate carried = built[1] == null ? null : ((java.sql.Date) built[1]).toLocalDate();
            ActivityIndex held = index
                    ? activity.at(connection, key.organizationId(),
                            ActivityIndex.Versions.read(connection, key.organizationId()))
                    : null;
            Scope scope = new Scope(key.organizationId(), key.groupId(), (String) built[0], carried, key.today(),
                    new AnalyticsRange(key.from(), key.to()), held);
            if (key.groupId() != null) {
                requireLargeEnough(connection, scope);
            }
            return work.run(connection, scope);
        }));
    }

    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(Query<T> query) {
        try (Connection connection = dataSource.getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Analytics could not be read: " + e.getMessage(), e);
        }
    }

    /** A group too small to hide anyone in is refused. */
    private void requireLargeEnough(Connection connection, Scope scope) throws SQLException {
        long members = ParticipationQuery.activeAmbassadors(connection, scope);
        if (members < config.minGroupSize()) {
            throw new ProblemException(422, "group-too-small", "Group too small", "Analytics of a group need at least "
                    + config.minGroupSize() + " active ambassadors in it, so that no one can be singled out.");
        }
    }
}
