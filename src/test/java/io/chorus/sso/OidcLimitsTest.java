package io.chorus.sso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.chorus.support.Api;
import io.chorus.support.LocalWebServer;
import io.chorus.support.OidcProvider;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Identity providers that never answer in time, answer a byte at a time or answer without end, at each of the three
 * calls (Discovery, the token endpoint, the key set; {@link LocalWebServer}'s {@code /idp/<mode>}): the service gives
 * up within its timeout (1 s here) or its size limit, says so (problem+json or a page, audited), and no thread of it is
 * left waiting on the provider.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalWebServer.class, restrictToAnnotatedClass = true)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OidcLimitsTest {

    /** The service's timeout here, and what its answer may take beyond it on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private static String provider(Org org, String mode) {
        return Api.as(org.admin().token())
                .body(Map.of("name", mode, "issuer", LocalWebServer.url("/idp/" + mode), "clientId", "chorus",
                        "clientSecret", "secret", "allowedDomains", List.of(org.slug() + ".example")))
                .post("/api/v1/settings/identity-providers").then().statusCode(201).extract().path("id");
    }

    /** A browser's sign-in (in this language), back from the provider with a code: the callback's answer, timed. */
    private static Response signIn(Org org, String accept, String language) {
        Response started = given().redirects().follow(false).header("Accept-Language", language)
                .get("/api/v1/auth/sso/" + org.slug());
        started.then().statusCode(303);
        String state = OidcProvider.query(started.header("Location")).get("state");
        long start = System.nanoTime();
        Response callback = given().redirects().follow(false).accept(accept).header("Accept-Language", language)
                .cookie("chorus_sso", started.cookie("chorus_sso")).queryParam("code", "a-code")
                .queryParam("state", state).get("/api/v1/auth/sso/callback");
        Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the callback's answer time")
                .isLessThan(TIMEOUT.plus(MARGIN));
        return callback;
    }

    private static void refusedAsUnavailable(String mode, String detail) {
        Org org = Organizations.create();
        provider(org, mode);
        signIn(org, "application/json", "en").then().statusCode(502).contentType("application/problem+json")
                .body("type", endsWith(":idp-unavailable")).body("detail", containsString(detail));
        Api.as(org.admin().token()).queryParam("action", "sso.login.failed").get("/api/v1/audit-events").then()
                .statusCode(200).body("items[0].detail.reason", equalTo("idp-unavailable"))
                .body("items[0].detail.detail", containsString(detail));
        assertNoThreadWaitsOnAProvider();
    }

    @Test
    void aTokenEndpointThatNeverAnswersInTimeFailsTheSignInWithinTheTimeout() {
        refusedAsUnavailable("slow-token", "did not answer within 1000 ms");
        // Headers at once, then a byte at a time: the timeout covers the whole answer, not only its start.
        refusedAsUnavailable("trickle-token", "did not answer within 1000 ms");
    }

    @Test
    void aHugeAnswerIsReadNoFurtherThanTheLimit() {
        int abandoned = LocalWebServer.abandonedAnswers();
        refusedAsUnavailable("huge-token", "larger than 262144 bytes");
        // The service dropped the connection rather than reading (or leaving open) the rest.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (LocalWebServer.abandonedAnswers() == abandoned && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Assertions.assertThat(LocalWebServer.abandonedAnswers()).isGreaterThan(abandoned);
    }

    @Test
    void theKeySetIsBoundedLikeTheOtherCalls() {
        refusedAsUnavailable("slow-jwks", "did not answer within 1000 ms");
        refusedAsUnavailable("huge-jwks", "larger than 262144 bytes");
    }

    @Test
    void aBrowserIsToldOnAPageInItsLanguage() {
        Org org = Organizations.create();
        provider(org, "slow-token");
        Response page = signIn(org, "text/html", "fr-FR,fr;q=0.9");
        page.then().statusCode(502).contentType(containsString("text/html")).header("Content-Language", "fr")
                .body(containsString("<h1>Votre fournisseur d&#39;identité ne répond pas</h1>"))
                .body(containsString("data-problem=\"idp-unavailable\""));
        Assertions.assertThat(page.getCookie("chorus_session")).isNull();
        assertNoThreadWaitsOnAProvider();
    }

    @Test
    void aDiscoveryDocumentThatIsSlowOrHugeIsRefusedWhenSaving() {
        Org org = Organizations.create();
        for (String mode : List.of("slow-discovery", "huge-discovery")) {
            long start = System.nanoTime();
            Api.as(org.admin().token())
                    .body(Map.of("name", mode, "issuer", LocalWebServer.url("/idp/" + mode), "clientId", "chorus",
                            "clientSecret", "secret", "allowedDomains", List.of("example.com")))
                    .post("/api/v1/settings/identity-providers").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("issuer"))
                    .body("violations.message", hasItem(containsString(
                            mode.startsWith("slow") ? "did not answer within" : "larger than 262144 bytes")));
            Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(MARGIN));
        }
        Api.as(org.admin().token()).get("/api/v1/settings/identity-providers").then().body("items.size()", equalTo(0));
        assertNoThreadWaitsOnAProvider();
    }

    /** No thread is still inside the calls to providers (polled: a cancelled exchange ends on the client's threads). */
    private static void assertNoThreadWaitsOnAProvider() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> waiting;
        do {
            waiting = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> Arrays.stream(e.getValue()).anyMatch(frame -> callsAProvider(frame.getClassName())))
                    .map(e -> e.getKey().getName()).toList();
        } while (!waiting.isEmpty() && System.nanoTime() < deadline);
        Assertions.assertThat(waiting).as("threads still calling an identity provider").isEmpty();
    }

    private static boolean callsAProvider(String className) {
        return List.of(OidcHttp.class.getName(), OidcClient.class.getName()).stream()
                .anyMatch(c -> className.equals(c) || className.startsWith(c + "$"));
    }
}
