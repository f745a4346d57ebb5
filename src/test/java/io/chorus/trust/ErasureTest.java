package io.chorus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ErasureTest {

    @Inject
    DataSource database;

    @Test
    void anErasedMemberBecomesAnonymousWhileEveryFigureStaysTheSame() {
        Org org = Organizations.create();
        String team = org.group("Team", "team");
        Person curator = org.member("curator");
        Person leaver = org.member(List.of(team), "ambassador");
        Person stayer = org.member(List.of(team), "ambassador");
        String refreshToken = Api.login(org.slug(), leaver.email(), Organizations.PASSWORD).then().statusCode(200)
                .extract().path("refreshToken");
        Api.as(leaver.token()).body(Map.of("name", "Zoé Leaver")).patch("/api/v1/me").then().statusCode(200);
        String content = Contents.published(curator.token(), Contents.body("Launch day"));
        JsonPath share = Api.as(leaver.token()).header("X-Forwarded-For", "198.18.20.1")
                .header("User-Agent", Clicks.CHROME)
                .body(Map.of("network", "linkedin", "message", "Zoé here: proud of this launch"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().jsonPath();
        Api.as(stayer.token()).body(Map.of("network", "x")).post("/api/v1/content/{id}/shares", content).then()
                .statusCode(201);
        Clicks.follow(share.getString("code"), "198.18.21.1", Clicks.CHROME);
        Clicks.follow(share.getString("code"), "198.18.21.2", Clicks.CHROME);
        Clicks.awaitHits(curator.token(), share.getString("id"), 2);
        String pending = Contents.create(leaver.token(), Contents.body("Zoé's own idea")).getString("id");
        String approved = Contents.create(leaver.token(), Contents.body("Zoé's approved idea")).getString("id");
        // A curator put the submission in a campaign before reviewing it.
        String campaign = Api.as(curator.token())
                .body(Map.of("name", "Launch week", "startsAt", Time.now().minusSeconds(60).toString(), "endsAt",
                        Time.now().plusSeconds(86_400).toString(), "contentIds", List.of(content, pending)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        Api.as(curator.token()).post("/api/v1/content/{id}/approve", approved).then().statusCode(200);
        Api.as(org.admin().token()).body(Map.of("points", 7, "reason", "Zoé Leaver spoke at the fair"))
                .post("/api/v1/members/{id}/adjustments", leaver.id()).then().statusCode(201);
        assertThat(board(stayer).getList("entries.memberId", String.class)).contains(leaver.id());
        List<String> figures = figures(org, share.getString("id"), curator);

        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", leaver.id()).then().statusCode(204);

        // Every token stops working at once.
        Api.as(leaver.token()).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        Api.as(leaver.token()).get("/api/v1/me/data").then().statusCode(401);
        Api.anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh").then().statusCode(401);
        Api.login(org.slug(), leaver.email(), Organizations.PASSWORD).then().statusCode(401);
        // An anonymous identity remains.
        Api.as(org.admin().token()).get("/api/v1/members/{id}", leaver.id()).then().statusCode(200)
                .body("email", nullValue()).body("name", equalTo("Erased member"))
                .body("status", equalTo("deactivated")).body("erasedAt", notNullValue())
                .body("groupIds", equalTo(List.of(team))).body("roles", equalTo(List.of("ambassador")));
        // No figure changed.
        assertThat(figures(org, share.getString("id"), curator)).isEqualTo(figures);
        Api.as(curator.token()).get("/api/v1/shares/{id}", share.getString("id")).then().statusCode(200)
                .body("message", equalTo("")).body("memberId", equalTo(leaver.id()));
        Clicks.follow(share.getString("code"), "198.18.21.3", Clicks.CHROME);
        // The unpublished submission is gone; the published one is the organization's.
        Api.as(curator.token()).get("/api/v1/content/{id}", pending).then().statusCode(404);
        Api.as(curator.token()).get("/api/v1/content/{id}", approved).then().statusCode(200);
        Api.as(curator.token()).get("/api/v1/campaigns/{id}", campaign).then().statusCode(200).body("contentIds",
                equalTo(List.of(content)));
        // On no leaderboard, in no period.
        for (String period : LeaderboardOptOutTest.PERIODS) {
            assertThat(board(stayer, "?period=" + period).getList("entries.memberId", String.class)).as(period)
                    .containsExactly(stayer.id());
            assertThat(
                    board(stayer, "?period=" + period + "&groupId=" + team).getList("entries.memberId", String.class))
                            .as(period).containsExactly(stayer.id());
        }
        // Nothing that identified them is left, neither in the API nor in the database.
        List<Map<String, Object>> trail = Api.as(org.admin().token()).get("/api/v1/audit-events?limit=100").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> erased = trail.stream().filter(e -> e.get("action").equals("member.erased")).findFirst()
                .orElseThrow();
        assertThat(erased).containsEntry("actorId", org.admin().id()).containsEntry("targetId", leaver.id())
                .containsEntry("detail", Map.of("sharesEmptied", 1, "submissionsDeleted", 1));
        assertThat(trail.toString()).doesNotContain("Zoé").doesNotContain(leaver.email());
        String held = String.join("\n", Rows.of(database, """
                select string_agg(t::text, ' ') from (
                    select m::text as t from members m where organization_id = '%1$s'
                    union all select s::text from shares s where organization_id = '%1$s'
                    union all select c::text from content c where organization_id = '%1$s'
                    union all select l::text from points_ledger l where organization_id = '%1$s'
                    union all select a::text from audit_events a where organization_id = '%1$s'
                    union all select i::text from invitations i where organization_id = '%1$s') x"""
                .formatted(org.id())));
        assertThat(held).doesNotContain("Zoé here").doesNotContain("Zoé Leaver").doesNotContain("Zoé's own")
                .doesNotContain(leaver.email()).contains("Zoé's approved idea").contains("(erased)");
        assertThat(Rows.of(database, "select count(*) from refresh_tokens where subject_id = '" + leaver.id() + "'"))
                .containsExactly("0");
        assertThat(Rows.of(database, "select count(*) from invitations where member_id = '" + leaver.id() + "'"))
                .containsExactly("0");
        assertThat(Rows.of(database, "select count(*) from sharer_visitors where member_id = '" + leaver.id() + "'"))
                .containsExactly("0");
    }

    @Test
    void theEmailCanBeInvitedAgainAsANewMember() {
        Org org = Organizations.create();
        Person leaver = org.member("ambassador");
        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", leaver.id()).then().statusCode(204);

        String again = Api.as(org.admin().token())
                .body(Map.of("email", leaver.email().toUpperCase(), "name", "Back Again", "roles", List.of("curator")))
                .post("/api/v1/members").then().statusCode(201).body("status", equalTo("invited")).extract()
                .path("invitation.token");
        String newId = Organizations.accept(again, "Back Again");

        assertThat(newId).isNotEqualTo(leaver.id());
        String token = Api.accessToken(org.slug(), leaver.email(), Organizations.PASSWORD);
        Api.as(token).get("/api/v1/me").then().statusCode(200).body("id", equalTo(newId)).body("roles",
                equalTo(List.of("curator")));
        Api.as(leaver.token()).get("/api/v1/me").then().statusCode(401);
        Api.as(org.admin().token()).get("/api/v1/members/{id}", leaver.id()).then().body("email", nullValue());
    }

    @Test
    void erasingTwiceChangesNothingAndAnErasedMemberCannotBeChanged() {
        Org org = Organizations.create();
        Person leaver = org.member("ambassador");
        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", leaver.id()).then().statusCode(204);
        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", leaver.id()).then().statusCode(204);

        Api.as(org.admin().token()).get("/api/v1/audit-events?action=member.erased").then().statusCode(200)
                .body("items.size()", equalTo(1));
        for (Map<String, Object> change : List.of(Map.<String, Object> of("name", "Back"),
                Map.<String, Object> of("status", "active"), Map.<String, Object> of("roles", List.of("admin")))) {
            Api.as(org.admin().token()).body(change).patch("/api/v1/members/{id}", leaver.id()).then().statusCode(409)
                    .contentType("application/problem+json").body("type", endsWith("member-erased"));
        }
        Api.as(org.admin().token()).post("/api/v1/members/{id}/invitations", leaver.id()).then().statusCode(409)
                .body("type", endsWith("member-erased"));
        Api.as(org.admin().token()).get("/api/v1/members/{id}", leaver.id()).then().body("name",
                equalTo("Erased member"));
    }

    @Test
    void erasedMembersListFirstAndPagingStillWalksEveryone() {
        Org org = Organizations.create();
        List<String> erased = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person member = org.member("ambassador");
            Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", member.id()).then().statusCode(204);
            erased.add(member.id());
        }
        Person kept = org.member("analyst");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = Api.as(org.admin().token())
                    .get("/api/v1/members?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 3)).containsExactlyInAnyOrderElementsOf(erased);
        assertThat(seen.subList(3, 5)).containsExactlyInAnyOrder(org.admin().id(), kept.id());
        Api.as(org.admin().token()).get("/api/v1/members?q=erased").then().statusCode(200).body("items.size()",
                equalTo(3));
    }

    @Test
    void theLastActiveAdminCannotBeErasedNorAnotherOrganizationsMember() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", org.admin().id()).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("last-admin"));
        Api.as(org.admin().token()).get("/api/v1/me").then().statusCode(200).body("email",
                equalTo(org.admin().email()));

        Org other = Organizations.create();
        Api.as(other.admin().token()).post("/api/v1/members/{id}/erase", member.id()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(member.token()).get("/api/v1/me").then().statusCode(200).body("email", equalTo(member.email()));
        Api.as(member.token()).post("/api/v1/members/{id}/erase", member.id()).then().statusCode(403);
        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", "not-an-id").then().statusCode(404);

        // With a second admin, an admin may erase themselves; their token stops working with the next request.
        Person second = org.member("admin");
        Api.as(second.token()).post("/api/v1/members/{id}/erase", second.id()).then().statusCode(204);
        Api.as(second.token()).get("/api/v1/members").then().statusCode(401);
        Api.as(org.admin().token()).post("/api/v1/members/{id}/erase", org.admin().id()).then().statusCode(409);
    }

    /** Organization totals: every period's points, shares and clicks, the ledger, the clicks and the share's counts. */
    private List<String> figures(Org org, String shareId, Person curator) {
        List<String> figures = new ArrayList<>(Rows.of(database,
                "select period || ' ' || sum(points) || ' ' || sum(shares) || ' ' || sum(clicks) from score_totals"
                        + " where organization_id = '" + org.id() + "' group by period order by period"));
        figures.addAll(Rows.of(database, "select sum(points) || ' ' || count(*) from points_ledger"
                + " where organization_id = '" + org.id() + "'"));
        figures.addAll(Rows.of(database, "select count(*) || ' ' || count(*) filter (where not robot and not self)"
                + " from click_events where organization_id = '" + org.id() + "'"));
        figures.addAll(Rows.of(database, "select count(*) from shares where organization_id = '" + org.id() + "'"));
        JsonPath share = Api.as(curator.token()).get("/api/v1/shares/{id}", shareId).then().statusCode(200).extract()
                .jsonPath();
        figures.add(share.getLong("clicks") + " " + share.getLong("uniqueVisitors") + " " + share.getLong("robotHits"));
        return figures;
    }

    private static JsonPath board(Person member) {
        return board(member, "?period=all");
    }

    private static JsonPath board(Person member, String query) {
        return Api.as(member.token()).get("/api/v1/leaderboards" + query).then().statusCode(200).extract().jsonPath();
    }
}
