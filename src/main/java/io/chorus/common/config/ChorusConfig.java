package io.chorus.common.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deployment-wide settings under {@code chorus.}; see README.md for each. */
@ConfigMapping(prefix = "chorus")
public interface ChorusConfig {

    /** The public base URL links are built on (short links, invitation URLs), without a trailing slash. */
    String publicBaseUrl();

    /** The server secret for keyed hashes and signed links; from CHORUS_SECRET in production. */
    String secret();

    /** Where dev and test keep generated keys and the embedded database. */
    @WithDefault(".chorus-data")
    String dataDir();

    Bootstrap bootstrap();

    Http http();

    Demo demo();

    Signals signals();

    interface Signals {
        /** The first wait before listening to the database's signals again after losing them; it doubles, up to 5 s. */
        @WithDefault("PT0.1S")
        Duration retryDelay();
    }

    interface Demo {
        /** Creates the demo organization at start; only honoured outside the prod profile. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Bootstrap {
        /** The operator created at start if it does not exist yet. */
        Optional<String> operatorEmail();

        Optional<String> operatorPassword();
    }

    interface Http {
        /** Request bodies larger than this are refused with 413. */
        @WithDefault("1048576")
        long maxRequestBodyBytes();
    }

    /** A link on this service's public URL: {@code url("/s/abc")}. */
    default String url(String path) {
        String base = publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
