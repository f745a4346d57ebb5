package io.chorus.scoring;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How leaderboards are kept. */
@ConfigMapping(prefix = "chorus.leaderboards")
public interface LeaderboardConfig {

    /**
     * How old a ranking held in memory may get before it is rebuilt from the database: the longest that changes
     * committed by another instance of Chorus take to show (this instance's own changes show at once).
     */
    @WithDefault("PT30S")
    Duration refreshAfter();
}
