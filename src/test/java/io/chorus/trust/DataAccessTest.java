package io.chorus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.Contents;
import io.chorus.support.Inbox;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class DataAccessTest {

    @Inject
    DataSource database;

    @Test
    void aMemberDownloadsEverythingHeldAboutThemAndNothingAboutOthers() throws IOException {
        Org org = Organizations.create();
        String sales = org.group("Sales", "department");
        Person ambassador = org.member(List.of(sales), "ambassador");
        Person colleague = org.member("ambassador");
        Person curator = org.member("curator");
        Api.as(org.admin().token()).body(Map.of("text", "Be honest.")).put("/api/v1/charter").then().statusCode(200);
        for (Person sharer : List.of(ambassador, colleague)) {
            Api.as(sharer.token()).body(Map.of("version", 1)).post("/api/v1/charter/accept").then().statusCode(204);
        }
        String content = Contents.published(curator.token(), Contents.body("Quarterly results"));
        JsonPath share = Api.as(ambassador.token()).header("X-Forwarded-For", "198.18.7.1")
                .header("User-Agent", Clicks.CHROME)
                .body(Map.of("network", "linkedin", "message", "My own words about our results"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().jsonPath();
        Api.as(colleague.token()).body(Map.of("network", "x", "message", "The colleague's private words"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201);
        String code = share.getString("code");
        Clicks.follow(code, "198.18.8.1", Clicks.CHROME);
        Clicks.follow(code, "198.18.8.2", Clicks.CHROME);
        Clicks.follow(code, "198.18.8.3", Clicks.LINKEDIN_BOT);
        Clicks.awaitHits(curator.token(), share.getString("id"), 3);
        String submission = Contents.create(ambassador.token(), Contents.body("An idea of mine")).getString("id");
        Api.as(org.admin().token()).body(Map.of("points", 5, "reason", "Helped at the fair"))
                .post("/api/v1/members/{id}/adjustments", ambassador.id()).then().statusCode(201);
        Api.as(ambassador.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200);
        Api.as(curator.token()).body(Map.of("contentId", content, "note", "Our results are out"))
                .post("/api/v1/broadcasts").then().statusCode(202);
        Api.as(ambassador.token()).body(Map.of("digest", "daily", "broadcasts", false))
                .patch("/api/v1/me/email-preferences").then().statusCode(200);
        awaitSent(ambassador, "broadcast");

        Response response = Api.as(ambassador.token()).get("/api/v1/me/data");

        response.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store").header(
                "Content-Disposition",
                "attachment; filename=\"chorus-data-" + org.slug() + "-" + Time.today(ZoneOffset.UTC) + ".json\"");
        JsonPath data = response.jsonPath();
        assertThat(data.getString("organization.slug")).isEqualTo(org.slug());
        assertThat(data.getString("profile.id")).isEqualTo(ambassador.id());
        assertThat(data.getString("profile.email")).isEqualTo(ambassador.email());
        assertThat(data.getString("profile.name")).isEqualTo("Member " + ambassador.email());
        assertThat(data.getList("profile.roles", String.class)).containsExactly("ambassador");
        assertThat(data.getString("profile.status")).isEqualTo("active");
        assertThat(data.getBoolean("settings.leaderboardVisible")).isFalse();
        assertThat(data.getList("groups")).containsExactly(Map.of("id", sales, "name", "Sales", "kind", "department"));
        assertThat(data.getList("invitations")).hasSize(1);
        assertThat(data.getString("invitations[0].acceptedAt")).isNotNull();
        assertThat(data.getList("charterAcceptances.version", Integer.class)).containsExactly(1);

        assertThat(data.getList("shares")).hasSize(1);
        JsonPath shared = data.setRootPath("shares[0]");
        assertThat(shared.getString("id")).isEqualTo(share.getString("id"));
        assertThat(shared.getString("contentId")).isEqualTo(content);
        assertThat(shared.getString("contentTitle")).isEqualTo("Quarterly results");
        assertThat(shared.getString("network")).isEqualTo("linkedin");
        assertThat(shared.getString("message")).isEqualTo(share.getString("message"))
                .startsWith("My own words about our results");
        assertThat(shared.getString("shortUrl")).isEqualTo(share.getString("shortUrl")).endsWith("/s/" + code);
        assertThat(shared.getLong("clicks")).isEqualTo(2);
        assertThat(shared.getLong("uniqueVisitors")).isEqualTo(2);
        assertThat(shared.getLong("robotHits")).isEqualTo(1);
        assertThat(shared.getLong("selfClicks")).isZero();
        data.setRootPath("");

        assertThat(data.getList("pointsLedger.action", String.class)).containsExactly("share", "click", "click",
                "adjustment");
        assertThat(data.getList("pointsLedger.points", Integer.class)).containsExactly(10, 2, 2, 5);
        assertThat(data.getString("pointsLedger[3].reason")).isEqualTo("Helped at the fair");
        assertThat(data.getList("badges.id", String.class)).containsExactly("first_share", "first_click");
        assertThat(data.getList("submissions.id", String.class)).containsExactly(submission);
        assertThat(data.getString("submissions[0].status")).isEqualTo("pending_review");
        assertThat(data.getMap("emailPreferences")).isEqualTo(Map.of("digest", "daily", "broadcasts", false));
        assertThat(data.getList("mails.kind", String.class)).as("newest first").containsSubsequence("broadcast",
                "invitation");
        Map<String, Object> mail = data.getMap("mails.find { it.kind == 'broadcast' }");
        assertThat(mail).containsOnlyKeys("kind", "recipient", "subject", "status", "createdAt", "sentAt")
                .containsEntry("recipient", ambassador.email())
                .containsEntry("subject", "Org " + org.slug() + ": Quarterly results").containsEntry("status", "sent");
        assertThat(Instant.parse((String) mail.get("sentAt")))
                .isAfterOrEqualTo(Instant.parse((String) mail.get("createdAt")));
        assertThat(data.getList("auditTrail.action", String.class)).contains("points.adjusted", "charter.accepted",
                "invitation.accepted", "member.invited");

        // Who clicked is not the member's data: no visitor id, and nothing of the colleague's.
        String body = response.asString();
        List<String> visitors = Rows.of(database,
                "select visitor_id from click_events where share_id = '" + share.getString("id") + "'");
        assertThat(visitors).hasSize(3);
        assertThat(body).as("no mail's body").doesNotContain("Our results are out");
        assertThat(body).doesNotContain(visitors).doesNotContain("visitor").doesNotContain(colleague.id())
                .doesNotContain("The colleague's private words").doesNotContain(colleague.email());
        // Every field is the contract's, and the contract's every field is there.
        assertShape(new ObjectMapper().readTree(body), schema("PersonalData"), "");
    }

    @Test
    void everyRoleHasAccessToTheirOwnDataOnly() {
        Org org = Organizations.create();
        Org other = Organizations.create();
        Person analyst = org.member("analyst");
        Api.as(analyst.token()).get("/api/v1/me/data").then().statusCode(200).body("profile.id", equalTo(analyst.id()))
                .body("shares.size()", equalTo(0)).body("pointsLedger.size()", equalTo(0));
        Api.as(other.admin().token()).get("/api/v1/me/data").then().statusCode(200)
                .body("profile.id", equalTo(other.admin().id())).body("organization.id", equalTo(other.id()));
        Api.anonymous().get("/api/v1/me/data").then().statusCode(401).contentType("application/problem+json");
        Api.as(Organizations.operatorToken()).get("/api/v1/me/data").then().statusCode(403);
    }

    /** Polls the member's export until a mail of this kind is sent, for at most 20 seconds. */
    private static void awaitSent(Person member, String kind) {
        String sent = "mails.findAll { it.kind == '" + kind + "' && it.status == 'sent' }.size()";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Api.as(member.token()).get("/api/v1/me/data").then().extract().<Integer> path(sent) == 0
                && System.nanoTime() < deadline) {
            Inbox.pause();
        }
        assertThat(Api.as(member.token()).get("/api/v1/me/data").then().extract().<Integer> path(sent))
                .as("sent %s mails", kind).isEqualTo(1);
    }

    private static JsonNode contract;

    static JsonNode schema(String name) throws IOException {
        if (contract == null) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        }
        return contract.at("/components/schemas/" + name);
    }

    /**
     * The document's objects have exactly the properties their schema names (objects without declared properties, such
     * as an audit entry's {@code detail}, are free-form). Arrays are checked item by item.
     */
    static void assertShape(JsonNode value, JsonNode schema, String where) throws IOException {
        if (schema.has("$ref")) {
            assertShape(value, schema(schema.get("$ref").asText().substring("#/components/schemas/".length())), where);
            return;
        }
        if (value.isArray()) {
            assertThat(schema.has("items")).as("%s is documented as an array", where).isTrue();
            for (int i = 0; i < value.size(); i++) {
                assertShape(value.get(i), schema.get("items"), where + "[" + i + "]");
            }
            return;
        }
        if (!value.isObject() || !schema.has("properties")) {
            return;
        }
        Set<String> documented = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> present = new TreeSet<>();
        value.fieldNames().forEachRemaining(present::add);
        assertThat(present).as("the fields of %s", where.isEmpty() ? "the document" : where).isEqualTo(documented);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            var field = it.next();
            assertShape(field.getValue(), schema.get("properties").get(field.getKey()), where + "." + field.getKey());
        }
    }
}
