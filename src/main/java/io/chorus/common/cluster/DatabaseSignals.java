package io.chorus.common.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.chorus.common.config.ChorusConfig;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * PostgreSQL's notifications, heard by this instance: what any instance (or anyone with SQL) commits and announces with
 * {@code NOTIFY} — usually from a trigger, so that no writer can forget — reaches the listeners of its channel here
 * within milliseconds. One dedicated connection {@code LISTEN}s on every channel a listener asked for; when it breaks
 * (a database restart, a network cut) it is opened again with backoff, and each listener is told that it may have
 * missed signals before its channel is heard again.
 * <p>
 * What an instance remembers on the strength of these signals must only be trusted while its channel is {@link #live}:
 * outside that window a signal can be lost, so memory is bypassed, and forgotten ({@link Listener#missed}) when the
 * channel is heard again.
 */
@ApplicationScoped
public class DatabaseSignals {

    /** Who hears a channel: each signal's payload, and the gaps in which signals may have been lost. */
    public interface Listener {

        void signal(String payload);

        /** Signals may have been lost (this instance started or reconnected): forget what they would have changed. */
        void missed();
    }

    private static final Logger LOG = Logger.getLogger(DatabaseSignals.class);
    /** How the listening connection is named in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "chorus signals";
    private static final int WAIT_MILLIS = 250;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final String SEND = "select pg_notify(?, ?)";
    private static final String SEND_EACH = "select pg_notify(?, payload) from unnest(?::text[]) payload";

    private final DataSource database;
    private final Duration retryDelay;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<String> heard = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread thread;

    @Inject
    public DatabaseSignals(DataSource database, ChorusConfig config) {
        this.database = database;
        this.retryDelay = config.signals().retryDelay();
    }

    /** Hears {@code channel} (a lower-case SQL identifier) from now on; {@code missed} comes first, once heard. */
    public void listen(String channel, Listener listener) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Sends {@code payload} on {@code channel} in the current transaction (on its connection): every instance hears it
     * when, and only if, the transaction commits.
     */
    public void send(String channel, String payload) {
        Jdbc.rows(database, SEND, channel, payload);
    }

    /**
     * Sends each payload on {@code channel} on a connection of the caller's own, in one statement: in its transaction,
     * or at once under autocommit.
     */
    public static void send(Connection connection, String channel, Collection<String> payloads) throws SQLException {
        if (!payloads.isEmpty()) {
            Jdbc.rows(connection, SEND_EACH, channel, payloads.toArray(String[]::new));
        }
    }

    /** Whether every signal sent on {@code channel} from now on reaches this instance. */
    public boolean live(String channel) {
        return heard.contains(channel);
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::hearUntilStopped, "database-signals");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(2).toMillis());
        }
    }

    private void hearUntilStopped() {
        Duration backoff = retryDelay;
        boolean lost = false;
        while (running) {
            try (Connection connection = database.getConnection();
                    Statement statement = connection.createStatement()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                statement.execute("set application_name = '" + APPLICATION_NAME + "'");
                if (lost) {
                    LOG.info("Hearing the database's signals again");
                }
                lost = false;
                backoff = retryDelay;
                long lastHeartbeat = System.nanoTime();
                while (running) {
                    hearNewChannels(statement);
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - lastHeartbeat > HEARTBEAT.toNanos()) {
                        // A connection cut without a word (no reset) is only noticed by using it.
                        statement.execute("select 1");
                        lastHeartbeat = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                heard.clear();
                lost = true;
                if (running) {
                    LOG.warnf("Not hearing the database's signals (%s); trying again in %d ms", e.getMessage(),
                            backoff.toMillis());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : backoff.multipliedBy(2);
                }
            }
        }
        heard.clear();
    }

    private void hearNewChannels(Statement statement) throws SQLException {
        for (Map.Entry<String, List<Listener>> channel : listeners.entrySet()) {
            if (!heard.contains(channel.getKey())) {
                statement.execute("listen " + channel.getKey());
                // From here on nothing sent on the channel is lost; what was sent before may have been.
                heard.add(channel.getKey());
                for (Listener listener : channel.getValue()) {
                    listener.missed();
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Listener listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.signal(payload);
            } catch (RuntimeException e) {
                LOG.errorf(e, "A listener of %s failed on %s", channel, payload);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
