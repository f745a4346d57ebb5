package io.chorus.mail;

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
import io.chorus.mail.MailViews.BroadcastCreated;
import io.chorus.mail.MailViews.BroadcastView;
import io.chorus.mail.MailViews.CreateBroadcast;

/** Curators broadcast a published item to everyone it targets, and follow its mails. */
@Path("/api/v1/broadcasts")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
public class BroadcastResource {

    private final BroadcastService broadcasts;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public BroadcastResource(BroadcastService broadcasts, Idempotency idempotency, Caller caller) {
        this.broadcasts = broadcasts;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A retry with the same Idempotency-Key mails nobody twice: it answers the first broadcast again. */
    @POST
    public Response create(@Valid @NotNull CreateBroadcast request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/broadcasts", request, () -> {
            BroadcastCreated created = broadcasts.create(request, caller.id());
            return Response.accepted(created).location(URI.create("/api/v1/broadcasts/" + created.id())).build();
        });
    }

    @GET
    public Page<BroadcastView> list(@RestQuery String limit, @RestQuery String cursor) {
        return broadcasts.list(PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    public BroadcastView get(@RestPath UUID id) {
        return broadcasts.get(id);
    }
}
