package io.chorus.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.chorus.common.tenant.OrganizationClaim;
import io.chorus.tenancy.Role;

/** Who is calling, from their verified access token. */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;

    @Inject
    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** The member (or operator) id: the token's subject. */
    public UUID id() {
        return UUID.fromString(jwt.getSubject());
    }

    /**
     * The calling member, when a member of an organization calls (not an operator, not an anonymous request): the actor
     * the audit trail names.
     */
    public Optional<UUID> memberId() {
        if (jwt.getSubject() == null || OrganizationClaim.of(jwt).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jwt.getSubject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Curators and admins curate; an ambassador without either acts as an employee. */
    public boolean curates() {
        return hasRole(Role.CURATOR_ID) || hasRole(Role.ADMIN_ID);
    }

    public boolean hasRole(String role) {
        Set<String> groups = jwt.getGroups();
        return groups != null && groups.contains(role);
    }

}
