package io.chorus.sharing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.sharing.SharingViews.ShareWithClicks;

/** One share and what its short link earned: for the sharer, and for curators, analysts and admins. */
@Path("/api/v1/shares/{id}")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class ShareClicksResource {

    private final ShareService shares;
    private final Caller caller;

    @Inject
    public ShareClicksResource(ShareService shares, Caller caller) {
        this.shares = shares;
        this.caller = caller;
    }

    @GET
    public ShareWithClicks get(@RestPath UUID id) {
        boolean seesEveryShare = caller.curates() || caller.hasRole(Role.ANALYST_ID);
        return shares.get(id, caller.id(), seesEveryShare);
    }
}
