package io.chorus.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import io.chorus.content.ContentFilter;
import io.chorus.content.ContentListings;
import io.chorus.content.ContentService;
import io.chorus.content.ContentService.Actor;
import io.chorus.content.ContentStatus;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.web.Formats.InvalidField;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The content list (status filter, search) and the editor: drafts, targeting, suggested messages, publish, archive. */
@Path("/admin/content")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class ContentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, Page<ContentView> page, List<ContentStatus> statuses,
                String status, String q, String done);

        static native TemplateInstance editor(AdminSession session, ContentView content, ContentForm form,
                List<GroupView> groups, List<String> languages, Set<String> errors, String done);
    }

    private final AdminPages pages;
    private final ContentService content;
    private final ContentListings listings;
    private final GroupService groups;
    private final Caller caller;

    @Inject
    public ContentPages(AdminPages pages, ContentService content, ContentListings listings, GroupService groups,
            Caller caller) {
        this.pages = pages;
        this.content = content;
        this.listings = listings;
        this.groups = groups;
        this.caller = caller;
    }

    @GET
    public Response list(@RestQuery String status, @RestQuery String q, @RestQuery String cursor,
            @RestQuery String done) {
        Optional<ContentStatus> wanted = Optional.empty();
        try {
            wanted = status == null || status.isBlank() ? Optional.empty() : Optional.of(ContentStatus.of(status));
        } catch (RuntimeException e) {
            status = null; // an unknown status filters nothing
        }
        Optional<String> query = q == null || q.isBlank() ? Optional.empty() : Optional.of(q.strip());
        Page<ContentView> page;
        try {
            page = listings.list(new ContentFilter(wanted, Optional.empty(), query), PageRequest.of(null, cursor, 2));
        } catch (ProblemException e) {
            page = listings.list(new ContentFilter(wanted, Optional.empty(), query), PageRequest.of(null, null, 2));
        }
        return pages.page(Templates.list(pages.session(), page, List.of(ContentStatus.values()),
                wanted.map(ContentStatus::id).orElse(""), query.orElse(""), done));
    }

    @GET
    @Path("/new")
    public Response create() {
        AdminSession session = pages.session();
        return editor(200, null, ContentForm.blank(session.lang()), Set.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String then, @RestForm String title, @RestForm String url, @RestForm String body,
            @RestForm String imageUrl, @RestForm String language, @RestForm String topics,
            @RestForm("groups") List<String> groupIds, @RestForm String linkedin, @RestForm String x,
            @RestForm String facebook, @RestForm String xing, @RestForm String whatsapp, @RestForm String email,
            @RestForm String publishAt, @RestForm String expiresAt, @BeanParam VoicesFields voices,
            @RestForm String disclosure) {
        ContentForm form = form(title, url, body, imageUrl, language, topics, groupIds,
                ContentForm.messages(linkedin, x, facebook, xing, whatsapp, email), publishAt, expiresAt, voices,
                disclosure);
        ContentView created;
        try {
            created = content.create(form.toCreate(pages.session().zone()), actor());
        } catch (InvalidField e) {
            return editor(400, null, form, Set.of(e.field()), null);
        } catch (ProblemException e) {
            return editor(400, null, form, fields(e), null);
        }
        return afterSave(created, then, "created");
    }

    @GET
    @Path("/{id}")
    public Response edit(@RestPath UUID id, @RestQuery String done) {
        Optional<ContentView> item = find(id);
        return item.map(c -> editor(200, c, ContentForm.of(c, pages.session().zone()), Set.of(), done))
                .orElseGet(() -> AdminErrors.notFound(pages.session().locale()));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath UUID id, @RestForm String then, @RestForm String title, @RestForm String url,
            @RestForm String body, @RestForm String imageUrl, @RestForm String language, @RestForm String topics,
            @RestForm("groups") List<String> groupIds, @RestForm String linkedin, @RestForm String x,
            @RestForm String facebook, @RestForm String xing, @RestForm String whatsapp, @RestForm String email,
            @RestForm String publishAt, @RestForm String expiresAt, @BeanParam VoicesFields voices,
            @RestForm String disclosure) {
        Optional<ContentView> current = find(id);
        if (current.isEmpty()) {
            return AdminErrors.notFound(pages.session().locale());
        }
        ContentForm form = form(title, url, body, imageUrl, language, topics, groupIds,
                ContentForm.messages(linkedin, x, facebook, xing, whatsapp, email), publishAt, expiresAt, voices,
                disclosure);
        ContentView saved;
        try {
            saved = content.update(id, form.toUpdate(current.get(), pages.session().zone()), actor());
        } catch (InvalidField e) {
            return editor(400, current.get(), form, Set.of(e.field()), null);
        } catch (ProblemException e) {
            return editor(e.status() == 409 ? 409 : 400, current.get(), form, fields(e), null);
        }
        return afterSave(saved, then, "saved");
    }

    @POST
    @Path("/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@RestPath UUID id) {
        try {
            content.archive(id, caller.id());
        } catch (ProblemException e) {
            return find(id)
                    .map(c -> editor(e.status(), c, ContentForm.of(c, pages.session().zone()), Set.of("status"), null))
                    .orElseGet(() -> AdminErrors.notFound(pages.session().locale()));
        }
        return WebPages.seeOther("/admin/content/" + id + "?done=archived");
    }

    /** "Save draft" stays in the editor; "Publish" saves, then publishes (or schedules). */
    private Response afterSave(ContentView saved, String then, String done) {
        if ("publish".equals(then) && saved.status() == ContentStatus.DRAFT) {
            try {
                content.publish(saved.id(), caller.id());
            } catch (ProblemException e) {
                return editor(e.status() == 409 ? 409 : 400, saved, ContentForm.of(saved, pages.session().zone()),
                        fields(e), null);
            }
            return WebPages.seeOther("/admin/content?done=published");
        }
        return WebPages.seeOther("/admin/content/" + saved.id() + "?done=" + done);
    }

    private Response editor(int status, ContentView item, ContentForm form, Set<String> errors, String done) {
        List<GroupView> all = AdminGroups.all(groups);
        return pages.page(status,
                Templates.editor(pages.session(), item, form, all, ContentForm.LANGUAGES, errors, done));
    }

    private Optional<ContentView> find(UUID id) {
        try {
            return Optional.of(content.get(id, actor()));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** The fields a refusal names ({@code status} when it names none: an illegal status change). */
    private static Set<String> fields(ProblemException e) {
        List<Problem.Violation> violations = e.toProblem(null).violations();
        if (violations == null || violations.isEmpty()) {
            return Set.of("status");
        }
        return violations.stream().map(v -> v.field().startsWith("topics") ? "topics" : v.field())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static ContentForm form(String title, String url, String body, String imageUrl, String language,
            String topics, List<String> groupIds, Map<String, String> messages, String publishAt, String expiresAt,
            VoicesFields voices, String disclosure) {
        return new ContentForm(ContentForm.orEmpty(title), ContentForm.orEmpty(url), ContentForm.orEmpty(body),
                ContentForm.orEmpty(imageUrl), ContentForm.orEmpty(language), ContentForm.orEmpty(topics),
                groupIds == null ? Set.of() : new LinkedHashSet<>(groupIds), messages, ContentForm.orEmpty(publishAt),
                ContentForm.orEmpty(expiresAt), voices.alternatives(), voices.variants(),
                ContentForm.orEmpty(disclosure));
    }

    private Actor actor() {
        return new Actor(caller.id(), true);
    }
}
