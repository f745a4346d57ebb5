package io.chorus.sharing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.chorus.content.Network;

/** What the sharing endpoints accept and answer. */
public final class SharingViews {

    private SharingViews() {
    }

    /** {@code message} defaults to the content's suggested message for the network, else its title. */
    public record CreateShare(@NotNull Network network, @Size(max = 70_000) String message) {
    }

    public record ShareView(UUID id, String code, String shortUrl, String intentUrl, Network network, UUID contentId,
            String message, Instant createdAt) {
    }

    /**
     * A share with what its short link earned: {@code clicks} by people other than the sharer, {@code uniqueVisitors}
     * among them (visitor ids are daily, so a returning visitor counts once per day), and, kept apart for transparency,
     * hits by robots and by the sharer; the conversions credited to it and their value per currency. What it was made
     * from: the language of the texts the sharer was shown, which of the network's suggested messages was offered
     * ({@code messageIndex}, 0 the primary; null when there was none) and whether the sharer changed it.
     */
    public record ShareWithClicks(UUID id, String code, String shortUrl, String intentUrl, Network network,
            UUID contentId, UUID memberId, String message, Instant createdAt, long clicks, long uniqueVisitors,
            long robotHits, long selfClicks, long conversions, Map<String, BigDecimal> conversionValue, String language,
            Integer messageIndex, boolean edited) {
    }

    /**
     * One of the member's own shares as their activity lists it: the share, its content's title, and what its short
     * link earned (clicks and conversions), counted as in {@link ShareWithClicks}.
     */
    public record MyShare(ShareView share, String title, long clicks, long uniqueVisitors, long robotHits,
            long selfClicks, long conversions, Map<String, BigDecimal> conversionValue) {
    }

    /**
     * {@code disclosureMandatory} (default false) makes the disclosure part of every message: an ambassador's own words
     * then get it too.
     */
    /**
     * {@code networks}: those the organization shares on (at least one); absent in a PUT, every network.
     * {@code dailyShareLimit}: new shares a member makes in a day (absent in a PUT: 15). {@code sharingHours}: when
     * members may share (absent or null: any time).
     */
    public record SharingSettings(@Size(max = 500) String disclosure, Boolean disclosureMandatory,
            @Size(min = 1, max = 6) List<@NotNull Network> networks,
            @Min(1) @Max(MAX_DAILY_SHARE_LIMIT) Integer dailyShareLimit, @Valid SharingHours sharingHours) {
    }

    /** The highest daily limit an organization may set. */
    public static final int MAX_DAILY_SHARE_LIMIT = 1000;

    /** Sharing hours, HH:MM in the organization's time zone; {@code to} before {@code from} runs over midnight. */
    public record SharingHours(@NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String from,
            @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String to) {
    }

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private static final String TIME_MESSAGE = "must be a time such as 08:00";
}
