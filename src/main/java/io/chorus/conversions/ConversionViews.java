package io.chorus.conversions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the conversion endpoints accept and answer. */
public final class ConversionViews {

    private ConversionViews() {
    }

    /**
     * A new key: {@code kind} defaults to secret; a publishable key needs the origins (scheme, host and port, such as
     * {@code https://shop.example.com}) whose pages may use it.
     */
    public record CreateKey(@NotBlank @Size(max = 200) String name, ConversionKeyKind kind,
            @Size(max = 20) List<@NotNull @Size(max = 300) String> allowedOrigins) {
    }

    /** A key as listed: never the key itself. */
    public record KeyView(UUID id, String name, ConversionKeyKind kind, String keyPrefix, List<String> allowedOrigins,
            Instant createdAt, Instant revokedAt) {
    }

    /** A key just made: the only answer that holds {@code key}. */
    public record CreatedKey(UUID id, String name, ConversionKeyKind kind, String key, String keyPrefix,
            List<String> allowedOrigins, Instant createdAt) {
    }

    /**
     * A conversion a site reports: the click id it got in {@code chorus_click} (or the share's code, from
     * {@code utm_content}), what happened, and optionally its value, when, and the site's own id for it.
     */
    public record ReportConversion(@Size(max = 64) String clickId, @Size(max = 32) String code,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_.:-]{0,63}", message = "must be signup, lead, purchase, download"
                    + " or a custom name of lowercase letters, digits, '_', '.', ':' or '-' (at most 64)") String type,
            @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal value,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            Instant occurredAt, @Size(min = 1, max = 200) String externalId) {
    }

    /**
     * What became of a report: {@code pending} while its click is not written yet, then {@code attributed} or
     * {@code unattributed}; {@code duplicate} when its {@code externalId} was reported before (this is that report).
     */
    public record Accepted(UUID id, String status, boolean duplicate) {
    }

    /**
     * {@code clickIds}: whether redirects append {@code chorus_click}; the window is in days (1 to 365);
     * {@code clickCookie} (absent in a PUT: false, the default): whether /c.js loaded with one of the organization's
     * publishable keys also keeps the click id in a first-party cookie on the site for the window.
     */
    public record ConversionSettings(@NotNull Boolean clickIds,
            @NotNull @Min(1) @Max(365) Integer attributionWindowDays, Boolean clickCookie) {

        public ConversionSettings {
            clickCookie = Boolean.TRUE.equals(clickCookie);
        }
    }
}
