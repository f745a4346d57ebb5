package io.chorus.sso;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Single sign-on with OpenID Connect, under {@code chorus.sso.}; see docs/single-sign-on.md. */
@ConfigMapping(prefix = "chorus.sso")
public interface SsoConfig {

    /**
     * The whole of each call to an identity provider (discovery, JWKS, token endpoint), from connecting to the answer's
     * last byte: a provider slower than this fails the sign-in (or the saving of its settings) as unavailable.
     */
    @WithDefault("PT5S")
    Duration timeout();

    /** Connecting to an identity provider (within {@link #timeout()}). */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /** Answers of an identity provider larger than this are refused: reading stops there. */
    @WithDefault("262144")
    int maxResponseBytes();

    /** How long a started sign-in may take at the identity provider (its state cookie lives this long). */
    @WithDefault("PT10M")
    Duration stateLifetime();

    /** How long an API client's one-time code may wait to be exchanged. */
    @WithDefault("PT1M")
    Duration codeLifetime();

    /** The clock difference tolerated on an ID token's {@code iat} and {@code exp}. */
    @WithDefault("PT1M")
    Duration clockSkew();

    /**
     * A token naming a key the cached set lacks refetches the provider's JWKS, but not again within this time of the
     * last fetch (concurrent sign-ins after a rotation share one fetch).
     */
    @WithDefault("PT0.3S")
    Duration jwksRefetchInterval();

    /**
     * Plain http to a loopback address (127.0.0.0/8, ::1, localhost) for identity providers: dev and test only (a local
     * Keycloak, the tests' provider). Otherwise every identity provider URL must be https.
     */
    @WithDefault("false")
    boolean allowHttpLoopback();
}
