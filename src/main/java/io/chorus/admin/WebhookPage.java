package io.chorus.admin;

import java.util.List;
import java.util.Optional;
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
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.web.WebPages;
import io.chorus.webhooks.WebhookConfig;
import io.chorus.webhooks.WebhookService;
import io.chorus.webhooks.WebhookViews.DeliveryView;
import io.chorus.webhooks.WebhookViews.UpdateWebhook;
import io.chorus.webhooks.WebhookViews.WebhookView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One webhook endpoint: its URL and events changed, switched on or off, deleted; its delivery log (newest first, paged
 * by the API's keyset) and replays, all through {@link WebhookService}. Another organization's endpoint or delivery is
 * the page that does not exist.
 */
@Path("/admin/settings/webhooks/{id}")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class WebhookPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, WebhookView webhook, WebhookForm form,
                FieldErrors errors, Page<DeliveryView> deliveries, List<String> events, String done);
    }

    private final AdminPages pages;
    private final WebhookService webhooks;
    private final WebhookConfig config;
    private final Validator validator;
    private final Caller caller;

    @Inject
    public WebhookPage(AdminPages pages, WebhookService webhooks, WebhookConfig config, Validator validator,
            Caller caller) {
        this.pages = pages;
        this.webhooks = webhooks;
        this.config = config;
        this.validator = validator;
        this.caller = caller;
    }

    @GET
    public Response show(@RestPath UUID id, @RestQuery String from, @RestQuery String done) {
        return find(id).map(w -> render(200, w, WebhookForm.of(w), FieldErrors.none(), from, done))
                .orElseGet(this::notFound);
    }

    /** The URL and the events; the URL checked again where it leads. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath UUID id, @RestForm String url, @RestForm List<String> events) {
        Optional<WebhookView> current = find(id);
        if (current.isEmpty()) {
            return notFound();
        }
        WebhookForm form = WebhookForm.typed(url, events);
        UpdateWebhook request = form.toUpdate();
        FieldErrors errors = form.invalid(validator, request);
        if (!errors.any()) {
            try {
                webhooks.update(id, request, caller.id());
                return WebPages.seeOther(self(id) + "?done=saved");
            } catch (ProblemException e) {
                if (e.status() == 404) {
                    return notFound();
                }
                errors = form.refusal(e, config.maxEndpoints());
            }
        }
        return render(400, current.get(), form, errors, null, null);
    }

    /** Pauses the endpoint, or turns it on again (which forgets its failures and sends what waited). */
    @POST
    @Path("/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@RestPath UUID id, @RestForm String enabled) {
        boolean on = "true".equals(enabled);
        try {
            webhooks.update(id, new UpdateWebhook(null, null, on), caller.id());
        } catch (ProblemException e) {
            return notFoundOrThrow(e);
        }
        return WebPages.seeOther(self(id) + "?done=" + (on ? "enabled" : "disabled"));
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath UUID id) {
        try {
            webhooks.delete(id, caller.id());
        } catch (ProblemException e) {
            return notFoundOrThrow(e);
        }
        return WebPages.seeOther("/admin/settings/webhooks?done=deleted");
    }

    /** Sends a delivered or failed message again; one still queued is said so. */
    @POST
    @Path("/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@RestPath UUID id, @RestPath UUID deliveryId) {
        try {
            webhooks.replay(id, deliveryId, caller.id());
        } catch (ProblemException e) {
            if (e.status() != 409) {
                return notFoundOrThrow(e);
            }
            WebhookView webhook = webhooks.get(id);
            return render(409, webhook, WebhookForm.of(webhook), FieldErrors.of("deliveries", e.slug()), null, null);
        }
        return WebPages.seeOther(self(id) + "?done=replayed#deliveries");
    }

    private Optional<WebhookView> find(UUID id) {
        try {
            return Optional.of(webhooks.get(id));
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private Response render(int status, WebhookView webhook, WebhookForm form, FieldErrors errors, String from,
            String done) {
        Page<DeliveryView> deliveries = AdminPages.listed(from, p -> webhooks.deliveries(webhook.id(), p));
        return pages.page(status,
                Templates.show(pages.session(), webhook, form, errors, deliveries, WebhookForm.EVENTS, done));
    }

    /** Another organization's endpoint, or one deleted meanwhile, is the not-found page; any other refusal is shown. */
    private Response notFoundOrThrow(ProblemException e) {
        if (e.status() != 404) {
            throw e;
        }
        return notFound();
    }

    private Response notFound() {
        return AdminErrors.notFound(pages.session().locale());
    }

    private static String self(UUID id) {
        return "/admin/settings/webhooks/" + id;
    }
}
