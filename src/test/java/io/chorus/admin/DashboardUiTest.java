package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.chorus.analytics.Traffic.CHROME;
import static io.chorus.analytics.Traffic.FIREFOX;
import static io.chorus.analytics.Traffic.click;
import static io.chorus.analytics.Traffic.share;
import static io.chorus.analytics.Traffic.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.analytics.Traffic;
import io.chorus.analytics.Traffic.Share;
import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Dates;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The analytics on the dashboard and on a content item's page, in real Chromium, on an organization whose figures are
 * known: 6 ambassadors (5 in Marketing, 1 in Sales, one hidden from leaderboards), 5 shares of two items, 7 human
 * clicks from 5 visitors, two of the shares three days ago, a cost per click of EUR 0.85, in the Europe/Paris time
 * zone.
 */
@QuarkusTest
class DashboardUiTest extends AdminBrowserTest {

    static final String ZONE = "Europe/Paris";
    static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    static Org org;
    static Person analyst;
    static Person frenchAnalyst;
    static Person curator;
    static Person hidden;
    static String marketing;
    static String sales;
    static String launch;
    static String results;
    static LocalDate today;
    static LocalDate earlier;

    @Inject
    DataSource database;

    /** Made once: RestAssured knows the test port only when a test runs. */
    @BeforeEach
    void organization() throws SQLException {
        if (org != null) {
            return;
        }
        org = Organizations.create();
        analyst = org.member("analyst");
        frenchAnalyst = org.member("analyst");
        curator = org.member("curator");
        marketing = org.group("Marketing", "department");
        sales = org.group("Sales", "department");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(org.member(List.of(marketing), "ambassador"));
        }
        Person seller = org.member(List.of(sales), "ambassador");
        hidden = people.get(0);
        Api.as(hidden.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200);
        launch = Contents.published(curator.token(), Contents.body("Launch <b>day</b>"));
        results = Contents.published(curator.token(), Contents.body("Results"));

        Share first = share(people.get(0), launch, "linkedin"); // 3 clicks, 2 visitors
        String returning = visitor();
        click(first, returning, CHROME);
        click(first, returning, CHROME);
        click(first, visitor(), FIREFOX);
        click(share(people.get(1), launch, "x"), visitor(), CHROME); // 1 click
        Share facebook = share(people.get(2), results, "facebook"); // 2 clicks, 1 visitor: three days ago
        String again = visitor();
        click(facebook, again, FIREFOX);
        click(facebook, again, FIREFOX);
        Share email = share(people.get(3), results, "email"); // no click: three days ago
        click(share(seller, launch, "linkedin"), visitor(), CHROME); // 1 click
        Traffic.awaitOverview(analyst.token(), "", 5, 7);

        // Two shares and their clicks move three days back from when they were made (on the service's clock); a new
        // time zone makes the rollup rebuild the aggregates from the raw rows.
        execute("update shares set created_at = created_at - interval '3 days' where id in (?::uuid, ?::uuid)",
                facebook.id(), email.id());
        execute("update click_events set at = at - interval '3 days' where share_id in (?::uuid, ?::uuid)",
                facebook.id(), email.id());
        Api.as(org.admin().token())
                .body(Map.of("timeZone", ZONE, "levelThresholds", List.of(0, 100), "costPerClick",
                        Map.of("amount", 0.85, "currency", "EUR")))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Traffic.await(analyst.token(), "/api/v1/analytics/overview",
                o -> ZONE.equals(o.getString("timeZone")) && o.getLong("clicks") == 7);
        today = Time.today(ZoneId.of(ZONE));
        earlier = today.minusDays(3);
    }

    @Test
    void anAnalystSeesTheFiguresAsTilesAChartAndTables() {
        List<String> refused = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                refused.add(m.text());
            }
        });
        signIn(org, analyst);
        assertThat(page.locator("nav.container .menu a")).hasText(new String[] { "Dashboard", "Leaderboards" });
        assertThat(page.getByTestId("preset-30")).hasAttribute("aria-current", "true");
        assertThat(page.getByLabel("From", EXACT)).hasValue(today.minusDays(29).toString());
        assertThat(page.getByLabel("To", EXACT)).hasValue(today.toString());
        assertThat(page.getByTestId("analytics-range")).containsText("days in the Europe/Paris time zone");

        assertThat(tile("sharing")).containsText("5");
        assertThat(tile("sharing")).containsText("of 6 active (6 in all)");
        assertThat(tile("participation")).containsText("83.3%");
        assertThat(tile("shares").locator(".tile-value")).hasText("5");
        assertThat(tile("clicks").locator(".tile-value")).hasText("7");
        assertThat(tile("visitors").locator(".tile-value")).hasText("5");
        assertThat(tile("conversions").locator(".tile-value")).hasText("0");
        assertThat(tile("concentration").locator(".tile-value")).hasText("–");
        assertThat(tile("concentration").locator(".tile-label"))
                .hasText("of clicks go to the top 5% of ambassadors (1)");
        assertThat(tile("concentration").locator(".tile-hint"))
                .hasText("Shown from 5 ambassadors in the top 5%, so that no one is singled out.");
        assertThat(tile("emv").locator(".tile-value")).hasText("€5.95");
        assertThat(tile("emv")).containsText("Earned media value (estimate)");
        assertThat(tile("emv")).containsText("7 clicks × €0.85: an estimate, not revenue");

        // The per-day table holds every day of the range; the chart draws the same numbers from it.
        assertThat(page.getByTestId("day-row")).hasCount(30);
        assertThat(dayRow(today).locator("td")).hasText(new String[] { "3", "5", "4" });
        assertThat(dayRow(earlier).locator("td")).hasText(new String[] { "2", "2", "1" });
        assertThat(dayRow(today.minusDays(1)).locator("td")).hasText(new String[] { "0", "0", "0" });
        Locator chart = page.getByTestId("day-chart");
        assertThat(chart).isVisible();
        assertThat(page.locator("details.day-figures")).not().hasAttribute("open", "");
        assertThat(chartSeries()).containsExactly("Shares:" + series(30, 2, 3), "Clicks:" + series(30, 2, 5));
        assertThat(page.evaluate("c => c.width > 0 && c.height > 0 && c.getContext('2d').getImageData(0, 0, c.width,"
                + " c.height).data.some((v, i) => i % 4 === 3 && v > 0)", chart.elementHandle())).as("drawn")
                        .isEqualTo(true);

        Locator top = page.getByTestId("top-content-row");
        assertThat(top).hasCount(2);
        assertThat(top.nth(0).locator("td")).hasText(new String[] { "Launch <b>day</b>", "3", "5" });
        assertThat(top.nth(1).locator("td")).hasText(new String[] { "Results", "2", "2" });
        assertThat(page.getByTestId("participation-row")).hasCount(1);
        assertThat(page.getByTestId("participation-row").locator("th, td"))
                .hasText(new String[] { "Marketing", "5", "4", "80%", "4", "6" });
        Locator ambassadors = page.getByTestId("top-ambassadors").getByTestId("name");
        assertThat(ambassadors).hasCount(4);
        assertThat(page.getByTestId("top-ambassadors")).not().containsText(hidden.email());
        assertThat(refused).as("no script or style refused by the security policy, no error").isEmpty();
        Browser.screenshot(page, "dashboard");
        assertFitsAPhone("dashboard-phone");

        page.getByTestId("preset-7").click();
        assertThat(page.getByTestId("preset-7")).hasAttribute("aria-current", "true");
        assertThat(page.getByTestId("day-row")).hasCount(7);
        assertThat(tile("shares").locator(".tile-value")).hasText("5");

        page.getByLabel("From", EXACT).fill(today.toString());
        page.getByLabel("To", EXACT).fill(today.toString());
        show();
        assertThat(page.getByTestId("day-row")).hasCount(1);
        assertThat(page.locator("[data-testid^=preset-][aria-current]")).hasCount(0);
        assertThat(tile("shares").locator(".tile-value")).hasText("3");
        assertThat(tile("clicks").locator(".tile-value")).hasText("5");
        assertThat(tile("emv").locator(".tile-value")).hasText("€4.25");
        assertThat(chartSeries()).containsExactly("Shares:3", "Clicks:5");

        page.getByLabel("Group", EXACT).selectOption(marketing);
        page.getByLabel("From", EXACT).fill(earlier.toString());
        show();
        assertThat(page.getByLabel("Group", EXACT)).hasValue(marketing);
        assertThat(page.getByTestId("analytics-range")).containsText("Marketing");
        assertThat(tile("sharing")).containsText("of 5 active (5 in all)");
        assertThat(tile("shares").locator(".tile-value")).hasText("4");
        assertThat(tile("clicks").locator(".tile-value")).hasText("6");
        assertThat(tile("visitors").locator(".tile-value")).hasText("4");
        assertThat(page.getByTestId("top-content-row").nth(0).locator("td"))
                .hasText(new String[] { "Launch <b>day</b>", "2", "4" });

        page.getByLabel("Group", EXACT).selectOption(sales);
        show();
        assertThat(page.getByTestId("analytics-problem")).hasText("This group has fewer than 5 active ambassadors:"
                + " its figures would single people out. Choose a larger group, or everyone.");
        assertThat(page.getByTestId("analytics-tiles")).hasCount(0);

        page.getByLabel("Group", EXACT).selectOption("");
        page.getByLabel("From", EXACT).fill(today.toString());
        page.getByLabel("To", EXACT).fill(earlier.toString());
        show();
        assertThat(page.getByTestId("analytics-problem"))
                .hasText("Choose a start on or before the end, at most 366 days apart, between 2000 and 2100.");
        assertThat(page.getByLabel("From", EXACT)).hasValue(today.toString());

        page.navigate("/admin/members");
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
        page.navigate("/admin/settings");
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
    }

    /**
     * Two of the edges, in Paris: a month that has begun there while UTC is still in the one before, and the 23-hour
     * day summer time begins on.
     */
    static Stream<ZonedDateTime> twoEdges() {
        Set<LocalDate> chosen = Set.of(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 28));
        return Dates.edges().filter(at -> chosen.contains(at.toLocalDate()));
    }

    /** By default the page shows the last 30 days, today there included, and today's share on today's row. */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("twoEdges")
    void theDefaultRangeIsTheLast30DaysInTheOrganizationsTimeZone(ZonedDateTime at) {
        try (TestClock clock = TestClock.runFrom(at)) {
            defaultRange(at.getZone());
        }
    }

    private void defaultRange(ZoneId zone) {
        Org own = Organizations.create();
        Api.as(own.admin().token()).body(Map.of("timeZone", zone.getId(), "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Person reader = own.member("analyst");
        String item = Contents.published(own.member("curator").token(), Contents.body("On the edge"));
        click(share(own.member("ambassador"), item, "linkedin"), visitor(), CHROME);
        Traffic.await(reader.token(), "/api/v1/analytics/overview",
                o -> zone.getId().equals(o.getString("timeZone")) && o.getLong("clicks") == 1);
        LocalDate here = Time.today(zone);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = here; days.size() < 30; day = day.minusDays(1)) {
            days.add(0, day);
        }

        signIn(own, reader);
        assertThat(page.getByTestId("preset-30")).hasAttribute("aria-current", "true");
        assertThat(page.getByLabel("From", EXACT)).hasValue(days.get(0).toString());
        assertThat(page.getByLabel("To", EXACT)).hasValue(here.toString());
        assertThat(page.getByTestId("analytics-range")).containsText("days in the " + zone.getId() + " time zone");
        Locator rows = page.getByTestId("day-row");
        assertThat(rows).hasCount(30);
        assertThat(rows.nth(0)).hasAttribute("data-day", days.get(0).toString());
        assertThat(rows.nth(29)).hasAttribute("data-day", here.toString());
        assertThat(dayRow(here).locator("td")).hasText(new String[] { "1", "1", "1" });
        assertThat(dayRow(here.minusDays(1)).locator("td")).hasText(new String[] { "0", "0", "0" });
        assertThat(chartSeries()).containsExactly("Shares:" + series(30, -1, 1), "Clicks:" + series(30, -1, 1));
    }

    @Test
    void withoutJavaScriptTheFiguresPerDayAreATable() {
        BrowserContext noScript = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(base.toString()).setLocale("en-GB").setJavaScriptEnabled(false));
        try {
            page = noScript.newPage();
            signIn(org, analyst);
            page.getByTestId("preset-7").click();
            assertThat(page.getByTestId("day-chart")).not().isVisible();
            assertThat(page.locator("details.day-figures")).hasAttribute("open", "");
            assertThat(page.getByTestId("day-row")).hasCount(7);
            assertThat(dayRow(today).locator("th"))
                    .hasText(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).format(today));
            assertThat(dayRow(today).locator("td")).hasText(new String[] { "3", "5", "4" });
            assertThat(dayRow(earlier).locator("td")).hasText(new String[] { "2", "2", "1" });
        } finally {
            noScript.close();
        }
    }

    @Test
    void theDashboardSpeaksFrench() {
        signIn(org, frenchAnalyst);
        page.getByTestId("language-switch").click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("#analytics-heading")).hasText("Statistiques");
        assertThat(page.getByTestId("preset-30")).hasText("30 derniers jours");
        assertThat(tile("participation").locator(".tile-value")).hasText(Pattern.compile("^83,3\\s%$"));
        assertThat(tile("emv").locator(".tile-value")).hasText(Pattern.compile("^5,95\\s€$"));
        assertThat(tile("emv")).containsText("Valeur média acquise (estimation)");
        assertThat(page.locator("#chart-heading")).hasText("Partages et clics par jour");
        assertThat(dayRow(today).locator("th"))
                .hasText(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(today));
        assertThat(chartSeries()).first().asString().startsWith("Partages:");
        Browser.screenshot(page, "dashboard-fr");
        assertFitsAPhone("dashboard-fr-phone");
    }

    @Test
    void aContentItemsAnalyticsOpenFromTheDashboard() {
        signIn(org, analyst);
        page.getByTestId("top-content-row").nth(0).locator("a").click();
        assertThat(page.locator("h1")).hasText("Launch <b>day</b>");
        assertThat(page.getByTestId("edit-content")).hasCount(0);
        assertThat(tile("shares").locator(".tile-value")).hasText("3");
        assertThat(tile("clicks").locator(".tile-value")).hasText("5");
        assertThat(tile("visitors").locator(".tile-value")).hasText("4");
        assertThat(tile("emv").locator(".tile-value")).hasText("€4.25");
        assertThat(network("linkedin")).hasText(new String[] { "2", "4", "3" });
        assertThat(network("x")).hasText(new String[] { "1", "1", "1" });
        assertThat(network("facebook")).hasText(new String[] { "0", "0", "0" });
        assertThat(page.getByTestId("day-row")).hasCount(30);
        assertThat(dayRow(today).locator("td")).hasText(new String[] { "3", "5", "4" });
        assertThat(chartSeries()).containsExactly("Shares:" + series(30, -1, 3), "Clicks:" + series(30, -1, 5));
        Browser.screenshot(page, "content-analytics");
        assertFitsAPhone("content-analytics-phone");

        page.getByTestId("preset-7").click();
        assertThat(page).hasURL(Pattern.compile("/admin/content/" + launch + "/analytics\\?days=7$"));
        assertThat(page.getByTestId("day-row")).hasCount(7);
        page.getByLabel("Group", EXACT).selectOption(marketing);
        show();
        assertThat(tile("shares").locator(".tile-value")).hasText("2");
        assertThat(tile("clicks").locator(".tile-value")).hasText("4");

        page.navigate("/admin/content/" + results + "/analytics?from=" + earlier + "&to=" + earlier);
        assertThat(network("facebook")).hasText(new String[] { "1", "2", "1" });
        assertThat(network("email")).hasText(new String[] { "1", "0", "0" });
        page.navigate("/admin/content/" + launch);
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
        page.navigate("/admin/content/" + UUID.randomUUID() + "/analytics");
        assertThat(page.locator("h1")).hasText("This page does not exist");
        // Another organization's item, which exists and has figures of its own: as if it did not exist.
        Org other = Organizations.create();
        String theirs = Contents.published(other.member("curator").token(), Contents.body("Theirs"));
        click(share(other.member("ambassador"), theirs, "linkedin"), visitor(), CHROME);
        page.navigate("/admin/content/" + theirs + "/analytics");
        assertThat(page.locator("h1")).hasText("This page does not exist");
        assertThat(page.locator("body")).not().containsText("Theirs");
    }

    @Test
    void anAdminGoesFromTheEditorToTheAnalyticsAndACuratorSeesNeither() {
        signIn(org, org.admin());
        page.navigate("/admin/content/" + results);
        page.getByTestId("content-analytics").click();
        assertThat(page.locator("h1")).hasText("Results");
        assertThat(tile("shares").locator(".tile-value")).hasText("2");
        page.getByTestId("edit-content").click();
        assertThat(page.locator("h1")).hasText("Edit content");

        context.clearCookies();
        signIn(org, curator);
        assertThat(page.locator("h1")).hasText("Hello, Member " + curator.email());
        assertThat(page.locator(".tiles .tile")).hasCount(4);
        assertThat(page.locator("#analytics-heading")).hasCount(0);
        assertThat(page.locator("script[src*=chart]")).hasCount(0);
        page.navigate("/admin/content/" + results);
        assertThat(page.getByTestId("content-analytics")).hasCount(0);
        page.navigate("/admin/content/" + results + "/analytics");
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
    }

    private Locator tile(String name) {
        return page.getByTestId("tile-" + name);
    }

    private Locator dayRow(LocalDate day) {
        return page.locator("tr[data-day='" + day + "']");
    }

    private Locator network(String network) {
        return page.locator("tr[data-network='" + network + "'] td");
    }

    private void show() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForLoadState();
    }

    /** Each of the chart's series as drawn: "label:n,n,n". */
    @SuppressWarnings("unchecked")
    private List<String> chartSeries() {
        return (List<String>) page.evaluate(
                "c => Chart.getChart(c).data.datasets.map(d => d.label + ':'" + " + d.data.join(','))",
                page.getByTestId("day-chart").elementHandle());
    }

    /**
     * A chart series of {@code days} values ending today: {@code todays} on the last day, {@code earlierValue} three
     * days before (none when -1), 0 on the others.
     */
    private static String series(int days, int earlierValue, int todays) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            values.add(i == days - 1 ? String.valueOf(todays)
                    : i == days - 4 && earlierValue >= 0 ? String.valueOf(earlierValue) : "0");
        }
        return String.join(",", values);
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
