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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.Pages;
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
        static native TemplateInstance failed(String lang, String slug, String detail, String back);

        static native TemplateInstance landing(String lang, String target);
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
        Locale locale = started.map(SsoState::lang).map(Pages::localeOf).orElseGet(() -> Pages.localeOf(headers));
        Finished finished;
        try {
            finished = sso.finish(cookie, code, state, error, errorDescription, http.remoteAddress().hostAddress());
        } catch (ProblemException e) {
            return refused(e, landing, locale, headers, cleared);
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
        Locale theirs = finished.language() == null ? locale : Pages.localeOf(finished.language());
        if (!surface.mayEnter(roles)) {
            return refused(
                    new ProblemException(403, "not-here", "Sign-in refused",
                            "This account may not use " + (surface == Surface.ADMIN ? "the admin UI." : "the app.")),
                    done.landing(), theirs, headers, cleared);
        }
        TokenResponse tokens = finished.tokens();
        // A page of ours moves on: the session cookies are SameSite=Strict, and a browser sends those only on a
        // navigation that starts on this site (not on the redirect chain that began at the identity provider).
        return Response
                .fromResponse(WebPages.render(200,
                        Templates.landing(theirs.getLanguage(), surface.safeNext(done.next())), theirs))
                .cookie(WebCookies.lasting(surface, WebCookies.ACCESS, tokens.accessToken(), secure,
                        (int) tokens.expiresIn()),
                        WebCookies.session(surface, WebCookies.REFRESH, tokens.refreshToken(), secure), cleared)
                .build();
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
            @RestQuery String lang, HttpHeaders headers, HttpServerRequest http) {
        String where = landing == null ? (redirectUri == null ? "app" : "client") : landing;
        Locale locale = lang != null && !lang.isBlank() ? Pages.localeOf(lang) : Pages.localeOf(headers);
        Started started;
        try {
            started = sso.start(organization, providerId(provider), where, redirectUri, state, next,
                    locale.getLanguage(), http.remoteAddress().hostAddress());
        } catch (ProblemException e) {
            return refused(e, where, locale, headers, null);
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

    /**
     * A browser's page in its language (what went wrong in its words, the technical detail as is), else problem+json.
     */
    private static Response refused(ProblemException problem, String landing, Locale locale, HttpHeaders headers,
            NewCookie cleared) {
        Response answer;
        if (browser(headers)) {
            String back = ("admin".equals(landing) ? Surface.ADMIN.signIn() : Surface.APP.signIn()) + "?lang="
                    + locale.getLanguage();
            answer = WebPages.render(problem.status(),
                    Templates.failed(locale.getLanguage(), problem.slug(), problem.getMessage(), back), locale);
        } else {
            answer = Problems.response(problem, landing.equals("client") ? CALLBACK : COOKIE_PATH);
        }
        return cleared == null ? answer : Response.fromResponse(answer).cookie(cleared).build();
    }

    private static boolean browser(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

}
