package io.chorus.sharing.clicks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.clicks")
public interface ClickConfig {

    /**
     * How many clicks may wait in memory for the database (while it is slow or unreachable) before new ones are dropped
     * (counted and logged). A waiting click takes about 150 bytes: the default holds 300 MB at most, a minute of the
     * heaviest traffic measured (see BENCHMARKS.md) or minutes of a viral burst while the database is away.
     */
    @WithDefault("2000000")
    int bufferCapacity();

    /**
     * How many threads write clicks, each with its own connection and its own lane of sharers: more keep up with
     * heavier traffic (they get more of the CPU in a burst that saturates it). One sharer's clicks are written by one
     * writer, so a single viral link is written at one writer's pace.
     */
    @WithDefault("4")
    int writers();

    /** The most clicks written in one COPY. */
    @WithDefault("5000")
    int batchSize();

    /** The longest a click waits before its batch is written. */
    @WithDefault("PT1S")
    Duration flushInterval();

    /**
     * The longest a writer waits for the database to answer one batch before it gives up and retries it: a database
     * that stops answering holds neither the clicks nor the shutdown.
     */
    @WithDefault("PT10S")
    Duration writeTimeout();

    /** On shutdown, how long to keep trying to write what is still buffered. */
    @WithDefault("PT10S")
    Duration shutdownDeadline();

    /**
     * How often the remembered short links are read again from the database (all of them, a thousand to a statement).
     * Edits made on this instance apply at once; this bounds how stale another instance can be, and how late a
     * campaign's start or end reaches the links' UTM parameters.
     */
    @WithDefault("PT30S")
    Duration linkCacheTtl();

    /** How many short links are remembered. */
    @WithDefault("100000")
    int linkCacheSize();

    /**
     * Whether the robot detector's rules (several seconds of CPU, on a thread of their own) are read when the service
     * starts, or at the first click.
     */
    @WithDefault("true")
    boolean robotRulesAtStart();
}
