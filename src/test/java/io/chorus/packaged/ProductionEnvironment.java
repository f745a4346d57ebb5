package io.chorus.packaged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete, valid set of the environment variables production requires, with a freshly generated RSA key pair written
 * as PEM files (PKCS#8 private key, X.509 public key).
 */
public final class ProductionEnvironment {

    /** Every setting production refuses to start without, by environment variable name. */
    public static final List<String> REQUIRED = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "SMALLRYE_JWT_SIGN_KEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "CHORUS_SECRET", "CHORUS_PUBLIC_BASE_URL");

    public static final String PUBLIC_BASE_URL = "https://chorus.it.example";
    /** Exactly the 32 characters the check demands at least. */
    public static final String SECRET = "it-secret-0123456789-abcdefghijk";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Path privateKey;
    private final Path publicKeyFile;
    private final PublicKey publicKey;

    private ProductionEnvironment(String jdbcUrl, String username, String password, Path privateKey, Path publicKeyFile,
            PublicKey publicKey) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
        this.publicKey = publicKey;
    }

    /** Generates a key pair under {@code target/packaged-it} for a database at this JDBC URL. */
    public static ProductionEnvironment create(String jdbcUrl, String username, String password)
            throws IOException, GeneralSecurityException {
        if (SECRET.length() != 32) {
            throw new IllegalStateException("SECRET must be exactly 32 characters");
        }
        Path root = Files.createDirectories(Path.of("target", "packaged-it"));
        Path keys = Files.createTempDirectory(root, "keys-");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateKey = keys.resolve("private.pem").toAbsolutePath();
        Path publicKey = keys.resolve("public.pem").toAbsolutePath();
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return new ProductionEnvironment(jdbcUrl, username, password, privateKey, publicKey, pair.getPublic());
    }

    /** The settings, with the key locations as plain file paths. A new, mutable map on every call. */
    public Map<String, String> settings() {
        return settings(privateKey.toString(), publicKeyFile.toString());
    }

    /** The same settings, with the key locations as {@code file:} URIs. */
    public Map<String, String> settingsWithKeyUris() {
        return settings(privateKey.toUri().toString(), publicKeyFile.toUri().toString());
    }

    private Map<String, String> settings(String privateKeyLocation, String publicKeyLocation) {
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        settings.put("QUARKUS_DATASOURCE_USERNAME", username);
        settings.put("QUARKUS_DATASOURCE_PASSWORD", password);
        settings.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", privateKeyLocation);
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyLocation);
        settings.put("CHORUS_SECRET", SECRET);
        settings.put("CHORUS_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        return settings;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
