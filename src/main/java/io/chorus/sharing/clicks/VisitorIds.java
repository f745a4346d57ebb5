package io.chorus.sharing.clicks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Visitor ids: a keyed hash of client address and user agent under a random salt of the day (UTC). The salt is shared
 * by every instance through the database and deleted after the day (plus one day's grace for late batches), so a
 * visitor id identifies a browser within a day and nothing can turn it back into an address.
 */
@Singleton
public class VisitorIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Each thread's HMAC and the salt it was last keyed with: keying it for every click was ~7% of the writers (JFR).
     */
    private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(KeyedMac::new);
    private final DataSource dataSource;
    private final Map<LocalDate, SecretKeySpec> salts = new ConcurrentHashMap<>();

    @Inject
    public VisitorIds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The visitor id of a client on a day; asks the database for the day's salt the first time. */
    public UUID of(LocalDate day, String clientAddress, String userAgent) {
        try {
            Mac mac = MACS.get().keyedWith(salt(day));
            mac.update(nullToEmpty(clientAddress).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer hash = ByteBuffer.wrap(mac.doFinal(nullToEmpty(userAgent).getBytes(StandardCharsets.UTF_8)));
            return new UUID(hash.getLong(), hash.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A 32-byte salt is a valid HMAC key", e);
        }
    }

    public static LocalDate day(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L));
    }

    public static LocalDate today() {
        return Time.today(ZoneOffset.UTC);
    }

    /**
     * Forgets the salts of days before yesterday, here and in the database, and the sharers' visitor ids they made.
     */
    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rotate() {
        try {
            forgetOldSalts(today());
        } catch (RuntimeException e) {
            Log.warnf("Old visitor salts could not be deleted yet (%s); trying again in 10 minutes", e.getMessage());
        }
    }

    public void forgetOldSalts(LocalDate today) {
        LocalDate keepFrom = today.minusDays(1);
        salts.keySet().removeIf(day -> day.isBefore(keepFrom));
        QuarkusTransaction.requiringNew().run(() -> deleteBefore(keepFrom));
    }

    private void deleteBefore(LocalDate keepFrom) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "delete from visitor_salts where day < ?", keepFrom);
            Jdbc.update(connection, "delete from sharer_visitors where seen_on < ?", keepFrom);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec salt(LocalDate day) {
        // A transaction of its own, committed before the salt is used: never one that a caller might roll back.
        return salts.computeIfAbsent(day,
                d -> new SecretKeySpec(QuarkusTransaction.requiringNew().call(() -> storedSalt(d)), "HmacSHA256"));
    }

    private byte[] storedSalt(LocalDate day) throws SQLException {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "insert into visitor_salts (day, salt) values (?, ?) on conflict (day) do nothing",
                    day, fresh);
            return (byte[]) Jdbc.first(connection, "select salt from visitor_salts where day = ?", day)
                    .orElseThrow(() -> new SQLException("The salt of " + day + " vanished while it was read"))[0];
        }
    }

    /**
     * An HMAC that keeps its key between uses ({@link Mac#doFinal} leaves it keyed): keyed again only for a new salt.
     */
    private static final class KeyedMac {
        private final Mac mac;
        private SecretKeySpec key;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }

        /** The HMAC keyed with the salt, holding no input (whatever a failed use may have left). */
        Mac keyedWith(SecretKeySpec salt) throws GeneralSecurityException {
            if (salt != key) {
                key = null;
                mac.init(salt);
                key = salt;
            } else {
                mac.reset();
            }
            return mac;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
