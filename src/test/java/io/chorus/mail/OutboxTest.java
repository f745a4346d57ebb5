package io.chorus.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.common.cluster.Claims;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.tenant.Tenants;
import io.chorus.mail.OutgoingMail.Rendered;
import io.chorus.support.Api;
import io.chorus.support.Inbox;
import io.chorus.support.MailProfile;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.chorus.support.SmtpServer;
import io.chorus.support.SmtpServer.Mode;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The outbox's promise: every mail goes out once — through SMTP outages, refusals, restarts and several senders. */
@QuarkusTest
@TestProfile(MailProfile.class)
class OutboxTest {

    @Inject
    DataSource database;
    @Inject
    Outbox outbox;
    @Inject
    Tenants tenants;
    @Inject
    MailConfig config;
    @Inject
    ChorusConfig chorus;
    @Inject
    ReactiveMailer mailer;
    @Inject
    MailSending sending;

    @AfterEach
    void back() {
        SmtpServer.mode(Mode.ACCEPT);
        sending.hold(false);
    }

    @Test
    void anSmtpServerThatRefusesForAWhileGetsEveryMailOnceItAcceptsAgain() {
        Org org = Organizations.create();
        SmtpServer.mode(Mode.REFUSE_FOR_NOW);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = "outage-" + i + "-" + org.slug() + "@example.com";
            Api.as(org.admin().token())
                    .body(Map.of("email", email, "name", "Outage " + i, "roles", List.of("ambassador")))
                    .post("/api/v1/members").then().statusCode(201);
            addresses.add(email);
        }
        Rows.await(database, "select count(*) from mail_outbox where organization_id = '" + org.id()
                + "' and kind = 'invitation' and attempts >= 2 and status = 'queued' and last_error is not null", 5);
        addresses.forEach(a -> assertThat(Inbox.of(a)).as("nothing gets through a refusing server").isEmpty());

        SmtpServer.mode(Mode.ACCEPT);

        Rows.await(database, "select count(*) from mail_outbox where organization_id = '" + org.id()
                + "' and kind = 'invitation' and status = 'sent' and recipient like 'outage-%'", 5);
        addresses.forEach(a -> assertThat(Inbox.of(a)).as("mails to %s", a).hasSize(1));
    }

    @Test
    void aMailRefusedForGoodFailsWithTheServersReasonAndIsNotTriedAgain() {
        Org org = Organizations.create();
        SmtpServer.mode(Mode.REFUSE_FOR_GOOD);
        String email = "bounce-" + org.slug() + "@example.com";
        Api.as(org.admin().token()).body(Map.of("email", email, "name", "Bounce", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201);

        Rows.await(database, "select count(*) from mail_outbox where organization_id = '" + org.id()
                + "' and status = 'failed' and attempts = 1 and last_error like '%554%'", 1);
        SmtpServer.mode(Mode.ACCEPT);
        String next = "next-" + org.slug() + "@example.com";
        Api.as(org.admin().token()).body(Map.of("email", next, "name", "Next", "roles", List.of("ambassador")))
                .post("/api/v1/members").then().statusCode(201);
        Inbox.await(next, 1); // the sender has run since
        assertThat(Inbox.of(email)).isEmpty();
    }

    @Test
    void twoSendersOnOneOutboxSendEveryMailOnce() throws Exception {
        sending.hold(true);
        Org org = Organizations.create();
        List<String> addresses = queue(org, "pair", 120);
        OutboxSender first = sender(OutboxSender.smtp(mailer, Duration.ofSeconds(30)));
        OutboxSender second = sender(OutboxSender.smtp(mailer, Duration.ofSeconds(30)));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit((Callable<Integer>) first::drain);
            Future<Integer> b = threads.submit((Callable<Integer>) second::drain);
            assertThat(a.get() + b.get()).as("mails claimed by the two senders (the admin's too)").isBetween(120, 121);
        } finally {
            threads.shutdown();
        }

        addresses.forEach(address -> assertThat(Inbox.of(address)).as("mails to %s", address).hasSize(1));
        assertThat(Rows.of(database, "select status || ' ' || count(*) from mail_outbox where organization_id = '"
                + org.id() + "' and kind = 'digest' group by status")).containsExactly("sent 120");
    }

    @Test
    void aSenderStoppedMidRunAndOneThatDiedLeaveNoGapAndNoDuplicate() throws Exception {
        sending.hold(true);
        Org org = Organizations.create();
        List<String> addresses = queue(org, "restart", 40);
        AtomicInteger handed = new AtomicInteger();
        OutboxSender.Transport smtp = OutboxSender.smtp(mailer, Duration.ofSeconds(30));
        OutboxSender[] stopping = new OutboxSender[1];
        stopping[0] = sender((mail, done) -> {
            if (handed.incrementAndGet() == 10) {
                stopping[0].stop(); // as a restart does: what is in flight is finished, the rest handed back
            }
            smtp.send(mail, done);
        });
        stopping[0].drain();

        String counts = "select count(*) from mail_outbox where organization_id = '" + org.id() + "' and status = ";
        assertThat(Rows.of(database, counts + "'sending'")).as("nothing left claimed").containsExactly("0");
        int sent = Integer.parseInt(Rows.of(database, counts + "'sent'").get(0));
        assertThat(sent).as("sent before the stop").isBetween(10, 39);
        // Another instance died holding five mails: its lease ran out.
        Rows.of(database,
                "with dead as (update mail_outbox set status = 'sending', attempts = attempts + 1," + " lease_until = '"
                        + Time.now().minusSeconds(1) + "' where id in (select id from mail_outbox"
                        + " where organization_id = '" + org.id() + "' and status = 'queued' limit 5) returning 1)"
                        + " select count(*) from dead");

        sender(smtp).drain();

        assertThat(Rows.of(database, counts + "'sent'")).containsExactly("40");
        addresses.forEach(address -> assertThat(Inbox.of(address)).as("mails to %s", address).hasSize(1));
    }

    @Test
    void mailsClaimedByASenderWhoseConnectionIsGoneAreTakenOverBeforeTheirLeaseEndsAndALiveSendersAreNot()
            throws Exception {
        sending.hold(true);
        Org org = Organizations.create();
        List<String> addresses = queue(org, "claimer", 10);
        String ofOrg = " from mail_outbox where organization_id = '" + org.id() + "' and recipient like 'claimer-%'";
        OutboxSender sender = sender(OutboxSender.smtp(mailer, Duration.ofSeconds(30)));
        try (Connection live = database.getConnection();
                Claims held = Claims.hold(live)) {
            int pid = ((Number) Jdbc.value(live, "select pg_backend_pid()")).intValue();
            // Leases of an hour: five claimed by a sender gone with its connection (no session is pid 0, none holds
            // its lock), five by the sender holding this connection.
            Rows.of(database,
                    "with claimed as (update mail_outbox set status = 'sending', attempts = 1, lease_until = '"
                            + Time.now().plus(Duration.ofHours(1)) + "', claimed_by = case when id in (select id"
                            + ofOrg + " order by id limit 5) then 0 else " + pid + " end where id in (select id" + ofOrg
                            + ") returning 1) select count(*) from claimed");

            sender.drain();

            assertThat(Rows.of(database, "select status || ' ' || count(*)" + ofOrg + " group by status order by 1"))
                    .as("the dead sender's mails sent, the live one's left to it")
                    .containsExactly("sending 5", "sent 5");
        }

        sender.drain(); // the live sender's connection let go of its claims without sending them

        assertThat(Rows.of(database, "select status || ' ' || count(*)" + ofOrg + " group by status"))
                .containsExactly("sent 10");
        addresses.forEach(address -> assertThat(Inbox.of(address)).as("mails to %s", address).hasSize(1));
    }

    private OutboxSender sender(OutboxSender.Transport transport) {
        return new OutboxSender(database, config, transport, Outbox.key(chorus), 4);
    }

    /** Queues one mail to each of {@code count} active members of the organization; answers their addresses. */
    private List<String> queue(Org org, String name, int count) {
        List<String> addresses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(name + "-" + i + "-" + org.slug() + "@example.com");
            ids.add(UUID.randomUUID().toString());
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < count; i++) {
            values.append(i == 0 ? "" : ",").append("('").append(ids.get(i)).append("','").append(org.id())
                    .append("','").append(addresses.get(i)).append("','Member ").append(i)
                    .append("',array['ambassador']::varchar[],'active','x',now(),now())");
        }
        Rows.of(database,
                "with made as (insert into members (id, organization_id, email, name, roles, status,"
                        + " password_hash, created_at, updated_at) values " + values
                        + " returning 1) select count(*) from made");
        tenants.runAs(UUID.fromString(org.id()), () -> outbox.queue(ids.stream()
                .map(id -> new OutgoingMail(UUID.fromString(org.id()), UUID.fromString(id), MailKind.DIGEST,
                        "test:" + id, addresses.get(ids.indexOf(id)),
                        new Rendered("Hello", "Plain hello", "<p>Hello</p>"), null, null, null, null, null))
                .toList()));
        return addresses;
    }
}
