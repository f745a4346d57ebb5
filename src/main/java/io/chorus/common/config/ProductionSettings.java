package io.chorus.common.config;

import java.util.List;

import io.smallrye.config.ConfigSourceContext;

/**
 * The settings production cannot run without. A missing one stops the start with one line that names it: there is never
 * a fallback to a development key or database.
 */
final class ProductionSettings {

    record Required(String property, String environment, String purpose) {
    }

    static final List<Required> REQUIRED = List.of(
            new Required(LocalEnvironment.JDBC_URL, "QUARKUS_DATASOURCE_JDBC_URL", "the PostgreSQL JDBC URL"),
            new Required("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME", "the PostgreSQL user"),
            new Required("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD", "the PostgreSQL password"),
            new Required(LocalEnvironment.SIGN_KEY, "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                    "the RSA private key (PEM) that signs access tokens"),
            new Required(LocalEnvironment.VERIFY_KEY, "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    "the RSA public key (PEM) that verifies access tokens"),
            new Required(LocalEnvironment.SECRET, "CHORUS_SECRET",
                    "a random secret of at least 32 characters for keyed hashes and signed links"),
            new Required("chorus.public-base-url", "CHORUS_PUBLIC_BASE_URL",
                    "the public base URL of this service, e.g. https://chorus.example.com"));

    private ProductionSettings() {
    }

    static void requireAll(ConfigSourceContext context) {
        for (Required required : REQUIRED) {
            if (LocalEnvironment.isMissing(context, required.property())) {
                refuse(required.environment() + " is not set: " + required.purpose() + " (config key "
                        + required.property() + ")");
            }
        }
        String secret = context.getValue(LocalEnvironment.SECRET).getValue();
        if (secret.length() < 32) {
            refuse("CHORUS_SECRET is too short: it needs at least 32 characters (config key chorus.secret)");
        }
    }

    private static void refuse(String reason) {
        System.err.println("Chorus cannot start in production: " + reason);
        System.err.flush();
        Runtime.getRuntime().halt(78); // EX_CONFIG; halt: nothing has started that needs shutting down
    }
}
