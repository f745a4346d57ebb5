package io.chorus.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code organization} is the organization's slug; operators omit it. */
public record LoginRequest(@Size(max = 63) String organization, @NotBlank @Size(max = 320) String email,
        @NotNull @Size(max = PasswordHasher.MAX_LENGTH) String password) {
}
