package io.chorus.admin;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;

import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What the admin UI's browser tests share: one headless Chromium per test class, a fresh browser context (cookies,
 * storage) per test, and signing in through the form.
 */
abstract class AdminBrowserTest {

    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void quit() {
        browser.close();
    }

    @BeforeEach
    void open() {
        context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(base.toString()).setLocale("en-GB").setViewportSize(1280, 860));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    void signIn(Org org, Person person) {
        page.navigate("/admin/login");
        page.getByLabel("Organization").fill(org.slug());
        page.getByLabel("Email").fill(person.email());
        page.getByLabel("Password").fill(Organizations.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
    }

    /** Shows the page on a phone's screen: it must fit its width (tables scroll inside their own box). */
    void assertFitsAPhone(String screenshot) {
        page.waitForLoadState(LoadState.LOAD); // measured as shown: with its stylesheets applied
        page.setViewportSize(390, 844);
        Object fits = page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Object wider = page.evaluate("""
                [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right
                    > document.documentElement.clientWidth + 1 && (!e.parentElement.closest('.overflow-auto')
                    || getComputedStyle(e).position === 'absolute'))
                .map(e => e.tagName + '.' + e.className).join(' ')""");
        Browser.screenshot(page, screenshot);
        org.assertj.core.api.Assertions.assertThat(fits).as("no sideways scrolling on a phone; wider: " + wider)
                .isEqualTo(true);
        page.setViewportSize(1280, 860);
    }

    /** Posts a form with the session's cookies but without the form's CSRF token; the answer's status. */
    int postWithoutCsrfToken(String path, RequestOptions form) {
        return context.request().post(path, form.setMaxRedirects(0)).status();
    }
}
