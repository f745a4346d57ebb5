package io.chorus.tenancy;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import io.chorus.tenancy.TenancyRequests.CreateGroup;
import io.chorus.tenancy.TenancyRequests.UpdateGroup;
import io.chorus.tenancy.TenancyViews.GroupView;

@Path("/api/v1/groups")
@RolesAllowed(Role.ADMIN_ID)
public class GroupResource {

    private final GroupService groups;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public GroupResource(GroupService groups, Idempotency idempotency, Caller caller) {
        this.groups = groups;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull CreateGroup request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/groups", request, () -> {
            GroupView group = groups.create(request);
            return Response.created(URI.create("/api/v1/groups/" + group.id())).entity(group).build();
        });
    }

    @GET
    @RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
    public Page<GroupView> list(@RestQuery String limit, @RestQuery String cursor) {
        return groups.list(PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
    public GroupView get(@RestPath UUID id) {
        return groups.get(id);
    }

    @PATCH
    @Path("/{id}")
    public GroupView update(@RestPath UUID id, @Valid @NotNull UpdateGroup request) {
        return groups.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@RestPath UUID id) {
        groups.delete(id);
    }
}
