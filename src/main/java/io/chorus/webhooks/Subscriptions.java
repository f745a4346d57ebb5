package io.chorus.webhooks;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.cluster.DatabaseSignals;
import io.chorus.common.cluster.SignalledMemory;
import io.chorus.common.persistence.Jdbc;

/**
 * Which event types an organization's enabled endpoints take, asked by every event before it queues anything: an
 * organization without endpoints (most of them) costs a look-up in memory. The answer is remembered only while this
 * instance hears the {@value #CHANNEL} signal, which a trigger on {@code webhook_endpoints} (V24) sends whenever an
 * organization's endpoints change, whoever changes them; the instance that commits a change also forgets the
 * organization as it commits. Losing the signals' connection forgets everything, and until it is back every event reads
 * the database. The memory also expires after ten minutes, as a safety net only.
 */
@Singleton
public class Subscriptions {

    /** The channel the trigger notifies with the organization's id. */
    static final String CHANNEL = "chorus_webhooks";
    private static final String EVENTS = """
            select distinct unnest(events) from webhook_endpoints where organization_id = ? and enabled""";

    /** An organization's endpoints changed, in the transaction that changed them. */
    public record Changed(UUID organizationId) {
    }

    private final DataSource database;
    private final SignalledMemory<Set<WebhookEvent>> remembered;

    @Inject
    public Subscriptions(DataSource database, DatabaseSignals signals) {
        this.database = database;
        this.remembered = new SignalledMemory<>(signals, CHANNEL, 100_000, Duration.ofMinutes(10));
    }

    /** Whether an enabled endpoint of the organization takes this event type (a blocking read when not remembered). */
    public boolean any(UUID organization, WebhookEvent event) {
        return remembered.get(organization, this::read).contains(event);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        remembered.forget(changed.organizationId());
    }

    private Set<WebhookEvent> read(UUID organization) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (Object[] row : Jdbc.rows(database, EVENTS, organization)) {
            WebhookEvent.of((String) row[0]).ifPresent(events::add);
        }
        return events;
    }
}
