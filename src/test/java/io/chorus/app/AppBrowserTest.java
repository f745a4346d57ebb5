package io.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What the app's browser tests share: one headless Debian Chromium per test class (never a downloaded browser), a fresh
 * context (cookies, storage) per test, on a phone's screen by default, and signing in through the app's form.
 */
abstract class AppBrowserTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static Playwright playwright;
    static Browser chromium;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        chromium = playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void quit() {
        chromium.close();
        playwright.close();
    }

    @BeforeEach
    void open() {
        context = chromium.newContext(new Browser.NewContextOptions().setBaseURL(base.toString()).setLocale("en-GB")
                .setViewportSize(360, 780).setHasTouch(true));
        context.setDefaultTimeout(20_000);
        offline(context);
        page = context.newPage();
    }

    /**
     * This machine reaches no other site: what a page or a share leads to elsewhere (a network's share dialog, a
     * content image) is answered by a stub, so that the browser sees an address it arrived at rather than a network
     * error.
     */
    void offline(BrowserContext browser) {
        browser.route(url -> !url.startsWith(base.toString()), route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/html").setBody("<!DOCTYPE html><title>elsewhere</title>")));
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Signs in through the app's form, from the organization's own link ({@code /app?org=slug}). */
    void signIn(Org org, Person person) {
        page.navigate("/app?org=" + org.slug());
        page.getByLabel("Email").fill(person.email());
        page.getByLabel("Password").fill(Organizations.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
    }

    void screenshot(String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("app-" + name + ".png")).setFullPage(true));
    }

    /**
     * The page fits a 360 px wide screen: nothing scrolls sideways, and every control is at least 44 px tall (a
     * checkbox or radio button by its label, which is what a finger presses).
     */
    void assertFitsAPhone() {
        page.waitForLoadState(LoadState.LOAD); // measured as shown: with its stylesheets applied
        Object fits = page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Object wider = page.evaluate("""
                [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right
                    > document.documentElement.clientWidth + 1 && !e.closest('.table-box'))
                .map(e => e.tagName + '.' + e.className).join(' ')""");
        assertThat(fits).as("no sideways scrolling at 360 px; wider: " + wider).isEqualTo(true);
        Object small = page.evaluate("""
                [...document.querySelectorAll('main button, main [role=button], main select, main summary,'
                    + ' main input:not([type=hidden]), nav a, footer button')]
                .filter(e => e.offsetParent !== null && ((e.type === 'checkbox' || e.type === 'radio')
                    && e.labels.length ? e.labels[0] : e).getBoundingClientRect().height < 44)
                .map(e => e.tagName + ':' + (e.textContent || e.name).trim().slice(0, 30)).join(' | ')""");
        assertThat(small).as("touch targets under 44 px").isEqualTo("");
    }
}
