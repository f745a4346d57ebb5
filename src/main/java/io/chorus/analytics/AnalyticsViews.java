package io.chorus.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chorus.conversions.ConversionTotals;

/** What the analytics endpoints answer. Rates are fractions (0 to 1) with 4 decimals, null when undefined. */
public final class AnalyticsViews {

    private AnalyticsViews() {
    }

    /** Ambassadors in scope: all of them, the active ones (accepted, not deactivated), the active ones who shared. */
    public record Members(long total, long active, long sharing) {
    }

    public record TopContent(UUID contentId, String title, long shares, long clicks) {
    }

    /**
     * The share of all clicks earned by the {@code topAmbassadors} active ambassadors who earned the most (5% of the
     * active ambassadors, rounded up); null when there were no clicks or when fewer than the minimum group size.
     */
    public record Concentration(BigDecimal top5PercentShareOfClicks, long topAmbassadors) {
    }

    /** An estimate: clicks times the cost per click the organization set. Not revenue. */
    /** An estimate, never revenue: {@code formula} says how it was made, to be shown beside it. */
    public record EarnedMediaValue(boolean estimate, BigDecimal amount, String currency, BigDecimal costPerClick,
            long clicks, String formula) {
    }

    /**
     * The figures of a range and group. {@code editedShares} of its shares changed the offered message first,
     * {@code personalisedShareRate} = editedShares / shares: how often members personalise.
     */
    public record Overview(LocalDate from, LocalDate to, String timeZone, UUID groupId, Members members,
            BigDecimal participationRate, long shares, long clicks, long uniqueVisitors, long editedShares,
            BigDecimal personalisedShareRate, Map<String, Long> clicksByNetwork, List<TopContent> topContent,
            Concentration concentration, EarnedMediaValue earnedMediaValue, long conversions,
            Map<String, BigDecimal> conversionValue) {

        /** The same figures with the range's conversions, read when the answer is served. */
        Overview with(ConversionTotals totals) {
            return new Overview(from, to, timeZone, groupId, members, participationRate, shares, clicks, uniqueVisitors,
                    editedShares, personalisedShareRate, clicksByNetwork, topContent, concentration, earnedMediaValue,
                    totals.conversions(), totals.conversionValue());
        }
    }

    public record ParticipationRow(String key, String label, long members, long sharing, BigDecimal participationRate,
            long shares, long clicks) {
    }

    public record Participation(LocalDate from, LocalDate to, String timeZone, UUID groupId, String groupBy,
            List<ParticipationRow> rows) {
    }

    /** Members whose first share was in the cohort's month; activeByWeek[i]: those who shared in week i+1 after it. */
    public record Cohort(String cohort, long members, List<Long> activeByWeek) {
    }

    public record Retention(LocalDate from, LocalDate to, String timeZone, UUID groupId, int weeks,
            List<Cohort> cohorts) {
    }

    public record Figures(long shares, long clicks, long uniqueVisitors) {
    }

    public record DayFigures(LocalDate date, long shares, long clicks, long uniqueVisitors) {
    }

    /**
     * One content item's performance. Its shares are counted once, with breakdowns by the language its sharers were
     * shown and by suggested message; {@code editedShares} of them changed the offered message,
     * {@code personalisedShareRate} = editedShares / shares.
     */
    public record ContentAnalytics(UUID contentId, String title, LocalDate from, LocalDate to, String timeZone,
            UUID groupId, long shares, long clicks, long uniqueVisitors, Map<String, Figures> byNetwork,
            List<DayFigures> byDay, EarnedMediaValue earnedMediaValue, List<LanguageFigures> byLanguage,
            List<MessageFigures> byMessage, long editedShares, BigDecimal personalisedShareRate) {
    }

    /** Shares of an item made in a language, and their clicks; shares older than languages count as "other". */
    public record LanguageFigures(String language, long shares, long clicks) {
    }

    /**
     * The shares made from one suggested message (a network's message {@code index} in a language, 0 the primary) and
     * their clicks; {@code editedShares} of them changed it first. {@code text} is the message as the item has it now,
     * null once it is no longer there.
     */
    public record MessageFigures(String language, String network, int index, String text, long shares, long clicks,
            long editedShares) {
    }

    /**
     * The admin dashboard's figures, read in one snapshot so that they agree: the overview, its shares, clicks and
     * unique visitors for every day of the range, and participation by group.
     */
    /** Attributed conversions per {@code groupBy} row, with their value per currency. */
    public record ConversionRow(String key, String label, long conversions, Map<String, BigDecimal> conversionValue) {
    }

    public record Conversions(LocalDate from, LocalDate to, String timeZone, UUID groupId, String groupBy,
            List<ConversionRow> rows) {
    }

    public record Dashboard(Overview overview, List<DayFigures> byDay, Participation byGroup) {
    }
}
