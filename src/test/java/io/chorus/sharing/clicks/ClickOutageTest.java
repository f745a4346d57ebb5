package io.chorus.sharing.clicks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.chorus.sharing.clicks.ClickCountingTest.Share;
import io.chorus.support.StoppableDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Nothing accepted is lost: PostgreSQL stops for 10 seconds while people follow a short link. Every redirect is
 * answered, and once the database is back every click is recorded, exactly once.
 */
@QuarkusTest
@TestProfile(ClickOutageTest.OwnDatabase.class)
class ClickOutageTest {

    public static class OwnDatabase extends StoppableDatabase.OwnDatabase {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Fail fast while the database is away rather than wait the default 5 s for a connection, and give up
            // on a batch sent as the database went away after 2 s rather than the default 10.
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "1S", "chorus.clicks.write-timeout", "2S");
        }
    }

    /** Filled by {@link StoppableDatabase}: "stop" and "start". */
    Map<String, Runnable> database;

    @TestHTTPResource("/s/")
    URI shortLinks;

    @Test
    void clicksDuringADatabaseOutageAreAllRecordedAfterwards() throws Exception {
        Share share = ClickCountingTest.share("198.18.9.1", ClickCountingTest.SAFARI_MAC);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicLong answered = new AtomicLong();
        Map<Integer, Long> unexpected = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong bufferedDuringOutage = new AtomicLong();
        Runnable visitor = () -> {
            int n = 0;
            while (running.get()) {
                n++;
                HttpRequest request = HttpRequest.newBuilder(shortLinks.resolve(share.code()))
                        .header("User-Agent", ClickCountingTest.CHROME)
                        .header("X-Forwarded-For", "198.18.10." + (n % 200 + 1)).build();
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 302) {
                        answered.incrementAndGet();
                    } else {
                        unexpected.merge(status, 1L, Long::sum);
                    }
                } catch (Exception e) {
                    unexpected.merge(-1, 1L, Long::sum);
                }
            }
        };
        ClickCountingTest.follow(share, "198.18.9.2", ClickCountingTest.CHROME, null); // known before the outage
        Thread[] visitors = { new Thread(visitor), new Thread(visitor) };
        for (Thread thread : visitors) {
            thread.start();
        }
        try {
            waitFor(() -> answered.get() > 50);
            database.get("stop").run();
            long outageEnds = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < outageEnds) {
                bufferedDuringOutage.accumulateAndGet(buffered(), Math::max);
                Thread.sleep(200);
            }
            database.get("start").run();
            long answeredBeforeRestartSettles = answered.get();
            waitFor(() -> answered.get() > answeredBeforeRestartSettles + 50);
        } finally {
            running.set(false);
            for (Thread thread : visitors) {
                thread.join();
            }
        }

        assertThat(unexpected).as("answers other than 302 (-1: no answer)").isEmpty();
        assertThat(bufferedDuringOutage.get()).as("clicks waiting while the database was away").isPositive();
        ClickCountingTest.countedOnce(share, answered.get() + 1);
    }

    private static long buffered() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("chorus_clicks_buffered "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst()
                .orElseThrow();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
