package io.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.packaged.PackagedApp;
import io.chorus.packaged.ProductionEnvironment;

/**
 * The production jar never starts without its settings and never falls back to a development default: a missing or
 * unusable setting stops it at once with exit code 78 (EX_CONFIG) and one line on stderr naming the environment
 * variable, and nothing else (no stack trace, no development keys or database left behind).
 */
class ProductionStartupIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String REFUSAL = "Chorus cannot start in production: ";

    private static ProductionEnvironment environment;
    private static final List<PackagedApp> started = new ArrayList<>();

    @BeforeAll
    static void completeSettings() throws Exception {
        // The settings check comes before anything touches the database, so none is needed here.
        environment = ProductionEnvironment.create("jdbc:postgresql://localhost:1/unused", "postgres", "postgres");
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (PackagedApp app : started) {
            app.close();
        }
    }

    static Stream<String> required() {
        return ProductionEnvironment.REQUIRED.stream();
    }

    @ParameterizedTest(name = "without {0}")
    @MethodSource("required")
    void aMissingSettingIsRefusedWithOneLineNamingIt(String missing) throws Exception {
        Map<String, String> settings = environment.settings();
        settings.remove(missing);

        assertRefused("missing-" + missing, settings, missing);
    }

    @ParameterizedTest(name = "{0} blank")
    @ValueSource(strings = { "QUARKUS_DATASOURCE_JDBC_URL", "CHORUS_SECRET", "CHORUS_PUBLIC_BASE_URL" })
    void aBlankSettingCountsAsMissing(String blank) throws Exception {
        Map<String, String> settings = environment.settings();
        settings.put(blank, "   ");

        assertRefused("blank-" + blank, settings, blank);
    }

    @ParameterizedTest(name = "secret of {0} characters")
    @ValueSource(ints = { 1, 12, 31 })
    void aSecretShorterThan32CharactersIsRefused(int length) throws Exception {
        Map<String, String> settings = environment.settings();
        settings.put("CHORUS_SECRET", "s".repeat(length));

        assertRefused("short-secret-" + length, settings, "CHORUS_SECRET");
    }

    @Test
    void anUnreadableOrWrongKeyIsRefused() throws Exception {
        Map<String, String> missingFile = environment.settings();
        missingFile.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "/nonexistent/private.pem");
        assertRefused("unreadable-sign-key", missingFile, "SMALLRYE_JWT_SIGN_KEY_LOCATION");

        Path garbage = Files.createTempFile("not-a-key", ".pem");
        Files.writeString(garbage, "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n");
        Map<String, String> notAKey = environment.settings();
        notAKey.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", garbage.toString());
        assertRefused("garbage-verify-key", notAKey, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    void keysThatAreNotAPairAreRefused() throws Exception {
        ProductionEnvironment other = ProductionEnvironment.create("jdbc:postgresql://localhost:1/unused", "postgres",
                "postgres");
        Map<String, String> settings = environment.settingsWithKeyUris();
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", other.settings().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));

        assertRefused("mismatched-keys", settings, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @ParameterizedTest(name = "public base URL {0}")
    @ValueSource(strings = { "not-a-url", "https://chorus.example.com/", "ftp://chorus.example.com" })
    void aPublicBaseUrlThatCannotBeLinkedToIsRefused(String url) throws Exception {
        Map<String, String> settings = environment.settings();
        settings.put("CHORUS_PUBLIC_BASE_URL", url);

        assertRefused("base-url-" + url.replaceAll("[^a-z]", ""), settings, "CHORUS_PUBLIC_BASE_URL");
    }

    @ParameterizedTest(name = "bootstrap operator password \"{0}\"")
    @ValueSource(strings = { "", "too-short" })
    void aBootstrapOperatorNeedsAGoodPassword(String password) throws Exception {
        Map<String, String> settings = environment.settings();
        settings.put("CHORUS_BOOTSTRAP_OPERATOR_EMAIL", "ops@chorus.it.example");
        if (!password.isEmpty()) {
            settings.put("CHORUS_BOOTSTRAP_OPERATOR_PASSWORD", password);
        }

        assertRefused("bootstrap-" + password.length(), settings, "CHORUS_BOOTSTRAP_OPERATOR_PASSWORD");
    }

    private static void assertRefused(String name, Map<String, String> settings, String variable) throws Exception {
        PackagedApp app = PackagedApp.start(name, settings);
        started.add(app);

        int exit = app.awaitExit(DEADLINE);
        String stdout = app.stdout();
        String stderr = app.stderr();
        String output = app.describeOutput();
        List<String> stderrLines = stderr.lines().filter(line -> !line.isBlank()).toList();

        assertThat(exit).as("exit code after %s\n%s", app.sinceStart(), output).isEqualTo(78);
        assertThat(stderrLines).as("stderr is one line\n%s", output).hasSize(1);
        assertThat(stderrLines.get(0)).as(output).startsWith(REFUSAL + variable + " ");
        assertThat(stdout + stderr).as("only the refusal names %s\n%s", variable, output)
                .containsOnlyOnce(variable + " ");
        assertThat(stdout + stderr).as("no stack trace\n%s", output).doesNotContain("Exception")
                .doesNotContainPattern("(?m)^\\s+at ").doesNotContain("Caused by");
        assertThat(stdout).as("nothing else is printed, nothing starts before the refusal\n%s", output).isBlank();
        assertThat(app.workingDirectory().resolve(".chorus-data")).as("no development keys, secret or database")
                .doesNotExist();
        System.out.printf("ProductionStartupIT %s: exit %d after %d ms%n", name, exit, app.sinceStart().toMillis());
    }
}
