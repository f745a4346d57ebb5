package io.chorus.admin;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
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

import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Role;
import io.chorus.sso.IdentityProviderResource.CreateIdentityProvider;
import io.chorus.sso.IdentityProviderResource.IdentityProviderView;
import io.chorus.sso.IdentityProviderResource.UpdateIdentityProvider;
import io.chorus.sso.IdentityProviderService;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;
import io.chorus.web.Formats.InvalidField;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * An identity provider's form (create, edit), and switching one on or off or deleting it, through
 * {@link IdentityProviderService} with the checks of its API: the request records' constraints first, then the
 * service's (the issuer's Discovery document must load). The client secret is write-only: the form says whether one is
 * set and takes a new one. The list is on {@link SsoPage}.
 */
@Path("/admin/settings/sso/providers")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class IdentityProviderPages {

    /** The codes the messages name a refusal of each field by, when the code is the field's own name. */
    private static final Set<String> FIELDS = Set.of("name", "issuer", "clientId", "clientSecret", "allowedDomains",
            "emailClaim", "groupsClaim", "groupMappings");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(AdminSession session, IdentityProviderView provider,
                IdentityProviderForm form, String redirectUri, List<Role> roles, List<GroupView> groups,
                FieldErrors errors);
    }

    private final AdminPages pages;
    private final IdentityProviderService providers;
    private final GroupService groups;
    private final Validator validator;

    @Inject
    public IdentityProviderPages(AdminPages pages, IdentityProviderService providers, GroupService groups,
            Validator validator) {
        this.pages = pages;
        this.providers = providers;
        this.groups = groups;
        this.validator = validator;
    }

    @GET
    @Path("/new")
    public Response blank() {
        return form(200, null, IdentityProviderForm.blank(), FieldErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String issuer, @RestForm String clientId,
            @RestForm String clientSecret, @RestForm String allowedDomains, @RestForm String emailClaim,
            @RestForm String groupsClaim, @RestForm String enabled, @RestForm List<String> idpGroup,
            @RestForm List<String> mappingRoles, @RestForm List<String> mappingGroups) {
        IdentityProviderForm form = IdentityProviderForm.typed(name, issuer, clientId, allowedDomains, emailClaim,
                groupsClaim, enabled, idpGroup, mappingRoles, mappingGroups);
        FieldErrors errors = FieldErrors.none();
        try {
            CreateIdentityProvider request = form.toCreate(clientSecret);
            invalid(validator.validate(request), errors);
            if (!errors.any()) {
                providers.create(request);
                return WebPages.seeOther("/admin/settings/sso?done=provider_created");
            }
        } catch (InvalidField e) {
            errors.add(e.field(), e.field(), "");
        } catch (ProblemException e) {
            refusal(e, errors);
        }
        if (clientSecret != null && !clientSecret.isEmpty()) {
            errors.add("clientSecret", "secret_again", ""); // a page never shows a secret, even back to its author
        }
        return form(status(errors), null, form, errors);
    }

    @GET
    @Path("/{id}")
    public Response edit(@RestPath UUID id) {
        return find(id).map(p -> form(200, p, IdentityProviderForm.of(p), FieldErrors.none()))
                .orElseGet(() -> AdminErrors.notFound(pages.session().locale()));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath UUID id, @RestForm String name, @RestForm String issuer, @RestForm String clientId,
            @RestForm String clientSecret, @RestForm String allowedDomains, @RestForm String emailClaim,
            @RestForm String groupsClaim, @RestForm String enabled, @RestForm List<String> idpGroup,
            @RestForm List<String> mappingRoles, @RestForm List<String> mappingGroups) {
        Optional<IdentityProviderView> current = find(id);
        if (current.isEmpty()) {
            return AdminErrors.notFound(pages.session().locale());
        }
        IdentityProviderForm form = IdentityProviderForm.typed(name, issuer, clientId, allowedDomains, emailClaim,
                groupsClaim, enabled, idpGroup, mappingRoles, mappingGroups);
        FieldErrors errors = FieldErrors.none();
        try {
            UpdateIdentityProvider request = form.toUpdate(current.get(), clientSecret);
            invalid(validator.validate(request), errors); // the form sends every field: a blank one is too short
            if (!errors.any()) {
                providers.update(id, request);
                return WebPages.seeOther("/admin/settings/sso?done=provider_saved");
            }
        } catch (InvalidField e) {
            errors.add(e.field(), e.field(), "");
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return AdminErrors.notFound(pages.session().locale());
            }
            refusal(e, errors);
        }
        return form(status(errors), current.get(), form, errors);
    }

    /** Switches a provider on (its button shows on the sign-in pages) or off (sign-ins through it are refused). */
    @POST
    @Path("/{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@RestPath UUID id, @RestForm String enabled) {
        boolean on = "true".equals(enabled);
        try {
            providers.update(id, new UpdateIdentityProvider(null, null, null, null, null, null, null, null, on));
        } catch (ProblemException e) {
            return AdminErrors.notFound(pages.session().locale());
        }
        return WebPages.seeOther("/admin/settings/sso?done=" + (on ? "provider_enabled" : "provider_disabled"));
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath UUID id) {
        try {
            providers.delete(id);
        } catch (ProblemException e) {
            return AdminErrors.notFound(pages.session().locale());
        }
        return WebPages.seeOther("/admin/settings/sso?done=provider_deleted");
    }

    private Optional<IdentityProviderView> find(UUID id) {
        try {
            return Optional.of(providers.get(id));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private Response form(int status, IdentityProviderView provider, IdentityProviderForm form, FieldErrors errors) {
        return pages.page(status, Templates.form(pages.session(), provider, form, providers.redirectUri(),
                List.of(Role.values()), AdminGroups.all(groups), errors));
    }

    /** A refused form's status: 409 when the name is another provider's, as the API answers. */
    private static int status(FieldErrors errors) {
        return errors.code("name").equals("name-taken") ? 409 : 400;
    }

    /** The fields the request's constraints refuse. */
    private static void invalid(Set<? extends ConstraintViolation<?>> violations, FieldErrors errors) {
        FieldErrors.fieldsOf(violations).stream().filter(FIELDS::contains).forEach(f -> errors.add(f, f, ""));
    }

    /** What the service refused, next to its field; a Discovery document that would not load, with its reason. */
    private static void refusal(ProblemException e, FieldErrors errors) {
        if ("name-taken".equals(e.slug())) {
            errors.add("name", "name-taken", "");
            return;
        }
        List<Problem.Violation> violations = e.toProblem(null).violations();
        for (Problem.Violation violation : violations == null ? List.<Problem.Violation> of() : violations) {
            String field = violation.field();
            String message = violation.message();
            if (field.equals("issuer") && message.startsWith(IdentityProviderService.DISCOVERY_FAILED)) {
                errors.add(field, "discovery", message.substring(IdentityProviderService.DISCOVERY_FAILED.length()));
            } else if (field.equals("issuer")) {
                errors.add(field, "https", "");
            } else if (FIELDS.contains(field)) {
                errors.add(field, field, "");
            }
        }
        if (!errors.any()) {
            throw e;
        }
    }
}
