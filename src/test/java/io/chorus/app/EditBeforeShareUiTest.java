package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Many voices in the app: the feed shows the member the message offered to them, which they may edit before sharing —
 * in place with JavaScript, on a page of its own without — and the share records that it was edited.
 */
@QuarkusTest
class EditBeforeShareUiTest extends AppBrowserTest {

    static final List<String> MESSAGES = List.of("We launched", "Proud of the team", "Have a look");

    static String voiced(Org org) {
        Map<String, Object> body = Contents.body("Voices");
        body.put("suggestedMessages", Map.of("linkedin", MESSAGES.get(0)));
        body.put("alternativeMessages", Map.of("linkedin", MESSAGES.subList(1, 3)));
        return Contents.published(org.member("curator").token(), body);
    }

    static String offered(Person member) {
        return Api.as(member.token()).get("/api/v1/feed").then().statusCode(200).extract().jsonPath()
                .getString("items[0].suggestedMessages.linkedin");
    }

    /** The member's only share, once it is recorded (the page's script posts it), within 20 seconds. */
    static JsonPath onlyShare(Person member) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonPath shares;
        do {
            shares = Api.as(member.token()).get("/api/v1/me/shares").then().statusCode(200).extract().jsonPath();
        } while (shares.getList("items").isEmpty() && System.nanoTime() < deadline);
        assertThat(shares.getList("items")).hasSize(1);
        return Api.as(member.token()).get("/api/v1/shares/{id}", shares.getString("items[0].id")).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void withJavaScriptTheOfferedMessageIsEditedInPlaceAndTheShareIsMarkedEdited() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        voiced(org);
        String offer = offered(ambassador);
        assertThat(MESSAGES).contains(offer);

        signIn(org, ambassador);
        Locator item = page.getByTestId("feed-item").first();
        item.locator("details.suggestions > summary").click();
        assertThat(item.locator("[data-message=linkedin]")).hasText(offer);
        item.getByTestId("edit-linkedin").click();
        Locator field = item.getByLabel("Your message");
        assertThat(field).isVisible();
        assertThat(field).hasValue(offer);
        field.fill(offer + " — in my words");
        screenshot("edit-before-share");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("LinkedIn")).click();

        JsonPath share = onlyShare(ambassador);
        assertThat(share.getString("message")).isEqualTo(offer + " — in my words");
        assertThat(share.getBoolean("edited")).isTrue();
        assertThat(share.getInt("messageIndex")).isEqualTo(MESSAGES.indexOf(offer));
    }

    @Test
    void withoutJavaScriptEditingIsAPageOfItsOwnPrefilledWithTheOfferedMessage() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        String content = voiced(org);
        String offer = offered(ambassador);
        context.close();
        context = chromium.newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setJavaScriptEnabled(false).setViewportSize(360, 780));
        offline(context);
        page = context.newPage();
        signIn(org, ambassador);

        page.getByTestId("feed-item").first().locator("details.suggestions > summary").click();
        page.getByTestId("feed-item").first().getByTestId("edit-linkedin").click();
        assertThat(page).hasURL(Pattern.compile("/app/content/" + content + "/compose\\?network=linkedin$"));
        assertThat(page.getByTestId("compose-message")).hasValue(offer);
        assertFitsAPhone();
        page.getByTestId("compose-message").fill("My own words about it");
        page.getByTestId("compose-share").click();

        assertThat(page).hasURL(Pattern.compile("/app/shares/[0-9a-f-]{36}$"));
        JsonPath share = onlyShare(ambassador);
        assertThat(share.getString("message")).isEqualTo("My own words about it");
        assertThat(share.getBoolean("edited")).isTrue();
        assertThat(share.getInt("messageIndex")).isEqualTo(MESSAGES.indexOf(offer));

        // A network that is not one, or an item that is not in the member's feed, is no page.
        assertThat(page.navigate("/app/content/" + content + "/compose?network=nowhere").status()).isEqualTo(404);
        String elsewhere = Contents.create(org.member("curator").token(), Contents.body("Draft")).getString("id");
        assertThat(page.navigate("/app/content/" + elsewhere + "/compose?network=linkedin").status()).isEqualTo(404);
        String otherOrganizations = voiced(Organizations.create());
        assertThat(page.navigate("/app/content/" + otherOrganizations + "/compose?network=linkedin").status())
                .as("another organization's item").isEqualTo(404);
    }
}
