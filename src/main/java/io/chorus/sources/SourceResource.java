package io.chorus.sources;

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
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.sources.SourceViews.CreateSource;
import io.chorus.sources.SourceViews.SourceView;
import io.chorus.sources.SourceViews.UpdateSource;

/** The organization's RSS and Atom sources, with their health: its curators' and admins'. */
@Path("/api/v1/content-sources")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
public class SourceResource {

    private final SourceService sources;
    private final Idempotency idempotency;
    private final Caller caller;
    private final Tenants tenants;

    @Inject
    public SourceResource(SourceService sources, Idempotency idempotency, Caller caller, Tenants tenants) {
        this.sources = sources;
        this.idempotency = idempotency;
        this.caller = caller;
        this.tenants = tenants;
    }

    @POST
    public Response create(@Valid @NotNull CreateSource request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/content-sources", request, () -> {
            SourceView created = sources.create(request, caller.id());
            return Response.created(URI.create("/api/v1/content-sources/" + created.id())).entity(created).build();
        });
    }

    @GET
    public Page<SourceView> list(@RestQuery String limit, @RestQuery String cursor) {
        return sources.list(PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    public SourceView get(@RestPath UUID id) {
        return sources.get(id);
    }

    @PATCH
    @Path("/{id}")
    public SourceView update(@RestPath UUID id, @Valid @NotNull UpdateSource request) {
        return sources.update(id, request, caller.id());
    }

    @DELETE
    @Path("/{id}")
    public void delete(@RestPath UUID id) {
        sources.delete(id, caller.id());
    }

    /** Fetches the source now; answers it with its health after the pass. */
    @POST
    @Path("/{id}/fetch")
    public SourceView fetch(@RestPath UUID id) {
        return sources.fetchNow(id, tenants.current(), caller.id());
    }
}
