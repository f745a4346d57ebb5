package io.chorus.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** The app says, in the member's language, why the sharing rules refused a share, and shares nothing. */
@QuarkusTest
class ShareRulesAppUiTest extends AppBrowserTest {

    @Test
    void theDailyLimitIsAPageSayingWhenSharingOpensAgain() {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("dailyShareLimit", 1)).put("/api/v1/settings/sharing").then()
                .statusCode(200);
        Person ambassador = org.member("ambassador");
        Api.as(ambassador.token()).body(Map.of("language", "fr")).patch("/api/v1/me").then().statusCode(200);
        Person curator = org.member("curator");
        String first = Contents.published(curator.token(), Contents.body("Premier"));
        Contents.published(curator.token(), Contents.body("Second"));
        Api.as(ambassador.token()).body(Map.of("network", "linkedin")).post("/api/v1/content/{id}/shares", first).then()
                .statusCode(201);
        signIn(org, ambassador);

        share("Second", "LinkedIn");
        assertThat(page.getByTestId("share-refused"))
                .containsText("Vous avez fait les 1 partages du jour, le maximum que votre organisation permet");
        assertThat(page.getByTestId("share-refused")).containsText("(UTC)");
        screenshot("share-limit-reached");
        assertThat(Api.as(ambassador.token()).get("/api/v1/me/shares").then().extract().jsonPath().getList("items"))
                .hasSize(1);
    }

    @Test
    void outsideSharingHoursIsAPageSayingWhenSharingOpens() {
        Org org = Organizations.create();
        LocalTime now = LocalTime.ofInstant(Time.now(), ZoneId.of("UTC")).truncatedTo(ChronoUnit.MINUTES);
        Api.as(org.admin().token())
                .body(Map.of("sharingHours",
                        Map.of("from", now.plusHours(2).toString(), "to", now.plusHours(3).toString())))
                .put("/api/v1/settings/sharing").then().statusCode(200);
        Person ambassador = org.member("ambassador");
        Contents.published(org.member("curator").token(), Contents.body("Night"));
        signIn(org, ambassador);

        share("Night", "LinkedIn");
        assertThat(page.getByTestId("share-refused"))
                .containsText("Your organization shares only at certain hours. Nothing was shared");
        assertThat(Api.as(ambassador.token()).get("/api/v1/me/shares").then().extract().jsonPath().getList("items"))
                .isEmpty();
    }

    private void share(String title, String network) {
        Locator item = page.getByTestId("feed-item").filter(new Locator.FilterOptions().setHasText(title));
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(network).setExact(true)).click();
    }
}
