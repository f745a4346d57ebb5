package io.chorus.conversions;

import static io.chorus.conversions.ConversionTest.click;
import static io.chorus.conversions.ConversionTest.key;
import static io.chorus.conversions.ConversionTest.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.analytics.Traffic;
import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.scoring.ConversionScorer;
import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Points for conversions: the organization's conversion rule (0 points until an admin sets it) credits the member of
 * each attributed conversion once, within the daily cap, when it is attributed (at once or by the sweep), and the
 * leaderboards count them as they count clicks.
 */
@QuarkusTest
class ConversionPointsTest {

    @Inject
    DataSource database;
    @Inject
    AttributionSweep sweep;
    @Inject
    ConversionScorer scorer;

    @Test
    void byDefaultAConversionEarnsNothing() {
        ConversionTest.Link link = ConversionTest.link();
        String key = key(link.org());
        Api.as(link.sharer().token()).get("/api/v1/scoring-rules").then().statusCode(200)
                .body("find { it.action == 'conversion' }.points", equalTo(0))
                .body("find { it.action == 'conversion' }.dailyCap", equalTo(100));
        String clickId = writtenClick(link);
        report(key, Map.of("clickId", clickId, "type", "purchase", "value", 20, "currency", "EUR")).then()
                .statusCode(202).body("status", equalTo("attributed"));

        // The share's 10 and the click's 2, nothing for the conversion (which is credited all the same).
        JsonTree score = Traffic.await(link.sharer().token(), "/api/v1/me/score", s -> s.getLong("points") == 12);
        assertThat(score.getLong("breakdown.conversion")).isZero();
        assertThat(score.getLong("conversions")).isEqualTo(1);
        assertThat(ledger(link.org(), "count(*)")).containsExactly("0");
    }

    @Test
    void attributedConversionsEarnTheRuleOnceEachWithinTheDailyCapAndMoveTheLeaderboard() {
        ConversionTest.Link link = ConversionTest.link();
        Org org = link.org();
        String key = key(org);
        conversionRule(org, 30, 50);
        String clickId = writtenClick(link);
        String robot = click(link.code(), Clicks.LINKEDIN_BOT, null);
        Rows.await(database, "select count(*) from click_events where id = '" + robot + "'", 1);

        String order = "order-" + UUID.randomUUID();
        String first = report(key, Map.of("clickId", clickId, "type", "purchase", "externalId", order)).then()
                .statusCode(202).body("status", equalTo("attributed")).extract().path("id");
        // The same purchase reported again is that conversion, and earns nothing more.
        report(key, Map.of("clickId", clickId, "type", "purchase", "externalId", order)).then().statusCode(202)
                .body("id", equalTo(first)).body("duplicate", equalTo(true));
        String second = report(key, Map.of("clickId", clickId, "type", "lead")).then().statusCode(202)
                .body("status", equalTo("attributed")).extract().path("id");
        String third = report(key, Map.of("clickId", clickId, "type", "signup")).then().statusCode(202)
                .body("status", equalTo("attributed")).extract().path("id");
        // A robot's hit is never credited, so it earns nothing.
        report(key, Map.of("clickId", robot, "type", "signup")).then().statusCode(202).body("status",
                equalTo("unattributed"));

        // 30, then the 20 left under the cap of 50, then nothing: each conversion once, and only those attributed.
        assertThat(ledger(org, "conversion_id || ' ' || points || ' of ' || requested || ' ' || share_id"))
                .containsExactly(first + " 30 of 30 " + link.shareId(), second + " 20 of 30 " + link.shareId(),
                        third + " 0 of 30 " + link.shareId());
        JsonTree score = Traffic.await(link.sharer().token(), "/api/v1/me/score",
                s -> s.getLong("points") == 10 + 2 + 50);
        assertThat(score.getLong("breakdown.conversion")).isEqualTo(50);
        assertThat(score.getLong("breakdown.click")).isEqualTo(2);
        JsonTree board = Traffic.await(org.admin().token(), "/api/v1/leaderboards?period=month",
                b -> b.getLong("entries[0].points") == 62);
        assertThat(board.getString("entries[0].memberId")).isEqualTo(link.sharer().id());
        Api.as(link.sharer().token()).get("/api/v1/leaderboards?period=week").then().statusCode(200)
                .body("me.points", equalTo(62)).body("me.rank", equalTo(1));
    }

    @Test
    void aConversionAttributedLaterByTheSweepEarnsOnceHoweverOftenItIsAttributed() throws Exception {
        ConversionTest.Link link = ConversionTest.link();
        Org org = link.org();
        key(org);
        conversionRule(org, 25, null);
        String clickId = writtenClick(link);
        // As the writer leaves a conversion that arrived before its click was written: pending, due for a look (on the
        // service's clock, which is not the database's).
        String id = UUID.randomUUID().toString();
        String now = "'" + Time.now() + "'::timestamptz";
        Rows.of(database,
                "insert into conversions (id, organization_id, key_id, click_ref, type, occurred_at,"
                        + " received_at, status, next_attempt_at) select '" + id + "', organization_id, id, '" + clickId
                        + "', 'signup', " + now + ", " + now + ", 'pending', " + now
                        + " from conversion_keys where organization_id = '" + org.id() + "' returning id");

        sweep.run(Time.now());
        Rows.await(database, "select count(*) from conversions where id = '" + id + "' and status = 'attributed'", 1);
        sweep.run(Time.now());
        // Attributed again (a retried transaction, another instance): the ledger already holds its award.
        try (Connection connection = database.getConnection()) {
            Jdbc.inTransaction(connection,
                    () -> scorer.attributed(connection,
                            List.of(new AttributedConversion(UUID.fromString(id), UUID.fromString(org.id()),
                                    UUID.fromString(link.sharer().id()), UUID.fromString(link.shareId()), null,
                                    UUID.fromString(clickId), Time.now(), "purchase", null, null, Time.now(),
                                    "linkedin", null))));
        }

        assertThat(ledger(org, "conversion_id || ' ' || points")).containsExactly(id + " 25");
        JsonTree score = Traffic.await(link.sharer().token(), "/api/v1/me/score",
                s -> s.getLong("points") == 10 + 2 + 25);
        assertThat(score.getLong("breakdown.conversion")).isEqualTo(25);
        Traffic.await(org.admin().token(), "/api/v1/leaderboards?period=all",
                b -> b.getLong("entries[0].points") == 37);
    }

    @Test
    void theConversionRuleIsChangedLikeTheOthersAndAudited() {
        ConversionTest.Link link = ConversionTest.link();
        Org org = link.org();
        conversionRule(org, 5, 20);
        JsonPath rules = Api.as(link.sharer().token()).get("/api/v1/scoring-rules").then().statusCode(200).extract()
                .jsonPath();
        assertThat(rules.getList("action", String.class)).containsExactly("share", "click", "submission_approved",
                "conversion");
        assertThat(rules.getInt("[3].points")).isEqualTo(5);
        assertThat(rules.getInt("[3].dailyCap")).isEqualTo(20);
        Api.as(org.admin().token()).body(List.of(Map.of("action", "conversion", "points", 10_001)))
                .put("/api/v1/scoring-rules").then().statusCode(400);
        assertThat(Rows.of(database, "select count(*) from audit_events where organization_id = '" + org.id()
                + "' and action = 'scoring.rules.changed'")).containsExactly("1");
    }

    /** A human click on the link, once the click writer has written it. */
    private String writtenClick(ConversionTest.Link link) {
        String clickId = click(link.code(), Clicks.CHROME, null);
        Rows.await(database, "select count(*) from click_events where id = '" + clickId + "'", 1);
        return clickId;
    }

    private static void conversionRule(Org org, int points, Integer dailyCap) {
        Map<String, Object> rule = new HashMap<>(Map.of("action", "conversion", "points", points));
        rule.put("dailyCap", dailyCap);
        Api.as(org.admin().token()).body(List.of(rule)).put("/api/v1/scoring-rules").then().statusCode(200)
                .body("find { it.action == 'conversion' }.points", equalTo(points));
    }

    /** The organization's conversion awards, oldest first, as {@code column}. */
    private List<String> ledger(Org org, String column) {
        return Rows.of(database, "select " + column + " from points_ledger where organization_id = '" + org.id()
                + "' and action = 'conversion'" + (column.startsWith("count") ? "" : " order by id"));
    }
}
