package io.chorus.sources;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the content-source endpoints accept and answer. */
public final class SourceViews {

    private SourceViews() {
    }

    /** A new source: its feed's URL, what its items get, and {@code review} (the default) or {@code publish}. */
    public record CreateSource(@NotBlank @Size(max = 2048) String url,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> topics,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, @Size(max = 35) String language,
            @Size(max = 20) String mode) {
    }

    /** Only the fields sent change. */
    public record UpdateSource(@Size(min = 1, max = 2048) String url,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> topics,
            @Size(max = 100) List<@NotNull UUID> targetGroupIds, @Size(min = 1, max = 35) String language,
            @Size(min = 1, max = 20) String mode, Boolean enabled) {
    }

    /** How the source fares. */
    public record Health(Instant lastFetchedAt, Instant lastSuccessAt, String lastError, int consecutiveFailures,
            Instant nextFetchAt, int itemsTaken, int duplicatesSkipped) {
    }

    public record SourceView(UUID id, String url, List<String> topics, List<UUID> targetGroupIds, String language,
            String mode, boolean enabled, Health health, Instant createdAt, Instant updatedAt) {
    }
}
