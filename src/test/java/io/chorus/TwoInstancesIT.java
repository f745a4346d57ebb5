package io.chorus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.chorus.packaged.PackagedApp;
import io.chorus.packaged.ProductionEnvironment;
import io.chorus.support.SmtpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the production jar on one PostgreSQL, as behind a load balancer. A member's requests go to both
 * while an admin, through the first, deactivates them: each instance refuses them within a second of the change, with
 * no request answered after that; reactivated, both let them in again as fast. What one instance commits shows on the
 * other within a second too where the other holds it in memory: a short link's destination, a leaderboard, an analytics
 * answer. Failed logins spread over both are throttled at the count of one. A mail claimed by an instance that is
 * killed is sent by the other within seconds, and an instance stopped under redirects turns unready first and writes a
 * click for every redirect it answered. The two instances serve every test; the test that kills one starts it again,
 * the one that stops one runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(180);
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static final String OPERATOR_EMAIL = "ops@two.it.example";
    private static final String PASSWORD = "a long enough password";

    private static final String[] NAMES = { "first-of-two", "second-of-two" };
    /** Failed logins for one account before the next attempt gets 429, whichever instance they went to. */
    private static final int ACCOUNT_MAX_FAILURES = 3;
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    private static EmbeddedPostgres postgres;
    private static final SmtpServer smtp = new SmtpServer();
    private static final List<Map<String, String>> settings = new ArrayList<>();
    private static final List<PackagedApp> instances = new ArrayList<>();

    /** One answer: which instance, when the request was sent (nanoTime) and its status. */
    record Answer(int instance, long sentAt, int status) {
    }

    /**
     * Both instances send mail to one SMTP server, listen for a second before they stop (readiness 503 meanwhile), and
     * serve an analytics answer only until the rollup counted something new in it; only the first rolls up (the
     * second's rollup waits an hour), so that what the second shows of new shares and clicks it learnt from the first.
     * Each names its connections in {@code pg_stat_activity}, which tells whose a mail's claim is.
     */
    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        ProductionEnvironment environment = ProductionEnvironment.create(url.substring(0, url.indexOf('?')), "postgres",
                "postgres");
        Map<String, String> mail = new HashMap<>();
        smtp.start().forEach((key, value) -> mail.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        for (String name : NAMES) {
            Map<String, String> each = environment.settings();
            each.put("QUARKUS_DATASOURCE_JDBC_URL",
                    each.get("QUARKUS_DATASOURCE_JDBC_URL") + "?ApplicationName=" + name);
            each.putAll(mail);
            each.put("QUARKUS_SHUTDOWN_DELAY", "PT1S");
            each.put("CHORUS_AUTH_THROTTLE_ACCOUNT_MAX_FAILURES", String.valueOf(ACCOUNT_MAX_FAILURES));
            each.put("CHORUS_AUTH_THROTTLE_CLIENT_MAX_FAILURES", "1000");
            each.put("CHORUS_ANALYTICS_FRESH_FOR", "PT0S");
            settings.add(each);
        }
        settings.get(0).put("CHORUS_BOOTSTRAP_OPERATOR_EMAIL", OPERATOR_EMAIL);
        settings.get(0).put("CHORUS_BOOTSTRAP_OPERATOR_PASSWORD", PASSWORD);
        settings.get(1).put("CHORUS_ANALYTICS_ROLLUP_INTERVAL", "PT1H");
        for (int i = 0; i < NAMES.length; i++) {
            instances.add(PackagedApp.start(NAMES[i], settings.get(i)));
            instances.get(i).awaitReady(READY_DEADLINE); // the first migrates the database
        }
    }

    /** Starts the instance again, with its settings, after a test stopped or killed it. */
    private static void restart(int instance) throws Exception {
        instances.get(instance).close();
        instances.set(instance, PackagedApp.start(NAMES[instance], settings.get(instance)));
        instances.get(instance).awaitReady(READY_DEADLINE);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            for (PackagedApp each : instances) {
                each.close();
            }
        } finally {
            smtp.stop();
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
            HttpRequest me = HttpRequest.newBuilder(URI.create(instances.get(instance).baseUrl() + "/api/v1/me"))
                    .header("Authorization", "Bearer " + member).build();
            Thread thread = new Thread(() -> ask(instance, me, running, answers), "ask-me-" + i);
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

    @Test
    void failedLoginsSpreadOverBothInstancesAreThrottledAtTheCountOfOne() {
        organization("throttled");
        Map<String, String> wrong = Map.of("organization", "throttled", "email", "amb@throttled.it.example", "password",
                "not the password at all");
        for (int i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) {
            api(0, null).body(wrong).post("/api/v1/auth/login").then().statusCode(401);
        }
        api(1, null).body(wrong).post("/api/v1/auth/login").then().statusCode(401);

        for (int instance = 0; instance < 2; instance++) {
            api(instance, null).body(wrong).post("/api/v1/auth/login").then().statusCode(429).header("Retry-After",
                    org.hamcrest.Matchers.notNullValue());
            api(instance, null).body(
                    Map.of("organization", "throttled", "email", "amb@throttled.it.example", "password", PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(429);
        }
    }

    @Test
    void aShareAndAClickCountedThroughOneInstanceShowInTheOthersOverviewWithinASecond() throws Exception {
        Organization org = organization("figures");
        String content = published(org.admin(), "https://news.it.example/figures");
        assertThat(overview(1, org.admin())).as("the second instance's answer, remembered").containsExactly(0L, 0L);

        String code = api(0, org.member()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().path("code");
        HttpResponse<Void> click = HttpClient.newHttpClient().send(browsing(instances.get(0).baseUrl() + "/s/" + code),
                HttpResponse.BodyHandlers.discarding());
        assertThat(click.statusCode()).isEqualTo(302);

        // The first instance rolls up (the second's rollup waits an hour): it shows the figures first.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long first = 0;
        long second = 0;
        while (first == 0 || second == 0) {
            assertThat(System.nanoTime() - deadline).as("both instances count the share and the click").isNegative();
            if (first == 0 && overview(0, org.admin()).equals(List.of(1L, 1L))) {
                first = System.nanoTime();
            }
            if (second == 0 && overview(1, org.admin()).equals(List.of(1L, 1L))) {
                second = System.nanoTime();
            }
            Thread.sleep(10);
        }
        assertThat(second - first).as("ns from the first instance's answer to the second's")
                .isLessThan(AT_ONCE.toNanos());
    }

    /** The shares and clicks of the instance's overview of today. */
    private static List<Long> overview(int instance, String token) {
        var answer = api(instance, token).get("/api/v1/analytics/overview").then().statusCode(200).extract().jsonPath();
        return List.of(answer.getLong("shares"), answer.getLong("clicks"));
    }

    @Test
    void aMailClaimedByAnInstanceThatIsKilledIsSentByTheOtherWithinSeconds() throws Exception {
        Organization org = organization("killed");
        awaitRows("every mail sent so far", "select count(*) from mail_outbox"
                + " where status = 'sending' or (status = 'queued' and next_attempt_at <= now())", 0);
        String email = "held@killed.it.example";
        int claimer = -1;
        SmtpServer.mode(SmtpServer.Mode.HOLD);
        try {
            api(0, org.admin()).body(Map.of("email", email, "name", "Held", "roles", List.of("ambassador")))
                    .post("/api/v1/members").then().statusCode(201);
            claimer = awaitClaimer(email);
            // The claimer waits for an SMTP server that will never answer it; the other would be answered.
            SmtpServer.mode(SmtpServer.Mode.ACCEPT);
            instances.get(claimer).kill();
            long killed = System.nanoTime();
            awaitRows("the invitation sent by the other instance",
                    "select count(*) from mail_outbox where recipient = ? and status = 'sent'", 1, email);
            System.out.printf("KILL: instance %d killed, mail sent by the other %d ms later%n", claimer,
                    (System.nanoTime() - killed) / 1_000_000);
            assertThat(System.nanoTime() - killed).as("ns from the kill until the other instance sent the mail")
                    .isLessThan(Duration.ofSeconds(5).toNanos());
            assertThat(List.of(SmtpServer.greenMail().getReceivedMessages()))
                    .anySatisfy(message -> assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email));
        } finally {
            SmtpServer.mode(SmtpServer.Mode.ACCEPT);
            if (claimer >= 0) {
                restart(claimer);
            }
        }
    }

    /** Which instance claimed the mail to this address: its connection's name in pg_stat_activity. */
    private static int awaitClaimer(String recipient) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Optional<String> name = Optional.ofNullable((String) value("""
                    select a.application_name from mail_outbox o join pg_stat_activity a on a.pid = o.claimed_by
                    where o.recipient = ? and o.status = 'sending'""", recipient));
            if (name.isPresent()) {
                return List.of(NAMES).indexOf(name.get());
            }
            assertThat(System.nanoTime() - deadline).as("an instance claims the mail to %s", recipient).isNegative();
            Thread.sleep(20);
        }
    }

    /** Last: the instance it stops is not started again. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anInstanceStoppedUnderRedirectsTurnsUnreadyFirstAndWritesAClickForEveryRedirectItAnswered() throws Exception {
        Organization org = organization("rolling");
        String content = published(org.admin(), "https://news.it.example/rolling");
        var share = api(0, org.member()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().jsonPath();
        PackagedApp stopping = instances.get(1);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Answer> readiness = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            load.add(new Thread(
                    () -> ask(1, browsing(stopping.baseUrl() + "/s/" + share.getString("code")), running, answers),
                    "redirects-" + i));
        }
        load.add(new Thread(() -> ask(1, browsing(stopping.baseUrl() + "/q/health/ready"), running, readiness),
                "readiness"));
        load.forEach(Thread::start);
        long signalled;
        try {
            awaitCount(answers, 302, 200);
            signalled = System.nanoTime();
            stopping.stopPolitely();
            stopping.awaitExit(Duration.ofSeconds(60));
        } finally {
            running.set(false);
            for (Thread thread : load) {
                thread.join();
            }
        }
        long unready = readiness.stream().filter(a -> a.status() == 503).mapToLong(Answer::sentAt).min()
                .orElseThrow(() -> new AssertionError("readiness never answered 503: " + statuses(readiness)));
        long refused = answers.stream().filter(a -> a.sentAt() > signalled && a.status() != 302)
                .mapToLong(Answer::sentAt).min().orElse(Long.MAX_VALUE);
        assertThat(unready).as("readiness said 503 before redirects were refused").isLessThan(refused);
        assertThat(answers).as("redirects answered while readiness said 503")
                .anyMatch(a -> a.sentAt() > unready && a.status() == 302);
        long redirected = answers.stream().filter(a -> a.status() == 302).count();
        long unanswered = answers.stream().filter(a -> a.status() == -1).count();
        long clicks = ((Number) value("select count(*) from click_events where share_id = ?::uuid",
                share.getString("id"))).longValue();
        assertThat(clicks)
                .as("click rows for %d redirects answered 302 (%d requests got no answer)", redirected, unanswered)
                .isBetween(redirected, redirected + unanswered);
        System.out.printf("STOP: unready %d ms after SIGTERM, first refusal %d ms after it; %d redirects, %d clicks%n",
                (unready - signalled) / 1_000_000, (refused - signalled) / 1_000_000, redirected, clicks);
    }

    /** A GET of the URL as a browser sends it. */
    private static HttpRequest browsing(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("User-Agent", BROWSER).timeout(Duration.ofSeconds(10))
                .build();
    }

    /** Sends the request to the instance again and again until told to stop, noting each answer (-1: none came). */
    private static void ask(int instance, HttpRequest request, AtomicBoolean running,
            ConcurrentLinkedQueue<Answer> answers) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (running.get()) {
            long sentAt = System.nanoTime();
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // not listening: do not spin
            }
            answers.add(new Answer(instance, sentAt, status));
        }
    }

    private static String statuses(ConcurrentLinkedQueue<Answer> answers) {
        return answers.stream().map(a -> String.valueOf(a.status())).distinct().toList().toString();
    }

    private static void awaitCount(ConcurrentLinkedQueue<Answer> answers, int status, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answers.stream().filter(a -> a.status() == status).count() < count) {
            assertThat(System.nanoTime() - deadline).as("%d answers of %d", count, status).isNegative();
            Thread.sleep(20);
        }
    }

    /** Polls the count the query answers until it is {@code expected}; fails after 30 s. */
    private static void awaitRows(String what, String sql, long expected, Object... parameters) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (((Number) value(sql, parameters)).longValue() != expected) {
            assertThat(System.nanoTime() - deadline).as(what).isNegative();
            Thread.sleep(20);
        }
    }

    /** The first column of the first row the query answers on the instances' database, or null. */
    private static Object value(String sql, Object... parameters) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        }
    }
}
