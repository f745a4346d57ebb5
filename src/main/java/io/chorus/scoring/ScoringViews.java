package io.chorus.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.chorus.common.Money;

/** What the scoring endpoints accept and answer. */
public final class ScoringViews {

    private ScoringViews() {
    }

    /** One rule: {@code dailyCap} null means no cap. */
    public record RuleView(@NotNull ScoringAction action, @NotNull @Min(0) @Max(10_000) Integer points,
            @Min(0) @Max(1_000_000) Integer dailyCap) {
    }

    public record Entry(long rank, UUID memberId, String name, long points, long shares, long clicks) {
    }

    public record Standing(long rank, long points, long shares, long clicks) {
    }

    /** A leaderboard: {@code from} and {@code to} are the period's first and last days in the organization's zone. */
    public record Leaderboard(Periods period, String metric, UUID groupId, LocalDate from, LocalDate to,
            List<Entry> entries, Standing me) {
    }

    /** Level {@code number} starts at {@code from} lifetime points; {@code nextAt} is null at the top level. */
    public record Level(int number, long from, Long nextAt, int progressPercent) {
    }

    public record Breakdown(long share, long click, long submission, long campaign, long adjustment, long conversion) {
    }

    /** A badge: {@code campaignId} for a campaign goal, {@code month} (YYYY-MM) for a monthly top 10. */
    public record Badge(String id, Instant awardedAt, UUID campaignId, String month) {
    }

    /** {@code conversions}: credited to the member's shares, with their value per currency. */
    public record Score(long points, long rank, Level level, List<Badge> badges, Breakdown breakdown, long conversions,
            Map<String, BigDecimal> conversionValue) {
    }

    /** A manual correction: points may be negative, never zero; the reason is required. */
    public record AdjustmentRequest(@NotNull @Min(-100_000) @Max(100_000) Integer points,
            @NotNull @Size(min = 1, max = 500) String reason) {
    }

    public record LedgerEntry(long id, UUID memberId, ScoringAction action, int points, int cut, UUID shareId,
            UUID contentId, String reason, Instant at) {
    }

    /**
     * The organization's general settings: its time zone (days and calendar periods), the lifetime points at which each
     * level starts (the first is 0), and what one click is worth for the earned media value estimate (null: none).
     */
    public record OrganizationSettingsView(@NotNull @Size(min = 1, max = 64) String timeZone,
            @NotNull @Size(min = 2, max = 20) List<@NotNull @Min(0) @Max(100_000_000) Integer> levelThresholds,
            @Valid Money costPerClick) {
    }
}
