package io.chorus.scim;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.chorus.common.problem.ScimError;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the bearer token of a SCIM request. The SCIM resources select this mechanism by name
 * ({@code @HttpAuthenticationMechanism("scim")}), so a member's JWT is never accepted there, and this mechanism takes
 * no part in any other request: a SCIM token opens nothing outside /scim. The token is checked by
 * {@link ScimTokenVerifier}; no token, or one that does not verify, is a 401.
 */
@ApplicationScoped
public class ScimAuthentication implements HttpAuthenticationMechanism {

    public static final String SCHEME = "scim";
    private static final String BEARER = "bearer ";

    /** A SCIM token as presented, to be verified. */
    public static final class Request extends BaseAuthenticationRequest {

        private final String token;

        Request(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (!ScimError.covers(context.normalizedPath()) || header == null
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? Uni.createFrom().nullItem() : identities.authenticate(new Request(token));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"scim\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer", SCHEME));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100; // after SmallRye JWT's, which serves every other path
    }
}
