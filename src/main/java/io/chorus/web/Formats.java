package io.chorus.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.quarkus.qute.TemplateExtension;

/**
 * Dates and numbers as the admin UI and the app show them (per locale, in the organization's time zone) and as
 * datetime-local inputs read them (in that zone too).
 */
public final class Formats {

    /** The template attribute that holds the organization's time zone (the locale is Qute's own). */
    public static final String ZONE = "zone";
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Formats() {
    }

    /** {@code {item.createdAt.shown}}: "Nov 23, 2026, 11:15 AM CET", in the page's language and zone. */
    @TemplateExtension
    static String shown(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale,
            @TemplateExtension.TemplateAttribute(ZONE) Object zone) {
        if (instant == null) {
            return "";
        }
        Locale language = language(locale);
        ZoneId in = zone instanceof ZoneId z ? z.normalized() : ZoneOffset.UTC;
        Shown formats = SHOWN.computeIfAbsent(new Shown.Key(language, in), Shown::of);
        return formats.dateTime().format(instant) + " "
                + (formats.zone() == null ? "UTC" : formats.zone().format(instant));
    }

    /**
     * The formatters of {@link #shown}, built once per language and zone: building them (a pattern parsed, a localized
     * pattern looked up) cost more than formatting, twenty times on a page of the feed.
     */
    private record Shown(DateTimeFormatter dateTime, DateTimeFormatter zone) {

        record Key(Locale language, ZoneId zone) {
        }

        static Shown of(Key key) {
            return new Shown(
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(key.language()).withZone(key.zone()),
                    key.zone().equals(ZoneOffset.UTC) ? null
                            : DateTimeFormatter.ofPattern("zzz", key.language()).withZone(key.zone()));
        }
    }

    private static final Map<Shown.Key, Shown> SHOWN = new ConcurrentHashMap<>();

    /** {@code {leaderboard.from.day}}: "November 1, 2026" or "1 novembre 2026". */
    @TemplateExtension
    static String day(LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return date == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language(locale)).format(date);
    }

    /** {@code {entry.points.count}}: "12,345" or "12 345". */
    @TemplateExtension
    static String count(Number value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return NumberFormat.getIntegerInstance(language(locale)).format(value);
    }

    /** {@code {overview.participationRate.percent}}: a fraction as "45.5%" or "45,5 %" (at most one decimal). */
    @TemplateExtension
    static String percent(BigDecimal fraction, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        NumberFormat format = NumberFormat.getPercentInstance(language(locale));
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    /**
     * {@code {value.amount.money(value.currency)}}: "€1,234.50" or "1 234,50 €", with the currency's usual decimals, or
     * more when the amount has them (a cost per click of 0.0125).
     */
    @TemplateExtension
    static String money(BigDecimal amount, String currency,
            @TemplateExtension.TemplateAttribute("locale") Object locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language(locale));
        Currency unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        int decimals = Math.max(0, unit.getDefaultFractionDigits());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(Math.max(decimals, amount.stripTrailingZeros().scale()));
        return format.format(amount);
    }

    /** The value of a datetime-local input showing this instant in the zone. */
    public static String input(Instant instant, ZoneId zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    /** {@code {next.urlEncoded}}: a query parameter's value. */
    @TemplateExtension
    public static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An input's value back as the instant it shows (to the minute). */
    public static Instant inputValue(String value, ZoneId zone) {
        return LocalDateTime.parse(value).atZone(zone).toInstant();
    }

    /** A datetime-local input's value as an instant, read in the zone; empty when blank. */
    public static Optional<Instant> parseInput(String field, String value, ZoneId zone) throws InvalidField {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(inputValue(value.strip(), zone));
        } catch (DateTimeParseException e) {
            throw new InvalidField(field);
        }
    }

    /** A filter's value, or nothing when it is blank or not one (an unknown value filters nothing). */
    public static <T> Optional<T> choice(String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Locale language(Object locale) {
        return locale instanceof Locale l ? l : Locale.ENGLISH;
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
