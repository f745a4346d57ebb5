package io.chorus.sharing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.sharing.SharingViews.CreateShare;
import io.chorus.sharing.clicks.Visitor;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/content/{id}/shares")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
public class ShareResource {

    private final ShareService shares;
    private final Caller caller;

    @Inject
    public ShareResource(ShareService shares, Caller caller) {
        this.shares = shares;
        this.caller = caller;
    }

    /** 201 with a new share, or 200 with the caller's existing share of this content on this network. */
    @POST
    public Response share(@RestPath UUID id, @Valid @NotNull CreateShare request, HttpServerRequest http) {
        ShareService.Outcome outcome = shares.share(id, request.network(), request.message(), caller.id(),
                caller.curates(), Visitor.of(http));
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK).entity(outcome.share())
                .build();
    }
}
