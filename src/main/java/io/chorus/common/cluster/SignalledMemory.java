package io.chorus.common.cluster;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What an instance remembers of rows whose changes a {@link DatabaseSignals} channel announces, by the id each signal
 * carries: a value is remembered only while the channel is {@link DatabaseSignals#live live}, a signal forgets its id
 * at once (a payload that is no id forgets everything), losing the channel forgets everything, and until it is heard
 * again every value is read anew. A value read before a forgetting is never remembered after it. The memory also
 * expires, as a safety net only.
 */
public final class SignalledMemory<V> implements DatabaseSignals.Listener {

    private final DatabaseSignals signals;
    private final String channel;
    private final Cache<UUID, V> remembered;
    /** Counts what was forgotten: an answer read before a forgetting is not remembered after it. */
    private final AtomicLong forgettings = new AtomicLong();

    /** Remembers at most {@code maximumSize} values, each for at most {@code expiry}; hears {@code channel}. */
    public SignalledMemory(DatabaseSignals signals, String channel, long maximumSize, Duration expiry) {
        this.signals = signals;
        this.channel = channel;
        this.remembered = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expiry).build();
        signals.listen(channel, this);
    }

    /** The value remembered for {@code key} while the channel is heard; else null. */
    public V remembered(UUID key) {
        return signals.live(channel) ? remembered.getIfPresent(key) : null;
    }

    /** The value for {@code key}: remembered, or {@code read} (and remembered, if nothing was forgotten meanwhile). */
    public V get(UUID key, Function<UUID, V> read) {
        V known = remembered(key);
        if (known == null) {
            long mark = mark();
            known = read.apply(key);
            remember(mark, key, known);
        }
        return known;
    }

    /** Taken before reading values to {@link #remember}: -1 when the channel is not heard. */
    public long mark() {
        return signals.live(channel) ? forgettings.get() : -1;
    }

    /** Remembers a value read after {@code mark}, unless something was forgotten since or the channel was lost. */
    public void remember(long mark, UUID key, V value) {
        if (mark >= 0 && forgettings.get() == mark && signals.live(channel)) {
            remembered.put(key, value);
        }
    }

    /** Forgets what is remembered for {@code key} (a change this instance just committed, say). */
    public void forget(UUID key) {
        forgettings.incrementAndGet();
        remembered.invalidate(key);
    }

    @Override
    public void signal(String payload) {
        try {
            forget(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            missed();
        }
    }

    @Override
    public void missed() {
        forgettings.incrementAndGet();
        remembered.invalidateAll();
    }
}
