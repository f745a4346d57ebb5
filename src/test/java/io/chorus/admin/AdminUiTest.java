package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** The admin UI in real Chromium, against the running service and its embedded PostgreSQL. */
@QuarkusTest
class AdminUiTest extends AdminBrowserTest {

    @Test
    void curatorSignsInWithAnHttpOnlyStrictCookieAndSignsOut() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        page.navigate("/admin");
        assertThat(page).hasURL(Pattern.compile("/admin/login\\?next=%2Fadmin$"));
        Browser.screenshot(page, "sign-in");
        signIn(org, curator);
        assertThat(page.locator("h1")).hasText("Hello, Member " + curator.email());
        assertThat(page.locator("nav").getByText("Moderation")).isVisible();
        Cookie session = cookie("chorus_session");
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.STRICT);
        assertThat(session.path).isEqualTo("/admin");
        assertThat(session.secure).as("plain HTTP on localhost").isFalse();
        Browser.screenshot(page, "dashboard-curator");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile("/admin/login$"));
        assertThat(context.cookies().stream()
                .filter(c -> c.name.equals("chorus_refresh") || c.name.equals("chorus_session"))).isEmpty();
        page.navigate("/admin/moderation");
        assertThat(page).hasURL(Pattern.compile("/admin/login\\?next=%2Fadmin%2Fmoderation$"));
    }

    @Test
    void aCookieThatDoesNotVerifyLeadsBackToSignIn() {
        context.addCookies(List
                .of(new Cookie("chorus_session", "eyJhbGciOiJSUzI1NiJ9.e30.forged").setUrl(base.toString() + "admin")));
        page.navigate("/admin/content");
        assertThat(page).hasURL(Pattern.compile("/admin/login\\?next=%2Fadmin%2Fcontent$"));
        assertThat(page.locator("h1")).hasText("Sign in");
    }

    @Test
    void curatorApprovesOneSubmissionAndRejectsAnotherWithAReason() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        String first = submit(ambassador, "Our new office opens");
        String second = submit(ambassador, "A rumour about the merger");

        signIn(org, curator);
        page.navigate("/admin/moderation");
        assertThat(page.getByTestId("submission")).hasCount(2);
        Browser.screenshot(page, "moderation");

        page.locator("#submission-" + first).getByTestId("approve").click();
        assertThat(page.locator(".notice")).hasText("The submission is approved.");
        page.locator("#submission-" + second).getByLabel("Reason for the rejection").fill("Not confirmed yet.");
        page.locator("#submission-" + second).getByTestId("reject").click();
        assertThat(page.locator(".notice")).hasText("The submission is rejected.");
        assertThat(page.getByTestId("submission")).hasCount(0);
        assertThat(page.getByTestId("decision")).hasCount(2);
        assertThat(page.getByTestId("decision").first()).containsText("Not confirmed yet.");

        Api.as(curator.token()).get("/api/v1/content/{id}", first).then().statusCode(200).body("status",
                equalTo("published"));
        Api.as(curator.token()).get("/api/v1/content/{id}", second).then().statusCode(200)
                .body("status", equalTo("rejected")).body("moderation.reason", equalTo("Not confirmed yet."));
    }

    @Test
    void curatorCreatesAndPublishesTargetedContentAndTitlesStayText() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String paris = org.group("Paris", "location");
        org.group("Lyon", "location");
        AtomicBoolean dialog = new AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        String title = "<script>alert(1)</script> Spring launch";

        signIn(org, curator);
        page.navigate("/admin/content/new");
        page.locator("#title").fill(title);
        page.locator("#url").fill("https://example.com/launch?ref=chorus");
        page.locator("#language").selectOption("fr");
        page.locator("#topics").fill("product, launch");
        page.getByLabel("Paris").check();
        page.locator("#msg-linkedin").fill("Proud of this launch!");
        page.locator("#msg-x").fill("Launch day");
        assertThat(page.locator("#count-x")).hasText("34 of 280 characters");
        assertThat(page.locator("#count-linkedin")).hasText("21 of 3000 characters");
        Browser.screenshot(page, "content-editor");
        page.getByTestId("publish").click();

        assertThat(page).hasURL(Pattern.compile("/admin/content\\?done=published$"));
        assertThat(page.getByTestId("content-row").first().locator("a")).hasText(title);
        assertThat(page.getByTestId("content-row").first()).containsText("Published");
        assertThat(dialog).as("a script in a title never runs").isFalse();
        Browser.screenshot(page, "content-list");

        List<Map<String, Object>> items = Api.as(curator.token()).get("/api/v1/content").then().statusCode(200)
                .extract().path("items");
        assertThat(items).hasSize(1);
        Map<String, Object> item = items.get(0);
        assertThat(item).containsEntry("title", title).containsEntry("status", "published")
                .containsEntry("language", "fr").containsEntry("targetGroupIds", List.of(paris))
                .containsEntry("topics", List.of("product", "launch"))
                .containsEntry("suggestedMessages", Map.of("linkedin", "Proud of this launch!", "x", "Launch day"));

        page.getByLabel("Search").fill("spring");
        page.getByLabel("Status").selectOption("draft");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByTestId("content-row")).hasCount(0);
        page.getByLabel("Status").selectOption("published");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByTestId("content-row")).hasCount(1);

        page.getByTestId("content-row").first().locator("a").click();
        page.getByTestId("archive").click();
        assertThat(page.locator(".notice")).hasText("The content is archived.");
        assertThat(page.locator("hgroup")).containsText("Archived");
    }

    @Test
    void theLanguageSwitchMakesTheAdminUiFrenchForTheMember() {
        Org org = Organizations.create();
        Person admin = org.admin();
        signIn(org, admin);
        page.getByTestId("language-switch").click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("h1")).hasText("Bonjour, Admin");
        assertThat(page.locator("nav")).containsText("Contenus");
        Browser.screenshot(page, "dashboard-admin-fr");
        page.navigate("/admin/content/new");
        assertThat(page.locator("h1")).hasText("Nouveau contenu");
        assertThat(page.locator("#count-x")).hasText("0 caractères sur 280");
        Api.as(admin.token()).get("/api/v1/me").then().statusCode(200).body("language", equalTo("fr"));
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguage() {
        BrowserContext french = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(base.toString()).setLocale("fr-FR"));
        try {
            Page p = french.newPage();
            p.navigate("/admin/login");
            assertThat(p.locator("html")).hasAttribute("lang", "fr");
            assertThat(p.locator("h1")).hasText("Connexion");
            assertThat(p.getByLabel("Mot de passe")).isVisible();
        } finally {
            french.close();
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String submission = submit(org.member("ambassador"), "Pending idea");
        signIn(org, curator);

        APIResponse without = context.request().post("/admin/moderation/" + submission + "/approve",
                RequestOptions.create().setForm(FormData.create().set("x", "1")).setMaxRedirects(0));
        assertThat(without.status()).isEqualTo(403);
        APIResponse wrong = context.request().post("/admin/moderation/" + submission + "/approve",
                RequestOptions.create().setForm(FormData.create().set("csrf", "A".repeat(43))).setMaxRedirects(0));
        assertThat(wrong.status()).isEqualTo(403);
        Api.as(curator.token()).get("/api/v1/content/{id}", submission).then().statusCode(200).body("status",
                equalTo("pending_review"));
    }

    @Test
    void anAmbassadorIsRefusedAndGetsNoSession() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        signIn(org, ambassador);
        assertThat(page.locator("h1")).hasText("This space is for your comms team");
        assertThat(context.cookies().stream().filter(c -> c.name.equals("chorus_session"))).isEmpty();
        Browser.screenshot(page, "ambassador-refused");
    }

    @Test
    void anAnalystSeesNoCurationAndIsRefusedModeration() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        signIn(org, analyst);
        assertThat(page.locator("h1")).hasText("Hello, Member " + analyst.email());
        assertThat(page.locator("nav").getByText("Moderation")).hasCount(0);
        page.navigate("/admin/moderation");
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheForm() {
        Org org = Organizations.create();
        page.navigate("/admin/login");
        page.getByLabel("Organization").fill(org.slug());
        page.getByLabel("Email").fill(org.admin().email());
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#signin-error")).hasText("The organization, email or password is wrong.");
        assertThat(page.getByLabel("Email")).hasValue(org.admin().email());
    }

    private Cookie cookie(String name) {
        return context.cookies().stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    private static String submit(Person ambassador, String title) {
        return Api.as(ambassador.token())
                .body(Map.of("title", title, "url", "https://example.com/" + title.length(), "language", "en", "body",
                        "Seen on the intranet.", "suggestedMessages", Map.of("linkedin", "Worth a look")))
                .post("/api/v1/content").then().statusCode(201).extract().path("id");
    }
}
