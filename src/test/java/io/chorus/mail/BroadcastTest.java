package io.chorus.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Inbox;
import io.chorus.support.Inbox.Received;
import io.chorus.support.MailProfile;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(MailProfile.class)
class BroadcastTest {

    @Test
    void aBroadcastReachesEveryoneItTargetsWhoTakesBroadcastsAndCountsItsMails() {
        Org org = Organizations.create();
        String team = org.group("Launch team", "team");
        Person curator = org.member("curator");
        Person inTeam = org.member(List.of(team), "ambassador");
        Person outside = org.member("ambassador");
        Person declined = org.member(List.of(team), "ambassador");
        Person gone = org.member(List.of(team), "ambassador");
        Api.as(declined.token()).body(Map.of("broadcasts", false)).patch("/api/v1/me/email-preferences").then()
                .statusCode(200);
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", gone.id())
                .then().statusCode(200);
        String item = Contents.published(curator.token(), Contents.body("Atlas launch", List.of(team)));

        JsonPath created = Api.as(curator.token()).body(Map.of("contentId", item, "note", "Launch day: share it!"))
                .post("/api/v1/broadcasts").then().statusCode(202).header("Location", notNullValue()).extract()
                .jsonPath();
        assertThat(created.getInt("recipients")).isEqualTo(1);

        Received mail = Inbox.awaitLetters(inTeam.email(), 1).get(0);
        assertThat(mail.subject()).isEqualTo("Org " + org.slug() + ": Atlas launch");
        assertThat(mail.text()).contains("Launch day: share it!").contains("== Atlas launch ==")
                .contains("Share on LinkedIn: http://localhost:8080/share/");
        assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String id = created.getString("id");
        awaitSent(curator, id, 1);
        Api.as(curator.token()).get("/api/v1/broadcasts/{id}", id).then().statusCode(200).body("queued", equalTo(0))
                .body("failed", equalTo(0)).body("recipients", equalTo(1)).body("title", equalTo("Atlas launch"));
        Api.as(curator.token()).get("/api/v1/broadcasts").then().statusCode(200).body("items[0].id", equalTo(id));
        assertThat(Inbox.letters(outside.email())).isEmpty();
        assertThat(Inbox.letters(declined.email())).isEmpty();
        assertThat(Inbox.letters(gone.email())).isEmpty();
    }

    @Test
    void badBroadcastsAreRefusedAndAnotherOrganizationsAreNotFound() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String draft = Contents.create(curator.token(), Contents.body("Not yet")).getString("id");
        String item = Contents.published(curator.token(), Contents.body("Ready"));

        Api.as(curator.token()).body(Map.of("contentId", draft)).post("/api/v1/broadcasts").then().statusCode(409);
        Api.as(curator.token()).body(Map.of("note", "no item")).post("/api/v1/broadcasts").then().statusCode(400);
        Api.as(curator.token()).body(Map.of("contentId", item, "note", "x".repeat(1001))).post("/api/v1/broadcasts")
                .then().statusCode(400);
        Api.as(ambassador.token()).body(Map.of("contentId", item)).post("/api/v1/broadcasts").then().statusCode(403);
        Api.anonymous().body(Map.of("contentId", item)).post("/api/v1/broadcasts").then().statusCode(401);
        String id = Api.as(curator.token()).body(Map.of("contentId", item)).post("/api/v1/broadcasts").then()
                .statusCode(202).extract().path("id");

        Person stranger = Organizations.create().member("curator");
        Api.as(stranger.token()).get("/api/v1/broadcasts/{id}", id).then().statusCode(404);
        Api.as(stranger.token()).body(Map.of("contentId", item)).post("/api/v1/broadcasts").then().statusCode(404);
        Api.as(stranger.token()).get("/api/v1/broadcasts").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aRetriedBroadcastWithTheSameIdempotencyKeyMailsNobodyTwice() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String item = Contents.published(curator.token(), Contents.body("Retried news"));
        Map<String, Object> body = Map.of("contentId", item, "note", "Once only");

        Response first = Api.as(curator.token()).header("Idempotency-Key", "launch-1").body(body)
                .post("/api/v1/broadcasts");
        Response retry = Api.as(curator.token()).header("Idempotency-Key", "launch-1").body(body)
                .post("/api/v1/broadcasts");

        first.then().statusCode(202).header("Idempotent-Replayed", nullValue());
        retry.then().statusCode(202).header("Idempotent-Replayed", "true").header("Location",
                equalTo(first.header("Location")));
        assertThat(retry.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$")).containsEntry("recipients", 1);
        String id = first.jsonPath().getString("id");
        assertThat(Api.as(curator.token()).get("/api/v1/broadcasts").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactly(id);

        // The same key for another broadcast is refused like on every endpoint that takes one, and changes nothing.
        Api.as(curator.token()).header("Idempotency-Key", "launch-1")
                .body(Map.of("contentId", item, "note", "Something else")).post("/api/v1/broadcasts").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("idempotency-key-reused"));
        Api.as(curator.token()).header("Idempotency-Key", "k".repeat(256)).body(body).post("/api/v1/broadcasts").then()
                .statusCode(400).contentType("application/problem+json");
        assertThat(Api.as(curator.token()).get("/api/v1/broadcasts").then().extract().jsonPath().getList("items.id",
                String.class)).containsExactly(id);
        awaitSent(curator, id, 1);
        assertThat(Inbox.letters(ambassador.email())).as("one mail, though the broadcast was posted twice").hasSize(1);
    }

    @Test
    void aCampaignThatAnnouncesItselfMailsItsParticipantsWhenItStarts() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String item = Contents.published(curator.token(), Contents.body("Campaign story"));
        Instant now = Time.now();
        String campaign = Api.as(curator.token())
                .body(Map.of("name", "Autumn stories", "startsAt", now.minusSeconds(1).toString(), "endsAt",
                        now.plus(Duration.ofDays(10)).toString(), "contentIds", List.of(item), "announce", true))
                .post("/api/v1/campaigns").then().statusCode(201).body("announce", equalTo(true)).extract().path("id");

        Received mail = Inbox.awaitLetters(ambassador.email(), 1).get(0);
        assertThat(mail.subject()).isEqualTo("The campaign Autumn stories starts now");
        assertThat(mail.text()).contains("== Campaign story ==").contains("runs until");
        Api.as(curator.token()).get("/api/v1/campaigns/{id}", campaign).then().body("announcedAt", notNullValue());
    }

    private static void awaitSent(Person curator, String id, int sent) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Api.as(curator.token()).get("/api/v1/broadcasts/{id}", id).then().extract().<Integer> path("sent") < sent
                && System.nanoTime() < deadline) {
            Inbox.pause();
        }
        Api.as(curator.token()).get("/api/v1/broadcasts/{id}", id).then().body("sent", equalTo(sent));
    }
}
