package io.chorus.trust;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What the charter endpoints accept and answer. */
public final class CharterViews {

    private CharterViews() {
    }

    public record CharterView(int version, String text, Instant publishedAt, boolean acceptedByMe) {
    }

    public record PublishCharter(@NotBlank @Size(max = 100_000) String text) {
    }

    public record AcceptCharter(@NotNull @Positive Integer version) {
    }
}
