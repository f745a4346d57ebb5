package io.chorus.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long an outbox (mail, webhooks) waits before trying again what failed: the first wait after the first failed
 * attempt, twice as long after each further one, never longer than the longest.
 */
public record Backoff(Duration first, Duration longest) {

    /** The wait after the nth failed attempt (n from 1). */
    public Duration after(int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /**
     * The same wait with jitter: anywhere between half of it and all of it, so that what failed together (a receiver
     * that was down) does not all come back at the same instant.
     */
    public Duration jittered(int attempts) {
        long millis = after(attempts).toMillis();
        return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
