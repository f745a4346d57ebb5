package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.chorus.analytics.Traffic;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The content editor's translations and other messages per network, and the content analytics page's breakdowns by
 * language and by suggested message.
 */
@QuarkusTest
class ContentVoicesUiTest extends AdminBrowserTest {

    @Test
    void aCuratorWritesOtherMessagesAndATranslationAndTheAnalyticsShowWhatEachEarned() {
        Org org = Organizations.create();
        Person curator = org.member("curator", "analyst");

        signIn(org, curator);
        page.navigate("/admin/content/new");
        page.locator("#title").fill("Atlas launch");
        page.locator("#url").fill("https://example.com/atlas");
        page.locator("#msg-linkedin").fill("Atlas is here");
        page.getByTestId("alternatives-linkedin").click();
        page.locator("#alt-linkedin-0").fill("Meet Atlas");
        page.getByText("New translation").click();
        page.locator("#variant-language-0").selectOption("fr");
        page.locator("#variant-title-0").fill("Lancement d'Atlas");
        page.locator("#variant-linkedin-0").fill("Voici Atlas");
        page.locator("#variant-alt-linkedin-0").fill("Découvrez Atlas\n\nAtlas est là");
        page.getByTestId("save").click();
        assertThat(page).hasURL(Pattern.compile("/admin/content/[0-9a-f-]{36}\\?done=created$"));

        String id = page.url().replaceAll(".*/admin/content/([0-9a-f-]{36}).*", "$1");
        JsonPath saved = Api.as(curator.token()).get("/api/v1/content/{id}", id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(saved.getList("alternativeMessages.linkedin", String.class)).containsExactly("Meet Atlas");
        assertThat(saved.getString("variants.fr.title")).isEqualTo("Lancement d'Atlas");
        assertThat(saved.getString("variants.fr.suggestedMessages.linkedin")).isEqualTo("Voici Atlas");
        assertThat(saved.getList("variants.fr.alternativeMessages.linkedin", String.class))
                .containsExactly("Découvrez Atlas", "Atlas est là");

        // The saved form shows them back, with one more empty field and one more empty translation.
        assertThat(page.locator("#alt-linkedin-0")).hasValue("Meet Atlas");
        assertThat(page.locator("#alt-linkedin-1")).hasValue("");
        assertThat(page.locator("#variant-language-0")).hasValue("fr");
        assertThat(page.locator("#variant-language-1")).hasValue("");
        assertThat(page.locator("#variant-alt-linkedin-0")).hasValue("Découvrez Atlas\nAtlas est là");
        Browser.screenshot(page, "content-editor-voices");

        // A translation in the content's own language is refused, and nothing changes.
        page.locator("#variant-language-0").selectOption("en");
        page.getByTestId("publish").click();
        assertThat(page.locator("[data-testid=variant] .field-error").first()).isVisible();
        assertThat(
                Api.as(curator.token()).get("/api/v1/content/{id}", id).then().extract().jsonPath().getString("status"))
                        .isEqualTo("draft");

        // So is another message of the translation too long for its network: the form says which, nothing changes.
        page.locator("#variant-language-0").selectOption("fr");
        page.locator("#variant-alt-x-0").fill("Atlas\n" + "x".repeat(300));
        page.getByTestId("save").click();
        assertThat(page.locator("#variant-alt-error-x-0")).isVisible();
        assertThat(page.locator("#variant-alt-x-0")).hasAttribute("aria-invalid", "true");
        assertThat(Api.as(curator.token()).get("/api/v1/content/{id}", id).then().extract().jsonPath()
                .getMap("variants.fr.alternativeMessages")).containsOnlyKeys("linkedin");

        page.navigate("/admin/content/" + id);
        page.getByTestId("publish").click();
        assertThat(page).hasURL(Pattern.compile("/admin/content\\?done=published$"));

        Person francophone = org.member("ambassador");
        Api.as(francophone.token()).body(Map.of("language", "fr")).patch("/api/v1/me").then().statusCode(200);
        JsonPath feed = Api.as(francophone.token()).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getString("items.find { it.id == '" + id + "' }.title")).isEqualTo("Lancement d'Atlas");
        String frenchOffer = feed.getString("items.find { it.id == '" + id + "' }.suggestedMessages.linkedin");
        assertThat(frenchOffer).as("one of the translation's messages, in rotation").isIn("Voici Atlas",
                "Découvrez Atlas", "Atlas est là");
        Person anglophone = org.member("ambassador");
        Traffic.click(Traffic.share(francophone, id, "linkedin"), Traffic.visitor(), Traffic.CHROME);
        Traffic.Share own = new Traffic.Share(null,
                Api.as(anglophone.token()).header("X-Forwarded-For", Traffic.address(anglophone))
                        .header("User-Agent", Traffic.FIREFOX)
                        .body(Map.of("network", "linkedin", "message", "My words"))
                        .post("/api/v1/content/{id}/shares", id).then().statusCode(201).extract().path("code"));
        Traffic.click(own, Traffic.visitor(), Traffic.CHROME);
        Traffic.await(curator.token(), "/api/v1/analytics/content/" + id, a -> a.getLong("clicks") == 2);

        page.navigate("/admin/content/" + id + "/analytics");
        assertThat(page.getByTestId("language-row")).hasCount(2);
        assertThat(page.locator("[data-testid=language-row][data-language=fr]")).containsText("French");
        assertThat(page.getByTestId("tile-personalised")).containsText("50");
        assertThat(page.locator("[data-testid=message-row]")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(frenchOffer))).hasCount(1);
        assertThat(page.getByTestId("message-row").allTextContents())
                .anySatisfy(row -> assertThat(row).containsAnyOf("Atlas is here", "Meet Atlas"));
        Browser.screenshot(page, "content-analytics-voices");
        assertFitsAPhone("content-analytics-voices-phone");

        // The dashboard's overview counts the same: one of the two shares was personalised.
        page.navigate("/admin");
        assertThat(page.locator("[data-testid=tile-personalised] .tile-value")).hasText("50%");
        assertThat(page.locator("[data-testid=tile-personalised] .tile-hint")).containsText(": 1");

        // Choosing no language removes the translation: the French member sees the item's own texts again.
        page.navigate("/admin/content/" + id);
        page.locator("#variant-language-0").selectOption("");
        page.getByTestId("save").click();
        assertThat(page).hasURL(Pattern.compile("/admin/content/" + id + "\\?done=saved$"));
        assertThat(
                Api.as(curator.token()).get("/api/v1/content/{id}", id).then().extract().jsonPath().getMap("variants"))
                        .isEmpty();
        assertThat(Api.as(francophone.token()).get("/api/v1/feed").then().extract().jsonPath()
                .getString("items.find { it.id == '" + id + "' }.title")).isEqualTo("Atlas launch");
    }
}
