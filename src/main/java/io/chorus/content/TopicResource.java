package io.chorus.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.content.ContentViews.TopicCount;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;

@Path("/api/v1/topics")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class TopicResource {

    private final ContentListings content;
    private final Caller caller;

    @Inject
    public TopicResource(ContentListings content, Caller caller) {
        this.content = content;
        this.caller = caller;
    }

    @GET
    public Page<TopicCount> topics(@RestQuery String limit, @RestQuery String cursor) {
        return content.topics(new ContentService.Actor(caller.id(), caller.curates()),
                PageRequest.of(limit, cursor, 2));
    }
}
