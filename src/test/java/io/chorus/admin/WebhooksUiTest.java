package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Inbox;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.webhooks.WebhookReceiver;
import io.chorus.webhooks.WebhookReceiver.Endpoint;
import io.chorus.webhooks.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The webhooks settings page in a real browser, against the tests' webhook receiver: an endpoint added (its secret
 * shown once), an event delivered and seen in the log, replayed, the endpoint edited, paused, resumed and deleted;
 * refused URLs in two languages; curators kept out; another organization's endpoint a page that does not exist.
 */
@QuarkusTest
class WebhooksUiTest extends AdminBrowserTest {

    private String addEndpoint(String url, String... events) {
        page.navigate("/admin/settings/webhooks");
        page.locator("#url").fill(url);
        for (String event : events) {
            page.locator("input[name=events][value='" + event + "']").check();
        }
        page.getByTestId("add-webhook").click();
        page.locator(".notice, p.error").first().waitFor();
        return page.locator(".notice").count() > 0 ? page.getByTestId("webhook-secret").inputValue() : null;
    }

    /** Reloads the page until the locator's first match has the text, for at most 20 seconds. */
    private void reloadUntil(Locator locator, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !(locator.count() > 0 && locator.first().innerText().equals(text))) {
            Inbox.pause();
            page.reload();
        }
        assertThat(locator.first()).hasText(text);
    }

    @Test
    void anAdminAddsAnEndpointSeesADeliveryReplaysItAndEditsPausesAndDeletesIt() {
        Org org = Organizations.create();
        Endpoint receiver = WebhookReceiver.endpoint();
        signIn(org, org.admin());
        page.navigate("/admin/settings");
        page.locator(".subnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Webhooks")).click();
        assertThat(page.locator("h1")).hasText("Webhooks");

        receiver.secret = addEndpoint(receiver.url(), "content.published");
        assertThat(page.locator(".notice")).hasText("The endpoint is added.");
        assertThat(page.getByTestId("created-webhook")).containsText("it will not be shown again");
        assertThat(receiver.secret).matches("whsec_[A-Za-z0-9+/]+={0,2}");
        assertThat(page.getByTestId("webhook-row")).containsText(receiver.url());
        assertThat(page.getByTestId("webhook-last")).hasText("Nothing sent yet");
        String id = Api.as(org.admin().token()).get("/api/v1/webhooks").then().statusCode(200)
                .body("items[0].url", equalTo(receiver.url()))
                .body("items[0].events", equalTo(List.of("content.published"))).extract().path("items[0].id");
        page.navigate("/admin/settings/webhooks");
        assertThat(page.getByTestId("created-webhook")).hasCount(0);
        assertThat(page.content()).doesNotContain(receiver.secret);

        // An event reaches the receiver, signed with that secret, and shows in the log and the list.
        String content = Contents.published(org.member("curator").token(), Contents.body("Wind farm opens"));
        Received first = receiver.awaitType("content.published");
        assertThat(first.json().path("data").path("contentId").asText()).isEqualTo(content);
        reloadUntil(page.getByTestId("webhook-last").getByTestId("delivery-status"), "Delivered");
        page.getByTestId("open-webhook").click();
        assertThat(page.locator("h1")).hasText(receiver.url());
        Locator row = page.getByTestId("delivery-row");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("content.published");
        assertThat(row).containsText(first.id());
        assertThat(row.getByTestId("delivery-status")).hasText("Delivered");
        assertThat(row).containsText("HTTP 204");
        Browser.screenshot(page, "settings-webhook");

        // Replayed: the same message again.
        row.getByTestId("replay-delivery").click();
        assertThat(page.locator(".notice")).hasText("The message is queued again, behind those waiting.");
        List<Received> got = receiver.await(r -> r.stream().filter(x -> x.accepted()).count() == 2, "the replay");
        assertThat(got.get(1).id()).isEqualTo(first.id());
        assertThat(got.get(1).body()).isEqualTo(first.body());
        reloadUntil(page.getByTestId("delivery-row").getByTestId("delivery-status"), "Delivered");
        assertThat(page.getByTestId("delivery-row")).hasCount(1);

        // Edited: another URL (checked where it leads) and events.
        Endpoint moved = WebhookReceiver.endpoint();
        page.locator("#url").fill("http://10.1.2.3/hook");
        page.getByTestId("save-webhook").click();
        assertThat(page.locator("#url-error")).hasText("Chorus may not call 10.1.2.3: it does not resolve to a public "
                + "internet address (private, loopback and cloud metadata addresses are refused).");
        assertThat(page.locator("#url")).hasValue("http://10.1.2.3/hook");
        page.locator("#url").fill(moved.url());
        page.locator("input[name=events][value='share.created']").check();
        page.getByTestId("save-webhook").click();
        assertThat(page.locator(".notice")).hasText("The endpoint is saved.");
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", id).then().body("url", equalTo(moved.url()))
                .body("events", equalTo(List.of("content.published", "share.created")));

        // A receiver that keeps failing: the message waits, retried; the list says so; replaying it is refused.
        moved.secret = receiver.secret;
        moved.failAlways = true;
        Contents.published(org.member("curator").token(), Contents.body("Solar farm opens"));
        moved.await(r -> r.size() >= 2, "two failed attempts");
        page.navigate("/admin/settings/webhooks");
        reloadUntil(page.getByTestId("webhook-last").getByTestId("delivery-status"), "Pending");
        assertThat(page.getByTestId("webhook-failures")).containsText("failed attempt");
        String waiting = Api.as(org.admin().token()).get("/api/v1/webhooks/{id}/deliveries", id).then()
                .body("items[0].status", equalTo("pending")).extract().path("items[0].id");
        page.getByTestId("open-webhook").click();
        String csrf = page.locator("form[action='/admin/settings/webhooks/" + id + "'] input[name=csrf]").inputValue();
        APIResponse refused = context.request().post(
                "/admin/settings/webhooks/" + id + "/deliveries/" + waiting + "/replay",
                RequestOptions.create().setForm(FormData.create().set("csrf", csrf)).setMaxRedirects(0));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("This message is queued already: it is sent in its turn.");

        // Paused, resumed, deleted.
        page.getByTestId("toggle-webhook").click();
        assertThat(page.locator(".notice")).containsText("The endpoint is disabled");
        assertThat(page.getByTestId("webhook-status")).hasText("Disabled");
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", id).then().body("enabled", equalTo(false));
        page.getByTestId("toggle-webhook").click();
        assertThat(page.locator(".notice")).containsText("The endpoint is enabled");
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", id).then().body("enabled", equalTo(true));
        page.getByText("Delete…").click();
        page.getByTestId("delete-webhook").click();
        assertThat(page.locator(".notice")).hasText("The endpoint and its delivery log are deleted.");
        assertThat(page.getByTestId("webhook-row")).hasCount(0);
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", id).then().statusCode(404);
    }

    @Test
    void refusedUrlsAndEventsAreSaidInTheMembersLanguageAndChangeNothing() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        assertThat(addEndpoint("not a url", "share.created")).isNull();
        assertThat(page.locator("#url-error"))
                .hasText("Enter an http or https URL of at most 2,048 characters, without credentials or #fragment.");
        assertThat(page.locator("#url")).hasValue("not a url");
        assertThat(page.locator("input[name=events][value='share.created']")).isChecked();
        assertThat(addEndpoint(WebhookReceiver.url("/hooks/none"))).isNull();
        assertThat(page.locator("#events-error")).hasText("Choose at least one event.");
        assertThat(addEndpoint("http://169.254.169.254/latest/meta-data/", "share.created")).isNull();
        assertThat(page.locator("#url-error")).containsText("Chorus may not call 169.254.169.254");

        page.getByTestId("language-switch").click();
        assertThat(page.locator("legend")).hasText("Événements à envoyer");
        assertThat(page.locator(".subnav a[aria-current=page]")).hasText("Webhooks");
        assertThat(addEndpoint("http://192.168.0.10/hook", "member.joined")).isNull();
        assertThat(page.locator("#url-error")).hasText("Chorus ne peut pas appeler 192.168.0.10 : cette adresse ne "
                + "mène pas à une adresse publique d'internet (les adresses privées, de bouclage et de métadonnées du "
                + "cloud sont refusées).");
        assertThat(page.locator("h2#add-heading")).hasText("Ajouter un point de terminaison");
        Api.as(org.admin().token()).get("/api/v1/webhooks").then().body("items.size()", equalTo(0));
    }

    @Test
    void curatorsAreKeptOutAndAnotherOrganizationsEndpointDoesNotExist() {
        Org org = Organizations.create();
        Org other = Organizations.create();
        String theirs = Api.as(other.admin().token())
                .body(Map.of("url", WebhookReceiver.url("/hooks/theirs"), "events", List.of("share.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

        signIn(org, org.member("curator"));
        assertThat(page.locator("nav.container .menu").getByText("Settings")).hasCount(0);
        assertThat(context.request().get("/admin/settings/webhooks").status()).isEqualTo(403);
        page.navigate("/admin/settings/webhooks/" + theirs);
        assertThat(page.locator("h1")).hasText("Your role does not open this page");
        context.clearCookies();

        signIn(org, org.admin());
        assertThat(context.request().get("/admin/settings/webhooks/" + theirs).status()).isEqualTo(404);
        page.navigate("/admin/settings/webhooks/" + theirs);
        assertThat(page.locator("h1")).hasText("This page does not exist");
        page.navigate("/admin/settings/webhooks");
        String csrf = page.locator("form[action='/admin/settings/webhooks'] input[name=csrf]").inputValue();
        String base = "/admin/settings/webhooks/" + theirs;
        for (String action : List.of(base, base + "/enabled", base + "/delete",
                base + "/deliveries/" + theirs + "/replay")) {
            FormData form = FormData.create().set("csrf", csrf).set("enabled", "false")
                    .set("url", WebhookReceiver.url("/hooks/mine")).set("events", "share.created");
            assertThat(
                    context.request().post(action, RequestOptions.create().setForm(form).setMaxRedirects(0)).status())
                            .as(action).isEqualTo(404);
        }
        Api.as(other.admin().token()).get("/api/v1/webhooks/{id}", theirs).then().statusCode(200)
                .body("enabled", equalTo(true)).body("url", equalTo(WebhookReceiver.url("/hooks/theirs")));

        // A form without the CSRF token is refused and changes nothing.
        String mine = Api.as(org.admin().token())
                .body(Map.of("url", WebhookReceiver.url("/hooks/mine"), "events", List.of("share.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        assertThat(postWithoutCsrfToken("/admin/settings/webhooks/" + mine + "/delete",
                RequestOptions.create().setForm(FormData.create()))).isEqualTo(403);
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", mine).then().statusCode(200);
        page.navigate("/admin/settings/webhooks");
        assertThat(page.locator(".subnav a[aria-current=page]")).hasText("Webhooks");
        assertThat(page.getByTestId("webhook-row")).hasCount(1);
        assertThat(page.locator("body")).not().containsText("/hooks/theirs");
    }
}
