package io.chorus.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.chorus.sources.FeedServer;
import io.chorus.support.Api;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SourcesUiTest extends AdminBrowserTest {

    static FeedServer feeds;

    @BeforeAll
    static void serve() throws IOException {
        feeds = new FeedServer();
    }

    @AfterAll
    static void stop() {
        feeds.close();
    }

    @Test
    void aCuratorAddsASourceFetchesItSeesItsHealthAndDisablesIt() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        signIn(org, curator);
        page.navigate("/admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sources")).click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Content sources");

        page.getByLabel("Feed URL (RSS 2.0 or Atom)").fill(feeds.url("/rss/ui"));
        page.getByLabel("Topics (comma-separated, optional)").fill("News, Energy");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the source")).click();
        assertThat(page.getByTestId("source-done").textContent()).contains("The source is added");
        assertThat(page.getByTestId("source-row").first().textContent()).contains(feeds.url("/rss/ui"))
                .contains("#news #energy").contains("never fetched");

        page.getByTestId("fetch-source").first().click();
        assertThat(page.getByTestId("source-done").textContent()).contains("was fetched");
        assertThat(page.getByTestId("source-health").first().textContent()).isEqualTo("working");
        assertThat(page.getByTestId("source-row").first().textContent()).contains("3");
        Api.as(curator.token()).get("/api/v1/content?status=draft").then().statusCode(200).body("items.size()",
                equalTo(3));

        page.getByTestId("toggle-source").first().click();
        assertThat(page.getByTestId("source-health").first().textContent()).isEqualTo("disabled");
        Api.as(curator.token()).get("/api/v1/content-sources").then().statusCode(200).body("items[0].enabled",
                equalTo(false));
        assertFitsAPhone("admin-sources");
    }

    @Test
    void aSourceForSomeGroupsIsAddedWithThem() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        String sales = org.group("Sales", "team");
        org.group("Support", "team");
        signIn(org, curator);
        page.navigate("/admin/sources");
        page.getByLabel("Feed URL (RSS 2.0 or Atom)").fill(feeds.url("/rss/groups"));
        page.getByLabel("Sales").check();
        page.getByTestId("add-source").click();
        assertThat(page.getByTestId("source-groups").first().textContent()).isEqualTo("For the groups: Sales");
        Api.as(curator.token()).get("/api/v1/content-sources").then().statusCode(200).body("items[0].targetGroupIds",
                equalTo(List.of(sales)));
    }

    @Test
    void aBrokenFeedShowsItsErrorAndABadUrlAddsNothing() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        signIn(org, curator);
        page.navigate("/admin/sources");
        page.getByLabel("Feed URL (RSS 2.0 or Atom)").fill("http://10.0.0.1/feed.xml");
        page.getByTestId("add-source").click();
        assertThat(page.getByTestId("source-error").textContent()).contains("http or https address of a feed");
        assertThat(page.getByLabel("Feed URL (RSS 2.0 or Atom)").inputValue()).isEqualTo("http://10.0.0.1/feed.xml");
        Api.as(curator.token()).get("/api/v1/content-sources").then().statusCode(200).body("items.size()", equalTo(0));

        page.getByLabel("Feed URL (RSS 2.0 or Atom)").fill(feeds.url("/broken"));
        page.getByTestId("add-source").click();
        page.getByTestId("fetch-source").first().click();
        assertThat(page.getByTestId("source-health").first().textContent())
                .isEqualTo("1 failed in a row: the feed answered HTTP 500");
    }
}
