package io.chorus.common.tenant;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs work as one organization when no token names it yet: while logging in, accepting an invitation, creating an
 * organization, or in background jobs. The work runs in a transaction of its own, so that its persistence session is
 * opened for that organization.
 */
@ApplicationScoped
public class Tenants {

    private final OrganizationTenantResolver resolver;

    @Inject
    public Tenants(@PersistenceUnitExtension OrganizationTenantResolver resolver) {
        this.resolver = resolver;
    }

    public <T> T callAs(UUID organizationId, Supplier<T> work) {
        resolver.organizationOfCaller().ifPresent(own -> {
            if (!own.equals(organizationId)) {
                throw new IllegalStateException("A member's request cannot act in another organization");
            }
        });
        UUID previous = OrganizationTenantResolver.EXPLICIT.get();
        OrganizationTenantResolver.EXPLICIT.set(organizationId);
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
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

    public void runAs(UUID organizationId, Runnable work) {
        callAs(organizationId, () -> {
            work.run();
            return null;
        });
    }
}
