package io.chorus.sharing.clicks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Takes clicks from the redirect without ever waiting and writes them in batches from one thread: at least every
 * {@code flush-interval}, and on shutdown. While the database is unreachable, clicks wait in a bounded buffer and the
 * batch is retried; only a full buffer drops clicks, counted and logged loudly. Metrics:
 * {@code chorus.clicks.buffered}, {@code chorus.clicks.flushed}, {@code chorus.clicks.dropped}.
 */
@Singleton
public class ClickRecorder {

    private static final long MAX_RETRY_PAUSE_MILLIS = 2_000;
    private final ClickBatches batches;
    private final ClickConfig config;
    private final BlockingQueue<Click> queue;
    private final AtomicLong pendingCount = new AtomicLong();
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private final Counter flushed;
    private final Counter dropped;
    private final List<Writer> writers = new ArrayList<>();
    private volatile boolean running;
    private volatile long lastDropLog;

    @Inject
    public ClickRecorder(ClickBatches batches, ClickConfig config, MeterRegistry registry) {
        this.batches = batches;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.bufferCapacity());
        registry.gauge("chorus.clicks.buffered", this, ClickRecorder::buffered);
        this.flushed = Counter.builder("chorus.clicks.flushed").description("Clicks written to the database")
                .register(registry);
        this.dropped = Counter.builder("chorus.clicks.dropped").description("Clicks lost because the buffer was full")
                .register(registry);
    }

    /** Never blocks: a click that does not fit in the buffer is dropped, counted and logged. */
    public void record(Click click) {
        if (!queue.offer(click)) {
            dropped.increment();
            droppedSinceLog.incrementAndGet();
            long now = System.currentTimeMillis();
            if (now - lastDropLog > 10_000) {
                lastDropLog = now;
                Log.errorf(
                        "CLICKS LOST: the click buffer is full (%d waiting, the database is not keeping up or is"
                                + " unreachable); %d clicks dropped since the last report",
                        buffered(), droppedSinceLog.getAndSet(0));
            }
        }
    }

    /** Clicks accepted and not yet written. */
    public long buffered() {
        return queue.size() + pendingCount.get();
    }

    void start(@Observes StartupEvent started) {
        running = true;
        for (int i = 0; i < config.writers(); i++) {
            Writer writer = new Writer();
            writer.thread = new Thread(writer::writeUntilStopped, "click-writer-" + i);
            writer.thread.setDaemon(true); // the shutdown waits for it, within its deadline; the JVM need not
            writers.add(writer);
            writer.thread.start();
        }
    }

    /** Before the datasource goes away: stop the loops, then write what is left while the deadline allows. */
    void stop(@Observes @Priority(1) ShutdownEvent stopping) throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + config.shutdownDeadline().toNanos();
        // Writers are not interrupted: an interrupt in the middle of a JDBC call can leave the pooled connection locked
        // for whoever uses it next (this drain hung on one). Each ends its round: a wait for clicks (the flush
        // interval), a batch in flight (the write timeout, written or failed and then kept in its batch), a retry
        // pause.
        Duration round = config.flushInterval().plus(config.writeTimeout()).plusMillis(MAX_RETRY_PAUSE_MILLIS + 100);
        long roundsEnd = System.nanoTime() + round.toNanos();
        for (Writer writer : writers) {
            writer.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(roundsEnd - System.nanoTime())));
            if (writer.thread.isAlive()) {
                Log.errorf("CLICKS LOST: a click writer did not stop within %s; %d clicks not written", round,
                        buffered());
                return;
            }
        }
        for (Writer writer : writers) {
            while (!writer.pending.isEmpty() || !queue.isEmpty()) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                writer.fill(0);
                if (!writer.flushPending()) {
                    Thread.sleep(200);
                }
            }
        }
        if (buffered() > 0) {
            Log.errorf("CLICKS LOST: %d clicks could not be written before shutdown (the database was unreachable)",
                    buffered());
        }
    }

    /** One writing thread: its own batch, its own connection. */
    private final class Writer {

        private final List<Click> pending = new ArrayList<>();
        /** The pending batch failed once: it may have been written all the same. */
        private boolean uncertain;
        private Thread thread;

        private void writeUntilStopped() {
            long pause = 50;
            while (running) {
                try {
                    fill(config.flushInterval().toMillis());
                    if (flushPending()) {
                        pause = 50;
                    } else {
                        Thread.sleep(pause);
                        pause = Math.min(pause * 2, MAX_RETRY_PAUSE_MILLIS);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Moves clicks from the queue into the pending batch: waits up to {@code waitMillis} for the first one. */
        private void fill(long waitMillis) throws InterruptedException {
            int room = config.batchSize() - pending.size();
            if (room <= 0) {
                return;
            }
            if (pending.isEmpty() && waitMillis > 0) {
                Click first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return;
                }
                add(first);
                room--;
                // Let the batch grow for a moment: one statement for many clicks.
                long until = System.nanoTime() + Duration.ofMillis(Math.min(waitMillis, 100)).toNanos();
                while (room > 0 && System.nanoTime() < until) {
                    Click next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    add(next);
                    room--;
                }
            }
            List<Click> more = new ArrayList<>(Math.min(room, queue.size()));
            queue.drainTo(more, room);
            more.forEach(this::add);
        }

        private void add(Click click) {
            pending.add(click);
            pendingCount.incrementAndGet();
        }

        /** Writes the pending batch; false (and the batch kept) when the database refused. */
        private boolean flushPending() {
            if (pending.isEmpty()) {
                return true;
            }
            try {
                if (!(uncertain && batches.written(pending))) {
                    batches.write(pending);
                }
            } catch (RuntimeException | java.sql.SQLException e) {
                uncertain = true;
                Log.warnf("%d clicks wait for the database (%s); retrying", buffered(), e.getMessage());
                return false;
            }
            uncertain = false;
            flushed.increment(pending.size());
            pendingCount.addAndGet(-pending.size());
            pending.clear();
            return true;
        }
    }
}
