package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.chorus.common.Time;
import io.chorus.mail.CampaignAnnouncements;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Campaigns in the admin UI: creating one, watching its goal and leaderboard change live, announcing it by email,
 * reading it as an analyst.
 */
@QuarkusTest
class CampaignsUiTest extends AdminBrowserTest {

    @Inject
    CampaignAnnouncements announcements;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    /** Longer than a few polls (every 5 s) and a click's way through the click writers. */
    private static final double LIVE = 20_000;

    @Test
    void aCuratorCreatesACampaignAndWatchesItsLeaderboard() {
        Org org = Organizations.create();
        inParis(org);
        String sales = org.group("Sales", "team");
        org.group("Support", "team");
        Person curator = org.member("curator");
        Person first = org.member(List.of(sales), "ambassador");
        Person second = org.member(List.of(sales), "ambassador");
        Person leaving = org.member(List.of(sales), "ambassador");
        Person outsider = org.member("ambassador");
        String launch = Contents.published(curator.token(), Contents.body("Launch week"));
        String other = Contents.published(curator.token(), Contents.body("Not part of it"));
        LocalDateTime start = LocalDateTime.ofInstant(Time.now(), PARIS).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        List<String> refusedByPolicy = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                refusedByPolicy.add(m.text());
            }
        });

        signIn(org, curator);
        assertThat(page.locator("nav.container .menu a"))
                .hasText(new String[] { "Dashboard", "Content", "Sources", "Moderation", "Campaigns", "Broadcasts" });
        page.locator("nav.container .menu").getByText("Campaigns").click();
        assertThat(page.locator("h1")).hasText("Campaigns");
        assertThat(page.locator("td.empty")).hasText("No campaign yet.");
        page.getByTestId("new-campaign").click();
        assertThat(page.getByLabel("Starts (Europe/Paris time)")).not().hasValue("");

        // Refused twice, each time with the reason next to the field and everything typed kept.
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Launch week <b>2026</b>");
        page.getByLabel("Description").fill("Share the launch with your network.");
        page.getByLabel("Sales").check();
        page.getByLabel("Target, across all participants").fill("3");
        page.getByTestId("save-campaign").click();
        assertThat(page.locator(".error[role=alert]")).hasText("Check the highlighted fields.");
        assertThat(page.locator("#contentIds-error"))
                .hasText("Choose between 1 and 100 content items of this organization.");
        assertThat(page.locator("#goalMetric-error")).hasText("Choose what the goal counts, or clear its target.");
        assertThat(page.getByLabel("The goal counts")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Launch week <b>2026</b>");
        assertThat(page.getByLabel("Sales")).isChecked();
        assertThat(page.getByLabel("Target, across all participants")).hasValue("3");

        page.getByLabel("Launch week").check();
        page.getByLabel("The goal counts").selectOption("shares");
        page.getByLabel("Starts (Europe/Paris time)").fill(INPUT.format(start));
        page.getByLabel("Ends (Europe/Paris time)").fill(INPUT.format(start.minusDays(1)));
        page.getByTestId("save-campaign").click();
        assertThat(page.locator("#endsAt-error")).hasText("Enter an end that comes after the start.");
        assertThat(page.locator("#contentIds-error")).hasCount(0);
        assertThat(page.getByLabel("Launch week")).isChecked();
        page.getByLabel("Reward").fill("Lunch with the CEO");
        Browser.screenshot(page, "campaign-editor");

        page.getByLabel("Ends (Europe/Paris time)").fill(INPUT.format(start.plusDays(14)));
        page.getByLabel("Bonus points").fill("15");
        page.getByTestId("save-campaign").click();

        assertThat(page).hasURL(Pattern.compile("/admin/campaigns/[0-9a-f-]{36}\\?done=created$"));
        String id = page.url().replaceAll(".*/campaigns/([0-9a-f-]{36}).*", "$1");
        assertThat(page.locator(".notice")).hasText("The campaign is created.");
        assertThat(page.locator("h1")).hasText("Launch week <b>2026</b>");
        assertThat(page.locator("hgroup .badge")).hasText("Running");
        assertThat(page.getByTestId("audience")).hasText("Sales");
        assertThat(page.getByTestId("campaign-content")).hasText("Launch week");
        assertThat(page.getByTestId("goal-text")).hasText("0 of 3 shares (0%)");
        assertThat(page.getByTestId("leaderboard-row")).hasCount(0);
        JsonPath created = Api.as(curator.token()).get("/api/v1/campaigns/{id}", id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(created.getString("name")).isEqualTo("Launch week <b>2026</b>");
        assertThat(Instant.parse(created.getString("startsAt"))).isEqualTo(start.atZone(PARIS).toInstant());
        assertThat(Instant.parse(created.getString("endsAt"))).isEqualTo(start.plusDays(14).atZone(PARIS).toInstant());
        assertThat(created.getList("contentIds", String.class)).containsExactly(launch);
        assertThat(created.getList("targetGroupIds", String.class)).containsExactly(sales);
        assertThat(created.getMap("goal")).isEqualTo(Map.of("metric", "shares", "target", 3));
        assertThat(created.getString("reward")).isEqualTo("Lunch with the CEO");
        assertThat(created.getInt("bonusPoints")).isEqualTo(15);

        // Members share and their links are clicked through the API while the page stays open: it follows.
        page.evaluate("() => { window.chorusNotReloaded = true; }");
        share(first, launch, "linkedin");
        share(first, launch, "x");
        share(first, other, "linkedin");
        String secondsLink = share(second, launch, "linkedin");
        share(leaving, launch, "facebook");
        share(outsider, launch, "linkedin");
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", leaving.id())
                .then().statusCode(200);
        Locator rows = page.getByTestId("leaderboard-row");
        assertThat(rows).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(LIVE));
        assertThat(page.getByTestId("goal-text")).containsText("4 of 3 shares (100%)");
        assertThat(page.getByTestId("participants")).hasText("3");
        assertThat(rows.nth(0).getByTestId("name")).hasText("Member " + first.email());
        assertThat(rows.nth(0).getByTestId("points")).hasText("20");
        assertThat(rows.nth(1).getByTestId("name")).hasText("Member " + second.email());
        assertThat(rows.nth(1).getByTestId("points")).hasText("10");

        given().redirects().follow(false).header("X-Forwarded-For", Api.freshClientAddress())
                .header("User-Agent", FIREFOX).get("/s/{code}", secondsLink).then().statusCode(302);
        assertThat(rows.nth(1).getByTestId("clicks")).hasText("1",
                new LocatorAssertions.HasTextOptions().setTimeout(LIVE));
        assertThat(rows.nth(1).getByTestId("points")).hasText("12");
        assertThat(page.getByTestId("goal-text")).containsText("reached",
                new LocatorAssertions.ContainsTextOptions().setTimeout(LIVE));
        assertThat(page.evaluate("() => window.chorusNotReloaded === true")).as("updated without a reload")
                .isEqualTo(true);
        assertThat(refusedByPolicy).as("htmx works under the strict policy").isEmpty();
        Browser.screenshot(page, "campaign");
        assertFitsAPhone("campaign-phone");

        // A reload without JavaScript shows the same figures.
        page.reload();
        assertThat(page.getByTestId("leaderboard-row")).hasCount(2);
        page.getByLabel("Ranked by").selectOption("clicks");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(rows.nth(0).getByTestId("name")).hasText("Member " + second.email());

        page.locator("nav.container .menu").getByText("Campaigns").click();
        Locator row = page.getByTestId("campaign-row");
        assertThat(row).hasCount(1);
        assertThat(row.locator("a")).hasText("Launch week <b>2026</b>");
        assertThat(row).containsText("Running");
        assertThat(row.getByTestId("participants")).hasText("3");
        assertThat(row.locator("progress")).hasAttribute("value", "100");
        Browser.screenshot(page, "campaigns");
        assertFitsAPhone("campaigns-phone");

        // Editing keeps what is not changed; a form without its CSRF token changes nothing.
        row.locator("a").click();
        page.getByTestId("edit-campaign").click();
        assertThat(page.getByLabel("Launch week")).isChecked();
        assertThat(page.getByLabel("Starts (Europe/Paris time)")).hasValue(INPUT.format(start));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Launch week");
        page.getByTestId("save-campaign").click();
        assertThat(page.locator(".notice")).hasText("Your changes are saved.");
        assertThat(page.locator("h1")).hasText("Launch week");
        assertThat(page.getByTestId("leaderboard-row")).hasCount(2);
        assertThat(postWithoutCsrfToken("/admin/campaigns/" + id,
                RequestOptions.create()
                        .setForm(FormData.create().set("name", "Forged").set("startsAt", INPUT.format(start)))))
                                .isEqualTo(403);
        Api.as(curator.token()).get("/api/v1/campaigns/{id}", id).then().statusCode(200)
                .body("name", equalTo("Launch week")).body("startsAt", equalTo(created.getString("startsAt")));
    }

    @Test
    void theEmailAnnouncementIsChosenOnTheFormAndFixedOnceSent() {
        Org org = Organizations.create();
        inParis(org);
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Contents.published(curator.token(), Contents.body("Announced piece"));
        LocalDateTime tomorrow = LocalDateTime.ofInstant(Time.now(), PARIS).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        Locator announce = page.getByLabel("Announce by email when it starts");

        signIn(org, curator);
        page.navigate("/admin/campaigns/new");
        assertThat(announce).not().isChecked();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Announced");
        page.getByLabel("Announced piece").check();
        page.getByLabel("Starts (Europe/Paris time)").fill(INPUT.format(tomorrow));
        page.getByLabel("Ends (Europe/Paris time)").fill(INPUT.format(tomorrow.plusDays(7)));
        announce.check();
        page.getByTestId("save-campaign").click();
        assertThat(page).hasURL(Pattern.compile("/admin/campaigns/[0-9a-f-]{36}\\?done=created$"));
        String id = page.url().replaceAll(".*/campaigns/([0-9a-f-]{36}).*", "$1");
        assertThat(page.getByTestId("announcement")).hasText("Mailed to its participants when it starts");
        assertThat(announcement(curator, id)).isEqualTo("true null");

        // Unticked, then ticked again: each saved as it is.
        page.getByTestId("edit-campaign").click();
        assertThat(announce).isChecked();
        announce.uncheck();
        page.getByTestId("save-campaign").click();
        assertThat(page.locator(".notice")).hasText("Your changes are saved.");
        assertThat(page.getByTestId("announcement")).hasText("None");
        assertThat(announcement(curator, id)).isEqualTo("false null");
        page.getByTestId("edit-campaign").click();
        assertThat(announce).not().isChecked();
        announce.check();
        page.getByTestId("save-campaign").click();
        assertThat(page.locator(".notice")).hasText("Your changes are saved.");
        assertThat(announcement(curator, id)).isEqualTo("true null");

        // A value the box never sends is refused next to it, and changes nothing.
        page.getByTestId("edit-campaign").click();
        announce.uncheck();
        announce.evaluate("box => { box.value = 'maybe'; box.checked = true; }");
        page.getByTestId("save-campaign").click();
        assertThat(page.locator(".error[role=alert]")).hasText("Check the highlighted fields.");
        assertThat(page.locator("#announce-error")).hasText("Tick the box, or leave it empty.");
        assertThat(announce).hasAttribute("aria-invalid", "true");
        assertThat(announcement(curator, id)).isEqualTo("true null");

        // It starts (moved to an hour ago) and the mail job announces it: from then on the box shows what was done.
        page.navigate("/admin/campaigns/" + id + "/edit");
        page.getByLabel("Starts (Europe/Paris time)").fill(INPUT.format(tomorrow.minusDays(1).minusHours(1)));
        page.getByTestId("save-campaign").click();
        assertThat(page.locator(".notice")).hasText("Your changes are saved.");
        announcements.announceStarted();
        String announced = announcement(curator, id);
        assertThat(announced).startsWith("true 20");
        assertThat(Api.as(ambassador.token()).get("/api/v1/me/data").then().statusCode(200).extract().jsonPath()
                .getList("mails.findAll { it.kind == 'campaign_start' }.subject", String.class))
                        .containsExactly("The campaign Announced starts now");
        page.reload();
        assertThat(page.getByTestId("announcement")).containsText("Mailed to its participants on ");
        page.getByTestId("edit-campaign").click();
        assertThat(announce).isChecked();
        assertThat(announce).isDisabled();
        assertThat(page.getByTestId("announced")).containsText("Announced by email on ");
        Browser.screenshot(page, "campaign-announced");
        // Even a box enabled and unticked by hand changes nothing now.
        announce.evaluate("box => { box.disabled = false; box.checked = false; }");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Announced and running");
        page.getByTestId("save-campaign").click();
        assertThat(page.locator("h1")).hasText("Announced and running");
        assertThat(announcement(curator, id)).isEqualTo(announced);
    }

    @Test
    void anAnalystReadsACampaignInFrenchAndCannotChangeIt() {
        Org org = Organizations.create();
        inParis(org);
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Person analyst = org.member("analyst");
        String content = Contents.published(curator.token(), Contents.body("Autumn news"));
        Instant now = Time.now();
        String id = campaign(curator, "Autumn", now.minus(Duration.ofHours(2)), now.plus(Duration.ofDays(3)), content);
        share(ambassador, content, "linkedin");
        Org other = Organizations.create();
        Person theirs = other.member("curator");
        String foreign = campaign(theirs, "Theirs", now, now.plus(Duration.ofDays(1)),
                Contents.published(theirs.token(), Contents.body("Theirs")));

        signIn(org, analyst);
        page.navigate("/admin/leaderboards");
        page.getByTestId("campaign-leaderboards").click();
        assertThat(page.locator("h1")).hasText("Campaigns");
        assertThat(page.getByTestId("new-campaign")).hasCount(0);
        page.getByTestId("campaign-row").locator("a").click();
        assertThat(page.getByTestId("edit-campaign")).hasCount(0);
        assertThat(page.getByTestId("leaderboard-row")).hasCount(1);
        assertThat(page.getByTestId("goal-text")).hasText("1 of 5 shares (20%)");

        page.navigate("/admin/campaigns/new");
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
        page.navigate("/admin/campaigns/" + id + "/edit");
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
        page.goBack();
        page.goBack();
        page.getByTestId("language-switch").click();
        assertThat(page).hasURL(Pattern.compile("/admin/campaigns/" + id + "$"));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("hgroup .badge")).hasText("En cours");
        assertThat(page.getByTestId("window")).containsText("du ");
        assertThat(page.getByTestId("window")).containsText(" au ");
        assertThat(page.locator("#standing-heading")).hasText("Classement");
        assertThat(page.getByTestId("goal-text")).hasText("1 sur 5 partages (20 %)");
        assertThat(page.getByTestId("as-of")).containsText("Chiffres au ");
        assertThat(page.getByTestId("announcement")).hasText("Aucune");
        Browser.screenshot(page, "campaign-fr");
        assertFitsAPhone("campaign-fr-phone");

        page.navigate("/admin/campaigns/" + foreign);
        assertThat(page.locator("h1")).hasText("Cette page n'existe pas");
    }

    @Test
    void savingTheFormChangesOnlyWhatWasChanged() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String content = Contents.published(curator.token(), Contents.body("Spring"));
        Instant starts = Time.now().minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.MILLIS);
        String id = campaign(curator, "Spring", starts, starts.plus(Duration.ofDays(2)), content);
        signIn(org, curator);
        page.navigate("/admin/campaigns/" + id + "/edit");
        assertThat(page.getByLabel("The goal counts")).hasValue("shares");
        assertThat(page.getByLabel("Target, across all participants")).hasValue("5");
        page.getByLabel("Reward").fill("A signed poster");
        page.getByTestId("save-campaign").click();
        assertThat(page.locator(".notice")).hasText("Your changes are saved.");

        JsonPath saved = Api.as(curator.token()).get("/api/v1/campaigns/{id}", id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(saved.getString("reward")).isEqualTo("A signed poster");
        assertThat(Instant.parse(saved.getString("startsAt"))).as("the window, shown to the minute, is kept exactly")
                .isEqualTo(starts);
        assertThat(saved.getMap("goal")).isEqualTo(Map.of("metric", "shares", "target", 5));
        List<Map<String, Object>> updates = Api.as(org.admin().token())
                .get("/api/v1/audit-events?action=campaign.updated").then().statusCode(200).extract().path("items");
        assertThat(updates).hasSize(1);
        assertThat((Map<String, Object>) updates.get(0).get("detail")).containsOnlyKeys("reward");
    }

    @Test
    void aPollAfterTheSessionEndedReloadsThePageToSignInAgain() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String content = Contents.published(curator.token(), Contents.body("Winter"));
        Instant now = Time.now();
        String id = campaign(curator, "Winter", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), content);
        signIn(org, curator);
        page.navigate("/admin/campaigns/" + id);
        assertThat(page.getByTestId("live")).hasAttribute("hx-trigger", "every 5s");
        context.clearCookies();
        assertThat(page).hasURL(Pattern.compile("/admin/login\\?next=%2Fadmin%2Fcampaigns%2F" + id + "$"),
                new PageAssertions.HasURLOptions().setTimeout(LIVE));
        assertThat(page.locator("h1")).hasText("Sign in");
    }

    /** What the API says of the campaign's announcement: {@code announce} and {@code announcedAt}. */
    private static String announcement(Person curator, String id) {
        JsonPath campaign = Api.as(curator.token()).get("/api/v1/campaigns/{id}", id).then().statusCode(200).extract()
                .jsonPath();
        return campaign.getBoolean("announce") + " " + campaign.getString("announcedAt");
    }

    private static void inParis(Org org) {
        Api.as(org.admin().token()).body(Map.of("timeZone", PARIS.getId(), "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
    }

    /** A campaign for everyone on one item, with a goal of 5 shares, through the API. */
    private static String campaign(Person curator, String name, Instant startsAt, Instant endsAt, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("contentIds", List.of(content));
        body.put("goal", Map.of("metric", "shares", "target", 5));
        return Api.as(curator.token()).body(body).post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    /** Shares through the API; the short link's code. */
    private static String share(Person ambassador, String content, String network) {
        return Api.as(ambassador.token()).body(Map.of("network", network)).post("/api/v1/content/{id}/shares", content)
                .then().statusCode(201).extract().path("code");
    }
}
