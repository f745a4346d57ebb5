package io.chorus.sources;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Content sources' settings, under {@code chorus.sources.}; docs/content-sources.md describes each. */
@ConfigMapping(prefix = "chorus.sources")
public interface SourcesConfig {

    /** How often each instance looks for due sources (a duration such as {@code PT30S}); {@code off} stops it. */
    @WithDefault("PT30S")
    String pollInterval();

    /** How long after a fetch that worked a source is fetched again. */
    @WithDefault("PT15M")
    Duration refreshInterval();

    /** The whole fetch of a feed — connection, redirects and the body to its last byte. */
    @WithDefault("PT10S")
    Duration timeout();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** A feed longer than this is an error; it is not read further. */
    @WithDefault("5242880")
    int maxBytes();

    @WithDefault("3")
    int maxRedirects();

    /** The first items of a feed that are looked at (feeds list their newest first); the rest are ignored. */
    @WithDefault("100")
    int maxItems();

    /** Items of one fetch whose page is read for its Open Graph tags, when the feed lacks a title, summary or image. */
    @WithDefault("10")
    int maxPreviews();

    /** The wait after the first failed fetch; doubled after each further one (with jitter), up to the longest. */
    @WithDefault("PT5M")
    Duration firstRetryAfter();

    @WithDefault("PT6H")
    Duration maxRetryAfter();

    /**
     * Sources one poller claims at a time: with {@link #concurrency()}, small enough that the batch ends well within
     * the lease even when every fetch and its page reads take their longest (four one after another: 4 × (10 s + 10
     * pages × 5 s) = 240 s of the 5 minutes).
     */
    @WithDefault("4")
    int batchSize();

    /**
     * Sources one poller fetches at the same time: one by default, as polling is background work that should leave the
     * cores to the members' requests (see docs/content-sources.md).
     */
    @WithDefault("1")
    int concurrency();

    /** How long a claimed source is its poller's: one that died is taken over after it. */
    @WithDefault("PT5M")
    Duration lease();
}
