package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.LocalWebServer;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Suggesting content from the app, and one's suggestions, in real Chromium on a phone's screen. */
@QuarkusTest
@QuarkusTestResource(value = LocalWebServer.class, restrictToAnnotatedClass = true)
class SubmitUiTest extends AppBrowserTest {

    static final List<String> NETWORKS = List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email");

    @Test
    void aSuggestionWithItsLinkPreviewWaitsForTheCurator() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        signIn(org, ambassador);
        page.getByRole(AriaRole.NAVIGATION).getByText("Suggest").click();
        assertThat(page).hasURL(Pattern.compile("/app/submit$"));
        assertThat(page.locator("h1")).hasText("Suggest content");
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByText("Suggest")).hasAttribute("aria-current", "page");
        assertFitsAPhone();
        screenshot("submit");

        page.getByLabel("Link", new Page.GetByLabelOptions().setExact(true)).fill(LocalWebServer.url("/article"));
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Our wind farm opens");
        page.getByLabel("Suggested message (optional)").fill("Proud of the team behind this one!");
        send("Send for review");

        assertThat(page).hasURL(Pattern.compile("/app/submissions\\?done=suggested$"));
        assertThat(page.locator("h1")).hasText("My suggestions");
        assertThat(page.getByTestId("suggested-notice"))
                .hasText("Thank you! Your suggestion was sent: the comms team will review it.");
        Locator item = page.getByTestId("submission");
        assertThat(item).hasCount(1);
        assertThat(item.locator("h2")).hasText("Our wind farm opens");
        assertThat(item.getByTestId("submission-status")).hasText("Waiting for review");
        assertThat(item).containsText("Suggested ");
        assertFitsAPhone();
        screenshot("submissions");

        JsonPath queue = Api.as(curator.token()).get("/api/v1/moderation/queue").then().statusCode(200).extract()
                .jsonPath();
        assertThat(queue.getList("items.title", String.class)).containsExactly("Our wind farm opens");
        JsonPath pending = queue.setRootPath("items[0]");
        assertThat(pending.getString("url")).isEqualTo(LocalWebServer.url("/article"));
        assertThat(pending.getString("body")).as("the preview's description").isEqualTo("Our largest site yet.");
        assertThat(pending.getString("imageUrl")).as("the preview's image")
                .isEqualTo(LocalWebServer.url("/img/farm.jpg"));
        assertThat(pending.getString("submitter.id")).isEqualTo(ambassador.id());
        assertThat(pending.getString("language")).isEqualTo("en");
        Map<String, String> messages = pending.getMap("suggestedMessages", String.class, String.class);
        assertThat(messages).containsOnlyKeys(NETWORKS)
                .allSatisfy((network, message) -> assertThat(message).isEqualTo("Proud of the team behind this one!"));
        assertThat(Contents.feedIds(ambassador.token(), "")).as("not in the feed before it is approved").isEmpty();
    }

    @Test
    void fieldErrorsSayWhatIsWrongInTheMembersLanguageAndChangeNothing() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        signIn(org, ambassador);
        page.navigate("/app/submit");
        page.getByLabel("Link", new Page.GetByLabelOptions().setExact(true)).fill("not a link");
        page.getByLabel("Suggested message (optional)").fill("x".repeat(300));
        send("Send for review");

        assertThat(page.locator("h1")).hasText("Suggest content");
        assertThat(page.getByTestId("submit-error")).hasText("Nothing was sent. Check the fields marked below.");
        Locator link = page.getByLabel("Link", new Page.GetByLabelOptions().setExact(true));
        assertThat(link).hasValue("not a link");
        assertThat(link).hasAttribute("aria-invalid", "true");
        assertThat(link).hasAttribute("aria-describedby", "url-error url-hint");
        assertThat(page.getByTestId("url-error"))
                .hasText("This is not a web address: it must start with https:// (or http://) and name a site.");
        Locator title = page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true));
        assertThat(title).hasAttribute("aria-invalid", "true");
        assertThat(page.getByTestId("title-error")).hasText("Give your suggestion a title.");
        assertThat(page.getByLabel("Suggested message (optional)")).hasValue("x".repeat(300));
        assertThat(page.getByTestId("message-error")).hasText("Too long for X: it counts 324 characters there"
                + " (each link counts as 23, and 24 are kept for your tracked link), and X allows 280.");
        assertFitsAPhone();
        screenshot("submit-errors");

        page.getByTestId("language-switch").click();
        assertThat(page.locator("h1")).hasText("Proposer un contenu");
        page.getByLabel("Lien", new Page.GetByLabelOptions().setExact(true)).fill("ftp://example.com/file");
        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill("   ");
        page.getByLabel("Message suggéré (facultatif)").fill("y".repeat(500));
        send("Envoyer pour relecture");

        assertThat(page.getByTestId("submit-error"))
                .hasText("Rien n'a été envoyé. Vérifiez les champs signalés ci-dessous.");
        assertThat(page.getByTestId("url-error")).hasText(
                "Ce n'est pas une adresse web : elle doit commencer par https:// (ou http://) et nommer un site.");
        assertThat(page.getByTestId("title-error")).hasText("Donnez un titre à votre proposition.");
        assertThat(page.getByTestId("message-error")).hasText("Trop long pour X : il y compte 524 caractères"
                + " (chaque lien compte pour 23, et 24 sont réservés à votre lien suivi), et X en accepte 280.");
        assertThat(page.getByLabel("Lien", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("ftp://example.com/file");

        assertThat(
                Api.as(ambassador.token()).get("/api/v1/me/submissions").then().extract().jsonPath().getList("items"))
                        .isEmpty();
        assertThat(Api.as(curator.token()).get("/api/v1/moderation/queue").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();
    }

    @Test
    void aLinkThatCannotBePreviewedIsSuggestedAllTheSameAndARejectionSaysWhy() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String approved = Contents.create(ambassador.token(), Contents.body("Our new office")).getString("id");
        Api.as(curator.token()).post("/api/v1/content/{id}/approve", approved).then().statusCode(200);
        signIn(org, ambassador);
        page.navigate("/app/submit");
        // No such site (and no internet here): the preview fails, the suggestion does not.
        page.getByLabel("Link", new Page.GetByLabelOptions().setExact(true))
                .fill("https://news.example.com/a-rumour-about-the-merger");
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("A rumour about the merger");
        send("Send for review");
        assertThat(page.getByTestId("suggested-notice")).isVisible();

        JsonPath mine = Api.as(ambassador.token()).get("/api/v1/me/submissions").then().statusCode(200).extract()
                .jsonPath();
        assertThat(mine.getList("items.title", String.class)).containsExactly("A rumour about the merger",
                "Our new office");
        assertThat(mine.getString("items[0].status")).isEqualTo("pending_review");
        assertThat(mine.getString("items[0].body")).isNull();
        assertThat(mine.getString("items[0].imageUrl")).isNull();
        assertThat(mine.getMap("items[0].suggestedMessages")).isEmpty();
        Api.as(curator.token()).body(Map.of("reason", "We never comment on rumours.\nThanks for asking, though."))
                .post("/api/v1/content/{id}/reject", mine.getString("items[0].id")).then().statusCode(200);

        page.navigate("/app/submissions");
        Locator rejected = page.locator("#submission-" + mine.getString("items[0].id"));
        assertThat(rejected.getByTestId("submission-status")).hasText("Not accepted");
        assertThat(rejected.getByTestId("rejection-reason"))
                .hasText("We never comment on rumours.\nThanks for asking, though.");
        assertThat(rejected).containsText("Decided ");
        Locator accepted = page.locator("#submission-" + approved);
        assertThat(accepted.getByTestId("submission-status")).hasText("Approved: in the feed");
        assertThat(accepted.getByTestId("rejection")).hasCount(0);
        assertFitsAPhone();
        screenshot("submissions-decided");
    }

    @Test
    void theBlocklistIsNamedOnTheFieldAndAPageDescriptionItRefusesIsLeftOut() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Api.as(org.admin().token()).body(Map.of("phrases", List.of("rumour", "largest"), "patterns", List.of()))
                .put("/api/v1/settings/blocklist").then().statusCode(200);
        signIn(org, ambassador);
        page.navigate("/app/submit");
        page.getByLabel("Link", new Page.GetByLabelOptions().setExact(true)).fill(LocalWebServer.url("/article"));
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("A Rumour about wind");
        send("Send for review");
        assertThat(page.getByTestId("title-error"))
                .hasText("“rumour” is not allowed by your organization's rules. Please reword it.");
        assertThat(page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("A Rumour about wind");
        assertThat(Api.as(curator.token()).get("/api/v1/moderation/queue").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();

        // The page's description says "largest": the member did not write it, so it is left out, not held against them.
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Wind farm opens");
        send("Send for review");
        assertThat(page.getByTestId("suggested-notice")).isVisible();
        JsonPath pending = Api.as(curator.token()).get("/api/v1/moderation/queue").then().statusCode(200).extract()
                .jsonPath().setRootPath("items[0]");
        assertThat(pending.getString("title")).isEqualTo("Wind farm opens");
        assertThat(pending.getString("body")).isNull();
        assertThat(pending.getString("imageUrl")).isEqualTo(LocalWebServer.url("/img/farm.jpg"));
    }

    @Test
    void aSlowPageHoldsTheSuggestionNoLongerThanThePreviewsBudget() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        signIn(org, ambassador);
        page.navigate("/app/submit");
        page.getByLabel("Link", new Page.GetByLabelOptions().setExact(true)).fill(LocalWebServer.url("/slow"));
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("A slow page");
        long start = System.nanoTime();
        send("Send for review");
        assertThat(page.getByTestId("suggested-notice")).isVisible();
        // The test profile's budget is 2 s; the page takes 5 s to answer.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4_500));
        JsonPath mine = Api.as(ambassador.token()).get("/api/v1/me/submissions").then().statusCode(200).extract()
                .jsonPath();
        assertThat(mine.getList("items.title", String.class)).containsExactly("A slow page");
        assertThat(mine.getString("items[0].body")).isNull();
    }

    @Test
    void suggestionsArePagedByCursor() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        for (int i = 1; i <= SubmitPage.PAGE + 1; i++) {
            Contents.create(ambassador.token(), Contents.body("Idea " + i));
        }
        signIn(org, ambassador);
        page.navigate("/app/submissions");
        assertThat(page.getByTestId("submission")).hasCount(SubmitPage.PAGE);
        assertThat(page.getByTestId("submission").first().locator("h2")).hasText("Idea " + (SubmitPage.PAGE + 1));
        page.getByTestId("older").click();
        assertThat(page.getByTestId("submission")).hasCount(1);
        assertThat(page.getByTestId("submission").locator("h2")).hasText("Idea 1");
        assertThat(page.getByTestId("older")).hasCount(0);
        page.navigate("/app/submissions?cursor=not-a-cursor");
        assertThat(page).hasURL(Pattern.compile("/app/submissions$"));
        assertThat(page.getByTestId("submission")).hasCount(SubmitPage.PAGE);
    }

    private void send(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    }
}
