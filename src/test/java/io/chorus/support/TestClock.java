package io.chorus.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Singleton;

import io.chorus.common.Time;

/**
 * The service's clock in tests. The whole suite runs on one timeline that starts at {@link #SUITE_START}, whatever day
 * the machine says it is, so that no test's outcome depends on the calendar; a test that is about dates moves the clock
 * to an instant of its own ({@link #runFrom}) and closes it to come back. The clock runs on from where it is put.
 */
@Singleton
public class TestClock implements AutoCloseable {

    /**
     * A Wednesday in the middle of a month, far from a DST change, and after every instant of {@link Dates#edges()}: a
     * test that moves the clock only moves it back, so that the background jobs that run meanwhile (expiring content,
     * forgetting old visitors and salts) never treat the other tests' rows as months old.
     */
    public static final Instant SUITE_START = Instant.parse("2028-05-17T10:00:00Z");
    private static final Duration SUITE_OFFSET = Duration.between(Instant.now(), SUITE_START);

    /** The suite's timeline from the start of the service on (this bean exists only in tests). */
    void onStart(@Observes Startup event) {
        suite();
    }

    /** Back to the suite's timeline. */
    public static void suite() {
        Time.runFrom(Instant.now().plus(SUITE_OFFSET));
    }

    /** The service's time is {@code start} from now on, until the answer is closed. */
    public static TestClock runFrom(ZonedDateTime start) {
        Time.runFrom(start.toInstant());
        return new TestClock();
    }

    @Override
    public void close() {
        suite();
    }
}
