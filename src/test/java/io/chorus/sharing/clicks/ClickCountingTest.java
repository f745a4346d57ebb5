package io.chorus.sharing.clicks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ClickCountingTest {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String LINKEDIN_APP = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1";
    static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    @Inject
    DataSource database;
    @Inject
    VisitorIds visitorIds;

    record Share(String id, String code, Person sharer, Org org) {
    }

    @Test
    void humansCountRobotsAndTheSharerAreKeptApart() {
        Share share = share("198.18.0.1", SAFARI_MAC);
        Instant before = Time.now();
        // People: one visitor twice, two more visitors (one in LinkedIn's in-app browser).
        follow(share, "198.18.1.1", CHROME, "https://www.linkedin.com/feed/");
        follow(share, "198.18.1.1", CHROME, null);
        follow(share, "198.18.1.2", FIREFOX, "https://t.co/abc");
        follow(share, "198.18.1.3", LINKEDIN_APP, null);
        // Robots: link-preview fetchers, an HTTP library, no user agent, a HEAD request.
        follow(share, "198.18.2.1",
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", null);
        follow(share, "198.18.2.2", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", null);
        follow(share, "198.18.2.3", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", null);
        follow(share, "198.18.2.4", "curl/8.5.0", null);
        follow(share, "198.18.2.5", "", null);
        given().redirects().follow(false).header("X-Forwarded-For", "198.18.1.1").header("User-Agent", CHROME)
                .head("/s/{code}", share.code()).then().statusCode(302);
        // The sharer: from the browser they shared from, and from elsewhere with their session.
        follow(share, "198.18.0.1", SAFARI_MAC, null);
        given().redirects().follow(false).auth().oauth2(share.sharer().token()).header("X-Forwarded-For", "198.18.3.1")
                .header("User-Agent", FIREFOX).get("/s/{code}", share.code()).then().statusCode(302);

        JsonPath counted = countedOnce(share, 12);
        Instant after = Time.now();
        // Every row names its share and organization, and the moment it was followed (written in binary COPY form).
        assertThat(
                rows("select count(*) from click_events where share_id = '" + share.id() + "' and organization_id = '"
                        + share.org().id() + "' and at between '" + before + "' and '" + after + "'"))
                                .containsExactly("12");
        assertThat(counted.getLong("clicks")).isEqualTo(4);
        assertThat(counted.getLong("uniqueVisitors")).isEqualTo(3);
        assertThat(counted.getLong("robotHits")).isEqualTo(6);
        assertThat(counted.getLong("selfClicks")).isEqualTo(2);
        assertThat(rows("select referrer_host from click_events where share_id = '" + share.id()
                + "' and referrer_host is not null order by referrer_host")).containsExactly("t.co",
                        "www.linkedin.com");
        assertThat(rows("select distinct agent_family from click_events where share_id = '" + share.id()
                + "' and not robot and not self")).contains("Chrome", "Firefox", "LinkedIn");
    }

    @Test
    void theBrowserThatFollowsAOneClickShareLinkIsTheSharers() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("From the digest"));
        String link = Api.as(ambassador.token()).get("/api/v1/content/{id}/share-links", content).then().statusCode(200)
                .extract().path("whatsapp");
        given().redirects().follow(false).header("X-Forwarded-For", "198.18.6.1").header("User-Agent", FIREFOX)
                .get(link.substring(link.indexOf("/share/"))).then().statusCode(302);
        JsonPath mine = Api.as(ambassador.token()).get("/api/v1/me/shares").then().statusCode(200).extract().jsonPath();
        Share share = new Share(mine.getString("items[0].id"), mine.getString("items[0].code"), ambassador, org);

        follow(share, "198.18.6.1", FIREFOX, null); // the sharer, from the mail client's browser
        follow(share, "198.18.6.2", FIREFOX, null); // a colleague

        JsonPath counted = countedOnce(share, 2);
        assertThat(counted.getLong("selfClicks")).isEqualTo(1);
        assertThat(counted.getLong("clicks")).isEqualTo(1);
    }

    @Test
    void noRawClientAddressIsStoredAnywhere() throws SQLException {
        String address = "203.0.113.197";
        Share share = share(address, CHROME);
        follow(share, address, FIREFOX, null);
        follow(share, "2001:db8::5eed", CHROME, null);
        countedOnce(share, 2);

        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet column = statement.executeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = 'public' and data_type not in ('boolean', 'smallint', 'integer', 'bigint',
                      'date', 'timestamp with time zone', 'numeric', 'double precision')""")) {
                while (column.next()) {
                    columns.add(new String[] { column.getString(1), column.getString(2) });
                }
            }
            for (String[] column : columns) {
                for (String needle : List.of(address, "2001:db8::5eed", "2001:db8:0:0:0:0:0:5eed")) {
                    try (ResultSet hit = statement.executeQuery("select count(*) from \"" + column[0] + "\" where \""
                            + column[1] + "\"::text like '%" + needle + "%'")) {
                        hit.next();
                        if (hit.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        assertThat(found).as("columns holding the raw address").isEmpty();
    }

    @Test
    void aVisitorIdLastsADayAndItsSaltIsForgotten() {
        LocalDate longAgo = LocalDate.of(2020, 2, 29);
        UUID first = visitorIds.of(longAgo, "192.0.2.1", CHROME);
        assertThat(visitorIds.of(longAgo, "192.0.2.1", CHROME)).isEqualTo(first);
        assertThat(visitorIds.of(longAgo.plusDays(1), "192.0.2.1", CHROME)).isNotEqualTo(first);
        assertThat(visitorIds.of(longAgo, "192.0.2.2", CHROME)).isNotEqualTo(first);
        assertThat(visitorIds.of(longAgo, "192.0.2.1", FIREFOX)).isNotEqualTo(first);

        visitorIds.forgetOldSalts(VisitorIds.today());

        assertThat(rows("select day::text from visitor_salts where day < '" + VisitorIds.today().minusDays(1) + "'"))
                .isEmpty();
        assertThat(visitorIds.of(longAgo, "192.0.2.1", CHROME)).as("a new salt: the old id cannot be recomputed")
                .isNotEqualTo(first);
    }

    @Test
    void aNewUrlAppliesToShortLinksAtOnce() {
        Share share = share("198.18.4.1", CHROME);
        follow(share, "198.18.4.2", CHROME, null);
        Person curator = share.org().member("curator");
        String contentId = rows("select content_id::text from shares where id = '" + share.id() + "'").get(0);
        Api.as(curator.token()).body(Map.of("url", "https://elsewhere.example/new"))
                .patch("/api/v1/content/{id}", contentId).then().statusCode(200);
        given().redirects().follow(false).get("/s/{code}", share.code()).then().statusCode(302).header("Location",
                org.hamcrest.Matchers.startsWith("https://elsewhere.example/new?utm_source=linkedin"));
    }

    @Test
    void onlyTheSharerAndThoseWhoMeasureSeeAShare() {
        Share share = share("198.18.5.1", CHROME);
        Person colleague = share.org().member("ambassador");
        Person analyst = share.org().member("analyst");
        Person curator = share.org().member("curator");
        Api.as(colleague.token()).get("/api/v1/shares/{id}", share.id()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(analyst.token()).get("/api/v1/shares/{id}", share.id()).then().statusCode(200);
        Api.as(curator.token()).get("/api/v1/shares/{id}", share.id()).then().statusCode(200);
        Api.as(share.org().admin().token()).get("/api/v1/shares/{id}", share.id()).then().statusCode(200);
        Org other = Organizations.create();
        Api.as(other.admin().token()).get("/api/v1/shares/{id}", share.id()).then().statusCode(404);
        Api.as(share.sharer().token()).get("/api/v1/shares/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theMetricsShowTheClickPipeline() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("chorus_clicks_buffered", "chorus_clicks_flushed_total",
                "chorus_clicks_dropped_total", "chorus_redirects_total");
    }

    /** An ambassador's LinkedIn share of a fresh published item, created from this client. */
    static Share share(String clientAddress, String userAgent) {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String content = Contents.published(curator.token(), Contents.body("Clicked"));
        JsonPath share = Api.as(ambassador.token()).header("X-Forwarded-For", clientAddress)
                .header("User-Agent", userAgent).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().jsonPath();
        return new Share(share.getString("id"), share.getString("code"), ambassador, org);
    }

    static void follow(Share share, String clientAddress, String userAgent, String referrer) {
        RequestSpecification request = given().redirects().follow(false).header("X-Forwarded-For", clientAddress)
                .header("User-Agent", userAgent);
        if (referrer != null) {
            request.header("Referer", referrer);
        }
        request.get("/s/{code}", share.code()).then().statusCode(302);
    }

    /** Polls the share (with a deadline) until all of its hits are recorded, and checks none is recorded twice. */
    static JsonPath countedOnce(Share share, long hits) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonPath counted;
        do {
            counted = Api.as(share.sharer().token()).get("/api/v1/shares/{id}", share.id()).then().statusCode(200)
                    .extract().jsonPath();
            long recorded = counted.getLong("clicks") + counted.getLong("robotHits") + counted.getLong("selfClicks");
            if (recorded >= hits) {
                assertThat(recorded).as("hits recorded").isEqualTo(hits);
                return counted;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("only " + counted.prettify() + " recorded of " + hits + " hits after 15 s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<String> rows(String sql) {
        return Rows.of(database, sql);
    }
}
