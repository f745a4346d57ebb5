package io.chorus.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.sources.SourceService;
import io.chorus.sources.SourceViews.CreateSource;
import io.chorus.sources.SourceViews.SourceView;
import io.chorus.sources.SourceViews.UpdateSource;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Content sources: the list with each one's health, a form that adds one, enabling, disabling and fetching now. */
@Path("/admin/sources")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class SourcesPage {

    /** What the add form held, to show it again with what was wrong. */
    public record Typed(String url, String topics, String language, String mode, List<String> groups) {

        /** Whether the form chose this group. */
        public boolean chosen(UUID group) {
            return groups.contains(group.toString());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, Page<SourceView> page, Typed typed, String problem,
                String done, List<GroupView> groups, Map<UUID, String> groupNames);
    }

    private static final Typed EMPTY = new Typed("", "", "en", "review", List.of());

    private final AdminPages pages;
    private final SourceService sources;
    private final Caller caller;
    private final Tenants tenants;
    private final GroupService groups;

    @Inject
    public SourcesPage(AdminPages pages, SourceService sources, Caller caller, Tenants tenants, GroupService groups) {
        this.groups = groups;
        this.pages = pages;
        this.sources = sources;
        this.caller = caller;
        this.tenants = tenants;
    }

    @GET
    public Response list(@RestQuery String cursor, @RestQuery String done) {
        return render(200, cursor, EMPTY, null, done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String url, @RestForm String topics, @RestForm String language, @RestForm String mode,
            @RestForm List<String> groups) {
        Typed typed = new Typed(text(url), text(topics), text(language), text(mode),
                groups == null ? List.of() : groups.stream().map(SourcesPage::text).filter(g -> !g.isEmpty()).toList());
        if (typed.url().isBlank() || typed.url().length() > 2048) {
            return render(400, null, typed, "url", null);
        }
        List<String> tags = Arrays.stream(typed.topics().split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 50) || typed.language().length() > 35) {
            return render(400, null, typed, tags.size() > 20 ? "topics" : "language", null);
        }
        List<UUID> targets;
        try {
            targets = typed.groups().stream().map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            return render(400, null, typed, "targetGroupIds", null);
        }
        try {
            sources.create(new CreateSource(typed.url(), tags, targets,
                    typed.language().isBlank() ? null : typed.language(), typed.mode().isBlank() ? null : typed.mode()),
                    caller.id());
            return WebPages.seeOther("/admin/sources?done=added");
        } catch (ProblemException e) {
            return render(e.status() == 409 ? 409 : 400, null, typed, problem(e), null);
        }
    }

    @POST
    @Path("/{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@RestPath UUID id, @RestForm String enabled) {
        boolean on = "true".equals(enabled);
        return act(() -> sources.update(id, new UpdateSource(null, null, null, null, null, on), caller.id()),
                on ? "enabled" : "disabled");
    }

    @POST
    @Path("/{id}/fetch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fetch(@RestPath UUID id) {
        return act(() -> sources.fetchNow(id, tenants.current(), caller.id()), "fetched");
    }

    private Response act(Runnable action, String done) {
        try {
            action.run();
            return WebPages.seeOther("/admin/sources?done=" + done);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return AdminErrors.notFound(pages.session().locale()); // another organization's source, or none
            }
            return render(409, null, EMPTY, e.slug(), null);
        }
    }

    /** The field a 400 is about, or the problem's slug. */
    private static String problem(ProblemException e) {
        Problem problem = e.toProblem("/admin/sources");
        List<Problem.Violation> violations = problem.violations();
        return violations == null || violations.isEmpty() ? e.slug()
                : violations.get(0).field().replaceAll("\\[.*", "");
    }

    private Response render(int status, String cursor, Typed typed, String problem, String done) {
        Page<SourceView> page;
        try {
            page = sources.list(PageRequest.of(null, cursor, 2));
        } catch (ProblemException e) {
            page = sources.list(PageRequest.of(null, null, 2));
        }
        List<GroupView> all = AdminGroups.all(groups);
        return pages.page(status,
                Templates.list(pages.session(), page, typed, problem, done, all, AdminGroups.names(all)));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
