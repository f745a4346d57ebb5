package io.chorus.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Inbox;
import io.chorus.support.Inbox.Received;
import io.chorus.support.MailProfile;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Digests, as members receive them: at the organization's send time, what is new in their feed, most relevant first,
 * with share buttons that share in one press; nothing new, nothing sent; their preferences and language respected.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class DigestTest {

    /** A Tuesday, before the suite's start: weekly digests (on Mondays) are not due, daily ones at 09:00 UTC. */
    private static final ZonedDateTime EARLY = ZonedDateTime.of(2028, 5, 16, 6, 0, 0, 0, ZoneOffset.UTC);
    private static final ZonedDateTime SEND_TIME = EARLY.withHour(9).withSecond(5);

    @Inject
    DataSource database;

    @Test
    void aDailyDigestShowsWhatIsNewMostRelevantFirstAndItsButtonsShareInOnePress() {
        try (TestClock clock = TestClock.runFrom(EARLY)) {
            Org org = Organizations.create();
            String team = org.group("Engineering", "department");
            String other = org.group("Sales", "department");
            Person curator = org.member("curator");
            Person reader = org.member(List.of(team), "ambassador");
            Person weekly = org.member(List.of(team), "ambassador");
            Person never = org.member(List.of(team), "ambassador");
            Person colleague = org.member(List.of(team), "ambassador");
            String before = Contents.published(curator.token(), Contents.body("Shared before", List.of(), "energy"));
            Api.as(reader.token()).body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", before)
                    .then().statusCode(201);
            Contents.published(curator.token(), Contents.body("Topic match", List.of(), "energy"));
            Contents.published(curator.token(), Contents.body("For my team", List.of(team)));
            String campaignItem = Contents.published(curator.token(), Contents.body("Campaign piece", List.of()));
            Contents.published(curator.token(), Contents.body("Plain news", List.of()));
            Contents.published(curator.token(), Contents.body("For sales only", List.of(other)));
            Api.as(curator.token())
                    .body(Map.of("name", "Spring push", "startsAt", EARLY.minusHours(1).toInstant().toString(),
                            "endsAt", EARLY.plusDays(2).toInstant().toString(), "contentIds", List.of(campaignItem)))
                    .post("/api/v1/campaigns").then().statusCode(201);
            preferences(reader, Map.of("digest", "daily"));
            preferences(never, Map.of("digest", "never"));
            preferences(colleague, Map.of("digest", "daily"));

            clock.close();
            try (TestClock sendTime = TestClock.runFrom(SEND_TIME)) {
                Received digest = Inbox.awaitLetters(reader.email(), 1).get(0);

                assertThat(digest.subject()).isEqualTo("4 new posts to share from Org " + org.slug());
                assertThat(titles(digest.html())).containsExactly("Campaign piece", "For my team", "Topic match",
                        "Plain news");
                assertThat(digest.text()).contains("== Campaign piece ==").contains("This month: 10 points, rank 1.")
                        .contains("Spring push ends on").contains("You get this digest every day.");
                assertThat(digest.html()).doesNotContain("<script").contains("<table role=\"presentation\"");
                assertThat(digest.html()).contains("Share on LinkedIn").contains("Share on WhatsApp");
                assertThat(digest.header("List-Unsubscribe")).matches("<http://localhost:8080/unsubscribe/.+>");
                assertThat(digest.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

                String link = shareLink(digest.text(), "For my team", "Share on X");
                given().redirects().follow(false).get(link.substring(link.indexOf("/share/"))).then().statusCode(302);
                List<String> shared = Api.as(reader.token()).get("/api/v1/me/shares").then().statusCode(200).extract()
                        .jsonPath().getList("items.network");
                assertThat(shared).containsExactlyInAnyOrder("linkedin", "x");
                // The same item in a colleague's digest: their own links, in the HTML as in the text.
                Received theirs = Inbox.awaitLetters(colleague.email(), 1).get(0);
                String their = shareLink(theirs.text(), "For my team", "Share on X");
                assertThat(their).isNotEqualTo(link);
                assertThat(theirs.html()).contains("href=\"" + their + "\"").doesNotContain(link);
                assertThat(digest.html()).contains("href=\"" + link + "\"");
                given().redirects().follow(false).get(their.substring(their.indexOf("/share/"))).then().statusCode(302);
                assertThat(Api.as(colleague.token()).get("/api/v1/me/shares").then().statusCode(200).extract()
                        .jsonPath().getList("items.network")).containsExactly("x");

                awaitRun(org, SEND_TIME);
                assertThat(Inbox.letters(weekly.email())).as("weekly digests go out on Mondays").isEmpty();
                assertThat(Inbox.letters(never.email())).as("a member who wants none").isEmpty();
            }
            try (TestClock nextDay = TestClock.runFrom(SEND_TIME.plusDays(1))) {
                awaitRun(org, SEND_TIME.plusDays(1));
                assertThat(Inbox.letters(reader.email())).as("nothing new the next day: no digest").hasSize(1);
            }
        }
    }

    @Test
    void aMemberGetsTheDigestInTheirLanguageAndADeactivatedOneGetsNone() {
        try (TestClock clock = TestClock.runFrom(EARLY)) {
            Org org = Organizations.create();
            Person curator = org.member("curator");
            Person french = org.member("ambassador");
            Person leaving = org.member("ambassador");
            Api.as(french.token()).body(Map.of("language", "fr")).patch("/api/v1/me").then().statusCode(200);
            preferences(french, Map.of("digest", "daily"));
            preferences(leaving, Map.of("digest", "daily"));
            Api.as(org.admin().token()).body(Map.of("status", "deactivated"))
                    .patch("/api/v1/members/{id}", leaving.id()).then().statusCode(200);
            // Shown in the member's language: the item's French translation and its message.
            Map<String, Object> news = Contents.body("News");
            news.put("suggestedMessages", Map.of("linkedin", "Read this"));
            news.put("variants",
                    Map.of("fr", Map.of("title", "Nouvelles", "suggestedMessages", Map.of("linkedin", "Lisez ceci"))));
            Contents.published(curator.token(), news);

            clock.close();
            try (TestClock sendTime = TestClock.runFrom(SEND_TIME)) {
                Received digest = Inbox.awaitLetters(french.email(), 1).get(0);
                assertThat(digest.subject()).isEqualTo("1 nouvelle publication à partager de Org " + org.slug());
                assertThat(digest.text()).startsWith("Bonjour Member ").contains("Partager sur LinkedIn")
                        .contains("Ce mois-ci : 0 points").contains("== Nouvelles ==").contains("Lisez ceci")
                        .doesNotContain("News").doesNotContain("Read this");
                assertThat(digest.html()).contains("lang=\"fr\"");
                // The HTML went as it is (7-bit, its accents as character references), and reads as the text does.
                assertThat(digest.htmlTransferEncoding()).isEqualTo("7bit");
                assertThat(Jsoup.parse(digest.html()).text()).contains("Ce mois-ci : 0 points")
                        .contains("Partager sur LinkedIn").contains("Voici les nouveautés de votre fil");
                awaitRun(org, SEND_TIME);
                assertThat(Inbox.letters(leaving.email())).isEmpty();
            }
        }
    }

    @Test
    void theUnsubscribeLinkWorksWithAPlainPostAndNoSignIn() {
        try (TestClock clock = TestClock.runFrom(EARLY)) {
            Org org = Organizations.create();
            Person curator = org.member("curator");
            Person reader = org.member("ambassador");
            preferences(reader, Map.of("digest", "daily"));
            Contents.published(curator.token(), Contents.body("Something to read"));
            clock.close();
            try (TestClock sendTime = TestClock.runFrom(SEND_TIME)) {
                Received digest = Inbox.awaitLetters(reader.email(), 1).get(0);
                String header = digest.header("List-Unsubscribe");
                String path = header.substring(header.indexOf("/unsubscribe/"), header.length() - 1);

                given().get(path).then().statusCode(200).contentType("text/html");
                Api.as(reader.token()).get("/api/v1/me/email-preferences").then().statusCode(200).body("digest",
                        equalTo("daily"));

                given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(path)
                        .then().statusCode(200).contentType("text/html");
                Api.as(reader.token()).get("/api/v1/me/email-preferences").then().statusCode(200)
                        .body("digest", equalTo("never")).body("broadcasts", equalTo(false));

                String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
                given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                        .post(tampered).then().statusCode(404);
            }
        }
    }

    @Test
    void preferencesRefuseWhatIsNotOneAndChangeNothing() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        Api.as(member.token()).get("/api/v1/me/email-preferences").then().statusCode(200)
                .body("digest", equalTo("weekly")).body("broadcasts", equalTo(true));
        Api.as(member.token()).body(Map.of("digest", "hourly")).patch("/api/v1/me/email-preferences").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("digest"));
        Api.as(member.token()).body(Map.of("broadcasts", "yes")).patch("/api/v1/me/email-preferences").then()
                .statusCode(400);
        Api.as(member.token()).body(Map.of("spam", true)).patch("/api/v1/me/email-preferences").then().statusCode(400);
        Api.anonymous().get("/api/v1/me/email-preferences").then().statusCode(401);
        Api.as(member.token()).body(Map.of("broadcasts", false)).patch("/api/v1/me/email-preferences").then()
                .statusCode(200).body("digest", equalTo("weekly")).body("broadcasts", equalTo(false));

        Api.as(member.token()).body(Map.of("digestTime", "07:30", "digestDay", "friday")).put("/api/v1/settings/email")
                .then().statusCode(403);
        Api.as(org.admin().token()).body(Map.of("digestTime", "25:00", "digestDay", "friday"))
                .put("/api/v1/settings/email").then().statusCode(400);
        Api.as(org.admin().token()).body(Map.of("digestTime", "07:30", "digestDay", "friday"))
                .put("/api/v1/settings/email").then().statusCode(200);
        Api.as(member.token()).get("/api/v1/settings/email").then().statusCode(200).body("digestTime", equalTo("07:30"))
                .body("digestDay", equalTo("friday"));
    }

    private static void preferences(Person member, Map<String, Object> body) {
        Api.as(member.token()).body(body).patch("/api/v1/me/email-preferences").then().statusCode(200);
    }

    /** Waits until the organization's digest of that day has run. */
    private void awaitRun(Org org, ZonedDateTime day) {
        String query = "select count(*) from digest_runs where organization_id = '" + org.id() + "' and day = '"
                + day.toLocalDate() + "'";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Rows.of(database, query).get(0).equals("1") && System.nanoTime() < deadline) {
            Inbox.pause();
        }
        assertThat(Rows.of(database, query)).as("the digest run of %s", day.toLocalDate()).containsExactly("1");
    }

    private static List<String> titles(String html) {
        Matcher title = Pattern.compile("<h2[^>]*><a [^>]*>([^<]+)</a></h2>").matcher(html);
        List<String> titles = new ArrayList<>();
        while (title.find()) {
            titles.add(title.group(1));
        }
        return titles;
    }

    /** The link of a button under an item's title in the plain-text part. */
    private static String shareLink(String text, String item, String button) {
        String section = text.substring(text.indexOf("== " + item + " =="));
        Matcher link = Pattern.compile(Pattern.quote(button) + ": (\\S+)").matcher(section);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
