package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ContentResourceTest {

    @Test
    void aCuratorCreatesADraftWithEveryField() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String group = org.group("Sales", "department");
        Map<String, Object> body = Contents.body("Our new plant", List.of(group), "#Climate Action", "energy");
        body.put("body", "  We opened a plant.  ");
        body.put("imageUrl", "https://cdn.example.com/plant.jpg");
        body.put("language", "fr-fr");
        body.put("suggestedMessages",
                Map.of("linkedin", "Proud of this!", "x", "Look https://example.com/a/very/long/link"));

        JsonPath created = Contents.create(curator.token(), body);

        assertThat(created.getString("status")).isEqualTo("draft");
        assertThat(created.getString("body")).isEqualTo("We opened a plant.");
        assertThat(created.getString("language")).isEqualTo("fr-FR");
        assertThat(created.getList("topics", String.class)).containsExactly("climate-action", "energy");
        assertThat(created.getList("targetGroupIds", String.class)).containsExactly(group);
        assertThat(created.getString("suggestedMessages.x")).startsWith("Look");
        assertThat(created.getMap("suggestedMessages")).containsOnlyKeys("linkedin", "x");
        assertThat(created.getString("author.id")).isEqualTo(curator.id());
        assertThat(created.getBoolean("submission")).isFalse();
        assertThat(created.getMap("$")).doesNotContainKey("moderation");
        Api.as(curator.token()).get("/api/v1/content/{id}", created.getString("id")).then().statusCode(200)
                .body("title", equalTo("Our new plant"));
    }

    @Test
    void publishingMovesADraftIntoTheFeedAndIllegalTransitionsAre409() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String id = Contents.create(curator.token(), Contents.body("Launch")).getString("id");
        assertThat(Contents.feedIds(ambassador.token(), "")).doesNotContain(id);

        Api.as(curator.token()).post("/api/v1/content/{id}/publish", id).then().statusCode(200)
                .body("status", equalTo("published")).body("publishedAt", notNullValue());

        assertThat(Contents.feedIds(ambassador.token(), "")).containsExactly(id);
        Api.as(curator.token()).post("/api/v1/content/{id}/publish", id).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("illegal-transition"))
                .body("detail", containsString("published"));
        Api.as(curator.token()).post("/api/v1/content/{id}/approve", id).then().statusCode(409);
        Api.as(curator.token()).body(Map.of("reason", "no")).post("/api/v1/content/{id}/reject", id).then()
                .statusCode(409);
        Api.as(curator.token()).delete("/api/v1/content/{id}", id).then().statusCode(409);

        Api.as(curator.token()).post("/api/v1/content/{id}/archive", id).then().statusCode(200).body("status",
                equalTo("archived"));
        assertThat(Contents.feedIds(ambassador.token(), "")).isEmpty();
        Api.as(curator.token()).post("/api/v1/content/{id}/archive", id).then().statusCode(409).body("detail",
                containsString("archived"));
        Api.as(curator.token()).body(Map.of("title", "Edited")).patch("/api/v1/content/{id}", id).then()
                .statusCode(409);
        Api.as(curator.token()).post("/api/v1/content/{id}/publish", id).then().statusCode(409);
    }

    @Test
    void draftsCanBeDeletedAndDraftsCannotBeArchived() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String id = Contents.create(curator.token(), Contents.body("Scratch")).getString("id");

        Api.as(curator.token()).post("/api/v1/content/{id}/archive", id).then().statusCode(409).body("detail",
                containsString("draft"));
        Api.as(curator.token()).delete("/api/v1/content/{id}", id).then().statusCode(204);
        Api.as(curator.token()).get("/api/v1/content/{id}", id).then().statusCode(404);
    }

    @Test
    void anAmbassadorSubmitsAndACuratorApprovesOrRejectsWithAReason() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person author = org.member("ambassador");
        Person colleague = org.member("ambassador");
        String good = Contents.create(author.token(), Contents.body("Great talk")).getString("id");
        String bad = Contents.create(author.token(), Contents.body("Off topic")).getString("id");

        Api.as(author.token()).get("/api/v1/content/{id}", good).then().statusCode(200)
                .body("status", equalTo("pending_review")).body("submission", equalTo(true));
        // A colleague does not see someone else's pending submission: it does not exist for them.
        Api.as(colleague.token()).get("/api/v1/content/{id}", good).then().statusCode(404);
        Api.as(colleague.token()).body(Map.of("title", "Mine now")).patch("/api/v1/content/{id}", good).then()
                .statusCode(404);
        Api.as(colleague.token()).delete("/api/v1/content/{id}", good).then().statusCode(404);

        JsonPath queue = Api.as(curator.token()).get("/api/v1/moderation/queue").then().statusCode(200).extract()
                .jsonPath();
        assertThat(queue.getList("items.id", String.class)).containsExactly(good, bad);
        assertThat(queue.getString("items[0].submitter.id")).isEqualTo(author.id());

        Api.as(curator.token()).post("/api/v1/content/{id}/approve", good).then().statusCode(200)
                .body("status", equalTo("published")).body("moderation.decidedBy", equalTo(curator.id()));
        Api.as(curator.token()).body(Map.of("reason", "  ")).post("/api/v1/content/{id}/reject", bad).then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        Api.as(curator.token()).body(Map.of()).post("/api/v1/content/{id}/reject", bad).then().statusCode(400);
        Api.as(curator.token()).body(Map.of("reason", "Not about our company")).post("/api/v1/content/{id}/reject", bad)
                .then().statusCode(200).body("status", equalTo("rejected"));

        Api.as(author.token()).get("/api/v1/content/{id}", bad).then().statusCode(200)
                .body("moderation.reason", equalTo("Not about our company"))
                .body("moderation.decidedAt", notNullValue());
        Api.as(author.token()).get("/api/v1/me/submissions").then().statusCode(200).body("items.id",
                equalTo(List.of(bad, good)));
        Api.as(curator.token()).get("/api/v1/moderation/queue").then().body("items", hasSize(0));
        assertThat(Contents.feedIds(colleague.token(), "")).containsExactly(good);
        Api.as(colleague.token()).get("/api/v1/content/{id}", good).then().statusCode(200);
        Api.as(colleague.token()).get("/api/v1/content/{id}", bad).then().statusCode(404);
    }

    @Test
    void ambassadorsEditAndDeleteOnlyTheirOwnPendingSubmissions() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person author = org.member("ambassador");
        String pending = Contents.create(author.token(), Contents.body("Draft idea")).getString("id");

        Api.as(author.token()).body(Map.of("title", "Better idea")).patch("/api/v1/content/{id}", pending).then()
                .statusCode(200).body("title", equalTo("Better idea")).body("status", equalTo("pending_review"));
        Api.as(curator.token()).post("/api/v1/content/{id}/approve", pending).then().statusCode(200);
        Api.as(author.token()).body(Map.of("title", "Sneaky")).patch("/api/v1/content/{id}", pending).then()
                .statusCode(409);
        Api.as(author.token()).delete("/api/v1/content/{id}", pending).then().statusCode(409);

        String other = Contents.create(author.token(), Contents.body("Second idea")).getString("id");
        Api.as(curator.token()).delete("/api/v1/content/{id}", other).then().statusCode(409);
        Api.as(author.token()).delete("/api/v1/content/{id}", other).then().statusCode(204);
        Api.as(author.token()).get("/api/v1/content/{id}", other).then().statusCode(404);

        String published = Contents.published(curator.token(), Contents.body("Official"));
        Api.as(author.token()).body(Map.of("title", "Hijack")).patch("/api/v1/content/{id}", published).then()
                .statusCode(404);
        Api.as(author.token()).post("/api/v1/content/{id}/publish", published).then().statusCode(403);
        Api.as(author.token()).get("/api/v1/content").then().statusCode(403);
    }

    @Test
    void patchChangesOnlyWhatItNamesAndNullClears() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Map<String, Object> body = Contents.body("Window");
        body.put("body", "Some text");
        body.put("expiresAt", Time.now().plusSeconds(86400).toString());
        String id = Contents.create(curator.token(), body).getString("id");

        Map<String, Object> patch = new HashMap<>();
        patch.put("body", null);
        patch.put("expiresAt", null);
        Api.as(curator.token()).body(patch).patch("/api/v1/content/{id}", id).then().statusCode(200)
                .body("body", nullValue()).body("expiresAt", nullValue()).body("title", equalTo("Window"));
        Api.as(curator.token()).body(Map.of("topics", List.of("A b"))).patch("/api/v1/content/{id}", id).then()
                .statusCode(200).body("topics", equalTo(List.of("a-b"))).body("body", nullValue());
    }

    @Test
    void everyFieldIsValidated() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", "");
        bad.put("url", "javascript:alert(1)");
        bad.put("language", "en");
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400).body("violations.field",
                hasItem("title"));
        bad.put("title", "T");
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400).body("violations[0].field",
                equalTo("url"));
        bad.put("url", "ftp://example.com/file");
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400);
        bad.put("url", "https://example.com/" + "a".repeat(2048));
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400);
        bad.put("url", "https://example.com/ok");
        bad.put("topics", List.of("fine", "x".repeat(51)));
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400).body("violations[0].field",
                equalTo("topics[1]"));
        bad.put("topics", List.of("no/slashes"));
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400).body("violations[0].field",
                equalTo("topics[0]"));
        bad.remove("topics");
        bad.put("publishAt", "2030-01-02T00:00:00Z");
        bad.put("expiresAt", "2030-01-01T00:00:00Z");
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400).body("violations[0].field",
                equalTo("expiresAt"));
        bad.remove("publishAt");
        bad.put("expiresAt", "2020-01-01T00:00:00Z");
        String expired = Contents.create(curator.token(), bad).getString("id");
        Api.as(curator.token()).post("/api/v1/content/{id}/publish", expired).then().statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
        bad.remove("expiresAt");
        bad.put("suggestedMessages", Map.of("mastodon", "hi"));
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400).body("violations[0].field",
                containsString("mastodon"));
        Org other = Organizations.create();
        bad.put("suggestedMessages", Map.of());
        bad.put("targetGroupIds", List.of(other.group("Theirs", "team")));
        Api.as(curator.token()).body(bad).post("/api/v1/content").then().statusCode(400).body("violations[0].field",
                equalTo("targetGroupIds"));
    }

    @Test
    void eachNetworksMessageLimitIsEnforcedTheWayTheNetworkCounts() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Map<String, Object> body = Contents.body("Limits");
        // 256 characters of text: with the 24 the tracked link takes, exactly X's 280.
        body.put("suggestedMessages", Map.of("x", "a".repeat(256), "xing", "b".repeat(420)));
        Contents.create(curator.token(), body);

        body.put("suggestedMessages", Map.of("x", "a".repeat(257)));
        Api.as(curator.token()).body(body).post("/api/v1/content").then().statusCode(400)
                .body("violations[0].field", equalTo("suggestedMessages.x"))
                .body("violations[0].message", containsString("281"));
        // A link in the text counts 23 however long it is.
        body.put("suggestedMessages", Map.of("x", "a".repeat(200) + " https://example.com/" + "p".repeat(300)));
        Contents.create(curator.token(), body);
        body.put("suggestedMessages", Map.of("xing", "b".repeat(421)));
        Api.as(curator.token()).body(body).post("/api/v1/content").then().statusCode(400).body("violations[0].field",
                equalTo("suggestedMessages.xing"));
    }

    @Test
    void curatorsListFilterAndSearch() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String draft = Contents.create(curator.token(), Contents.body("Alpha draft", List.of(), "ai")).getString("id");
        String live = Contents.published(curator.token(), Contents.body("Beta news", List.of(), "ai", "cloud"));
        String later = Contents.scheduled(curator.token(), Contents.body("Gamma later"), Time.now().plusSeconds(3600));

        Api.as(curator.token()).get("/api/v1/content?status=draft").then().body("items.id", equalTo(List.of(draft)));
        Api.as(curator.token()).get("/api/v1/content?status=published").then().body("items.id", equalTo(List.of(live)));
        Api.as(curator.token()).get("/api/v1/content?status=scheduled").then().body("items.id",
                equalTo(List.of(later)));
        Api.as(curator.token()).get("/api/v1/content?topic=AI").then().body("items", hasSize(2));
        Api.as(curator.token()).get("/api/v1/content?q=beta").then().body("items.id", equalTo(List.of(live)));
        Api.as(curator.token()).get("/api/v1/content?status=nonsense").then().statusCode(400);
        Api.as(curator.token()).get("/api/v1/content?limit=2").then().body("items", hasSize(2))
                .body("nextCursor", notNullValue()).body("items[0]", not(hasKey("moderation")));
        Api.as(curator.token()).get("/api/v1/topics").then().statusCode(200).body("items[0].topic", equalTo("ai"))
                .body("items[0].count", equalTo(2)).body("items[1].topic", equalTo("cloud"));
    }

    @Inject
    DataSource database;

    @Test
    void movingTheEndOfExpiredContentIntoTheFuturePublishesItAgainWhateverTheClockStored() throws Exception {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        for (String stored : List.of("published", "expired")) {
            String id = Contents.published(curator.token(), Contents.body("Ended " + stored));
            try (Connection c = database.getConnection();
                    PreparedStatement s = c
                            .prepareStatement("update content set expires_at = ?, status = ? where id = ?::uuid")) {
                // A second ago on the service's clock (the database's now() is the machine's).
                s.setObject(1, Time.now().minusSeconds(1).atOffset(ZoneOffset.UTC));
                s.setString(2, stored);
                s.setString(3, id);
                s.executeUpdate();
            }
            Api.as(curator.token()).get("/api/v1/content/{id}", id).then().body("status", equalTo("expired"));

            Api.as(curator.token()).body(Map.of("expiresAt", Time.now().plusSeconds(3600).toString()))
                    .patch("/api/v1/content/{id}", id).then().statusCode(200).body("status", equalTo("published"));
            Api.as(curator.token()).get("/api/v1/content/{id}", id).then().body("status", equalTo("published"));
        }
    }

    @Test
    void moderationDecisionsArePutOnTheAuditTrail() throws Exception {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person author = org.member("ambassador");
        String id = Contents.create(author.token(), Contents.body("Audit me")).getString("id");
        Api.as(curator.token()).body(Map.of("reason", "Duplicate")).post("/api/v1/content/{id}/reject", id).then()
                .statusCode(200);

        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("select actor_id, action, detail ->> 'reason', organization_id"
                        + " from audit_events where target_id = ?::uuid")) {
            s.setString(1, id);
            ResultSet rows = s.executeQuery();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(curator.id());
            assertThat(rows.getString(2)).isEqualTo("content.rejected");
            assertThat(rows.getString(3)).isEqualTo("Duplicate");
            assertThat(rows.getString(4)).isEqualTo(org.id());
            assertThat(rows.next()).isFalse();
        }
    }
}
