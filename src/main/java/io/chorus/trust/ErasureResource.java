package io.chorus.trust;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;

/** The right to erasure, exercised by an admin for a member of their organization. */
@Path("/api/v1/members/{id}/erase")
@RolesAllowed(Role.ADMIN_ID)
public class ErasureResource {

    private final ErasureService erasure;
    private final Caller caller;

    @Inject
    public ErasureResource(ErasureService erasure, Caller caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    @POST
    public void erase(@RestPath("id") UUID memberId) {
        erasure.erase(memberId, caller.id());
    }
}
