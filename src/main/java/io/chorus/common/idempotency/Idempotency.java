package io.chorus.common.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.SecretTokens;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} for writes a client may retry: the first request's response is stored with the key, in the
 * same transaction as the write, and a retry with the same key and body gets that response again instead of a second
 * write. A concurrent duplicate waits on the key's unique index and then replays. Failed requests store nothing, so
 * they may be retried. Keys are kept for 24 hours per caller.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final EntityManager em;
    private final ObjectMapper json;
    private final SealedBody sealer;

    @Inject
    public Idempotency(EntityManager em, ObjectMapper json, ChorusConfig config) {
        this.em = em;
        this.json = json;
        this.sealer = new SealedBody(config.secret());
    }

    /**
     * @param key
     *            the client's key, or null when it sent none
     * @param principal
     *            who is calling (keys are per caller)
     * @param operation
     *            the verb and path template, so one key cannot replay another operation
     * @param request
     *            the parsed body, compared with the first request's
     * @param work
     *            performs the write and returns its response (an entity and optional Location)
     */
    @Transactional
    public Response respond(String key, String principal, String operation, Object request, Supplier<Response> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 characters");
        }
        String requestHash = hash(operation, request);
        String keyHash = SecretTokens.hash(key);
        int inserted = em.createNativeQuery("""
                insert into idempotency_records (principal, key_hash, request_hash, created_at)
                values (?1, ?2, ?3, now()) on conflict do nothing""").setParameter(1, principal)
                .setParameter(2, keyHash).setParameter(3, requestHash).executeUpdate();
        if (inserted == 0) {
            return replay(principal, key, requestHash);
        }
        Response response = work.get();
        String body = body(response);
        em.createNativeQuery("""
                update idempotency_records set status = ?3, sealed_body = ?4, location = ?5
                where principal = ?1 and key_hash = ?2""").setParameter(1, principal).setParameter(2, keyHash)
                .setParameter(3, response.getStatus())
                .setParameter(4, body == null ? null : sealer.seal(principal, key, body))
                .setParameter(5, response.getLocation() == null ? null : response.getLocation().toString())
                .executeUpdate();
        return response;
    }

    private Response replay(String principal, String key, String requestHash) {
        List<?> rows = em.createNativeQuery("""
                select request_hash, status, sealed_body, location from idempotency_records
                where principal = ?1 and key_hash = ?2""").setParameter(1, principal)
                .setParameter(2, SecretTokens.hash(key)).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.conflict("idempotency-key-in-use",
                    "A request with this Idempotency-Key is in progress.");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request.");
        }
        if (row[1] == null) {
            throw ProblemException.conflict("idempotency-key-in-use",
                    "A request with this Idempotency-Key is in progress.");
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue()).header(REPLAYED_HEADER,
                "true");
        if (row[2] != null) {
            builder.entity(sealer.open(principal, key, (String) row[2])).type(MediaType.APPLICATION_JSON);
        }
        if (row[3] != null) {
            builder.header(HttpHeaders.LOCATION, URI.create((String) row[3]));
        }
        return builder.build();
    }

    private String body(Response response) {
        if (!response.hasEntity()) {
            return null;
        }
        try {
            return json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store the response for replay", e);
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldKeys() {
        em.createNativeQuery("delete from idempotency_records where created_at < now() - interval '24 hours'")
                .executeUpdate();
    }
}
