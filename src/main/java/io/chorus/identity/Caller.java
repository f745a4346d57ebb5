package io.chorus.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.chorus.common.tenant.OrganizationClaim;
import io.chorus.common.tenant.OrganizationClient;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: a member or an operator, from their verified access token, or a machine client of one organization
 * (its identity provider, through SCIM), from the token it presented.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    @Inject
    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The member (or operator) id: the token's subject; for a machine client, its token's id. */
    public UUID id() {
        if (identity.getPrincipal() instanceof OrganizationClient client) {
            return client.id();
        }
        return UUID.fromString(jwt().orElseThrow(() -> new IllegalStateException("No caller")).getSubject());
    }

    /**
     * The calling member, when a member of an organization calls (not an operator, a machine client or an anonymous
     * request): the actor the audit trail names.
     */
    public Optional<UUID> memberId() {
        Optional<JsonWebToken> jwt = jwt();
        if (jwt.isEmpty() || jwt.get().getSubject() == null || OrganizationClaim.of(jwt.get()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jwt.get().getSubject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Curators and admins curate; an ambassador without either acts as an employee. */
    public boolean curates() {
        return hasRole(Role.CURATOR_ID) || hasRole(Role.ADMIN_ID);
    }

    public boolean hasRole(String role) {
        Set<String> groups = jwt().map(JsonWebToken::getGroups).orElse(null);
        return groups != null && groups.contains(role);
    }

    private Optional<JsonWebToken> jwt() {
        return !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt)
                : Optional.empty();
    }
}
