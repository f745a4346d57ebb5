package io.chorus.sharing;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
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

    public record SharingSettings(@Size(max = 500) String disclosure) {
    }
}
