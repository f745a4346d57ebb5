package io.chorus.analytics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chorus.analytics.AnalyticsViews.DayFigures;

/**
 * Shares, clicks and unique visitors for every day of a range, in order, zeros on the days without any: the per-day
 * series of a content item and of the dashboard.
 */
final class DaySeries {

    private final Map<LocalDate, long[]> days = new LinkedHashMap<>();

    DaySeries(AnalyticsRange range) {
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            days.put(day, new long[3]);
        }
    }

    /** The day's sums (shares, clicks, visitors), to add to. */
    long[] of(Object day) {
        return days.get(((Date) day).toLocalDate());
    }

    List<DayFigures> figures() {
        List<DayFigures> figures = new ArrayList<>(days.size());
        days.forEach((day, sum) -> figures.add(new DayFigures(day, sum[0], sum[1], sum[2])));
        return figures;
    }
}
