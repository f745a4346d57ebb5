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

    /**
     * The most member activity timeline entries (a member and a day on which their shares or clicks changed; 12 bytes
     * each) held in memory over all organizations, so that overview and participation figures need not read every
     * member's running totals. An organization with more is answered from the database. The default holds an
     * organization of 100,000 ambassadors with a year of daily activity (about 8 million entries).
     */
    @WithDefault("15000000")
    long activityMaxEntries();
}
