package io.chorus.common.throttle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.SecretTokens;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * Counters in fixed windows, kept in PostgreSQL so that every instance behind a load balancer shares them. Keys are
 * HMACs under the server secret: neither client addresses, emails nor tokens are stored. Windows are at most a day
 * long: older counters are forgotten.
 */
@ApplicationScoped
public class Throttle {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    private final EntityManager em;
    private final byte[] key;

    @Inject
    public Throttle(EntityManager em, ChorusConfig chorus) {
        this.em = em;
        this.key = chorus.secret().getBytes(StandardCharsets.UTF_8);
    }

    /** The counter's key for a value of some kind ({@code "client"}, {@code "share-link"}...): a keyed hash. */
    public String key(String kind, String value) {
        return HexFormat.of().formatHex(SecretTokens.hmac(key, kind + ":" + value));
    }

    /** How long until the counter under this key drops below {@code max}; empty when it is below already. */
    @Transactional
    public Optional<Duration> blockedFor(String key, int max, Duration window) {
        List<?> rows = em.createNativeQuery("""
                select hits, extract(epoch from window_started_at + ?2 * interval '1 second' - now())
                from throttle_counters where key = ?1""").setParameter(1, key).setParameter(2, window.toSeconds())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        int hits = ((Number) row[0]).intValue();
        double secondsLeft = ((Number) row[1]).doubleValue();
        if (hits < max || secondsLeft <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (secondsLeft * 1000)));
    }

    /** Counts one more under the key, starting a new window when the last one is over. */
    @Transactional
    public void count(String key, Duration window) {
        em.createNativeQuery("""
                insert into throttle_counters (key, hits, window_started_at) values (?1, 1, now())
                on conflict (key) do update set
                  hits = case when throttle_counters.window_started_at < now() - ?2 * interval '1 second' then 1
                               else throttle_counters.hits + 1 end,
                  window_started_at = case when throttle_counters.window_started_at < now() - ?2 * interval '1 second'
                                           then now() else throttle_counters.window_started_at end
                """).setParameter(1, key).setParameter(2, window.toSeconds()).executeUpdate();
    }

    @Transactional
    public void forget(String key) {
        em.createNativeQuery("delete from throttle_counters where key = ?1").setParameter(1, key).executeUpdate();
    }

    /** The 429 answer: a problem with Retry-After in whole seconds, rounded up. */
    public static ProblemException tooMany(String slug, String title, String what, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + 1);
        return new ProblemException(429, slug, title, what + " Try again in " + seconds + " seconds.", null,
                Map.of("Retry-After", String.valueOf(seconds)));
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldWindows() {
        em.createNativeQuery("delete from throttle_counters where window_started_at < now() - ?1 * interval '1 second'")
                .setParameter(1, LONGEST_WINDOW.toSeconds()).executeUpdate();
    }
}
