package io.chorus.conversions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.problem.ProblemException;
import io.chorus.conversions.ConversionViews.Accepted;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Writes reported conversions in batches, many reports to a transaction, and answers each only once its batch is
 * committed: a 202 means the conversion is in the database. A report whose {@code externalId} is already there (or
 * earlier in the same batch) is that conversion. Each batch is attributed in the same transaction, as far as its clicks
 * are written.
 */
@Singleton
public class ConversionWriter {

    /** A validated report waiting for its batch; {@code clickRef} is null for a code, or a click id that is none. */
    record Report(UUID id, UUID organizationId, UUID keyId, UUID clickRef, String code, String type, BigDecimal value,
            String currency, Instant occurredAt, Instant receivedAt, String externalId, String status, String reason,
            CompletableFuture<Accepted> done) {
    }

    private static final String INSERT = """
            insert into conversions (id, organization_id, key_id, click_ref, code, type, value, currency, occurred_at,
                                     received_at, external_id, status, reason, next_attempt_at)
            select r.*, case when r.status = 'pending' then r.received_at + interval '1 second' end
            from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::numeric[],
                        ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                 as r (id, organization_id, key_id, click_ref, code, type, value, currency, occurred_at, received_at,
                       external_id, status, reason)
            on conflict (organization_id, external_id) where external_id is not null do nothing
            returning id""";
    private static final String EXISTING = """
            select v.organization_id, v.external_id, v.id, v.status from conversions v
            join unnest(?::uuid[], ?::text[]) as r (organization_id, external_id)
              on v.organization_id = r.organization_id and v.external_id = r.external_id""";
    private final DataSource database;
    private final ConversionConfig config;
    private final Attribution attribution;
    private final BlockingQueue<Report> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    @Inject
    public ConversionWriter(DataSource database, ConversionConfig config, Attribution attribution) {
        this.database = database;
        this.config = config;
        this.attribution = attribution;
        this.queue = new ArrayBlockingQueue<>(config.maxWaiting());
        for (int i = 0; i < config.writers(); i++) {
            Thread writer = new Thread(this::writeUntilStopped, "conversion-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
        }
    }

    /** The report's answer once it is written; refused at once (503) when too many wait already. */
    CompletionStage<Accepted> submit(Report report) {
        if (!running || !queue.offer(report)) {
            report.done().completeExceptionally(busy());
        }
        return report.done();
    }

    void start(@Observes StartupEvent started) {
        running = true;
        writers.forEach(Thread::start);
    }

    /** Stops taking reports and writes those already taken (they are waiting for their answer). */
    void stop(@Observes @Priority(1) ShutdownEvent stopping) throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(10_000);
        }
        List<Report> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(report -> report.done().completeExceptionally(busy()));
    }

    private void writeUntilStopped() {
        List<Report> batch = new ArrayList<>(config.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Report first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.batchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Report> batch) {
        Map<UUID, Accepted> answers;
        List<Runnable> afterCommit = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            answers = Jdbc.inTransaction(connection, () -> insert(connection, batch, afterCommit));
        } catch (SQLException | RuntimeException e) {
            Log.warnf("%d conversion reports refused with 503: they could not be written (%s)", batch.size(),
                    e.getMessage());
            batch.forEach(report -> report.done().completeExceptionally(unavailable()));
            return;
        }
        afterCommit.forEach(Runnable::run);
        batch.forEach(report -> report.done().complete(answers.get(report.id())));
    }

    /** Inserts and attributes the batch (with the points of what it attributed); each report's answer by its id. */
    private Map<UUID, Accepted> insert(Connection connection, List<Report> batch, List<Runnable> afterCommit)
            throws SQLException {
        int n = batch.size();
        String[][] columns = new String[13][n];
        for (int i = 0; i < n; i++) {
            Report r = batch.get(i);
            Object[] values = { r.id(), r.organizationId(), r.keyId(), r.clickRef(), r.code(), r.type(), r.value(),
                    r.currency(), r.occurredAt(), r.receivedAt(), r.externalId(), r.status(), r.reason() };
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c] == null ? null
                        : values[c] instanceof BigDecimal d ? d.toPlainString() : values[c].toString();
            }
        }
        List<UUID> inserted = Jdbc.rows(connection, INSERT, (Object[]) columns).stream().map(row -> (UUID) row[0])
                .toList();
        Map<UUID, String> status = new HashMap<>();
        batch.forEach(r -> status.put(r.id(), r.status()));
        attribution.of(connection, inserted.toArray(UUID[]::new), Time.now(), afterCommit)
                .forEach(decided -> status.put(decided.id(), decided.status()));
        Map<UUID, Accepted> answers = new HashMap<>();
        Set<UUID> fresh = new HashSet<>(inserted);
        for (Report r : batch) {
            if (fresh.contains(r.id())) {
                answers.put(r.id(), new Accepted(r.id(), status.get(r.id()), false));
            }
        }
        if (fresh.size() < n) {
            answerRepeated(connection, batch, fresh, answers);
        }
        return answers;
    }

    /** The reports whose externalId was known already are answered with the conversion it names. */
    private static void answerRepeated(Connection connection, List<Report> batch, Set<UUID> fresh,
            Map<UUID, Accepted> answers) throws SQLException {
        List<Report> repeats = batch.stream().filter(r -> !fresh.contains(r.id())).toList();
        Map<String, Accepted> existing = new HashMap<>();
        for (Object[] row : Jdbc.rows(connection, EXISTING,
                repeats.stream().map(r -> r.organizationId().toString()).toArray(String[]::new),
                repeats.stream().map(Report::externalId).toArray(String[]::new))) {
            existing.put(row[0] + " " + row[1], new Accepted((UUID) row[2], (String) row[3], true));
        }
        for (Report r : repeats) {
            Accepted first = existing.get(r.organizationId() + " " + r.externalId());
            if (first == null) {
                throw new SQLException("The conversion of externalId " + r.externalId() + " vanished");
            }
            answers.put(r.id(), first);
        }
    }

    private static ProblemException busy() {
        return new ProblemException(503, "conversions-busy", "Service unavailable",
                "Too many conversions are waiting to be written: report this one again shortly.", null,
                Map.of("Retry-After", "1"));
    }

    static ProblemException unavailable() {
        return new ProblemException(503, "unavailable", "Service unavailable",
                "The conversion could not be recorded right now: report it again shortly.", null,
                Map.of("Retry-After", "5"));
    }
}
