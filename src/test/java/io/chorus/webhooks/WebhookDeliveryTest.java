package io.chorus.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.http.OutboundAddresses;
import io.chorus.support.Api;
import io.chorus.support.Clicks;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.ScimApi;
import io.chorus.webhooks.WebhookReceiver.Endpoint;
import io.chorus.webhooks.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What reaches a receiver: every event type, signed as the Standard Webhooks specification says (checked by
 * {@link WebhookReceiver} on its own), one endpoint's messages in order through failures, the same webhook-id on every
 * attempt, replays, and no call where the address policy says no.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final List<String> ALL = List.of("content.published", "content.submitted", "share.created",
            "conversion.attributed", "member.joined", "member.deactivated", "campaign.started", "campaign.ended",
            "clicks.summary");

    @Inject
    DataSource database;
    @Inject
    WebhookSending sending;
    @Inject
    WebhookConfig config;
    @Inject
    OutboundAddresses addresses;
    @Inject
    ChorusConfig chorus;
    @Inject
    WebhookService webhooks;
    @Inject
    DeliveryRetention retention;

    @Test
    void everyEventTypeReachesTheReceiverSigned() {
        Org org = Organizations.create();
        Endpoint receiver = WebhookReceiver.endpoint();
        String webhook = register(org, receiver, ALL);
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        Person leaver = org.member("ambassador");

        String content = Contents.published(curator.token(), Contents.body("Wind farm opens"));
        String submission = Contents.create(ambassador.token(), Contents.body("My idea")).getString("id");
        JsonPath share = Api.as(ambassador.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", content).then().statusCode(201).extract().jsonPath();
        String key = Api.as(org.admin().token()).body(Map.of("name", "Shop")).post("/api/v1/settings/conversion-keys")
                .then().statusCode(201).extract().path("key");
        String clickId = click(share.getString("code"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key)
                .body(Map.of("clickId", clickId, "type", "purchase", "value", 12.5, "currency", "EUR"))
                .post("/api/v1/conversions").then().statusCode(202);
        Api.as(org.admin().token()).body(Map.of("status", "deactivated")).patch("/api/v1/members/{id}", leaver.id())
                .then().statusCode(200);
        Instant startsAt = Time.now().plusSeconds(1);
        String campaign = Api.as(curator.token())
                .body(Map.of("name", "Spring push", "startsAt", startsAt.toString(), "endsAt",
                        startsAt.plusSeconds(1).toString(), "contentIds", List.of(content)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");

        JsonNode published = receiver.awaitType("content.published").json();
        assertThat(published.path("data").path("contentId").asText()).isEqualTo(content);
        assertThat(published.path("data").path("title").asText()).isEqualTo("Wind farm opens");
        assertThat(Instant.parse(published.path("timestamp").asText())).isBeforeOrEqualTo(Time.now());
        JsonNode submitted = receiver.awaitType("content.submitted").json().path("data");
        assertThat(submitted.path("contentId").asText()).isEqualTo(submission);
        assertThat(submitted.path("memberId").asText()).isEqualTo(ambassador.id());
        JsonNode shared = receiver.awaitType("share.created").json().path("data");
        assertThat(shared.path("shareId").asText()).isEqualTo(share.getString("id"));
        assertThat(shared.path("network").asText()).isEqualTo("linkedin");
        assertThat(shared.path("memberId").asText()).isEqualTo(ambassador.id());
        JsonNode converted = receiver.awaitType("conversion.attributed").json().path("data");
        assertThat(converted.path("shareId").asText()).isEqualTo(share.getString("id"));
        assertThat(converted.path("type").asText()).isEqualTo("purchase");
        assertThat(converted.path("value").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(converted.path("currency").asText()).isEqualTo("EUR");
        List<String> joined = receiver.accepted().stream().filter(r -> r.type().equals("member.joined"))
                .map(r -> r.json().path("data").path("memberId").asText()).toList();
        assertThat(joined).contains(curator.id(), ambassador.id());
        JsonNode joinedAmbassador = receiver.accepted().stream().filter(r -> r.type().equals("member.joined"))
                .map(r -> r.json().path("data")).filter(d -> d.path("memberId").asText().equals(ambassador.id()))
                .findFirst().orElseThrow();
        assertThat(joinedAmbassador.path("via").asText()).isEqualTo("invitation");
        assertThat(joinedAmbassador.path("roles").toString()).isEqualTo("[\"ambassador\"]");
        assertThat(joinedAmbassador.has("email")).as("no personal data").isFalse();
        assertThat(receiver.awaitType("member.deactivated").json().path("data").path("memberId").asText())
                .isEqualTo(leaver.id());
        assertThat(receiver.awaitType("campaign.started").json().path("data").path("campaignId").asText())
                .isEqualTo(campaign);
        assertThat(receiver.awaitType("campaign.ended").json().path("data").path("name").asText())
                .isEqualTo("Spring push");
        JsonNode summary = receiver.awaitType("clicks.summary").json().path("data");
        assertThat(summary.path("clicks").asLong()).isEqualTo(1);
        assertThat(summary.path("content").get(0).path("contentId").asText()).isEqualTo(content);
        assertThat(Instant.parse(summary.path("from").asText())).isBefore(Instant.parse(summary.path("to").asText()));

        List<Received> all = receiver.received;
        assertThat(all).allMatch(Received::verified, "signed with the endpoint's secret, in time");
        assertThat(all).extracting(Received::id).allMatch(id -> id.matches("msg_[0-9a-f]{32}")).doesNotHaveDuplicates();
        List<Received> campaignOrder = all.stream()
                .filter(r -> r.type().equals("campaign.started") || r.type().equals("campaign.ended")).toList();
        assertThat(campaignOrder).extracting(Received::type).containsExactly("campaign.started", "campaign.ended");

        allDelivered(webhook);
        JsonPath log = Api.as(org.admin().token()).queryParam("limit", 100)
                .get("/api/v1/webhooks/{id}/deliveries", webhook).then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.eventType", String.class)).containsAll(ALL);
        assertThat(log.getList("items.status", String.class)).containsOnly("delivered");
        assertThat(log.getList("items.lastResponseStatus", Integer.class)).containsOnly(204);
        assertThat(log.getList("items.messageId", String.class))
                .containsExactlyInAnyOrderElementsOf(all.stream().map(Received::id).toList());
    }

    @Test
    void theContentClockAndTheIdentityProviderFireEventsToo() {
        Org org = Organizations.create();
        Endpoint receiver = WebhookReceiver.endpoint();
        register(org, receiver, List.of("content.published", "member.joined", "member.deactivated"));
        String curator = org.member("curator").token();
        // Published by the content clock when its time comes (an item published at once says so: the time it was).
        Instant publishAt = Time.now().plusSeconds(3);
        String scheduled = Contents.scheduled(curator, Contents.body("Later today"), publishAt);
        String scim = ScimApi.token(org);
        String ada = ScimApi.user(scim, "ada@" + org.slug() + ".example");
        ScimApi.as(scim).delete("/scim/v2/Users/{id}", ada).then().statusCode(204);

        JsonNode published = receiver.awaitType("content.published").json().path("data");
        assertThat(published.path("contentId").asText()).isEqualTo(scheduled);
        assertThat(Instant.parse(published.path("publishedAt").asText())).isEqualTo(publishAt);
        receiver.await(r -> r.stream().filter(x -> x.accepted() && x.type().equals("member.joined")).count() == 2,
                "the curator and the provisioned member joined");
        JsonNode provisioned = receiver.accepted().stream().filter(r -> r.type().equals("member.joined"))
                .map(r -> r.json().path("data")).filter(d -> d.path("memberId").asText().equals(ada)).findFirst()
                .orElseThrow();
        assertThat(provisioned.path("via").asText()).isEqualTo("provisioning");
        assertThat(receiver.awaitType("member.deactivated").json().path("data").path("memberId").asText())
                .isEqualTo(ada);
        assertThat(receiver.received).allMatch(Received::verified);
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryMessageInOrderWithTheSameIdOnEachAttempt() {
        Org org = Organizations.create();
        Endpoint receiver = WebhookReceiver.endpoint();
        receiver.failFirst.set(4);
        String webhook = register(org, receiver, List.of("content.published"));
        String curator = org.member("curator").token();
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contents.add(Contents.published(curator, Contents.body("In order " + i)));
        }

        receiver.await(r -> r.stream().filter(Received::accepted).count() == 3, "the three messages delivered");
        List<Received> attempts = receiver.received;
        assertThat(attempts).allMatch(Received::verified);
        assertThat(receiver.accepted()).extracting(r -> r.json().path("data").path("contentId").asText())
                .containsExactlyElementsOf(contents);
        // Attempt by attempt: the first message until it got through, then the others; never a newer one while an
        // older one waited for its retry.
        List<String> sequence = new ArrayList<>();
        for (Received attempt : attempts) {
            if (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(attempt.id())) {
                sequence.add(attempt.id());
            }
        }
        assertThat(sequence).hasSize(3).doesNotHaveDuplicates();
        assertThat(attempts.stream().filter(r -> r.id().equals(sequence.get(0)))).hasSize(5)
                .allMatch(r -> r.body().equals(attempts.get(0).body()), "the same body on every attempt");
        assertThat(attempts.subList(0, 4)).allMatch(r -> r.answered() == 503);

        allDelivered(webhook);
        JsonPath log = Api.as(org.admin().token()).get("/api/v1/webhooks/{id}/deliveries", webhook).then()
                .statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.status", String.class)).containsOnly("delivered");
        assertThat(log.getList("items.attempts", Integer.class)).containsExactly(1, 1, 5);
        Api.as(org.admin().token()).get("/api/v1/webhooks/{id}", webhook).then().statusCode(200)
                .body("failures", equalTo(0)).body("enabled", equalTo(true));
    }

    @Test
    void aDeliveredMessageIsReplayedWithItsIdAndAQueuedOneIsNot() {
        Org org = Organizations.create();
        Endpoint receiver = WebhookReceiver.endpoint();
        String webhook = register(org, receiver, List.of("content.published"));
        String curator = org.member("curator").token();
        Contents.published(curator, Contents.body("Replay me"));
        Received first = receiver.awaitType("content.published");
        allDelivered(webhook);
        String delivery = Api.as(org.admin().token()).get("/api/v1/webhooks/{id}/deliveries", webhook).then()
                .statusCode(200).body("items[0].status", equalTo("delivered")).extract().path("items[0].id");

        Api.as(org.admin().token()).post("/api/v1/webhooks/{id}/deliveries/{d}/replay", webhook, delivery).then()
                .statusCode(202).body("id", equalTo(delivery)).body("messageId", equalTo(first.id()))
                .body("status", equalTo("pending"));
        List<Received> both = receiver.await(r -> r.size() == 2, "the replay");
        assertThat(both.get(1).id()).isEqualTo(first.id());
        assertThat(both.get(1).body()).isEqualTo(first.body());
        assertThat(both.get(1).verified()).isTrue();
        Rows.await(database, "select count(*) from webhook_deliveries where id = '" + delivery
                + "' and status = 'delivered' and attempts = 1", 1);
        Api.as(org.admin().token()).queryParam("action", "webhook.delivery.replayed").get("/api/v1/audit-events").then()
                .statusCode(200).body("items[0].targetId", equalTo(webhook));

        // A message still waiting for its retry is queued already.
        receiver.failAlways = true;
        Contents.published(curator, Contents.body("Still failing"));
        receiver.await(r -> r.size() == 3, "the failing attempt");
        String waiting = Api.as(org.admin().token()).get("/api/v1/webhooks/{id}/deliveries", webhook).then()
                .statusCode(200).extract().path("items[0].id");
        Api.as(org.admin().token()).post("/api/v1/webhooks/{id}/deliveries/{d}/replay", webhook, waiting).then()
                .statusCode(409).contentType("application/problem+json").body("type", endsWith("delivery-queued"));
        Api.as(org.admin().token())
                .post("/api/v1/webhooks/{id}/deliveries/{d}/replay", webhook, java.util.UUID.randomUUID()).then()
                .statusCode(404);
        Api.as(org.admin().token()).delete("/api/v1/webhooks/{id}", webhook).then().statusCode(204);
    }

    @Test
    void redirectsAreNotFollowedAndEveryDeliveryChecksItsAddress() {
        Org org = Organizations.create();
        Endpoint elsewhere = WebhookReceiver.endpoint();
        Endpoint redirecting = WebhookReceiver.endpoint();
        redirecting.redirectTo = elsewhere.url();
        String toElsewhere = register(org, redirecting, List.of("content.published"));
        Endpoint toMetadata = WebhookReceiver.endpoint();
        toMetadata.redirectTo = "http://169.254.169.254/latest/meta-data/";
        String metadata = register(org, toMetadata, List.of("content.published"));
        // An endpoint whose address stopped being allowed after it was registered (its name now resolves elsewhere):
        // every attempt checks it again.
        Endpoint moved = WebhookReceiver.endpoint();
        String movedId = register(org, moved, List.of("content.published"));
        Rows.of(database, "update webhook_endpoints set url = 'http://[::1]:1" + moved.path + "' where id = '" + movedId
                + "' returning 1");
        Contents.published(org.member("curator").token(), Contents.body("Going places"));

        redirecting.await(r -> r.size() >= 2, "the redirect answered twice (a retry)");
        toMetadata.await(r -> r.size() >= 2, "the redirect to the metadata address answered twice (a retry)");
        Rows.await(database, "select count(*) from webhook_deliveries where endpoint_id = '" + movedId
                + "' and attempts >= 1 and status = 'pending'", 1);
        assertThat(elsewhere.received).as("a redirect's target is never called").isEmpty();
        lastError(org, toElsewhere).contains("redirected to " + elsewhere.url(), "redirects are not followed");
        lastError(org, metadata).contains("redirected to http://169.254.169.254/latest/meta-data/");
        lastError(org, movedId).contains("refused: [::1] is not a public address");
        assertThat(moved.received).isEmpty();
        for (String id : List.of(toElsewhere, metadata, movedId)) {
            Api.as(org.admin().token()).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void twoSendersOnOneOutboxDeliverEveryMessageOnceAndInOrder() throws Exception {
        sending.hold(true);
        try {
            Org org = Organizations.create();
            List<Endpoint> receivers = List.of(WebhookReceiver.endpoint(), WebhookReceiver.endpoint(),
                    WebhookReceiver.endpoint());
            receivers.forEach(r -> register(org, r, List.of("content.published")));
            String curator = org.member("curator").token();
            List<String> contents = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                contents.add(Contents.published(curator, Contents.body("Pair " + i)));
            }
            WebhookSender first = sender();
            WebhookSender second = sender();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = threads.submit((Callable<Integer>) first::drain);
                Future<Integer> b = threads.submit((Callable<Integer>) second::drain);
                // Other tests' endpoints may be due too: what counts is this organization's messages.
                assertThat(a.get() + b.get()).as("deliveries attempted by the two senders").isGreaterThanOrEqualTo(24);
            } finally {
                threads.shutdown();
            }
            Rows.await(database, "select count(*) from webhook_deliveries where organization_id = '" + org.id()
                    + "' and status = 'delivered' and attempts = 1", 24);
            for (Endpoint receiver : receivers) {
                assertThat(receiver.received).hasSize(8).allMatch(Received::verified);
                assertThat(receiver.received).extracting(r -> r.json().path("data").path("contentId").asText())
                        .containsExactlyElementsOf(contents);
            }
            Set<String> ids = new HashSet<>();
            receivers.forEach(r -> r.received.forEach(x -> ids.add(x.id())));
            assertThat(ids).as("one message id per event, the same at every endpoint").hasSize(8);
        } finally {
            sending.hold(false);
        }
    }

    @Test
    void deliveredAndFailedMessagesAreDeletedAfterTheirKeepingTimeAndWaitingOnesNever() throws Exception {
        Org org = Organizations.create();
        Endpoint working = WebhookReceiver.endpoint();
        Endpoint failing = WebhookReceiver.endpoint();
        failing.failAlways = true;
        String kept = register(org, failing, List.of("content.published"));
        register(org, working, List.of("content.published"));
        Contents.published(org.member("curator").token(), Contents.body("Old news"));
        working.awaitType("content.published");
        failing.await(r -> !r.isEmpty(), "a failed attempt");
        String mine = "select count(*) from webhook_deliveries where organization_id = '" + org.id() + "'";
        Rows.await(database, mine, 2);

        retention.deleteOld(Time.now().plus(config.keepDeliveries()).plusSeconds(60));

        Rows.await(database, mine + " and status = 'delivered'", 0);
        Rows.await(database, mine + " and endpoint_id = '" + kept + "'", 1);
        Api.as(org.admin().token()).delete("/api/v1/webhooks/{id}", kept).then().statusCode(204);
    }

    /** Waits until the sender has recorded every delivery of the endpoint as delivered (it answers, then records). */
    private void allDelivered(String webhook) {
        Rows.await(database, "select count(*) from webhook_deliveries where endpoint_id = '" + webhook
                + "' and status <> 'delivered'", 0);
    }

    private WebhookSender sender() {
        return new WebhookSender(database, config, addresses, WebhookSignatures.sealingKey(chorus),
                webhooks::disableFailing);
    }

    /** Registers the receiver's endpoint for these events and hands it its secret; answers the endpoint's id. */
    static String register(Org org, Endpoint receiver, List<String> events) {
        JsonPath created = WebhookResourceTest.register(org, receiver.url(), events).then().statusCode(201).extract()
                .jsonPath();
        receiver.secret = created.getString("secret");
        return created.getString("id");
    }

    /** A visit to the short link from a visitor of its own; answers the click id the redirect handed out. */
    static String click(String code) {
        String location = given().redirects().follow(false).header("X-Forwarded-For", Api.freshClientAddress())
                .header("User-Agent", Clicks.CHROME).get("/s/{code}", code).then().statusCode(302).extract()
                .header("Location");
        return location.substring(location.indexOf("chorus_click=") + "chorus_click=".length());
    }

    private static org.assertj.core.api.AbstractStringAssert<?> lastError(Org org, String webhook) {
        Map<String, Object> delivery = new LinkedHashMap<>(Api.as(org.admin().token())
                .get("/api/v1/webhooks/{id}/deliveries", webhook).then().statusCode(200).extract().path("items[0]"));
        return assertThat((String) delivery.get("lastError")).as("last error of %s", delivery);
    }
}
