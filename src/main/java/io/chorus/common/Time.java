package io.chorus.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at millisecond precision, so that what is answered equals what is read back. */
public final class Time {

    private Time() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
