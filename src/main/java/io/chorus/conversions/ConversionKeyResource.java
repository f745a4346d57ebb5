package io.chorus.conversions;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.conversions.ConversionViews.CreateKey;
import io.chorus.conversions.ConversionViews.CreatedKey;
import io.chorus.conversions.ConversionViews.KeyView;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;

/** The organization's conversion keys: an admin makes one (the key is shown once), lists and revokes them. */
@Path("/api/v1/settings/conversion-keys")
@RolesAllowed(Role.ADMIN_ID)
public class ConversionKeyResource {

    private final ConversionKeyService keys;
    private final Caller caller;

    @Inject
    public ConversionKeyResource(ConversionKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull CreateKey request) {
        CreatedKey key = keys.create(request, caller.id());
        return Response.created(URI.create("/api/v1/settings/conversion-keys/" + key.id())).entity(key).build();
    }

    @GET
    public Page<KeyView> list(@RestQuery String limit, @RestQuery String cursor) {
        return keys.list(PageRequest.of(limit, cursor, 2));
    }

    @DELETE
    @Path("/{id}")
    public void revoke(@RestPath UUID id) {
        keys.revoke(id, caller.id());
    }
}
