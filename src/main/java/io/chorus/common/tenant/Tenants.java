package io.chorus.common.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs work as one organization when no token names it: while logging in, accepting an invitation, following a signed
 * share link, creating an organization, or in background jobs. The organization must come from something the request
 * proved (a secret's hash, a signature, a slug with a password), never from a parameter alone. The work runs in a
 * transaction of its own, so that its persistence session is opened for that organization; a token of another
 * organization sent along to such a public endpoint plays no part.
 */
@ApplicationScoped
public class Tenants {

    private final OrganizationTenantResolver resolver;

    @Inject
    public Tenants(@PersistenceUnitExtension OrganizationTenantResolver resolver) {
        this.resolver = resolver;
    }

    public <T> T callAs(UUID organizationId, Supplier<T> work) {
        UUID previous = OrganizationTenantResolver.EXPLICIT.get();
        OrganizationTenantResolver.EXPLICIT.set(organizationId);
        // Hibernate asks for the tenant only within a request context: a thread of no request (a cache's refresh, the
        // demo's history) gets one for the work.
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            if (activated) {
                requests.terminate();
            }
            if (previous == null) {
                OrganizationTenantResolver.EXPLICIT.remove();
            } else {
                OrganizationTenantResolver.EXPLICIT.set(previous);
            }
        }
    }

    /**
     * The organization of the current unit of work, for the few native queries (which Hibernate does not filter): they
     * must name it themselves.
     */
    public UUID current() {
        String tenant = resolver.resolveTenantId();
        if (OrganizationTenantResolver.NONE.equals(tenant)) {
            throw new IllegalStateException("No organization in this unit of work");
        }
        return UUID.fromString(tenant);
    }

    /** The machine client (an identity provider through SCIM) making the current request, if one is. */
    public Optional<OrganizationClient> client() {
        return resolver.client();
    }

    public void runAs(UUID organizationId, Runnable work) {
        callAs(organizationId, () -> {
            work.run();
            return null;
        });
    }
}
