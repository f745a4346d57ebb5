package io.chorus.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.MemberFilter;
import io.chorus.tenancy.MemberService;
import io.chorus.tenancy.MemberStatus;
import io.chorus.tenancy.TenancyRequests.UpdateMember;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.tenancy.TenancyViews.InvitationView;
import io.chorus.tenancy.TenancyViews.MemberView;
import io.chorus.trust.ErasureService;
import io.chorus.web.Formats;
import io.chorus.web.Formats.InvalidField;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The member list (search, role, status and group filters, paging) and a member's page: roles, groups, deactivation and
 * reactivation, a new invitation link for who has not accepted yet, erasure. Inviting is {@link InvitePage}.
 */
@Path("/admin/members")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class MembersPage {

    private static final String PAGE_SIZE = "25";

    /** The list's filters as chosen, so that the form and the next-page link keep them. */
    public record Filters(String q, String role, String status, String group) {
        public String query() {
            return "q=" + Formats.urlEncoded(q) + "&role=" + role + "&status=" + status + "&group=" + group;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, Page<MemberView> page, Filters filters,
                List<GroupView> groups, Map<UUID, String> groupNames, List<Role> roles, List<MemberStatus> statuses,
                String done);

        static native TemplateInstance member(AdminSession session, MemberView member, Access access,
                List<GroupView> groups, List<Role> roles, FieldErrors errors, InvitationView invitation, String done);
    }

    private final AdminPages pages;
    private final MemberService members;
    private final GroupService groups;
    private final ErasureService erasure;
    private final Caller caller;

    @Inject
    public MembersPage(AdminPages pages, MemberService members, GroupService groups, ErasureService erasure,
            Caller caller) {
        this.pages = pages;
        this.members = members;
        this.groups = groups;
        this.erasure = erasure;
        this.caller = caller;
    }

    @GET
    public Response list(@RestQuery String q, @RestQuery String role, @RestQuery String status, @RestQuery String group,
            @RestQuery String cursor, @RestQuery String done) {
        Optional<Role> wantedRole = Formats.choice(role, Role::of);
        Optional<MemberStatus> wantedStatus = Formats.choice(status, MemberStatus::of);
        Optional<UUID> wantedGroup = Formats.choice(group, UUID::fromString);
        Optional<String> query = Optional.ofNullable(q).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.length() > 200 ? s.substring(0, 200) : s);
        MemberFilter filter = new MemberFilter(query, wantedGroup, wantedRole, wantedStatus);
        Page<MemberView> page;
        try {
            page = members.list(filter, PageRequest.of(PAGE_SIZE, cursor, 2));
        } catch (ProblemException e) {
            page = members.list(filter, PageRequest.of(PAGE_SIZE, null, 2)); // a cursor that is not ours
        }
        List<GroupView> all = AdminGroups.all(groups);
        Filters chosen = new Filters(query.orElse(""), wantedRole.map(Role::id).orElse(""),
                wantedStatus.map(MemberStatus::id).orElse(""), wantedGroup.map(UUID::toString).orElse(""));
        return pages.page(Templates.list(pages.session(), page, chosen, all, AdminGroups.names(all),
                List.of(Role.values()), List.of(MemberStatus.values()), done));
    }

    @GET
    @Path("/{id}")
    public Response member(@RestPath UUID id, @RestQuery String done) {
        return find(id).map(m -> render(200, m, FieldErrors.none(), null, done)).orElseGet(this::notFound);
    }

    /** Roles and groups, as ticked. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath UUID id, @RestForm("roles") List<String> roleIds,
            @RestForm("groups") List<String> groupIds) {
        Optional<MemberView> current = find(id);
        if (current.isEmpty()) {
            return notFound();
        }
        Access access = Access.of(roleIds, groupIds);
        Set<Role> roles;
        List<UUID> groupList;
        try {
            roles = access.roles();
            groupList = access.groups();
        } catch (InvalidField e) {
            return render(400, current.get(), access,
                    FieldErrors.of(e.field(), e.field().equals("roles") ? "missing_role" : "unknown_group"), null,
                    null);
        }
        if (roles.isEmpty()) {
            return render(400, current.get(), access, FieldErrors.of("roles", "missing_role"), null, null);
        }
        try {
            members.update(id, new UpdateMember(null, roles, groupList, null, null));
        } catch (ProblemException e) {
            boolean lastAdmin = e.slug().equals("last-admin");
            return render(e.status() == 409 ? 409 : 400, current.get(), access,
                    FieldErrors.of(lastAdmin ? "roles" : "groups", lastAdmin ? e.slug() : "unknown_group"), null, null);
        }
        return WebPages.seeOther("/admin/members/" + id + "?done=member_saved");
    }

    /** Deactivates (no sign-in, no share, off the leaderboards; what they did stays counted) or reactivates. */
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@RestPath UUID id, @RestForm String status) {
        Optional<MemberView> current = find(id);
        if (current.isEmpty()) {
            return notFound();
        }
        MemberStatus wanted = MemberStatus.DEACTIVATED.id().equals(status) ? MemberStatus.DEACTIVATED
                : MemberStatus.ACTIVE;
        try {
            members.update(id, new UpdateMember(null, null, null, wanted, null));
        } catch (ProblemException e) {
            return refused(e, current.get(), "status");
        }
        return WebPages.seeOther("/admin/members/" + id + "?done=" + wanted.id());
    }

    /** A new link for a member who has not accepted their invitation yet; earlier links stop working. */
    @POST
    @Path("/{id}/invitation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reinvite(@RestPath UUID id) {
        Optional<MemberView> current = find(id);
        if (current.isEmpty()) {
            return notFound();
        }
        try {
            InvitationView invitation = members.reinvite(id);
            return render(200, members.get(id), FieldErrors.none(), invitation, "reinvited");
        } catch (ProblemException e) {
            return refused(e, current.get(), "status");
        }
    }

    /**
     * Erases the member for good (the right to erasure, {@link ErasureService}), after the confirmation on their page
     * that says what goes and what stays. The last active admin is refused.
     */
    @POST
    @Path("/{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@RestPath UUID id) {
        Optional<MemberView> current = find(id);
        if (current.isEmpty()) {
            return notFound();
        }
        try {
            erasure.erase(id, caller.id());
        } catch (ProblemException e) {
            return refused(e, current.get(), "erase");
        }
        return WebPages.seeOther("/admin/members/" + id + "?done=erased");
    }

    private Response refused(ProblemException e, MemberView member, String field) {
        return render(e.status() == 409 ? 409 : 400, member, FieldErrors.of(field, e.slug()), null, null);
    }

    private Response render(int status, MemberView member, FieldErrors errors, InvitationView invitation, String done) {
        return render(status, member, Access.of(member), errors, invitation, done);
    }

    /** The member's page; {@code access} is what the form shows (as sent, when it was refused). */
    private Response render(int status, MemberView member, Access access, FieldErrors errors, InvitationView invitation,
            String done) {
        return pages.page(status, Templates.member(pages.session(), member, access, AdminGroups.all(groups),
                List.of(Role.values()), errors, invitation, done));
    }

    private Optional<MemberView> find(UUID id) {
        try {
            return Optional.of(members.get(id));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private Response notFound() {
        return AdminErrors.notFound(pages.session().locale());
    }
}
