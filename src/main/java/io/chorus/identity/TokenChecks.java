package io.chorus.identity;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.chorus.common.tenant.OrganizationClaim;
import io.chorus.tenancy.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * What SmallRye JWT does not check on a validly signed token, and this service never issues: a token issued in the
 * future (a minute of drift between instances is tolerated), or a member role without a valid {@code org} claim. Either
 * is refused like a bad signature (401).
 */
@ApplicationScoped
public class TokenChecks implements SecurityIdentityAugmentor {

    private static final long TOLERATED_DRIFT_SECONDS = 60;
    private static final Set<String> MEMBER_ROLES = Set.of(Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID,
            Role.ADMIN_ID);

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getIssuedAtTime() > Instant.now().getEpochSecond() + TOLERATED_DRIFT_SECONDS) {
                return refuse("The token was issued in the future.");
            }
            boolean member = identity.getRoles().stream().anyMatch(MEMBER_ROLES::contains);
            if (member && OrganizationClaim.of(jwt).isEmpty()) {
                return refuse("A member's token must name its organization.");
            }
        }
        return Uni.createFrom().item(identity);
    }

    private static Uni<SecurityIdentity> refuse(String why) {
        return Uni.createFrom().failure(new AuthenticationFailedException(why));
    }
}
