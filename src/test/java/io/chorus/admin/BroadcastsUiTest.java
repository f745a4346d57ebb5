package io.chorus.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Inbox;
import io.chorus.support.MailProfile;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MailProfile.class)
class BroadcastsUiTest extends AdminBrowserTest {

    @Test
    void aCuratorBroadcastsAnItemAndTheAdminSeesItsMailsInTheMailbox() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Contents.published(curator.token(), Contents.body("Big news"));

        signIn(org, curator);
        page.navigate("/admin/broadcasts");
        page.getByLabel("Published item")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Big news"));
        page.getByLabel("Note (optional, at most 1,000 characters)").fill("Today, please!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the broadcast")).click();

        assertThat(page.getByTestId("broadcast-sent").textContent()).contains("queued for 1 members");
        assertThat(page.getByTestId("broadcast-row").first().textContent()).contains("Big news")
                .contains("Today, please!");
        assertThat(Inbox.awaitLetters(ambassador.email(), 1).get(0).text()).contains("Today, please!");

        context.clearCookies();
        signIn(org, org.admin());
        page.navigate("/admin/mailbox");
        assertThat(page.getByTestId("mail-row").allTextContents())
                .anyMatch(row -> row.contains(ambassador.email()) && row.contains("Org " + org.slug() + ": Big news"));
    }

    @Test
    void anotherOrganizationsItemIsAPageThatDoesNotExistAndACuratorHasNoMailbox() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Contents.published(curator.token(), Contents.body("Ours"));
        String theirs = Contents.published(Organizations.create().member("curator").token(), Contents.body("Theirs"));

        signIn(org, curator);
        page.navigate("/admin/broadcasts");
        // The form offers only this organization's items; a crafted one names another's.
        page.locator("#broadcast-content").evaluate("(select, id) => { select.options[0].value = id; }", theirs);
        page.getByTestId("send-broadcast").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("This page does not exist");
        Api.as(curator.token()).get("/api/v1/broadcasts").then().statusCode(200).body("items", hasSize(0));

        page.navigate("/admin/mailbox");
        assertThat(page.locator("h1").textContent()).isEqualTo("Your role does not open this page");
    }
}
