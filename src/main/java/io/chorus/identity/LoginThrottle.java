package io.chorus.identity;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.throttle.Throttle;

/**
 * Counts failed logins per account and per client address in fixed windows (shared by every instance through
 * {@link Throttle}). Neither addresses nor emails are stored, only keyed hashes of them.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Throttle throttle;
    private final AuthConfig.Throttle config;

    @Inject
    public LoginThrottle(Throttle throttle, AuthConfig auth) {
        this.throttle = throttle;
        this.config = auth.throttle();
    }

    public String accountKey(String organization, String email) {
        return throttle.key("account", organization + ":" + email.toLowerCase());
    }

    public String clientKey(String clientAddress) {
        return throttle.key("client", clientAddress);
    }

    /** How long either key must still wait, when one has used up its failures. */
    public Optional<Duration> blockedFor(String accountKey, String clientKey) {
        return throttle.blockedFor(accountKey, config.accountMaxFailures(), config.window())
                .or(() -> throttle.blockedFor(clientKey, config.clientMaxFailures(), config.window()));
    }

    public void recordFailure(String accountKey, String clientKey) {
        throttle.count(accountKey, config.window());
        throttle.count(clientKey, config.window());
    }

    public void recordSuccess(String accountKey) {
        throttle.forget(accountKey);
    }
}
