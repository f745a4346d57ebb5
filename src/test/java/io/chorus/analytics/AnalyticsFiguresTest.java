package io.chorus.analytics;

import static io.chorus.analytics.Traffic.CHROME;
import static io.chorus.analytics.Traffic.FIREFOX;
import static io.chorus.analytics.Traffic.LINKEDIN_BOT;
import static io.chorus.analytics.Traffic.click;
import static io.chorus.analytics.Traffic.share;
import static io.chorus.analytics.Traffic.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.analytics.AnalyticsViews.DayFigures;
import io.chorus.analytics.AnalyticsViews.ParticipationRow;
import io.chorus.analytics.Traffic.Share;
import io.chorus.common.Time;
import io.chorus.common.tenant.AsOrganization;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Dates;
import io.chorus.support.Dates.AtEdges;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every figure on a small organization where the right answer is known: 7 ambassadors (one deactivated), two groups,
 * two items, 7 shares, human clicks, repeat visitors, a robot and the sharer's own click. The figures that depend on
 * the date (the default range, the week, the month's cohort, the days of the series) are checked at each of the
 * {@link Dates#edges()}, on the same organization made at that instant in Europe/Paris (where the edges are).
 */
@QuarkusTest
class AnalyticsFiguresTest {

    /**
     * The organization and its people, groups and items; {@code madeUntil}: when it was done, on the service's clock.
     */
    record Fixture(Org org, Person analyst, String marketing, String sales, String launch, String results,
            List<Person> ambassadors, ZoneId zone, Instant madeUntil) {

        /** Today in the organization's time zone, on the service's clock. */
        LocalDate today() {
            return Time.today(zone);
        }
    }

    /** Made at the suite's time, in UTC. */
    static Fixture suite;
    /** Made at each edge, in Europe/Paris. */
    static final Map<ZonedDateTime, Fixture> AT_EDGES = new HashMap<>();

    @Inject
    AnalyticsService analytics;

    /** Made once: RestAssured knows the test port only when a test runs. */
    @BeforeEach
    void organization() {
        if (suite == null) {
            suite = make(null);
        }
    }

    /**
     * The organization made at this edge (the service's clock is there), the first time; the next times, the clock
     * carries on from when it was made, so that nothing it holds is in the service's future.
     */
    private static Fixture at(ZonedDateTime edge) {
        Fixture made = AT_EDGES.get(edge);
        if (made == null) {
            made = make(edge.getZone());
            AT_EDGES.put(edge, made);
        } else {
            Time.runFrom(made.madeUntil());
        }
        return made;
    }

    /** The organization, in {@code zone} (null: the default, UTC), at the service's present time. */
    private static Fixture make(ZoneId zone) {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        Person curator = org.member("curator");
        if (zone != null) {
            Api.as(org.admin().token()).body(Map.of("timeZone", zone.getId(), "levelThresholds", List.of(0, 100)))
                    .put("/api/v1/settings/organization").then().statusCode(200);
        }
        String marketing = org.group("Marketing", "department");
        String sales = org.group("Sales", "department");
        List<Person> ambassadors = List.of(org.member(List.of(marketing), "ambassador"),
                org.member(List.of(marketing), "ambassador"), org.member(List.of(marketing), "ambassador"),
                org.member(List.of(marketing), "ambassador"), org.member(List.of(marketing), "ambassador"),
                org.member(List.of(sales), "ambassador"), org.member(List.of(sales), "ambassador"));
        String launch = Contents.published(curator.token(), Contents.body("Launch"));
        String results = Contents.published(curator.token(), Contents.body("Results"));

        // A1 on LinkedIn: one visitor twice, another once (3 clicks, 2 unique visitors).
        Share a1 = share(ambassadors.get(0), launch, "linkedin");
        String v1 = visitor();
        click(a1, v1, CHROME);
        click(a1, v1, CHROME);
        click(a1, visitor(), FIREFOX);
        // A1 on X: the first visitor again, on another share (1 click, 1 unique visitor of this share).
        click(share(ambassadors.get(0), launch, "x"), v1, CHROME);
        // A2 on LinkedIn: a link-preview robot and A2's own browser count nothing; one person does.
        Share a2 = share(ambassadors.get(1), launch, "linkedin");
        click(a2, visitor(), LINKEDIN_BOT);
        click(a2, Traffic.address(ambassadors.get(1)), FIREFOX);
        click(a2, visitor(), CHROME);
        // A3 on Facebook: one visitor twice (2 clicks, 1 unique visitor).
        Share a3 = share(ambassadors.get(2), results, "facebook");
        String v4 = visitor();
        click(a3, v4, FIREFOX);
        click(a3, v4, FIREFOX);
        // A4 by email and A5 on WhatsApp: shared, never clicked.
        share(ambassadors.get(3), launch, "email");
        share(ambassadors.get(4), results, "whatsapp");
        // A6 (Sales) on LinkedIn: one click. A7 (Sales) never shares and leaves.
        click(share(ambassadors.get(5), results, "linkedin"), visitor(), CHROME);
        Api.as(org.admin().token()).body(Map.of("status", "deactivated"))
                .patch("/api/v1/members/{id}", ambassadors.get(6).id()).then().statusCode(200);

        ZoneId days = zone == null ? ZoneId.of("UTC") : zone;
        Traffic.await(analyst.token(), "/api/v1/analytics/overview", o -> o.getLong("shares") >= 7
                && o.getLong("clicks") >= 8 && days.getId().equals(o.getString("timeZone")));
        return new Fixture(org, analyst, marketing, sales, launch, results, ambassadors, days, Time.now());
    }

    @AtEdges
    void theOverviewCountsAmbassadorsSharesHumanClicksAndVisitors(ZonedDateTime at) {
        try (TestClock clock = TestClock.runFrom(at)) {
            overview(at(at));
        }
    }

    private void overview(Fixture f) {
        JsonPath overview = Api.as(f.analyst().token()).get("/api/v1/analytics/overview").then().statusCode(200)
                .extract().jsonPath();

        assertThat(overview.getLong("members.total")).isEqualTo(7);
        assertThat(overview.getLong("members.active")).isEqualTo(6);
        assertThat(overview.getLong("members.sharing")).isEqualTo(6);
        assertThat(overview.getDouble("participationRate")).isEqualTo(1.0);
        assertThat(overview.getLong("shares")).isEqualTo(7);
        assertThat(overview.getLong("clicks")).isEqualTo(8);
        assertThat(overview.getLong("uniqueVisitors")).isEqualTo(6);
        assertThat(overview.getMap("clicksByNetwork", String.class, Integer.class))
                .isEqualTo(Map.of("linkedin", 5, "x", 1, "facebook", 2, "xing", 0, "whatsapp", 0, "email", 0));
        assertThat(overview.getList("topContent.title")).containsExactly("Launch", "Results");
        assertThat(overview.getList("topContent.contentId")).containsExactly(f.launch(), f.results());
        assertThat(overview.getList("topContent.shares", Integer.class)).containsExactly(4, 3);
        assertThat(overview.getList("topContent.clicks", Integer.class)).containsExactly(5, 3);
        // 5% of 6 active ambassadors is one person: fewer than the minimum group size, so no figure.
        assertThat(overview.getLong("concentration.topAmbassadors")).isEqualTo(1);
        assertThat(overview.get("concentration.top5PercentShareOfClicks") == null).isTrue();
        assertThat(overview.get("earnedMediaValue") == null).as("no cost per click set").isTrue();
        assertThat(overview.getString("timeZone")).isEqualTo(f.zone().getId());
        // By default the last 30 days, today (there) included.
        LocalDate today = f.today();
        LocalDate from = LocalDate.parse(overview.getString("from"));
        assertThat(overview.getString("to")).isEqualTo(today.toString());
        assertThat(from.datesUntil(today.plusDays(1)).count()).as("days from %s to %s", from, today).isEqualTo(30);
    }

    @Test
    void aGroupRestrictsEveryFigureToItsMembers() {
        JsonPath overview = Api.as(suite.analyst().token())
                .get("/api/v1/analytics/overview?groupId=" + suite.marketing()).then().statusCode(200).extract()
                .jsonPath();

        assertThat(overview.getString("groupId")).isEqualTo(suite.marketing());
        assertThat(overview.getLong("members.total")).isEqualTo(5);
        assertThat(overview.getLong("members.sharing")).isEqualTo(5);
        assertThat(overview.getLong("shares")).isEqualTo(6);
        assertThat(overview.getLong("clicks")).isEqualTo(7);
        assertThat(overview.getLong("uniqueVisitors")).isEqualTo(5);
        assertThat(overview.getMap("clicksByNetwork", String.class, Integer.class)).containsEntry("linkedin", 4)
                .containsEntry("facebook", 2).containsEntry("x", 1);
        assertThat(overview.getList("topContent.shares", Integer.class)).containsExactly(4, 2);
        assertThat(overview.getList("topContent.clicks", Integer.class)).containsExactly(5, 2);
    }

    @Test
    void participationByGroupFoldsSmallGroups() {
        JsonPath participation = Api.as(suite.analyst().token()).get("/api/v1/analytics/participation?groupBy=group")
                .then().statusCode(200).extract().jsonPath();

        // Sales has one active ambassador: folded into "other", which is left out as it is small too.
        assertThat(participation.getList("rows.key")).containsExactly(suite.marketing());
        assertThat(participation.getString("rows[0].label")).isEqualTo("Marketing");
        assertThat(participation.getLong("rows[0].members")).isEqualTo(5);
        assertThat(participation.getLong("rows[0].sharing")).isEqualTo(5);
        assertThat(participation.getDouble("rows[0].participationRate")).isEqualTo(1.0);
        assertThat(participation.getLong("rows[0].shares")).isEqualTo(6);
        assertThat(participation.getLong("rows[0].clicks")).isEqualTo(7);
        assertThat(participation.getString("groupBy")).isEqualTo("group");
    }

    @AtEdges
    void participationByWeekCoversWholeWeeks(ZonedDateTime at) {
        try (TestClock clock = TestClock.runFrom(at)) {
            byWeek(at(at));
        }
    }

    private void byWeek(Fixture f) {
        LocalDate today = f.today();
        JsonPath participation = Api.as(f.analyst().token())
                .get("/api/v1/analytics/participation?groupBy=week&from=" + today + "&to=" + today).then()
                .statusCode(200).extract().jsonPath();

        // The week of today: back to the last Monday, counted day by day; its ISO week is today's.
        LocalDate monday = today;
        while (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            monday = monday.minusDays(1);
        }
        assertThat(participation.getList("rows.key")).containsExactly(monday.toString());
        assertThat(participation.getString("rows[0].label")).isEqualTo(String.format(Locale.ROOT, "%d-W%02d",
                today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        assertThat(participation.getLong("rows[0].members")).isEqualTo(6);
        assertThat(participation.getLong("rows[0].sharing")).isEqualTo(6);
        assertThat(participation.getLong("rows[0].shares")).isEqualTo(7);
        assertThat(participation.getLong("rows[0].clicks")).isEqualTo(8);
    }

    @AtEdges
    void retentionPutsFirstSharesInMonthlyCohorts(ZonedDateTime at) {
        try (TestClock clock = TestClock.runFrom(at)) {
            retention(at(at));
        }
    }

    private void retention(Fixture f) {
        JsonPath retention = Api.as(f.analyst().token()).get("/api/v1/analytics/retention").then().statusCode(200)
                .extract().jsonPath();

        // Everyone first shared today, in the organization's time zone: this month's cohort there.
        assertThat(retention.getList("cohorts.cohort")).containsExactly(YearMonth.from(f.today()).toString());
        assertThat(retention.getLong("cohorts[0].members")).isEqualTo(6);
        assertThat(retention.getList("cohorts[0].activeByWeek")).as("no week after a first share has ended yet")
                .isEmpty();
        assertThat(retention.getInt("weeks")).isEqualTo(12);
    }

    @AtEdges
    void aContentItemHasItsFiguresPerNetworkAndDay(ZonedDateTime at) {
        try (TestClock clock = TestClock.runFrom(at)) {
            contentItem(at(at));
        }
    }

    private void contentItem(Fixture f) {
        JsonPath content = Api.as(f.analyst().token()).get("/api/v1/analytics/content/{id}", f.launch()).then()
                .statusCode(200).extract().jsonPath();

        assertThat(content.getString("title")).isEqualTo("Launch");
        assertThat(content.getLong("shares")).isEqualTo(4);
        assertThat(content.getLong("clicks")).isEqualTo(5);
        assertThat(content.getLong("uniqueVisitors")).isEqualTo(4);
        assertThat(content.getLong("byNetwork.linkedin.shares")).isEqualTo(2);
        assertThat(content.getLong("byNetwork.linkedin.clicks")).isEqualTo(4);
        assertThat(content.getLong("byNetwork.linkedin.uniqueVisitors")).isEqualTo(3);
        assertThat(content.getLong("byNetwork.x.clicks")).isEqualTo(1);
        assertThat(content.getLong("byNetwork.email.shares")).isEqualTo(1);
        assertThat(content.getList("byDay")).hasSize(30);
        List<LocalDate> days = content.getList("byDay.date", String.class).stream().map(LocalDate::parse).toList();
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i)).as("the day after %s", days.get(i - 1)).isEqualTo(days.get(i - 1).plusDays(1));
        }
        assertThat(days.get(29)).isEqualTo(f.today());
        assertThat(content.getLong("byDay[29].clicks")).isEqualTo(5);
        assertThat(content.getLong("byDay[28].clicks")).isZero();

        JsonPath inMarketing = Api.as(f.analyst().token())
                .get("/api/v1/analytics/content/{id}?groupId=" + f.marketing(), f.results()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(inMarketing.getLong("shares")).as("Marketing's shares of Results").isEqualTo(2);
        assertThat(inMarketing.getLong("clicks")).isEqualTo(2);
    }

    @AtEdges
    void theDashboardHasEveryDayOfTheRangeAndAgreesWithTheEndpoints(ZonedDateTime at) {
        try (TestClock clock = TestClock.runFrom(at)) {
            dashboard(at(at));
        }
    }

    private void dashboard(Fixture f) {
        LocalDate today = f.today();
        Dashboard dashboard = AsOrganization.call(f.org().id(), () -> analytics.dashboard(null, null, null).value());

        // The 30 days up to today, one after the other.
        List<LocalDate> month = new ArrayList<>();
        for (LocalDate day = today; month.size() < 30; day = day.minusDays(1)) {
            month.add(0, day);
        }
        assertThat(dashboard.byDay()).extracting(DayFigures::date).containsExactlyElementsOf(month);
        assertThat(dashboard.byDay().get(29)).isEqualTo(new DayFigures(today, 7, 8, 6));
        assertThat(dashboard.byDay().subList(0, 29))
                .allMatch(d -> d.shares() == 0 && d.clicks() == 0 && d.uniqueVisitors() == 0);
        JsonPath overview = Api.as(f.analyst().token()).get("/api/v1/analytics/overview").then().statusCode(200)
                .extract().jsonPath();
        assertThat(dashboard.overview().shares()).isEqualTo(overview.getLong("shares"));
        assertThat(dashboard.overview().clicks()).isEqualTo(overview.getLong("clicks"));
        assertThat(dashboard.overview().members().sharing()).isEqualTo(overview.getLong("members.sharing"));
        JsonPath participation = Api.as(f.analyst().token()).get("/api/v1/analytics/participation").then()
                .statusCode(200).extract().jsonPath();
        assertThat(dashboard.byGroup().rows()).extracting(ParticipationRow::key)
                .isEqualTo(participation.getList("rows.key"));
        assertThat(dashboard.byGroup().rows()).extracting(ParticipationRow::clicks)
                .isEqualTo(participation.getList("rows.clicks", Long.class));

        Dashboard inMarketing = AsOrganization.call(f.org().id(),
                () -> analytics.dashboard(month.get(23).toString(), null, UUID.fromString(f.marketing())).value());
        assertThat(inMarketing.byDay()).extracting(DayFigures::date).containsExactlyElementsOf(month.subList(23, 30));
        assertThat(inMarketing.byDay().get(6)).isEqualTo(new DayFigures(today, 6, 7, 5));
    }

    @Test
    void theEarnedMediaValueIsAnEstimateFromTheCostPerClick() {
        Org own = Organizations.create();
        Person ambassador = own.member("ambassador");
        String item = Contents.published(own.member("curator").token(), Contents.body("Valued"));
        Share shared = share(ambassador, item, "linkedin");
        for (int i = 0; i < 3; i++) {
            click(shared, visitor(), CHROME);
        }
        Api.as(own.admin().token())
                .body(Map.of("timeZone", "UTC", "levelThresholds", List.of(0, 100), "costPerClick",
                        Map.of("amount", 0.425, "currency", "EUR")))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Api.as(own.admin().token()).get("/api/v1/settings/organization").then().statusCode(200)
                .body("costPerClick.amount", equalTo(0.425f)).body("costPerClick.currency", equalTo("EUR"));

        JsonTree overview = Traffic.awaitOverview(own.admin().token(), "", 1, 3);
        assertThat(overview.getBoolean("earnedMediaValue.estimate")).isTrue();
        assertThat(overview.getString("earnedMediaValue.currency")).isEqualTo("EUR");
        assertThat(overview.getDouble("earnedMediaValue.amount")).as("3 x 0.425, to the cent").isEqualTo(1.28);
        assertThat(overview.getLong("earnedMediaValue.clicks")).isEqualTo(3);
        JsonPath content = Api.as(own.admin().token()).get("/api/v1/analytics/content/{id}", item).then()
                .statusCode(200).extract().jsonPath();
        assertThat(content.getDouble("earnedMediaValue.amount")).isEqualTo(1.28);

        Api.as(own.admin().token()).body(Map.of("timeZone", "UTC", "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200).body("costPerClick", nullValue());
        assertThat(Api.as(own.admin().token()).get("/api/v1/analytics/overview").then().statusCode(200).extract()
                .jsonPath().getMap("$")).containsEntry("earnedMediaValue", null);
        for (Map<String, Object> wrong : List.<Map<String, Object>> of(Map.of("amount", 0, "currency", "EUR"),
                Map.of("amount", 1, "currency", "XYZ"), Map.of("amount", 1, "currency", "eur"),
                Map.of("amount", 0.12345, "currency", "EUR"), Map.of("amount", 1))) {
            Api.as(own.admin().token())
                    .body(Map.of("timeZone", "UTC", "levelThresholds", List.of(0, 100), "costPerClick", wrong))
                    .put("/api/v1/settings/organization").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
