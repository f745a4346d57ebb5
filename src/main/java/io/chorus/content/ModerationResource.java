package io.chorus.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.content.ContentViews.QueueItem;
import io.chorus.identity.Role;

@Path("/api/v1/moderation/queue")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
public class ModerationResource {

    private final ContentListings content;

    @Inject
    public ModerationResource(ContentListings content) {
        this.content = content;
    }

    @GET
    public Page<QueueItem> queue(@RestQuery String limit, @RestQuery String cursor) {
        return content.queue(PageRequest.of(limit, cursor, 2));
    }
}
