package io.chorus.sharing.clicks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 * Takes clicks from the redirect without ever waiting and writes them in batches from {@code writers} threads: at least
 * every {@code flush-interval}, and on shutdown. Each writer has its own lane: a sharer's clicks always go to the same
 * one, so the writers never queue on one member's scores (the awards of a batch lock the sharers' day rows) and each
 * writes as fast as the database lets it. While the database is unreachable, clicks wait in a bounded buffer (all lanes
 * together hold at most {@code buffer-capacity}) and the batch is retried; only a full buffer drops clicks, counted and
 * logged loudly. Metrics: {@code chorus.clicks.buffered}, {@code chorus.clicks.flushed}, {@code chorus.clicks.dropped}.
 */
@Singleton
public class ClickRecorder {

    private static final long MAX_RETRY_PAUSE_MILLIS = 2_000;
    private final ClickBatches batches;
    private final ClickConfig config;
    /** Clicks accepted and not written yet, in every lane (queued or in a writer's pending batch). */
    private final AtomicLong waiting = new AtomicLong();
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
        for (int i = 0; i < config.writers(); i++) {
            writers.add(new Writer(i));
        }
        registry.gauge("chorus.clicks.buffered", this, ClickRecorder::buffered);
        this.flushed = Counter.builder("chorus.clicks.flushed").description("Clicks written to the database")
                .register(registry);
        this.dropped = Counter.builder("chorus.clicks.dropped").description("Clicks lost because the buffer was full")
                .register(registry);
    }

    /**
     * A short link followed at {@code atMillis} by this client (the bearer token of its request, if any): recorded like
     * every click, never blocking. The id is time-ordered by the machine's clock, so that the primary key index keeps
     * growing at its right edge whatever the service's clock says. Answers the click's id (even when the buffer is full
     * and the click is dropped: a conversion reported with it is then recorded as unattributed).
     */
    public UUID followed(ShortLinks.ShortLink link, long atMillis, String clientAddress, String userAgent,
            String referrer, String bearer) {
        UUID id = Click.newId(System.currentTimeMillis());
        record(new Click(id, link.shareId(), link.organizationId(), link.sharerId(), link.contentId(), atMillis,
                clientAddress, userAgent, referrer, bearer));
        return id;
    }

    /** Never blocks: a click that does not fit in the buffer is dropped, counted and logged. */
    void record(Click click) {
        if (waiting.incrementAndGet() > config.bufferCapacity()) {
            waiting.decrementAndGet();
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
            return;
        }
        writers.get(Math.floorMod(click.sharerId().hashCode(), writers.size())).add(click);
    }

    /** Waits, up to {@code timeout}, until every click accepted so far is written; whether they all were. */
    public boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (buffered() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    /** Clicks accepted and not yet written. */
    public long buffered() {
        return waiting.get();
    }

    void start(@Observes StartupEvent started) {
        running = true;
        for (Writer writer : writers) {
            writer.thread.start();
        }
    }

    /** Before the datasource goes away: stop the loops, then write what is left while the deadline allows. */
    void stop(@Observes @Priority(1) ShutdownEvent stopping) throws InterruptedException {
        running = false;
        writers.forEach(writer -> LockSupport.unpark(writer.thread));
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
            while (!writer.pending.isEmpty() || !writer.queue.isEmpty()) {
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

    /**
     * One writing thread: its own lane of clicks, its own batch, its own connection. The redirect wakes a writer only
     * when it is idle, waiting for a first click: a writer that is busy (writing, or letting its batch grow) finds the
     * clicks queued when it looks. Waking a thread for every click had cost the event loops a system call for one
     * redirect in five under full load, and the writers as many context switches.
     */
    private final class Writer {

        /** Unbounded here: {@link #waiting} bounds all lanes together. */
        private final Queue<Click> queue = new ConcurrentLinkedQueue<>();
        private final List<Click> pending = new ArrayList<>();
        private final Thread thread;
        /** Parked until a first click arrives: the next click unparks it. */
        private volatile boolean idle;
        /** The pending batch failed once: it may have been written all the same. */
        private boolean uncertain;

        private Writer(int lane) {
            thread = new Thread(this::writeUntilStopped, "click-writer-" + lane);
            thread.setDaemon(true); // the shutdown waits for it, within its deadline; the JVM need not
        }

        private void add(Click click) {
            queue.add(click);
            if (idle) {
                LockSupport.unpark(thread);
            }
        }

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

        /**
         * Moves clicks from the queue into the pending batch: when it is empty, waits up to {@code waitMillis} for a
         * first click and, unless a full batch is already queued (a backlog is written without pause), a moment longer,
         * so that one statement writes many clicks.
         */
        private void fill(long waitMillis) throws InterruptedException {
            if (pending.isEmpty() && waitMillis > 0) {
                if (!awaitFirst(waitMillis)) {
                    return;
                }
                drain();
                if (pending.size() < config.batchSize()) {
                    Thread.sleep(Math.min(waitMillis, 100));
                }
            }
            drain();
        }

        private void drain() {
            for (Click next; pending.size() < config.batchSize() && (next = queue.poll()) != null;) {
                pending.add(next);
            }
        }

        /** Whether a click is queued within {@code waitMillis}. */
        private boolean awaitFirst(long waitMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            // Idle before looking: a click queued after the look sees the flag and unparks this thread.
            idle = true;
            try {
                while (queue.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !running) {
                        return false;
                    }
                    LockSupport.parkNanos(this, left);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                return true;
            } finally {
                idle = false;
            }
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
            waiting.addAndGet(-pending.size());
            pending.clear();
            return true;
        }
    }
}
