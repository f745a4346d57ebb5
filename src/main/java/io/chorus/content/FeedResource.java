package io.chorus.content;

import java.nio.charset.StandardCharsets;

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
import io.chorus.identity.Role;

@Path("/api/v1/feed")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
public class FeedResource {

    private static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    private final FeedService feed;
    private final Caller caller;

    @Inject
    public FeedResource(FeedService feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    /**
     * The page's JSON as bytes: encoded by the JDK (vectorised) rather than by the String writer's character loop,
     * which cost more than the page's statement.
     */
    @GET
    @Produces(JSON_UTF8)
    public byte[] feed(@RestQuery String topic, @RestQuery String language, @RestQuery String limit,
            @RestQuery String cursor) {
        return feed.feed(caller.id(), QueryParams.text(topic).map(t -> Topics.normalize("topic", t)),
                QueryParams.text(language).map(l -> Inputs.language("language", l)), PageRequest.of(limit, cursor, 2))
                .getBytes(StandardCharsets.UTF_8);
    }

}
