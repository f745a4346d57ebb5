package io.chorus.sharing;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;

/** The caller's signed one-click share links for a content item, one per network. */
@Path("/api/v1/content/{id}/share-links")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
public class ShareLinkResource {

    private final ShareLinkService links;
    private final Caller caller;

    @Inject
    public ShareLinkResource(ShareLinkService links, Caller caller) {
        this.links = links;
        this.caller = caller;
    }

    @GET
    public Map<String, String> links(@RestPath UUID id) {
        return links.links(id, caller.id());
    }
}
