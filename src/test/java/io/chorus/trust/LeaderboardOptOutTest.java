package io.chorus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

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
class LeaderboardOptOutTest {

    static final List<String> PERIODS = List.of("week", "month", "quarter", "year", "all");

    @Test
    void aHiddenMemberLeavesEveryoneElsesLeaderboardsButKeepsTheirOwnRank() {
        Org org = Organizations.create();
        String team = org.group("Team", "team");
        Person first = org.member(List.of(team), "ambassador");
        Person hidden = org.member(List.of(team), "ambassador");
        Person third = org.member("ambassador");
        adjust(org, first, 30);
        adjust(org, hidden, 20);
        adjust(org, third, 10);
        Api.as(hidden.token()).get("/api/v1/me").then().statusCode(200).body("leaderboardVisible", equalTo(true));

        Api.as(hidden.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200)
                .body("leaderboardVisible", equalTo(false)).body("name", equalTo("Member " + hidden.email()));
        Api.as(hidden.token()).get("/api/v1/me").then().body("leaderboardVisible", equalTo(false));

        for (String period : PERIODS) {
            JsonPath seenByOthers = board(third, "?period=" + period);
            assertThat(seenByOthers.getList("entries.memberId", String.class)).as(period).containsExactly(first.id(),
                    third.id());
            assertThat(seenByOthers.getList("entries.rank", Long.class)).as(period).containsExactly(1L, 2L);
            assertThat(seenByOthers.getLong("me.rank")).as(period).isEqualTo(2);

            JsonPath own = board(hidden, "?period=" + period);
            assertThat(own.getList("entries.memberId", String.class)).as(period).doesNotContain(hidden.id());
            assertThat(own.getLong("me.rank")).as(period).isEqualTo(2);
            assertThat(own.getLong("me.points")).as(period).isEqualTo(20);

            JsonPath group = board(first, "?period=" + period + "&groupId=" + team);
            assertThat(group.getList("entries.memberId", String.class)).as(period).containsExactly(first.id());
            assertThat(board(hidden, "?period=" + period + "&groupId=" + team).getLong("me.rank")).as(period)
                    .isEqualTo(2);
        }
        assertThat(board(first, "?metric=shares").getList("entries.memberId", String.class))
                .doesNotContain(hidden.id());
        assertThat(score(hidden).getLong("rank")).isEqualTo(2);
        assertThat(score(hidden).getLong("points")).isEqualTo(20);
        assertThat(score(third).getLong("rank")).isEqualTo(2);

        // Points earned while hidden stay hidden, and so does a regrouping of the periods (a time zone change).
        adjust(org, hidden, 25);
        Api.as(org.admin().token()).body(Map.of("timeZone", "Europe/Paris", "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        JsonPath stillHidden = board(third, "?period=all");
        assertThat(stillHidden.getList("entries.memberId", String.class)).containsExactly(first.id(), third.id());
        assertThat(board(hidden, "?period=all").getLong("me.rank")).isEqualTo(1);

        Api.as(hidden.token()).body(Map.of("leaderboardVisible", true)).patch("/api/v1/me").then().statusCode(200)
                .body("leaderboardVisible", equalTo(true));
        for (String period : PERIODS) {
            JsonPath back = board(third, "?period=" + period);
            assertThat(back.getList("entries.memberId", String.class)).as(period).containsExactly(hidden.id(),
                    first.id(), third.id());
            assertThat(back.getLong("me.rank")).as(period).isEqualTo(3);
            assertThat(back.getLong("entries[0].points")).as(period).isEqualTo(45);
        }
        assertThat(board(third, "?groupId=" + team).getList("entries.memberId", String.class))
                .containsExactly(hidden.id(), first.id());
    }

    @Test
    void aHiddenMemberLeavesCampaignLeaderboardsButKeepsTheirOwnRank() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person hidden = org.member("ambassador");
        Person other = org.member("ambassador");
        String content = Contents.published(curator.token(), Contents.body("Campaign piece"));
        String campaign = Api.as(curator.token())
                .body(Map.of("name", "Launch", "startsAt", Time.now().minusSeconds(60).toString(), "endsAt",
                        Time.now().plusSeconds(86_400).toString(), "contentIds", List.of(content)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        for (String network : List.of("linkedin", "x")) {
            Api.as(hidden.token()).body(Map.of("network", network)).post("/api/v1/content/{id}/shares", content).then()
                    .statusCode(201);
        }
        Api.as(other.token()).body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", content).then()
                .statusCode(201);
        assertThat(campaignBoard(other, campaign).getList("entries.memberId", String.class))
                .containsExactly(hidden.id(), other.id());

        Api.as(hidden.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200);

        JsonPath seenByOther = campaignBoard(other, campaign);
        assertThat(seenByOther.getList("entries.memberId", String.class)).containsExactly(other.id());
        assertThat(seenByOther.getLong("me.rank")).isEqualTo(1);
        JsonPath own = campaignBoard(hidden, campaign);
        assertThat(own.getList("entries.memberId", String.class)).containsExactly(other.id());
        assertThat(own.getLong("me.rank")).isEqualTo(1);
        assertThat(own.getLong("me.points")).isEqualTo(20);
    }

    private static JsonPath campaignBoard(Person member, String campaign) {
        return Api.as(member.token()).get("/api/v1/campaigns/{id}/leaderboard", campaign).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aMemberWhoHidesBeforeEarningAnythingNeverAppears() {
        Org org = Organizations.create();
        Person hidden = org.member("ambassador");
        Person other = org.member("ambassador");
        Api.as(hidden.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200);

        adjust(org, hidden, 50);
        adjust(org, other, 5);

        for (String period : PERIODS) {
            assertThat(board(other, "?period=" + period).getList("entries.memberId", String.class)).as(period)
                    .containsExactly(other.id());
            assertThat(board(hidden, "?period=" + period).getLong("me.rank")).as(period).isEqualTo(1);
        }
    }

    @Test
    void visibilityIsABooleanAndOtherFieldsStayAsTheyAre() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        Api.as(member.token()).body(Map.of("leaderboardVisible", "maybe")).patch("/api/v1/me").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(member.token()).body(Map.of("language", "fr")).patch("/api/v1/me").then().statusCode(200)
                .body("leaderboardVisible", equalTo(true)).body("language", equalTo("fr"));
        Api.as(member.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200)
                .body("language", equalTo("fr"));
        Api.as(member.token()).body(Map.of("name", "Renamed")).patch("/api/v1/me").then().statusCode(200)
                .body("leaderboardVisible", equalTo(false));
    }

    private static JsonPath board(Person member, String query) {
        return Api.as(member.token()).get("/api/v1/leaderboards" + query).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath score(Person member) {
        return Api.as(member.token()).get("/api/v1/me/score").then().statusCode(200).extract().jsonPath();
    }

    static void adjust(Org org, Person member, int points) {
        Api.as(org.admin().token()).body(Map.of("points", points, "reason", "Test standing"))
                .post("/api/v1/members/{id}/adjustments", member.id()).then().statusCode(201);
    }
}
