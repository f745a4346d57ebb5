package io.chorus.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL of local runs and tests (zonky's binaries, ~80 MB for four platforms). Only the jars built
 * for them carry it (the demo, bench and local profiles, and the tests' class path); the production jar does not, and
 * this class is then never loaded: nothing else names the library.
 */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** Whether this build carries the embedded server. */
    static boolean available() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false,
                    EmbeddedDatabase.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * One embedded server per data directory and JVM: Quarkus re-reads configuration on every dev-mode reload and
     * test-profile restart, each time from a new class loader, so the address is remembered in a system property rather
     * than in a static field.
     */
    static synchronized String url(Path dir, boolean fresh) {
        String key = "embedded-postgres.jdbc-url@" + dir;
        String known = System.getProperty(key);
        if (known != null) {
            return known;
        }
        if (!available()) {
            throw new IllegalStateException("No database is configured and this build carries no embedded PostgreSQL"
                    + " (the production jar): set QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and"
                    + " QUARKUS_DATASOURCE_PASSWORD, or build with ./mvnw -Plocal package");
        }
        try {
            if (fresh) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100").start();
            String url = postgres.getJdbcUrl("postgres", "postgres").replace("?user=postgres", "");
            System.setProperty(key, url);
            System.out.println("Embedded PostgreSQL: " + url + " (user postgres, password postgres), data in " + dir);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
