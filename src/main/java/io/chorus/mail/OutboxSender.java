package io.chorus.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.chorus.common.Backoff;
import io.chorus.common.Sealing;
import io.chorus.common.Time;
import io.chorus.common.cluster.Claims;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;

/**
 * One sender of the outbox, as each instance runs one. It claims a batch of due mails in one statement
 * ({@code for update skip locked}: senders never claim the same mail), marks them as sending under a lease, hands them
 * to the SMTP server a few at a time, and records each outcome as soon as the server answered: sent; refused for now
 * (4xx, no connection) and retried later, twice as late each time, until it is given up; refused for good (5xx) and
 * failed with the server's reason. A sender that is stopped hands back what it had not started; a mail whose sender
 * died is taken over as soon as its connection is gone ({@link Claims}), one stuck once its lease is over. Each
 * organization's mails keep to its rate limit, counted for all senders together in the database.
 */
public class OutboxSender {

    /** What the sender does with a mail: SMTP, or nowhere (the demo's mailbox). */
    public interface Transport {
        /** Starts sending; the outcome comes to {@code done}: null when accepted, else why not. */
        void send(Mail mail, java.util.function.Consumer<Throwable> done);
    }

    /** Through Quarkus Mailer. */
    public static Transport smtp(ReactiveMailer mailer, Duration timeout) {
        return (mail, done) -> mailer.send(mail).ifNoItem().after(timeout).fail().subscribe()
                .with(ok -> done.accept(null), done::accept);
    }

    /** Nowhere: the mail is recorded as sent, and the admin UI's mailbox page shows it. */
    public static Transport mailbox() {
        return (mail, done) -> {
            Log.infof("Mail to the mailbox (not sent): %s, \"%s\"", mail.getTo(), mail.getSubject());
            done.accept(null);
        };
    }

    private static final String CLAIM = """
            update mail_outbox o set status = 'sending', lease_until = ?, attempts = o.attempts + 1,
                                     claimed_by = pg_backend_pid()
            where o.id in (select q.id from mail_outbox q
                           where ((q.status = 'queued' and q.next_attempt_at <= ?)
                                  or (q.status = 'sending' and (q.lease_until <= ? or chorus_claim_abandoned(q.claimed_by))))
                             and not exists (select 1 from mail_rate_windows w
                                             where w.organization_id = q.organization_id and w.minute = ?
                                               and w.sent >= ?)
                           order by q.next_attempt_at, q.id limit ? for update skip locked)
            returning o.id, o.organization_id, o.recipient, o.subject, o.text_body, o.html_body, o.sealed_secret,
                      o.unsubscribe_url, o.attempts""";

    /** Claimed mails that are no longer to be sent: their member left or was erased, their invitation is used. */
    private static final String OBSOLETE = """
            select o.id from mail_outbox o
            left join members m on m.id = o.member_id and m.organization_id = o.organization_id
            left join invitations i on i.id = o.invitation_id and i.organization_id = o.organization_id
            where o.id = any (?) and (o.recipient is null or m.id is null or m.erased_at is not null
              or (o.kind in ('invitation', 'invitation_reminder')
                  and (m.status <> 'invited' or i.id is null or i.accepted_at is not null or i.revoked_at is not null))
              or (o.kind not in ('invitation', 'invitation_reminder') and m.status <> 'active'))""";

    private record Claimed(UUID id, UUID organizationId, Mail mail, int attempts) {
    }

    private record Outcome(Claimed claimed, Throwable failure) {
    }

    private final DataSource dataSource;
    private final MailConfig config;
    private final Transport transport;
    private final byte[] key;
    private final int concurrency;
    private volatile boolean stopping;

    public OutboxSender(DataSource dataSource, MailConfig config, Transport transport, byte[] key, int concurrency) {
        this.dataSource = dataSource;
        this.config = config;
        this.transport = transport;
        this.key = key;
        this.concurrency = Math.max(1, concurrency);
    }

    /** Sends batches until none is due or the sender is stopped; answers how many mails were handed over. */
    public int drain() throws SQLException {
        int handed = 0;
        for (int sent = batch(); sent > 0 && !stopping; sent = batch()) {
            handed += sent;
        }
        return handed;
    }

    /** Stops taking mails: what is being sent is finished and recorded, the rest of the batch is handed back. */
    public void stop() {
        stopping = true;
    }

    /** One batch: claimed, sent, recorded. Answers how many mails it claimed. */
    public int batch() throws SQLException {
        if (stopping) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                Claims live = Claims.hold(connection)) {
            connection.setAutoCommit(true);
            Instant now = Time.now();
            List<Claimed> claimed = claim(connection, now);
            if (claimed.isEmpty()) {
                return 0;
            }
            List<Claimed> sendable = withinRate(connection, dropObsolete(connection, claimed), now);
            send(connection, sendable);
            return claimed.size();
        }
    }

    private List<Claimed> claim(Connection connection, Instant now) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : Jdbc.rows(connection, CLAIM, now.plus(config.sender().lease()), now, now, minute(now),
                config.perOrganizationPerMinute(), config.sender().batchSize())) {
            claimed.add(new Claimed((UUID) row[0], (UUID) row[1], mail(row), ((Number) row[8]).intValue()));
        }
        claimed.sort(java.util.Comparator.comparing(Claimed::id));
        return claimed;
    }

    private Mail mail(Object[] row) {
        String sealed = (String) row[6];
        String secret = sealed == null ? "" : Sealing.open(key, sealed);
        Mail mail = Mail.withText((String) row[2], (String) row[3], ((String) row[4]).replace(Outbox.SECRET, secret))
                .setHtml(((String) row[5]).replace(Outbox.SECRET, secret));
        config.from().ifPresent(mail::setFrom);
        String unsubscribe = (String) row[7];
        if (unsubscribe != null) {
            mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mail.addHeader("X-Chorus-Mail", row[0].toString());
        return mail;
    }

    private List<Claimed> dropObsolete(Connection connection, List<Claimed> claimed) throws SQLException {
        Set<UUID> obsolete = new HashSet<>();
        for (Object[] row : Jdbc.rows(connection, OBSOLETE,
                (Object) claimed.stream().map(Claimed::id).toArray(UUID[]::new))) {
            obsolete.add((UUID) row[0]);
        }
        if (obsolete.isEmpty()) {
            return claimed;
        }
        Jdbc.update(connection, "update mail_outbox set status = 'cancelled', lease_until = null, sealed_secret = null"
                + " where id = any (?) and status = 'sending'", (Object) obsolete.toArray(UUID[]::new));
        return claimed.stream().filter(c -> !obsolete.contains(c.id())).toList();
    }

    /** The mails each organization's budget of this minute allows; the others go back to the queue. */
    private List<Claimed> withinRate(Connection connection, List<Claimed> claimed, Instant now) throws SQLException {
        Map<UUID, List<Claimed>> byOrganization = new LinkedHashMap<>();
        claimed.forEach(c -> byOrganization.computeIfAbsent(c.organizationId(), k -> new ArrayList<>()).add(c));
        List<Claimed> allowed = new ArrayList<>();
        List<UUID> handedBack = new ArrayList<>();
        for (var entry : byOrganization.entrySet()) {
            int granted = reserve(connection, entry.getKey(), minute(now), entry.getValue().size());
            allowed.addAll(entry.getValue().subList(0, granted));
            entry.getValue().subList(granted, entry.getValue().size()).forEach(c -> handedBack.add(c.id()));
        }
        handBack(connection, handedBack);
        return allowed;
    }

    /** Takes up to {@code wanted} of the organization's mails of this minute; answers how many it got. */
    private int reserve(Connection connection, UUID organization, Instant minute, int wanted) throws SQLException {
        return Jdbc.inTransaction(connection, () -> {
            Jdbc.update(connection, "insert into mail_rate_windows (organization_id, minute, sent) values (?, ?, 0)"
                    + " on conflict do nothing", organization, minute);
            int sent = ((Number) Jdbc.value(connection,
                    "select sent from mail_rate_windows where organization_id = ? and minute = ? for update",
                    organization, minute)).intValue();
            int granted = Math.max(0, Math.min(wanted, config.perOrganizationPerMinute() - sent));
            Jdbc.update(connection,
                    "update mail_rate_windows set sent = sent + ? where organization_id = ? and minute = ?", granted,
                    organization, minute);
            return granted;
        });
    }

    private void handBack(Connection connection, List<UUID> ids) throws SQLException {
        if (!ids.isEmpty()) {
            Jdbc.update(connection,
                    "update mail_outbox set status = 'queued', lease_until = null,"
                            + " attempts = attempts - 1 where id = any (?) and status = 'sending'",
                    (Object) ids.toArray(UUID[]::new));
        }
    }

    /** Hands the mails over, at most {@code concurrency} at a time, recording each outcome as it comes. */
    private void send(Connection connection, List<Claimed> mails) throws SQLException {
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        int inFlight = 0;
        List<UUID> notStarted = new ArrayList<>();
        for (Claimed claimed : mails) {
            if (stopping) {
                notStarted.add(claimed.id());
                continue;
            }
            while (inFlight >= concurrency) {
                inFlight -= record(connection, outcomes);
            }
            transport.send(claimed.mail(), failure -> outcomes.add(new Outcome(claimed, failure)));
            inFlight++;
        }
        while (inFlight > 0) {
            inFlight -= record(connection, outcomes);
        }
        handBack(connection, notStarted);
    }

    /**
     * Records the next outcomes: waits for one, takes every other that has come meanwhile, and records the sent ones in
     * one statement (a digest of 10,000 mails was 10,000 commits). Answers how many it recorded.
     */
    private int record(Connection connection, BlockingQueue<Outcome> outcomes) throws SQLException {
        Outcome first;
        try {
            first = outcomes.poll(config.sender().lease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending mail", e);
        }
        if (first == null) {
            throw new IllegalStateException("The SMTP server did not answer within the lease");
        }
        List<Outcome> came = new ArrayList<>();
        came.add(first);
        outcomes.drainTo(came);
        Instant now = Time.now();
        List<UUID> sent = new ArrayList<>();
        for (Outcome outcome : came) {
            if (outcome.failure() == null) {
                sent.add(outcome.claimed().id());
            } else {
                recordRefusal(connection, outcome, now);
            }
        }
        if (!sent.isEmpty()) {
            Jdbc.update(connection,
                    "update mail_outbox set status = 'sent', sent_at = ?, lease_until = null,"
                            + " sealed_secret = null, last_error = null where id = any (?) and status = 'sending'",
                    now, (Object) sent.toArray(UUID[]::new));
        }
        return came.size();
    }

    /** A mail the server did not take: failed for good, or queued again for later. */
    private void recordRefusal(Connection connection, Outcome outcome, Instant now) throws SQLException {
        UUID id = outcome.claimed().id();
        Throwable failure = outcome.failure();
        if (permanent(failure) || outcome.claimed().attempts() >= config.sender().maxAttempts()) {
            Log.warnf("Mail %s failed for good: %s", id, reason(failure));
            Jdbc.update(connection,
                    "update mail_outbox set status = 'failed', lease_until = null, sealed_secret = null,"
                            + " last_error = ? where id = ? and status = 'sending'",
                    reason(failure), id);
        } else {
            Instant retry = now.plus(backoff(outcome.claimed().attempts()));
            Jdbc.update(connection, "update mail_outbox set status = 'queued', lease_until = null, next_attempt_at = ?,"
                    + " last_error = ? where id = ? and status = 'sending'", retry, reason(failure), id);
        }
    }

    /** The wait after the nth refused attempt: the first wait, doubled each time, at most the longest. */
    Duration backoff(int attempts) {
        return new Backoff(config.sender().firstRetryAfter(), config.sender().maxRetryAfter()).after(attempts);
    }

    /** A 5xx answer: the server will never take this mail. Anything else (4xx, no connection) may pass later. */
    static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
        }
        return false;
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    static Instant minute(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
