package io.chorus.analytics;

import static io.chorus.analytics.Traffic.CHROME;
import static io.chorus.analytics.Traffic.FIREFOX;
import static io.chorus.analytics.Traffic.click;
import static io.chorus.analytics.Traffic.share;
import static io.chorus.analytics.Traffic.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.chorus.analytics.AnalyticsAnswers.Key;
import io.chorus.analytics.AnalyticsViews.Overview;
import io.chorus.analytics.AnalyticsViews.Participation;
import io.chorus.analytics.AnalyticsViews.ParticipationRow;
import io.chorus.analytics.Traffic.Share;
import io.chorus.common.Time;
import io.chorus.common.tenant.Tenants;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Dates.AtEdges;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The member activity held in memory gives exactly the figures the per-member statements give — for many ranges, the
 * whole organization and its groups — and never answers for a snapshot it was not read at. Each test holds the activity
 * in a {@link MemberActivity} of its own, as another instance would: only what the database shows (versions) brings it
 * forward, never this instance's events.
 */
@QuarkusTest
class MemberActivityTest {

    /** The history's days are Berlin's; the time-zone test moves them to Los Angeles'. */
    static final String BERLIN = "Europe/Berlin";
    static final String ZONE = "America/Los_Angeles";

    @Inject
    DataSource database;

    @Inject
    Tenants tenants;

    @Inject
    AnalyticsConfig config;

    @Inject
    AnalyticsAnswers answers;

    @Inject
    MeterRegistry registry;

    /** The figures the index is used for, computed in one snapshot, and whether the index answered. */
    record Figures(Overview overview, Participation byGroup, Participation byWeek, boolean indexed) {

        Figures withoutSource() {
            return new Figures(overview, byGroup, byWeek, false);
        }
    }

    /** An organization with two large groups, two small ones (folded into "other"), and 100 days of history. */
    record History(Org org, Person analyst, String north, String south, List<Person> people, List<String> items) {
    }

    @Test
    void theIndexGivesTheStatementsFiguresAndFollowsNewActivityAndRosterChanges() throws Exception {
        History history = history();
        MemberActivity activity = new MemberActivity(database, 1_000_000, new SimpleMeterRegistry());
        AnalyticsService service = service(activity);
        LocalDate today = Time.today(ZoneId.of(BERLIN));
        awaitIndexed(service, history, today);

        SoftAssertions soft = new SoftAssertions();
        Random random = new Random(7);
        List<LocalDate[]> ranges = new ArrayList<>(List.of(new LocalDate[] { today.minusDays(120), today },
                new LocalDate[] { today, today }, new LocalDate[] { today.minusDays(89), today.plusDays(3) },
                new LocalDate[] { today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1).minusDays(1) }));
        for (int i = 0; i < 25; i++) {
            LocalDate from = today.minusDays(random.nextInt(130));
            ranges.add(new LocalDate[] { from, from.plusDays(random.nextInt(100)) });
        }
        long sharing = 0;
        for (LocalDate[] range : ranges) {
            for (String group : new String[] { null, history.north(), history.south() }) {
                Figures indexed = figures(service, history, range[0], range[1], group, true);
                soft.assertThat(indexed.indexed()).as("index used").isTrue();
                soft.assertThat(indexed.withoutSource()).as(range[0] + ".." + range[1] + " " + group)
                        .isEqualTo(figures(service, history, range[0], range[1], group, false));
                sharing += indexed.overview().members().sharing();
            }
        }
        soft.assertAll();
        assertThat(sharing).as("ranges with people sharing in them").isPositive();

        // New activity, rolled up: the next answer reads the members it changed again, in its own snapshot.
        Figures before = figures(service, history, today, today, null, true);
        Person newcomer = history.people().get(10); // South; shared nothing today so far
        Share shared = share(newcomer, history.items().get(0), "xing");
        click(shared, visitor(), CHROME);
        click(shared, visitor(), FIREFOX);
        Traffic.until(() -> "not rolled up", () -> figures(service, history, today, today, null, false).overview()
                .clicks() == before.overview().clicks() + 2);
        Figures after = figures(service, history, today, today, null, true);
        assertThat(after.indexed()).as("brought forward in the answer's snapshot").isTrue();
        assertThat(after.withoutSource()).isEqualTo(figures(service, history, today, today, null, false));
        assertThat(after.overview().shares()).isEqualTo(before.overview().shares() + 1);
        assertThat(after.overview().members().sharing()).isEqualTo(before.overview().members().sharing() + 1);
        assertThat(row(after.byGroup(), history.south()).clicks())
                .isEqualTo(row(before.byGroup(), history.south()).clicks() + 2);

        // Roster changes made by plain SQL, as another instance's would be: nothing here is told about them.
        LocalDate from = today.minusDays(120);
        Figures held = figures(service, history, from, today, null, true);
        assertThat(held.indexed()).isTrue();
        execute("delete from group_memberships where member_id = ?::uuid", history.people().get(0).id());
        execute("update members set status = 'deactivated' where id = ?::uuid", history.people().get(9).id());
        execute("insert into group_memberships (organization_id, member_id, group_id)"
                + " select organization_id, id, '" + history.south() + "' from members where id = ?::uuid",
                history.people().get(2).id());
        Figures changed = figures(service, history, from, today, null, true);
        assertThat(changed.indexed()).isTrue();
        assertThat(changed.withoutSource()).isEqualTo(figures(service, history, from, today, null, false));
        assertThat(changed.overview().members().active()).isEqualTo(held.overview().members().active() - 1);
        assertThat(row(changed.byGroup(), history.north()).members())
                .isEqualTo(row(held.byGroup(), history.north()).members() - 1);
        assertThat(row(changed.byGroup(), history.south()).members()) // one more, one deactivated
                .isEqualTo(row(held.byGroup(), history.south()).members());
        assertThat(row(changed.byGroup(), history.south()).shares()).as("person 2's shares count in South too")
                .isGreaterThan(row(held.byGroup(), history.south()).shares());
    }

    /**
     * At each edge (the cheapest of these tests: the others stay at the suite's time): the history is the 100 days
     * before it, across the ends of months and years there.
     */
    @AtEdges
    void theApiAnswersFromThisInstancesMemberActivityOnceItIsRead(ZonedDateTime at) throws Exception {
        try (TestClock clock = TestClock.runFrom(at)) {
            answersFromMemory();
        }
    }

    private void answersFromMemory() throws Exception {
        History history = history();
        LocalDate today = Time.today(ZoneId.of(BERLIN));
        AnalyticsService statements = service(new MemberActivity(database, 1_000_000, new SimpleMeterRegistry()));
        int[] back = { 0 };
        JsonPath[] answer = new JsonPath[1];
        // A new range each time (no remembered answer), until one's member figures came from memory.
        Traffic.until(() -> "never answered from memory", () -> {
            double before = fromMemory();
            back[0]++;
            answer[0] = Api.as(history.analyst().token())
                    .get("/api/v1/analytics/overview?from=" + today.minusDays(100 + back[0]) + "&to=" + today).then()
                    .statusCode(200).extract().jsonPath();
            return fromMemory() > before;
        });
        Overview expected = figures(statements, history, today.minusDays(100 + back[0]), today, null, false).overview();
        assertThat(answer[0].getLong("members.sharing")).isEqualTo(expected.members().sharing()).isPositive();
        assertThat(answer[0].getLong("members.active")).isEqualTo(expected.members().active());
        assertThat(answer[0].getDouble("participationRate")).isEqualTo(expected.participationRate().doubleValue());
    }

    private double fromMemory() {
        return registry.counter("chorus.analytics.activity.answers", "source", "memory").count();
    }

    @Test
    void aTimeZoneChangeRebuildsAndTheIndexIsReadAgain() throws Exception {
        History history = history();
        MemberActivity activity = new MemberActivity(database, 1_000_000, new SimpleMeterRegistry());
        AnalyticsService service = service(activity);
        awaitIndexed(service, history, Time.today(ZoneId.of(BERLIN)));

        Api.as(history.org().admin().token()).body(Map.of("timeZone", ZONE, "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Traffic.await(history.analyst().token(), "/api/v1/analytics/overview",
                o -> ZONE.equals(o.getString("timeZone")));
        LocalDate today = Time.today(ZoneId.of(ZONE));
        assertThat(figures(service, history, today.minusDays(30), today, null, true).indexed())
                .as("not the index built in Berlin's days").isFalse();
        awaitIndexed(service, history, today);
        SoftAssertions soft = new SoftAssertions();
        for (int back = 0; back < 100; back += 7) {
            LocalDate from = today.minusDays(back + 6);
            for (String group : new String[] { null, history.north() }) {
                Figures indexed = figures(service, history, from, today.minusDays(back), group, true);
                soft.assertThat(indexed.indexed()).isTrue();
                soft.assertThat(indexed.overview().timeZone()).isEqualTo(ZONE);
                soft.assertThat(indexed.withoutSource()).as(from + " " + group)
                        .isEqualTo(figures(service, history, from, today.minusDays(back), group, false));
            }
        }
        soft.assertAll();
    }

    @Test
    void anOrganizationLargerThanTheBudgetIsAnsweredByTheStatements() throws Exception {
        History history = history();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        MemberActivity activity = new MemberActivity(database, 3, metrics);
        AnalyticsService service = service(activity);
        LocalDate today = Time.today(ZoneId.of(BERLIN));
        figures(service, history, today.minusDays(120), today, null, true); // asks for it to be read
        Traffic.until(() -> "never tried",
                () -> metrics.counter("chorus.analytics.activity.loads", "kind", "over-budget").count() == 1);
        Figures answered = figures(service, history, today.minusDays(120), today, null, true);
        assertThat(answered.indexed()).isFalse();
        assertThat(answered).isEqualTo(figures(service, history, today.minusDays(120), today, null, false));
        assertThat(answered.overview().members().sharing()).isPositive();
        assertThat(metrics.counter("chorus.analytics.activity.loads", "kind", "full").count()).isZero();
        assertThat(metrics.counter("chorus.analytics.activity.loads", "kind", "over-budget").count())
                .as("not tried again at every request").isEqualTo(1);
    }

    private AnalyticsService service(MemberActivity activity) {
        return new AnalyticsService(database, tenants, config, answers, activity);
    }

    private void awaitIndexed(AnalyticsService service, History history, LocalDate today) {
        Traffic.until(() -> "the index was not read",
                () -> figures(service, history, today.minusDays(30), today, null, true).indexed());
    }

    private static Figures figures(AnalyticsService service, History history, LocalDate from, LocalDate to,
            String group, boolean index) {
        UUID organization = UUID.fromString(history.org().id());
        UUID groupId = group == null ? null : UUID.fromString(group);
        Key key = new Key(organization, "test", from, to, to, "UTC", groupId, null);
        return service.compute(key, index,
                (connection, scope) -> new Figures(OverviewQuery.run(connection, scope, 5),
                        ParticipationQuery.byGroup(connection, scope, 5), ParticipationQuery.byWeek(connection, scope),
                        scope.activity() != null));
    }

    private static ParticipationRow row(Participation participation, String key) {
        return participation.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    /**
     * 16 ambassadors: North 7 (one of them deactivated), South 5, two small groups of 3 ("other": one member of each is
     * also in North or South), shares and clicks made through the API, then spread over the past 100 days and rebuilt
     * in Berlin's days.
     */
    private History history() throws SQLException {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        Person curator = org.member("curator");
        String north = org.group("North", "location");
        String south = org.group("South", "location");
        String tiny = org.group("Tiny", "team");
        String small = org.group("small", "team");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            List<String> groups = i < 7 ? (i == 6 ? List.of(north, tiny) : List.of(north))
                    : i < 12 ? (i == 7 ? List.of(south, small) : List.of(south)) : List.of(i < 14 ? tiny : small);
            people.add(org.member(groups, "ambassador"));
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(Contents.published(curator.token(), Contents.body("Activity " + i)));
        }
        Random random = new Random(11);
        List<String> networks = List.of("linkedin", "x", "facebook", "whatsapp");
        int shares = 0;
        int clicks = 0;
        for (int p = 0; p < people.size(); p++) {
            if (p == 10) {
                continue; // shares only later, in the test
            }
            int count = 1 + random.nextInt(4);
            for (int s = 0; s < count; s++) {
                Share shared = share(people.get(p), items.get(random.nextInt(items.size())), networks.get(s));
                shares++;
                int visitors = random.nextInt(4);
                for (int v = 0; v < visitors; v++) {
                    click(shared, visitor(), v % 2 == 0 ? CHROME : FIREFOX);
                    clicks++;
                }
            }
        }
        Api.as(org.admin().token()).body(Map.of("status", "deactivated"))
                .patch("/api/v1/members/{id}", people.get(5).id()).then().statusCode(200);
        LocalDate utc = Time.today(ZoneId.of("UTC"));
        Traffic.awaitOverview(analyst.token(), "?from=" + utc.minusDays(1) + "&to=" + utc.plusDays(1), shares, clicks);
        Traffic.spreadOverPastDays(database, org.id());
        Api.as(org.admin().token()).body(Map.of("timeZone", BERLIN, "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Traffic.await(analyst.token(), "/api/v1/analytics/overview", o -> BERLIN.equals(o.getString("timeZone")));
        return new History(org, analyst, north, south, people, items);
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }
}
