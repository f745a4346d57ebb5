package io.chorus.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.chorus.common.http.QueryParams;
import io.chorus.common.problem.ProblemException;

/**
 * The days an analytics request covers, in the organization's time zone: {@code from} and {@code to} included. By
 * default the last 30 days (today included); {@code to} alone means the 30 days up to it, {@code from} alone the days
 * from it to today. At most {@link #MAX_DAYS} days, between {@link #EARLIEST} and {@link #LATEST}.
 */
public record AnalyticsRange(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    public static AnalyticsRange parse(String from, String to, LocalDate today) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end == null) {
            end = start == null ? today : (start.isAfter(today) ? start : today);
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS - 1);
        }
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ProblemException.invalid("to", "the range may cover at most " + MAX_DAYS + " days");
        }
        return new AnalyticsRange(start, end);
    }

    private static LocalDate date(String field, String text) {
        LocalDate day = QueryParams.parse(field, text, AnalyticsRange::date, "must be a date (YYYY-MM-DD)")
                .orElse(null);
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            throw ProblemException.invalid(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return day;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
