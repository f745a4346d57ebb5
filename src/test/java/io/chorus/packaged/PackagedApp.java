package io.chorus.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production jar ({@code target/quarkus-app/quarkus-run.jar}) started as an operator would start it: {@code java
 * -jar} in the default (prod) profile, in a child process whose environment holds nothing but PATH, HOME, JAVA_HOME and
 * the settings given, so that the developer's own environment cannot leak in. Each start gets its own directory under
 * {@code target/packaged-it} holding the working directory of the process and its stdout and stderr.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path RUNS = Path.of("target", "packaged-it");
    private static final List<String> INHERITED = List.of("PATH", "HOME", "JAVA_HOME");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final Process process;
    private final Path runDirectory;
    private final int port;
    private final long startedAtNanos;
    private final Thread reaper;

    private PackagedApp(Process process, Path runDirectory, int port) {
        this.process = process;
        this.runDirectory = runDirectory;
        this.port = port;
        this.startedAtNanos = System.nanoTime();
        // Should the test JVM be stopped before close() runs, the jar must not outlive it.
        this.reaper = new Thread(process::destroyForcibly, "packaged-app-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts the jar with exactly these environment variables (plus PATH, HOME and JAVA_HOME when the test has them).
     * QUARKUS_HTTP_PORT is set to a free port unless the settings name one, and QUARKUS_SHUTDOWN_DELAY (the 5 s in
     * which a stopping instance still serves while its readiness says 503) to none unless they name one: only a test of
     * stopping needs it, the others need not wait for it.
     */
    public static PackagedApp start(String name, Map<String, String> settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " does not exist: run the package phase first");
        }
        Files.createDirectories(RUNS);
        Path runDirectory = Files.createTempDirectory(RUNS, name + "-");
        Path workingDirectory = Files.createDirectory(runDirectory.resolve("cwd"));

        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", JAR.toAbsolutePath().toString());
        Map<String, String> environment = builder.environment();
        environment.clear();
        for (String inherited : INHERITED) {
            String value = System.getenv(inherited);
            if (value != null) {
                environment.put(inherited, value);
            }
        }
        environment.put("QUARKUS_SHUTDOWN_DELAY", "PT0S");
        environment.putAll(settings);
        int port = settings.containsKey("QUARKUS_HTTP_PORT") ? Integer.parseInt(settings.get("QUARKUS_HTTP_PORT"))
                : freePort();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));

        builder.directory(workingDirectory.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.redirectOutput(runDirectory.resolve("stdout.log").toFile());
        builder.redirectError(runDirectory.resolve("stderr.log").toFile());
        return new PackagedApp(builder.start(), runDirectory, port);
    }

    /** The java binary running this test, so the jar runs on the same JDK. */
    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("Cannot find the java executable"));
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The directory the jar runs in: a development fallback would leave a .chorus-data directory here. */
    public Path workingDirectory() {
        return runDirectory.resolve("cwd");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200. Fails at once, with the output, if the process exits, and
     * after the timeout if it never gets ready.
     */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The jar exited with " + process.exitValue() + " before it was ready\n" + describeOutput());
            }
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return sinceStart();
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Not ready within " + timeout + " (last answer: " + last + ")\n" + describeOutput());
    }

    /** Waits for the process to exit on its own and answers its exit code; fails if it is still running. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Still running after " + timeout + "\n" + describeOutput());
        }
        return process.exitValue();
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    public String stdout() {
        return read("stdout.log");
    }

    public String stderr() {
        return read("stderr.log");
    }

    public String describeOutput() {
        return "--- stdout (" + runDirectory.resolve("stdout.log") + ")\n" + stdout() + "--- stderr ("
                + runDirectory.resolve("stderr.log") + ")\n" + stderr() + "---";
    }

    private String read(String file) {
        try {
            return Files.readString(runDirectory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the process to stop (SIGTERM) without waiting. */
    public void stopPolitely() {
        process.destroy();
    }

    /** Polls the output until it contains the text; fails after the timeout. */
    public Duration awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(stdout() + stderr()).contains(text)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("No \"" + text + "\" within " + timeout + "\n" + describeOutput());
            }
            process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        return sinceStart();
    }

    /** Stops the process at once (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the process: politely first (SIGTERM, as an orchestrator would), then forcibly. Safe to call twice. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrRemoved) {
            // nothing to undo
        }
    }
}
