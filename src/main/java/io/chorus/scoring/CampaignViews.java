package io.chorus.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.chorus.scoring.ScoringViews.Entry;
import io.chorus.scoring.ScoringViews.Standing;

/** What the campaign endpoints accept and answer. */
public final class CampaignViews {

    private CampaignViews() {
    }

    /** Reach {@code target} of {@code metric} across the campaign's participants. */
    public record Goal(
            @NotNull @Pattern(regexp = "points|shares|clicks", message = "must be points, shares or clicks") String metric,
            @NotNull @Min(1) @Max(100_000_000) Integer target) {
    }

    public record CreateCampaign(@NotBlank @Size(max = 200) String name, @Size(max = 5_000) String description,
            @NotNull Instant startsAt, @NotNull Instant endsAt,
            @NotNull @Size(min = 1, max = 100) List<@NotNull UUID> contentIds,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, @Valid Goal goal, @Size(max = 1_000) String reward,
            @Min(0) @Max(100_000) Integer bonusPoints, Boolean announce) {
    }

    /** Absent fields stay as they are; for the optional ones an explicit null clears the value. */
    public record UpdateCampaign(@Size(min = 1, max = 200) String name, Optional<@Size(max = 5_000) String> description,
            Instant startsAt, Instant endsAt, @Size(min = 1, max = 100) List<@NotNull UUID> contentIds,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, Optional<@Valid Goal> goal,
            Optional<@Size(max = 1_000) String> reward, @Min(0) @Max(100_000) Integer bonusPoints, Boolean announce) {
    }

    /** Live progress towards the goal: {@code percent} stops at 100; {@code reachedAt} once it was reached. */
    public record Progress(String metric, long value, long target, int percent, Instant reachedAt) {
    }

    public record CampaignView(UUID id, String name, String description, String slug, Instant startsAt, Instant endsAt,
            String status, List<UUID> contentIds, List<UUID> targetGroupIds, Goal goal, Progress progress,
            String reward, int bonusPoints, boolean announce, Instant announcedAt, Instant createdAt,
            Instant updatedAt) {
    }

    /** Like a leaderboard, over the campaign's window: only what was earned on its content, by its target groups. */
    public record CampaignLeaderboard(UUID campaignId, String metric, Instant from, Instant to, List<Entry> entries,
            Standing me) {
    }
}
