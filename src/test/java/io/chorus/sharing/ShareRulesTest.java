package io.chorus.sharing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The sharing rules: a daily limit per member, one share per item and network, and sharing hours. */
@QuarkusTest
class ShareRulesTest {

    @Test
    void theDailyLimitRefusesNewSharesWith429AndStillAnswersExistingOnes() {
        Org org = Organizations.create();
        settings(org, Map.of("dailyShareLimit", 2)).then().statusCode(200).body("dailyShareLimit", equalTo(2))
                .body("sharingHours", nullValue());
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String first = Contents.published(curator.token(), Contents.body("Limit one"));
        String second = Contents.published(curator.token(), Contents.body("Limit two"));
        String third = Contents.published(curator.token(), Contents.body("Limit three"));

        String shared = share(ambassador, first, "linkedin").then().statusCode(201).extract().path("id");
        share(ambassador, second, "linkedin").then().statusCode(201);
        Instant asked = Time.now();
        Response refused = share(ambassador, third, "linkedin");
        Instant resetsAt = Time.today(ZoneId.of("UTC")).plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant();
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("share-limit-reached")).body("limit", equalTo(2))
                .body("resetsAt", equalTo(resetsAt.toString())).body("timeZone", equalTo("UTC"))
                .body("detail", containsString("at most 2 shares a day"))
                .body("detail", containsString("resets at " + resetsAt));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, Duration.between(asked, resetsAt).toSeconds() + 1);
        // Another network of an item already shared is a new share too.
        share(ambassador, first, "x").then().statusCode(429);

        // Asking again for a share already made is answered, limit or not: one share per item and network.
        share(ambassador, first, "linkedin").then().statusCode(200).body("id", equalTo(shared));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(2));
        // The limit is each member's own.
        share(org.member("ambassador"), third, "linkedin").then().statusCode(201);
    }

    @Test
    void parallelSharesAtTheLimitNeverBothPass() throws Exception {
        Org org = Organizations.create();
        settings(org, Map.of("dailyShareLimit", 3)).then().statusCode(200);
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(Contents.published(curator.token(), Contents.body("Parallel " + i)));
        }
        share(ambassador, items.get(0), "linkedin").then().statusCode(201);
        share(ambassador, items.get(1), "linkedin").then().statusCode(201);

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String item : items.subList(2, 8)) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return share(ambassador, item, "linkedin").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 429);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(3));
    }

    @Test
    void parallelRequestsForTheSameShareAtTheLimitAllAnswerIt() throws Exception {
        Org org = Organizations.create();
        settings(org, Map.of("dailyShareLimit", 1)).then().statusCode(200);
        Person ambassador = org.member("ambassador");
        String item = Contents.published(org.member("curator").token(), Contents.body("Same share"));

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return share(ambassador, item, "x");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                ids.add(response.path("id"));
            }
            assertThat(statuses).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).doesNotContainNull().containsOnly(ids.get(0));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theDayIsTheOrganizationsAndANewDayResetsTheLimit() {
        Org org = Organizations.create();
        ZoneId paris = ZoneId.of("Europe/Paris");
        Api.as(org.admin().token()).body(Map.of("timeZone", "Europe/Paris", "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        settings(org, Map.of("dailyShareLimit", 1)).then().statusCode(200);
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        // 23:30 in Paris is 22:30 UTC: a day that ends at midnight Paris time, not at midnight UTC.
        try (TestClock clock = TestClock.runFrom(ZonedDateTime.of(2027, 3, 10, 23, 30, 0, 0, paris))) {
            String first = Contents.published(curator.token(), Contents.body("Late one"));
            String second = Contents.published(curator.token(), Contents.body("Late two"));
            share(ambassador, first, "linkedin").then().statusCode(201);
            share(ambassador, second, "linkedin").then().statusCode(429)
                    .body("resetsAt", equalTo("2027-03-10T23:00:00Z")).body("timeZone", equalTo("Europe/Paris"));
            TestClock.runFrom(ZonedDateTime.of(2027, 3, 11, 0, 5, 0, 0, paris));
            share(ambassador, second, "linkedin").then().statusCode(201);
        }
    }

    @Test
    void outsideSharingHoursNewSharesAreRefusedAndSayWhenSharingOpens() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String early = Contents.published(curator.token(), Contents.body("Shared in hours"));
        String late = Contents.published(curator.token(), Contents.body("Shared out of hours"));
        LocalTime now = LocalTime.ofInstant(Time.now(), ZoneId.of("UTC")).truncatedTo(ChronoUnit.MINUTES);
        // Open from an hour ago to an hour from now (running over midnight when it must).
        settings(org, hours(now.minusHours(1), now.plusHours(1))).then().statusCode(200).body("sharingHours.from",
                equalTo(now.minusHours(1).toString()));
        String shared = share(ambassador, early, "linkedin").then().statusCode(201).extract().path("id");

        // Open from two hours from now, for an hour: closed now.
        LocalTime opens = now.plusHours(2);
        settings(org, hours(opens, now.plusHours(3))).then().statusCode(200);
        Instant opensAt = nextAt(opens);
        share(ambassador, late, "linkedin").then().statusCode(409).body("type", endsWith("outside-sharing-hours"))
                .body("opensAt", equalTo(opensAt.toString())).body("timeZone", equalTo("UTC"))
                .body("detail", containsString("sharing opens at " + opensAt));
        share(ambassador, early, "linkedin").then().statusCode(200).body("id", equalTo(shared));

        // Closed only from an hour from now to two hours from now: open now.
        settings(org, hours(now.plusHours(2), now.plusHours(1))).then().statusCode(200);
        share(ambassador, late, "linkedin").then().statusCode(201);
        settings(org, Map.of()).then().statusCode(200).body("sharingHours", nullValue()).body("dailyShareLimit",
                equalTo(15));
    }

    @Test
    void hoursWhoseEndComesBeforeTheirStartRunOverMidnight() {
        LocalTime from = LocalTime.of(22, 0);
        LocalTime to = LocalTime.of(6, 0);
        assertThat(ShareRules.open(LocalTime.of(23, 59), from, to)).isTrue();
        assertThat(ShareRules.open(LocalTime.of(5, 59), from, to)).isTrue();
        assertThat(ShareRules.open(LocalTime.of(6, 0), from, to)).isFalse();
        assertThat(ShareRules.open(LocalTime.of(21, 59), from, to)).isFalse();
        assertThat(ShareRules.open(LocalTime.of(22, 0), from, to)).isTrue();
        assertThat(ShareRules.open(LocalTime.of(8, 0), to, from)).isTrue();
        assertThat(ShareRules.open(LocalTime.of(22, 0), to, from)).isFalse();
    }

    @Test
    void badSettingsChangeNothingAndChangesAreAudited() {
        Org org = Organizations.create();
        settings(org, Map.of("dailyShareLimit", 5, "sharingHours", Map.of("from", "08:00", "to", "20:00"))).then()
                .statusCode(200);
        settings(org, Map.of("dailyShareLimit", 0)).then().statusCode(400).body("violations[0].field",
                equalTo("dailyShareLimit"));
        settings(org, Map.of("dailyShareLimit", 1001)).then().statusCode(400);
        settings(org, Map.of("sharingHours", Map.of("from", "08:00", "to", "08:00"))).then().statusCode(400)
                .body("violations[0].field", equalTo("sharingHours.to"));
        settings(org, Map.of("sharingHours", Map.of("from", "8am", "to", "20:00"))).then().statusCode(400)
                .body("violations[0].field", equalTo("sharingHours.from"));
        settings(org, Map.of("sharingHours", Map.of("from", "08:00"))).then().statusCode(400);
        Api.as(org.member("ambassador").token()).get("/api/v1/settings/sharing").then().statusCode(200)
                .body("dailyShareLimit", equalTo(5)).body("sharingHours.from", equalTo("08:00"))
                .body("sharingHours.to", equalTo("20:00"));
        Api.as(org.admin().token()).get("/api/v1/audit-events?action=settings.sharing.changed").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].detail.dailyShareLimit", equalTo(5))
                .body("items[0].detail.sharingHours.to", equalTo("20:00"));
    }

    @Test
    void oneClickLinksShowTheRefusalsAsPagesInTheMembersLanguage() {
        Org org = Organizations.create();
        settings(org, Map.of("dailyShareLimit", 1)).then().statusCode(200);
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String first = Contents.published(curator.token(), Contents.body("Click one"));
        String second = Contents.published(curator.token(), Contents.body("Click two"));
        String firstLink = link(ambassador, first);
        String secondLink = link(ambassador, second);

        follow(firstLink, "en").then().statusCode(302);
        follow(secondLink, "en").then().statusCode(429).contentType("text/html")
                .body(containsString("Enough shares for today")).body(containsString("allows 1 shares per person"));
        follow(secondLink, "fr").then().statusCode(429).body(containsString("Assez de partages pour aujourd"));
        follow(firstLink, "en").then().statusCode(302);

        LocalTime now = LocalTime.ofInstant(Time.now(), ZoneId.of("UTC")).truncatedTo(ChronoUnit.MINUTES);
        settings(org, hours(now.plusHours(2), now.plusHours(3))).then().statusCode(200);
        follow(secondLink, "fr").then().statusCode(409).contentType("text/html")
                .body(containsString("En dehors des heures de partage")).body(containsString("(UTC)"));
        Api.as(ambassador.token()).get("/api/v1/me/shares").then().body("items", hasSize(1));
    }

    private static Map<String, Object> hours(LocalTime from, LocalTime to) {
        return Map.of("sharingHours", Map.of("from", from.toString(), "to", to.toString()));
    }

    /** The next instant the UTC clock reads this time. */
    private static Instant nextAt(LocalTime time) {
        ZonedDateTime now = Time.now().atZone(ZoneId.of("UTC"));
        ZonedDateTime at = now.toLocalDate().atTime(time).atZone(ZoneId.of("UTC"));
        return (at.isAfter(now) ? at : at.plusDays(1)).toInstant();
    }

    private static Response settings(Org org, Map<String, Object> body) {
        return Api.as(org.admin().token()).body(body).put("/api/v1/settings/sharing");
    }

    private static Response share(Person who, String content, String network) {
        Map<String, Object> body = new HashMap<>();
        body.put("network", network);
        return Api.as(who.token()).body(body).post("/api/v1/content/{id}/shares", content);
    }

    private static String link(Person who, String content) {
        return Api.as(who.token()).get("/api/v1/content/{id}/share-links", content).then().statusCode(200).extract()
                .path("linkedin");
    }

    private static Response follow(String link, String language) {
        return given().redirects().follow(false).header("Accept-Language", language)
                .get(link.substring(link.indexOf("/share/")));
    }
}
