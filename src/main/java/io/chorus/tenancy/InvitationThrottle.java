package io.chorus.tenancy;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.throttle.Throttle;
import io.chorus.common.throttle.ThrottleConfig;

/**
 * Invitation tokens are secrets that a client could try to guess: a client address whose tokens keep failing (unknown,
 * used or expired) is refused with 429 for the rest of the window, whichever way it asks (API or page).
 */
@ApplicationScoped
public class InvitationThrottle {

    private final Throttle throttle;
    private final ThrottleConfig config;

    @Inject
    public InvitationThrottle(Throttle throttle, ThrottleConfig config) {
        this.throttle = throttle;
        this.config = config;
    }

    /** Runs the work unless the client is blocked; a 404 or 410 it raises counts as a failure. */
    public <T> T guard(String clientAddress, Supplier<T> work) {
        check(clientAddress);
        try {
            return work.get();
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 410) {
                failed(clientAddress);
            }
            throw e;
        }
    }

    public void check(String clientAddress) {
        throttle.blockedFor(key(clientAddress), config.invitationMaxFailures(), config.invitationWindow())
                .ifPresent(wait -> {
                    throw Throttle.tooMany("too-many-invitation-attempts", "Too many invitation attempts",
                            "Too many invitation links that do not work were tried from this address.", wait);
                });
    }

    public void failed(String clientAddress) {
        throttle.count(key(clientAddress), config.invitationWindow());
    }

    private String key(String clientAddress) {
        return throttle.key("invitation-client", clientAddress);
    }
}
