package io.chorus.sharing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.sharing")
public interface SharingConfig {

    /** How long a one-click share link works. */
    @WithDefault("P14D")
    Duration shareLinkLifetime();
}
