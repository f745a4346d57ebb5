package io.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.packaged.PackagedApp;

/** Production never starts without its settings, and never falls back to a development default. */
class ProductionStartupIT {

    static Map<String, String> complete;

    @BeforeAll
    static void settings() throws Exception {
        // The database is never reached: the settings check comes first.
        complete = PackagedApp.productionSettings("jdbc:postgresql://localhost:1/unused",
                Files.createTempDirectory("chorus-keys"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "SMALLRYE_JWT_SIGN_KEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "CHORUS_SECRET", "CHORUS_PUBLIC_BASE_URL" })
    void aMissingSettingStopsTheStartWithOneLineNamingIt(String missing) throws Exception {
        Map<String, String> settings = new HashMap<>(complete);
        settings.remove(missing);

        assertRefused(settings, missing);
    }

    @ParameterizedTest
    @ValueSource(strings = { "short-secret" })
    void aShortSecretIsRefused(String secret) throws Exception {
        Map<String, String> settings = new HashMap<>(complete);
        settings.put("CHORUS_SECRET", secret);

        assertRefused(settings, "CHORUS_SECRET");
    }

    private static void assertRefused(Map<String, String> settings, String setting) throws Exception {
        try (PackagedApp app = PackagedApp.start(settings)) {
            int exit = app.awaitExit(Duration.ofSeconds(60));
            String output = app.output();
            List<String> lines = output.lines().filter(line -> line.contains(setting)).toList();

            assertThat(exit).as(output).isEqualTo(78);
            assertThat(lines).as(output).hasSize(1);
            assertThat(lines.get(0)).startsWith("Chorus cannot start in production: " + setting);
            assertThat(output).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(app.workingDirectory().resolve(".chorus-data")).as("no development keys or database")
                    .doesNotExist();
        }
    }
}
