package io.chorus.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;

/** An ambassador's own submissions with their moderation outcome (a rejection's reason included). */
@Path("/api/v1/me/submissions")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ADMIN_ID })
public class SubmissionResource {

    private final ContentListings content;
    private final Caller caller;

    @Inject
    public SubmissionResource(ContentListings content, Caller caller) {
        this.content = content;
        this.caller = caller;
    }

    @GET
    public Page<ContentView> mine(@RestQuery String limit, @RestQuery String cursor) {
        return content.submissions(caller.id(), PageRequest.of(limit, cursor, 2));
    }
}
