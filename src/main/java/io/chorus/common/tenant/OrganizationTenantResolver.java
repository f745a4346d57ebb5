package io.chorus.common.tenant;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Tells Hibernate which organization the current unit of work belongs to. Every entity with a {@code @TenantId} is then
 * filtered on it when read and stamped with it when written, so that no query can forget the organization. The
 * organization comes from the caller's token ({@code org} claim, or the organization an {@link OrganizationClient}'s
 * token belongs to); requests that act before a token exists (login, invitation acceptance) and background jobs name it
 * explicitly through {@link Tenants#callAs}. Without either, the tenant is one that owns nothing, so an operator or an
 * anonymous request sees no organization's data.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class OrganizationTenantResolver implements TenantResolver {

    /** The tenant of no organization: it owns no row. */
    public static final String NONE = "00000000-0000-0000-0000-000000000000";

    static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();

    private final SecurityIdentity identity;

    @Inject
    public OrganizationTenantResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public String getDefaultTenantId() {
        return NONE;
    }

    @Override
    public String resolveTenantId() {
        UUID explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit.toString();
        }
        return organizationOfCaller().map(UUID::toString).orElse(NONE);
    }

    Optional<UUID> organizationOfCaller() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof OrganizationClient client) {
            return Optional.of(client.organizationId());
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt ? OrganizationClaim.of(jwt) : Optional.empty();
    }

    /** The machine client making the current request, if one is (not a member, an operator or nobody). */
    Optional<OrganizationClient> client() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return Optional.empty();
        }
        return identity.getPrincipal() instanceof OrganizationClient client ? Optional.of(client) : Optional.empty();
    }
}
