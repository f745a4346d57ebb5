package io.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.StoppableDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The token checks remember who may act, and forget the moment the database says a member changed — whoever changed it:
 * here a statement run straight against the database, as another instance (or an operator at a SQL prompt) would, so
 * that only the database's signal can tell this instance. A database restart loses signals: what was remembered before
 * it is not trusted after it. The database is the test's own, so that it can restart it.
 */
@QuarkusTest
@TestProfile(ActiveMembersTest.OwnDatabase.class)
class ActiveMembersTest {

    public static class OwnDatabase extends StoppableDatabase.OwnDatabase {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "1S", "chorus.signals.retry-delay", "PT3S");
        }
    }

    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    /** Filled by {@link StoppableDatabase}: "stop" and "start". */
    Map<String, Runnable> database;

    @Inject
    DatabaseSignals signals;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aMemberDeactivatedElsewhereIsRefusedWithinASecondAndWelcomedBackAsFast() throws Exception {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        awaitLive();
        Api.as(member.token()).get("/api/v1/me").then().statusCode(200); // now remembered as active

        setStatus(member.id(), "deactivated");
        assertThat(untilStatus(member.token(), 401)).as("refused after the change").isLessThan(AT_ONCE);
        Api.as(member.token()).get("/api/v1/content").then().statusCode(401);

        setStatus(member.id(), "active");
        assertThat(untilStatus(member.token(), 200)).as("welcomed back after the change").isLessThan(AT_ONCE);
    }

    @Test
    void aChangeMadeWhileSignalsCannotBeHeardIsNotAnsweredFromMemory() throws Exception {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        Person other = org.member("ambassador");
        awaitLive();
        Api.as(member.token()).get("/api/v1/me").then().statusCode(200);
        Api.as(other.token()).get("/api/v1/me").then().statusCode(200);

        // The connection that listens is cut; for the next 3 s (the profile's retry delay) nothing is heard.
        sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                + DatabaseSignals.APPLICATION_NAME + "'");
        long deadline = System.nanoTime() + AT_ONCE.toNanos();
        while (signals.live(ActiveMembers.CHANNEL)) {
            assertThat(System.nanoTime() - deadline).as("the cut noticed within a second").isNegative();
            Thread.onSpinWait();
        }
        setStatus(member.id(), "deactivated"); // a signal no one hears
        Api.as(member.token()).get("/api/v1/me").then().statusCode(401);
        Api.as(other.token()).get("/api/v1/me").then().statusCode(200);

        // Heard again, what was remembered before is forgotten, and signals work as before.
        awaitLive();
        Api.as(member.token()).get("/api/v1/me").then().statusCode(401);
        setStatus(other.id(), "deactivated");
        assertThat(untilStatus(other.token(), 401)).isLessThan(AT_ONCE);
    }

    @Test
    void signalsAreHeardAgainAfterTheDatabaseRestarts() throws Exception {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        awaitLive();
        Api.as(member.token()).get("/api/v1/me").then().statusCode(200);

        database.get("stop").run();
        database.get("start").run();
        awaitLive();
        assertThat(untilStatus(member.token(), 200)).isLessThan(Duration.ofSeconds(10));
        setStatus(member.id(), "deactivated");
        assertThat(untilStatus(member.token(), 401)).isLessThan(AT_ONCE);
    }

    @Test
    void aMemberRenamedElsewhereIsShownByTheNewNameOnTheLeaderboardsWithinASecond() throws Exception {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        Api.as(org.admin().token()).body(Map.of("points", 5, "reason", "Spoke at the fair"))
                .post("/api/v1/members/{id}/adjustments", member.id()).then().statusCode(201);
        awaitLive();
        String before = nameOnTheBoard(member);
        assertThat(before).as("listed by name").isNotBlank();
        assertThat(nameOnTheBoard(member)).isEqualTo(before); // now remembered

        sql("update members set name = 'Renamed Elsewhere' where id = '" + member.id() + "'");
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (!"Renamed Elsewhere".equals(nameOnTheBoard(member))) {
            assertThat(System.nanoTime() - deadline).as("the new name shown within 10 s").isNegative();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("shown after the change").isLessThan(AT_ONCE);
    }

    private static String nameOnTheBoard(Person member) {
        List<Map<String, Object>> entries = Api.as(member.token()).get("/api/v1/leaderboards?period=all").then()
                .statusCode(200).extract().jsonPath().getList("entries");
        return entries.stream().filter(e -> member.id().equals(e.get("memberId"))).map(e -> (String) e.get("name"))
                .findFirst().orElseThrow(() -> new AssertionError("not on the leaderboard"));
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            connection.createStatement().execute(statement);
        }
    }

    private void setStatus(String memberId, String status) throws Exception {
        // A connection of the test's own, like another instance's.
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement update = connection.prepareStatement("update members set status = ? where id = ?")) {
            update.setString(1, status);
            update.setObject(2, UUID.fromString(memberId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /**
     * How long after now {@code GET /api/v1/me} answers {@code status}, while it still answers the other one (or a 500
     * of a pooled connection a restart broke, while waiting for a 200); any other answer fails the test.
     */
    private static Duration untilStatus(String token, int status) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - deadline < 0) {
            int answered = Api.as(token).get("/api/v1/me").statusCode();
            if (answered == status) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            assertThat(answered).as("an answer on the way to " + status)
                    .isIn(status == 401 ? List.of(200) : List.of(401, 500));
        }
        throw new AssertionError("GET /api/v1/me did not answer " + status + " within 10 s");
    }

    private void awaitLive() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!signals.live(ActiveMembers.CHANNEL)) {
            assertThat(System.nanoTime() - deadline).as("the members' signal heard within 20 s").isNegative();
            Thread.sleep(10);
        }
    }
}
