package io.chorus.common.tenant;

import java.util.Optional;
import java.util.UUID;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@code org} claim of an access token: the caller's organization, absent for operators. */
public final class OrganizationClaim {

    public static final String NAME = "org";

    private OrganizationClaim() {
    }

    public static Optional<UUID> of(JsonWebToken jwt) {
        Object claim = jwt.getClaim(NAME);
        String value = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
