package io.chorus.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * Takes the README's screenshots (docs/screenshots/*.png) on the demo company, through the admin UI as its people use
 * it: signed in through the sign-in form as the demo account whose work the page is, in Debian's Chromium driven like
 * the browser tests drive it (never a downloaded browser). {@code docs/screenshots.sh} builds the service, starts a
 * fresh demo and runs this program; run by hand, it needs a demo that has not been used yet (the import report says
 * otherwise).
 * <p>
 * Arguments: the service's base URL, the output directory, and optionally the names of the shots to take (all of them
 * otherwise). A new page is one more {@link Shot} in {@link #SHOTS}: a file name, an {@link Account}, a {@link Screen}
 * and the steps that lead to the page. Each shot runs in a browser context of its own and fails, without a file, when a
 * page answers an error or a script fails.
 */
public final class DemoScreenshots {

    static final String ORGANIZATION = "demo";
    static final String PASSWORD = "demo-password";
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    /**
     * Who takes a shot: a demo account, or nobody (signed out); the ambassadors sign in to the employees' app, the
     * others to the admin UI. ambassador15 speaks French; ambassador11 has not accepted the charter yet.
     */
    enum Account {
        NOBODY(null, false), ADMIN("admin@demo.example", false), CURATOR("curator@demo.example", false),
        ANALYST("analyst@demo.example", false), AMBASSADOR("ambassador01@demo.example", true),
        FRENCH_AMBASSADOR("ambassador15@demo.example", true), NEW_AMBASSADOR("ambassador11@demo.example", true);

        final String email;
        final boolean app;

        Account(String email, boolean app) {
            this.email = email;
            this.app = app;
        }
    }

    /** The size of the browser's window: a laptop's, or a phone's. */
    enum Screen {
        DESKTOP(WIDTH, HEIGHT, false), PHONE(360, 780, true);

        final int width;
        final int height;
        final boolean mobile;

        Screen(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /** What a shot does once signed in, up to the moment of the screenshot (or, after it, to undo what it changed). */
    @FunctionalInterface
    interface Steps {
        void run(Shooter shooter, Page page);
    }

    /**
     * A screenshot: its file name (without .png), who takes it, on what screen, how the page gets there, and what to
     * undo once it is taken (nothing: null).
     */
    record Shot(String name, Account account, Screen screen, Steps steps, Steps undo, boolean fullPage) {

        static Shot desktop(String name, Account account, Steps steps) {
            return new Shot(name, account, Screen.DESKTOP, steps, null, true);
        }

        static Shot phone(String name, Account account, Steps steps) {
            return new Shot(name, account, Screen.PHONE, steps, null, true);
        }

        Shot undoneBy(Steps undo) {
            return new Shot(name, account, screen, steps, undo, fullPage);
        }

    }

    /**
     * Every shot, in the order they are taken. Those that change something come after the pages they would change: the
     * language switch (the member's language everywhere, switched back once the shot is taken) and the import (new
     * invited members).
     */
    static final List<Shot> ADMIN_SHOTS = List.of(
            // Signed out.
            Shot.desktop("sign-in", Account.NOBODY, DemoScreenshots::signInForm),
            // The analyst's: analytics and leaderboards.
            Shot.desktop("dashboard", Account.ANALYST, DemoScreenshots::dashboard),
            Shot.phone("dashboard-phone", Account.ANALYST, DemoScreenshots::dashboard),
            Shot.desktop("content-analytics", Account.ANALYST, DemoScreenshots::contentAnalytics),
            Shot.desktop("leaderboards", Account.ANALYST, DemoScreenshots::leaderboards),
            // The curator's: moderation, content, campaigns.
            Shot.desktop("moderation", Account.CURATOR, DemoScreenshots::moderation),
            Shot.desktop("content-list", Account.CURATOR, DemoScreenshots::contentList),
            Shot.desktop("content-editor", Account.CURATOR, DemoScreenshots::contentEditor),
            Shot.desktop("campaigns", Account.CURATOR, DemoScreenshots::campaigns),
            Shot.desktop("campaign", Account.CURATOR, DemoScreenshots::campaign),
            Shot.desktop("campaign-editor", Account.CURATOR, DemoScreenshots::campaignEditor),
            // The admin's: members, groups, settings.
            Shot.desktop("members", Account.ADMIN, DemoScreenshots::members),
            Shot.desktop("member-erase", Account.ADMIN, DemoScreenshots::memberErase),
            Shot.desktop("groups", Account.ADMIN, DemoScreenshots::groups),
            Shot.desktop("settings", Account.ADMIN, DemoScreenshots::settings),
            Shot.desktop("settings-charter", Account.ADMIN, DemoScreenshots::charter),
            // What changes something.
            Shot.desktop("dashboard-fr", Account.ANALYST, DemoScreenshots::dashboardInFrench)
                    .undoneBy((s, page) -> s.switchLanguage("en")),
            Shot.desktop("members-import-report", Account.ADMIN, DemoScreenshots::importReport));

    /** The admin UI's, then the employees' app's ({@link AppShots}). */
    static final List<Shot> SHOTS = java.util.stream.Stream.concat(ADMIN_SHOTS.stream(), AppShots.SHOTS.stream())
            .toList();

    /** A well-shared item of the demo quarter, for its analytics. */
    static final String ATLAS = "Atlas 2 is here: faster reports, fewer clicks";
    /** The running campaign. */
    static final String RUNNING_CAMPAIGN = "Customer stories";
    /** Scheduled in two days: its editor shows messages per network and scheduling. */
    static final String SCHEDULED = "Save the date: the Demo Company Summit";
    /** The member whose erasure is shown (and never confirmed). */
    static final String ERASED = "Karim Simon";

    /** A small file for the import: three new colleagues, and one in a group that does not exist. */
    static final String CSV = """
            email,name,roles,groups,language
            sophie.girard@demo.example,Sophie Girard,ambassador,Marketing|Paris,fr
            tom.weber@demo.example,Tom Weber,ambassador|curator,Engineering|Lyon,en
            nadia.benali@demo.example,Nadia Benali,ambassador,Sales|Marseille,fr
            lucas.fontaine@demo.example,Lucas Fontaine,,Sales|Lyon,
            """;
    static final String CSV_REPORT = "3 invited, 1 not invited.";

    /** The form, filled in but for the password. */
    static void signInForm(Shooter s, Page page) {
        s.open("/admin");
        waitForUrl(page, "/admin/login");
        page.getByLabel("Organization").fill(ORGANIZATION);
        page.getByLabel("Email").fill(Account.ANALYST.email);
    }

    static void dashboard(Shooter s, Page page) {
        s.open("/admin");
        waitForChart(page);
    }

    /** Through the language switch in the top bar. */
    static void dashboardInFrench(Shooter s, Page page) {
        s.open("/admin");
        s.switchLanguage("fr");
        waitForChart(page);
    }

    /** Opened from the dashboard's top content, then the five weeks from a few days before the item's first share. */
    static void contentAnalytics(Shooter s, Page page) {
        // The launch was two months ago: the dashboard's quarter lists it among its top content.
        s.open("/admin?days=90");
        page.getByTestId("top-content").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ATLAS)).click();
        waitForUrl(page, "/analytics");
        page.getByTestId("preset-90").click();
        waitForUrl(page, "days=90");
        expectHeading(page, ATLAS);
        Object first = page.evaluate("() => { const row = [...document.querySelectorAll('tr[data-day]')]"
                + ".find(r => Number(r.dataset.shares) > 0); return row ? row.dataset.day : null; }");
        if (first == null) {
            throw new IllegalStateException(ATLAS + " has no shares in the last 90 days");
        }
        LocalDate from = LocalDate.parse(first.toString()).minusDays(3);
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(from.toString());
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill(from.plusDays(34).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        waitForUrl(page, "from=" + from);
        waitForChart(page);
    }

    static void leaderboards(Shooter s, Page page) {
        s.open("/admin/leaderboards");
        page.getByTestId("period-range").waitFor();
    }

    static void moderation(Shooter s, Page page) {
        s.open("/admin/moderation");
        page.getByTestId("submission").first().waitFor();
    }

    static void contentList(Shooter s, Page page) {
        s.open("/admin/content");
        page.getByTestId("content-row").first().waitFor();
    }

    static void contentEditor(Shooter s, Page page) {
        s.open("/admin/content?status=scheduled");
        page.getByTestId("content-row").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(SCHEDULED))
                .click();
        page.locator("#count-x").waitFor();
    }

    static void campaigns(Shooter s, Page page) {
        s.open("/admin/campaigns");
        page.getByTestId("campaign-row").first().waitFor();
    }

    static void campaign(Shooter s, Page page) {
        s.open("/admin/campaigns");
        page.getByTestId("campaign-row")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(RUNNING_CAMPAIGN)).click();
        expectHeading(page, RUNNING_CAMPAIGN);
        page.getByTestId("leaderboard-row").first().waitFor();
    }

    /** The new-campaign form, filled in as a curator would, never saved. */
    static void campaignEditor(Shooter s, Page page) {
        s.open("/admin/campaigns");
        page.getByTestId("new-campaign").click();
        waitForUrl(page, "/admin/campaigns/new");
        page.locator("#name").fill("Engineering voices");
        page.locator("#description").fill("Our engineers' stories, told by our engineers: one a week.");
        page.locator("#reward").fill("A team dinner in Lyon");
        page.getByLabel("Open source at Demo Company: our first ten projects").check();
        page.getByLabel("Our interns built this in eight weeks").check();
        page.getByLabel("Engineering", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#goalMetric").selectOption("clicks");
        page.locator("#goalTarget").fill("150");
        page.locator("#bonusPoints").fill("20");
    }

    static void members(Shooter s, Page page) {
        s.open("/admin/members");
        page.getByTestId("member-row").first().waitFor();
    }

    /** The confirmation, opened and never confirmed. */
    static void memberErase(Shooter s, Page page) {
        s.open("/admin/members");
        page.getByLabel("Search").fill(ERASED);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        page.getByTestId("member-row").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ERASED)).click();
        expectHeading(page, ERASED);
        page.getByTestId("erase-open").click();
        page.getByTestId("erase").waitFor();
    }

    static void groups(Shooter s, Page page) {
        s.open("/admin/groups");
        page.getByTestId("group-row").first().waitFor();
    }

    static void settings(Shooter s, Page page) {
        s.open("/admin/settings");
        page.getByTestId("save-scoring").waitFor();
    }

    static void charter(Shooter s, Page page) {
        s.open("/admin/settings");
        page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Charter")).click();
        waitForUrl(page, "/admin/settings/charter");
        page.getByTestId("charter-version").waitFor();
    }

    /** Members → Invite members → a CSV file; a demo that already holds these members would report otherwise. */
    static void importReport(Shooter s, Page page) {
        s.open("/admin/members");
        page.getByTestId("invite").click();
        waitForUrl(page, "/admin/invitations");
        page.locator("#file")
                .setInputFiles(new FilePayload("new-colleagues.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("import").click();
        String summary = page.getByTestId("report-summary").innerText().strip();
        if (!summary.equals(CSV_REPORT)) {
            throw new IllegalStateException(
                    "the import reports “" + summary + "”, not “" + CSV_REPORT + "”: is the demo a fresh one?");
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DemoScreenshots <base URL> <output directory> [shot ...]");
            System.err.println("shots: " + SHOTS.stream().map(Shot::name).toList());
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        Path out = Paths.get(args[1]);
        Set<String> wanted = new LinkedHashSet<>(List.of(args).subList(2, args.length));
        List<String> unknown = wanted.stream().filter(n -> SHOTS.stream().noneMatch(s -> s.name().equals(n))).toList();
        if (!unknown.isEmpty()) {
            System.err.println("unknown shots: " + unknown + "; known: " + SHOTS.stream().map(Shot::name).toList());
            System.exit(2);
        }
        Files.createDirectories(out);
        List<String> failed = new ArrayList<>();
        try (Playwright playwright = Playwright
                .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser chromium = launch(playwright)) {
            for (Shot shot : SHOTS) {
                if (!wanted.isEmpty() && !wanted.contains(shot.name())) {
                    continue;
                }
                long started = System.nanoTime();
                try (Shooter shooter = new Shooter(chromium, base, shot)) {
                    shooter.take(out.resolve(shot.name() + ".png"));
                    System.out.printf("  %-24s %5d ms%n", shot.name(), (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException e) {
                    failed.add(shot.name());
                    System.err.printf("  %-24s FAILED: %s%n", shot.name(), e.getMessage());
                }
            }
        }
        if (!failed.isEmpty()) {
            System.err.println("Screenshots not taken: " + failed);
            System.exit(1);
        }
    }

    /** Debian's Chromium, headless, with the browser tests' arguments (src/test/java/io/chorus/admin/Browser.java). */
    static Browser launch(Playwright playwright) {
        return playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /**
     * One shot in its own browser context (its own cookies): signs in, runs the steps, checks the page went right,
     * saves the screenshot of the whole page.
     */
    static final class Shooter implements AutoCloseable {

        private final Shot shot;
        private final BrowserContext context;
        private final Page page;
        private final List<String> problems = new ArrayList<>();

        Shooter(Browser chromium, String base, Shot shot) {
            this.shot = shot;
            context = chromium.newContext(new Browser.NewContextOptions().setBaseURL(base).setLocale("en-GB")
                    .setTimezoneId("Europe/Paris").setViewportSize(shot.screen().width, shot.screen().height)
                    .setDeviceScaleFactor(1).setIsMobile(shot.screen().mobile).setHasTouch(shot.screen().mobile));
            context.setDefaultTimeout(15_000);
            page = context.newPage();
            // A page that answers an error, a refused script or style, a script error: the shot is not taken.
            // (The admin UI has no icon: the browser's own request for /favicon.ico is no problem of a page.)
            page.onResponse(r -> {
                if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                    problems.add(r.status() + " for " + r.url());
                }
            });
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                    problems.add("console: " + m.text());
                }
            });
            page.onPageError(e -> problems.add("script error: " + e));
        }

        void take(Path file) {
            if (shot.account() != Account.NOBODY) {
                signIn(shot.account());
            }
            try {
                shot.steps().run(this, page);
                page.waitForLoadState(LoadState.NETWORKIDLE);
                // No focus ring on the last field typed in or button pressed.
                page.evaluate("() => document.activeElement && document.activeElement.blur()");
                check();
                // Transitions (a border fading after the blur) finished, not caught half-way.
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(shot.fullPage())
                        .setAnimations(ScreenshotAnimations.DISABLED));
            } finally {
                if (shot.undo() != null) {
                    shot.undo().run(this, page);
                }
            }
            check();
        }

        /** Signs in through the sign-in form of the account's UI (the app's or the admin UI's), like a person. */
        void signIn(Account account) {
            if (account.app) {
                open("/app/login?org=" + ORGANIZATION);
                page.getByLabel("Email").fill(account.email);
                page.getByLabel("Password").fill(PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(url -> !url.contains("/app/login"));
                check();
                return;
            }
            open("/admin/login");
            page.getByLabel("Organization").fill(ORGANIZATION);
            page.getByLabel("Email").fill(account.email);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(url -> !url.contains("/admin/login"));
            check();
        }

        /** Opens a page. */
        void open(String path) {
            page.navigate(path);
            check();
        }

        /** The admin UI's language switch, to {@code lang} (a no-op when the UI already speaks it). */
        void switchLanguage(String lang) {
            if (lang.equals(page.locator("html").getAttribute("lang"))) {
                return;
            }
            page.getByTestId("language-switch").click();
            page.waitForSelector("html[lang=" + lang + "]");
            check();
        }

        /** Fails the shot when a page or a resource answered an error, or a script failed. */
        void check() {
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems) + " (at " + page.url() + ")");
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }

    static void waitForUrl(Page page, String part) {
        page.waitForURL(url -> url.contains(part));
    }

    static void expectHeading(Page page, String text) {
        page.locator("h1").filter(new Locator.FilterOptions().setHasText(text)).waitFor();
    }

    /** The chart of shares and clicks per day, drawn (it draws without animation once its scripts ran). */
    static void waitForChart(Page page) {
        page.getByTestId("day-chart").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.waitForFunction("() => { const c = document.querySelector('[data-testid=day-chart]');"
                + " return c && c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data"
                + ".some((v, i) => i % 4 === 3 && v > 0); }");
    }

    private DemoScreenshots() {
    }
}
