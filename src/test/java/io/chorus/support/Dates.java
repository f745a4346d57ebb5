package io.chorus.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instants at which date-sensitive tests run: the edges of months and years, in the organization's zone and in UTC,
 * the two DST changes of Europe's zones and a leap day. A test annotated {@link AtEdges} runs once at each, with the
 * instant as its parameter; it moves the service's clock there with {@link TestClock#runFrom}.
 */
public final class Dates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Dates() {
    }

    /** The edges (all in Europe/Paris, so that the day there and in UTC differ at some of them). */
    public static Stream<ZonedDateTime> edges() {
        return Stream.of(
                // the last day of a 31-day month
                ZonedDateTime.of(2027, 1, 31, 12, 0, 0, 0, PARIS),
                // the first day of a month in Paris, still the last day of the month before in UTC
                ZonedDateTime.of(2027, 2, 1, 0, 30, 0, 0, PARIS),
                // the last day of a year
                ZonedDateTime.of(2026, 12, 31, 12, 0, 0, 0, PARIS),
                // the first day of a year in Paris, still the last day of the year before in UTC
                ZonedDateTime.of(2027, 1, 1, 0, 30, 0, 0, PARIS),
                // a 23-hour day: summer time starts (02:00 becomes 03:00)
                ZonedDateTime.of(2027, 3, 28, 12, 0, 0, 0, PARIS),
                // a 25-hour day, which is also the last day of its month: summer time ends (03:00 becomes 02:00)
                ZonedDateTime.of(2027, 10, 31, 12, 0, 0, 0, PARIS),
                // a leap day
                ZonedDateTime.of(2028, 2, 29, 12, 0, 0, 0, PARIS));
    }

    /** Runs the test once at each of {@link #edges()}, given as its {@code ZonedDateTime} parameter. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "at {0}")
    @MethodSource("io.chorus.support.Dates#edges")
    public @interface AtEdges {
    }
}
