package io.chorus.scoring;

import static io.chorus.scoring.ScoringTest.CHROME;
import static io.chorus.scoring.ScoringTest.score;
import static io.chorus.scoring.ScoringTest.share;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CampaignTest {

    @Inject
    DataSource database;

    @Test
    void theCampaignLeaderboardCountsItsContentInsideItsWindowForItsGroups() {
        Org org = Organizations.create();
        String team = org.group("Sales", "team");
        Person curator = org.member("curator");
        Person first = org.member(List.of(team), "ambassador");
        Person second = org.member(List.of(team), "ambassador");
        Person outsider = org.member("ambassador");
        String inCampaign = Contents.published(curator.token(), Contents.body("Launch week"));
        String elsewhere = Contents.published(curator.token(), Contents.body("Not part of it"));
        Instant now = Time.now().truncatedTo(ChronoUnit.SECONDS);
        JsonPath campaign = create(curator,
                campaign("Launch week: café & co", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                        List.of(inCampaign), List.of(team), Map.of("metric", "shares", "target", 3), 15));
        String id = campaign.getString("id");
        assertThat(campaign.getString("status")).isEqualTo("active");
        assertThat(campaign.getString("slug")).isEqualTo("launch-week-cafe-co");
        assertThat(campaign.getLong("progress.value")).isZero();

        share(first, inCampaign, "linkedin", 201);
        share(first, inCampaign, "x", 201);
        share(first, elsewhere, "linkedin", 201);
        share(second, inCampaign, "linkedin", 201);
        share(outsider, inCampaign, "linkedin", 201);

        JsonPath board = leaderboard(second, id, "");
        assertThat(board.getList("entries.memberId", String.class)).containsExactly(first.id(), second.id());
        assertThat(board.getList("entries.points", Long.class)).containsExactly(20L, 10L);
        assertThat(board.getLong("me.rank")).isEqualTo(2);
        assertThat(leaderboard(outsider, id, "").getLong("me.points")).isZero();

        // The goal (3 shares by the team) is reached: badges and the bonus go to the participants, once.
        waitFor(() -> get(curator, id).getString("progress.reachedAt") != null);
        JsonPath reached = get(curator, id);
        assertThat(reached.getLong("progress.value")).isEqualTo(3);
        assertThat(reached.getInt("progress.percent")).isEqualTo(100);
        waitFor(() -> score(second).getLong("breakdown.campaign") == 15);
        JsonPath firstScore = score(first);
        assertThat(firstScore.getLong("breakdown.campaign")).isEqualTo(15);
        assertThat(firstScore.getList("badges.id", String.class)).containsOnlyOnce("campaign_goal");
        assertThat(firstScore.getString("badges.find { it.id == 'campaign_goal' }.campaignId")).isEqualTo(id);
        assertThat(score(outsider).getList("badges.id", String.class)).doesNotContain("campaign_goal");

        // Who joins in after the goal is reached gets the badge too; nobody gets it twice.
        Person late = org.member(List.of(team), "ambassador");
        share(late, inCampaign, "facebook", 201);
        waitFor(() -> score(late).getList("badges.id", String.class).contains("campaign_goal"));
        assertThat(Rows.of(database,
                "select count(*) from member_badges where badge = 'campaign_goal' and qualifier = '" + id + "'"))
                        .containsExactly("3");
        assertThat(Rows.of(database, "select count(*) from points_ledger where action = 'campaign' and award_key like"
                + " 'campaign:" + id + ":%'")).containsExactly("3");

        // Moving the window rebuilds the scores from the ledger: nothing was earned before it starts.
        Api.as(curator.token()).body(Map.of("startsAt", now.plus(Duration.ofDays(1)).toString()))
                .patch("/api/v1/campaigns/{id}", id).then().statusCode(200).body("status", equalTo("upcoming"));
        assertThat(leaderboard(first, id, "").getList("entries")).isEmpty();
        Api.as(curator.token()).body(Map.of("startsAt", now.minus(Duration.ofHours(1)).toString()))
                .patch("/api/v1/campaigns/{id}", id).then().statusCode(200).body("status", equalTo("active"));
        assertThat(leaderboard(first, id, "?metric=shares").getList("entries.shares", Long.class)).containsExactly(2L,
                1L, 1L);
    }

    @Test
    void shortLinksOfCampaignContentCarryTheCampaignSlug() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String inCampaign = Contents.published(curator.token(), Contents.body("Tagged"));
        String elsewhere = Contents.published(curator.token(), Contents.body("Always on"));
        Instant now = Time.now();
        create(curator, campaign("Spring", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)),
                List.of(inCampaign), List.of(), null, null));
        String tagged = Api.as(ambassador.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", inCampaign).then().statusCode(201).extract().path("code");
        String plain = Api.as(ambassador.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", elsewhere).then().statusCode(201).extract().path("code");
        given().redirects().follow(false).header("User-Agent", CHROME).get("/s/{code}", tagged).then().statusCode(302)
                .header("Location", containsString("utm_campaign=spring"));
        given().redirects().follow(false).header("User-Agent", CHROME).get("/s/{code}", plain).then().statusCode(302)
                .header("Location", containsString("utm_campaign=always-on"));
    }

    @Test
    void curatorsWriteMembersReadAndBadInputChangesNothing() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String content = Contents.published(curator.token(), Contents.body("Rules"));
        Instant now = Time.now();
        Map<String, Object> valid = campaign("Autumn", now, now.plus(Duration.ofDays(3)), List.of(content), List.of(),
                null, null);
        Api.as(ambassador.token()).body(valid).post("/api/v1/campaigns").then().statusCode(403);
        Map<String, Object> backwards = new HashMap<>(valid);
        backwards.put("endsAt", now.minus(Duration.ofDays(1)).toString());
        Api.as(curator.token()).body(backwards).post("/api/v1/campaigns").then().statusCode(400);
        Org other = Organizations.create();
        String theirs = Contents.published(other.member("curator").token(), Contents.body("Theirs"));
        Map<String, Object> foreign = new HashMap<>(valid);
        foreign.put("contentIds", List.of(theirs));
        Api.as(curator.token()).body(foreign).post("/api/v1/campaigns").then().statusCode(400);
        Map<String, Object> badGoal = new HashMap<>(valid);
        badGoal.put("goal", Map.of("metric", "likes", "target", 5));
        Api.as(curator.token()).body(badGoal).post("/api/v1/campaigns").then().statusCode(400);
        assertThat(Rows.of(database, "select count(*) from campaigns where organization_id = '" + org.id() + "'"))
                .containsExactly("0");

        String id = create(curator, valid).getString("id");
        String second = create(curator, valid).getString("slug");
        assertThat(second).isEqualTo("autumn-2");
        JsonPath list = Api.as(ambassador.token()).get("/api/v1/campaigns?status=active").then().statusCode(200)
                .extract().jsonPath();
        assertThat(list.getList("items")).hasSize(2);
        Api.as(ambassador.token()).get("/api/v1/campaigns?status=upcoming").then().statusCode(200).body("items.size()",
                equalTo(0));
        Api.as(ambassador.token()).get("/api/v1/campaigns?status=soon").then().statusCode(400);
        Api.as(ambassador.token()).body(Map.of("name", "Mine")).patch("/api/v1/campaigns/{id}", id).then()
                .statusCode(403);
        // A blank name is refused and changes nothing, with the other fields of the same request.
        Api.as(curator.token()).body(Map.of("name", "   ", "reward", "Something else"))
                .patch("/api/v1/campaigns/{id}", id).then().statusCode(400).contentType("application/problem+json");
        Api.as(ambassador.token()).get("/api/v1/campaigns/{id}", id).then().body("name", equalTo("Autumn"))
                .body("reward", equalTo("Lunch with the CEO"));
        Api.as(other.admin().token()).get("/api/v1/campaigns/{id}", id).then().statusCode(404);
        Api.as(other.admin().token()).get("/api/v1/campaigns/{id}/leaderboard", id).then().statusCode(404);
        Api.as(other.admin().token()).body(Map.of("name", "Theirs")).patch("/api/v1/campaigns/{id}", id).then()
                .statusCode(404);
        assertThat(Rows.of(database,
                "select count(*) from audit_events where action = 'campaign.created' and organization_id = '" + org.id()
                        + "'")).containsExactly("2");
    }

    static Map<String, Object> campaign(String name, Instant startsAt, Instant endsAt, List<String> contentIds,
            List<String> groupIds, Map<String, Object> goal, Integer bonusPoints) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "Share the launch");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("contentIds", contentIds);
        body.put("targetGroupIds", groupIds);
        body.put("reward", "Lunch with the CEO");
        if (goal != null) {
            body.put("goal", goal);
        }
        if (bonusPoints != null) {
            body.put("bonusPoints", bonusPoints);
        }
        return body;
    }

    private static JsonPath create(Person curator, Map<String, Object> body) {
        return Api.as(curator.token()).body(body).post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath get(Person member, String id) {
        return Api.as(member.token()).get("/api/v1/campaigns/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath leaderboard(Person member, String id, String query) {
        return Api.as(member.token()).get("/api/v1/campaigns/{id}/leaderboard" + query, id).then().statusCode(200)
                .extract().jsonPath();
    }

    static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
