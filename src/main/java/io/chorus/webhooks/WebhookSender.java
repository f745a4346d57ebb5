package io.chorus.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.chorus.common.Backoff;
import io.chorus.common.Sealing;
import io.chorus.common.Time;
import io.chorus.common.cluster.Claims;
import io.chorus.common.http.OutboundAddresses;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.logging.Log;

/**
 * One sender of the webhook outbox, as each instance runs one. It claims a batch of due deliveries in one statement
 * ({@code for update skip locked}: senders never claim the same one), each the oldest undelivered message of its
 * endpoint — so one endpoint's messages go in order, and none while an older one waits for its retry — marks them as
 * sending under a lease, POSTs them concurrently, signed as Standard Webhooks says, and records each outcome: delivered
 * (2xx); or failed for now, and tried again twice as late each time (with jitter) until {@code retry-for} after it was
 * queued, then failed for good — which disables the endpoint (nothing reached it for that long). Every target is
 * checked against {@link OutboundAddresses} at each attempt, and redirects are never followed. A delivery whose sender
 * died is taken over as soon as its connection is gone ({@link Claims}; one stuck, once its lease is over), so a
 * message may arrive twice: receivers tell by its {@code webhook-id}.
 */
public class WebhookSender {

    /** What is done with an endpoint whose message failed for good. */
    public interface Failing {
        void disable(UUID organizationId, UUID endpointId, String reason, Instant at);
    }

    private static final String CLAIM = """
            update webhook_deliveries d set status = 'sending', lease_until = ?, attempts = d.attempts + 1,
                                            last_attempt_at = ?, claimed_by = pg_backend_pid()
            from webhook_endpoints e
            where e.id = d.endpoint_id and d.id in (
                select q.id from webhook_deliveries q
                join webhook_endpoints qe on qe.id = q.endpoint_id and qe.enabled
                where ((q.status = 'pending' and q.next_attempt_at <= ?)
                       or (q.status = 'sending' and (q.lease_until <= ? or chorus_claim_abandoned(q.claimed_by))))
                  and not exists (select 1 from webhook_deliveries o
                                  where o.endpoint_id = q.endpoint_id and o.status in ('pending', 'sending')
                                    and o.seq < q.seq)
                order by q.next_attempt_at, q.seq limit ? for update of q skip locked)
            returning d.id, d.message_id, d.organization_id, d.endpoint_id, d.payload, d.attempts, d.retry_until,
                      e.url, e.secret_sealed""";
    private static final String DELIVERED = """
            update webhook_deliveries set status = 'delivered', delivered_at = ?, lease_until = null, last_status = ?,
                                          last_error = null
            where id = ? and status = 'sending'""";
    private static final String RETRY = """
            update webhook_deliveries set status = 'pending', next_attempt_at = ?, lease_until = null, last_status = ?,
                                          last_error = ?
            where id = ? and status = 'sending'""";
    private static final String FAILED = """
            update webhook_deliveries set status = 'failed', failed_at = ?, lease_until = null, last_status = ?,
                                          last_error = ?
            where id = ? and status = 'sending'""";
    private static final String ENDPOINT_WORKS = """
            update webhook_endpoints set failures = 0, failing_since = null
            where id = ? and (failures > 0 or failing_since is not null)""";
    private static final String ENDPOINT_FAILS = """
            update webhook_endpoints set failures = failures + 1, failing_since = coalesce(failing_since, ?)
            where id = ?""";

    private record Claimed(UUID id, UUID messageId, UUID organizationId, UUID endpointId, String payload, int attempts,
            Instant retryUntil, String url, String secretSealed) {
    }

    /** What an attempt got: the answer's status (null if none came), and why it failed (null if it did not). */
    private record Outcome(Claimed claimed, Integer status, String error) {
    }

    private final DataSource database;
    private final WebhookConfig config;
    private final OutboundAddresses addresses;
    private final byte[] key;
    private final Failing failing;
    private final Backoff backoff;
    private final HttpClient client;
    private volatile boolean stopping;

    public WebhookSender(DataSource database, WebhookConfig config, OutboundAddresses addresses, byte[] key,
            Failing failing) {
        this.database = database;
        this.config = config;
        this.addresses = addresses;
        this.key = key;
        this.failing = failing;
        this.backoff = new Backoff(config.firstRetryAfter(), config.maxRetryAfter());
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout()).build();
    }

    /** Sends batches until none is due or the sender is stopped; answers how many deliveries were attempted. */
    public int drain() throws SQLException {
        int attempted = 0;
        for (int sent = batch(); sent > 0 && !stopping; sent = batch()) {
            attempted += sent;
        }
        return attempted;
    }

    /** Stops taking deliveries; the batch under way is finished and recorded. */
    public void stop() {
        stopping = true;
    }

    /** One batch: claimed, sent, recorded. Answers how many deliveries it claimed. */
    public int batch() throws SQLException {
        if (stopping) {
            return 0;
        }
        try (Connection connection = database.getConnection();
                Claims live = Claims.hold(connection)) {
            connection.setAutoCommit(true);
            List<Claimed> claimed = claim(connection, Time.now());
            if (claimed.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Outcome>> attempts = claimed.stream().map(this::attempt).toList();
            for (int i = 0; i < claimed.size(); i++) {
                record(connection, await(claimed.get(i), attempts.get(i)));
            }
            return claimed.size();
        }
    }

    private List<Claimed> claim(Connection connection, Instant now) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : Jdbc.rows(connection, CLAIM, now.plus(config.sender().lease()), now, now, now,
                config.sender().batchSize())) {
            claimed.add(new Claimed((UUID) row[0], (UUID) row[1], (UUID) row[2], (UUID) row[3], (String) row[4],
                    ((Number) row[5]).intValue(), (Instant) row[6], (String) row[7], (String) row[8]));
        }
        return claimed;
    }

    /** Starts the POST (after checking where it goes); its outcome comes when the endpoint answers. */
    private CompletableFuture<Outcome> attempt(Claimed delivery) {
        URI target;
        try {
            target = URI.create(delivery.url());
            addresses.resolve(target);
        } catch (OutboundAddresses.Refused e) {
            return CompletableFuture.completedFuture(new Outcome(delivery, null, "refused: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(delivery, null, "not a URL"));
        }
        String messageId = WebhookSignatures.messageId(delivery.messageId());
        long timestamp = Time.now().getEpochSecond();
        String secret;
        try {
            secret = Sealing.open(key, delivery.secretSealed());
        } catch (IllegalStateException e) {
            return CompletableFuture.completedFuture(
                    new Outcome(delivery, null, "its secret cannot be read: was CHORUS_SECRET changed?"));
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(config.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "Chorus-Webhooks/1.0")
                .header("webhook-id", messageId).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatures.sign(secret, messageId, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> answered(delivery, response))
                .exceptionally(failure -> new Outcome(delivery, null, unanswered(failure)));
    }

    /** The answer's status is all that counts: its body is not read (closing it drops the rest). */
    private static Outcome answered(Claimed delivery, HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            // nothing read
        } catch (IOException e) {
            // the connection is dropped either way
        }
        int status = response.statusCode();
        if (status >= 200 && status <= 299) {
            return new Outcome(delivery, status, null);
        }
        if (status >= 300 && status <= 399) {
            String location = response.headers().firstValue("Location").map(l -> " to " + shorten(l, 300)).orElse("");
            return new Outcome(delivery, status, "redirected" + location + "; redirects are not followed");
        }
        return new Outcome(delivery, status, "HTTP " + status);
    }

    private Outcome await(Claimed delivery, CompletableFuture<Outcome> attempt) {
        Duration limit = config.connectTimeout().plus(config.timeout()).plusSeconds(5);
        try {
            return attempt.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return new Outcome(delivery, null, "no answer within " + config.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Outcome(delivery, null, unanswered(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(delivery, null, "interrupted");
        }
    }

    private static String unanswered(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null
                && (cause instanceof java.util.concurrent.CompletionException || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time (" + cause.getMessage() + ")";
        }
        if (cause instanceof java.net.ConnectException) {
            return "could not connect";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return shorten(message, 500);
    }

    private void record(Connection connection, Outcome outcome) throws SQLException {
        Claimed delivery = outcome.claimed();
        Instant now = Time.now();
        if (outcome.error() == null) {
            Jdbc.update(connection, DELIVERED, now, outcome.status(), delivery.id());
            Jdbc.update(connection, ENDPOINT_WORKS, delivery.endpointId());
            return;
        }
        boolean over = !now.isBefore(delivery.retryUntil());
        if (over) {
            Jdbc.update(connection, FAILED, now, outcome.status(), outcome.error(), delivery.id());
        } else {
            Instant next = now.plus(backoff.jittered(delivery.attempts()));
            Jdbc.update(connection, RETRY, next.isAfter(delivery.retryUntil()) ? delivery.retryUntil() : next,
                    outcome.status(), outcome.error(), delivery.id());
        }
        Jdbc.update(connection, ENDPOINT_FAILS, now, delivery.endpointId());
        if (over) {
            try {
                failing.disable(delivery.organizationId(), delivery.endpointId(), outcome.error(), now);
            } catch (RuntimeException e) {
                Log.errorf(e, "Webhook endpoint %s failed for good but could not be disabled", delivery.endpointId());
            }
        }
    }

    private static String shorten(String text, int most) {
        return text.length() > most ? text.substring(0, most) : text;
    }
}
