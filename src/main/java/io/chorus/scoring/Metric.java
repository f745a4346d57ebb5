package io.chorus.scoring;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a leaderboard ranks by, and a campaign's goal counts: a member's points, shares or clicks. Each is a column of
 * the score tables of the same name, and only these names ever reach SQL: what a caller passes is parsed into one of
 * them first ({@link #of}).
 */
public enum Metric {
    POINTS("points"), SHARES("shares"), CLICKS("clicks");

    /** Their names, in the order forms offer them. */
    public static final List<String> NAMES = List.of("points", "shares", "clicks");

    private final String id;

    Metric(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The column of campaign_scores and score_totals that holds it. */
    public String column() {
        return id;
    }

    /** The metric named, or IllegalArgumentException. */
    public static Metric of(String name) {
        for (Metric metric : values()) {
            if (metric.id.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
