package io.chorus.sources;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * This instance's poller of content sources, every {@code chorus.sources.poll-interval} ({@code off} in tests, which
 * run pollers of their own): batch after batch until none is due.
 */
@Singleton
public class SourcePolling {

    private final SourcePoller poller;

    @Inject
    public SourcePolling(DataSource database, SourcesConfig config, SourcePasses passes) {
        this.poller = new SourcePoller(database, config, passes);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.close();
    }

    @Scheduled(every = "${chorus.sources.poll-interval:PT30S}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            poller.drain();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Content sources not polled this time, tried again shortly: %s", e.getMessage());
        }
    }
}
