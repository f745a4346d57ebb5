package io.chorus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The demo company's quarter tells a consistent story: what the dashboard and leaderboards show is what the shares,
 * clicks and ledger hold, and seeding again changes nothing.
 */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Inject
    DataSource database;

    @Test
    void theQuarterIsConsistentWithItsRowsAndWrittenOnce() throws Exception {
        demo.seed();
        String organization = one("select id from organizations where slug = 'demo'");
        String analyst = Api.accessToken("demo", "analyst@demo.example", DemoData.PASSWORD);
        String curator = Api.accessToken("demo", "curator@demo.example", DemoData.PASSWORD);
        String ambassador = Api.accessToken("demo", "ambassador01@demo.example", DemoData.PASSWORD);

        // What was published, and what waits.
        Map<String, Integer> statuses = new HashMap<>();
        for (String status : Rows.of(database,
                "select status from content where organization_id = '" + organization + "'")) {
            statuses.merge(status, 1, Integer::sum);
        }
        assertThat(statuses.get("published")).as(statuses.toString()).isBetween(35, 45);
        assertThat(statuses).containsEntry("pending_review", 2).containsEntry("rejected", 1)
                .containsEntry("scheduled", 1).containsEntry("expired", 1).containsEntry("draft", 1);
        JsonPath campaigns = Api.as(curator).get("/api/v1/campaigns").then().statusCode(200).extract().jsonPath();
        assertThat(campaigns.getList("items.status")).containsExactlyInAnyOrder("active", "ended");
        assertThat(campaigns.getString("items.find { it.status == 'ended' }.progress.reachedAt")).isNotNull();
        assertThat(campaigns.getString("items.find { it.status == 'active' }.progress.reachedAt")).as("within reach")
                .isNull();

        // Shares over 90 days, robots and the sharers' own clicks among the clicks, as in life.
        LocalDate today = Time.today(ZoneId.of("Europe/Paris"));
        String quarter = "from=" + today.minusDays(DemoHistory.DAYS) + "&to=" + today;
        long shares = count("select count(*) from shares where organization_id = '" + organization + "'");
        long human = count("select count(*) from click_events where organization_id = '" + organization
                + "' and not robot and not self");
        assertThat(shares).isBetween(250L, 800L);
        assertThat(human).isGreaterThan(shares * 3);
        assertThat(count("select count(*) from click_events where organization_id = '" + organization + "' and robot"))
                .isGreaterThan(shares / 2);
        assertThat(count("select count(*) from click_events where organization_id = '" + organization
                + "' and self and not robot")).isPositive();

        // The dashboard's figures are the rows' (the rollup rebuilt the organization from them).
        JsonPath overview = awaitOverview(analyst, quarter, shares);
        assertThat(overview.getLong("clicks")).isEqualTo(human);
        assertThat(overview.getLong("members.total")).as("100 ambassadors and one invited").isEqualTo(101);
        assertThat(overview.getLong("members.active")).isEqualTo(100);
        assertThat(overview.getDouble("concentration.top5PercentShareOfClicks")).isBetween(0.1, 0.9);
        assertThat(overview.getLong("members.sharing")).isEqualTo(
                count("select count(distinct member_id) from shares where organization_id = '" + organization + "'"));

        // Every listed ambassador's all-time points are the ledger's.
        JsonPath board = Api.as(ambassador).get("/api/v1/leaderboards?period=all&metric=points&limit=50").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = board.getList("entries");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(8);
        for (Map<String, Object> entry : entries) {
            long ledger = count("select coalesce(sum(points), 0) from points_ledger where member_id = '"
                    + entry.get("memberId") + "'");
            assertThat(((Number) entry.get("points")).longValue()).as("%s", entry.get("name")).isEqualTo(ledger);
        }
        assertThat(board.getList("entries.name")).as("ambassador07 hides from leaderboards")
                .doesNotContain("Gabrielle Petit");
        JsonPath score = Api.as(ambassador).get("/api/v1/me/score").then().statusCode(200).extract().jsonPath();
        assertThat(score.getList("badges.id")).contains("first_share", "first_click", "campaign_goal");

        // Seeding again (a restart) writes nothing more.
        long events = count("select count(*) from click_events where organization_id = '" + organization + "'");
        demo.seed();
        assertThat(count("select count(*) from shares where organization_id = '" + organization + "'"))
                .isEqualTo(shares);
        assertThat(count("select count(*) from click_events where organization_id = '" + organization + "'"))
                .isEqualTo(events);
    }

    private JsonPath awaitOverview(String analyst, String range, long shares) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonPath overview = Api.as(analyst).get("/api/v1/analytics/overview?" + range).then().statusCode(200)
                    .extract().jsonPath();
            if (overview.getLong("shares") == shares || System.nanoTime() > deadline) {
                assertThat(overview.getLong("shares")).as("shares in the quarter").isEqualTo(shares);
                return overview;
            }
            Thread.sleep(200);
        }
    }

    private String one(String sql) {
        return Rows.of(database, sql).get(0);
    }

    private long count(String sql) {
        return Long.parseLong(one(sql));
    }
}
