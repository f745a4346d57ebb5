package io.chorus.scoring;

import java.util.List;

/**
 * Points per award of an action and the most one member may earn from it in one of the organization's days (null: no
 * cap).
 */
public record ScoringRule(ScoringAction action, int points, Integer dailyCap) {

    /** What a new organization scores by until an admin changes it: conversions earn nothing until then. */
    public static final List<ScoringRule> DEFAULTS = List.of(new ScoringRule(ScoringAction.SHARE, 10, 50),
            new ScoringRule(ScoringAction.CLICK, 2, 100), new ScoringRule(ScoringAction.SUBMISSION_APPROVED, 25, 50),
            new ScoringRule(ScoringAction.CONVERSION, 0, 100));

    public static ScoringRule defaultFor(ScoringAction action) {
        return DEFAULTS.stream().filter(r -> r.action == action).findFirst().orElseThrow();
    }

    /** What an award may add when {@code earned} was already earned today: the cap cuts the rest. */
    public int allowed(int earned) {
        return dailyCap == null ? points : Math.max(0, Math.min(points, dailyCap - earned));
    }
}
