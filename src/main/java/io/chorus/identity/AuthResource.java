package io.chorus.identity;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/auth")
public class AuthResource {

    private final AuthService auth;
    private final Caller caller;

    @Inject
    public AuthResource(AuthService auth, Caller caller) {
        this.auth = auth;
        this.caller = caller;
    }

    @POST
    @Path("/login")
    @PermitAll
    public TokenResponse login(@Valid @NotNull LoginRequest request, HttpServerRequest http) {
        return auth.login(request, http.remoteAddress().hostAddress());
    }

    public record RefreshRequest(@NotBlank String refreshToken) {
    }

    @POST
    @Path("/refresh")
    @PermitAll
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    public record LogoutRequest(String refreshToken) {
    }

    @POST
    @Path("/logout")
    @Authenticated
    public void logout(@Valid LogoutRequest request) {
        auth.logout(caller.id(), Optional.ofNullable(request).map(LogoutRequest::refreshToken));
    }
}
