package io.chorus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chorus.packaged.PackagedApp;
import io.chorus.packaged.ProductionEnvironment;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the production jar on one PostgreSQL, as behind a load balancer. A member's requests go to both
 * while an admin, through the first, deactivates them: each instance refuses them within a second of the change, with
 * no request answered after that; reactivated, both let them in again as fast. What one instance commits shows on the
 * other within a second too where the other holds it in memory: a short link's destination, a leaderboard.
 */
class TwoInstancesIT {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static final String OPERATOR_EMAIL = "ops@two.it.example";
    private static final String PASSWORD = "a long enough password";

    private static EmbeddedPostgres postgres;
    private static final List<PackagedApp> instances = new ArrayList<>();

    /** One answer: which instance, when the request was sent (nanoTime) and its status. */
    record Answer(int instance, long sentAt, int status) {
    }

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        ProductionEnvironment environment = ProductionEnvironment.create(url.substring(0, url.indexOf('?')), "postgres",
                "postgres");
        Map<String, String> first = environment.settings();
        first.put("CHORUS_BOOTSTRAP_OPERATOR_EMAIL", OPERATOR_EMAIL);
        first.put("CHORUS_BOOTSTRAP_OPERATOR_PASSWORD", PASSWORD);
        instances.add(PackagedApp.start("first-of-two", first));
        instances.get(0).awaitReady(READY_DEADLINE); // it migrates the database
        instances.add(PackagedApp.start("second-of-two", environment.settings()));
        instances.get(1).awaitReady(READY_DEADLINE);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            for (PackagedApp each : instances) {
                each.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** An organization made through the first instance: its admin's and one ambassador's tokens. */
    record Organization(String admin, String member, String memberId) {
    }

    private static Organization organization(String slug) {
        String operator = login(null, OPERATOR_EMAIL);
        String invitation = api(0, operator)
                .body(Map.of("slug", slug, "name", slug + " Corp", "adminEmail", "admin@" + slug + ".it.example",
                        "adminName", "A"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("adminInvitation.token");
        accept(invitation);
        String admin = login(slug, "admin@" + slug + ".it.example");
        var invited = api(0, admin)
                .body(Map.of("email", "amb@" + slug + ".it.example", "name", "Amb", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).extract().jsonPath();
        accept(invited.getString("invitation.token"));
        return new Organization(admin, login(slug, "amb@" + slug + ".it.example"), invited.getString("id"));
    }

    /** A content item published through the first instance. */
    private static String published(String admin, String url) {
        String id = api(0, admin).body(Map.of("title", "Our news", "url", url, "language", "en", "topics", List.of(),
                "targetGroupIds", List.of())).post("/api/v1/content").then().statusCode(201).extract().path("id");
        api(0, admin).post("/api/v1/content/{id}/publish", id).then().statusCode(200);
        return id;
    }

    @Test
    void aContentUrlEditedThroughOneInstanceRedirectsThereFromTheOtherWithinASecond() throws Exception {
        Organization org = organization("links");
        String content = published(org.admin(), "https://news.it.example/first");
        String code = api(0, org.member()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().path("code");
        assertThat(location(1, code)).as("the second instance now remembers the link")
                .startsWith("https://news.it.example/first");

        api(0, org.admin()).body(Map.of("url", "https://news.it.example/second")).patch("/api/v1/content/{id}", content)
                .then().statusCode(200);
        long edited = System.nanoTime();
        long deadline = edited + Duration.ofSeconds(30).toNanos();
        while (!location(1, code).startsWith("https://news.it.example/second")) {
            assertThat(System.nanoTime() - deadline).as("the second instance redirects to the new URL").isNegative();
            Thread.sleep(10);
        }
        assertThat(System.nanoTime() - edited).as("ns until the second instance redirected to the new URL")
                .isLessThan(AT_ONCE.toNanos());
    }

    @Test
    void pointsEarnedThroughOneInstanceShowOnTheOthersLeaderboardWithinASecond() throws Exception {
        Organization org = organization("ranks");
        String content = published(org.admin(), "https://news.it.example/ranks");
        assertThat(leaderboardEntries(1, org.member())).as("before any share: the second instance's ranking").isEmpty();

        api(0, org.member()).body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", content).then()
                .statusCode(201);
        long shared = System.nanoTime();
        long deadline = shared + Duration.ofSeconds(30).toNanos();
        while (!leaderboardEntries(1, org.member()).contains(org.memberId())) {
            assertThat(System.nanoTime() - deadline).as("the second instance ranks the member").isNegative();
            Thread.sleep(10);
        }
        assertThat(System.nanoTime() - shared).as("ns until the second instance's leaderboard showed the share")
                .isLessThan(AT_ONCE.toNanos());
    }

    /** Where the instance's short link redirects to. */
    private static String location(int instance, String code) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(instances.get(instance).baseUrl() + "/s/" + code)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** The member ids the instance's monthly leaderboard lists. */
    private static List<String> leaderboardEntries(int instance, String token) {
        return api(instance, token).get("/api/v1/leaderboards?period=month").then().statusCode(200).extract().jsonPath()
                .getList("entries.memberId");
    }

    @Test
    void aMemberDeactivatedThroughOneInstanceIsRefusedByEveryInstanceWithinASecond() throws Exception {
        Organization org = organization("two");
        String admin = org.admin();
        String memberId = org.memberId();
        String member = org.member();

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int instance = i % 2;
            Thread thread = new Thread(() -> askMe(instance, member, running, answers), "ask-me-" + i);
            thread.start();
            load.add(thread);
        }
        try {
            awaitAnswers(answers, 200, 100);
            long deactivated = changeStatus(admin, memberId, "deactivated");
            awaitAnswers(answers, 401, 100);
            for (int instance = 0; instance < 2; instance++) {
                assertThat(lastSentAt(answers, instance, 200) - deactivated)
                        .as("instance %d: the last request let in " + "after the deactivation, ns after it", instance)
                        .isLessThan(AT_ONCE.toNanos());
            }
            answers.clear();
            long reactivated = changeStatus(admin, memberId, "active");
            awaitAnswers(answers, 200, 100);
            for (int instance = 0; instance < 2; instance++) {
                assertThat(lastSentAt(answers, instance, 401) - reactivated)
                        .as("instance %d: the last request refused " + "after the reactivation, ns after it", instance)
                        .isLessThan(AT_ONCE.toNanos());
            }
        } finally {
            running.set(false);
            for (Thread thread : load) {
                thread.join();
            }
        }
        assertThat(answers).extracting(Answer::status).as("only 200s and 401s").containsOnly(200, 401);
    }

    /** Asks {@code GET /api/v1/me} of one instance, again and again, noting each answer. */
    private static void askMe(int instance, String token, AtomicBoolean running,
            ConcurrentLinkedQueue<Answer> answers) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(instances.get(instance).baseUrl() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build();
        while (running.get()) {
            long sentAt = System.nanoTime();
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            answers.add(new Answer(instance, sentAt, status));
        }
    }

    /** The status change through the first instance; the time its answer came (the change committed before it). */
    private static long changeStatus(String admin, String memberId, String status) {
        api(0, admin).body(Map.of("status", status)).patch("/api/v1/members/{id}", memberId).then().statusCode(200);
        return System.nanoTime();
    }

    /**
     * Waits (30 s at most) until each instance has answered {@code status} {@code count} times since the last clear.
     */
    private static void awaitAnswers(ConcurrentLinkedQueue<Answer> answers, int status, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answers.stream().filter(a -> a.status() == status && a.instance() == 0).count() < count
                || answers.stream().filter(a -> a.status() == status && a.instance() == 1).count() < count) {
            assertThat(System.nanoTime() - deadline).as("%d answers of %d from each instance", count, status)
                    .isNegative();
            Thread.sleep(20);
        }
    }

    private static long lastSentAt(ConcurrentLinkedQueue<Answer> answers, int instance, int status) {
        return answers.stream().filter(a -> a.instance() == instance && a.status() == status).mapToLong(Answer::sentAt)
                .max().orElse(Long.MIN_VALUE);
    }

    private static String login(String organization, String email) {
        Map<String, String> body = organization == null ? Map.of("email", email, "password", PASSWORD)
                : Map.of("organization", organization, "email", email, "password", PASSWORD);
        return api(1, null).body(body).post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    private static void accept(String invitation) {
        api(1, null).body(Map.of("name", "Someone", "password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", invitation).then().statusCode(200);
    }

    private static RequestSpecification api(int instance, String accessToken) {
        RequestSpecification spec = given().baseUri(instances.get(instance).baseUrl()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
        return accessToken == null ? spec : spec.auth().oauth2(accessToken);
    }
}
