package io.chorus.admin;

import java.util.List;
import java.util.Map;
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
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.paging.Page;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.webhooks.WebhookConfig;
import io.chorus.webhooks.WebhookService;
import io.chorus.webhooks.WebhookViews.CreateWebhook;
import io.chorus.webhooks.WebhookViews.CreatedWebhook;
import io.chorus.webhooks.WebhookViews.DeliveryView;
import io.chorus.webhooks.WebhookViews.WebhookView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The organization's webhook endpoints, each with its last delivery, and the form that adds one, through
 * {@link WebhookService} with the checks of its API: the request's constraints, then the service's (the URL must lead
 * to an address Chorus may call). A new endpoint's secret is shown this once, as the answer to the form (never in a
 * URL). One endpoint's page is {@link WebhookPage}.
 */
@Path("/admin/settings/webhooks")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class WebhooksPage {

    /** What the page shows besides the list: the add form as typed, an endpoint just made, the last action's notice. */
    public record Shown(WebhookForm form, FieldErrors errors, CreatedWebhook created, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminSession session, Page<WebhookView> webhooks,
                Map<UUID, DeliveryView> last, List<String> events, Shown shown);
    }

    private final AdminPages pages;
    private final WebhookService webhooks;
    private final WebhookConfig config;
    private final Validator validator;
    private final Caller caller;

    @Inject
    public WebhooksPage(AdminPages pages, WebhookService webhooks, WebhookConfig config, Validator validator,
            Caller caller) {
        this.pages = pages;
        this.webhooks = webhooks;
        this.config = config;
        this.validator = validator;
        this.caller = caller;
    }

    @GET
    public Response list(@RestQuery String from, @RestQuery String done) {
        return render(200, from, new Shown(WebhookForm.blank(), FieldErrors.none(), null, done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String url, @RestForm List<String> events) {
        WebhookForm form = WebhookForm.typed(url, events);
        CreateWebhook request = form.toCreate();
        FieldErrors errors = form.invalid(validator, request);
        if (!errors.any()) {
            try {
                CreatedWebhook created = webhooks.create(request, caller.id());
                return render(200, null, new Shown(WebhookForm.blank(), errors, created, "created"));
            } catch (ProblemException e) {
                errors = form.refusal(e, config.maxEndpoints());
            }
        }
        return render(errors.has("form") ? 409 : 400, null, new Shown(form, errors, null, null));
    }

    private Response render(int status, String from, Shown shown) {
        Page<WebhookView> page = AdminPages.listed(from, webhooks::list);
        Map<UUID, DeliveryView> last = webhooks.latestDeliveries(page.items().stream().map(WebhookView::id).toList());
        return pages.page(status, Templates.list(pages.session(), page, last, WebhookForm.EVENTS, shown));
    }
}
