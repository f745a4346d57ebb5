package io.chorus.content;

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

import io.chorus.common.http.QueryParams;
import io.chorus.common.idempotency.Idempotency;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.content.ContentRequests.CreateContent;
import io.chorus.content.ContentRequests.Rejection;
import io.chorus.content.ContentRequests.UpdateContent;
import io.chorus.content.ContentService.Actor;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;

@Path("/api/v1/content")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
public class ContentResource {

    private final ContentService content;
    private final ContentListings listings;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public ContentResource(ContentService content, ContentListings listings, Idempotency idempotency, Caller caller) {
        this.content = content;
        this.listings = listings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** Curators create drafts; an ambassador's item is a submission, pending review. */
    @POST
    @RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ADMIN_ID })
    public Response create(@Valid @NotNull CreateContent request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/content", request, () -> {
            ContentView created = content.create(request, actor());
            return Response.created(URI.create("/api/v1/content/" + created.id())).entity(created).build();
        });
    }

    @GET
    public Page<ContentView> list(@RestQuery String status, @RestQuery String topic, @RestQuery String q,
            @RestQuery String limit, @RestQuery String cursor) {
        ContentFilter filter = new ContentFilter(
                QueryParams.parse("status", status, ContentStatus::of, "must be a content status"),
                QueryParams.text(topic).map(t -> Topics.normalize("topic", t)), QueryParams.text(q));
        return listings.list(filter, PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ADMIN_ID })
    public ContentView get(@RestPath UUID id) {
        return content.get(id, actor());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ADMIN_ID })
    public ContentView update(@RestPath UUID id, @Valid @NotNull UpdateContent request) {
        return content.update(id, request, actor());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ADMIN_ID })
    public void delete(@RestPath UUID id) {
        content.delete(id, actor());
    }

    @POST
    @Path("/{id}/publish")
    public ContentView publish(@RestPath UUID id) {
        return content.publish(id, caller.id());
    }

    @POST
    @Path("/{id}/approve")
    public ContentView approve(@RestPath UUID id) {
        return content.approve(id, caller.id());
    }

    @POST
    @Path("/{id}/reject")
    public ContentView reject(@RestPath UUID id, @Valid @NotNull Rejection request) {
        return content.reject(id, caller.id(), request.reason());
    }

    @POST
    @Path("/{id}/archive")
    public ContentView archive(@RestPath UUID id) {
        return content.archive(id, caller.id());
    }

    private Actor actor() {
        return new Actor(caller.id(), caller.curates());
    }
}
