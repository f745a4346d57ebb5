package io.chorus.content;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
            Map<String, String> messages = new LinkedHashMap<>();
            put(messages, Network.LINKEDIN, linkedin);
            put(messages, Network.X, x);
            put(messages, Network.FACEBOOK, facebook);
            put(messages, Network.XING, xing);
            put(messages, Network.WHATSAPP, whatsapp);
            put(messages, Network.EMAIL, email);
            return messages;
        }

        private static void put(Map<String, String> messages, Network network, String message) {
            if (message != null && !message.isBlank()) {
                messages.put(network.id(), message.strip());
            }
        }
    }

    public record CreateContent(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 2048) String url,
            @Size(max = 20_000) String body, @Size(max = 2048) String imageUrl,
            @NotBlank @Size(max = 35) String language, @Size(max = 20) List<@NotBlank @Size(max = 50) String> topics,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, @Valid SuggestedMessages suggestedMessages,
            Instant publishAt, Instant expiresAt, @Size(max = 500) String disclosure) {
    }

    /**
     * Absent fields stay as they are; for the optional ones ({@code body}, {@code imageUrl}, {@code publishAt},
     * {@code expiresAt}, {@code disclosure}) an explicit null clears the value.
     */
    public record UpdateContent(@Size(min = 1, max = 300) String title, @Size(min = 1, max = 2048) String url,
            Optional<@Size(max = 20_000) String> body, Optional<@Size(max = 2048) String> imageUrl,
            @Size(min = 1, max = 35) String language, @Size(max = 20) List<@NotBlank @Size(max = 50) String> topics,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, @Valid SuggestedMessages suggestedMessages,
            Optional<Instant> publishAt, Optional<Instant> expiresAt, Optional<@Size(max = 500) String> disclosure) {
    }

    public record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }
}
