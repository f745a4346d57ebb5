package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.quarkus.test.junit.QuarkusTest;

/** The settings pages: scoring rules, time zone and levels, disclosure, blocklist, charter; in both languages. */
@QuarkusTest
class SettingsUiTest extends AdminBrowserTest {

    @Test
    void anAdminChangesTheScoringRulesAndTheApiServesThem() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/settings");
        assertThat(page.locator("#points_share")).hasValue("10");
        assertThat(page.locator("#cap_share")).hasValue("50");
        page.locator("#points_share").fill("15");
        page.locator("#cap_share").fill("");
        page.locator("#points_click").fill("3");
        assertThat(page.locator("#points_conversion")).hasValue("0");
        assertThat(page.locator("#rule-conversion")).hasText("Conversion credited");
        page.locator("#points_conversion").fill("20");
        page.getByTestId("save-scoring").click();
        assertThat(page.locator(".notice")).hasText("The scoring rules are saved. They apply from now on.");
        assertThat(page.locator("#points_share")).hasValue("15");
        Browser.screenshot(page, "settings");
        assertFitsAPhone("settings-phone");

        List<Map<String, Object>> rules = Api.as(org.member("ambassador").token()).get("/api/v1/scoring-rules").then()
                .statusCode(200).extract().as(List.class);
        assertThat(rules).contains(rule("share", 15, null), rule("click", 3, 100), rule("submission_approved", 25, 50),
                rule("conversion", 20, 100));

        page.locator("#points_share").fill("-3");
        page.locator("#cap_click").fill("2.5");
        page.getByTestId("save-scoring").click();
        assertThat(page.locator("#points_share-error")).hasText("Enter a whole number from 0 to 10,000.");
        assertThat(page.locator("#cap_click-error"))
                .hasText("Enter a whole number from 0 to 1,000,000, or leave it empty for no cap.");
        assertThat(page.locator("#points_share")).hasValue("-3");
        Api.as(org.admin().token()).get("/api/v1/scoring-rules").then().statusCode(200)
                .body("find { it.action == 'share' }.points", equalTo(15));
    }

    @Test
    void theTimeZoneLevelsDisclosureAndBlocklistAreSavedOrRefusedNextToTheirField() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/settings");
        page.locator("#timeZone").fill("Mars/Olympus");
        page.getByTestId("save-organization").click();
        assertThat(page.locator("#timeZone-error")).hasText("Choose a time zone from the list, such as Europe/Paris.");
        page.locator("#timeZone").fill("Europe/Paris");
        page.locator("#levels").fill("0, 50, 200, 150");
        page.getByTestId("save-organization").click();
        assertThat(page.locator("#levels-error")).containsText("starting at 0 and increasing");
        page.locator("#levels").fill("0, 50, 200");
        page.locator("#costPerClick").fill("0,85");
        page.locator("#currency").fill("XYZ");
        page.getByTestId("save-organization").click();
        assertThat(page.locator("#currency-error")).hasText("Enter a currency code such as EUR, USD or GBP.");
        assertThat(page.locator("#costPerClick")).hasValue("0,85");
        page.locator("#currency").fill("eur");
        page.getByTestId("save-organization").click();
        assertThat(page.locator(".notice")).hasText("The time zone, levels and cost per click are saved.");
        Api.as(org.admin().token()).get("/api/v1/settings/organization").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris")).body("levelThresholds", equalTo(List.of(0, 50, 200)))
                .body("costPerClick.amount", equalTo(0.85f)).body("costPerClick.currency", equalTo("EUR"));
        assertThat(page.locator("#costPerClick")).hasValue("0.85");
        // Emptied, the estimate is gone.
        page.locator("#costPerClick").fill("");
        page.getByTestId("save-organization").click();
        assertThat(page.locator(".notice")).hasText("The time zone, levels and cost per click are saved.");
        Api.as(org.admin().token()).get("/api/v1/settings/organization").then().body("costPerClick", nullValue());

        page.locator("#disclosure").fill("");
        page.getByLabel("Mandatory").check();
        page.getByTestId("save-sharing").click();
        assertThat(page.locator("#disclosureMandatory-error"))
                .hasText("A mandatory disclosure needs a line: write one, or untick the box.");
        page.locator("#disclosure").fill("I work at Acme.");
        page.getByTestId("save-sharing").click();
        assertThat(page.locator(".notice")).hasText("The disclosure and the networks are saved.");
        Api.as(org.admin().token()).get("/api/v1/settings/sharing").then().statusCode(200)
                .body("disclosure", equalTo("I work at Acme.")).body("disclosureMandatory", equalTo(true));

        // The networks shared on: at least one, and what is ticked is what the API answers.
        for (String network : List.of("LinkedIn", "X", "Facebook", "XING", "WhatsApp", "Email")) {
            page.getByLabel(network, new Page.GetByLabelOptions().setExact(true)).uncheck();
        }
        page.getByTestId("save-sharing").click();
        assertThat(page.locator("#networks-error")).hasText("Tick at least one network.");
        page.getByLabel("LinkedIn", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("XING", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByTestId("save-sharing").click();
        assertThat(page.locator(".notice")).hasText("The disclosure and the networks are saved.");
        Api.as(org.admin().token()).get("/api/v1/settings/sharing").then().body("networks",
                equalTo(List.of("linkedin", "xing")));

        page.locator("#phrases").fill("confidential\n\ninsider tip");
        page.locator("#patterns").fill("(unclosed");
        page.getByTestId("save-blocklist").click();
        assertThat(page.locator("#patterns-error")).hasText("“(unclosed” is not a valid regular expression.");
        page.locator("#patterns").fill("acme-\\d+");
        page.getByTestId("save-blocklist").click();
        assertThat(page.locator(".notice")).hasText("The blocklist is saved.");
        Api.as(org.admin().token()).get("/api/v1/settings/blocklist").then().statusCode(200)
                .body("phrases", equalTo(List.of("confidential", "insider tip")))
                .body("patterns", equalTo(List.of("acme-\\d+")));
    }

    @Test
    void anAdminPublishesACharterVersionThatMembersMustAccept() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/settings/charter");
        assertThat(page.getByTestId("charter-version"))
                .hasText("No charter yet: ambassadors share without accepting one.");
        String text = "# Our charter\n\n- Be honest.\n- Say you work here.";
        page.getByLabel("Text (Markdown)").fill(text);
        page.getByTestId("publish-charter").click();
        assertThat(page.locator(".notice")).containsText("The new charter version is published.");
        assertThat(page.getByTestId("charter-version")).hasText(Pattern.compile("^Version 1, published .+ UTC\\.$"));
        Browser.screenshot(page, "settings-charter");
        Api.as(org.member("ambassador").token()).get("/api/v1/charter").then().statusCode(200)
                .body("version", equalTo(1)).body("text", equalTo(text)).body("acceptedByMe", equalTo(false));

        page.getByTestId("publish-charter").click();
        assertThat(page.locator("#text-error"))
                .hasText("This is the text of the current version: change it before publishing a new one.");
        Api.as(org.admin().token()).get("/api/v1/charter").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void theSettingsSpeakFrenchAndShowDatesInTheOrganizationsZone() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("timeZone", "America/New_York", "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        Api.as(org.admin().token()).body(Map.of("text", "Be kind.")).put("/api/v1/charter").then().statusCode(200);
        signIn(org, org.admin());
        page.getByTestId("language-switch").click();
        page.navigate("/admin/settings");
        assertThat(page.locator("h1")).hasText("Réglages");
        assertThat(page.locator("nav.container .menu")).containsText("Classements");
        page.locator("#points_click").fill("99999");
        page.getByTestId("save-scoring").click();
        assertThat(page.locator("#points_click-error")).hasText("Indiquez un nombre entier de 0 à 10 000.");
        Browser.screenshot(page, "settings-fr");
        page.navigate("/admin/settings/charter");
        assertThat(page.getByTestId("charter-version"))
                .hasText(Pattern.compile("^Version 1, publiée le .+ (EST|EDT)\\.$"));
        page.navigate("/admin/members");
        assertThat(page.locator("h1")).hasText("Membres");
        page.navigate("/admin/groups");
        assertThat(page.locator("h1")).hasText("Groupes");
        page.navigate("/admin/invitations");
        assertThat(page.locator("h1")).hasText("Inviter des membres");
        page.navigate("/admin/leaderboards");
        assertThat(page.locator("h1")).hasText("Classements");
    }

    @Test
    void aSettingsFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/settings");
        assertThat(postWithoutCsrfToken("/admin/settings/scoring", RequestOptions.create().setForm(FormData.create()
                .set("points_share", "1000").set("points_click", "1").set("points_submission_approved", "1"))))
                        .isEqualTo(403);
        Api.as(org.admin().token()).get("/api/v1/scoring-rules").then().statusCode(200)
                .body("find { it.action == 'share' }.points", equalTo(10))
                .body("find { it.action == 'share' }.dailyCap", equalTo(50));
    }

    private static Map<String, Object> rule(String action, int points, Integer cap) {
        Map<String, Object> rule = new java.util.HashMap<>();
        rule.put("action", action);
        rule.put("points", points);
        rule.put("dailyCap", cap);
        return rule;
    }
}
