package io.chorus.admin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.chorus.common.problem.ProblemException;
import io.chorus.web.Formats;

/**
 * The days and group an analytics page shows, as its GET form and links carry them: one of the {@link #PRESETS} (the
 * last n days, today included, in the organization's time zone) or {@code from}/{@code to} dates, and a group (blank:
 * everyone). {@code days} is the preset the shown range matches, 0 when it matches none.
 */
public record AnalyticsFilter(int days, String from, String to, String group) {

    public static final List<Integer> PRESETS = List.of(7, 30, 90);
    static final int DEFAULT_DAYS = 30;

    /** From the query: dates when either is given (checked by the analytics service), else a preset (30 days). */
    static AnalyticsFilter of(String days, String from, String to, String group, LocalDate today) {
        String chosenGroup = Formats.choice(group, UUID::fromString).map(UUID::toString).orElse("");
        if (!blank(from) || !blank(to)) {
            return new AnalyticsFilter(0, blank(from) ? "" : from.strip(), blank(to) ? "" : to.strip(), chosenGroup);
        }
        int preset = Formats.choice(days, Integer::valueOf).filter(PRESETS::contains).orElse(DEFAULT_DAYS);
        return new AnalyticsFilter(preset, today.minusDays(preset - 1L).toString(), today.toString(), chosenGroup);
    }

    public List<Integer> presets() {
        return PRESETS;
    }

    /** The query of a preset's link: the last {@code preset} days, this filter's group. */
    public String presetQuery(int preset) {
        return "days=" + preset + (group.isEmpty() ? "" : "&group=" + group);
    }

    UUID groupId() {
        return group.isEmpty() ? null : UUID.fromString(group);
    }

    /** The range as read: its dates, and the preset it is when it ends today. */
    AnalyticsFilter read(LocalDate start, LocalDate end, LocalDate today) {
        long length = ChronoUnit.DAYS.between(start, end) + 1;
        int preset = end.equals(today) && PRESETS.contains((int) length) ? (int) length : 0;
        return new AnalyticsFilter(preset, start.toString(), end.toString(), group);
    }

    private AnalyticsFilter everyone() {
        return new AnalyticsFilter(days, from, to, "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The figures for this filter, or why there are none, in the words of {@code dash:analytics_problem}: a range the
     * service refuses ({@code range}), a group too small to show without singling people out ({@code group_too_small}).
     * A group that is not (or no longer) one of the organization's filters nothing.
     */
    <T> Read<T> read(Function<AnalyticsFilter, T> reader) {
        try {
            return new Read<>(this, reader.apply(this), null);
        } catch (ProblemException e) {
            if (e.status() == 404 && !group.isEmpty()) {
                return everyone().read(reader);
            }
            if (e.slug().equals("group-too-small")) {
                return new Read<>(this, null, "group_too_small");
            }
            if (e.status() == 400) {
                return new Read<>(this, null, "range");
            }
            throw e;
        }
    }

    /** What an analytics page read: the filter it read with, and its figures or the reason it has none. */
    record Read<T>(AnalyticsFilter filter, T figures, String problem) {
        int status() {
            return problem == null ? 200 : problem.equals("range") ? 400 : 422;
        }
    }
}
