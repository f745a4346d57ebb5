package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.analytics.Traffic;
import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** Campaigns in the app: the running ones with their goal and my standing, one with its leaderboard and content. */
@QuarkusTest
class AppCampaignsUiTest extends AppBrowserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void runningCampaignsShowTheirGoalRewardAndMyStandingAndLetMeShareTheirContent() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("timeZone", PARIS.getId(), "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        String sales = org.group("Sales", "team");
        String support = org.group("Support", "team");
        Person curator = org.member("curator");
        Person me = org.member(List.of(sales), "ambassador");
        Person colleague = org.member(List.of(sales), "ambassador");
        String launch = Contents.published(curator.token(), Contents.body("Launch day"));
        String guide = Contents.published(curator.token(), Contents.body("Launch guide"));
        String theirs = Contents.published(curator.token(), Contents.body("Support notes", List.of(support)));
        Instant now = Time.now();
        Map<String, Object> body = campaign("Launch week", now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(14)), List.of(launch, guide, theirs));
        body.put("description", "Share the launch with your network.");
        body.put("goal", Map.of("metric", "shares", "target", 5));
        body.put("reward", "Lunch with the CEO");
        body.put("bonusPoints", 15);
        String week = create(curator, body);
        Map<String, Object> forSupport = campaign("Support month", now.minus(Duration.ofHours(2)),
                now.plus(Duration.ofDays(30)), List.of(launch));
        forSupport.put("targetGroupIds", List.of(support));
        create(curator, forSupport);
        create(curator,
                campaign("Next quarter", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(9)), List.of(launch)));
        create(curator, campaign("Last spring", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(30)),
                List.of(launch)));
        Traffic.share(colleague, launch, "linkedin");
        Traffic.share(colleague, guide, "linkedin");
        Traffic.share(me, launch, "linkedin");
        Traffic.await(me.token(), "/api/v1/campaigns/" + week + "/leaderboard",
                b -> b.getList("entries").size() == 2 && b.getLong("me.rank") == 2);

        signIn(org, me);
        page.locator("nav.app-nav").getByText("Campaigns").click();
        assertThat(page.locator("h1")).hasText("Campaigns");
        Locator cards = page.getByTestId("campaign");
        assertThat(cards.locator("h2")).hasText(new String[] { "Launch week", "Support month" });
        Locator launchWeek = cards.first();
        assertThat(launchWeek.getByTestId("rules")).hasText("Share the launch with your network.");
        assertThat(launchWeek.getByTestId("window")).hasText(Pattern.compile("^From .+ CEST to .+ CEST$"));
        assertThat(launchWeek.getByTestId("goal-text")).hasText("3 of 5 shares (60%)");
        assertThat(launchWeek.locator("progress")).hasAttribute("value", "60");
        assertThat(launchWeek.getByTestId("reward"))
                .hasText("Lunch with the CEO15 bonus points for every participant once the goal is reached");
        assertThat(launchWeek.getByTestId("audience")).hasText("Everyone");
        assertThat(launchWeek.getByTestId("campaign-standing")).hasText("Rank 2 · Points: 10 · shares: 1 · clicks: 0");
        Locator supportMonth = cards.nth(1);
        assertThat(supportMonth.getByTestId("audience")).hasText("Support");
        assertThat(supportMonth.getByTestId("campaign-standing"))
                .hasText("This campaign is for other groups: your shares do not count in it.");
        assertThat(supportMonth.getByTestId("goal-text")).hasCount(0);
        assertFitsAPhone();
        screenshot("campaigns");

        launchWeek.getByTestId("open-campaign").click();
        assertThat(page).hasURL(Pattern.compile("/app/campaigns/" + week + "$"));
        assertThat(page.locator("h1")).hasText("Launch week");
        assertThat(page.getByTestId("status")).hasText("Running");
        Locator rows = page.getByTestId("leaderboard-row");
        assertThat(rows.getByTestId("name")).hasText(new String[] { name(colleague), name(me) + " (you)" });
        assertThat(rows.getByTestId("points")).hasText(new String[] { "20", "10" });
        assertThat(page.locator("tr.me-row[aria-current=true]").getByTestId("rank")).hasText("2");
        Locator items = page.getByTestId("campaign-item");
        // What my feed shows of it, in the campaign's order (the API's): not the item for another group.
        assertThat(items.locator("h3"))
                .hasText(launch.compareTo(guide) < 0 ? new String[] { "Launch day", "Launch guide" }
                        : new String[] { "Launch guide", "Launch day" });
        assertThat(items.first().locator("button[name=network]")).hasCount(6);
        assertFitsAPhone();
        screenshot("campaign");

        // Sharing from the campaign's page: the network's window is kept off the internet.
        context.route(url -> !url.startsWith(base.toString()), route -> route.abort());
        Locator guideItem = page.locator("#item-" + guide);
        guideItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("LinkedIn").setExact(true)).click();
        assertThat(guideItem.getByTestId("share-done")).isVisible();
        assertThat(guideItem.getByTestId("short-link")).hasValue(Pattern.compile("/s/[A-Za-z0-9_-]+$"));
        Traffic.await(me.token(), "/api/v1/campaigns/" + week + "/leaderboard", b -> b.getLong("me.shares") == 2);
        page.reload();
        assertThat(page.getByTestId("campaign-standing")).hasText("Rank 1 · Points: 20 · shares: 2 · clicks: 0");
        assertThat(page.locator("tr.me-row[aria-current=true]").getByTestId("rank")).hasText("1 =");
        assertThat(page.getByTestId("goal-text")).hasText("4 of 5 shares (80%)");
    }

    @Test
    void anotherOrganizationsCampaignIsNotFound() {
        Org org = Organizations.create();
        Person me = org.member("ambassador");
        Org other = Organizations.create();
        Person curator = other.member("curator");
        Instant now = Time.now();
        String foreign = create(curator,
                campaign("Theirs", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
                        List.of(Contents.published(curator.token(), Contents.body("Their news")))));

        signIn(org, me);
        page.navigate("/app/campaigns");
        assertThat(page.getByTestId("campaigns-empty")).hasText("No campaign is running right now.");
        for (String id : List.of(foreign, UUID.randomUUID().toString(), "not-a-campaign")) {
            Response response = page.navigate("/app/campaigns/" + id);
            assertThat(response.status()).as("campaign %s", id).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("This page does not exist");
        }
    }

    private static String name(Person person) {
        return "Member " + person.email();
    }

    private static Map<String, Object> campaign(String name, Instant startsAt, Instant endsAt, List<String> content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("contentIds", content);
        return body;
    }

    private static String create(Person curator, Map<String, Object> body) {
        return Api.as(curator.token()).body(body).post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }
}
