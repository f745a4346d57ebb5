package io.chorus.admin;

import java.util.UUID;
import java.util.function.Function;

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

import io.chorus.common.config.ChorusConfig;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.problem.ScimError;
import io.chorus.identity.Role;
import io.chorus.scim.ScimTokenResource.CreateScimToken;
import io.chorus.scim.ScimTokenResource.CreatedScimToken;
import io.chorus.scim.ScimTokenResource.ScimTokenView;
import io.chorus.scim.ScimTokenService;
import io.chorus.sso.IdentityProviderResource.IdentityProviderView;
import io.chorus.sso.IdentityProviderService;
import io.chorus.sso.SsoSettingsResource.SsoSettings;
import io.chorus.sso.SsoSettingsService;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Single sign-on and provisioning, one settings page: the organization's identity providers (their form is
 * {@link IdentityProviderPages}), its SSO policy (require SSO, the apps' redirect URIs) and its SCIM tokens (created
 * and shown once, listed, revoked), each through the service and the checks of its API endpoint.
 */
@Path("/admin/settings/sso")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class SsoPage {

    /** The policy's form as shown: the redirect URIs one per line. */
    public record PolicyForm(boolean required, String redirectUris) {
        static PolicyForm of(SsoSettings settings) {
            return new PolicyForm(settings.required(), String.join("\n", settings.redirectUris()));
        }
    }

    /** What the page shows besides the lists: the forms as typed, a token just created, the last action's notice. */
    public record Shown(PolicyForm policy, String tokenName, CreatedScimToken created, FieldErrors errors,
            String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, Page<IdentityProviderView> providers,
                Page<ScimTokenView> tokens, String redirectUri, String scimUrl, Shown shown);
    }

    private final AdminPages pages;
    private final IdentityProviderService providers;
    private final SsoSettingsService settings;
    private final ScimTokenService tokens;
    private final Validator validator;
    private final ChorusConfig chorus;

    @Inject
    public SsoPage(AdminPages pages, IdentityProviderService providers, SsoSettingsService settings,
            ScimTokenService tokens, Validator validator, ChorusConfig chorus) {
        this.pages = pages;
        this.providers = providers;
        this.settings = settings;
        this.tokens = tokens;
        this.validator = validator;
        this.chorus = chorus;
    }

    @GET
    public Response show(@RestQuery String providersFrom, @RestQuery String tokensFrom, @RestQuery String done) {
        return render(200, providersFrom, tokensFrom,
                new Shown(PolicyForm.of(settings.get()), "", null, FieldErrors.none(), done));
    }

    /** Requires SSO or not, and the redirect URIs of the organization's apps. */
    @POST
    @Path("/policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response policy(@RestForm String required, @RestForm String redirectUris) {
        PolicyForm form = new PolicyForm(required != null && !required.isBlank(),
                redirectUris == null ? "" : redirectUris);
        SsoSettings request = new SsoSettings(form.required(), SettingsForm.lines(form.redirectUris()));
        if (!validator.validate(request).isEmpty()) {
            return refused(form, FieldErrors.of("redirectUris", "redirectUris"));
        }
        try {
            settings.replace(request);
        } catch (ProblemException e) {
            return refused(form, FieldErrors.of("redirectUris", "redirectUris"));
        }
        return WebPages.seeOther("/admin/settings/sso?done=policy_saved#policy");
    }

    /** Creates a SCIM token and shows it, this once (never in a URL: the page is the answer to the form). */
    @POST
    @Path("/scim-tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name) {
        String typed = name == null ? "" : name.strip();
        PolicyForm policy = PolicyForm.of(settings.get());
        if (!validator.validate(new CreateScimToken(typed)).isEmpty()) {
            return render(400, null, null,
                    new Shown(policy, typed, null, FieldErrors.of("tokenName", "tokenName"), null));
        }
        CreatedScimToken created = tokens.create(typed);
        return render(200, null, null, new Shown(policy, "", created, FieldErrors.none(), "token_created"));
    }

    @POST
    @Path("/scim-tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@RestPath UUID id) {
        try {
            tokens.revoke(id);
        } catch (ProblemException e) {
            return AdminErrors.notFound(pages.session().locale());
        }
        return WebPages.seeOther("/admin/settings/sso?done=token_revoked#scim");
    }

    private Response refused(PolicyForm form, FieldErrors errors) {
        return render(400, null, null, new Shown(form, "", null, errors, null));
    }

    private Response render(int status, String providersFrom, String tokensFrom, Shown shown) {
        return pages.page(status, Templates.show(pages.session(), page(providersFrom, providers::list),
                page(tokensFrom, tokens::list), providers.redirectUri(), chorus.url(ScimError.ROOT), shown));
    }

    /** A page of up to 100, from a cursor; the first page when the cursor is not one. */
    private static <T> Page<T> page(String cursor, Function<PageRequest, Page<T>> list) {
        String limit = String.valueOf(PageRequest.MAX_LIMIT);
        try {
            return list.apply(PageRequest.of(limit, cursor, 2));
        } catch (ProblemException e) {
            return list.apply(PageRequest.of(limit, null, 2));
        }
    }
}
