package io.chorus.admin;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
        context.setDefaultTimeout(10_000);
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

    /** Posts a form with the session's cookies but without the form's CSRF token; the answer's status. */
    int postWithoutCsrfToken(String path, RequestOptions form) {
        return context.request().post(path, form.setMaxRedirects(0)).status();
    }
}
