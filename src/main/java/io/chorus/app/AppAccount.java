package io.chorus.app;

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

/** Signing out of the app (the admin UI's session, if any, stays), and the language switch (the member's language). */
@Path(AppPaths.ROOT + "/account")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AppAccount {

    private final Sessions sessions;
    private final MeService me;
    private final Caller caller;

    @Inject
    public AppAccount(Sessions sessions, MeService me, Caller caller) {
        this.sessions = sessions;
        this.me = me;
        this.caller = caller;
    }

    @POST
    @Path("/logout")
    public Response signOut(@RestCookie(WebCookies.REFRESH) String refresh, HttpServerRequest http) {
        return sessions.signOut(Surface.APP, caller.id(), refresh, WebCookies.secure(http));
    }

    @POST
    @Path("/language")
    public Response language(@RestForm String lang, @RestForm String next) {
        me.update(caller.id(), new UpdateMe(null, Pages.localeOf(lang).getLanguage(), null));
        return WebPages.seeOther(Surface.APP.safeNext(next));
    }
}
