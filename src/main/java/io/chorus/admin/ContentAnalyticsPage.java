package io.chorus.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.admin.AnalyticsFilter.Read;
import io.chorus.analytics.AnalyticsConfig;
import io.chorus.analytics.AnalyticsService;
import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.common.Time;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Role;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One content item's analytics, for the roles the analytics API serves (analysts and admins): its shares, clicks and
 * unique visitors by network and by day, over a range and for a group. The dashboard's top content links here.
 */
@Path("/admin/content/{id}/analytics")
@RolesAllowed({ Role.ANALYST_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class ContentAnalyticsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, UUID id, String path, String title,
                AnalyticsFilter filter, List<GroupView> groups, ContentAnalytics figures, String problem,
                int minGroupSize);
    }

    private final AdminPages pages;
    private final AnalyticsService analytics;
    private final AnalyticsConfig config;
    private final GroupService groups;

    @Inject
    public ContentAnalyticsPage(AdminPages pages, AnalyticsService analytics, AnalyticsConfig config,
            GroupService groups) {
        this.pages = pages;
        this.analytics = analytics;
        this.config = config;
        this.groups = groups;
    }

    @GET
    public Response show(@RestPath UUID id, @RestQuery String days, @RestQuery String from, @RestQuery String to,
            @RestQuery String group) {
        AdminSession session = pages.session();
        LocalDate today = Time.today(session.zone());
        try {
            Read<ContentAnalytics> read = AnalyticsFilter.of(days, from, to, group, today)
                    .read(f -> analytics.content(id, f.from(), f.to(), f.groupId()).value());
            ContentAnalytics figures = read.figures();
            AnalyticsFilter filter = figures == null ? read.filter()
                    : read.filter().read(figures.from(), figures.to(), today);
            // Refused range or group: the item's title (and whether it exists) from its default figures.
            String title = figures != null ? figures.title() : analytics.content(id, null, null, null).value().title();
            return pages.page(read.status(), Templates.show(session, id, "/admin/content/" + id + "/analytics", title,
                    filter, AdminGroups.all(groups), figures, read.problem(), config.minGroupSize()));
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            return AdminErrors.notFound(session.locale()); // not (or no longer) one of ours
        }
    }
}
