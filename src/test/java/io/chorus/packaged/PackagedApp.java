package io.chorus.packaged;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production jar (target/quarkus-app/quarkus-run.jar) started as an operator would: a child process with a clean
 * environment holding only the settings given.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final Path output;
    private final Path workingDirectory;
    private final int port;

    private PackagedApp(Process process, Path output, Path workingDirectory, int port) {
        this.process = process;
        this.output = output;
        this.workingDirectory = workingDirectory;
        this.port = port;
    }

    public static PackagedApp start(Map<String, String> settings) throws IOException {
        Path output = Files.createTempFile("chorus-packaged", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString());
        builder.environment().clear();
        for (String inherited : new String[] { "PATH", "HOME", "TMPDIR", "LANG" }) {
            String value = System.getenv(inherited);
            if (value != null) {
                builder.environment().put(inherited, value);
            }
        }
        builder.environment().putAll(settings);
        Path workingDirectory = Files.createTempDirectory("chorus-packaged-cwd");
        builder.directory(workingDirectory.toFile());
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        int port = settings.containsKey("QUARKUS_HTTP_PORT") ? Integer.parseInt(settings.get("QUARKUS_HTTP_PORT"))
                : 8080;
        return new PackagedApp(builder.start(), output, workingDirectory, port);
    }

    /** Every production setting, valid, for a database at the given JDBC URL. */
    public static Map<String, String> productionSettings(String jdbcUrl, Path keyDirectory) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateKey = keyDirectory.resolve("private.pem");
        Path publicKey = keyDirectory.resolve("public.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        int port = freePort();
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        settings.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        settings.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        settings.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", privateKey.toString());
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        settings.put("CHORUS_SECRET", "packaged-test-secret-0123456789-abcdefgh");
        settings.put("CHORUS_PUBLIC_BASE_URL", "https://chorus.test.example");
        settings.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return settings;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Polls readiness until it answers 200, or fails with what the process printed. */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The jar exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Not ready within " + timeout + ":\n" + output());
    }

    /** Waits for the process to exit on its own and answers its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Still running after " + timeout);
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
