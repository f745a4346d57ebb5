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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.analytics.AnalyticsViews.DayFigures;
import io.chorus.analytics.AnalyticsViews.ParticipationRow;
import io.chorus.analytics.Traffic.Share;
import io.chorus.common.tenant.AsOrganization;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every figure on a small organization where the right answer is known: 7 ambassadors (one deactivated), two groups,
 * two items, 7 shares, human clicks, repeat visitors, a robot and the sharer's own click.
 */
@QuarkusTest
class AnalyticsFiguresTest {

    static Org org;
    static Person analyst;
    static String marketing;
    static String sales;
    static String launch;
    static String results;
    static List<Person> ambassadors;

    @Inject
    AnalyticsService analytics;

    /** Made once: RestAssured knows the test port only when a test runs. */
    @BeforeEach
    void organization() {
        if (org != null) {
            return;
        }
        org = Organizations.create();
        analyst = org.member("analyst");
        Person curator = org.member("curator");
        marketing = org.group("Marketing", "department");
        sales = org.group("Sales", "department");
        ambassadors = List.of(org.member(List.of(marketing), "ambassador"),
                org.member(List.of(marketing), "ambassador"), org.member(List.of(marketing), "ambassador"),
                org.member(List.of(marketing), "ambassador"), org.member(List.of(marketing), "ambassador"),
                org.member(List.of(sales), "ambassador"), org.member(List.of(sales), "ambassador"));
        launch = Contents.published(curator.token(), Contents.body("Launch"));
        results = Contents.published(curator.token(), Contents.body("Results"));

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

        Traffic.awaitOverview(analyst.token(), "", 7, 8);
    }

    @Test
    void theOverviewCountsAmbassadorsSharesHumanClicksAndVisitors() {
        JsonPath overview = Api.as(analyst.token()).get("/api/v1/analytics/overview").then().statusCode(200).extract()
                .jsonPath();

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
        assertThat(overview.getList("topContent.contentId")).containsExactly(launch, results);
        assertThat(overview.getList("topContent.shares", Integer.class)).containsExactly(4, 3);
        assertThat(overview.getList("topContent.clicks", Integer.class)).containsExactly(5, 3);
        // 5% of 6 active ambassadors is one person: fewer than the minimum group size, so no figure.
        assertThat(overview.getLong("concentration.topAmbassadors")).isEqualTo(1);
        assertThat(overview.get("concentration.top5PercentShareOfClicks") == null).isTrue();
        assertThat(overview.get("earnedMediaValue") == null).as("no cost per click set").isTrue();
        assertThat(overview.getString("timeZone")).isEqualTo("UTC");
        assertThat(overview.getString("to")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(overview.getString("from")).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(29).toString());
    }

    @Test
    void aGroupRestrictsEveryFigureToItsMembers() {
        JsonPath overview = Api.as(analyst.token()).get("/api/v1/analytics/overview?groupId=" + marketing).then()
                .statusCode(200).extract().jsonPath();

        assertThat(overview.getString("groupId")).isEqualTo(marketing);
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
        JsonPath participation = Api.as(analyst.token()).get("/api/v1/analytics/participation?groupBy=group").then()
                .statusCode(200).extract().jsonPath();

        // Sales has one active ambassador: folded into "other", which is left out as it is small too.
        assertThat(participation.getList("rows.key")).containsExactly(marketing);
        assertThat(participation.getString("rows[0].label")).isEqualTo("Marketing");
        assertThat(participation.getLong("rows[0].members")).isEqualTo(5);
        assertThat(participation.getLong("rows[0].sharing")).isEqualTo(5);
        assertThat(participation.getDouble("rows[0].participationRate")).isEqualTo(1.0);
        assertThat(participation.getLong("rows[0].shares")).isEqualTo(6);
        assertThat(participation.getLong("rows[0].clicks")).isEqualTo(7);
        assertThat(participation.getString("groupBy")).isEqualTo("group");
    }

    @Test
    void participationByWeekCoversWholeWeeks() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonPath participation = Api.as(analyst.token())
                .get("/api/v1/analytics/participation?groupBy=week&from=" + today + "&to=" + today).then()
                .statusCode(200).extract().jsonPath();

        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(participation.getList("rows.key")).containsExactly(monday.toString());
        assertThat(participation.getString("rows[0].label")).matches("\\d{4}-W\\d{2}");
        assertThat(participation.getLong("rows[0].members")).isEqualTo(6);
        assertThat(participation.getLong("rows[0].sharing")).isEqualTo(6);
        assertThat(participation.getLong("rows[0].shares")).isEqualTo(7);
        assertThat(participation.getLong("rows[0].clicks")).isEqualTo(8);
    }

    @Test
    void retentionPutsFirstSharesInMonthlyCohorts() {
        JsonPath retention = Api.as(analyst.token()).get("/api/v1/analytics/retention").then().statusCode(200).extract()
                .jsonPath();

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(retention.getList("cohorts.cohort")).containsExactly(month);
        assertThat(retention.getLong("cohorts[0].members")).isEqualTo(6);
        assertThat(retention.getList("cohorts[0].activeByWeek")).as("no week after a first share has ended yet")
                .isEmpty();
        assertThat(retention.getInt("weeks")).isEqualTo(12);
    }

    @Test
    void aContentItemHasItsFiguresPerNetworkAndDay() {
        JsonPath content = Api.as(analyst.token()).get("/api/v1/analytics/content/{id}", launch).then().statusCode(200)
                .extract().jsonPath();

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
        assertThat(content.getString("byDay[29].date")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(content.getLong("byDay[29].clicks")).isEqualTo(5);
        assertThat(content.getLong("byDay[28].clicks")).isZero();

        JsonPath inSales = Api.as(analyst.token()).get("/api/v1/analytics/content/{id}?groupId=" + marketing, results)
                .then().statusCode(200).extract().jsonPath();
        assertThat(inSales.getLong("shares")).as("Marketing's shares of Results").isEqualTo(2);
        assertThat(inSales.getLong("clicks")).isEqualTo(2);
    }

    @Test
    void theDashboardHasEveryDayOfTheRangeAndAgreesWithTheEndpoints() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Dashboard dashboard = AsOrganization.call(org.id(), () -> analytics.dashboard(null, null, null).value());

        assertThat(dashboard.byDay()).extracting(DayFigures::date)
                .containsExactlyElementsOf(today.minusDays(29).datesUntil(today.plusDays(1)).toList());
        assertThat(dashboard.byDay().get(29)).isEqualTo(new DayFigures(today, 7, 8, 6));
        assertThat(dashboard.byDay().subList(0, 29))
                .allMatch(d -> d.shares() == 0 && d.clicks() == 0 && d.uniqueVisitors() == 0);
        JsonPath overview = Api.as(analyst.token()).get("/api/v1/analytics/overview").then().statusCode(200).extract()
                .jsonPath();
        assertThat(dashboard.overview().shares()).isEqualTo(overview.getLong("shares"));
        assertThat(dashboard.overview().clicks()).isEqualTo(overview.getLong("clicks"));
        assertThat(dashboard.overview().members().sharing()).isEqualTo(overview.getLong("members.sharing"));
        JsonPath participation = Api.as(analyst.token()).get("/api/v1/analytics/participation").then().statusCode(200)
                .extract().jsonPath();
        assertThat(dashboard.byGroup().rows()).extracting(ParticipationRow::key)
                .isEqualTo(participation.getList("rows.key"));
        assertThat(dashboard.byGroup().rows()).extracting(ParticipationRow::clicks)
                .isEqualTo(participation.getList("rows.clicks", Long.class));

        Dashboard inMarketing = AsOrganization.call(org.id(),
                () -> analytics.dashboard(today.minusDays(6).toString(), null, UUID.fromString(marketing)).value());
        assertThat(inMarketing.byDay()).hasSize(7);
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

        JsonPath overview = Traffic.awaitOverview(own.admin().token(), "", 1, 3);
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
