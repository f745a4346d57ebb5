package io.chorus.admin;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.chorus.common.Pages;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.scoring.ScoringService;
import io.chorus.tenancy.MeService;
import io.chorus.tenancy.TenancyViews.MeView;
import io.chorus.web.Csrf;
import io.chorus.web.Formats;
import io.chorus.web.WebPages;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** Renders admin pages for the signed-in member: their session, their language, the admin UI's headers. */
@RequestScoped
public class AdminPages {

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
                    Csrf.token(routing), Pages.localeOf(view.language()), zone(scoring.settings().timeZone()));
        }
        return session;
    }

    /** The organization's zone; "UTC" rather than "Z" when it has none. */
    private static ZoneId zone(String id) {
        ZoneId zone = ZoneId.of(id).normalized();
        return zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    /** A page of a list from a cursor a link carried; the first page when the cursor is not one. */
    public static <T> Page<T> listed(String cursor, Function<PageRequest, Page<T>> list) {
        try {
            return list.apply(PageRequest.of(null, cursor, 2));
        } catch (ProblemException e) {
            return list.apply(PageRequest.of(null, null, 2));
        }
    }

    public Response page(TemplateInstance template) {
        return page(200, template);
    }

    public Response page(int status, TemplateInstance template) {
        return WebPages.render(status, template.setAttribute(Formats.ZONE, session().zone()), session().locale());
    }
}
