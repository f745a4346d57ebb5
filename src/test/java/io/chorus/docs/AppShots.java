package io.chorus.docs;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.docs.DemoScreenshots.Account;
import io.chorus.docs.DemoScreenshots.Screen;
import io.chorus.docs.DemoScreenshots.Shooter;
import io.chorus.docs.DemoScreenshots.Shot;
import io.chorus.docs.DemoScreenshots.Steps;

/**
 * The employees' app's screenshots: every page on a phone and on a laptop, in English (ambassador01) and in French
 * (ambassador15, who speaks it), named {@code app-<page>-<phone|desktop>-<en|fr>}: the screen as the member sees it.
 * The share page comes last: it shares an item (the demo's ambassadors have not shared everything).
 */
final class AppShots {

    private AppShots() {
    }

    /** A page of the app: its name and how to get there once signed in (or, for sign-in, signed out). */
    private record AppPage(String name, Steps steps, boolean signedIn, boolean newcomer) {
    }

    private static final List<AppPage> PAGES = List.of(new AppPage("sign-in", null, false, false),
            new AppPage("charter", AppShots::charter, true, true), new AppPage("feed", AppShots::feed, true, false),
            new AppPage("submit", (s, page) -> s.open("/app/submit"), true, false),
            new AppPage("submissions", (s, page) -> s.open("/app/submissions"), true, false),
            new AppPage("privacy", (s, page) -> s.open("/app/privacy"), true, false),
            new AppPage("activity", (s, page) -> s.open("/app/me"), true, false),
            new AppPage("leaderboards", (s, page) -> s.open("/app/leaderboards"), true, false),
            new AppPage("campaigns", (s, page) -> s.open("/app/campaigns"), true, false),
            new AppPage("campaign", AppShots::campaign, true, false),
            new AppPage("shared", AppShots::share, true, false));

    static final List<Shot> SHOTS = shots();

    private static List<Shot> shots() {
        List<Shot> shots = new ArrayList<>();
        for (AppPage appPage : PAGES) {
            for (Screen screen : Screen.values()) {
                for (String lang : List.of("en", "fr")) {
                    Account account = !appPage.signedIn() ? Account.NOBODY
                            : appPage.newcomer() ? Account.NEW_AMBASSADOR
                                    : lang.equals("fr") ? Account.FRENCH_AMBASSADOR : Account.AMBASSADOR;
                    Steps steps = appPage.steps();
                    Steps inLanguage = !appPage.signedIn() ? (s, page) -> signIn(s, page, lang)
                            : appPage.newcomer() ? (s, page) -> {
                                steps.run(s, page);
                                s.switchLanguage(lang);
                            } : steps;
                    Shot shot = new Shot("app-" + appPage.name() + "-" + screen.name().toLowerCase() + "-" + lang,
                            account, screen, inLanguage, null, false);
                    // The newcomer's language is switched for the shot, and back afterwards.
                    shots.add(appPage.newcomer() ? shot.undoneBy((s, page) -> s.switchLanguage("en")) : shot);
                }
            }
        }
        return shots;
    }

    /** The organization's own link, which leads to the form with the organization filled in. */
    static void signIn(Shooter s, Page page, String lang) {
        s.open("/app?org=" + DemoScreenshots.ORGANIZATION);
        page.waitForURL(url -> url.contains("/app/login"));
        if (lang.equals("fr")) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Français")).click();
            page.waitForSelector("html[lang=fr]");
        }
    }

    static void charter(Shooter s, Page page) {
        page.getByTestId("charter-text").waitFor();
    }

    static void feed(Shooter s, Page page) {
        s.open("/app");
        page.getByTestId("feed-item").first().waitFor();
    }

    /** The running campaign, from the list. */
    static void campaign(Shooter s, Page page) {
        s.open("/app/campaigns");
        page.getByTestId("campaign").filter(new Locator.FilterOptions().setHasText(DemoScreenshots.RUNNING_CAMPAIGN))
                .getByTestId("open-campaign").click();
        page.getByTestId("rules").waitFor();
    }

    /** An item this ambassador has not shared yet, shared on LinkedIn without leaving the feed. */
    static void share(Shooter s, Page page) {
        s.open("/app");
        Locator item = page.getByTestId("feed-item")
                .filter(new Locator.FilterOptions().setHasNot(page.getByTestId("shared-already"))).first();
        page.context().route(url -> !url.startsWith("http://localhost"), route -> route
                .fulfill(new com.microsoft.playwright.Route.FulfillOptions().setBody("").setContentType("text/html")));
        Page network = page.waitForPopup(() -> item
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("LinkedIn").setExact(true)).click());
        network.close();
        item.getByTestId("share-done").waitFor();
        item.scrollIntoViewIfNeeded();
    }
}
