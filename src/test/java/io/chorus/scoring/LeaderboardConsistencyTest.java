package io.chorus.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Leaderboards are answered from rankings held in memory and patched as figures change: after every kind of change
 * (points, a member hiding, leaving a group, being deactivated, coming back) every leaderboard must be exactly what the
 * period totals in the database say, for every member asking.
 */
@QuarkusTest
class LeaderboardConsistencyTest {

    @Inject
    DataSource database;

    @Inject
    Standings standings;

    @Test
    void everyLeaderboardMatchesTheTotalsAfterEveryKindOfChange() throws Exception {
        Org org = Organizations.create();
        String team = org.group("Team", "team");
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(i % 2 == 0 ? org.member(List.of(team), "ambassador") : org.member("ambassador"));
        }
        Random random = new Random(42);
        for (Person member : members) {
            ScoringTest.adjust(org, member, 1 + random.nextInt(4) * 10);
        }
        everyBoardMatches(org, team, members);

        // Points arriving for some members (ties made and broken), through a request and through the click writer's
        // path.
        ScoringTest.adjust(org, members.get(7), 40);
        ScoringTest.adjust(org, members.get(2), -11);
        ScoringTest.award(database, standings, org, members.get(3), ScoringAction.CLICK, Time.now());
        ScoringTest.award(database, standings, org, members.get(5), ScoringAction.SHARE, Time.now());
        everyBoardMatches(org, team, members);

        // Hiding, leaving the team, joining it, being deactivated.
        Api.as(members.get(0).token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then()
                .statusCode(200);
        Api.as(org.admin().token()).body(Map.of("groupIds", List.of()))
                .patch("/api/v1/members/{id}", members.get(2).id()).then().statusCode(200);
        Api.as(org.admin().token()).body(Map.of("groupIds", List.of(team)))
                .patch("/api/v1/members/{id}", members.get(1).id()).then().statusCode(200);
        Api.as(org.admin().token()).body(Map.of("status", "deactivated"))
                .patch("/api/v1/members/{id}", members.get(4).id()).then().statusCode(200);
        members.remove(4); // can no longer sign in
        everyBoardMatches(org, team, members);

        // Coming back, and overtaking everyone.
        Api.as(members.get(0).token()).body(Map.of("leaderboardVisible", true)).patch("/api/v1/me").then()
                .statusCode(200);
        ScoringTest.adjust(org, members.get(0), 500);
        everyBoardMatches(org, team, members);
    }

    @Test
    void pointsWrittenByAnotherInstanceShowWithinTheRefreshInterval() throws Exception {
        Org org = Organizations.create();
        Person leader = org.member("ambassador");
        Person follower = org.member("ambassador");
        ScoringTest.adjust(org, leader, 20);
        ScoringTest.adjust(org, follower, 10);
        assertThat(board(follower, "points", null).rank()).isEqualTo(2);

        // Another instance's click writer: the same ledger, but this instance is never told.
        try (Connection connection = database.getConnection()) {
            PointsLedger.award(connection,
                    List.of(new PointsLedger.Award(UUID.fromString(org.id()), UUID.fromString(follower.id()),
                            ScoringAction.CAMPAIGN, "campaign:elsewhere:" + UUID.randomUUID(), null, null, null, null,
                            Time.now(), 50, null, null)));
        }
        // chorus.leaderboards.refresh-after is 2 s in tests.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!board(leader, "points", null).entries().get(0).contains(follower.id())
                && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        boardMatches(org, leader, "points", null);
        boardMatches(org, follower, "points", null);
    }

    /** Every board of the period "all", as each of {@code askers} sees it. */
    private void everyBoardMatches(Org org, String team, List<Person> askers) {
        for (String metric : Metric.NAMES) {
            for (String group : new String[] { null, team }) {
                for (Person member : askers) {
                    boardMatches(org, member, metric, group);
                }
            }
        }
    }

    /** The board as member sees it, against a ranking computed by PostgreSQL from score_totals. */
    private void boardMatches(Org org, Person member, String metric, String group) {
        String inGroup = group == null ? ""
                : " and exists (select 1 from group_memberships g where g.group_id = '" + group
                        + "' and g.member_id = t.member_id)";
        String listed = "from score_totals t where t.organization_id = '" + org.id()
                + "' and t.period = 'a' and t.listed" + inGroup;
        List<String> expected = Rows.of(database, "select rank() over (order by t." + metric + " desc) || ' '"
                + " || t.member_id || ' ' || t.points " + listed + " order by t." + metric + " desc, t.member_id");
        String mine = "(select coalesce(max(x." + metric + "), 0) from score_totals x where x.member_id = '"
                + member.id() + "' and x.period = 'a')";
        long expectedRank = 1 + Long
                .parseLong(Rows.of(database, "select count(*) " + listed + " and t." + metric + " > " + mine).get(0));

        Response board = board(member, metric, group);
        String what = metric + (group == null ? "" : " in the team") + " as " + member.email();
        assertThat(board.entries()).as(what).isEqualTo(expected);
        assertThat(board.rank()).as(what).isEqualTo(expectedRank);
    }

    private record Response(List<String> entries, long rank) {
    }

    private static Response board(Person member, String metric, String group) {
        JsonPath json = Api.as(member.token()).get("/api/v1/leaderboards?period=all&limit=100&metric=" + metric
                + (group == null ? "" : "&groupId=" + group)).then().statusCode(200).extract().jsonPath();
        List<String> entries = new ArrayList<>();
        List<Map<String, Object>> rows = json.getList("entries");
        for (Map<String, Object> row : rows) {
            entries.add(row.get("rank") + " " + row.get("memberId") + " " + row.get("points"));
        }
        return new Response(entries, json.getLong("me.rank"));
    }
}
