package io.chorus.analytics;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.chorus.support.Api;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations.Person;

/** Shares and clicks made the way people make them: the share API and the public short-link redirect. */
public final class Traffic {

    public static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    public static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    public static final String LINKEDIN_BOT = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private Traffic() {
    }

    public record Share(String id, String code) {
    }

    /** A share by the ambassador from a browser of their own (so that their own clicks from it are theirs). */
    public static Share share(Person ambassador, String contentId, String network) {
        JsonTree share = JsonTree.of(Api.as(ambassador.token()).header("X-Forwarded-For", address(ambassador))
                .header("User-Agent", FIREFOX).body(Map.of("network", network))
                .post("/api/v1/content/{id}/shares", contentId).then().statusCode(201).extract());
        return new Share(share.getString("id"), share.getString("code"));
    }

    /** A new visitor: an address no one else uses. */
    public static String visitor() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n / 62_500) % 250 + "." + (n / 250) % 250 + "." + (1 + n % 250);
    }

    /** The ambassador's own browser address (the one their shares are made from). */
    public static String address(Person ambassador) {
        int hash = Math.abs(ambassador.id().hashCode());
        return "172.16." + hash % 250 + "." + (1 + (hash / 250) % 250);
    }

    public static void click(Share share, String address, String userAgent) {
        given().redirects().follow(false).header("X-Forwarded-For", address).header("User-Agent", userAgent)
                .get("/s/{code}", share.code()).then().statusCode(302);
    }

    /** Polls (20 s deadline) until the answer satisfies {@code done}; fails with the last answer otherwise. */
    public static JsonTree await(String token, String path, Predicate<JsonTree> done) {
        JsonTree[] answer = new JsonTree[1];
        until(() -> "GET " + path + " answers " + answer[0].prettify(), () -> {
            answer[0] = JsonTree.of(Api.as(token).get(path).then().statusCode(200).extract());
            return done.test(answer[0]);
        });
        return answer[0];
    }

    /** Polls {@code done} until it holds, for at most 20 s. */
    public static void until(Supplier<String> state, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            if (done.getAsBoolean()) {
                return;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not rolled up after 20 s: " + state.get());
    }

    /** Until the overview of the default range counts these shares and clicks. */
    public static JsonTree awaitOverview(String token, String query, long shares, long clicks) {
        return await(token, "/api/v1/analytics/overview" + query,
                o -> o.getLong("shares") >= shares && o.getLong("clicks") >= clicks);
    }

    /**
     * Spreads an organization's shares over the past 100 days, by moving their raw rows back in time from when they
     * were made (on the service's clock): a share and its clicks move back together (clicks a few hours after the
     * share, so some land on the next day). The aggregates count them on those days once rebuilt, e.g. after a
     * time-zone change.
     */
    public static void spreadOverPastDays(DataSource database, String organization) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement shares = connection.prepareStatement("""
                        with moved as (
                          select s.id, (2 + abs(hashtext(s.id::text)) % 98) * interval '1 day'
                                       + (abs(hashtext(s.id::text || 'h')) % 24) * interval '1 hour' as back
                          from shares s where s.organization_id = ?::uuid)
                        update shares s set created_at = s.created_at - m.back from moved m where m.id = s.id""");
                PreparedStatement clicks = connection.prepareStatement("""
                        update click_events c
                        set at = s.created_at + (abs(hashtext(c.id::text)) % 30) * interval '1 hour'
                        from shares s where s.id = c.share_id and s.organization_id = ?::uuid""")) {
            shares.setString(1, organization);
            shares.executeUpdate();
            clicks.setString(1, organization);
            clicks.executeUpdate();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
