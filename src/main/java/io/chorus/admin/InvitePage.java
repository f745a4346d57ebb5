package io.chorus.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.chorus.admin.InvitationCsv.Parsed;
import io.chorus.admin.InvitationCsv.Row;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Role;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.MemberService;
import io.chorus.tenancy.TenancyRequests.InviteMember;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.tenancy.TenancyViews.MemberView;
import io.chorus.web.Formats.InvalidField;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Inviting members: one with a form, or many from a CSV file ({@link InvitationCsv}) with a report of every row. Each
 * invitation is its own transaction through the same service and the same checks as {@code POST /api/v1/members}, so a
 * bad row never costs the good ones.
 */
@Path("/admin/invitations")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class InvitePage {

    /** The single-invitation form as typed. */
    public record InviteForm(String email, String name, Access access, String language) {
    }

    /** One row of an import: invited (with the link to hand over) or not, and why. */
    public record RowResult(long row, String email, String name, MemberView member, String problem, String detail) {
        public boolean invited() {
            return member != null;
        }
    }

    /** Every row of an import, and what stopped the file (whole, or from a row on) if anything did. */
    public record ImportReport(List<RowResult> rows, String problem, String detail) {
        public long invited() {
            return rows.stream().filter(RowResult::invited).count();
        }

        public long failed() {
            return rows.size() - invited();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(AdminSession session, InviteForm form, List<GroupView> groups,
                List<Role> roles, List<String> languages, FieldErrors errors, String fileProblem, String fileDetail);

        static native TemplateInstance invited(AdminSession session, MemberView member);

        static native TemplateInstance report(AdminSession session, ImportReport report);
    }

    /** What one invitation came to: the member, or the field at fault and why. */
    private record Attempt(MemberView member, String field, String problem) {
    }

    private final AdminPages pages;
    private final MemberService members;
    private final GroupService groups;
    private final Validator validator;

    @Inject
    public InvitePage(AdminPages pages, MemberService members, GroupService groups, Validator validator) {
        this.pages = pages;
        this.members = members;
        this.groups = groups;
        this.validator = validator;
    }

    @GET
    public Response form() {
        InviteForm blank = new InviteForm("", "", new Access(Set.of(Role.AMBASSADOR_ID), Set.of()), language());
        return form(200, blank, FieldErrors.none(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@RestForm String email, @RestForm String name, @RestForm("roles") List<String> roleIds,
            @RestForm("groups") List<String> groupIds, @RestForm String language) {
        InviteForm typed = new InviteForm(orEmpty(email).strip(), orEmpty(name).strip(), Access.of(roleIds, groupIds),
                orEmpty(language));
        Set<Role> roles;
        List<UUID> groupList;
        try {
            roles = typed.access().roles();
            groupList = typed.access().groups();
        } catch (InvalidField e) {
            return form(400, typed,
                    FieldErrors.of(e.field(), e.field().equals("roles") ? "missing_role" : "unknown_group"), null,
                    null);
        }
        Attempt attempt = attempt(
                new InviteMember(typed.email(), typed.name(), roles, groupList, blankToNull(typed.language())));
        if (attempt.member() == null) {
            return form(attempt.problem().equals("email_taken") ? 409 : 400, typed,
                    FieldErrors.of(attempt.field(), attempt.problem()), null, null);
        }
        return pages.page(201, Templates.invited(pages.session(), attempt.member()));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file, @RestForm String language) {
        String fallback = language == null || language.isBlank() ? language() : language.strip();
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return fileRefused("no_file", "");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GroupView> all = AdminGroups.all(groups);
        Parsed parsed = InvitationCsv.parse(bytes, AdminGroups.byName(all), fallback);
        if (parsed.rows().isEmpty() && parsed.problem() != null) {
            return fileRefused(parsed.problem(), parsed.detail());
        }
        List<RowResult> results = new ArrayList<>();
        Map<String, Long> invited = new java.util.HashMap<>();
        for (Row row : parsed.rows()) {
            results.add(invite(row, invited));
        }
        return pages.page(200,
                Templates.report(pages.session(), new ImportReport(results, parsed.problem(), parsed.detail())));
    }

    private RowResult invite(Row row, Map<String, Long> invited) {
        if (row.problem() != null) {
            return new RowResult(row.number(), row.email(), row.name(), null, row.problem(), row.detail());
        }
        String key = row.email().toLowerCase(Locale.ROOT);
        Long earlier = invited.get(key);
        if (earlier != null) {
            return new RowResult(row.number(), row.email(), row.name(), null, "duplicate", String.valueOf(earlier));
        }
        Attempt attempt = attempt(
                new InviteMember(row.email(), row.name(), row.roles(), row.groupIds(), row.language()));
        if (attempt.member() != null) {
            invited.put(key, row.number());
        }
        return new RowResult(row.number(), row.email(), row.name(), attempt.member(), attempt.problem(), "");
    }

    /** The API's checks (Bean Validation, then the service's), with what they refused named for the page. */
    private Attempt attempt(InviteMember request) {
        Set<String> invalid = FieldErrors.fieldsOf(validator.validate(request));
        for (String field : List.of("email", "name", "roles", "groupIds", "language")) {
            if (invalid.contains(field)) {
                return refusal(field, request);
            }
        }
        try {
            return new Attempt(members.invite(request), null, null);
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            return new Attempt(null, "email", "email_taken"); // lost a race with another invitation of this address
        } catch (ProblemException e) {
            if (e.slug().equals("email-taken")) {
                return new Attempt(null, "email", "email_taken");
            }
            List<Problem.Violation> violations = e.toProblem(null).violations();
            return refusal(violations == null || violations.isEmpty() ? "email" : violations.get(0).field(), request);
        }
    }

    private static Attempt refusal(String field, InviteMember request) {
        return switch (field) {
            case "email" -> new Attempt(null, "email", request.email().isBlank() ? "missing_email" : "invalid_email");
            case "name" -> new Attempt(null, "name", request.name().isBlank() ? "missing_name" : "invalid_name");
            case "roles" -> new Attempt(null, "roles", "missing_role");
            case "groupIds" -> new Attempt(null, "groups", "unknown_group");
            default -> new Attempt(null, "language", "invalid_language");
        };
    }

    private Response form(int status, InviteForm form, FieldErrors errors, String fileProblem, String fileDetail) {
        return pages.page(status, Templates.form(pages.session(), form, AdminGroups.all(groups), List.of(Role.values()),
                ContentForm.LANGUAGES, errors, fileProblem, fileDetail));
    }

    private Response fileRefused(String problem, String detail) {
        InviteForm blank = new InviteForm("", "", new Access(Set.of(Role.AMBASSADOR_ID), Set.of()), language());
        return form(400, blank, FieldErrors.none(), problem, detail);
    }

    /** New members speak the inviting admin's language unless told otherwise. */
    private String language() {
        return pages.session().lang();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
