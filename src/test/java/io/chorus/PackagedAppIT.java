package io.chorus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chorus.packaged.PackagedApp;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production jar in the prod profile against a PostgreSQL server it did not start: the deployment the README
 * describes, walked through the core flow of the API.
 */
class PackagedAppIT {

    static EmbeddedPostgres postgres;
    static Map<String, String> settings;

    @BeforeAll
    static void externalDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        settings = new HashMap<>(PackagedApp.productionSettings(
                postgres.getJdbcUrl("postgres", "postgres").replace("?user=postgres", ""),
                Files.createTempDirectory("chorus-keys")));
        settings.put("CHORUS_BOOTSTRAP_OPERATOR_EMAIL", "ops@chorus.test.example");
        settings.put("CHORUS_BOOTSTRAP_OPERATOR_PASSWORD", "operator password 1");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void theProductionJarServesTheCoreFlowAndKeepsItsDataAcrossRestarts() throws Exception {
        String adminEmail = "admin@acme.test.example";
        try (PackagedApp app = PackagedApp.start(settings)) {
            app.awaitReady(Duration.ofSeconds(90));
            String base = app.baseUrl();

            // No demo data in production.
            login(base, "demo", "admin@demo.example", "demo-password").then().statusCode(401);

            String operator = login(base, null, "ops@chorus.test.example", "operator password 1").then().statusCode(200)
                    .extract().path("accessToken");
            JsonPath organization = api(base, operator)
                    .body(Map.of("slug", "acme", "name", "ACME", "adminEmail", adminEmail, "adminName", "Ada"))
                    .post("/api/v1/organizations").then().statusCode(201).extract().jsonPath();
            assertThat(organization.getString("adminInvitation.acceptUrl")).startsWith("https://chorus.test.example/");
            String invitation = organization.getString("adminInvitation.token");
            api(base, null).body(Map.of("name", "Ada", "password", "a long password"))
                    .post("/api/v1/invitations/{t}/accept", invitation).then().statusCode(200)
                    .body("organization.slug", equalTo("acme"));
            api(base, null).body(Map.of("name", "Eve", "password", "another password"))
                    .post("/api/v1/invitations/{t}/accept", invitation).then().statusCode(410)
                    .contentType("application/problem+json");

            String admin = login(base, "acme", adminEmail, "a long password").then().statusCode(200).extract()
                    .path("accessToken");
            JsonPath claims = claims(admin);
            assertThat(claims.getString("iss")).isEqualTo("https://chorus.test.example");
            assertThat(claims.getString("org")).isEqualTo(organization.getString("id"));
            assertThat(claims.getString("upn")).isEqualTo(adminEmail);
            assertThat(claims.getList("groups", String.class)).containsExactly("admin");
            assertThat(claims.getLong("exp") - claims.getLong("iat")).isBetween(1L, 900L);
            api(base, admin).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("admin")))
                    .body("organization.name", equalTo("ACME"));
            api(base, admin)
                    .body(Map.of("email", "amb@acme.test.example", "name", "Amb", "roles", List.of("ambassador")))
                    .post("/api/v1/members").then().statusCode(201).body("status", equalTo("invited"));

            given().baseUri(base).get("/q/health/live").then().statusCode(200);
            given().baseUri(base).get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
            given().baseUri(base).get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/members"));
            given().baseUri(base).get("/q/swagger-ui/").then().statusCode(404);
            given().baseUri(base).get("/api/v1/nothing").then().statusCode(404).contentType("application/problem+json")
                    .body(startsWith("{"));
        }

        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
            ResultSet migrations = db.createStatement()
                    .executeQuery("select count(*) from flyway_schema_history where success");
            migrations.next();
            assertThat(migrations.getInt(1)).isPositive();
            ResultSet admins = db.createStatement().executeQuery(
                    "select count(*) from members where email = '" + adminEmail + "' and status = 'active'");
            admins.next();
            assertThat(admins.getInt(1)).isEqualTo(1);
        }

        try (PackagedApp again = PackagedApp.start(settings)) {
            again.awaitReady(Duration.ofSeconds(90));
            login(again.baseUrl(), "acme", adminEmail, "a long password").then().statusCode(200);
        }
    }

    private static io.restassured.response.Response login(String base, String organization, String email,
            String password) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", password));
        if (organization != null) {
            body.put("organization", organization);
        }
        return api(base, null).body(body).post("/api/v1/auth/login");
    }

    private static RequestSpecification api(String base, String token) {
        RequestSpecification spec = given().baseUri(base).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
