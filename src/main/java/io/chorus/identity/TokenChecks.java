package io.chorus.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.chorus.common.tenant.OrganizationClaim;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * What SmallRye JWT does not check on a validly signed token: a token issued in the future (a minute of drift between
 * instances is tolerated), a member role without a valid {@code org} claim, and a member who may no longer act — one
 * deactivated or erased since the token was issued. Each is refused like a bad signature (401). The last is asked of
 * {@link ActiveMembers} on every request that presents a member's token: answered from memory (on the event loop) while
 * the database's signals keep that memory true on every instance, else read on a worker thread, so that deactivation
 * and erasure take effect at once everywhere, not when the token expires.
 */
@ApplicationScoped
public class TokenChecks implements SecurityIdentityAugmentor {

    private static final long TOLERATED_DRIFT_SECONDS = 60;
    private static final Set<String> MEMBER_ROLES = Set.of(Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID,
            Role.ADMIN_ID);

    private final ActiveMembers members;

    @Inject
    public TokenChecks(ActiveMembers members) {
        this.members = members;
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
                UUID subject;
                try {
                    subject = UUID.fromString(jwt.getSubject());
                } catch (IllegalArgumentException | NullPointerException e) {
                    return refuse("A member's token must name the member.");
                }
                Optional<Boolean> remembered = members.remembered(subject, organization.get());
                if (remembered.isPresent()) {
                    return remembered.get() ? Uni.createFrom().item(identity)
                            : refuse("This member can no longer act.");
                }
                return context.runBlocking(() -> {
                    if (!members.mayAct(subject, organization.get())) {
                        throw new AuthenticationFailedException("This member can no longer act.");
                    }
                    return identity;
                });
            }
        }
        return Uni.createFrom().item(identity);
    }

    private static Uni<SecurityIdentity> refuse(String why) {
        return Uni.createFrom().failure(new AuthenticationFailedException(why));
    }
}
