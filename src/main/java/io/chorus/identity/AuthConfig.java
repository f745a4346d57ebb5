package io.chorus.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Login, token and password settings under {@code chorus.auth.}. */
@ConfigMapping(prefix = "chorus.auth")
public interface AuthConfig {

    /** Lifetime of access tokens; at most 15 minutes. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    @WithDefault("P30D")
    Duration refreshTokenLifetime();

    @WithDefault("P7D")
    Duration invitationLifetime();

    PasswordHash passwordHash();

    Throttle throttle();

    /** Argon2id parameters; stored hashes carry their own, so changing these affects new hashes only. */
    interface PasswordHash {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    interface Throttle {
        /** Failed logins for one account within the window before further attempts are refused. */
        @WithDefault("5")
        int accountMaxFailures();

        /** Failed logins from one client address within the window before it is refused. */
        @WithDefault("20")
        int clientMaxFailures();

        @WithDefault("PT15M")
        Duration window();
    }
}
