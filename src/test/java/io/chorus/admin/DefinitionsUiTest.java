package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard says what it counts: an invited member who has not accepted is in "in all" but is no active ambassador,
 * and the definitions page, reached from the dashboard, says so in English and in French.
 */
@QuarkusTest
class DefinitionsUiTest extends AdminBrowserTest {

    @Test
    void invitedMembersAreNotActiveAndTheDefinitionsSaySo() {
        Org org = Organizations.create();
        for (int i = 0; i < 3; i++) {
            org.member("ambassador");
        }
        Api.as(org.admin().token()).body(Map.of("email", "invited@" + org.slug() + ".example", "name", "Invited",
                "roles", List.of("ambassador"))).post("/api/v1/members").then().statusCode(201);
        signIn(org, org.admin());

        assertThat(page.getByTestId("tile-sharing")).containsText("of 3 active (4 in all)");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What the figures mean")).click();
        assertThat(page).hasURL(base + "admin/analytics/definitions");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What the figures mean")))
                .isVisible();
        assertThat(page.locator("#active + dd"))
                .containsText("Someone invited who has not accepted yet is not an" + " active ambassador");
        assertThat(page.locator("#groups + dd")).containsText("fewer than 5 active ambassadors");
        assertThat(page.locator("#personalised + dd")).containsText("changed the suggested message");
        assertFitsAPhone("definitions-phone");

        page.getByTestId("language-switch").click();
        page.navigate("/admin/analytics/definitions");
        assertThat(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ce que mesurent les chiffres")))
                        .isVisible();
        assertThat(page.locator("#active + dd")).containsText("n'est pas un ambassadeur actif");
        assertThat(page.locator("#personalised + dd")).containsText("a modifié le message suggéré");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
    }
}
