package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.support.Api;
import io.chorus.support.OidcProvider;
import io.chorus.support.OidcProvider.User;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** "Sign in with …" in a real browser: through the tests' OpenID provider's login form, and back signed in. */
@QuarkusTest
@QuarkusTestResource(value = OidcProvider.class, restrictToAnnotatedClass = true)
class SsoBrowserTest extends AppBrowserTest {

    @Override
    void offline(BrowserContext browser) {
        browser.route(url -> !url.startsWith(base.toString()) && !url.startsWith(OidcProvider.issuer()),
                route -> route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html")
                        .setBody("<!DOCTYPE html><title>elsewhere</title>")));
    }

    private static Org withProvider(List<Map<String, Object>> mappings) {
        Org org = Organizations.create();
        Api.as(org.admin().token())
                .body(Map.of("name", "Test IdP", "issuer", OidcProvider.issuer(), "clientId", OidcProvider.CLIENT_ID,
                        "clientSecret", OidcProvider.CLIENT_SECRET, "allowedDomains", List.of(org.slug() + ".example"),
                        "groupMappings", mappings))
                .post("/api/v1/settings/identity-providers").then().statusCode(201);
        return org;
    }

    private void signInAtTheProvider(String email) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Test IdP")).click();
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
    }

    @Test
    void signingInWithTheProviderLandsInTheApp() {
        Org org = withProvider(List.of());
        String email = "grace-" + UUID.randomUUID().toString().substring(0, 6) + "@" + org.slug() + ".example";
        OidcProvider.addUser(new User("sub-" + UUID.randomUUID(), email, true, "Grace", "Hopper", List.of()));
        page.navigate("/app?org=" + org.slug());
        signInAtTheProvider(email);
        assertThat(page.locator("h1")).hasText("Your feed");
        assertThat(page).hasURL(Pattern.compile("/app$"));
        screenshot("sso-landed");
    }

    @Test
    void signingInWithTheProviderLandsInTheAdminUi() {
        Org org = withProvider(List.of(Map.of("idpGroup", "comms", "roles", List.of("curator"))));
        String email = "joan-" + UUID.randomUUID().toString().substring(0, 6) + "@" + org.slug() + ".example";
        OidcProvider.addUser(new User("sub-" + UUID.randomUUID(), email, true, "Joan", "Clarke", List.of("comms")));
        page.navigate("/admin/login?org=" + org.slug());
        signInAtTheProvider(email);
        assertThat(page).hasURL(Pattern.compile("/admin$"));
        assertThat(page.getByLabel("Password")).hasCount(0);
    }
}
