package io.chorus.sso;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.chorus.support.Api;
import io.chorus.support.OidcProvider;
import io.chorus.support.Organizations.Org;
import io.restassured.response.Response;

/** The SSO flow driven by hand, as a browser or a mobile app would follow its redirects. */
final class Sso {

    static final String APP_URI = "com.example.chorus:/sso";

    private Sso() {
    }

    /** An enabled provider (the tests' OpenID provider) for the organization, allowing its members' domain. */
    static String provider(Org org, List<Map<String, Object>> mappings) {
        return Api.as(org.admin().token())
                .body(Map.of("name", "Test IdP", "issuer", OidcProvider.issuer(), "clientId", OidcProvider.CLIENT_ID,
                        "clientSecret", OidcProvider.CLIENT_SECRET, "allowedDomains", List.of(org.slug() + ".example"),
                        "groupMappings", mappings))
                .post("/api/v1/settings/identity-providers").then().statusCode(201).extract().path("id");
    }

    static void registerAppUri(Org org) {
        Api.as(org.admin().token()).body(Map.of("required", false, "redirectUris", List.of(APP_URI)))
                .put("/api/v1/settings/sso").then().statusCode(200);
    }

    /** What the start answered: the identity provider's authorization URL and the state cookie. */
    record Started(String authorization, String cookie) {
    }

    static Started start(Org org, String query) {
        Response started = given().redirects().follow(false).get("/api/v1/auth/sso/" + org.slug() + query);
        started.then().statusCode(303);
        return new Started(started.header("Location"), started.cookie("chorus_sso"));
    }

    /** Signs in at the provider as this user; the callback URL (path and query) it sends the browser to. */
    static String authorize(Started started, String username) {
        Response login = given().redirects().follow(false).urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded")
                .body("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)).post(started.authorization());
        login.then().statusCode(302);
        URI callback = URI.create(login.header("Location"));
        return callback.getRawPath() + "?" + callback.getRawQuery();
    }

    static Response callback(String callback, String cookie) {
        var request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (cookie != null) {
            request.cookie("chorus_sso", cookie);
        }
        return request.get(callback);
    }

    /** The whole flow of a mobile app up to the callback's answer. */
    static Response asApp(Org org, String username) {
        Started started = start(org, "?redirect_uri=" + APP_URI + "&state=app-state");
        return callback(authorize(started, username), started.cookie());
    }

    /** The one-time code the callback sent the app. */
    static String code(Response callback) {
        callback.then().statusCode(303);
        String location = callback.header("Location");
        if (!location.startsWith(APP_URI + "?")) {
            throw new AssertionError("not to the app: " + location);
        }
        return OidcProvider.query(location.replace(APP_URI, "app:/x")).get("code");
    }

    static Response exchange(String code) {
        return Api.anonymous().body(Map.of("code", code)).post("/api/v1/auth/sso/token");
    }
}
