package io.chorus.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Two click writers commit out of order: the batch with the later ids commits first and is rolled up while the other is
 * still open. Both are counted, once: the rollup follows committed batches, not a watermark on ids. The batches are
 * written as the click writer writes them (the rows, then the note, in one transaction), on connections held open.
 */
@QuarkusTest
class RollupOrderTest {

    @Inject
    DataSource database;

    @Test
    void aBatchThatCommitsAfterALaterOneIsCountedOnce() throws SQLException {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Racing writers"));
        Traffic.Share share = Traffic.share(ambassador, content, "linkedin");
        Traffic.awaitOverview(analyst.token(), "", 1, 0);

        // Ids from the machine's clock, as the redirect makes them; the moment on the service's clock.
        long ids = System.currentTimeMillis();
        long now = Time.millis();
        UUID earlier = clickId(ids);
        UUID later = clickId(ids + 1);
        UUID visitor = UUID.randomUUID();
        try (Connection first = database.getConnection();
                Connection second = database.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            write(first, earlier, org.id(), share.id(), now, visitor);
            write(second, later, org.id(), share.id(), now + 1, visitor);
            second.commit();

            Traffic.await(analyst.token(), "/api/v1/analytics/overview", o -> o.getLong("clicks") == 1);
            first.commit();
        }

        Traffic.await(analyst.token(), "/api/v1/analytics/overview", o -> o.getLong("clicks") >= 2);
        String notes = "select count(*) from analytics_click_batches where first_id in ('" + earlier + "', '" + later
                + "')";
        Traffic.until(() -> "batch notes left", () -> Rows.of(database, notes).equals(List.of("0")));
        JsonPath overview = Api.as(analyst.token()).get("/api/v1/analytics/overview").then().statusCode(200).extract()
                .jsonPath();
        assertThat(overview.getLong("clicks")).isEqualTo(2);
        assertThat(overview.getLong("uniqueVisitors")).as("one visitor of one share on one day").isEqualTo(1);
    }

    /**
     * Two lanes write the same moments, so their batches' id ranges overlap, and a third batch was held back an hour
     * (an outage): a pass reads the overlapping pair with one range scan and the held-back batch with its own, and
     * every click is counted once.
     */
    @Test
    void overlappingBatchesAreReadTogetherAndAHeldBackOneAlone() throws SQLException {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        String content = Contents.published(org.member("curator").token(), Contents.body("Lanes"));
        Traffic.Share share = Traffic.share(org.member("ambassador"), content, "linkedin");
        Traffic.awaitOverview(analyst.token(), "", 1, 0);

        // Ids from the machine's clock, as the redirect makes them; each click's moment is its id's, on the service's
        // clock.
        long ids = System.currentTimeMillis();
        long shift = Time.millis() - ids;
        long hourAgo = ids - 3_600_000;
        List<UUID> laneA = List.of(clickId(ids), clickId(ids + 2), clickId(ids + 4));
        List<UUID> laneB = List.of(clickId(ids + 1), clickId(ids + 3));
        List<UUID> heldBack = List.of(clickId(hourAgo), clickId(hourAgo + 1));
        try (Connection rollup = database.getConnection()) {
            Jdbc.row(rollup, "select pg_advisory_lock(?)", AnalyticsRollup.LOCK);
            try {
                for (List<UUID> batch : List.of(laneA, laneB, heldBack)) {
                    try (Connection writer = database.getConnection()) {
                        writer.setAutoCommit(false);
                        for (UUID id : batch) {
                            insert(writer, id, org.id(), share.id(), (id.getMostSignificantBits() >>> 16) + shift,
                                    UUID.randomUUID());
                        }
                        ClickBatchLog.note(writer, batch, id -> id);
                        writer.commit();
                    }
                }
                rollup.setAutoCommit(false);
                List<ClickBatchLog.Span> spans = ClickBatchLog.take(rollup, 100).stream()
                        .filter(s -> List.of(laneA.get(0), laneB.get(0), heldBack.get(0)).contains(s.first())).toList();
                rollup.rollback(); // the notes stay for the rollup's own pass
                rollup.setAutoCommit(true);
                assertThat(spans).extracting(ClickBatchLog.Span::first, ClickBatchLog.Span::last)
                        .containsExactly(tuple(heldBack.get(0), heldBack.get(1)), tuple(laneA.get(0), laneA.get(2)));
                assertThat(spans.get(0).batches()).hasSize(1);
                assertThat(spans.get(1).batches()).as("both lanes in one span").hasSize(2);
            } finally {
                Jdbc.row(rollup, "select pg_advisory_unlock(?)", AnalyticsRollup.LOCK);
            }
        }

        Traffic.await(analyst.token(), "/api/v1/analytics/overview", o -> o.getLong("clicks") >= 7);
        JsonPath overview = Api.as(analyst.token()).get("/api/v1/analytics/overview").then().statusCode(200).extract()
                .jsonPath();
        assertThat(overview.getLong("clicks")).as("each click once").isEqualTo(7);
        assertThat(overview.getLong("uniqueVisitors")).isEqualTo(7);
    }

    /** A human click row and the writer's note of its batch, in the connection's open transaction. */
    private static void write(Connection connection, UUID id, String organization, String shareId, long millis,
            UUID visitor) throws SQLException {
        insert(connection, id, organization, shareId, millis, visitor);
        ClickBatchLog.note(connection, List.of(id), i -> i);
    }

    /** A human click row. */
    private static void insert(Connection connection, UUID id, String organization, String shareId, long millis,
            UUID visitor) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into click_events (id, organization_id, share_id, at, visitor_id, robot, self, referrer_host,
                                          agent_family)
                values (?, ?::uuid, ?::uuid, ?, ?, false, false, null, 'Chrome')""")) {
            insert.setObject(1, id);
            insert.setString(2, organization);
            insert.setString(3, shareId);
            insert.setTimestamp(4, Timestamp.from(Instant.ofEpochMilli(millis)));
            insert.setObject(5, visitor);
            insert.executeUpdate();
        }
    }

    /** A click id as the redirect makes them: the machine's time first (UUID version 7). */
    private static UUID clickId(long millis) {
        return new UUID((millis << 16) | 0x7000L, 0x8000000000000000L | (long) (Math.random() * 1e15));
    }

    /** A rebuild (a new time zone) remembers today's visitors: one who comes back is not counted twice. */
    @Test
    void aVisitorCountedBeforeARebuildIsNotCountedAgainAfterIt() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        String item = Contents.published(org.member("curator").token(), Contents.body("Twice"));
        Traffic.Share shared = Traffic.share(org.member("ambassador"), item, "linkedin");
        String who = Traffic.visitor();
        Traffic.click(shared, who, Traffic.CHROME);
        Traffic.awaitOverview(analyst.token(), "", 1, 1);
        Api.as(org.admin().token()).body(Map.of("timeZone", "Europe/London", "levelThresholds", List.of(0, 10)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Traffic.await(analyst.token(), "/api/v1/analytics/overview",
                o -> "Europe/London".equals(o.getString("timeZone")));
        Traffic.click(shared, who, Traffic.CHROME);
        JsonTree overview = Traffic.awaitOverview(analyst.token(), "", 1, 2);
        assertThat(overview.getLong("clicks")).isEqualTo(2);
        assertThat(overview.getLong("uniqueVisitors")).as("one visitor, one share, one day").isEqualTo(1);
    }
}
