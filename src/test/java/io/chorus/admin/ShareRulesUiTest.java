package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** The sharing rules on the settings page, and an item's own disclosure in the content editor. */
@QuarkusTest
class ShareRulesUiTest extends AdminBrowserTest {

    @Test
    void anAdminSetsTheDailyLimitAndTheSharingHoursWithoutTouchingTheDisclosure() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("disclosure", "I work at ACME.")).put("/api/v1/settings/sharing").then()
                .statusCode(200);
        signIn(org, org.admin());
        page.navigate("/admin/settings");
        assertThat(page.locator("#dailyShareLimit")).hasValue("15");
        assertThat(page.getByTestId("sharing-hours")).not().isChecked();

        page.locator("#dailyShareLimit").fill("0");
        page.getByTestId("save-share-rules").click();
        assertThat(page.locator("#dailyShareLimit-error")).hasText("Enter a whole number from 1 to 1,000.");
        assertThat(page.locator("#dailyShareLimit")).hasValue("0");

        page.locator("#dailyShareLimit").fill("5");
        page.getByTestId("sharing-hours").check();
        page.locator("#sharingFrom").fill("09:00");
        page.locator("#sharingTo").fill("09:00");
        page.getByTestId("save-share-rules").click();
        assertThat(page.locator("#sharingHours-error")).containsText("different from each other");
        Api.as(org.admin().token()).get("/api/v1/settings/sharing").then().body("dailyShareLimit", equalTo(15))
                .body("sharingHours", nullValue());

        page.locator("#sharingTo").fill("18:30");
        page.getByTestId("save-share-rules").click();
        assertThat(page).hasURL(Pattern.compile("done=share_rules_saved"));
        assertThat(page.locator(".notice"))
                .hasText("The sharing rules are saved. They apply to new shares from now on.");
        assertThat(page.locator("#dailyShareLimit")).hasValue("5");
        assertThat(page.getByTestId("sharing-hours")).isChecked();
        Api.as(org.admin().token()).get("/api/v1/settings/sharing").then().body("dailyShareLimit", equalTo(5))
                .body("sharingHours.from", equalTo("09:00")).body("sharingHours.to", equalTo("18:30"))
                .body("disclosure", equalTo("I work at ACME."));

        // Saving the disclosure keeps the rules; unticking the hours removes them.
        page.getByTestId("save-sharing").click();
        page.getByTestId("sharing-hours").uncheck();
        page.getByTestId("save-share-rules").click();
        assertThat(page.getByTestId("sharing-hours")).not().isChecked();
        Api.as(org.admin().token()).get("/api/v1/settings/sharing").then().body("dailyShareLimit", equalTo(5))
                .body("sharingHours", nullValue()).body("disclosure", equalTo("I work at ACME."));
    }

    @Test
    void aCuratorGivesAnItemItsOwnDisclosureAndATooLongMessageIsNamed() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        signIn(org, curator);
        page.navigate("/admin/content/new");
        page.locator("#title").fill("Sponsored study");
        page.locator("#url").fill("https://example.com/study");
        page.locator("#msg-x").fill("s".repeat(240));
        page.locator("#disclosure").fill("#ad: ACME paid for this study.");
        page.getByTestId("save").click();
        assertThat(page.locator("#msg-error-x")).containsText("the disclosure line included");
        assertThat(page.locator("#disclosure")).hasValue("#ad: ACME paid for this study.");

        page.locator("#msg-x").fill("Our study is out");
        page.getByTestId("save").click();
        assertThat(page).hasURL(Pattern.compile("done=created"));
        assertThat(page.locator("#disclosure")).hasValue("#ad: ACME paid for this study.");
        Api.as(curator.token()).get("/api/v1/content").then().body("items[0].disclosure",
                equalTo("#ad: ACME paid for this study."));
    }
}
