package io.chorus.common.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

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
        requirePublicBaseUrl(context.getValue("chorus.public-base-url").getValue().strip());
        requireMatchingKeys(context.getValue(LocalEnvironment.SIGN_KEY).getValue().strip(),
                context.getValue(LocalEnvironment.VERIFY_KEY).getValue().strip());
        if (!LocalEnvironment.isMissing(context, "chorus.bootstrap.operator-email")) {
            var password = context.getValue("chorus.bootstrap.operator-password");
            if (password == null || password.getValue() == null || password.getValue().length() < 10) {
                refuse("CHORUS_BOOTSTRAP_OPERATOR_PASSWORD must be set, with at least 10 characters, when"
                        + " CHORUS_BOOTSTRAP_OPERATOR_EMAIL is (config key chorus.bootstrap.operator-password)");
            }
        }
    }

    /** Links and the token issuer are built on it: an absolute http(s) URL, no trailing slash. */
    private static void requirePublicBaseUrl(String url) {
        boolean valid;
        try {
            URI uri = new URI(url);
            valid = uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && !url.endsWith("/") && uri.getQuery() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            valid = false;
        }
        if (!valid) {
            refuse("CHORUS_PUBLIC_BASE_URL must be an absolute http(s) URL without a trailing slash, e.g."
                    + " https://chorus.example.com (config key chorus.public-base-url)");
        }
    }

    /**
     * Both keys are read and a test signature is verified, so that an unreadable key or a pair that does not match
     * stops the start instead of failing every login later. Locations other than files (classpath:, http:) are left to
     * SmallRye JWT.
     */
    private static void requireMatchingKeys(String signLocation, String verifyLocation) {
        Optional<Path> signFile = file(signLocation);
        Optional<Path> verifyFile = file(verifyLocation);
        if (signFile.isEmpty() || verifyFile.isEmpty()) {
            return;
        }
        PrivateKey privateKey = (PrivateKey) readKey(signFile.get(), true, "SMALLRYE_JWT_SIGN_KEY_LOCATION");
        PublicKey publicKey = (PublicKey) readKey(verifyFile.get(), false, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        try {
            byte[] probe = "chorus-key-check".getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                refuse("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not the public key of SMALLRYE_JWT_SIGN_KEY_LOCATION:"
                        + " tokens would be signed with one key and checked with another");
            }
        } catch (GeneralSecurityException e) {
            refuse("MP_JWT_VERIFY_PUBLICKEY_LOCATION and SMALLRYE_JWT_SIGN_KEY_LOCATION cannot be used together for"
                    + " RS256 signatures");
        }
    }

    private static Optional<Path> file(String location) {
        if (location.startsWith("file:")) {
            return Optional.of(Path.of(URI.create(location)));
        }
        return location.contains(":") && !location.matches("^[A-Za-z]:[\\\\/].*") ? Optional.empty()
                : Optional.of(Path.of(location));
    }

    private static Key readKey(Path file, boolean isPrivate, String variable) {
        String kind = isPrivate ? "an RSA private key (PKCS#8 PEM, BEGIN PRIVATE KEY)"
                : "an RSA public key (PEM, BEGIN PUBLIC KEY)";
        try {
            String pem = Files.readString(file);
            String marker = isPrivate ? "PRIVATE KEY" : "PUBLIC KEY";
            int begin = pem.indexOf("-----BEGIN " + marker + "-----");
            int end = pem.indexOf("-----END " + marker + "-----");
            if (begin < 0 || end < begin) {
                refuse(variable + " is not " + kind + ": " + file);
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + marker.length() + 16, end));
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return isPrivate ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                    : factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            refuse(variable + " cannot be read: " + file);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            refuse(variable + " is not " + kind + ": " + file);
        }
        throw new IllegalStateException("unreachable");
    }

    private static void refuse(String reason) {
        System.err.println("Chorus cannot start in production: " + reason);
        System.err.flush();
        Runtime.getRuntime().halt(78); // EX_CONFIG; halt: nothing has started that needs shutting down
    }
}
