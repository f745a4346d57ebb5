package io.chorus.analytics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.analytics")
public interface AnalyticsConfig {

    /**
     * The fewest active ambassadors a breakdown row (a group, a retention cohort) may cover; smaller rows are folded
     * into an "other" row, so that no one can be singled out through a small group.
     */
    @WithDefault("5")
    int minGroupSize();

    /** How often the rollup brings the aggregates up to date (read by the scheduler, documented here). */
    @WithDefault("PT2S")
    Duration rollupInterval();

    /** The most click batches (up to chorus.clicks.batch-size clicks each) one rollup transaction takes on. */
    @WithDefault("400")
    int rollupBatches();

    /** The most new shares one rollup transaction takes on. */
    @WithDefault("100000")
    int rollupShares();
}
