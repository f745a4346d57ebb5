package io.chorus.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Makes the service runnable with no setup in dev and test: whatever is not configured is provided from a local data
 * directory (a generated JWT key pair and secret, and an embedded PostgreSQL whose data survives restarts, in the jars
 * that carry it: see {@link EmbeddedDatabase}). In the {@code prod} profile it provides nothing and instead refuses to
 * start when a required setting is missing (see {@link ProductionSettings}).
 */
public class LocalEnvironment implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String SIGN_KEY = "smallrye.jwt.sign.key.location";
    static final String VERIFY_KEY = "mp.jwt.verify.publickey.location";
    static final String SECRET = "chorus.secret";
    private static final int ORDINAL = 200; // below application.properties (250), env (300), system (400)

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().contains("prod")) {
            if (!isAugmentation()) {
                ProductionSettings.requireAll(context);
            }
            return List.of();
        }
        Path dataDir = Path.of(value(context, "chorus.data-dir", ".chorus-data")).toAbsolutePath();
        Map<String, String> provided = new HashMap<>();
        if (isMissing(context, SIGN_KEY) || isMissing(context, VERIFY_KEY)) {
            Path keys = ensureKeyPair(dataDir.resolve("jwt"));
            provided.put(SIGN_KEY, keys.resolve("private.pem").toUri().toString());
            provided.put(VERIFY_KEY, keys.resolve("public.pem").toUri().toString());
        }
        if (isMissing(context, SECRET)) {
            provided.put(SECRET, ensureSecret(dataDir.resolve("secret")));
        }
        // The build also reads configuration (the key locations must be known then, or Quarkus
        // would make up its own dev keys), but the database is only started to run the service.
        if (isMissing(context, JDBC_URL) && !isAugmentation() && !isBuildTool()) {
            boolean fresh = context.getProfiles().contains("test"); // tests start from an empty database
            provided.put(JDBC_URL, EmbeddedDatabase.url(dataDir.resolve("postgres"), fresh));
            provided.put("quarkus.datasource.username", "postgres");
            provided.put("quarkus.datasource.password", "postgres");
        }
        return List.of(new PropertiesConfigSource(provided, "chorus-local-environment", ORDINAL));
    }

    /**
     * Maven's own JVM: surefire, when it forks more than one JVM, lists the tests there first, and Quarkus's test
     * discovery reads configuration; only the forks run the service.
     */
    private static boolean isBuildTool() {
        return System.getProperty("classworlds.conf") != null;
    }

    /** Quarkus also loads config sources while building the application. */
    private static boolean isAugmentation() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null && loader.toString().contains("Deployment Class Loader");
    }

    static boolean isMissing(ConfigSourceContext context, String name) {
        var value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        return isMissing(context, name) ? fallback : context.getValue(name).getValue();
    }

    private static Path ensureKeyPair(Path dir) {
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        try {
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                return dir;
            }
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            writePrivate(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development key pair to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ensureSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            writePrivate(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development secret to " + file, e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: permissions are the platform's default
        }
    }
}
