package io.chorus.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.problem.Problems;
import io.chorus.identity.TokenResponse;
import io.chorus.sso.SsoService.Finished;
import io.chorus.sso.SsoService.Started;
import io.chorus.web.Surface;
import io.chorus.web.WebCookies;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * Single sign-on: start at the organization's identity provider, come back to the callback, and land signed in (the
 * app, the admin UI) or with a one-time code (an API client, exchanged at {@code /token}). A browser (one that accepts
 * text/html) sees failures as a page, any other client as problem+json.
 */
@Path("/api/v1/auth/sso")
@PermitAll
public class SsoResource {

    public static final String CALLBACK = "/api/v1/auth/sso/callback";
    private static final String COOKIE_PATH = "/api/v1/auth/sso";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance failed(String lang, String title, String slug, String detail, String back);

        static native TemplateInstance landing(String target);
    }

    public record SsoCodeRequest(@NotBlank @Size(max = 200) String code) {
    }

    private final SsoService sso;

    @Inject
    public SsoResource(SsoService sso) {
        this.sso = sso;
    }

    @GET
    @Path("/callback")
    public Response callback(@RestQuery String code, @RestQuery String state, @RestQuery String error,
            @RestQuery("error_description") String errorDescription, @RestCookie(SsoState.COOKIE) String cookie,
            HttpHeaders headers, HttpServerRequest http) {
        boolean secure = WebCookies.secure(http);
        NewCookie cleared = stateCookie("", secure, 0);
        Optional<SsoState> started = sso.state(cookie);
        String landing = started.map(SsoState::landing).orElse("app");
        Finished finished;
        try {
            finished = sso.finish(cookie, code, state, error, errorDescription, http.remoteAddress().hostAddress());
        } catch (ProblemException e) {
            return refused(e, landing, headers, cleared);
        }
        SsoState done = finished.state();
        if ("client".equals(done.landing())) {
            StringBuilder target = new StringBuilder(done.redirectUri())
                    .append(done.redirectUri().contains("?") ? '&' : '?').append("code=").append(finished.code());
            if (done.clientState() != null) {
                target.append("&state=").append(URLEncoder.encode(done.clientState(), StandardCharsets.UTF_8));
            }
            return Response.seeOther(URI.create(target.toString())).cookie(cleared).build();
        }
        Surface surface = "admin".equals(done.landing()) ? Surface.ADMIN : Surface.APP;
        Set<String> roles = finished.roles();
        boolean mayEnter = surface.mayEnter(roles);
        if (!mayEnter) {
            return refused(
                    new ProblemException(403, "not-here", "Sign-in refused",
                            "This account may not use " + (surface == Surface.ADMIN ? "the admin UI." : "the app.")),
                    done.landing(), headers, cleared);
        }
        TokenResponse tokens = finished.tokens();
        // A page of ours moves on: the session cookies are SameSite=Strict, and a browser sends those only on a
        // navigation that starts on this site (not on the redirect chain that began at the identity provider).
        Response.ResponseBuilder page = Response.ok(Templates.landing(surface.safeNext(done.next())).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(WebCookies.lasting(surface, WebCookies.ACCESS, tokens.accessToken(), secure,
                        (int) tokens.expiresIn()),
                        WebCookies.session(surface, WebCookies.REFRESH, tokens.refreshToken(), secure), cleared);
        WebPages.HEADERS.forEach(page::header);
        return page.build();
    }

    @POST
    @Path("/token")
    public TokenResponse token(@Valid @NotNull SsoCodeRequest request, HttpServerRequest http) {
        return sso.exchange(request.code(), http.remoteAddress().hostAddress());
    }

    @GET
    @Path("/{organization}")
    public Response start(@RestPath String organization, @RestQuery String provider, @RestQuery String landing,
            @RestQuery("redirect_uri") String redirectUri, @RestQuery String state, @RestQuery String next,
            HttpHeaders headers, HttpServerRequest http) {
        String where = landing == null ? (redirectUri == null ? "app" : "client") : landing;
        Started started;
        try {
            started = sso.start(organization, providerId(provider), where, redirectUri, state, next,
                    http.remoteAddress().hostAddress());
        } catch (ProblemException e) {
            return refused(e, where, headers, null);
        }
        return Response.seeOther(started.authorization()).cookie(stateCookie(started.cookie(), WebCookies.secure(http),
                (int) (started.state().expiresAt() - Instant.now().getEpochSecond()))).build();
    }

    private static Optional<UUID> providerId(String provider) {
        if (provider == null || provider.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(provider));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("provider", "must be an identity provider's id");
        }
    }

    /** The state cookie: only for these paths, sent back on the identity provider's redirect (Lax), never to JS. */
    private static NewCookie stateCookie(String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(SsoState.COOKIE).value(value).path(COOKIE_PATH).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }

    private static Response refused(ProblemException problem, String landing, HttpHeaders headers, NewCookie cleared) {
        Response answer;
        if (browser(headers)) {
            String back = "admin".equals(landing) ? Surface.ADMIN.signIn() : Surface.APP.signIn();
            answer = WebPages.render(problem.status(),
                    Templates.failed("en", problemTitle(problem), problem.slug(), problem.getMessage(), back),
                    Locale.ENGLISH);
        } else {
            answer = Problems.response(problem, landing.equals("client") ? CALLBACK : COOKIE_PATH);
        }
        return cleared == null ? answer : Response.fromResponse(answer).cookie(cleared).build();
    }

    private static String problemTitle(ProblemException problem) {
        return problem.status() == 404 ? "Single sign-on is not available" : "Sign-in failed";
    }

    private static boolean browser(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

}
