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

    /**
     * How long a computed answer may be served again. This instance drops it sooner when it learns that its
     * organization's figures changed (see {@link AnalyticsAnswers}); changes made on other instances show within this.
     */
    @WithDefault("PT1M")
    Duration maxAge();

    /** How long an answer may still be served after the rollup on this instance counted new shares or clicks in it. */
    @WithDefault("PT30S")
    Duration freshFor();

    /** The most rows (days, groups, weeks, cohorts, top items; 100 to 200 bytes each) remembered answers may hold. */
    @WithDefault("500000")
    long cacheMaxRows();
}
