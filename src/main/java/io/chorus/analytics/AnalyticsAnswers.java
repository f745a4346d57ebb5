package io.chorus.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.chorus.analytics.AnalyticsGenerations.Generation;
import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.analytics.AnalyticsViews.Overview;
import io.chorus.analytics.AnalyticsViews.Participation;
import io.chorus.analytics.AnalyticsViews.Retention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Analytics answers computed once and served again, on this instance. An answer is served while it is younger than
 * {@code max-age}, unless this instance has learnt since it was computed that its organization's figures changed: a
 * change to what they are counted over drops it at once; new shares and clicks counted by the rollup drop it once it is
 * older than {@code fresh-for}. Identical requests that find no answer wait for the one computation under way (single
 * flight), and share its failure too (a problem such as 422 is not remembered).
 */
@Singleton
public class AnalyticsAnswers {

    /**
     * Everything an answer depends on besides the aggregates: whose, what, which days (resolved: the default range and
     * the same dates given explicitly are one answer), today and the time zone those days are in, and the group or
     * content item.
     */
    record Key(UUID organizationId, String kind, LocalDate from, LocalDate to, LocalDate today, String zone,
            UUID groupId, UUID contentId) {
    }

    /** An answer, the generation of its organization's figures it was computed at, and when (ticker nanoseconds). */
    private record Entry(Object value, Generation generation, long computedAt) {
    }

    private final AsyncCache<Key, Entry> cache;
    private final AnalyticsGenerations generations;
    private final Ticker ticker;
    private final long maxAge;
    private final long freshFor;
    private final Counter served;
    private final Counter computed;

    @Inject
    public AnalyticsAnswers(AnalyticsConfig config, AnalyticsGenerations generations, MeterRegistry registry) {
        this(config.maxAge(), config.freshFor(), config.cacheMaxRows(), generations, Ticker.systemTicker(), registry);
    }

    AnalyticsAnswers(Duration maxAge, Duration freshFor, long maxRows, AnalyticsGenerations generations, Ticker ticker,
            MeterRegistry registry) {
        this.generations = generations;
        this.ticker = ticker;
        this.maxAge = maxAge.toNanos();
        this.freshFor = freshFor.toNanos();
        this.cache = Caffeine.newBuilder().maximumWeight(maxRows).weigher((Key key, Entry entry) -> rows(entry.value()))
                .expireAfterWrite(maxAge).ticker(ticker).buildAsync();
        this.served = Counter.builder("chorus.analytics.answers").tag("source", "cache")
                .description("Analytics answers served from memory (computed for an earlier or concurrent request)")
                .register(registry);
        this.computed = Counter.builder("chorus.analytics.answers").tag("source", "computed")
                .description("Analytics answers computed from the aggregates").register(registry);
        registry.gauge("chorus.analytics.answers.remembered", cache, c -> c.synchronous().estimatedSize());
    }

    /** The remembered answer for the key if it may be served, otherwise the one {@code compute} makes (once). */
    @SuppressWarnings("unchecked")
    <T> Answer<T> get(Key key, Supplier<T> compute) {
        while (true) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            CompletableFuture<Entry> found = cache.get(key, (k, executor) -> mine);
            if (found == mine) {
                return (Answer<T>) compute(mine, key, compute);
            }
            Entry entry = await(found);
            if (servable(entry, generations.of(key.organizationId()))) {
                served.increment();
                return (Answer<T>) answer(entry);
            }
            cache.asMap().remove(key, found); // out of date: unless another request replaced it already, compute again
        }
    }

    private Answer<Object> compute(CompletableFuture<Entry> mine, Key key, Supplier<?> compute) {
        // Read before the snapshot is taken: a change committed after this makes the answer out of date.
        Generation generation = generations.of(key.organizationId());
        long start = ticker.read();
        try {
            Entry entry = new Entry(compute.get(), generation, start);
            computed.increment();
            mine.complete(entry);
            return answer(entry);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // the cache forgets a failed computation; its waiters get the failure
            throw e;
        }
    }

    private static Entry await(CompletableFuture<Entry> found) {
        try {
            return found.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    private boolean servable(Entry entry, Generation now) {
        long age = ticker.read() - entry.computedAt();
        return age < maxAge && entry.generation().changes() == now.changes()
                && (entry.generation().counts() == now.counts() || age < freshFor);
    }

    private Answer<Object> answer(Entry entry) {
        return new Answer<>(entry.value(), Duration.ofNanos(ticker.read() - entry.computedAt()));
    }

    /** What an answer holds, roughly: its rows (days, groups, weeks, cohorts, top items), each about 100 bytes. */
    static int rows(Object answer) {
        if (answer instanceof Overview overview) {
            return 1 + overview.topContent().size();
        }
        if (answer instanceof Dashboard dashboard) {
            return rows(dashboard.overview()) + dashboard.byDay().size() + rows(dashboard.byGroup());
        }
        if (answer instanceof Participation participation) {
            return 1 + participation.rows().size();
        }
        if (answer instanceof Retention retention) {
            return 1 + retention.cohorts().size();
        }
        if (answer instanceof ContentAnalytics content) {
            return 1 + content.byDay().size() + content.byLanguage().size() + content.byMessage().size();
        }
        return 1;
    }
}
