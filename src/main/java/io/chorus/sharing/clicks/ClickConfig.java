package io.chorus.sharing.clicks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.clicks")
public interface ClickConfig {

    /**
     * How many clicks may wait in memory for the database (while it is slow or unreachable) before new ones are dropped
     * (counted and logged). An event takes a few hundred bytes.
     */
    @WithDefault("500000")
    int bufferCapacity();

    /** The most clicks written in one statement. */
    @WithDefault("5000")
    int batchSize();

    /** The longest a click waits before its batch is written. */
    @WithDefault("PT1S")
    Duration flushInterval();

    /** On shutdown, how long to keep trying to write what is still buffered. */
    @WithDefault("PT10S")
    Duration shutdownDeadline();

    /**
     * How long a short link's destination is remembered without asking the database. Edits made on this instance apply
     * at once; this bounds how stale another instance can be.
     */
    @WithDefault("PT30S")
    Duration linkCacheTtl();

    /** How many short links are remembered. */
    @WithDefault("100000")
    int linkCacheSize();
}
