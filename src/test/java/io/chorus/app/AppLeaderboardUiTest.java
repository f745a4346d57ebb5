package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.analytics.Traffic;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** Leaderboards in the app: the organization's and my groups', me highlighted, my standing when I am not listed. */
@QuarkusTest
class AppLeaderboardUiTest extends AppBrowserTest {

    @Test
    void theMonthsLeaderboardHighlightsMeAndNarrowsToOneOfMyGroups() {
        Org org = Organizations.create();
        String paris = org.group("Paris", "location");
        String lyon = org.group("Lyon", "location");
        Person first = org.member(List.of(paris), "ambassador");
        Person second = org.member(List.of(lyon), "ambassador");
        Person me = org.member(List.of(paris), "ambassador");
        Person tiedInParis = org.member(List.of(paris), "ambassador");
        Person tiedAlone = org.member("ambassador");
        ActivityUiTest.adjust(org, first, 50);
        ActivityUiTest.adjust(org, second, 40);
        ActivityUiTest.adjust(org, me, 30);
        ActivityUiTest.adjust(org, tiedInParis, 20);
        ActivityUiTest.adjust(org, tiedAlone, 20);
        Traffic.await(me.token(), "/api/v1/leaderboards?period=month",
                b -> b.getList("entries").size() == 5 && b.getLong("me.rank") == 3);

        signIn(org, me);
        page.locator("nav.app-nav").getByText("Leaderboards").click();
        assertThat(page.locator("h1")).hasText("Leaderboards");
        assertThat(page.getByLabel("Period")).hasValue("month");
        assertThat(page.getByLabel("Group").locator("option")).hasText(new String[] { "Everyone", "Paris" });
        Locator rows = page.getByTestId("leaderboard-row");
        assertThat(rows.getByTestId("rank")).hasText(new String[] { "1", "2", "3", "4 =", "4 =" });
        assertThat(rows.getByTestId("points")).hasText(new String[] { "50", "40", "30", "20", "20" });
        assertThat(rows.nth(0).getByTestId("name")).hasText(name(first));
        assertThat(rows.nth(1).getByTestId("name")).hasText(name(second));
        Locator mine = page.locator("tr.me-row[aria-current=true]");
        assertThat(mine).hasCount(1);
        assertThat(mine.getByTestId("name")).hasText(name(me) + " (you)");
        assertThat(mine.getByTestId("rank")).hasText("3");
        assertThat(page.getByTestId("my-standing")).hasCount(0);
        assertFitsAPhone();
        screenshot("leaderboards");

        page.getByLabel("Group").selectOption(paris);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page).hasURL(Pattern.compile("/app/leaderboards\\?period=month&group=" + paris + "$"));
        assertThat(rows.getByTestId("name"))
                .hasText(new String[] { name(first), name(me) + " (you)", name(tiedInParis) });
        assertThat(rows.getByTestId("rank")).hasText(new String[] { "1", "2", "3" });
        assertThat(mine.getByTestId("rank")).hasText("2");
        assertThat(page.getByLabel("Group")).hasValue(paris);

        page.getByLabel("Period").selectOption("week");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.getByLabel("Period")).hasValue("week");
        assertThat(page.getByTestId("period-range"))
                .hasText(Pattern.compile("^From \\w+ \\d+, \\d{4} to \\w+ \\d+, \\d{4}$"));
        assertThat(rows.getByTestId("name"))
                .hasText(new String[] { name(first), name(me) + " (you)", name(tiedInParis) });

        page.getByLabel("Period").selectOption("all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.getByTestId("period-range")).containsText("All time, up to ");
        assertThat(page.getByLabel("Group")).hasValue(paris);
        assertFitsAPhone();
    }

    @Test
    void hidingFromLeaderboardsLeavesMeMyOwnStandingBelowTheBoard() {
        Org org = Organizations.create();
        Person leader = org.member("ambassador");
        Person me = org.member("ambassador");
        ActivityUiTest.adjust(org, leader, 50);
        ActivityUiTest.adjust(org, me, 30);
        Api.as(me.token()).body(Map.of("leaderboardVisible", false)).patch("/api/v1/me").then().statusCode(200);
        Traffic.await(me.token(), "/api/v1/leaderboards?period=month",
                b -> b.getList("entries").size() == 1 && b.getLong("me.points") == 30);

        signIn(org, me);
        page.navigate("/app/leaderboards");
        assertThat(page.getByTestId("leaderboard-row")).hasCount(1);
        assertThat(page.getByTestId("leaderboard-row").getByTestId("name")).hasText(name(leader));
        assertThat(page.locator("tr.me-row")).hasCount(0);
        assertThat(page.getByLabel("Group")).hasCount(0);
        Locator standing = page.getByTestId("my-standing");
        assertThat(standing.getByTestId("hidden-note")).hasText("You hide from leaderboards: only you see your rank.");
        assertThat(standing.getByTestId("my-rank")).hasText("Rank 2");
        assertThat(standing.getByTestId("my-figures")).hasText("Points: 30 · shares: 0 · clicks: 0");
        assertFitsAPhone();
        screenshot("leaderboards-hidden");
    }

    @Test
    void belowTheTop50MyStandingShowsUnderTheBoard() {
        Org org = Organizations.create();
        for (int i = 0; i < 50; i++) {
            ActivityUiTest.adjust(org, org.member("ambassador"), 100 + i);
        }
        Person me = org.member("ambassador");
        ActivityUiTest.adjust(org, me, 99);
        Traffic.await(me.token(), "/api/v1/leaderboards?period=month&limit=100",
                b -> b.getList("entries").size() == 51 && b.getLong("me.rank") == 51);

        signIn(org, me);
        page.navigate("/app/leaderboards");
        Locator rows = page.getByTestId("leaderboard-row");
        assertThat(rows).hasCount(50);
        assertThat(rows.first().getByTestId("points")).hasText("149");
        assertThat(rows.last().getByTestId("rank")).hasText("50");
        assertThat(page.locator("tr.me-row")).hasCount(0);
        Locator standing = page.getByTestId("my-standing");
        assertThat(standing).containsText("You are not in the top 50 yet.");
        assertThat(standing.getByTestId("my-rank")).hasText("Rank 51");
        assertThat(standing.getByTestId("my-figures")).hasText("Points: 99 · shares: 0 · clicks: 0");
        assertFitsAPhone();
    }

    @Test
    void aGroupThatIsNotMineIsNotFoundAndAPeriodThatIsNotOneIsSaidSo() {
        Org org = Organizations.create();
        String paris = org.group("Paris", "location");
        String lyon = org.group("Lyon", "location");
        Person me = org.member(List.of(paris), "ambassador");
        Org other = Organizations.create();
        String theirs = other.group("Paris", "location");

        signIn(org, me);
        for (String group : List.of(lyon, theirs, UUID.randomUUID().toString(), "not-a-group")) {
            Response response = page.navigate("/app/leaderboards?group=" + group);
            assertThat(response.status()).as("group %s", group).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("This page does not exist");
        }
        Response mine = page.navigate("/app/leaderboards?period=year&group=" + paris);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(page.getByLabel("Period")).hasValue("year");

        Response refused = page.navigate("/app/leaderboards?period=decade");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.getByTestId("problem")).hasText(
                "“decade” is not a period. Here is this month; choose this week, this month, this quarter, this year or all time.");
        assertThat(page.getByLabel("Period")).hasValue("month");
        assertFitsAPhone();
    }

    private static String name(Person person) {
        return "Member " + person.email();
    }
}
