package io.chorus.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.chorus.common.tenant.OrganizationClaim;
import io.chorus.tenancy.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * What SmallRye JWT does not check on a validly signed token: a token issued in the future (a minute of drift between
 * instances is tolerated), a member role without a valid {@code org} claim, and a member who may no longer act — one
 * deactivated or erased since the token was issued. Each is refused like a bad signature (401). The last is a primary
 * key lookup in the database on every request that presents a member's token, so that deactivation and erasure take
 * effect at once on every instance, not when the token expires.
 */
@ApplicationScoped
public class TokenChecks implements SecurityIdentityAugmentor {

    private static final long TOLERATED_DRIFT_SECONDS = 60;
    private static final Set<String> MEMBER_ROLES = Set.of(Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID,
            Role.ADMIN_ID);

    private final DataSource database;

    @Inject
    public TokenChecks(DataSource database) {
        this.database = database;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getIssuedAtTime() > Instant.now().getEpochSecond() + TOLERATED_DRIFT_SECONDS) {
                return refuse("The token was issued in the future.");
            }
            boolean member = identity.getRoles().stream().anyMatch(MEMBER_ROLES::contains);
            Optional<UUID> organization = OrganizationClaim.of(jwt);
            if (member && organization.isEmpty()) {
                return refuse("A member's token must name its organization.");
            }
            if (member) {
                return context.runBlocking(() -> {
                    if (!mayAct(organization.get(), jwt.getSubject())) {
                        throw new AuthenticationFailedException("This member can no longer act.");
                    }
                    return identity;
                });
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Whether the token's subject is still an active member of its organization (so: not deactivated, not erased). */
    private boolean mayAct(UUID organization, String subject) {
        UUID member;
        try {
            member = UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select 1 from members where id = ? and organization_id = ? and status = 'active'")) {
            query.setObject(1, member);
            query.setObject(2, organization);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the member of a token", e);
        }
    }

    private static Uni<SecurityIdentity> refuse(String why) {
        return Uni.createFrom().failure(new AuthenticationFailedException(why));
    }
}
