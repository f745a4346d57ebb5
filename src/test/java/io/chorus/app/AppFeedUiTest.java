package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The app's feed and sharing, as an employee uses them on a phone: what the API's feed holds, filtered and loaded by
 * page, one button per network that records the share (the same points as the API) and hands over the network's dialog
 * with the tracked link — with and without JavaScript.
 */
@QuarkusTest
class AppFeedUiTest extends AppBrowserTest {

    @Test
    void theFeedShowsWhatTheApiAnswersFilteredAndByPage() {
        Org org = Organizations.create();
        String curator = org.member("curator").token();
        Person ambassador = org.member("ambassador");
        String other = org.group("Elsewhere", "team");
        Map<String, Object> launch = Contents.body("Atlas launch", List.of(), "product", "launch");
        launch.put("imageUrl", "https://cdn.example.com/atlas.png");
        launch.put("suggestedMessages", Map.of("linkedin", "Have a look at Atlas!", "x", "Atlas is out"));
        String atlasId = Contents.published(curator, launch);
        for (int i = 1; i <= 21; i++) {
            Contents.published(curator, Contents.body("News " + i, List.of(), "news"));
        }
        Map<String, Object> french = Contents.body("Nouvelles de Lyon", List.of(), "news");
        french.put("language", "fr");
        Contents.published(curator, french);
        Contents.published(curator, Contents.body("Not for me", List.of(other), "news"));

        signIn(org, ambassador);
        assertThat(page).hasURL(Pattern.compile("/app$"));
        Locator items = page.getByTestId("feed-item");
        assertThat(items).hasCount(20);
        List<String> titles = items.locator("h2").allTextContents().stream().map(String::strip).toList();
        List<String> api = Api.as(ambassador.token()).get("/api/v1/feed?limit=20").then().statusCode(200).extract()
                .jsonPath().getList("items.title");
        assertThat(titles).as("the API's first page, newest first").isEqualTo(api);
        assertThat(titles).doesNotContain("Not for me");
        assertFitsAPhone();
        screenshot("feed");

        // With JavaScript, "load more" appends the next page in place.
        page.getByTestId("load-more").click();
        assertThat(items).hasCount(23);
        assertThat(page).hasURL(Pattern.compile("/app$"));
        Locator atlas = items.filter(new Locator.FilterOptions().setHasText("Atlas launch"));
        assertThat(atlas.getByTestId("item-host")).hasText("news.example.com");
        assertThat(atlas.locator("img")).hasAttribute("src", "https://cdn.example.com/atlas.png");
        atlas.locator("summary", new Locator.LocatorOptions().setHasText("Suggested message")).click();
        assertThat(atlas.locator(".suggestions")).containsText("Have a look at Atlas!");
        assertThat(atlas.locator(".suggestions")).containsText("Atlas is out");

        page.getByLabel("Topic", new Page.GetByLabelOptions().setExact(true)).selectOption("launch");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(items).hasCount(1);
        assertThat(items.first().locator("h2")).hasText("Atlas launch");
        // An item the curator edits is shown edited at once: nothing rendered before is shown again.
        Api.as(curator).body(Map.of("title", "Atlas has launched")).patch("/api/v1/content/{id}", atlasId).then()
                .statusCode(200);
        page.reload();
        assertThat(items).hasCount(1);
        assertThat(items.first().locator("h2")).hasText("Atlas has launched");
        page.navigate("/app?language=fr");
        assertThat(items).hasCount(1);
        assertThat(items.first()).hasAttribute("lang", "fr");
    }

    @Test
    void withoutJavaScriptAShareIsAFormPostThatEndsOnTheSharePage() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Map<String, Object> body = Contents.body("Plain forms");
        body.put("suggestedMessages", Map.of("linkedin", "Worth a read"));
        String content = Contents.published(org.member("curator").token(), body);
        context.close();
        context = chromium.newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setJavaScriptEnabled(false).setViewportSize(360, 780));
        offline(context);
        page = context.newPage();
        signIn(org, ambassador);

        page.getByTestId("feed-item").first()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("LinkedIn")).click();
        assertThat(page).hasURL(Pattern.compile("/app/shares/[0-9a-f-]{36}$"));
        JsonPath share = Api.as(ambassador.token()).get("/api/v1/me/shares").then().statusCode(200).extract()
                .jsonPath();
        assertThat(share.getList("items")).hasSize(1);
        String shortUrl = share.getString("items[0].shortUrl");
        assertThat(page.getByTestId("short-link")).hasValue(shortUrl);
        assertThat(page.getByTestId("open-network")).hasAttribute("href", share.getString("items[0].intentUrl"));
        assertThat(share.getString("items[0].intentUrl")).startsWith("https://www.linkedin.com/sharing/share-offsite/");
        assertThat(share.getString("items[0].message")).isEqualTo("Worth a read");
        assertThat(share.getString("items[0].contentId")).isEqualTo(content);
        Api.as(ambassador.token()).get("/api/v1/me/score").then().statusCode(200).body("breakdown.share", equalTo(10));
        assertFitsAPhone();
        screenshot("shared");

        // Back in the feed the item says so; sharing again changes nothing (one share per network).
        page.navigate("/app");
        assertThat(page.getByTestId("shared-already")).hasText("✓ You have shared this");
        page.getByTestId("feed-item").first()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("LinkedIn")).click();
        assertThat(page.getByTestId("short-link")).hasValue(shortUrl);
        assertThat(Api.as(ambassador.token()).get("/api/v1/me/shares").then().extract().jsonPath().getList("items"))
                .hasSize(1);
    }

    @Test
    void withJavaScriptTheNetworkOpensAndTheFeedStays() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Contents.published(org.member("curator").token(), Contents.body("In place"));
        signIn(org, ambassador);

        Locator item = page.getByTestId("feed-item").first();
        item.locator("summary", new Locator.LocatorOptions().setHasText("Write your own words")).click();
        item.getByLabel("Your message").fill("My own take on this");
        Page popup = page.waitForPopup(() -> item
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("X").setExact(true)).click());
        assertThat(page).hasURL(Pattern.compile("/app$"));
        assertThat(item.getByTestId("share-done")).isVisible();
        JsonPath share = Api.as(ambassador.token()).get("/api/v1/me/shares").then().extract().jsonPath();
        assertThat(share.getString("items[0].message")).isEqualTo("My own take on this");
        assertThat(share.getString("items[0].network")).isEqualTo("x");
        popup.waitForURL(url -> url.startsWith("https://"));
        assertThat(popup.url()).isEqualTo(share.getString("items[0].intentUrl"));
        assertThat(item.getByTestId("short-link")).hasValue(share.getString("items[0].shortUrl"));
        assertThat(item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"))).isVisible();
        screenshot("shared-in-place");
    }

    @Test
    void anotherOrganizationsContentIsAPageThatDoesNotExistAndSharesNothing() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Contents.published(org.member("curator").token(), Contents.body("Mine"));
        Org stranger = Organizations.create();
        String theirs = Contents.published(stranger.member("curator").token(), Contents.body("Theirs"));
        signIn(org, ambassador);

        // The same form, pointed at the other organization's item.
        page.evaluate("id => document.querySelector('[data-share-form]').action = '/app/content/' + id + '/share'",
                theirs);
        page.evaluate("document.querySelector('[data-share-form]').dataset.plain = '1'");
        page.getByTestId("feed-item").first()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("LinkedIn")).click();
        assertThat(page.locator("h1")).hasText("This page does not exist");
        assertThat(Api.as(ambassador.token()).get("/api/v1/me/shares").then().extract().jsonPath().getList("items"))
                .isEmpty();
        assertThat(page.context().request().get("/app/shares/" + theirs).status()).isEqualTo(404);
    }

    @Test
    void aMessageTooLongForTheNetworkIsRefusedInTheMembersLanguage() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Api.as(ambassador.token()).body(Map.of("language", "fr")).patch("/api/v1/me").then().statusCode(200);
        Contents.published(org.member("curator").token(), Contents.body("Court"));
        signIn(org, ambassador);
        Locator item = page.getByTestId("feed-item").first();
        item.locator("summary", new Locator.LocatorOptions().setHasText("Écrire vos propres mots")).click();
        item.getByLabel("Votre message").fill("x".repeat(300));
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("X").setExact(true)).click();
        assertThat(page.getByTestId("share-refused")).containsText("trop long pour X");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(Api.as(ambassador.token()).get("/api/v1/me/shares").then().extract().jsonPath().getList("items"))
                .isEmpty();
    }

}
