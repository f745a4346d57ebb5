package io.chorus.identity;

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
 * Counts failed logins per account and per client address in fixed windows, in PostgreSQL so that every instance behind
 * a load balancer shares the counts. Keys are HMACs under the server secret: neither addresses nor emails are stored.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final AuthConfig.Throttle config;
    private final byte[] key;

    @Inject
    public LoginThrottle(EntityManager em, AuthConfig auth, ChorusConfig chorus) {
        this.em = em;
        this.config = auth.throttle();
        this.key = chorus.secret().getBytes(StandardCharsets.UTF_8);
    }

    public String accountKey(String organization, String email) {
        return hmac("account:" + organization + ":" + email.toLowerCase());
    }

    public String clientKey(String clientAddress) {
        return hmac("client:" + clientAddress);
    }

    /** Refuses with 429 and Retry-After while either key has used up its failures. */
    @Transactional
    public void check(String accountKey, String clientKey) {
        Optional<Duration> wait = blockedFor(accountKey, config.accountMaxFailures())
                .or(() -> blockedFor(clientKey, config.clientMaxFailures()));
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            throw new ProblemException(429, "too-many-login-attempts", "Too many login attempts",
                    "Too many failed logins. Try again in " + seconds + " seconds.", null,
                    Map.of("Retry-After", String.valueOf(seconds)));
        }
    }

    @Transactional
    public void recordFailure(String accountKey, String clientKey) {
        for (String key : List.of(accountKey, clientKey)) {
            em.createNativeQuery(
                    """
                            insert into login_throttle (key, failures, window_started_at) values (?1, 1, now())
                            on conflict (key) do update set
                              failures = case when login_throttle.window_started_at < now() - ?2 * interval '1 second' then 1
                                              else login_throttle.failures + 1 end,
                              window_started_at = case when login_throttle.window_started_at < now() - ?2 * interval '1 second' then now()
                                                       else login_throttle.window_started_at end
                            """)
                    .setParameter(1, key).setParameter(2, config.window().toSeconds()).executeUpdate();
        }
    }

    @Transactional
    public void recordSuccess(String accountKey) {
        em.createNativeQuery("delete from login_throttle where key = ?1").setParameter(1, accountKey).executeUpdate();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldWindows() {
        em.createNativeQuery("delete from login_throttle where window_started_at < now() - ?1 * interval '1 second'")
                .setParameter(1, config.window().toSeconds()).executeUpdate();
    }

    private Optional<Duration> blockedFor(String key, int maxFailures) {
        List<?> rows = em.createNativeQuery("""
                select failures, extract(epoch from window_started_at + ?2 * interval '1 second' - now())
                from login_throttle where key = ?1""").setParameter(1, key).setParameter(2, config.window().toSeconds())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        int failures = ((Number) row[0]).intValue();
        double secondsLeft = ((Number) row[1]).doubleValue();
        if (failures < maxFailures || secondsLeft <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (secondsLeft * 1000)));
    }

    private String hmac(String value) {
        return HexFormat.of().formatHex(SecretTokens.hmac(key, value));
    }
}
