package io.chorus.scim;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
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
            Optional<Object[]> found = Jdbc.first(connection,
                    "select id, organization_id, last_used_at from scim_tokens where token_hash = ?",
                    SecretTokens.hash(token));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            UUID id = (UUID) found.get()[0];
            UUID organization = (UUID) found.get()[1];
            Instant lastUsed = (Instant) found.get()[2];
            Instant now = Time.now();
            if (lastUsed == null || lastUsed.isBefore(now.minus(NOTE_USE_EVERY))) {
                Jdbc.update(connection, "update scim_tokens set last_used_at = ? where organization_id = ? and id = ?",
                        now, organization, id);
            }
            return Optional.of(new OrganizationClient(KIND, id, organization));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check a SCIM token", e);
        }
    }
}
