package io.chorus.sso;

/**
 * A step of the exchange with an identity provider failed; {@code step} tells which (discovery, token, jwks, id-token).
 * {@link #unavailable()} tells a provider that could not be reached or answered nothing usable (too late, too much, not
 * JSON) from one that answered and refused.
 */
public class OidcException extends RuntimeException {
    private final String step;
    private final boolean unavailable;

    /** The provider answered, and refused (or its answer does not check out). */
    public OidcException(String step, String message) {
        this(step, message, false);
    }

    private OidcException(String step, String message, boolean unavailable) {
        super(message, null, false, false);
        this.step = step;
        this.unavailable = unavailable;
    }

    /** The provider could not be reached, or did not answer in time or within the size limit. */
    public static OidcException unavailable(String step, String message) {
        return new OidcException(step, message, true);
    }

    public String step() {
        return step;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
