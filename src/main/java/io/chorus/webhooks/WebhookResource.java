package io.chorus.webhooks;

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
import io.chorus.webhooks.WebhookViews.CreateWebhook;
import io.chorus.webhooks.WebhookViews.CreatedWebhook;
import io.chorus.webhooks.WebhookViews.DeliveryView;
import io.chorus.webhooks.WebhookViews.UpdateWebhook;
import io.chorus.webhooks.WebhookViews.WebhookView;

/** The organization's webhook endpoints, their delivery logs and replays: its admins' only. */
@Path("/api/v1/webhooks")
@RolesAllowed(Role.ADMIN_ID)
public class WebhookResource {

    private final WebhookService webhooks;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public WebhookResource(WebhookService webhooks, Idempotency idempotency, Caller caller) {
        this.webhooks = webhooks;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull CreateWebhook request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/webhooks", request, () -> {
            CreatedWebhook created = webhooks.create(request, caller.id());
            return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
        });
    }

    @GET
    public Page<WebhookView> list(@RestQuery String limit, @RestQuery String cursor) {
        return webhooks.list(PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    public WebhookView get(@RestPath UUID id) {
        return webhooks.get(id);
    }

    @PATCH
    @Path("/{id}")
    public WebhookView update(@RestPath UUID id, @Valid @NotNull UpdateWebhook request) {
        return webhooks.update(id, request, caller.id());
    }

    @DELETE
    @Path("/{id}")
    public void delete(@RestPath UUID id) {
        webhooks.delete(id, caller.id());
    }

    @GET
    @Path("/{id}/deliveries")
    public Page<DeliveryView> deliveries(@RestPath UUID id, @RestQuery String limit, @RestQuery String cursor) {
        return webhooks.deliveries(id, PageRequest.of(limit, cursor, 2));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    public Response replay(@RestPath UUID id, @RestPath UUID deliveryId) {
        return Response.accepted(webhooks.replay(id, deliveryId, caller.id())).build();
    }
}
