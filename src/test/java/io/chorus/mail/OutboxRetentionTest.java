package io.chorus.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.common.tenant.Tenants;
import io.chorus.mail.OutgoingMail.Rendered;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.MailProfile;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.SmtpServer;
import io.chorus.support.SmtpServer.Mode;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The outbox forgets what is done with, as the cluster's mail job runs: sent mails after {@code chorus.mail.keep-sent}
 * (30 days), failed ones after {@code keep-failed} (90 days); mails still to go stay however old, and a broadcast's
 * figures do not change. The mails are made and sent on earlier days of the service's clock.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class OutboxRetentionTest {

    @Inject
    DataSource database;
    @Inject
    Outbox outbox;
    @Inject
    Tenants tenants;

    @AfterEach
    void back() {
        SmtpServer.mode(Mode.ACCEPT);
    }

    @Test
    void sentAndFailedMailsGoPastTheirKeepingTimeAndMailsStillToGoStay() {
        Instant now = Time.now();
        Org org;
        Person curator;
        String item;
        Map<String, JsonPath> figures = new LinkedHashMap<>();
        String failedLongAgo;
        try (TestClock longAgo = TestClock.runFrom(now.minus(Duration.ofDays(100)).atZone(ZoneOffset.UTC))) {
            org = Organizations.create();
            curator = org.member("curator");
            Person ambassador = org.member("ambassador");
            org.member("ambassador");
            item = Contents.published(curator.token(), Contents.body("Kept for a while"));
            Rows.await(database, outbox(org) + " and status in ('queued', 'sending')", 0); // the invitations
            failedLongAgo = broadcast(curator, item, Mode.REFUSE_FOR_GOOD, "failed", figures);
            // Still to go, however old: one due next year, one an instance is sending under a lease that runs.
            queue(org, ambassador, "due-later", now.plus(Duration.ofDays(365)));
            queue(org, ambassador, "held", now.plus(Duration.ofDays(365)));
            Rows.of(database, "with held as (update mail_outbox set status = 'sending', lease_until = '"
                    + now.plus(Duration.ofDays(365)) + "' where dedupe_key = 'test:held' and organization_id = '"
                    + org.id() + "' returning 1) select count(*) from held");
        }
        String sentMonthAgo;
        String failedMonthAgo;
        try (TestClock monthAgo = TestClock.runFrom(now.minus(Duration.ofDays(40)).atZone(ZoneOffset.UTC))) {
            sentMonthAgo = broadcast(curator, item, Mode.ACCEPT, "sent", figures);
            failedMonthAgo = broadcast(curator, item, Mode.REFUSE_FOR_GOOD, "failed", figures);
        }
        String sentToday = broadcast(curator, item, Mode.ACCEPT, "sent", figures);

        // Of the mails to the two ambassadors, those failed 40 days ago and sent today stay, with the two still to
        // go. The job deletes two mails a statement here: this takes it several batches.
        Rows.await(database, outbox(org), 6);
        assertThat(Rows.of(database,
                "select coalesce(broadcast_id::text, dedupe_key) || ' ' || status || ' '"
                        + " || count(*) from mail_outbox where organization_id = '" + org.id()
                        + "' group by coalesce(broadcast_id::text, dedupe_key), status")).containsExactlyInAnyOrder(
                                failedMonthAgo + " failed 2", sentToday + " sent 2", "test:due-later queued 1",
                                "test:held sending 1");
        figures.forEach((id, before) -> {
            JsonPath after = figures(curator, id);
            for (String figure : List.of("recipients", "queued", "sent", "failed", "cancelled")) {
                assertThat(after.getInt(figure)).as("%s of broadcast %s", figure, id).isEqualTo(before.getInt(figure));
            }
        });
        assertThat(figures(curator, failedLongAgo).getInt("failed")).as("deleted, still counted").isEqualTo(2);
        assertThat(figures(curator, sentMonthAgo).getInt("sent")).as("deleted, still counted").isEqualTo(2);
    }

    /** The organization's outbox, as a count query to add conditions to. */
    private static String outbox(Org org) {
        return "select count(*) from mail_outbox where organization_id = '" + org.id() + "'";
    }

    /**
     * A broadcast of the item to the two ambassadors while the SMTP server answers this way, once its mails are all in
     * that state; its figures then are noted.
     */
    private String broadcast(Person curator, String item, Mode mode, String state, Map<String, JsonPath> figures) {
        SmtpServer.mode(mode);
        JsonPath created = Api.as(curator.token()).body(Map.of("contentId", item)).post("/api/v1/broadcasts").then()
                .statusCode(202).extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getInt("recipients")).isEqualTo(2);
        Rows.await(database,
                "select count(*) from mail_outbox where broadcast_id = '" + id + "' and status = '" + state + "'", 2);
        figures.put(id, figures(curator, id));
        return id;
    }

    private static JsonPath figures(Person curator, String broadcast) {
        return Api.as(curator.token()).get("/api/v1/broadcasts/{id}", broadcast).then().statusCode(200).extract()
                .jsonPath();
    }

    private void queue(Org org, Person member, String key, Instant notBefore) {
        UUID organization = UUID.fromString(org.id());
        tenants.runAs(organization,
                () -> outbox.queue(List.of(new OutgoingMail(organization, UUID.fromString(member.id()), MailKind.DIGEST,
                        "test:" + key, member.email(), new Rendered("Later", "Plain later", "<p>Later</p>"), null, null,
                        null, null, notBefore))));
    }
}
