package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.analytics.Traffic;
import io.chorus.analytics.Traffic.Share;
import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.Contents;
import io.chorus.support.Conversions;
import io.chorus.support.JsonTree;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** My activity: my score as the API counts it, my badges, and my shares with the people their links brought. */
@QuarkusTest
class ActivityUiTest extends AppBrowserTest {

    private static final List<String> NETWORKS = List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email");
    private static final Map<String, String> BADGES = Map.of("first_share", "First share", "shares_10", "10 shares",
            "first_click", "First click", "streak_4_weeks", "Four weeks in a row");

    @Test
    void myActivityShowsMyScoreBadgesAndSharesWithHumanClicksOnly() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person me = org.member("ambassador");
        Person leader = org.member("ambassador");
        String alpha = Contents.published(curator.token(), Contents.body("Alpha news"));
        List<String> others = List.of(Contents.published(curator.token(), Contents.body("Beta news")),
                Contents.published(curator.token(), Contents.body("Gamma news")),
                Contents.published(curator.token(), Contents.body("Delta news")));

        // 21 shares: the first (oldest) lands on the second page; the last (newest) heads the first. In one day, so
        // beyond the default daily limit.
        Api.as(org.admin().token()).body(Map.of("dailyShareLimit", 21)).put("/api/v1/settings/sharing").then()
                .statusCode(200);
        Share oldest = Traffic.share(me, alpha, "linkedin");
        for (String content : others) {
            NETWORKS.forEach(network -> Traffic.share(me, content, network));
        }
        Traffic.share(me, alpha, "x");
        Share newest = Traffic.share(me, alpha, "facebook");
        // The oldest: one visitor twice, another once (3 clicks, 2 people); a robot and my own click do not count.
        String twice = Traffic.visitor();
        Traffic.click(oldest, twice, Traffic.CHROME);
        Traffic.click(oldest, twice, Traffic.CHROME);
        Traffic.click(oldest, Traffic.visitor(), Traffic.FIREFOX);
        Traffic.click(oldest, Traffic.visitor(), Traffic.LINKEDIN_BOT);
        Traffic.click(oldest, Traffic.address(me), Traffic.FIREFOX);
        Traffic.click(newest, Traffic.visitor(), Traffic.CHROME);
        adjust(org, me, 7);
        adjust(org, leader, 100);

        Traffic.await(me.token(), "/api/v1/shares/" + oldest.id(), s -> s.getLong("clicks") == 3
                && s.getLong("uniqueVisitors") == 2 && s.getLong("robotHits") == 1 && s.getLong("selfClicks") == 1);
        Traffic.await(me.token(), "/api/v1/shares/" + newest.id(), s -> s.getLong("clicks") == 1);
        // 5 shares' worth (the daily cap is 50), 2 points for each person per share, 7 by hand.
        JsonTree score = Traffic.await(me.token(), "/api/v1/me/score", s -> s.getLong("points") == 50 + 3 * 2 + 7);
        Traffic.await(me.token(), "/api/v1/leaderboards?period=month",
                b -> b.getLong("me.rank") == 2 && b.getLong("me.points") == 63);
        List<String> badges = score.getList("badges.id", String.class);
        assertThat(badges).contains("first_share", "shares_10", "first_click");
        assertThat(Api.as(me.token()).get("/api/v1/me/shares").then().statusCode(200).extract().jsonPath()
                .getMap("items[0]")).as("the API's answer is as it was: no clicks").doesNotContainKey("clicks")
                        .containsEntry("id", newest.id());

        signIn(org, me);
        page.locator("nav.app-nav").getByText("My activity").click();
        assertThat(page.locator("h1")).hasText("My activity");
        assertThat(page.locator("nav.app-nav a[aria-current=page]")).hasText("My activity");
        assertThat(page.getByTestId("my-points")).hasText("63");
        assertThat(page.getByTestId("month-rank")).hasText("2");
        assertThat(page.getByTestId("month-points")).hasText("Points this month: 63");
        assertThat(page.getByTestId("level").locator("h2")).hasText("Level 1");
        assertThat(page.getByTestId("level-next")).hasText("Points still to earn for level 2: 37");
        assertThat(page.getByTestId("level").locator("progress")).hasAttribute("value", "63");
        assertThat(page.getByTestId("from-share")).hasText("50");
        assertThat(page.getByTestId("from-click")).hasText("6");
        assertThat(page.getByTestId("from-submission")).hasText("0");
        assertThat(page.getByTestId("from-campaign")).hasText("0");
        assertThat(page.getByTestId("from-adjustment")).hasText("7");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < badges.size(); i++) {
            names.add(BADGES.getOrDefault(badges.get(i), badges.get(i)));
        }
        assertThat(page.getByTestId("badge-name")).hasText(names.toArray(String[]::new));
        String earned = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH)
                .format(LocalDate.ofInstant(Instant.parse(score.getString("badges[0].awardedAt")), ZoneOffset.UTC));
        assertThat(page.getByTestId("badge").first()).containsText("Earned on " + earned);

        Locator shares = page.getByTestId("my-share");
        assertThat(shares).hasCount(20);
        assertThat(shares.first().getByTestId("share-title")).hasText("Alpha news");
        assertThat(shares.first().getByTestId("share-network")).hasText("Facebook");
        assertThat(shares.first().getByTestId("share-clicks")).hasText("1");
        assertThat(shares.first().getByTestId("share-visitors")).hasText("1");
        assertThat(shares.nth(1).getByTestId("share-network")).hasText("X");
        assertThat(shares.nth(2).getByTestId("share-title")).hasText("Delta news");
        assertThat(shares.nth(2).getByTestId("share-clicks")).hasText("0");
        assertThat(shares.first().locator("time")).containsText("UTC");
        assertFitsAPhone();
        screenshot("activity");

        page.getByTestId("load-more").click();
        assertThat(page).hasURL(Pattern.compile("/app/me\\?cursor=[^&#]+#shares$"));
        assertThat(shares).hasCount(1);
        assertThat(shares.first().getByTestId("share-title")).hasText("Alpha news");
        assertThat(shares.first().getByTestId("share-network")).hasText("LinkedIn");
        // People only: neither the robot nor my own click.
        assertThat(shares.first().getByTestId("share-clicks")).hasText("3");
        assertThat(shares.first().getByTestId("share-visitors")).hasText("2");
        assertThat(page.getByTestId("load-more")).hasCount(0);
        assertFitsAPhone();
        page.getByTestId("latest-shares").click();
        assertThat(shares).hasCount(20);

        page.navigate("/app/me?cursor=not-ours");
        assertThat(page).hasURL(Pattern.compile("/app/me$"));
        assertThat(shares).hasCount(20);
    }

    @Test
    void aFrenchSpeakingMemberReadsTheirActivityInFrench() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person me = org.member("ambassador");
        Api.as(me.token()).body(Map.of("language", "fr", "leaderboardVisible", false)).patch("/api/v1/me").then()
                .statusCode(200);
        String content = Contents.published(curator.token(), Contents.body("Nouvelles"));
        Traffic.share(me, content, "linkedin");
        adjust(org, me, 1_224);
        JsonTree score = Traffic.await(me.token(), "/api/v1/me/score", s -> s.getLong("points") == 1_234);
        Traffic.await(me.token(), "/api/v1/leaderboards?period=month", b -> b.getLong("me.points") == 1_234);

        signIn(org, me);
        page.navigate("/app/me");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("h1")).hasText("Mon activité");
        assertThat(page.locator("nav.app-nav a[aria-current=page]")).hasText("Mon activité");
        assertThat(page.getByTestId("my-points")).hasText(Pattern.compile("^1\\s234$"));
        assertThat(page.getByTestId("month-rank")).hasText("1");
        assertThat(page.getByTestId("hidden-note"))
                .hasText("Vous n'apparaissez pas dans les classements\u00a0: vous seul voyez votre rang.");
        assertThat(page.getByTestId("level").locator("h2")).hasText("Niveau 5");
        assertThat(page.getByTestId("level-next"))
                .hasText(Pattern.compile("^Points à gagner pour le niveau 6\\s: 1\\s266$"));
        String earned = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.FRENCH)
                .format(LocalDate.ofInstant(Instant.parse(score.getString("badges[0].awardedAt")), ZoneOffset.UTC));
        assertThat(page.getByTestId("badge").first()).hasText("Premier partage Obtenu le " + earned);
        assertThat(page.getByTestId("from-adjustment")).hasText(Pattern.compile("^1\\s224$"));
        assertThat(page.getByTestId("my-share").getByTestId("share-title")).hasText("Nouvelles");
        assertThat(page.locator("#shares-heading")).hasText("Mes partages");
        assertThat(page.getByTestId("my-share").locator("dt"))
                .hasText(new String[] { "Clics", "Visiteurs uniques", "Conversions" });
        assertFitsAPhone();
        screenshot("activity-fr");

        page.getByTestId("language-switch").click();
        assertThat(page).hasURL(Pattern.compile("/app/me$"));
        assertThat(page.locator("h1")).hasText("My activity");
        assertThat(page.getByRole(AriaRole.HEADING,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Where my points come from"))).isVisible();
    }

    @Test
    void myConversionsShowPerShareAndInTotalAsTheApiCountsThem() {
        Org org = Organizations.create();
        Person me = org.member("ambassador");
        String content = Contents.published(org.member("curator").token(), Contents.body("Shop launch"));
        Share converting = Traffic.share(me, content, "linkedin");
        Traffic.share(me, content, "x");
        Api.as(org.admin().token()).body(List.of(Map.of("action", "conversion", "points", 4)))
                .put("/api/v1/scoring-rules").then().statusCode(200);
        String key = Conversions.key(org);
        String clickId = Conversions.click(converting.code(), Clicks.CHROME, null);
        for (Map<String, Object> conversion : List.of(
                Map.<String, Object> of("type", "purchase", "value", 49.9, "currency", "EUR"),
                Map.<String, Object> of("type", "purchase", "value", 5, "currency", "USD"),
                Map.<String, Object> of("type", "signup"))) {
            Map<String, Object> report = new java.util.HashMap<>(conversion);
            report.put("clickId", clickId);
            Conversions.report(key, report, null).then().statusCode(202);
        }
        JsonTree share = Traffic.await(me.token(), "/api/v1/shares/" + converting.id(),
                s -> s.getLong("conversions") == 3);
        assertThat(share.getDouble("conversionValue.EUR")).isEqualTo(49.9);
        JsonTree score = Traffic.await(me.token(), "/api/v1/me/score", s -> s.getLong("breakdown.conversion") == 12);
        assertThat(score.getLong("conversions")).isEqualTo(3);

        signIn(org, me);
        page.navigate("/app/me");
        assertThat(page.getByTestId("my-conversions")).hasText("3");
        assertThat(page.getByTestId("my-conversion-value")).hasText("€49.90 · $5.00");
        assertThat(page.getByTestId("from-conversion")).hasText("12");
        Locator shares = page.getByTestId("my-share");
        assertThat(shares).hasCount(2);
        // Newest first: the quiet share brought nothing, the other the three conversions of its click.
        assertThat(shares.first().getByTestId("share-network")).hasText("X");
        assertThat(shares.first().getByTestId("share-conversions")).hasText("0");
        assertThat(shares.first().getByTestId("share-conversion-value")).hasCount(0);
        assertThat(shares.nth(1).getByTestId("share-network")).hasText("LinkedIn");
        assertThat(shares.nth(1).getByTestId("share-conversions")).hasText("3");
        assertThat(shares.nth(1).getByTestId("share-conversion-value")).hasText("€49.90 · $5.00");
        assertFitsAPhone();
    }

    static void adjust(Org org, Person member, int points) {
        Api.as(org.admin().token()).body(Map.of("points", points, "reason", "Test"))
                .post("/api/v1/members/{id}/adjustments", member.id()).then().statusCode(201);
    }
}
