package io.chorus.scim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.tenant.OrganizationClient;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Verifies a SCIM token on every request, against the database (so that a revoked token is refused at once, on every
 * instance): the hash of what was presented must be a token's. The identity it gives is the token's organization's
 * {@link OrganizationClient}, with the {@value Scim#ROLE} role only; that organization is the tenant of the request.
 * When it was last used is noted at most once a minute.
 */
@ApplicationScoped
public class ScimTokenVerifier implements IdentityProvider<ScimAuthentication.Request> {

    static final String KIND = "scim-token";
    private static final Duration NOTE_USE_EVERY = Duration.ofMinutes(1);

    private final DataSource database;

    @Inject
    public ScimTokenVerifier(DataSource database) {
        this.database = database;
    }

    @Override
    public Class<ScimAuthentication.Request> getRequestType() {
        return ScimAuthentication.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ScimAuthentication.Request request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> verify(request.token())
                .<SecurityIdentity> map(
                        client -> QuarkusSecurityIdentity.builder().setPrincipal(client).addRole(Scim.ROLE).build())
                .orElseThrow(() -> new AuthenticationFailedException("Not a SCIM token of any organization.")));
    }

    Optional<OrganizationClient> verify(String token) {
        if (!token.startsWith(ScimTokenService.PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        try (Connection connection = database.getConnection()) {
            UUID id;
            UUID organization;
            Instant lastUsed;
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, organization_id, last_used_at from scim_tokens where token_hash = ?")) {
                query.setString(1, SecretTokens.hash(token));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    id = row.getObject(1, UUID.class);
                    organization = row.getObject(2, UUID.class);
                    Timestamp used = row.getTimestamp(3);
                    lastUsed = used == null ? null : used.toInstant();
                }
            }
            Instant now = Time.now();
            if (lastUsed == null || lastUsed.isBefore(now.minus(NOTE_USE_EVERY))) {
                try (PreparedStatement note = connection.prepareStatement(
                        "update scim_tokens set last_used_at = ? where organization_id = ? and id = ?")) {
                    note.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    note.setObject(2, organization);
                    note.setObject(3, id);
                    note.executeUpdate();
                }
            }
            return Optional.of(new OrganizationClient(KIND, id, organization));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check a SCIM token", e);
        }
    }
}
