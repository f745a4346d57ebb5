package io.chorus.tenancy;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.idempotency.Idempotency;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.tenancy.TenancyRequests.CreateOrganization;
import io.chorus.tenancy.TenancyViews.OrganizationView;

/** For operators: they create organizations and see their names, nothing inside them. */
@Path("/api/v1/organizations")
@RolesAllowed(Role.OPERATOR_ID)
public class OrganizationResource {

    private final OrganizationService organizations;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public OrganizationResource(OrganizationService organizations, Idempotency idempotency, Caller caller) {
        this.organizations = organizations;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull CreateOrganization request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/organizations", request, () -> {
            OrganizationView organization = organizations.create(request);
            return Response.created(URI.create("/api/v1/organizations/" + organization.id())).entity(organization)
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    public OrganizationView get(@RestPath UUID id) {
        return organizations.get(id);
    }

    @GET
    public Page<OrganizationView> list(@RestQuery String limit, @RestQuery String cursor) {
        return organizations.list(PageRequest.of(limit, cursor, 1));
    }
}
