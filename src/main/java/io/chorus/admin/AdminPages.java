package io.chorus.admin;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.chorus.common.Pages;
import io.chorus.identity.Caller;
import io.chorus.scoring.ScoringService;
import io.chorus.tenancy.MeService;
import io.chorus.tenancy.TenancyViews.MeView;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** Renders admin pages for the signed-in member: their session, their language, the admin UI's headers. */
@RequestScoped
public class AdminPages {

    /**
     * Stricter than it looks: scripts and styles only from this service (no inline ones), images from here, data: URLs
     * (the stylesheet's icons) and https (content previews), forms only to here, never framed.
     */
    static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";
    static final Map<String, String> HEADERS;
    static {
        Map<String, String> headers = new HashMap<>(Pages.HEADERS);
        headers.put("Content-Security-Policy", SECURITY_POLICY);
        HEADERS = Map.copyOf(headers);
    }

    private final Caller caller;
    private final MeService me;
    private final ScoringService scoring;
    private final RoutingContext routing;
    private AdminSession session;

    @Inject
    public AdminPages(Caller caller, MeService me, ScoringService scoring, RoutingContext routing) {
        this.caller = caller;
        this.me = me;
        this.scoring = scoring;
        this.routing = routing;
    }

    /** The signed-in member, read once per request. */
    public AdminSession session() {
        if (session == null) {
            MeView view = me.get(caller.id());
            Set<String> roles = new TreeSet<>();
            view.roles().forEach(role -> roles.add(role.id()));
            session = new AdminSession(view.name(), view.email(), view.organization().name(), roles,
                    AdminCsrf.token(routing), Pages.localeOf(view.language()), zone(scoring.settings().timeZone()));
        }
        return session;
    }

    /** The organization's zone; "UTC" rather than "Z" when it has none. */
    private static ZoneId zone(String id) {
        ZoneId zone = ZoneId.of(id).normalized();
        return zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    public Response page(TemplateInstance template) {
        return page(200, template);
    }

    public Response page(int status, TemplateInstance template) {
        return render(status, template.setAttribute(AdminFormats.ZONE, session().zone()), session().locale());
    }

    /** After a form: back to a page with GET (303), so that reloading never repeats the action. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static Response render(int status, TemplateInstance template, Locale locale) {
        Response.ResponseBuilder response = Response.status(status).entity(template.setLocale(locale))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Content-Language", locale.getLanguage());
        HEADERS.forEach(response::header);
        return response.build();
    }
}
