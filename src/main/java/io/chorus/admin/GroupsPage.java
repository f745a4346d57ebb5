package io.chorus.admin;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Role;
import io.chorus.tenancy.GroupKind;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyRequests.CreateGroup;
import io.chorus.tenancy.TenancyRequests.UpdateGroup;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Groups (departments, locations, teams, programmes): list, create, rename, delete. */
@Path("/admin/groups")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class GroupsPage {

    /** A group form as typed; {@code id} is null for a new group. */
    public record GroupForm(UUID id, String name, String kind) {
        public boolean creating() {
            return id == null;
        }

        /** Whether this is the form of the group, sent and refused. */
        public boolean edits(UUID group) {
            return group.equals(id) && name != null;
        }

        /** Whether deleting this group was refused (content or campaigns aim at it). */
        public boolean refusesDelete(UUID group) {
            return group.equals(id) && name == null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, Page<GroupView> page, List<GroupKind> kinds,
                GroupForm form, FieldErrors errors, String done);
    }

    private final AdminPages pages;
    private final GroupService groups;
    private final Validator validator;

    @Inject
    public GroupsPage(AdminPages pages, GroupService groups, Validator validator) {
        this.pages = pages;
        this.groups = groups;
        this.validator = validator;
    }

    @GET
    public Response list(@RestQuery String cursor, @RestQuery String done) {
        return render(200, cursor, new GroupForm(null, "", GroupKind.DEPARTMENT.id()), FieldErrors.none(), done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String kind) {
        GroupForm form = new GroupForm(null, name == null ? "" : name.strip(), kind == null ? "" : kind);
        GroupKind chosen = kind(kind);
        CreateGroup request = new CreateGroup(form.name(), chosen);
        if (!validator.validate(request).isEmpty() || form.name().isEmpty()) {
            return render(400, null, form, invalid(chosen), null);
        }
        try {
            groups.create(request);
        } catch (ProblemException e) {
            return render(e.status() == 409 ? 409 : 400, null, form, FieldErrors.of("name", e.slug()), null);
        }
        return WebPages.seeOther("/admin/groups?done=group_created");
    }

    /** Renames a group or changes its kind. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@RestPath UUID id, @RestForm String name, @RestForm String kind) {
        GroupForm form = new GroupForm(id, name == null ? "" : name.strip(), kind == null ? "" : kind);
        GroupKind chosen = kind(kind);
        UpdateGroup request = new UpdateGroup(form.name(), chosen);
        if (!validator.validate(request).isEmpty() || form.name().isEmpty() || chosen == null) {
            return render(400, null, form, invalid(chosen), null);
        }
        try {
            groups.update(id, request);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return AdminErrors.notFound(pages.session().locale());
            }
            return render(e.status() == 409 ? 409 : 400, null, form, FieldErrors.of("name", e.slug()), null);
        }
        return WebPages.seeOther("/admin/groups?done=group_saved");
    }

    /** Deletes a group: its members stay members; refused while content or campaigns aim at it. */
    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath UUID id) {
        try {
            groups.delete(id);
        } catch (ProblemException e) {
            if (e.status() == 409) {
                return render(409, null, new GroupForm(id, null, null), FieldErrors.of("delete", e.slug()), null);
            }
            return AdminErrors.notFound(pages.session().locale());
        }
        return WebPages.seeOther("/admin/groups?done=group_deleted");
    }

    private Response render(int status, String cursor, GroupForm form, FieldErrors errors, String done) {
        Page<GroupView> page;
        try {
            page = groups.list(PageRequest.of(String.valueOf(PageRequest.MAX_LIMIT), cursor, 2));
        } catch (ProblemException e) {
            page = groups.list(PageRequest.of(String.valueOf(PageRequest.MAX_LIMIT), null, 2));
        }
        return pages.page(status,
                Templates.list(pages.session(), page, List.of(GroupKind.values()), form, errors, done));
    }

    /** A kind that is not one, else a name that is blank or too long. */
    private static FieldErrors invalid(GroupKind kind) {
        return kind == null ? FieldErrors.of("kind", "group_kind") : FieldErrors.of("name", "group_name");
    }

    private static GroupKind kind(String kind) {
        try {
            return kind == null ? null : GroupKind.of(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
