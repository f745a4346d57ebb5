package io.chorus.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.sun.net.httpserver.HttpServer;

import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.Rows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /c.js in a real Chromium, on the pages of a shop at another origin than Chorus (so every report is a CORS request):
 * the landing page keeps the visit's click id, a later page of the same visit reports the purchase with it, and a page
 * of an origin the key does not allow gets no answer it can read.
 */
@QuarkusTest
class ConversionScriptUiTest {

    static Playwright playwright;
    static Browser chromium;

    @TestHTTPResource("/")
    URL base;
    @Inject
    DataSource database;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        chromium = playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void quit() {
        chromium.close();
        playwright.close();
    }

    /** The shop's pages, by path. */
    private final Map<String, String> pages = new java.util.concurrent.ConcurrentHashMap<>();

    /** A web server of the shop's on a loopback port of its own (another origin than Chorus's). */
    private HttpServer shop() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/shop/", exchange -> {
            byte[] body = pages.getOrDefault(exchange.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String origin(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A publishable key of the link's organization that works from {@code origin}. */
    private static String publishableKey(ConversionTest.Link link, String origin) {
        return Api.as(link.org().admin().token())
                .body(Map.of("name", "Shop pages", "kind", "publishable", "allowedOrigins", List.of(origin)))
                .post("/api/v1/settings/conversion-keys").then().statusCode(201).extract().path("key");
    }

    /** A new page of the context on the shop's landing page, as the redirect sends a visitor there. */
    private static Page land(BrowserContext context, String shop, ConversionTest.Link link, String clickId) {
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(shop + "/shop/landing?utm_medium=employee_advocacy&utm_content=" + link.code() + "&chorus_click="
                + clickId);
        assertThat(page.evaluate("chorus.clickId()")).isEqualTo(clickId);
        return page;
    }

    @Test
    void theScriptKeepsTheClickIdAcrossTheVisitAndReportsFromAnAllowedOriginOnly() throws IOException {
        ConversionTest.Link link = ConversionTest.link();
        String chorus = "http://localhost:" + base.getPort();
        HttpServer shopServer = shop();
        HttpServer evilServer = shop();
        String shop = origin(shopServer);
        String evil = origin(evilServer);
        String key = publishableKey(link, shop);
        String clickId = ConversionTest.click(link.code(), Clicks.CHROME, null);
        String script = "<script src=\"" + chorus + "/c.js\" data-key=\"" + key + "\"></script>";
        String report = "<script>chorus.conversion({type: 'purchase', value: 49.9, currency: 'EUR',"
                + " externalId: 'order-" + clickId + "'}).then(function (r) {"
                + " document.title = r ? r.status : 'refused'; });</script>";

        pages.put("/shop/landing", "<!DOCTYPE html><title>shop</title>" + script);
        pages.put("/shop/thanks", "<!DOCTYPE html><title>shop</title>" + script + report);
        try (BrowserContext context = chromium.newContext()) {
            Page page = land(context, shop, link, clickId);
            // Another page of the visit: no click id in its address, the one kept for the visit is reported.
            page.navigate(shop + "/shop/thanks");
            page.waitForCondition(() -> !page.title().equals("shop"));
            assertThat(page.title()).isIn("pending", "attributed");
            Rows.await(database,
                    "select count(*) from conversions where click_id = '" + clickId
                            + "' and status = 'attributed' and value = 49.9 and share_id = '" + link.shareId() + "'",
                    1);
            assertThat(context.cookies()).isEmpty();

            // The same key on a page of an origin it does not list: the report is refused, and unreadable there.
            page.navigate(evil + "/shop/landing?chorus_click=" + clickId);
            page.navigate(evil + "/shop/thanks");
            page.waitForCondition(() -> !page.title().equals("shop"));
            assertThat(page.title()).isEqualTo("refused");
        } finally {
            shopServer.stop(0);
            evilServer.stop(0);
        }
        assertThat(
                Rows.of(database, "select count(*) from conversions where organization_id = '" + link.org().id() + "'"))
                        .containsExactly("1");
        // The script itself stays small.
        assertThat(Api.anonymous().get("/c.js").then().statusCode(200).extract().asByteArray().length).isLessThan(2048);
    }

    @Test
    void withTheClickCookieOnTheScriptOfTheOrganizationsKeyKeepsTheClickIdForALaterVisit() throws IOException {
        ConversionTest.Link link = ConversionTest.link();
        String chorus = "http://localhost:" + base.getPort();
        HttpServer shopServer = shop();
        String shop = origin(shopServer);
        String key = publishableKey(link, shop);
        String clickId = ConversionTest.click(link.code(), Clicks.CHROME, null);
        // The key in the script's address: the script learns the organization's setting from it.
        String script = "<script src=\"" + chorus + "/c.js?key=" + key + "\"></script>";
        pages.put("/shop/landing", "<!DOCTYPE html><title>shop</title>" + script);
        pages.put("/shop/later", "<!DOCTYPE html><title>shop</title>" + script
                + "<script>chorus.conversion({type: 'purchase', value: 12, currency: 'EUR'}).then(function (r) {"
                + " document.title = r ? r.status : 'no click id'; });</script>");
        try {
            Api.as(link.org().admin().token()).get("/api/v1/settings/conversions").then().statusCode(200)
                    .body("clickCookie", org.hamcrest.Matchers.equalTo(false));
            try (BrowserContext context = chromium.newContext()) {
                land(context, shop, link, clickId);
                assertThat(context.cookies()).isEmpty();
                // A later visit (a new tab: no sessionStorage of the first) knows no click id.
                Page later = context.newPage();
                later.navigate(shop + "/shop/later");
                later.waitForCondition(() -> !later.title().equals("shop"));
                assertThat(later.title()).isEqualTo("no click id");
            }

            Api.as(link.org().admin().token())
                    .body(Map.of("clickIds", true, "attributionWindowDays", 7, "clickCookie", true))
                    .put("/api/v1/settings/conversions").then().statusCode(200)
                    .body("clickCookie", org.hamcrest.Matchers.equalTo(true));
            var served = Api.anonymous().queryParam("key", key).get("/c.js").then().statusCode(200)
                    .header("Cache-Control", "public, max-age=300").extract();
            assertThat(served.asByteArray().length).isLessThan(2048);
            assertThat(served.asString()).contains("days = 7;");
            // Only the organization's publishable key gets the cookie: a made-up key, or none, the plain script.
            assertThat(Api.anonymous().queryParam("key", "pk_made-up").get("/c.js").then().statusCode(200).extract()
                    .asString()).contains("days = 0;");
            Api.anonymous().queryParam("key", "k".repeat(101)).get("/c.js").then().statusCode(400);

            try (BrowserContext context = chromium.newContext()) {
                Page landing = land(context, shop, link, clickId);
                // The cookie's expiry is on the browser's clock, which is not the service's.
                double browserNow = ((Number) landing.evaluate("Date.now() / 1000")).doubleValue();
                List<Cookie> cookies = context.cookies();
                assertThat(cookies).singleElement().satisfies(cookie -> {
                    assertThat(cookie.name).isEqualTo("chorus_click");
                    assertThat(cookie.value).isEqualTo(clickId);
                    assertThat(cookie.path).isEqualTo("/");
                    assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
                    assertThat(cookie.secure).as("not on http").isFalse();
                    // Max-Age: the attribution window of 7 days.
                    assertThat(cookie.expires).isCloseTo(browserNow + 7 * 86_400.0,
                            org.assertj.core.api.Assertions.within(120.0));
                });
                landing.close();
                Page later = context.newPage();
                later.navigate(shop + "/shop/later");
                assertThat(later.evaluate("sessionStorage.getItem('chorus_click')")).isNull();
                later.waitForCondition(() -> !later.title().equals("shop"));
                assertThat(later.title()).isIn("pending", "attributed");
            }
        } finally {
            shopServer.stop(0);
        }
        Rows.await(database, "select count(*) from conversions where click_id = '" + clickId
                + "' and status = 'attributed' and value = 12 and share_id = '" + link.shareId() + "'", 1);
    }
}
