package io.chorus.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Inbox;
import io.chorus.support.MailProfile;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.chorus.support.TestClock;
import io.chorus.webhooks.WebhookReceiver.Endpoint;
import io.chorus.webhooks.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A receiver that never answers 2xx: its message is retried for a day, then failed; the endpoint is disabled, its
 * admins get a mail (through the tests' SMTP server) and the audit trail says why; what was queued behind waits, and
 * goes once an admin turns the endpoint on again. The day passes by writing the messages on the clock of a day ago
 * (tests only ever move the clock back).
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class WebhookExhaustionTest {

    @Inject
    DataSource database;

    @Test
    void anEndpointFailingForADayIsDisabledAndItsAdminsToldThenResumesWhenTurnedOn() {
        Org org = Organizations.create();
        Endpoint receiver = WebhookReceiver.endpoint();
        receiver.failAlways = true;
        String webhook = WebhookDeliveryTest.register(org, receiver, List.of("content.published"));
        String curator = org.member("curator").token();
        String deliveries = "select count(*) from webhook_deliveries where endpoint_id = '" + webhook + "'";

        String first;
        String second;
        try (TestClock dayAgo = TestClock.runFrom(Time.now().minus(Duration.ofHours(25)).atZone(ZoneOffset.UTC))) {
            first = Contents.published(curator, Contents.body("Nobody hears this"));
            second = Contents.published(curator, Contents.body("Nor this"));
            receiver.await(r -> r.size() >= 3, "the first message tried again and again");
            assertThat(receiver.received).allMatch(r -> r.json().path("data").path("contentId").asText().equals(first),
                    "only the first message: the second waits behind it");
        }

        // Back on today's clock: the first message's day of retries is over.
        Rows.await(database, deliveries + " and status = 'failed' and last_status = 503", 1);
        // The endpoint is disabled just after its message is marked failed, in a transaction of its own.
        Rows.await(database, "select count(*) from webhook_endpoints where id = '" + webhook + "' and not enabled", 1);
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", webhook).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("HTTP 503"))
                .body("disabledAt", not(nullValue()));
        Api.as(org.admin().token()).queryParam("action", "webhook.disabled").get("/api/v1/audit-events").then()
                .statusCode(200).body("items.targetId", hasItem(webhook)).body("items[0].actorId", nullValue())
                .body("items[0].detail.reason", equalTo("HTTP 503"));
        Inbox.Received notice = awaitNotice(org.admin().email());
        assertThat(notice.text()).contains(receiver.url(), "HTTP 503", webhook)
                .contains("/admin/settings/webhooks/" + webhook);
        assertThat(notice.html()).contains(receiver.url());
        Rows.await(database, deliveries + " and status = 'pending'", 1);

        // While disabled nothing new is queued for it.
        Contents.published(curator, Contents.body("Not queued"));
        Rows.await(database, deliveries, 2);

        // Turned on again: the failures are forgotten, what waited goes, and the failed one is replayed.
        receiver.failAlways = false;
        int before = receiver.received.size();
        Api.as(org.admin().token()).body(Map.of("enabled", true)).patch("/api/v1/webhooks/{id}", webhook).then()
                .statusCode(200).body("enabled", equalTo(true)).body("failures", equalTo(0))
                .body("disabledReason", nullValue());
        receiver.await(r -> r.stream().filter(Received::accepted).count() == 1, "the waiting message");
        String failed = Rows
                .of(database,
                        "select id from webhook_deliveries where endpoint_id = '" + webhook + "' and status = 'failed'")
                .get(0);
        Api.as(org.admin().token()).post("/api/v1/webhooks/{id}/deliveries/{d}/replay", webhook, failed).then()
                .statusCode(202);
        receiver.await(r -> r.stream().filter(Received::accepted).count() == 2, "the replayed message");
        List<Received> after = receiver.received.subList(before, receiver.received.size());
        assertThat(after).extracting(r -> r.json().path("data").path("contentId").asText()).containsExactly(second,
                first);
        assertThat(after.get(1).id()).as("the replay keeps the message's id").isEqualTo(receiver.received.get(0).id());
        Rows.await(database, deliveries + " and status = 'delivered'", 2);
    }

    private static Inbox.Received awaitNotice(String admin) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Inbox.Received mail : Inbox.of(admin)) {
                if (mail.subject().contains("webhook")) {
                    return mail;
                }
            }
            Inbox.pause();
        }
        throw new AssertionError("No mail about the webhook reached " + admin + ": " + Inbox.of(admin));
    }
}
