package io.chorus.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Calendar periods in the organization's time zone: weeks start on Monday; "all" starts at the epoch. */
public enum Periods {
    WEEK('w'), MONTH('m'), QUARTER('q'), YEAR('y'), ALL('a');

    public static final LocalDate BEGINNING = LocalDate.EPOCH;
    private final char code;

    Periods(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Periods of(String id) {
        for (Periods period : values()) {
            if (period.id().equals(id)) {
                return period;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** The first day of the period that contains {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> day.withDayOfYear(1);
            case ALL -> BEGINNING;
        };
    }

    /** The last day of the period that starts on {@code start} (for ALL: none). */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
            case ALL -> null;
        };
    }
}
