package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.chorus.support.Api;
import io.chorus.support.OidcProvider;
import io.chorus.support.OidcProvider.User;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The single sign-on settings page in a real browser, against the tests' OpenID provider: identity providers added,
 * edited, switched off and on (the sign-in pages follow), deleted; the sign-in policy; SCIM tokens shown once.
 */
@QuarkusTest
@QuarkusTestResource(value = OidcProvider.class, restrictToAnnotatedClass = true)
class IdentityProvidersUiTest extends AdminBrowserTest {

    private void addProvider(Org org) {
        page.navigate("/admin/settings/sso");
        page.getByTestId("add-provider").click();
        page.locator("#name").fill("Test IdP");
        page.locator("#issuer").fill(OidcProvider.issuer());
        page.locator("#clientId").fill(OidcProvider.CLIENT_ID);
        page.locator("#clientSecret").fill(OidcProvider.CLIENT_SECRET);
        page.locator("#allowedDomains").fill(org.slug() + ".example");
        page.getByTestId("save-provider").click();
        assertThat(page.locator(".notice")).hasText("The identity provider is added.");
    }

    private Locator row(String name) {
        return page.getByTestId("provider-row").filter(new Locator.FilterOptions().setHasText(name));
    }

    /** How many "Sign in with Test IdP" buttons the app's sign-in page shows someone not signed in. */
    private int appButtons(Org org) {
        try (BrowserContext visitor = browser.chromium
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(base.toString()))) {
            Page signIn = visitor.newPage();
            signIn.navigate("/app/login?org=" + org.slug());
            assertThat(signIn.getByLabel("Password")).isVisible();
            return signIn.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Test IdP"))
                    .count();
        }
    }

    @Test
    void anAdminAddsAProviderEditsItsMappingAndSwitchesItOffAndOn() {
        Org org = Organizations.create();
        String comms = org.group("Comms", "team");
        signIn(org, org.admin());
        page.navigate("/admin/settings");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Single sign-on")).click();
        assertThat(page.locator("h1")).hasText("Single sign-on and provisioning");
        assertThat(page.locator("#redirect-uri")).hasValue(Pattern.compile("/api/v1/auth/sso/callback$"));
        addProvider(org);
        assertThat(row("Test IdP")).containsText(OidcProvider.issuer());
        assertThat(row("Test IdP").getByTestId("provider-status")).hasText("Enabled");
        String id = Api.as(org.admin().token()).get("/api/v1/settings/identity-providers").then().statusCode(200)
                .body("items[0].name", equalTo("Test IdP")).body("items[0].clientSecret", nullValue())
                .body("items[0].allowedDomains", equalTo(List.of(org.slug() + ".example"))).extract()
                .path("items[0].id");
        assertThat(appButtons(org)).isEqualTo(1);

        // The group mapping: members of chorus-curators are curators in Comms.
        row("Test IdP").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Test IdP")).click();
        assertThat(page.getByTestId("secret-state")).hasText("A secret is set. Type a new one only to replace it.");
        assertThat(page.locator("#clientSecret")).hasValue("");
        page.locator("#idpGroup-0").fill("chorus-curators");
        page.locator("input[name=mappingRoles][value='0:curator']").check();
        page.locator("select[name=mappingGroups]").first().selectOption("0:" + comms);
        page.getByTestId("save-provider").click();
        assertThat(page.locator(".notice")).hasText("The identity provider is saved.");
        Browser.screenshot(page, "settings-sso");
        Api.as(org.admin().token()).get("/api/v1/settings/identity-providers/{id}", id).then().body("groupMappings",
                equalTo(List.of(Map.of("idpGroup", "chorus-curators", "roles", List.of("curator"), "groupIds",
                        List.of(comms)))));
        Api.as(org.admin().token()).queryParam("action", "sso.provider.updated").get("/api/v1/audit-events").then()
                .body("items[0].targetId", equalTo(id)).body("items[0].detail.secretChanged", equalTo(false));

        // Off: the sign-in pages no longer offer it; on again: they do.
        row("Test IdP").getByTestId("toggle-provider").click();
        assertThat(page.locator(".notice")).containsText("The identity provider is disabled");
        assertThat(row("Test IdP").getByTestId("provider-status")).hasText("Disabled");
        assertThat(appButtons(org)).isEqualTo(0);
        row("Test IdP").getByTestId("toggle-provider").click();
        assertThat(page.locator(".notice")).containsText("The identity provider is enabled");
        assertThat(appButtons(org)).isEqualTo(1);

        // The mapping works: a curator of the provider's group signs in to the admin UI through it.
        String email = "joan-" + UUID.randomUUID().toString().substring(0, 6) + "@" + org.slug() + ".example";
        OidcProvider.addUser(
                new User("sub-" + UUID.randomUUID(), email, true, "Joan", "Clarke", List.of("chorus-curators")));
        BrowserContext curator = browser.chromium
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(base.toString()));
        Page theirs = curator.newPage();
        theirs.navigate("/admin/login?org=" + org.slug());
        theirs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Test IdP")).click();
        theirs.getByLabel("Email").fill(email);
        theirs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(theirs).hasURL(Pattern.compile("/admin$"));
        // An admin page is not theirs.
        assertThat(curator.request().get("/admin/settings/sso").status()).isEqualTo(403);
        curator.close();

        row("Test IdP").getByText("Delete…").click();
        row("Test IdP").getByTestId("delete-provider").click();
        assertThat(page.locator(".notice")).hasText("The identity provider is deleted.");
        assertThat(page.getByTestId("provider-row")).hasCount(0);
        Api.as(org.admin().token()).get("/api/v1/settings/identity-providers/{id}", id).then().statusCode(404);
        assertThat(appButtons(org)).isEqualTo(0);
    }

    @Test
    void aRefusedFormComesBackAsTypedButForItsSecret() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/settings/sso/providers/new");
        page.locator("#name").fill("Test IdP");
        page.locator("#issuer").fill(OidcProvider.issuer() + "/nothing-here");
        page.locator("#clientId").fill(OidcProvider.CLIENT_ID);
        page.locator("#clientSecret").fill(OidcProvider.CLIENT_SECRET);
        page.locator("#allowedDomains").fill("not a domain!");
        page.getByTestId("save-provider").click();
        assertThat(page.locator("#allowedDomains-error")).hasText("Enter 1 to 50 domain names, such as example.com.");
        assertThat(page.locator("#allowedDomains")).hasValue("not a domain!");
        assertThat(page.locator("#clientSecret")).hasValue("");
        assertThat(page.locator("#clientSecret-error"))
                .hasText("Type the client secret again: a refused form never shows it back.");
        assertThat(page.content()).doesNotContain(OidcProvider.CLIENT_SECRET);

        page.locator("#allowedDomains").fill(org.slug() + ".example");
        page.locator("#clientSecret").fill(OidcProvider.CLIENT_SECRET);
        page.getByTestId("save-provider").click();
        assertThat(page.locator("#issuer-error")).hasText(
                "The issuer's discovery document could not be loaded: The identity provider refused (HTTP 404).");
        assertThat(page.locator("#issuer")).hasValue(OidcProvider.issuer() + "/nothing-here");
        Api.as(org.admin().token()).get("/api/v1/settings/identity-providers").then().body("items.size()", equalTo(0));

        // Names are unique, ignoring case, as in the API.
        Api.as(org.admin().token())
                .body(Map.of("name", "Taken", "issuer", OidcProvider.issuer(), "clientId", "c", "clientSecret", "s",
                        "allowedDomains", List.of("example.com")))
                .post("/api/v1/settings/identity-providers").then().statusCode(201);
        page.locator("#name").fill("taken");
        page.locator("#issuer").fill(OidcProvider.issuer());
        page.locator("#clientSecret").fill(OidcProvider.CLIENT_SECRET);
        page.getByTestId("save-provider").click();
        assertThat(page.locator("#name-error")).hasText("Another identity provider already has this name.");
        Api.as(org.admin().token()).get("/api/v1/settings/identity-providers").then().body("items.size()", equalTo(1));

        page.getByTestId("language-switch").click();
        page.navigate("/admin/settings/sso/providers/new");
        page.locator("#name").fill("");
        page.getByTestId("save-provider").click();
        assertThat(page.locator("#name-error")).hasText("Indiquez un nom de 100 caractères au plus.");
        assertThat(page.locator("h1")).hasText("Ajouter un fournisseur d'identité");
    }

    @Test
    void aScimTokenIsShownOnceWorksAndIsRevoked() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/settings/sso");
        assertThat(page.locator("#scim-url")).hasValue(Pattern.compile("/scim/v2$"));
        page.locator("#tokenName").fill("Entra ID");
        page.getByTestId("create-token").click();
        assertThat(page.locator(".notice")).hasText("The SCIM token is created.");
        String token = page.getByTestId("token-secret").inputValue();
        assertThat(token).startsWith("chorus_scim_");
        scim(token).then().statusCode(200);
        page.navigate("/admin/settings/sso");
        assertThat(page.getByTestId("created-token")).hasCount(0);
        assertThat(page.content()).doesNotContain(token);
        Locator tokenRow = page.getByTestId("token-row").filter(new Locator.FilterOptions().setHasText("Entra ID"));
        assertThat(tokenRow).not().containsText("Never"); // the request above used it

        tokenRow.getByText("Revoke…").click();
        tokenRow.getByTestId("revoke-token").click();
        assertThat(page.locator(".notice")).hasText("The SCIM token is revoked: it no longer works.");
        assertThat(page.getByTestId("token-row")).hasCount(0);
        scim(token).then().statusCode(401);
    }

    private static io.restassured.response.Response scim(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get("/scim/v2/Users");
    }

    @Test
    void theSignInPolicyRequiresSsoButNotForAdmins() {
        Org org = Organizations.create();
        var member = org.member("ambassador");
        signIn(org, org.admin());
        page.navigate("/admin/settings/sso");
        page.locator("#redirectUris").fill("http://app.example/sso");
        page.getByLabel("Require single sign-on").check();
        page.getByTestId("save-policy").click();
        assertThat(page.locator("#redirectUris-error")).containsText("Enter at most 20 addresses, one per line");
        assertThat(page.locator("#redirectUris")).hasValue("http://app.example/sso");
        Api.as(org.admin().token()).get("/api/v1/settings/sso").then().body("required", equalTo(false));

        page.locator("#redirectUris").fill("com.example.chorus:/sso\nhttps://app.example/sso");
        page.getByTestId("save-policy").click();
        assertThat(page.locator(".notice")).hasText("The sign-in policy is saved.");
        assertThat(page.getByLabel("Require single sign-on")).isChecked();
        Api.as(org.admin().token()).get("/api/v1/settings/sso").then().body("required", equalTo(true))
                .body("redirectUris", equalTo(List.of("com.example.chorus:/sso", "https://app.example/sso")));
        Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().statusCode(403).body("type",
                endsWith(":sso-required"));
        Api.login(org.slug(), org.admin().email(), Organizations.PASSWORD).then().statusCode(200).body("accessToken",
                startsWith("ey"));

        // A form without the CSRF token is refused and changes nothing.
        assertThat(postWithoutCsrfToken("/admin/settings/sso/policy",
                RequestOptions.create().setForm(FormData.create().set("redirectUris", "")))).isEqualTo(403);
        Api.as(org.admin().token()).get("/api/v1/settings/sso").then().body("required", equalTo(true));
    }
}
