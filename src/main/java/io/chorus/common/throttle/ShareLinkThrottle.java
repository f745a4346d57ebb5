package io.chorus.common.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One-click share links work without a login: one link may be followed only so often in a window (a leaked link cannot
 * be hammered), and a client address whose links keep being refused (tampered, expired) is turned away.
 */
@ApplicationScoped
public class ShareLinkThrottle {

    private final Throttle throttle;
    private final ThrottleConfig config;

    @Inject
    public ShareLinkThrottle(Throttle throttle, ThrottleConfig config) {
        this.throttle = throttle;
        this.config = config;
    }

    /** Counts a follow of the link, or refuses it with 429 when the link or the client has used up its allowance. */
    public void follow(String token, String clientAddress) {
        String link = throttle.key("share-link", token);
        throttle.blockedFor(clientKey(clientAddress), config.shareLinkMaxFailures(), config.shareLinkWindow())
                .or(() -> throttle.blockedFor(link, config.shareLinkMaxFollows(), config.shareLinkWindow()))
                .ifPresent(wait -> {
                    throw Throttle.tooMany("too-many-share-link-requests", "Too many requests",
                            "This share link, or this address, has been used too often.", wait);
                });
        throttle.count(link, config.shareLinkWindow());
    }

    public void refused(String clientAddress) {
        throttle.count(clientKey(clientAddress), config.shareLinkWindow());
    }

    private String clientKey(String clientAddress) {
        return throttle.key("share-link-client", clientAddress);
    }
}
