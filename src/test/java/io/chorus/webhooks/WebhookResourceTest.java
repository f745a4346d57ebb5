package io.chorus.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Registering, reading, changing and deleting webhook endpoints, and what is refused. */
@QuarkusTest
class WebhookResourceTest {

    @Inject
    DataSource database;

    @Test
    void anAdminRegistersAnEndpointAndSeesItsSecretOnce() {
        Org org = Organizations.create();
        String url = WebhookReceiver.url("/hooks/crud");
        Response created = register(org, url, List.of("share.created", "content.published", "share.created"));
        created.then().statusCode(201).header("Location", endsWith("/api/v1/webhooks/" + created.path("id")))
                .body("url", equalTo(url)).body("events", equalTo(List.of("share.created", "content.published")))
                .body("enabled", equalTo(true)).body("secret", matchesPattern("whsec_[A-Za-z0-9+/]+={0,2}"));
        String secret = created.path("secret");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        String id = created.path("id");

        JsonPath read = Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(read.getString("url")).isEqualTo(url);
        assertThat(read.getMap("$")).doesNotContainKey("secret").containsEntry("failures", 0);
        assertThat(Api.as(org.admin().token()).get("/api/v1/webhooks").asString()).doesNotContain(secret);
        assertThat(Rows.of(database, "select secret_sealed from webhook_endpoints where id = '" + id + "'").get(0))
                .as("kept sealed").doesNotContain(secret.substring(6, 20));
        audited(org, "webhook.created", id);
    }

    @Test
    void anEndpointIsChangedAndDeletedAndEveryChangeAudited() {
        Org org = Organizations.create();
        String id = register(org, WebhookReceiver.url("/hooks/edit"), List.of("share.created")).then().statusCode(201)
                .extract().path("id");
        String moved = WebhookReceiver.url("/hooks/moved");
        Api.as(org.admin().token()).body(Map.of("url", moved, "events", List.of("member.joined", "campaign.ended")))
                .patch("/api/v1/webhooks/{id}", id).then().statusCode(200).body("url", equalTo(moved))
                .body("events", equalTo(List.of("member.joined", "campaign.ended"))).body("enabled", equalTo(true));
        Api.as(org.admin().token()).body(Map.of("enabled", false)).patch("/api/v1/webhooks/{id}", id).then()
                .statusCode(200).body("enabled", equalTo(false)).body("disabledReason", nullValue())
                .body("disabledAt", not(nullValue()));
        // Re-enabling forgets the failures the endpoint had.
        Rows.of(database, "update webhook_endpoints set failures = 7, failing_since = created_at where id = '" + id
                + "' returning 1");
        Api.as(org.admin().token()).body(Map.of("enabled", true)).patch("/api/v1/webhooks/{id}", id).then()
                .statusCode(200).body("enabled", equalTo(true)).body("failures", equalTo(0))
                .body("failingSince", nullValue()).body("disabledAt", nullValue());
        audited(org, "webhook.updated", id);

        Api.as(org.admin().token()).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(org.admin().token()).delete("/api/v1/webhooks/{id}", id).then().statusCode(404);
        audited(org, "webhook.deleted", id);
    }

    @Test
    void theListIsPagedNewestFirst() {
        Org org = Organizations.create();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, register(org, WebhookReceiver.url("/hooks/page-" + i), List.of("share.created")).then()
                    .statusCode(201).extract().path("id"));
        }
        JsonPath first = Api.as(org.admin().token()).queryParam("limit", 2).get("/api/v1/webhooks").then()
                .statusCode(200).extract().jsonPath();
        JsonPath second = Api.as(org.admin().token()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/webhooks").then().statusCode(200)
                .extract().jsonPath();
        List<String> listed = new ArrayList<>(first.getList("items.id", String.class));
        listed.addAll(second.getList("items.id", String.class));
        assertThat(listed).isEqualTo(ids);
        assertThat(second.getString("nextCursor")).isNull();
    }

    @Test
    void unknownEventTypesAreNamedAndNothingIsSaved() {
        Org org = Organizations.create();
        register(org, WebhookReceiver.url("/hooks/unknown"), List.of("share.created", "share.deleted", "clicks")).then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("events"))
                .body("violations[0].message", containsString("share.deleted, clicks"));
        for (Map<String, Object> body : List.<Map<String, Object>> of(Map.of("url", WebhookReceiver.url("/x")),
                Map.of("url", WebhookReceiver.url("/x"), "events", List.of()),
                Map.of("events", List.of("share.created")),
                Map.of("url", "not a url", "events", List.of("share.created")),
                Map.of("url", WebhookReceiver.url("/x"), "events", List.of("share.created"), "secret", "mine"))) {
            Api.as(org.admin().token()).body(body).post("/api/v1/webhooks").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        String id = register(org, WebhookReceiver.url("/hooks/keep"), List.of("share.created")).then().statusCode(201)
                .extract().path("id");
        Api.as(org.admin().token()).body(Map.of("events", List.of("content.deleted")))
                .patch("/api/v1/webhooks/{id}", id).then().statusCode(400)
                .body("violations[0].message", containsString("content.deleted"));
        Api.as(org.admin().token()).get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].events", equalTo(List.of("share.created")));
    }

    @Test
    void anEndpointOnALocalPrivateOrMetadataAddressIsRefusedAtRegistration() {
        Org org = Organizations.create();
        // 127.0.0.0/8 is the test profile's allowed private network; nothing else that is not public.
        for (String url : List.of("http://[::1]:8080/hook", "http://10.1.2.3/hook", "http://192.168.0.10/hook",
                "http://172.20.0.5/hook", "http://100.64.0.1/hook", "http://0.0.0.0/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/hook", "http://[fe80::1]/hook")) {
            register(org, url, List.of("share.created")).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("url"))
                    .body("violations[0].message", containsString("not a public address"));
        }
        for (String url : List.of("ftp://127.0.0.1/hook", "file:///etc/passwd", "http://user:pw@127.0.0.1/hook",
                "http://127.0.0.1/hook#part")) {
            register(org, url, List.of("share.created")).then().statusCode(400).body("violations[0].field",
                    equalTo("url"));
        }
        String id = register(org, WebhookReceiver.url("/hooks/ok"), List.of("share.created")).then().statusCode(201)
                .extract().path("id");
        Api.as(org.admin().token()).body(Map.of("url", "http://169.254.169.254/")).patch("/api/v1/webhooks/{id}", id)
                .then().statusCode(400).body("violations[0].message", containsString("169.254.169.254"));
        Api.as(org.admin().token()).get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].url", equalTo(WebhookReceiver.url("/hooks/ok")));
    }

    @Test
    void onlyAdminsManageEndpointsAndAnotherOrganizationsAreNotFound() {
        Org org = Organizations.create();
        Org other = Organizations.create();
        String theirs = register(other, WebhookReceiver.url("/hooks/theirs"), List.of("share.created")).then()
                .statusCode(201).extract().path("id");
        for (String role : List.of("curator", "analyst", "ambassador")) {
            String token = org.member(role).token();
            Api.as(token).body(Map.of("url", WebhookReceiver.url("/hooks/x"), "events", List.of("share.created")))
                    .post("/api/v1/webhooks").then().statusCode(403).contentType("application/problem+json");
            Api.as(token).get("/api/v1/webhooks").then().statusCode(403);
        }
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", theirs).then().statusCode(404);
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}/deliveries", theirs).then().statusCode(404);
        Api.as(org.admin().token()).body(Map.of("enabled", false)).patch("/api/v1/webhooks/{id}", theirs).then()
                .statusCode(404);
        Api.as(org.admin().token()).delete("/api/v1/webhooks/{id}", theirs).then().statusCode(404);
        Api.as(org.admin().token()).get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(other.admin().token()).get("/api/v1/webhooks/{id}", theirs).then().statusCode(200).body("enabled",
                equalTo(true));
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyGetsTheSameEndpoint() {
        Org org = Organizations.create();
        Map<String, Object> body = Map.of("url", WebhookReceiver.url("/hooks/retried"), "events",
                List.of("share.created"));
        Response first = Api.as(org.admin().token()).header("Idempotency-Key", "register-once").body(body)
                .post("/api/v1/webhooks");
        first.then().statusCode(201);
        Api.as(org.admin().token()).header("Idempotency-Key", "register-once").body(body).post("/api/v1/webhooks")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")))
                .body("secret", equalTo(first.path("secret")));
        Api.as(org.admin().token()).get("/api/v1/webhooks").then().body("items.size()", equalTo(1));
    }

    static Response register(Org org, String url, List<String> events) {
        return Api.as(org.admin().token()).body(Map.of("url", url, "events", events)).post("/api/v1/webhooks");
    }

    private static void audited(Org org, String action, String id) {
        Api.as(org.admin().token()).queryParam("action", action).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.targetId", hasItem(id)).body("items.actorId", hasItem(org.admin().id()));
    }
}
