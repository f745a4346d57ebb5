package io.chorus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Tests read the time from the service's clock ({@code io.chorus.common.Time}), never from the machine's: the suite
 * runs on a timeline of its own ({@link TestClock}) and date-sensitive tests move it, so an expectation computed from
 * the machine's date is wrong whenever the two differ (the suite failed on 2026-12-06 for that). A pure duration is
 * measured with {@code System.nanoTime()}. The few sources that must read the machine's clock are listed here, each for
 * the readings it needs and why. No Quarkus: this reads src/test/java.
 */
class ServiceClockOnlyTest {

    /** What reads the machine's date or time. */
    static final List<String> MACHINE_CLOCK = List.of("LocalDate.now(", "YearMonth.now(", "LocalDateTime.now(",
            "ZonedDateTime.now(", "OffsetDateTime.now(", "LocalTime.now(", "Year.now(", "Instant.now(", "Clock.system",
            "System.currentTimeMillis(", "new Date(", "new java.util.Date(", "Calendar.getInstance(");

    /** The sources allowed to, per reading, with the reason. Paths are relative to src/test/java. */
    static final Map<String, Allowed> ALLOWED = Map.of("io/chorus/support/TestClock.java",
            new Allowed(Set.of("Instant.now("), "it sets the service's clock from the machine's"),
            "io/chorus/support/ServiceClockOnlyTest.java",
            new Allowed(Set.copyOf(MACHINE_CLOCK), "it names what it looks for"), "io/chorus/support/ForgedTokens.java",
            new Allowed(Set.of("Instant.now("),
                    "access tokens' iat and exp: the JWT library checks them against" + " the machine's clock"),
            "io/chorus/security/JwtAttackTest.java",
            new Allowed(Set.of("Instant.now("),
                    "access tokens' iat and exp: the JWT library checks them against" + " the machine's clock"),
            "io/chorus/analytics/RollupOrderTest.java",
            new Allowed(Set.of("System.currentTimeMillis("), "click ids, made as the redirect makes them: from the"
                    + " machine's clock, so that the primary key keeps growing at its right edge"));

    record Allowed(Set<String> readings, String reason) {
    }

    @Test
    void noTestReadsTheMachinesClock() throws IOException {
        Path root = Path.of("src/test/java");
        assertThat(root).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(source).toString().replace('\\', '/');
                Allowed allowed = ALLOWED.getOrDefault(name, new Allowed(Set.of(), ""));
                List<String> lines = Files.readAllLines(source);
                String[] code = withoutComments(Files.readString(source)).split("\n", -1);
                for (int i = 0; i < code.length; i++) {
                    for (String reading : MACHINE_CLOCK) {
                        if (code[i].contains(reading) && !allowed.readings().contains(reading)) {
                            offenders.add(root.resolve(name) + ":" + (i + 1) + ": reads " + reading + " in: "
                                    + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("""
                tests that read the machine's date or time: use io.chorus.common.Time (Time.now(), \
                Time.today(zone)) for what the service compares with, System.nanoTime() for durations, or allow the \
                file in ServiceClockOnlyTest.ALLOWED with a reason""").isEmpty();
    }

    @Test
    void everyAllowedSourceExistsAndStillReadsWhatItIsAllowedTo() throws IOException {
        for (Map.Entry<String, Allowed> allowed : ALLOWED.entrySet()) {
            Path source = Path.of("src/test/java", allowed.getKey());
            assertThat(source).as(allowed.getValue().reason()).isRegularFile();
            String text = Files.readString(source);
            assertThat(allowed.getValue().readings()).as("%s: readings no longer made", source)
                    .anyMatch(text::contains);
        }
    }

    /**
     * The source with its comments blanked out (what they say is no reading), line breaks kept so that line numbers
     * stay; string literals and text blocks are kept as they are.
     */
    static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                code.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                code.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> code.append('\n'));
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    @Test
    void commentsAreNoReadingButCodeAndStringsAre() {
        String source = """
                /** Instant.now() in a comment. */
                String url = "http://example.com/x"; // Instant.now()
                long now = Instant.now().toEpochMilli(); /* LocalDate.now() */
                String text = "// LocalDate.now(";
                """;
        String[] lines = withoutComments(source).split("\n", -1);
        assertThat(lines[0]).doesNotContain("now(");
        assertThat(lines[1]).contains("http://example.com/x").doesNotContain("now(");
        assertThat(lines[2]).contains("Instant.now(").doesNotContain("LocalDate");
        assertThat(lines[3]).contains("LocalDate.now(");
    }
}
