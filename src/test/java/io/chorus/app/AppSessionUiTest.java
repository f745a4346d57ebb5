package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Getting into the app and out of it: the organization's own link, a session cookie the admin UI never sees, the
 * charter before anything else, a member deactivated meanwhile signed out at once, the language switch, and a page that
 * loads nothing from elsewhere and little of its own.
 */
@QuarkusTest
class AppSessionUiTest extends AppBrowserTest {

    @Test
    void theOrganizationsLinkPrefillsTheFormAndTheSessionIsTheAppsAlone() {
        Org org = Organizations.create();
        Person both = org.member("ambassador", "curator");
        page.navigate("/app?org=" + org.slug());
        assertThat(page).hasURL(Pattern.compile("/app/login\\?next=%2Fapp&org=" + org.slug() + "$"));
        assertThat(page.getByLabel("Organization")).hasValue(org.slug());
        assertFitsAPhone();
        screenshot("sign-in");
        page.getByLabel("Email").fill(both.email());
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#signin-error"))
                .hasText("These details do not match an account that can sign in. Check them and try again.");
        assertThat(page.getByLabel("Email")).hasValue(both.email());

        signIn(org, both);
        assertThat(page.locator("h1")).hasText("Your feed");
        Cookie session = context.cookies().stream().filter(c -> c.name.equals("chorus_session")).findFirst()
                .orElseThrow();
        assertThat(session.path).isEqualTo("/app");
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.STRICT);

        // The admin UI does not see the app's session: it asks to sign in, and its own session is independent.
        page.navigate("/admin");
        assertThat(page).hasURL(Pattern.compile("/admin/login\\?next=%2Fadmin$"));
        page.getByLabel("Organization").fill(org.slug());
        page.getByLabel("Email").fill(both.email());
        page.getByLabel("Password").fill(Organizations.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile("/admin$"));
        page.navigate("/app");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile("/app/login$"));
        page.navigate("/admin");
        assertThat(page).hasURL(Pattern.compile("/admin$"));
        page.navigate("/app");
        assertThat(page).hasURL(Pattern.compile("/app/login\\?next=%2Fapp$"));
    }

    @Test
    void theAppIsForThoseWhoShare() {
        Org org = Organizations.create();
        Person analyst = org.member("analyst");
        page.navigate("/app/login?org=" + org.slug());
        page.getByLabel("Email").fill(analyst.email());
        page.getByLabel("Password").fill(Organizations.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("h1")).hasText("The app is for the colleagues who share");
        assertThat(context.cookies().stream().filter(c -> c.name.equals("chorus_session"))).isEmpty();
    }

    @Test
    void theCharterComesFirstAndDecliningSaysWhatFollows() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("text", "Be kind.\nSay that you work here.")).put("/api/v1/charter")
                .then().statusCode(200);
        Person ambassador = org.member("ambassador");
        Contents.published(org.member("curator").token(), Contents.body("After the charter"));
        signIn(org, ambassador);
        assertThat(page).hasURL(Pattern.compile("/app/charter\\?next=%2Fapp$"));
        assertThat(page.getByTestId("charter-text")).containsText("Say that you work here.");
        assertFitsAPhone();
        screenshot("charter");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I decline")).click();
        assertThat(page.getByTestId("declined-text")).containsText("your account stays as it is");
        page.navigate("/app?topic=news");
        assertThat(page).hasURL(Pattern.compile("/app/charter.*"));
        Api.as(ambassador.token()).get("/api/v1/charter").then().body("acceptedByMe", equalTo(false));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I accept")).click();
        Api.as(ambassador.token()).get("/api/v1/charter").then().body("acceptedByMe", equalTo(true));
        page.navigate("/app");
        assertThat(page.getByTestId("feed-item")).hasCount(1);
    }

    @Test
    void aMemberDeactivatedMeanwhileIsSignedOutOnTheNextRequest() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        signIn(org, ambassador);
        assertThat(page.locator("h1")).hasText("Your feed");
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", ambassador.id())
                .then().statusCode(200);
        page.navigate("/app");
        assertThat(page).hasURL(Pattern.compile("/app/login\\?next=%2Fapp$"));
        assertThat(context.cookies().stream().filter(c -> c.name.equals("chorus_session"))).isEmpty();
        page.getByLabel("Organization").fill(org.slug());
        page.getByLabel("Email").fill(ambassador.email());
        page.getByLabel("Password").fill(Organizations.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#signin-error")).isVisible();
    }

    @Test
    void theLanguageSwitchMakesTheAppFrenchForTheMember() {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Contents.published(org.member("curator").token(), Contents.body("Bonjour"));
        signIn(org, ambassador);
        page.getByTestId("language-switch").click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("h1")).hasText("Votre fil");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Partager sur Bonjour")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("E-mail"))).isVisible();
        Api.as(ambassador.token()).get("/api/v1/me").then().body("language", equalTo("fr"));
        assertFitsAPhone();
        screenshot("feed-fr");
    }

    @Test
    void aPageLoadsNothingFromElsewhereAndLittleOfItsOwn() throws IOException {
        Org org = Organizations.create();
        Person ambassador = org.member("ambassador");
        Contents.published(org.member("curator").token(), Contents.body("Light"));
        List<String> requested = new ArrayList<>();
        page.onRequest(request -> requested.add(request.url()));
        signIn(org, ambassador);
        page.waitForLoadState();
        assertThat(requested).as("no third-party resource").allMatch(url -> url.startsWith(base.toString()));

        long compressed = 0;
        for (String asset : List.of("/webjars/picocss__pico/2.1.1/css/pico.min.css", "/css/app.css", "/js/app.js")) {
            assertThat(requested).contains(base + asset.substring(1));
            APIResponse response = context.request().get(asset);
            assertThat(response.status()).isEqualTo(200);
            compressed += gzipped(response.body());
        }
        assertThat(compressed).as("CSS and JS of a page, compressed").isLessThan(60_000);

        APIResponse manifest = context.request().get("/app/manifest.webmanifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.text()).contains("\"start_url\": \"/app\"");
        for (String icon : List.of("/icons/chorus-192.png", "/icons/chorus-512.png", "/icons/chorus.svg")) {
            assertThat(context.request().get(icon).status()).as(icon).isEqualTo(200);
        }
    }

    private static int gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }
}
