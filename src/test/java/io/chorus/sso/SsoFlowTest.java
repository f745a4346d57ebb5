package io.chorus.sso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.OidcProvider;
import io.chorus.support.OidcProvider.User;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.chorus.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The authorization code flow against a real OpenID provider: success, provisioning, and each way it must fail. */
@QuarkusTest
@QuarkusTestResource(value = OidcProvider.class, restrictToAnnotatedClass = true)
class SsoFlowTest {

    @Inject
    DataSource database;

    @BeforeEach
    void reset() {
        OidcProvider.reset();
    }

    private static User user(Org org, String local, List<String> groups) {
        User user = new User("sub-" + UUID.randomUUID(), local + "@" + org.slug() + ".example", true, "Ada", "Lovelace",
                groups);
        OidcProvider.addUser(user);
        return user;
    }

    @Test
    void aFirstSignInCreatesTheMemberAndLaterOnesFollowTheProvider() {
        Org org = Organizations.create();
        String comms = org.group("Comms", "team");
        String other = org.group("Other", "team");
        Sso.provider(org, List.of(Map.of("idpGroup", "chorus-curators", "roles", List.of("curator", "ambassador"),
                "groupIds", List.of(comms))));
        Sso.registerAppUri(org);
        User ada = user(org, "ada", List.of("chorus-curators"));

        Response callback = Sso.asApp(org, ada.email());
        Assertions.assertThat(callback.header("Location")).contains("state=app-state");
        String code = Sso.code(callback);
        String access = Sso.exchange(code).then().statusCode(200).body("tokenType", equalTo("Bearer"))
                .body("refreshToken", notNullValue()).extract().path("accessToken");
        Api.as(access).get("/api/v1/me").then().statusCode(200).body("email", equalTo(ada.email()))
                .body("name", equalTo("Ada Lovelace")).body("roles", containsInAnyOrder("curator", "ambassador"))
                .body("groupIds", containsInAnyOrder(comms));
        Sso.exchange(code).then().statusCode(400).contentType("application/problem+json").body("type",
                endsWith(":invalid-sso-code"));

        // The admin adds a group of their own; the provider drops the person from the mapped group and renames them.
        String memberId = Api.as(access).get("/api/v1/me").then().extract().path("id");
        Api.as(org.admin().token()).body(Map.of("groupIds", List.of(comms, other)))
                .patch("/api/v1/members/{id}", memberId).then().statusCode(200);
        OidcProvider.addUser(new User(ada.subject(), ada.email(), true, "Ada", "King", List.of()));
        String again = Sso.exchange(Sso.code(Sso.asApp(org, ada.email()))).then().statusCode(200).extract()
                .path("accessToken");
        Api.as(again).get("/api/v1/me").then().body("id", equalTo(memberId)).body("name", equalTo("Ada King"))
                .body("roles", containsInAnyOrder("ambassador")).body("groupIds", containsInAnyOrder(other));
        Api.as(org.admin().token()).queryParam("action", "sso.login.succeeded").get("/api/v1/audit-events").then()
                .body("items.targetId", hasItem(memberId));
        Api.as(org.admin().token()).queryParam("action", "member.provisioned").get("/api/v1/audit-events").then()
                .body("items.targetId", hasItem(memberId));
    }

    @Test
    void anAppsCodeExpiresAfterAMinute() {
        Org org = Organizations.create();
        Sso.provider(org, List.of());
        Sso.registerAppUri(org);
        User ada = user(org, "late", List.of());
        String code;
        try (TestClock earlier = TestClock.runFrom(Time.now().minusSeconds(61).atZone(ZoneOffset.UTC))) {
            code = Sso.code(Sso.asApp(org, ada.email()));
        }
        Sso.exchange(code).then().statusCode(400).body("type", endsWith(":invalid-sso-code"));
        // The same sign-in a moment later works: the refusal was the code's age.
        Sso.exchange(Sso.code(Sso.asApp(org, ada.email()))).then().statusCode(200);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() {
        Org org = Organizations.create();
        Sso.provider(org, List.of());
        Sso.registerAppUri(org);
        User ada = user(org, "rotated", List.of());
        Sso.exchange(Sso.code(Sso.asApp(org, ada.email()))).then().statusCode(200);
        int fetches = OidcProvider.jwksFetches();
        OidcProvider.rotateKey();
        Sso.exchange(Sso.code(Sso.asApp(org, ada.email()))).then().statusCode(200);
        Assertions.assertThat(OidcProvider.jwksFetches()).isGreaterThan(fetches);
    }

    private void refused(String reason, Consumer<Org> spoil, int status) {
        Org org = Organizations.create();
        Sso.provider(org, List.of());
        Sso.registerAppUri(org);
        User ada = user(org, "ada", List.of());
        spoil.accept(org);
        Response callback = Sso.asApp(org, ada.email());
        callback.then().log().ifValidationFails().statusCode(status).contentType("application/problem+json")
                .body("type", endsWith(":" + reason));
        Assertions.assertThat(callback.header("Location")).isNull();
        Api.as(org.admin().token()).queryParam("action", "sso.login.failed").get("/api/v1/audit-events").then()
                .body("items[0].detail.reason", equalTo(reason));
        Assertions
                .assertThat(
                        Rows.of(database, "select count(*) from sso_codes where organization_id = '" + org.id() + "'"))
                .containsExactly("0");
        OidcProvider.reset();
    }

    @Test
    void everySpoiledIdTokenIsRefused() {
        refused("invalid-id-token", org -> OidcProvider.next.audience = "someone-else", 401);
        refused("invalid-id-token", org -> OidcProvider.next.extraAudiences = List.of("another-client"), 401);
        refused("invalid-id-token", org -> OidcProvider.next.issuer = "http://127.0.0.1:1", 401);
        refused("invalid-id-token", org -> OidcProvider.next.expired = true, 401);
        refused("invalid-id-token", org -> OidcProvider.next.nonce = "not-the-nonce", 401);
        refused("invalid-id-token", org -> OidcProvider.next.unknownKey = true, 401);
        refused("idp-error", org -> OidcProvider.next.authorizationError = "access_denied", 401);
        refused("idp-error", org -> OidcProvider.next.tokenError = "invalid_grant", 401);
    }

    @Test
    void unverifiedEmailsOtherDomainsAndDeactivatedMembersAreRefused() {
        Org org = Organizations.create();
        Sso.provider(org, List.of());
        Sso.registerAppUri(org);
        User unverified = new User("sub-" + UUID.randomUUID(), "unverified@" + org.slug() + ".example", false, "U", "V",
                List.of());
        OidcProvider.addUser(unverified);
        Sso.asApp(org, unverified.email()).then().statusCode(403).body("type", endsWith(":email-not-verified"));
        User outsider = new User("sub-" + UUID.randomUUID(), "eve-" + org.slug() + "@elsewhere.example", true, "Eve",
                "X", List.of());
        OidcProvider.addUser(outsider);
        Sso.asApp(org, outsider.email()).then().statusCode(403).body("type", endsWith(":email-domain-not-allowed"));

        var member = org.member("ambassador");
        OidcProvider.addUser(new User("sub-" + UUID.randomUUID(), member.email(), true, "M", "N", List.of()));
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", member.id())
                .then().statusCode(200);
        Sso.asApp(org, member.email()).then().statusCode(403).body("type", endsWith(":member-deactivated"));
        Assertions.assertThat(Rows.of(database, "select status from members where id = '" + member.id() + "'"))
                .containsExactly("deactivated");
        Api.as(org.admin().token()).queryParam("action", "sso.login.failed").get("/api/v1/audit-events").then().body(
                "items.detail.reason",
                containsInAnyOrder("member-deactivated", "email-domain-not-allowed", "email-not-verified"));
    }

    @Test
    void entraIdsDomainVerificationCountsWhenNoEmailVerifiedIsSent() {
        Org org = Organizations.create();
        Sso.provider(org, List.of());
        Sso.registerAppUri(org);
        OidcProvider.next.entra = true;
        User verified = user(org, "entra", List.of());
        Sso.exchange(Sso.code(Sso.asApp(org, verified.email()))).then().statusCode(200);
        User unverified = new User("sub-" + UUID.randomUUID(), "unverified@" + org.slug() + ".example", false, "U", "V",
                List.of());
        OidcProvider.addUser(unverified);
        Sso.asApp(org, unverified.email()).then().statusCode(403).body("type", endsWith(":email-not-verified"));
    }

    @Test
    void aRefusedSignInIsAPageInTheLanguageOfThePageItStartedFrom() {
        Org org = Organizations.create();
        Sso.provider(org, List.of());
        // The French sign-in page's button starts the sign-in in French.
        Api.anonymous().accept("text/html").get("/app/login?org=" + org.slug() + "&lang=fr").then().statusCode(200)
                .body(containsString("/api/v1/auth/sso/" + org.slug() + "?provider=")).body(containsString("lang=fr"));
        User outsider = new User("sub-" + UUID.randomUUID(), "eve-" + org.slug() + "@elsewhere.example", true, "Eve",
                "X", List.of());
        OidcProvider.addUser(outsider);
        Sso.Started started = Sso.start(org, "?landing=app&lang=fr");
        Response page = given().redirects().follow(false).urlEncodingEnabled(false).accept("text/html")
                .cookie("chorus_sso", started.cookie()).get(Sso.authorize(started, outsider.email()));
        page.then().statusCode(403).contentType(containsString("text/html")).header("Content-Language", "fr")
                .body(containsString("<html lang=\"fr\">")).body(containsString("La connexion a échoué"))
                .body(containsString("Les adresses e-mail de votre domaine ne peuvent pas se connecter"))
                .body(containsString("data-problem=\"email-domain-not-allowed\""))
                .body(containsString("/app/login?lang=fr"));
        Assertions.assertThat(page.getCookie("chorus_session")).isNull();
        // The same failure in English for a browser that asks for English.
        Sso.Started english = Sso.start(org, "?landing=app");
        given().redirects().follow(false).urlEncodingEnabled(false).accept("text/html")
                .header("Accept-Language", "en-GB").cookie("chorus_sso", english.cookie())
                .get(Sso.authorize(english, outsider.email())).then().statusCode(403)
                .body(containsString("Email addresses of your domain may not sign in to this organization."));
    }

    @Test
    void aStateComesBackOnceAndOnlyWithItsCookie() {
        Org org = Organizations.create();
        Sso.provider(org, List.of());
        Sso.registerAppUri(org);
        User ada = user(org, "ada", List.of());
        Sso.Started started = Sso.start(org, "?redirect_uri=" + Sso.APP_URI);
        String callback = Sso.authorize(started, ada.email());
        Sso.callback(callback, null).then().statusCode(400).body("type", endsWith(":invalid-sso-state"));
        Sso.callback(callback, started.cookie() + "x").then().statusCode(400).body("type",
                endsWith(":invalid-sso-state"));
        Sso.callback(callback.replaceAll("state=[^&]*", "state=forged"), started.cookie()).then().statusCode(400)
                .body("type", endsWith(":invalid-sso-state"));
        Sso.code(Sso.callback(callback, started.cookie()));
        Sso.callback(callback, started.cookie()).then().statusCode(400).body("type", endsWith(":replayed-sso-state"));
    }

    @Test
    void startingNeedsAKnownOrganizationAnEnabledProviderAndARegisteredRedirect() {
        Api.anonymous().redirects().follow(false).get("/api/v1/auth/sso/no-such-org-" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        Org org = Organizations.create();
        Api.anonymous().redirects().follow(false).get("/api/v1/auth/sso/" + org.slug()).then().statusCode(404)
                .body("type", endsWith(":sso-not-configured"));
        String provider = Sso.provider(org, List.of());
        Api.anonymous().redirects().follow(false).queryParam("redirect_uri", "https://evil.example/steal")
                .get("/api/v1/auth/sso/" + org.slug()).then().statusCode(400)
                .body("type", endsWith(":unregistered-redirect-uri"));
        Api.as(org.admin().token()).body(Map.of("enabled", false))
                .patch("/api/v1/settings/identity-providers/{id}", provider).then().statusCode(200);
        Api.anonymous().redirects().follow(false).get("/api/v1/auth/sso/" + org.slug()).then().statusCode(404);
        // Another organization's provider is none of this one's.
        Org other = Organizations.create();
        String theirs = Sso.provider(other, List.of());
        Api.anonymous().redirects().follow(false).queryParam("provider", theirs).get("/api/v1/auth/sso/" + org.slug())
                .then().statusCode(404);
    }

    @Test
    void anOrganizationRequiringSsoRefusesPasswordsButItsAdmins() {
        Org org = Organizations.create();
        var member = org.member("ambassador");
        Api.as(org.admin().token()).body(Map.of("required", true, "redirectUris", List.of()))
                .put("/api/v1/settings/sso").then().statusCode(200).body("required", equalTo(true));
        Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith(":sso-required"));
        Api.login(org.slug(), member.email(), "wrong password").then().statusCode(401);
        Api.login(org.slug(), org.admin().email(), Organizations.PASSWORD).then().statusCode(200);
    }
}
