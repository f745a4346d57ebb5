package io.chorus.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.TemplateExtension;

/** Dates as the admin pages show them (per locale, in UTC for now) and as datetime-local inputs read them. */
public final class AdminFormats {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private AdminFormats() {
    }

    /** {@code {item.createdAt.shown}}: "23 Nov 2026, 10:15 UTC", in the page's language. */
    @TemplateExtension
    static String shown(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (instant == null) {
            return "";
        }
        Locale language = locale instanceof Locale l ? l : Locale.ENGLISH;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(language)
                .withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    /** {@code {item.publishAt.input}}: the value of a datetime-local input, in UTC. */
    @TemplateExtension
    static String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code {next.urlEncoded}}: a query parameter's value. */
    @TemplateExtension
    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An input's value back as the instant it shows (to the minute). */
    public static Instant inputValue(String value) {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }

    /** A datetime-local input's value as an instant (UTC); empty when blank. */
    public static Optional<Instant> parseInput(String field, String value) throws InvalidField {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new InvalidField(field);
        }
    }

    /** A form field whose value cannot be read. */
    public static class InvalidField extends Exception {
        private final String field;

        public InvalidField(String field) {
            super(field, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
