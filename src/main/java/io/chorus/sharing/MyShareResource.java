package io.chorus.sharing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.sharing.SharingViews.ShareView;

/** The caller's shares, newest first. */
@Path("/api/v1/me/shares")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
public class MyShareResource {

    private final ShareService shares;
    private final Caller caller;

    @Inject
    public MyShareResource(ShareService shares, Caller caller) {
        this.shares = shares;
        this.caller = caller;
    }

    @GET
    public Page<ShareView> mine(@RestQuery String limit, @RestQuery String cursor) {
        return shares.mine(caller.id(), PageRequest.of(limit, cursor, 2));
    }
}
