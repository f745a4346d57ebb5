package io.chorus.common.throttle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the public endpoints that take a secret token, under {@code chorus.throttle.}. */
@ConfigMapping(prefix = "chorus.throttle")
public interface ThrottleConfig {

    /** Failed invitation acceptances (unknown, used or expired tokens) from one client address within the window. */
    @WithDefault("10")
    int invitationMaxFailures();

    @WithDefault("PT15M")
    Duration invitationWindow();

    /** How often one one-click share link may be followed within the window. */
    @WithDefault("20")
    int shareLinkMaxFollows();

    /** Refused one-click share links (tampered or expired) from one client address within the window. */
    @WithDefault("20")
    int shareLinkMaxFailures();

    @WithDefault("PT1H")
    Duration shareLinkWindow();
}
