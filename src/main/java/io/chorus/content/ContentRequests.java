package io.chorus.content;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the content endpoints accept. */
public final class ContentRequests {

    private ContentRequests() {
    }

    /** One suggested message per network; each network's own limit applies (see {@link MessageLimits}). */
    public record SuggestedMessages(@Size(max = 70_000) String linkedin, @Size(max = 70_000) String x,
            @Size(max = 70_000) String facebook, @Size(max = 70_000) String xing, @Size(max = 70_000) String whatsapp,
            @Size(max = 70_000) String email) {

        public Map<String, String> toMap() {
            return byNetwork(Arrays.asList(linkedin, x, facebook, xing, whatsapp, email),
                    message -> message != null && !message.isBlank(), String::strip);
        }
    }

    /**
     * More suggested messages per network, offered in rotation after the primary one of {@code suggestedMessages}
     * (which a network needs first); each network's own limit applies.
     */
    public record AlternativeMessages(@Size(max = MAX_ALTERNATIVES) List<@NotBlank @Size(max = 70_000) String> linkedin,
            @Size(max = MAX_ALTERNATIVES) List<@NotBlank @Size(max = 70_000) String> x,
            @Size(max = MAX_ALTERNATIVES) List<@NotBlank @Size(max = 70_000) String> facebook,
            @Size(max = MAX_ALTERNATIVES) List<@NotBlank @Size(max = 70_000) String> xing,
            @Size(max = MAX_ALTERNATIVES) List<@NotBlank @Size(max = 70_000) String> whatsapp,
            @Size(max = MAX_ALTERNATIVES) List<@NotBlank @Size(max = 70_000) String> email) {

        public Map<String, List<String>> toMap() {
            return byNetwork(Arrays.asList(linkedin, x, facebook, xing, whatsapp, email),
                    list -> list != null && !list.isEmpty(), list -> list.stream().map(String::strip).toList());
        }
    }

    /** One value per network, in the networks' order, keyed by network id: those present, cleaned. */
    private static <T> Map<String, T> byNetwork(List<T> values, Predicate<T> present, UnaryOperator<T> clean) {
        Map<String, T> byNetwork = new LinkedHashMap<>();
        Network[] networks = Network.values();
        for (int i = 0; i < networks.length; i++) {
            if (present.test(values.get(i))) {
                byNetwork.put(networks[i].id(), clean.apply(values.get(i)));
            }
        }
        return byNetwork;
    }

    /** The most alternatives a network may have besides its primary message. */
    public static final int MAX_ALTERNATIVES = 9;

    /** An item's texts in another language; {@code title} is required, the rest is optional as on the item. */
    public record VariantRequest(@NotBlank @Size(max = 300) String title, @Size(max = 20_000) String body,
            @Valid SuggestedMessages suggestedMessages, @Valid AlternativeMessages alternativeMessages) {

        public Voices.Variant toVariant() {
            return new Voices.Variant(title == null ? null : title.strip(),
                    body == null || body.isBlank() ? null : body.strip(),
                    suggestedMessages == null ? new LinkedHashMap<>() : suggestedMessages.toMap(),
                    alternativeMessages == null ? new LinkedHashMap<>() : alternativeMessages.toMap());
        }
    }

    public record CreateContent(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 2048) String url,
            @Size(max = 20_000) String body, @Size(max = 2048) String imageUrl,
            @NotBlank @Size(max = 35) String language, @Size(max = 20) List<@NotBlank @Size(max = 50) String> topics,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, @Valid SuggestedMessages suggestedMessages,
            Instant publishAt, Instant expiresAt, @Valid AlternativeMessages alternativeMessages,
            @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotNull @Valid VariantRequest> variants,
            @Size(max = 500) String disclosure) {
    }

    /**
     * Absent fields stay as they are; for the optional ones ({@code body}, {@code imageUrl}, {@code publishAt},
     * {@code expiresAt}, {@code disclosure}) an explicit null clears the value. {@code suggestedMessages},
     * {@code alternativeMessages} and {@code variants}, when given, replace what the item had.
     */
    public record UpdateContent(@Size(min = 1, max = 300) String title, @Size(min = 1, max = 2048) String url,
            Optional<@Size(max = 20_000) String> body, Optional<@Size(max = 2048) String> imageUrl,
            @Size(min = 1, max = 35) String language, @Size(max = 20) List<@NotBlank @Size(max = 50) String> topics,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, @Valid SuggestedMessages suggestedMessages,
            Optional<Instant> publishAt, Optional<Instant> expiresAt, @Valid AlternativeMessages alternativeMessages,
            @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotNull @Valid VariantRequest> variants,
            Optional<@Size(max = 500) String> disclosure) {
    }

    public record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }
}
