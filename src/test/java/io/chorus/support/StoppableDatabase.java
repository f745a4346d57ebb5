package io.chorus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of the test's own that it may stop and start again (same port, same data): for outage tests. The test
 * gets the switch in a field {@code Map<String, Runnable> database} with the keys {@code stop} and {@code start}.
 */
public class StoppableDatabase implements QuarkusTestResourceLifecycleManager {

    /** A test profile with a database of its own; a subclass adds its settings with {@code getConfigOverrides}. */
    public abstract static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableDatabase.class));
        }
    }

    private final Path dir = Path.of("target", "stoppable-postgres");
    private int port;
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dir);
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    private synchronized void startServer() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void stopServer() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        Map<String, Runnable> controls = Map.of("stop", this::stopServer, "start", this::startServer);
        injector.injectIntoFields(controls, (Field field) -> field.getName().equals("database"));
    }

    @Override
    public void stop() {
        stopServer();
    }
}
