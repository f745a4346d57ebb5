package io.chorus.webhooks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhooks' settings, under {@code chorus.webhooks.}; docs/webhooks.md describes each. */
@ConfigMapping(prefix = "chorus.webhooks")
public interface WebhookConfig {

    /** How often each organization with clicks gets one {@code clicks.summary} of them (never one call per click). */
    @WithDefault("PT5M")
    Duration clicksSummaryInterval();

    /**
     * How long a message is retried after it was queued (or replayed) before it is failed; an endpoint whose message
     * fails so — nothing reached it for that long, since one endpoint's messages go in order — is disabled.
     */
    @WithDefault("P1D")
    Duration retryFor();

    /** The wait before the first retry; doubled after each failed attempt, with jitter, up to the longest. */
    @WithDefault("PT10S")
    Duration firstRetryAfter();

    @WithDefault("PT1H")
    Duration maxRetryAfter();

    /** The most a connection to an endpoint may take to open. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** The most an endpoint may take to answer a delivery (its status line and headers; the body is not read). */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * How long delivered and failed deliveries stay in the delivery log (and can be replayed) after they were queued.
     */
    @WithDefault("P30D")
    Duration keepDeliveries();

    /** The most endpoints one organization may register. */
    @WithDefault("20")
    int maxEndpoints();

    Sender sender();

    interface Sender {
        /** How often each instance looks for due deliveries. */
        @WithDefault("PT1S")
        Duration interval();

        /** Deliveries one sender claims at a time (one per endpoint at most, sent concurrently). */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a claimed delivery is the claimer's: a sender stuck is taken over after it (one that died at once).
         */
        @WithDefault("PT2M")
        Duration lease();
    }
}
