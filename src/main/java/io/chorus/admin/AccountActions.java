package io.chorus.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import io.chorus.common.Pages;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.tenancy.MeService;
import io.chorus.tenancy.TenancyRequests.UpdateMe;
import io.chorus.web.Sessions;
import io.chorus.web.Surface;
import io.chorus.web.WebCookies;
import io.chorus.web.WebPages;
import io.vertx.core.http.HttpServerRequest;

/** Signing out, and the language switch (which becomes the member's language everywhere). */
@Path("/admin/account")
@RolesAllowed({ Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AccountActions {

    private final Sessions sessions;
    private final MeService me;
    private final Caller caller;

    @Inject
    public AccountActions(Sessions sessions, MeService me, Caller caller) {
        this.sessions = sessions;
        this.me = me;
        this.caller = caller;
    }

    /** Ends the session: the refresh token is revoked and both cookies are cleared. */
    @POST
    @Path("/logout")
    public Response signOut(@RestCookie(WebCookies.REFRESH) String refresh, HttpServerRequest http) {
        return sessions.signOut(Surface.ADMIN, caller.id(), refresh, WebCookies.secure(http));
    }

    @POST
    @Path("/language")
    public Response language(@RestForm String lang, @RestForm String next) {
        me.update(caller.id(), new UpdateMe(null, Pages.localeOf(lang).getLanguage(), null));
        return WebPages.seeOther(Surface.ADMIN.safeNext(next));
    }
}
