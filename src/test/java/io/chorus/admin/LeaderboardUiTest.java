package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** Leaderboards for analysts and admins: order, ties, filters, who is left out. */
@QuarkusTest
class LeaderboardUiTest extends AdminBrowserTest {

    @Test
    void anAnalystSeesRanksWithTiesAndFiltersByGroupAndMetric() {
        Org org = Organizations.create();
        String paris = org.group("Paris", "location");
        Person first = org.member("ambassador");
        Person second = org.member(List.of(paris), "ambassador");
        Person tied = org.member("ambassador");
        Person fourth = org.member(List.of(paris), "ambassador");
        Person gone = org.member("ambassador");
        Person analyst = org.member("analyst");
        adjust(org, first, 50);
        adjust(org, second, 30);
        adjust(org, tied, 30);
        adjust(org, fourth, 10);
        adjust(org, gone, 40);
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", gone.id())
                .then().statusCode(200);

        signIn(org, analyst);
        assertThat(page.locator("nav.container .menu a")).hasText(new String[] { "Dashboard", "Leaderboards" });
        page.navigate("/admin/members");
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
        page.navigate("/admin");
        page.locator("nav.container .menu").getByText("Leaderboards").click();

        assertThat(page.locator("h1")).hasText("Leaderboards");
        assertThat(page.getByTestId("leaderboard-row")).hasCount(4);
        Map<String, String> ranks = ranks();
        assertThat(ranks).containsExactlyInAnyOrderEntriesOf(
                Map.of(name(first), "1", name(second), "2 =", name(tied), "2 =", name(fourth), "4"));
        assertThat(page.getByTestId("name").first()).hasText(name(first));
        assertThat(page.getByTestId("name").last()).hasText(name(fourth));
        assertThat(page.getByTestId("period-range")).containsText("ranked by points");
        Browser.screenshot(page, "leaderboards");
        assertFitsAPhone("leaderboards-phone");

        page.getByLabel("Group").selectOption(paris);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByTestId("leaderboard-row")).hasCount(2);
        assertThat(ranks()).containsExactlyInAnyOrderEntriesOf(Map.of(name(second), "1", name(fourth), "2"));
        assertThat(page.getByTestId("name").first()).hasText(name(second));
        assertThat(page.getByLabel("Group")).hasValue(paris);

        page.getByLabel("Ranked by").selectOption("shares");
        page.getByLabel("Period").selectOption("all");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByTestId("period-range")).containsText("ranked by shares");
        assertThat(page.getByTestId("leaderboard-row")).hasCount(2);
        assertThat(ranks()).as("nobody shared: everyone ties")
                .containsExactlyInAnyOrderEntriesOf(Map.of(name(second), "1 =", name(fourth), "1 ="));
    }

    /** Each listed member's rank as the page shows it ("2 =" for a tie), in the page's order. */
    private Map<String, String> ranks() {
        Map<String, String> ranks = new LinkedHashMap<>();
        Locator rows = page.getByTestId("leaderboard-row");
        for (int i = 0; i < rows.count(); i++) {
            ranks.put(rows.nth(i).getByTestId("name").innerText().strip(),
                    rows.nth(i).getByTestId("rank").innerText().strip());
        }
        return ranks;
    }

    private static String name(Person person) {
        return "Member " + person.email();
    }

    private static void adjust(Org org, Person member, int points) {
        Api.as(org.admin().token()).body(Map.of("points", points, "reason", "Test"))
                .post("/api/v1/members/{id}/adjustments", member.id()).then().statusCode(201);
    }
}
