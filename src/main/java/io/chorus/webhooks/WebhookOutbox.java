package io.chorus.webhooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;

/**
 * Queues an event's message for every enabled endpoint of its organization that takes its type, in the caller's
 * transaction: a message exists exactly when what it tells of was committed, and nothing else happens on the request's
 * path. An organization with no such endpoint ({@link Subscriptions}, in memory) costs nothing more. The body is the
 * Standard Webhooks shape {@code {"type", "timestamp", "data"}}, written once and sent as it is on every attempt.
 */
@ApplicationScoped
public class WebhookOutbox {

    /** A message to queue: {@code data} is made only when an endpoint takes it. */
    public record Message(UUID organizationId, WebhookEvent type, Instant at, Supplier<Map<String, Object>> data) {
    }

    private static final String INSERT = """
            insert into webhook_deliveries (id, message_id, organization_id, endpoint_id, event_type, payload,
                                            next_attempt_at, retry_until, created_at)
            select gen_random_uuid(), ?, e.organization_id, e.id, ?, ?, ?, ?, ?
            from webhook_endpoints e
            where e.organization_id = ? and e.enabled and ? = any (e.events)
            order by e.created_at, e.id""";

    private final Subscriptions subscriptions;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final EntityManager em;

    @Inject
    public WebhookOutbox(Subscriptions subscriptions, WebhookConfig config, ObjectMapper json, EntityManager em) {
        this.subscriptions = subscriptions;
        this.config = config;
        this.json = json;
        this.em = em;
    }

    /** Queues the message in the current (JTA) transaction. */
    public void queue(Message message) {
        if (subscriptions.any(message.organizationId(), message.type())) {
            em.unwrap(Session.class).doWork(connection -> insert(connection, List.of(message)));
        }
    }

    /** Queues the messages on this connection, in its transaction (the click writer's, an attribution's). */
    public void queue(Connection connection, List<Message> messages) throws SQLException {
        List<Message> wanted = messages.stream().filter(m -> subscriptions.any(m.organizationId(), m.type())).toList();
        if (!wanted.isEmpty()) {
            insert(connection, wanted);
        }
    }

    private void insert(Connection connection, List<Message> messages) throws SQLException {
        Instant now = Time.now();
        Jdbc.batch(connection, INSERT,
                messages.stream()
                        .map(message -> new Object[] { UUID.randomUUID(), message.type().id(), body(message), now,
                                now.plus(config.retryFor()), now, message.organizationId(), message.type().id() })
                        .toList());
    }

    private String body(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", message.type().id());
        body.put("timestamp", message.at());
        body.put("data", message.data().get());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook message could not be written: " + e.getMessage(), e);
        }
    }

    /** An ordered map of a message's data, keys and values in turn; null values are kept (as JSON null). */
    public static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
