package io.chorus.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.Inputs;
import io.chorus.common.http.QueryParams;
import io.chorus.common.paging.PageRequest;
import io.chorus.identity.Caller;
import io.chorus.tenancy.Role;

@Path("/api/v1/feed")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
public class FeedResource {

    private final FeedService feed;
    private final Caller caller;

    @Inject
    public FeedResource(FeedService feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String feed(@RestQuery String topic, @RestQuery String language, @RestQuery String limit,
            @RestQuery String cursor) {
        return feed.feed(caller.id(), QueryParams.text(topic).map(t -> Topics.normalize("topic", t)),
                QueryParams.text(language).map(l -> Inputs.language("language", l)), PageRequest.of(limit, cursor, 2));
    }
}
