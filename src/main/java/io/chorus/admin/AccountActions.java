package io.chorus.admin;

import java.util.Optional;

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
import io.chorus.identity.AuthService;
import io.chorus.identity.Caller;
import io.chorus.tenancy.MeService;
import io.chorus.tenancy.Role;
import io.chorus.tenancy.TenancyRequests.UpdateMe;
import io.vertx.core.http.HttpServerRequest;

/** Signing out, and the language switch (which becomes the member's language everywhere). */
@Path("/admin/account")
@RolesAllowed({ Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AccountActions {

    private final AuthService auth;
    private final MeService me;
    private final Caller caller;

    @Inject
    public AccountActions(AuthService auth, MeService me, Caller caller) {
        this.auth = auth;
        this.me = me;
        this.caller = caller;
    }

    /** Ends the session: the refresh token is revoked and both cookies are cleared. */
    @POST
    @Path("/logout")
    public Response signOut(@RestCookie(AdminCookies.REFRESH) String refresh, HttpServerRequest http) {
        auth.logout(caller.id(), Optional.ofNullable(refresh).filter(r -> !r.isBlank()));
        boolean secure = AdminCookies.secure(http);
        return Response.seeOther(AdminPaths.uri(AdminPaths.SIGN_IN))
                .cookie(AdminCookies.cleared(AdminCookies.ACCESS, secure),
                        AdminCookies.cleared(AdminCookies.REFRESH, secure))
                .build();
    }

    @POST
    @Path("/language")
    public Response language(@RestForm String lang, @RestForm String next) {
        me.update(caller.id(), new UpdateMe(null, Pages.localeOf(lang).getLanguage(), null));
        return AdminPages.seeOther(AdminPaths.safeNext(next));
    }
}
