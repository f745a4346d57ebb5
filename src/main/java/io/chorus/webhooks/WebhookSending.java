package io.chorus.webhooks;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.config.ChorusConfig;
import io.chorus.common.http.OutboundAddresses;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * This instance's webhook sender, every {@code chorus.webhooks.sender.interval}: batch after batch until none is due.
 */
@Singleton
public class WebhookSending {

    private final WebhookSender sender;
    private volatile boolean held;

    @Inject
    public WebhookSending(DataSource database, WebhookConfig config, OutboundAddresses addresses, ChorusConfig chorus,
            WebhookService webhooks) {
        this.sender = new WebhookSender(database, config, addresses, WebhookSignatures.sealingKey(chorus),
                webhooks::disableFailing);
    }

    void stop(@Observes ShutdownEvent event) {
        sender.stop();
    }

    @Scheduled(every = "${chorus.webhooks.sender.interval:PT1S}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void send() {
        try {
            while (!held && sender.batch() > 0) {
                // batch after batch, until none is due
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Webhooks not sent this time, retried shortly: %s", e.getMessage());
        }
    }

    /**
     * Tests: holds this instance's scheduled sender back, so that a test's own senders have the outbox to themselves.
     */
    void hold(boolean hold) {
        this.held = hold;
        synchronized (this) {
            // waits for a run under way to end its batch
        }
    }
}
