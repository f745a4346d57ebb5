package io.chorus.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;

/**
 * An organization's forbidden phrases (whole words, ignoring case and accents' composition) and regular expressions. A
 * regular expression gets a time budget per text, so that a pathological one cannot stall a request; running out counts
 * as a match.
 */
public final class Blocklist {

    static final int MAX_ENTRIES = 200;
    static final int MAX_ENTRY_LENGTH = 200;
    private static final long BUDGET_NANOS = 50_000_000L;

    private final List<Rule> rules;

    private record Rule(String shown, Pattern pattern) {
    }

    private Blocklist(List<Rule> rules) {
        this.rules = rules;
    }

    public static Blocklist of(String[] phrases, String[] patterns) {
        List<Rule> rules = new ArrayList<>();
        for (String phrase : phrases) {
            rules.add(new Rule(phrase,
                    Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(normalize(phrase)) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        for (String pattern : patterns) {
            rules.add(new Rule(pattern, Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        return new Blocklist(rules);
    }

    /** Checks a blocklist before it is saved: every pattern compiles, every entry has a sane size. */
    public static void validate(List<String> phrases, List<String> patterns) {
        List<Problem.Violation> violations = new ArrayList<>();
        checkEntries("phrases", phrases, violations);
        checkEntries("patterns", patterns, violations);
        for (int i = 0; i < patterns.size(); i++) {
            try {
                Pattern.compile(patterns.get(i));
            } catch (PatternSyntaxException e) {
                violations.add(new Problem.Violation("patterns[" + i + "]",
                        "is not a valid regular expression: " + e.getDescription()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", "The blocklist has invalid entries.",
                    violations, Map.of());
        }
    }

    private static void checkEntries(String field, List<String> entries, List<Problem.Violation> violations) {
        if (entries.size() > MAX_ENTRIES) {
            violations.add(new Problem.Violation(field, "must have at most " + MAX_ENTRIES + " entries"));
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (entry == null || entry.isBlank() || entry.length() > MAX_ENTRY_LENGTH) {
                violations.add(new Problem.Violation(field + "[" + i + "]",
                        "must be 1 to " + MAX_ENTRY_LENGTH + " characters"));
            }
        }
    }

    /** Refuses with 422 naming the first forbidden match in any of the texts (field → text). */
    public void check(Map<String, String> texts) {
        for (var text : texts.entrySet()) {
            if (text.getValue() == null) {
                continue;
            }
            String normalized = normalize(text.getValue());
            for (Rule rule : rules) {
                Optional<String> match = find(rule.pattern(), normalized);
                if (match.isPresent()) {
                    throw new ProblemException(422, "blocklisted", "Forbidden by the blocklist",
                            "\"" + match.get() + "\" in " + text.getKey()
                                    + " matches the organization's blocklist entry \"" + rule.shown() + "\".",
                            List.of(new Problem.Violation(text.getKey(), "contains \"" + match.get() + "\"")),
                            Map.of());
                }
            }
        }
    }

    private static Optional<String> find(Pattern pattern, String text) {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        try {
            var matcher = pattern.matcher(new Budgeted(text, deadline));
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        } catch (OutOfTime e) {
            return Optional.of("(too complex to check)");
        }
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** A text that stops the regex engine once the budget is spent. */
    private record Budgeted(String text, long deadline) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadline) {
                throw new OutOfTime();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
