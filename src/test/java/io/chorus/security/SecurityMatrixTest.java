package io.chorus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.chorus.scim.ScimAccessTest;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.ForgedTokens;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every protected endpoint of the contract, attacked the usual ways: no token, an expired one, one signed by another
 * key, one from another issuer, an unsigned one (401); a role that may not act (403); another organization's ids (404).
 * A new endpoint in openapi.yaml fails the coverage test until it is listed here.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final Set<String> MEMBER_ROLES = Set.of("ambassador", "curator", "analyst", "admin");
    private static final Set<String> CURATORS = Set.of("curator", "admin");
    private static final Set<String> ANALYSTS = Set.of("analyst", "admin");
    private static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
            "POST /api/v1/invitations/{token}/accept", "GET /invitations/{token}", "POST /invitations/{token}",
            "GET /share/{token}", "GET /s/{code}", "GET /unsubscribe/{token}", "POST /unsubscribe/{token}",
            "GET /api/v1/auth/sso/{organization}", "GET /api/v1/auth/sso/callback", "POST /api/v1/auth/sso/token",
            "POST /api/v1/conversions", "GET /c.js");

    /** Who may call an endpoint, and what its {id} stands for in the attacker's test. */
    record Endpoint(String method, String path, Set<String> roles, Object body) {
        String key() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/auth/logout", Set.of("any"), Map.of()),
            new Endpoint("POST", "/api/v1/organizations", Set.of("operator"),
                    Map.of("slug", "x-" + UUID.randomUUID().toString().substring(0, 8), "name", "X", "adminEmail",
                            "a@x.example", "adminName", "A")),
            new Endpoint("GET", "/api/v1/organizations", Set.of("operator"), null),
            new Endpoint("GET", "/api/v1/organizations/{id}", Set.of("operator"), null),
            new Endpoint("GET", "/api/v1/me", MEMBER_ROLES, null),
            new Endpoint("POST", "/api/v1/settings/conversion-keys", Set.of("admin"), Map.of("name", "K")),
            new Endpoint("GET", "/api/v1/settings/conversion-keys", Set.of("admin"), null),
            new Endpoint("DELETE", "/api/v1/settings/conversion-keys/{id}", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/settings/conversions", ANALYSTS, null),
            new Endpoint("GET", "/api/v1/analytics/conversions", ANALYSTS, null),
            new Endpoint("PUT", "/api/v1/settings/conversions", Set.of("admin"),
                    Map.of("clickIds", true, "attributionWindowDays", 30)),
            new Endpoint("PATCH", "/api/v1/me", MEMBER_ROLES, Map.of("name", "Renamed")),
            new Endpoint("POST", "/api/v1/members", Set.of("admin"),
                    Map.of("email", "n@x.example", "name", "N", "roles", List.of("ambassador"))),
            new Endpoint("GET", "/api/v1/members", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/members/{id}", Set.of("admin"), null),
            new Endpoint("PATCH", "/api/v1/members/{id}", Set.of("admin"), Map.of("name", "Hijacked")),
            new Endpoint("POST", "/api/v1/members/{id}/invitations", Set.of("admin"), null),
            new Endpoint("POST", "/api/v1/members/{id}/erase", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/me/data", MEMBER_ROLES, null),
            new Endpoint("POST", "/api/v1/groups", Set.of("admin"), Map.of("name", "G", "kind", "team")),
            new Endpoint("GET", "/api/v1/groups", MEMBER_ROLES, null),
            new Endpoint("GET", "/api/v1/groups/{id}", MEMBER_ROLES, null),
            new Endpoint("PATCH", "/api/v1/groups/{id}", Set.of("admin"), Map.of("name", "Hijacked")),
            new Endpoint("DELETE", "/api/v1/groups/{id}", Set.of("admin"), null),
            new Endpoint("POST", "/api/v1/content", Set.of("ambassador", "curator", "admin"),
                    Map.of("title", "T", "url", "https://example.com/t", "language", "en")),
            new Endpoint("GET", "/api/v1/content", CURATORS, null),
            new Endpoint("GET", "/api/v1/content/{id}", Set.of("ambassador", "curator", "admin"), null),
            new Endpoint("PATCH", "/api/v1/content/{id}", Set.of("ambassador", "curator", "admin"),
                    Map.of("title", "Hijacked")),
            new Endpoint("DELETE", "/api/v1/content/{id}", Set.of("ambassador", "curator", "admin"), null),
            new Endpoint("POST", "/api/v1/content/{id}/publish", CURATORS, null),
            new Endpoint("POST", "/api/v1/content/{id}/approve", CURATORS, null),
            new Endpoint("POST", "/api/v1/content/{id}/reject", CURATORS, Map.of("reason", "No")),
            new Endpoint("POST", "/api/v1/content/{id}/archive", CURATORS, null),
            new Endpoint("GET", "/api/v1/feed", Set.of("ambassador", "admin"), null),
            new Endpoint("POST", "/api/v1/content/{id}/shares", Set.of("ambassador", "admin"), Map.of("network", "x")),
            new Endpoint("GET", "/api/v1/me/shares", Set.of("ambassador", "admin"), null),
            new Endpoint("GET", "/api/v1/content/{id}/share-links", Set.of("ambassador", "admin"), null),
            new Endpoint("GET", "/api/v1/shares/{id}", MEMBER_ROLES, null),
            new Endpoint("GET", "/api/v1/settings/sharing", MEMBER_ROLES, null),
            new Endpoint("PUT", "/api/v1/settings/sharing", Set.of("admin"), Map.of("disclosure", "x")),
            new Endpoint("POST", "/api/v1/link-previews", Set.of("ambassador", "curator", "admin"),
                    Map.of("url", "https://example.com/")),
            new Endpoint("GET", "/api/v1/moderation/queue", CURATORS, null),
            new Endpoint("GET", "/api/v1/topics", MEMBER_ROLES, null),
            new Endpoint("GET", "/api/v1/me/submissions", Set.of("ambassador", "curator", "admin"), null),
            new Endpoint("GET", "/api/v1/settings/blocklist", CURATORS, null),
            new Endpoint("PUT", "/api/v1/settings/blocklist", Set.of("admin"),
                    Map.of("phrases", List.of("x"), "patterns", List.of())),
            new Endpoint("GET", "/api/v1/scoring-rules", MEMBER_ROLES, null),
            new Endpoint("PUT", "/api/v1/scoring-rules", Set.of("admin"),
                    List.of(Map.of("action", "share", "points", 1))),
            new Endpoint("GET", "/api/v1/settings/organization", MEMBER_ROLES, null),
            new Endpoint("PUT", "/api/v1/settings/organization", Set.of("admin"),
                    Map.of("timeZone", "UTC", "levelThresholds", List.of(0, 10))),
            new Endpoint("POST", "/api/v1/members/{id}/adjustments", Set.of("admin"),
                    Map.of("points", 5, "reason", "Hijacked")),
            new Endpoint("GET", "/api/v1/leaderboards", MEMBER_ROLES, null),
            new Endpoint("GET", "/api/v1/me/score", MEMBER_ROLES, null),
            new Endpoint("POST", "/api/v1/campaigns", CURATORS,
                    Map.of("name", "x", "startsAt", "2026-01-01T00:00:00Z", "endsAt", "2026-02-01T00:00:00Z",
                            "contentIds", List.of("00000000-0000-0000-0000-000000000000"))),
            new Endpoint("GET", "/api/v1/campaigns", MEMBER_ROLES, null),
            new Endpoint("GET", "/api/v1/campaigns/{id}", MEMBER_ROLES, null),
            new Endpoint("PATCH", "/api/v1/campaigns/{id}", CURATORS, Map.of("name", "y")),
            new Endpoint("GET", "/api/v1/campaigns/{id}/leaderboard", MEMBER_ROLES, null),
            new Endpoint("GET", "/api/v1/charter", MEMBER_ROLES, null),
            new Endpoint("PUT", "/api/v1/charter", Set.of("admin"), Map.of("text", "Be kind.")),
            new Endpoint("POST", "/api/v1/charter/accept", MEMBER_ROLES, Map.of("version", 1)),
            new Endpoint("GET", "/api/v1/audit-events", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/analytics/overview", ANALYSTS, null),
            new Endpoint("GET", "/api/v1/analytics/participation", ANALYSTS, null),
            new Endpoint("GET", "/api/v1/analytics/retention", ANALYSTS, null),
            new Endpoint("GET", "/api/v1/analytics/content/{id}", ANALYSTS, null),
            new Endpoint("GET", "/api/v1/me/email-preferences", MEMBER_ROLES, null),
            new Endpoint("PATCH", "/api/v1/me/email-preferences", MEMBER_ROLES, Map.of("digest", "daily")),
            new Endpoint("GET", "/api/v1/settings/email", MEMBER_ROLES, null),
            new Endpoint("PUT", "/api/v1/settings/email", Set.of("admin"),
                    Map.of("digestTime", "08:00", "digestDay", "tuesday")),
            new Endpoint("POST", "/api/v1/broadcasts", CURATORS,
                    Map.of("contentId", "00000000-0000-0000-0000-000000000000")),
            new Endpoint("GET", "/api/v1/broadcasts", CURATORS, null),
            new Endpoint("GET", "/api/v1/broadcasts/{id}", CURATORS, null),
            new Endpoint("POST", "/api/v1/settings/scim-tokens", Set.of("admin"), Map.of("name", "IdP")),
            new Endpoint("GET", "/api/v1/settings/scim-tokens", Set.of("admin"), null),
            new Endpoint("DELETE", "/api/v1/settings/scim-tokens/{id}", Set.of("admin"), null),
            // Another organization's identity providers: SsoSettingsTest (it runs the OpenID provider they need).
            new Endpoint("POST", "/api/v1/settings/identity-providers", Set.of("admin"),
                    Map.of("name", "IdP", "issuer", "https://idp.invalid", "clientId", "c", "clientSecret", "s",
                            "allowedDomains", List.of("example.com"))),
            new Endpoint("GET", "/api/v1/settings/identity-providers", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/settings/identity-providers/{id}", Set.of("admin"), null),
            new Endpoint("PATCH", "/api/v1/settings/identity-providers/{id}", Set.of("admin"),
                    Map.of("name", "Hijacked")),
            new Endpoint("DELETE", "/api/v1/settings/identity-providers/{id}", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/settings/sso", Set.of("admin"), null),
            new Endpoint("PUT", "/api/v1/settings/sso", Set.of("admin"),
                    Map.of("required", true, "redirectUris", List.of())),
            new Endpoint("POST", "/api/v1/webhooks", Set.of("admin"),
                    Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("share.created"))),
            new Endpoint("GET", "/api/v1/webhooks", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/webhooks/{id}", Set.of("admin"), null),
            new Endpoint("PATCH", "/api/v1/webhooks/{id}", Set.of("admin"), Map.of("enabled", false)),
            new Endpoint("DELETE", "/api/v1/webhooks/{id}", Set.of("admin"), null),
            new Endpoint("GET", "/api/v1/webhooks/{id}/deliveries", Set.of("admin"), null),
            new Endpoint("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay", Set.of("admin"), null),
            new Endpoint("POST", "/api/v1/content-sources", CURATORS, Map.of("url", "http://127.0.0.1:9/feed")),
            new Endpoint("GET", "/api/v1/content-sources", CURATORS, null),
            new Endpoint("GET", "/api/v1/content-sources/{id}", CURATORS, null),
            new Endpoint("PATCH", "/api/v1/content-sources/{id}", CURATORS, Map.of("enabled", false)),
            new Endpoint("DELETE", "/api/v1/content-sources/{id}", CURATORS, null),
            new Endpoint("POST", "/api/v1/content-sources/{id}/fetch", CURATORS, null));

    /** What a {deliveryId} stands for: one of the victim's webhook deliveries. */
    private static final String DELIVERY = "/api/v1/webhooks/{id}/deliveries";

    static Org home;
    static Org victim;
    static Map<String, Person> people;
    static Map<String, String> victimIds;

    /** Made on first use: RestAssured only knows the test port once a test runs. */
    @BeforeEach
    void organizations() {
        if (home != null) {
            return;
        }
        home = Organizations.create();
        victim = Organizations.create();
        people = Map.of("admin", home.admin(), "ambassador", home.member("ambassador"), "curator",
                home.member("curator"), "analyst", home.member("analyst"));
        Person victimMember = victim.member("ambassador");
        Person victimCurator = victim.member("curator");
        // Port 9 on loopback: nothing listens there.
        String victimWebhook = Api.as(victim.admin().token())
                .body(Map.of("url", "http://127.0.0.1:9/victim", "events", List.of("share.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String victimContent = Contents.published(victimCurator.token(), Contents.body("Victim news"));
        String victimSource = Api.as(victimCurator.token()).body(Map.of("url", "http://127.0.0.1:9/victim-feed"))
                .post("/api/v1/content-sources").then().statusCode(201).extract().path("id");
        String victimShare = Api.as(victimMember.token()).body(Map.of("network", "xing"))
                .post("/api/v1/content/{id}/shares", victimContent).then().statusCode(201).extract().path("id");
        String victimCampaign = Api.as(victimCurator.token())
                .body(Map.of("name", "Victim campaign", "startsAt", "2026-01-01T00:00:00Z", "endsAt",
                        "2036-01-01T00:00:00Z", "contentIds", List.of(victimContent)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        String victimBroadcast = Api.as(victimCurator.token()).body(Map.of("contentId", victimContent))
                .post("/api/v1/broadcasts").then().statusCode(202).extract().path("id");
        String victimKey = Api.as(victim.admin().token()).body(Map.of("name", "Victim key"))
                .post("/api/v1/settings/conversion-keys").then().statusCode(201).extract().path("id");
        String victimScimToken = Api.as(victim.admin().token()).body(Map.of("name", "Victim IdP"))
                .post("/api/v1/settings/scim-tokens").then().statusCode(201).extract().path("id");
        String victimDelivery = Api.as(victim.admin().token()).get("/api/v1/webhooks/{id}/deliveries", victimWebhook)
                .then().statusCode(200).extract().path("items[0].id");
        // Paused: its delivery waits rather than being retried for the rest of the run.
        Api.as(victim.admin().token()).body(Map.of("enabled", false)).patch("/api/v1/webhooks/{id}", victimWebhook)
                .then().statusCode(200);
        victimIds = Map.ofEntries(Map.entry("/api/v1/settings/conversion-keys", victimKey),
                Map.entry("/api/v1/settings/scim-tokens", victimScimToken),
                Map.entry("/api/v1/broadcasts", victimBroadcast), Map.entry("/api/v1/members", victimMember.id()),
                Map.entry("/api/v1/groups", victim.group("Victim group", "department")),
                Map.entry("/api/v1/content", victimContent), Map.entry("/api/v1/shares", victimShare),
                Map.entry("/api/v1/analytics/content", victimContent), Map.entry("/api/v1/campaigns", victimCampaign),
                Map.entry("/api/v1/webhooks", victimWebhook), Map.entry(DELIVERY, victimDelivery),
                Map.entry("/api/v1/content-sources", victimSource));
    }

    @Test
    void everyOperationOfTheContractIsCoveredHere() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml")).get("paths");
        Set<String> contract = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            var path = it.next();
            path.getValue().fieldNames().forEachRemaining(verb -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(verb)) {
                    contract.add(verb.toUpperCase() + " " + path.getKey());
                }
            });
        }
        Set<String> covered = new TreeSet<>(PUBLIC);
        covered.addAll(ScimAccessTest.OPERATIONS); // SCIM tokens, not access tokens: attacked there
        ENDPOINTS.forEach(e -> covered.add(e.key()));
        assertThat(covered).isEqualTo(contract);
    }

    @Test
    void withoutAValidTokenEveryProtectedEndpointIs401() {
        Person admin = home.admin();
        Set<String> roles = Set.of("admin");
        Map<String, String> tokens = Map.of("none", "", "garbage", "not.a.jwt", "expired",
                ForgedTokens.expired(admin, home.id(), roles), "another key",
                ForgedTokens.signedByAnotherKey(admin, home.id(), roles), "wrong issuer",
                ForgedTokens.wrongIssuer(admin, home.id(), roles), "alg none",
                ForgedTokens.unsigned(admin, home.id(), roles));
        // Control: the same claims properly signed are accepted, so the 401s below are about the token.
        Api.as(ForgedTokens.valid(admin, home.id(), roles)).get("/api/v1/members").then().statusCode(200);

        SoftAssertions soft = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            for (var token : tokens.entrySet()) {
                Response response = call(endpoint, token.getValue().isEmpty() ? null : token.getValue(),
                        path -> UUID.randomUUID().toString());
                soft.assertThat(response.statusCode()).as("%s with %s token", endpoint.key(), token.getKey())
                        .isEqualTo(401);
                soft.assertThat(response.contentType()).as("%s with %s token", endpoint.key(), token.getKey())
                        .startsWith("application/problem+json");
            }
        }
        soft.assertAll();
    }

    @Test
    void aRoleThatMayNotActGets403() {
        String operator = Organizations.operatorToken();
        SoftAssertions soft = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.roles().contains("any")) {
                continue;
            }
            List<String> refused = new ArrayList<>(List.of("operator", "ambassador", "curator", "analyst", "admin"));
            refused.removeAll(endpoint.roles());
            for (String role : refused) {
                String token = role.equals("operator") ? operator : people.get(role).token();
                Response response = call(endpoint, token,
                        path -> victimIds.getOrDefault(path, UUID.randomUUID().toString()));
                soft.assertThat(response.statusCode()).as("%s as %s", endpoint.key(), role).isEqualTo(403);
                soft.assertThat(response.contentType()).as("%s as %s", endpoint.key(), role)
                        .startsWith("application/problem+json");
            }
        }
        soft.assertAll();
    }

    @Test
    void anotherOrganizationsResourcesAre404EvenToAnAdmin() {
        SoftAssertions soft = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            if (!endpoint.path().contains("{id}") || endpoint.roles().contains("operator")
                    || endpoint.path().startsWith("/api/v1/settings/identity-providers")) {
                continue; // identity providers need a running OpenID provider: SsoSettingsTest attacks them
            }
            Response response = call(endpoint, home.admin().token(), victimIds::get);
            soft.assertThat(response.statusCode()).as(endpoint.key()).isEqualTo(404);
            soft.assertThat(response.contentType()).as(endpoint.key()).startsWith("application/problem+json");
            soft.assertThat(response.asString()).as(endpoint.key()).doesNotContain(victim.slug());
        }
        soft.assertAll();
        // ...and nothing changed over there.
        Api.as(victim.admin().token()).get("/api/v1/groups/{id}", victimIds.get("/api/v1/groups")).then()
                .statusCode(200).body("name", equalTo("Victim group"));
        Api.as(victim.admin().token()).get("/api/v1/members/{id}", victimIds.get("/api/v1/members")).then()
                .statusCode(200).body("name", startsWith("Member "));
        Api.as(victim.admin().token()).get("/api/v1/content/{id}", victimIds.get("/api/v1/content")).then()
                .statusCode(200).body("title", equalTo("Victim news")).body("status", equalTo("published"));
        Api.as(victim.admin().token()).get("/api/v1/settings/scim-tokens").then().statusCode(200).body("items[0].id",
                equalTo(victimIds.get("/api/v1/settings/scim-tokens")));
        Api.as(victim.admin().token()).get("/api/v1/webhooks/{id}", victimIds.get("/api/v1/webhooks")).then()
                .statusCode(200).body("enabled", equalTo(false)).body("url", equalTo("http://127.0.0.1:9/victim"));
        Api.as(victim.admin().token()).get("/api/v1/content-sources/{id}", victimIds.get("/api/v1/content-sources"))
                .then().statusCode(200).body("enabled", equalTo(true)).body("health.lastFetchedAt", equalTo(null));
    }

    @Test
    void unknownIdsAre404ForOperatorsToo() {
        Api.as(Organizations.operatorToken()).get("/api/v1/organizations/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        Api.as(Organizations.operatorToken()).get("/api/v1/organizations/{id}", "not-a-uuid").then().statusCode(404);
    }

    private static Response call(Endpoint endpoint, String token, Function<String, String> idFor) {
        String path = endpoint.path();
        if (path.contains("{id}")) {
            String collection = path.substring(0, path.indexOf("/{id}"));
            path = path.replace("{id}", idFor.apply(collection));
        }
        if (path.contains("{deliveryId}")) {
            path = path.replace("{deliveryId}", idFor.apply(DELIVERY));
        }
        var request = Api.as(token);
        if (endpoint.body() != null) {
            request = request.body(endpoint.body());
        }
        return request.request(endpoint.method(), path);
    }
}
