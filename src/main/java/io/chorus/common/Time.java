package io.chorus.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The service's one clock: what time it is, and so what day it is in an organization's time zone, for every rule that
 * depends on it — schedules and expiries, the days and periods of analytics and leaderboards, campaigns' windows,
 * badges, the timestamps of shares, clicks and points. SQL gets this time as a parameter rather than reading
 * {@code now()}, so that Java and the database never disagree about it.
 * <p>
 * Outside production the clock can be moved ({@link #runFrom}): tests run the service at fixed instants (the last day
 * of a month, a leap day, a DST change), and the demo data is written as a quarter of history. The clock keeps running
 * from where it is put, so that timeouts, polling and background jobs behave as they do in real time.
 * <p>
 * Three things keep the machine's clock on purpose: access tokens (the JWT library checks their expiry against it), and
 * the throttle counters' windows and the idempotency records' age, which only measure durations between their own rows
 * with the database's clock, the one all instances share.
 */
public final class Time {

    private static final Clock SYSTEM = Clock.systemUTC();
    private static volatile Clock clock = SYSTEM;

    private Time() {
    }

    /** The current instant at millisecond precision, so that what is answered equals what is read back. */
    public static Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The current instant in milliseconds since the epoch. */
    public static long millis() {
        return clock.millis();
    }

    /** Today in a time zone. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * Not in production: from now on the service's time is {@code start}, running on from there. Tests and the demo's
     * history only.
     */
    public static void runFrom(Instant start) {
        if (ConfigUtils.getProfiles().contains("prod")) {
            throw new IllegalStateException("The clock cannot be moved in production");
        }
        clock = Clock.offset(SYSTEM, Duration.between(SYSTEM.instant(), start));
    }

    /** The clock in use, to {@link #restore} after moving it. */
    public static Clock clock() {
        return clock;
    }

    /** The clock as it was before it was moved. */
    public static void restore(Clock previous) {
        clock = previous;
    }
}
