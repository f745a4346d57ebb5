package io.chorus.conversions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.Contents;
import io.chorus.support.Conversions;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ConversionTest {

    @Inject
    DataSource database;

    /** A share of a published item in a new organization. */
    record Link(Org org, Person sharer, String shareId, String code) {
    }

    @Test
    void aReportedClickIdCreditsItsShareMemberContentAndNetwork() {
        Link link = link();
        String key = key(link.org());
        String clickId = click(link.code(), Clicks.CHROME, null);

        Response accepted = report(key, Map.of("clickId", clickId, "type", "purchase", "value", 49.9, "currency", "EUR",
                "externalId", "order-" + UUID.randomUUID()));
        accepted.then().statusCode(202).body("status", in(List.of("pending", "attributed"))).body("duplicate",
                equalTo(false));
        String id = accepted.path("id");
        Rows.await(database,
                "select count(*) from conversions v join shares s on s.id = v.share_id where v.id = '" + id
                        + "' and v.status = 'attributed' and v.reason is null and v.share_id = '" + link.shareId()
                        + "' and v.member_id = '" + link.sharer().id() + "' and v.content_id = s.content_id"
                        + " and v.network = 'linkedin' and v.click_id = '" + clickId + "' and v.value = 49.9"
                        + " and v.currency = 'EUR' and v.type = 'purchase'",
                1);
    }

    @Test
    void aConversionReportedBeforeItsClickIsWrittenIsAttributedOnceItIs() {
        Link link = link();
        String key = key(link.org());
        // Reported at once: the click waits in the writer's batch (up to the flush interval) while the report is
        // written; whichever comes first, the conversion ends up credited.
        String clickId = click(link.code(), Clicks.CHROME, null);
        String id = report(key, Map.of("clickId", clickId, "type", "signup")).then().statusCode(202).extract()
                .path("id");
        Rows.await(database, "select count(*) from conversions where id = '" + id + "' and status = 'attributed'", 1);
    }

    @Test
    void theSameExternalIdCountsOnce() {
        Link link = link();
        String key = key(link.org());
        String clickId = click(link.code(), Clicks.CHROME, null);
        String order = "order-" + UUID.randomUUID();
        String first = report(key,
                Map.of("clickId", clickId, "type", "purchase", "value", 10, "currency", "EUR", "externalId", order))
                        .then().statusCode(202).body("duplicate", equalTo(false)).extract().path("id");
        report(key, Map.of("clickId", clickId, "type", "purchase", "value", 99, "currency", "EUR", "externalId", order))
                .then().statusCode(202).body("id", equalTo(first)).body("duplicate", equalTo(true));
        assertThat(Rows.of(database, "select value::text from conversions where external_id = '" + order + "'"))
                .containsExactly("10.0000");
        // Another organization's externalId is its own.
        Link elsewhere = link();
        report(key(elsewhere.org()), Map.of("code", elsewhere.code(), "type", "purchase", "externalId", order)).then()
                .statusCode(202).body("id", not(equalTo(first))).body("duplicate", equalTo(false));
    }

    @Test
    void robotHitsAndTheSharersOwnClicksAreRecordedButNeverCredited() {
        Link link = link();
        String key = key(link.org());
        String robot = click(link.code(), Clicks.LINKEDIN_BOT, null);
        String self = click(link.code(), Clicks.CHROME, link.sharer().token());
        String byRobot = report(key, Map.of("clickId", robot, "type", "lead")).path("id");
        String bySelf = report(key, Map.of("clickId", self, "type", "lead")).path("id");
        Rows.await(database, "select count(*) from conversions where id = '" + byRobot
                + "' and status = 'unattributed' and reason = 'robot' and click_id = '" + robot + "'", 1);
        Rows.await(database, "select count(*) from conversions where id = '" + bySelf
                + "' and status = 'unattributed' and reason = 'self-click'", 1);
    }

    @Test
    void aClickOlderThanTheAttributionWindowIsNotCredited() {
        Link link = link();
        String key = key(link.org());
        Api.as(link.org().admin().token()).body(Map.of("clickIds", true, "attributionWindowDays", 2))
                .put("/api/v1/settings/conversions").then().statusCode(200).body("attributionWindowDays", equalTo(2));
        String old;
        try (TestClock clock = TestClock.runFrom(Time.now().minus(Duration.ofDays(3)).atZone(ZoneOffset.UTC))) {
            old = click(link.code(), Clicks.CHROME, null);
        }
        Rows.await(database, "select count(*) from click_events where id = '" + old + "'", 1);
        String recent = click(link.code(), Clicks.CHROME, null);
        Rows.await(database, "select count(*) from click_events where id = '" + recent + "'", 1);

        String outside = report(key, Map.of("clickId", old, "type", "signup")).then().statusCode(202)
                .body("status", equalTo("unattributed")).extract().path("id");
        assertThat(Rows.of(database, "select reason from conversions where id = '" + outside + "'"))
                .containsExactly("outside-window");
        // Told when it happened, the same click is inside the window.
        report(key,
                Map.of("clickId", old, "type", "signup", "occurredAt", Time.now().minus(Duration.ofDays(2)).toString()))
                        .then().statusCode(202).body("status", equalTo("attributed"));
        report(key, Map.of("clickId", recent, "type", "signup")).then().statusCode(202).body("status",
                equalTo("attributed"));
    }

    @Test
    void unknownClickIdsAndAnotherOrganizationsClicksAreRecordedUnattributed() {
        Link link = link();
        String key = key(link.org());
        Link other = link();
        String theirs = click(other.code(), Clicks.CHROME, null);
        Rows.await(database, "select count(*) from click_events where id = '" + theirs + "'", 1);

        report(key, Map.of("clickId", "not-a-click-id", "type", "signup")).then().statusCode(202).body("status",
                equalTo("unattributed"));
        String unknown = report(key, Map.of("clickId", UUID.randomUUID().toString(), "type", "signup")).then()
                .statusCode(202).body("status", equalTo("pending")).extract().path("id");
        String stolen = report(key, Map.of("clickId", theirs, "type", "signup")).then().statusCode(202)
                .body("status", equalTo("pending")).extract().path("id");
        // Once the wait for their click is over (pending-for), they are recorded as unknown clicks.
        Rows.await(database, "select count(*) from conversions where id in ('" + unknown + "', '" + stolen
                + "') and status = 'unattributed' and reason = 'unknown-click' and share_id is null", 2);
        assertThat(Rows.of(database,
                "select count(*) from conversions where organization_id = '" + other.org().id() + "'"))
                        .containsExactly("0");
    }

    @Test
    void aShareCodeCreditsTheSharesLastHumanClickInTheWindow() {
        Link link = link();
        String key = key(link.org());
        String human = click(link.code(), Clicks.CHROME, null);
        click(link.code(), Clicks.LINKEDIN_BOT, null);
        Rows.await(database, "select count(*) from click_events where share_id = '" + link.shareId() + "'", 2);
        String id = report(key, Map.of("code", link.code(), "type", "download")).then().statusCode(202)
                .body("status", equalTo("attributed")).extract().path("id");
        assertThat(Rows.of(database, "select click_id from conversions where id = '" + id + "'"))
                .containsExactly(human);
    }

    @Test
    void keysAreShownOnceListedAndRevoked() {
        Org org = Organizations.create();
        Response created = Api.as(org.admin().token()).body(Map.of("name", "Shop checkout"))
                .post("/api/v1/settings/conversion-keys");
        created.then().statusCode(201).body("key", startsWith("ck_")).body("kind", equalTo("secret")).body("name",
                equalTo("Shop checkout"));
        String key = created.path("key");
        String id = created.path("id");
        assertThat(Rows.of(database, "select key_hash from conversion_keys where id = '" + id + "'")).singleElement()
                .isNotEqualTo(key);
        Api.as(org.admin().token()).get("/api/v1/settings/conversion-keys").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].key", nullValue())
                .body("items[0].keyPrefix", equalTo(key.substring(0, 8))).body("items[0].revokedAt", nullValue());

        Org stranger = Organizations.create();
        Api.as(stranger.admin().token()).delete("/api/v1/settings/conversion-keys/{id}", id).then().statusCode(404);
        report(key, Map.of("code", "whatever", "type", "signup")).then().statusCode(202);

        Api.as(org.admin().token()).delete("/api/v1/settings/conversion-keys/{id}", id).then().statusCode(204);
        report(key, Map.of("code", "whatever", "type", "signup")).then().statusCode(401)
                .contentType("application/problem+json");
        Api.as(org.admin().token()).get("/api/v1/settings/conversion-keys").then().body("items[0].revokedAt",
                not(nullValue()));
        assertThat(Rows.of(database, "select action from audit_events where target_id = '" + id + "' order by at"))
                .containsExactly("conversion-key.created", "conversion-key.revoked");
    }

    @Test
    void badReportsAreRefusedAndNothingIsRecorded() {
        Link link = link();
        String key = key(link.org());
        given().contentType(ContentType.JSON).body(Map.of("code", link.code(), "type", "signup"))
                .post("/api/v1/conversions").then().statusCode(401).contentType("application/problem+json");
        report("ck_made-up", Map.of("code", link.code(), "type", "signup")).then().statusCode(401);
        // A member's access token is no conversion key.
        report(link.sharer().token(), Map.of("code", link.code(), "type", "signup")).then().statusCode(401);
        Map<String, Map<String, Object>> bad = Map.of("clickId", Map.of("type", "signup"), "type",
                Map.of("code", link.code(), "type", "Big Purchase!"), "currency",
                Map.of("code", link.code(), "type", "purchase", "value", 5), "occurredAt",
                Map.of("code", link.code(), "type", "purchase", "occurredAt",
                        Time.now().plus(Duration.ofDays(1)).toString()),
                "value", Map.of("code", link.code(), "type", "purchase", "value", -1, "currency", "EUR"));
        bad.forEach((field, body) -> report(key, body).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString(field))));
        report(key, Map.of("code", link.code(), "type", "purchase", "unknownField", 1)).then().statusCode(400);
        assertThat(
                Rows.of(database, "select count(*) from conversions where organization_id = '" + link.org().id() + "'"))
                        .containsExactly("0");
    }

    @Test
    void aPublishableKeyWorksFromItsOriginsOnly() {
        Link link = link();
        Api.as(link.org().admin().token()).body(Map.of("name", "Site", "kind", "publishable"))
                .post("/api/v1/settings/conversion-keys").then().statusCode(400)
                .body("violations[0].field", equalTo("allowedOrigins"));
        Api.as(link.org().admin().token())
                .body(Map.of("name", "Site", "kind", "publishable", "allowedOrigins",
                        List.of("https://shop.example/x")))
                .post("/api/v1/settings/conversion-keys").then().statusCode(400);
        String key = Api.as(link.org().admin().token())
                .body(Map.of("name", "Site", "kind", "publishable", "allowedOrigins",
                        List.of("https://Shop.example.com", "http://localhost:8000")))
                .post("/api/v1/settings/conversion-keys").then().statusCode(201).body("key", startsWith("pk_"))
                .body("allowedOrigins", equalTo(List.of("https://shop.example.com", "http://localhost:8000"))).extract()
                .path("key");

        // Any page may ask (the preflight carries no key); only an allowed origin's report is answered.
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").options("/api/v1/conversions")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "https://evil.example")
                .header("Access-Control-Allow-Headers", "authorization, content-type");
        Map<String, Object> body = Map.of("code", link.code(), "type", "signup");
        report(key, body, "https://evil.example").then().statusCode(403).header("Access-Control-Allow-Origin",
                nullValue());
        report(key, body, null).then().statusCode(403);
        report(key, body, "https://shop.example.com").then().statusCode(202)
                .header("Access-Control-Allow-Origin", "https://shop.example.com").header("Vary", "Origin");
    }

    static Link link() {
        Org org = Organizations.create();
        String content = Contents.published(org.member("curator").token(), Contents.body("Product launch"));
        Person sharer = org.member("ambassador");
        var share = Api.as(sharer.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().jsonPath();
        return new Link(org, sharer, share.getString("id"), share.getString("code"));
    }

    static String key(Org org) {
        return Conversions.key(org);
    }

    /** Follows the short link from a client of its own; answers the click id the redirect handed out. */
    static String click(String code, String userAgent, String session) {
        return Conversions.click(code, userAgent, session);
    }

    static Response report(String key, Map<String, ?> body) {
        return Conversions.report(key, body, null);
    }

    static Response report(String key, Map<String, ?> body, String origin) {
        return Conversions.report(key, body, origin);
    }
}
