package io.chorus.sharing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShortLinkTest {

    @Inject
    DataSource database;

    @ConfigProperty(name = "chorus.clicks.link-cache-ttl")
    Duration linkCacheTtl;

    @Test
    void theShortLinkRedirectsToTheContentWithUtmParametersAndOutlivesArchiving() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String content = published(curator, "https://news.example.com/story?id=42#comments");
        String code = share(org.member("ambassador"), content, "linkedin");
        Matcher<String> expected = withClickId("https://news.example.com/story?id=42&utm_source=linkedin"
                + "&utm_medium=employee_advocacy&utm_campaign=always-on&utm_content=" + code, "#comments");

        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).header("Location", expected)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer-when-downgrade");
        given().redirects().follow(false).header("User-Agent", "LinkedInBot/1.0").get("/s/{code}", code).then()
                .statusCode(302);

        Api.as(curator.token()).post("/api/v1/content/{id}/archive", content).then().statusCode(200);
        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).header("Location", expected);
    }

    @Test
    void aDestinationWithCharactersBeyondAsciiIsSentPercentEncoded() {
        String code = sharedLink("https://news.example.com/städte/日本?q=ü#teil-ä", "xing").code();

        // A header is bytes: UTF-8 percent-encoded, the way a browser sends the URL it was given.
        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).header("Location",
                withClickId(
                        "https://news.example.com/st%C3%A4dte/%E6%97%A5%E6%9C%AC?q=%C3%BC&utm_source=xing"
                                + "&utm_medium=employee_advocacy&utm_campaign=always-on&utm_content=" + code,
                        "#teil-%C3%A4"));
    }

    @Test
    void aDestinationChangedByAnotherInstanceIsFollowedWithinTheLinkCacheTtl() {
        SharedLink link = sharedLink("https://news.example.com/first", "linkedin");
        String content = link.content();
        String code = link.code();
        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).header("Location",
                startsWith("https://news.example.com/first?"));

        // Another instance's edit: this one hears nothing of it, its remembered link is read again within the TTL.
        Rows.of(database,
                "update content set url = 'https://news.example.com/second' where id = '" + content + "' returning id");
        long deadline = System.nanoTime() + linkCacheTtl.plusSeconds(10).toNanos();
        String location;
        do {
            location = given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).extract()
                    .header("Location");
        } while (!location.startsWith("https://news.example.com/second?") && System.nanoTime() < deadline);
        assertThat(location).matches(clickIdPattern("https://news.example.com/second?utm_source=linkedin"
                + "&utm_medium=employee_advocacy&utm_campaign=always-on&utm_content=" + code, ""));
    }

    @Test
    void eachRedirectCarriesTheIdOfItsOwnClickUnlessTheOrganizationTurnsClickIdsOff() {
        Org org = Organizations.create();
        String content = published(org.member("curator"), "https://news.example.com/ids");
        String code = share(org.member("ambassador"), content, "x");
        String tagged = "https://news.example.com/ids?utm_source=x&utm_medium=employee_advocacy"
                + "&utm_campaign=always-on&utm_content=" + code;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String location = given().redirects().follow(false).header("User-Agent", "LinkedInBot/1.0")
                    .get("/s/{code}", code).then().statusCode(302).extract().header("Location");
            assertThat(location).matches(clickIdPattern(tagged, ""));
            ids.add(location.substring(location.indexOf("chorus_click=") + "chorus_click=".length()));
        }
        assertThat(ids).doesNotHaveDuplicates();
        // The id is the click's own: the site reports it, and Chorus finds the click by it.
        Rows.await(database, "select count(*) from click_events where id in ('" + String.join("','", ids) + "')", 3);

        Api.as(org.admin().token()).body(Map.of("clickIds", false, "attributionWindowDays", 30))
                .put("/api/v1/settings/conversions").then().statusCode(200).body("clickIds", equalTo(false));
        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).header("Location",
                equalTo(tagged));
        Api.as(org.admin().token()).body(Map.of("clickIds", true, "attributionWindowDays", 30))
                .put("/api/v1/settings/conversions").then().statusCode(200);
        given().redirects().follow(false).get("/s/{code}", code).then().statusCode(302).header("Location",
                withClickId(tagged, ""));
    }

    /** The Location of a redirect: {@code tagged} and its click's id, then the fragment. */
    private static Matcher<String> withClickId(String tagged, String fragment) {
        return matchesPattern(clickIdPattern(tagged, fragment));
    }

    private static String clickIdPattern(String tagged, String fragment) {
        return Pattern.quote(tagged + "&chorus_click=")
                + "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}" + Pattern.quote(fragment);
    }

    @Test
    void anUnknownCodeIsA404Page() {
        given().redirects().follow(false).get("/s/{code}", "nosuchcode").then().statusCode(404).contentType("text/html")
                .body(containsString("does not exist"));
        given().redirects().follow(false).get("/s/{code}", "x".repeat(300)).then().statusCode(404);
    }

    private record SharedLink(String content, String code) {
    }

    /** Content at this URL, published in a new organization and shared by an ambassador on the network. */
    private static SharedLink sharedLink(String url, String network) {
        Org org = Organizations.create();
        String content = published(org.member("curator"), url);
        return new SharedLink(content, share(org.member("ambassador"), content, network));
    }

    private static String published(Person curator, String url) {
        Map<String, Object> body = Contents.body("Tracked");
        body.put("url", url);
        return Contents.published(curator.token(), body);
    }

    private static String share(Person ambassador, String content, String network) {
        return Api.as(ambassador.token()).body(Map.of("network", network)).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(201).extract().path("code");
    }
}
