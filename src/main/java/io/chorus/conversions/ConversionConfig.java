package io.chorus.conversions;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.conversions")
public interface ConversionConfig {

    /** How many threads write reported conversions, each a batch per transaction. */
    @WithDefault("2")
    int writers();

    /** The most conversions written in one transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * How many reports may wait for a writer; beyond it a report is refused with 503 and Retry-After (never accepted
     * and then lost).
     */
    @WithDefault("20000")
    int maxWaiting();

    /**
     * How long a conversion waits for its click to be written (clicks are written in batches, and the database may be
     * away a while) before it is recorded as unattributed.
     */
    @WithDefault("PT15M")
    Duration pendingFor();

    /** How often waiting conversions are matched with the clicks written meanwhile. */
    @WithDefault("PT2S")
    Duration attributeEvery();

    /** How long a key is remembered (a revoked one stops at once on the instance that revoked it). */
    @WithDefault("PT30S")
    Duration keyCacheTtl();
}
