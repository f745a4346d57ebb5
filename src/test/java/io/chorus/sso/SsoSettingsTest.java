package io.chorus.sso;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.OidcProvider;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Identity providers and the SSO policy as admins manage them: checked, sealed, audited, and per organization. */
@QuarkusTest
@QuarkusTestResource(value = OidcProvider.class, restrictToAnnotatedClass = true)
class SsoSettingsTest {

    @Inject
    DataSource database;

    @Test
    void aProviderIsCheckedWhenSavedAndItsSecretNeverComesBack() {
        Org org = Organizations.create();
        String id = Sso.provider(org, List.of());
        String stored = Rows.of(database, "select client_secret_sealed from identity_providers where id = '" + id + "'")
                .get(0);
        Assertions.assertThat(stored).isNotBlank().doesNotContain(OidcProvider.CLIENT_SECRET);
        Api.as(org.admin().token()).get("/api/v1/settings/identity-providers/{id}", id).then().statusCode(200)
                .body("clientSecret", nullValue()).body("issuer", equalTo(OidcProvider.issuer()))
                .body("redirectUri", endsWith("/api/v1/auth/sso/callback"))
                .body("allowedDomains", equalTo(List.of(org.slug() + ".example")));
        String listed = Api.as(org.admin().token()).get("/api/v1/settings/identity-providers").then().statusCode(200)
                .body("items[0].id", equalTo(id)).extract().asString();
        Assertions.assertThat(listed).doesNotContain(OidcProvider.CLIENT_SECRET);
        Api.as(org.admin().token()).queryParam("action", "sso.provider.created").get("/api/v1/audit-events").then()
                .body("items[0].targetId", equalTo(id));

        // An issuer without a Discovery document, or not https, is refused and nothing is saved.
        Api.as(org.admin().token())
                .body(Map.of("name", "Broken", "issuer", OidcProvider.issuer() + "/nothing-here", "clientId", "c",
                        "clientSecret", "s", "allowedDomains", List.of("example.com")))
                .post("/api/v1/settings/identity-providers").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("issuer"));
        Api.as(org.admin().token())
                .body(Map.of("name", "Plain", "issuer", "http://idp.example.com", "clientId", "c", "clientSecret", "s",
                        "allowedDomains", List.of("example.com")))
                .post("/api/v1/settings/identity-providers").then().statusCode(400);
        Api.as(org.admin().token())
                .body(Map.of("name", "Bad domain", "issuer", OidcProvider.issuer(), "clientId", "c", "clientSecret",
                        "s", "allowedDomains", List.of("not a domain")))
                .post("/api/v1/settings/identity-providers").then().statusCode(400);
        Assertions
                .assertThat(Rows.of(database,
                        "select count(*) from identity_providers where organization_id = '" + org.id() + "'"))
                .containsExactly("1");

        Api.as(org.admin().token()).body(Map.of("name", "Renamed", "clientSecret", "new-secret"))
                .patch("/api/v1/settings/identity-providers/{id}", id).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("clientSecret", nullValue());
        Assertions.assertThat(
                Rows.of(database, "select client_secret_sealed from identity_providers where id = '" + id + "'").get(0))
                .isNotEqualTo(stored);
        Api.as(org.admin().token()).delete("/api/v1/settings/identity-providers/{id}", id).then().statusCode(204);
        Api.as(org.admin().token()).get("/api/v1/settings/identity-providers/{id}", id).then().statusCode(404);
    }

    @Test
    void anotherOrganizationsProvidersAre404AndStayAsTheyAre() {
        Org home = Organizations.create();
        Org victim = Organizations.create();
        String theirs = Sso.provider(victim, List.of());
        Api.as(home.admin().token()).get("/api/v1/settings/identity-providers/{id}", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(home.admin().token()).body(Map.of("name", "Hijacked"))
                .patch("/api/v1/settings/identity-providers/{id}", theirs).then().statusCode(404);
        Api.as(home.admin().token()).delete("/api/v1/settings/identity-providers/{id}", theirs).then().statusCode(404);
        Api.as(home.admin().token()).get("/api/v1/settings/identity-providers").then().body("items.id",
                not(hasItem(theirs)));
        Api.as(victim.admin().token()).get("/api/v1/settings/identity-providers/{id}", theirs).then().statusCode(200)
                .body("name", equalTo("Test IdP"));
    }

    @Test
    void redirectUrisMustBeHttpsOrAnAppsOwnScheme() {
        Org org = Organizations.create();
        for (String bad : List.of("http://app.example/sso", "javascript:alert(1)", "https://app.example/#x",
                "myapp:/sso")) {
            Api.as(org.admin().token()).body(Map.of("required", false, "redirectUris", List.of(bad)))
                    .put("/api/v1/settings/sso").then().statusCode(400).contentType("application/problem+json");
        }
        Api.as(org.admin().token()).get("/api/v1/settings/sso").then().body("redirectUris", equalTo(List.of()));
        Api.as(org.admin().token())
                .body(Map.of("required", false, "redirectUris",
                        List.of("com.example.chorus:/sso", "https://app.example/sso")))
                .put("/api/v1/settings/sso").then().statusCode(200)
                .body("redirectUris", equalTo(List.of("com.example.chorus:/sso", "https://app.example/sso")));
    }
}
