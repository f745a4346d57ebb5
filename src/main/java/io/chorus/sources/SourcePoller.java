package io.chorus.sources;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;

/**
 * One poller of content sources, as each instance runs one: it claims a batch of due enabled sources in one statement
 * ({@code for update skip locked}: pollers never claim the same one) under a lease, makes a pass over each — a few at a
 * time, outside any transaction — and claims again until none is due. A source whose poller died is taken over once its
 * lease is over.
 */
public class SourcePoller implements AutoCloseable {

    private static final String CLAIM = """
            update content_sources s set lease_until = ?
            where s.id in (select d.id from content_sources d
                           where d.enabled and d.next_fetch_at <= ? and (d.lease_until is null or d.lease_until < ?)
                           order by d.next_fetch_at limit ? for update skip locked)
            returning s.organization_id, s.id""";

    private record Claimed(UUID organization, UUID id) {
    }

    private final DataSource database;
    private final SourcesConfig config;
    private final SourcePasses passes;
    private final ExecutorService workers;
    private volatile boolean stopping;

    public SourcePoller(DataSource database, SourcesConfig config, SourcePasses passes) {
        this.database = database;
        this.config = config;
        this.passes = passes;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), work -> {
            Thread thread = new Thread(work, "content-sources-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Batches until none is due or the poller is stopped; answers how many sources it made a pass over. */
    public int drain() throws SQLException {
        int passed = 0;
        for (int claimed = batch(); claimed > 0 && !stopping; claimed = batch()) {
            passed += claimed;
        }
        return passed;
    }

    /** One batch: claimed, fetched, recorded. Answers how many sources it claimed. */
    public int batch() throws SQLException {
        if (stopping) {
            return 0;
        }
        List<Claimed> claimed = claim(Time.now());
        List<Future<?>> running = new ArrayList<>();
        for (Claimed source : claimed) {
            running.add(workers.submit(() -> passes.pass(source.organization(), source.id())));
        }
        for (Future<?> pass : running) {
            try {
                pass.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claimed.size();
            } catch (java.util.concurrent.ExecutionException e) {
                // a pass records its own failures; nothing more to do here
            }
        }
        return claimed.size();
    }

    private List<Claimed> claim(Instant now) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(true);
            List<Claimed> claimed = new ArrayList<>();
            for (Object[] row : Jdbc.rows(connection, CLAIM, now.plus(config.lease()), now, now, config.batchSize())) {
                claimed.add(new Claimed((UUID) row[0], (UUID) row[1]));
            }
            return claimed;
        }
    }

    /** Stops taking sources; the batch under way is finished and recorded. */
    public void stop() {
        stopping = true;
    }

    @Override
    public void close() {
        stop();
        workers.shutdownNow();
    }
}
