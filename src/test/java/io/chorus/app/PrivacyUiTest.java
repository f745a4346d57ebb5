package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Inbox;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The app's privacy page in real Chromium on a phone's screen: leaderboards, email choices, the data download, the
 * charter.
 */
@QuarkusTest
class PrivacyUiTest extends AppBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hidingFromLeaderboardsTakesTheMemberOffThemUntilTheyComeBack() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        Person colleague = org.member("ambassador");
        adjust(org, member, 30);
        adjust(org, colleague, 10);
        assertThat(listed(colleague)).containsExactly(member.id(), colleague.id());

        signIn(org, member);
        page.getByRole(AriaRole.NAVIGATION).getByText("Privacy").click();
        assertThat(page).hasURL(Pattern.compile("/app/privacy$"));
        assertThat(page.locator("h1")).hasText("Privacy");
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByText("Privacy")).hasAttribute("aria-current", "page");
        assertThat(page.getByTestId("leaderboard-state")).hasText("You appear on leaderboards.");
        assertThat(page.getByTestId("charter-state")).hasText("Org " + org.slug() + " has not published a charter.");
        assertThat(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What Chorus records about you")))
                        .isVisible();
        assertFitsAPhone();
        screenshot("privacy");

        button("Hide me from leaderboards").click();
        assertThat(page).hasURL(Pattern.compile("/app/privacy\\?done=hidden$"));
        assertThat(page.getByTestId("privacy-notice"))
                .hasText("Done: you no longer appear on anyone else's leaderboards.");
        assertThat(page.getByTestId("leaderboard-state")).hasText("You are hidden from leaderboards.");
        assertThat(listed(colleague)).containsExactly(colleague.id());
        assertThat(Api.as(member.token()).get("/api/v1/me").then().statusCode(200).extract()
                .<Boolean> path("leaderboardVisible")).isFalse();
        assertThat(Api.as(member.token()).get("/api/v1/leaderboards").then().extract().<Integer> path("me.points"))
                .as("their own standing stays").isEqualTo(30);

        page.reload();
        assertThat(page.getByTestId("leaderboard-state")).hasText("You are hidden from leaderboards.");
        assertThat(listed(colleague)).as("reloading repeats nothing").containsExactly(colleague.id());

        button("Show me on leaderboards").click();
        assertThat(page).hasURL(Pattern.compile("/app/privacy\\?done=shown$"));
        assertThat(page.getByTestId("privacy-notice")).hasText("Done: you appear on leaderboards again.");
        assertThat(page.getByTestId("leaderboard-state")).hasText("You appear on leaderboards.");
        assertThat(listed(colleague)).containsExactly(member.id(), colleague.id());
    }

    @Test
    void theMemberChoosesWhichMailsComeAndTheChoiceIsTheApis() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        signIn(org, member);
        page.getByRole(AriaRole.NAVIGATION).getByText("Privacy").click();
        assertThat(page.getByTestId("email-state")).hasText("You get the digest every week, and broadcasts.");
        assertThat(page.getByLabel("Every week")).isChecked();
        assertThat(page.getByLabel("Send me broadcasts and campaign announcements")).isChecked();
        assertFitsAPhone();
        screenshot("privacy-email");

        page.getByLabel("Every day").check();
        page.getByLabel("Send me broadcasts and campaign announcements").uncheck();
        button("Save my email choices").click();
        assertThat(page).hasURL(Pattern.compile("/app/privacy\\?done=email$"));
        assertThat(page.getByTestId("privacy-notice")).hasText("Saved: your email choices apply from the next mail.");
        assertThat(page.getByTestId("email-state")).hasText("You get the digest every day, and no broadcasts.");
        assertThat(preferences(member)).isEqualTo(Map.of("digest", "daily", "broadcasts", false));

        // The API changes what the page shows: one place holds the choice.
        Api.as(member.token()).body(Map.of("digest", "never", "broadcasts", true)).patch("/api/v1/me/email-preferences")
                .then().statusCode(200);
        page.reload();
        assertThat(page.getByLabel("Never")).isChecked();
        assertThat(page.getByLabel("Send me broadcasts and campaign announcements")).isChecked();

        page.getByTestId("language-switch").click();
        assertThat(page.getByTestId("email-state")).hasText("Vous ne recevez pas de résumé, et les diffusions.");
        page.getByLabel("Chaque semaine").check();
        button("Enregistrer mes choix d'e-mail").click();
        assertThat(page.getByTestId("privacy-notice"))
                .hasText("C'est enregistré : vos choix d'e-mail s'appliquent dès le prochain e-mail.");
        assertThat(page.getByLabel("Chaque semaine")).isChecked();
        assertThat(preferences(member)).isEqualTo(Map.of("digest", "weekly", "broadcasts", true));
        assertFitsAPhone();
    }

    @Test
    void theDownloadIsTheApisOwnExport() throws IOException {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person member = org.member("ambassador");
        String content = Contents.published(curator.token(), Contents.body("Quarterly results"));
        Api.as(member.token()).body(Map.of("network", "linkedin", "message", "My words"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201);
        adjust(org, member, 5);
        awaitMailsDone(member); // so that both documents list their invitation's mail in the same state

        signIn(org, member);
        page.navigate("/app/privacy");
        assertThat(page.getByTestId("records-mail")).containsText("30 days after it was sent, 90 days after");
        Download download = page.waitForDownload(() -> page.getByTestId("download-data").click());
        Response api = Api.as(member.token()).get("/api/v1/me/data");
        api.then().statusCode(200);
        String disposition = api.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"chorus-data-" + org.slug() + "-");
        assertThat(disposition).isEqualTo("attachment; filename=\"" + download.suggestedFilename() + "\"");
        ObjectNode saved = withoutExportTime(Files.readString(download.path()));
        assertThat(saved).isEqualTo(withoutExportTime(api.asString()));
        assertThat(saved.at("/profile/id").asText()).isEqualTo(member.id());
        assertThat(saved.at("/shares/0/message").asText()).startsWith("My words");

        APIResponse file = context.request().get("/app/privacy/data");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).isEqualTo(api.contentType());
        assertThat(file.headers().get("content-disposition")).isEqualTo(disposition);
        assertThat(file.headers().get("cache-control")).isEqualTo("no-store");
        assertThat(withoutExportTime(file.text())).isEqualTo(saved);
    }

    @Test
    void privacyIsReachableBeforeTheCharterIsAccepted() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("text", "Be kind, be honest.")).put("/api/v1/charter").then()
                .statusCode(200);
        Person member = org.member("ambassador");
        signIn(org, member);
        assertThat(page).hasURL(Pattern.compile("/app/charter\\?next=%2Fapp$"));

        page.getByRole(AriaRole.NAVIGATION).getByText("Privacy").click();
        assertThat(page).hasURL(Pattern.compile("/app/privacy$"));
        assertThat(page.locator("h1")).hasText("Privacy");
        assertThat(page.getByTestId("charter-state"))
                .hasText("Version 1 of Org " + org.slug() + "'s charter awaits your answer.");
        button("Hide me from leaderboards").click();
        assertThat(page.getByTestId("leaderboard-state")).hasText("You are hidden from leaderboards.");

        page.navigate("/app/submit"); // the other pages wait for the charter
        assertThat(page).hasURL(Pattern.compile("/app/charter\\?next=%2Fapp%2Fsubmit$"));

        page.navigate("/app/privacy");
        page.getByTestId("read-charter").click();
        assertThat(page.getByTestId("charter-text")).hasText("Be kind, be honest.");
        button("I accept").click();
        assertThat(page).hasURL(Pattern.compile("/app/privacy$"));
        assertThat(page.getByTestId("charter-state"))
                .hasText("You have accepted version 1 of Org " + org.slug() + "'s charter.");

        page.getByTestId("language-switch").click();
        assertThat(page.locator("h1")).hasText("Confidentialité");
        assertThat(page.getByTestId("leaderboard-state")).hasText("Vous êtes masqué·e des classements.");
        assertThat(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Ce que Chorus enregistre à votre sujet"))).isVisible();
        assertFitsAPhone();
    }

    @Test
    void aPostWithoutTheCsrfTokenOrWithAChoiceNotOfferedChangesNothing() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        signIn(org, member);
        page.navigate("/app/privacy");

        APIResponse without = context.request().post("/app/privacy/leaderboards",
                RequestOptions.create().setForm(FormData.create().set("visible", "false")).setMaxRedirects(0));
        assertThat(without.status()).isEqualTo(403);
        APIResponse wrong = context.request().post("/app/privacy/leaderboards", RequestOptions.create()
                .setForm(FormData.create().set("visible", "false").set("csrf", "A".repeat(43))).setMaxRedirects(0));
        assertThat(wrong.status()).isEqualTo(403);
        APIResponse suggestion = context.request().post("/app/submit",
                RequestOptions.create()
                        .setForm(FormData.create().set("url", "https://news.example.com/x").set("title", "Sneaky"))
                        .setMaxRedirects(0));
        assertThat(suggestion.status()).isEqualTo(403);

        String token = page.locator("form[action='/app/privacy/leaderboards'] input[name=csrf]").inputValue();
        APIResponse maybe = context.request().post("/app/privacy/leaderboards", RequestOptions.create()
                .setForm(FormData.create().set("visible", "maybe").set("csrf", token)).setMaxRedirects(0));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.text()).contains("This is not a choice the page offers: nothing was changed.");

        // The email form: no token, a frequency not offered, a box with another value: each changes nothing.
        APIResponse forged = context.request().post("/app/privacy/email",
                RequestOptions.create().setForm(FormData.create().set("digest", "never")).setMaxRedirects(0));
        assertThat(forged.status()).isEqualTo(403);
        String emailToken = page.locator("form[action='/app/privacy/email'] input[name=csrf]").inputValue();
        APIResponse hourly = context.request().post("/app/privacy/email", RequestOptions.create()
                .setForm(FormData.create().set("digest", "hourly").set("csrf", emailToken)).setMaxRedirects(0));
        assertThat(hourly.status()).isEqualTo(400);
        assertThat(hourly.text())
                .contains("Choose how often the digest comes: every day, every week or never. Nothing was changed.");
        APIResponse none = context.request().post("/app/privacy/email",
                RequestOptions.create().setForm(FormData.create().set("csrf", emailToken)).setMaxRedirects(0));
        assertThat(none.status()).isEqualTo(400);
        APIResponse yes = context.request().post("/app/privacy/email",
                RequestOptions.create().setForm(
                        FormData.create().set("digest", "never").set("broadcasts", "yes").set("csrf", emailToken))
                        .setMaxRedirects(0));
        assertThat(yes.status()).isEqualTo(400);
        assertThat(yes.text()).contains("This is not a choice the page offers: nothing was changed.");
        assertThat(preferences(member)).isEqualTo(Map.of("digest", "weekly", "broadcasts", true));

        assertThat(Api.as(member.token()).get("/api/v1/me").then().statusCode(200).extract()
                .<Boolean> path("leaderboardVisible")).isTrue();
        assertThat(Api.as(member.token()).get("/api/v1/me/submissions").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static Map<String, Object> preferences(Person member) {
        return Api.as(member.token()).get("/api/v1/me/email-preferences").then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    /** Who the month's leaderboard lists, as this member sees it through the API. */
    private static List<String> listed(Person viewer) {
        return Api.as(viewer.token()).get("/api/v1/leaderboards").then().statusCode(200).extract().jsonPath()
                .getList("entries.memberId", String.class);
    }

    private static void adjust(Org org, Person member, int points) {
        Api.as(org.admin().token()).body(Map.of("points", points, "reason", "Test standing"))
                .post("/api/v1/members/{id}/adjustments", member.id()).then().statusCode(201);
    }

    /** Polls the member's data until no mail to them is still waiting or being sent, for at most 20 seconds. */
    private static void awaitMailsDone(Person member) {
        String pending = "mails.findAll { it.status == 'queued' || it.status == 'sending' }.size()";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Api.as(member.token()).get("/api/v1/me/data").then().extract().<Integer> path(pending) > 0
                && System.nanoTime() < deadline) {
            Inbox.pause();
        }
        assertThat(Api.as(member.token()).get("/api/v1/me/data").then().extract().<Integer> path(pending)).isZero();
    }

    private static ObjectNode withoutExportTime(String json) throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(json);
        assertThat(document.has("exportedAt")).isTrue();
        document.remove("exportedAt");
        return document;
    }
}
