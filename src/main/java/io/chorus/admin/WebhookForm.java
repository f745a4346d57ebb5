package io.chorus.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validator;

import io.chorus.common.http.OutboundAddresses;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.webhooks.WebhookEvent;
import io.chorus.webhooks.WebhookViews.CreateWebhook;
import io.chorus.webhooks.WebhookViews.UpdateWebhook;
import io.chorus.webhooks.WebhookViews.WebhookView;

/**
 * A webhook endpoint's form as typed (its URL and the ticked event types), so that a refused form comes back as it was
 * sent; its translation into the webhook service's requests, and what the request's constraints or the service refused,
 * as field errors the messages put in words.
 */
public record WebhookForm(String url, Set<String> events) {

    /** Every event type an endpoint may take, in the order the form offers them. */
    public static final List<String> EVENTS = Arrays.stream(WebhookEvent.values()).map(WebhookEvent::id).toList();

    static WebhookForm blank() {
        return new WebhookForm("", Set.of());
    }

    static WebhookForm of(WebhookView webhook) {
        return new WebhookForm(webhook.url(), new LinkedHashSet<>(webhook.events()));
    }

    static WebhookForm typed(String url, List<String> events) {
        return new WebhookForm(url == null ? "" : url.strip(),
                events == null ? Set.of() : new LinkedHashSet<>(events.stream().limit(100).toList()));
    }

    /** Whether the box of this event type is ticked. */
    public boolean chosen(Object event) {
        return events.contains(String.valueOf(event));
    }

    CreateWebhook toCreate() {
        return new CreateWebhook(url, List.copyOf(events));
    }

    /** The form sends both fields: a blank URL or no event is refused, not left unchanged. */
    UpdateWebhook toUpdate() {
        return new UpdateWebhook(url, List.copyOf(events), null);
    }

    /** The fields the request's constraints refuse. */
    FieldErrors invalid(Validator validator, Object request) {
        FieldErrors errors = FieldErrors.none();
        FieldErrors.fieldsOf(validator.validate(request)).stream().filter(f -> f.equals("url") || f.equals("events"))
                .forEach(f -> errors.add(f, f, ""));
        return errors;
    }

    /**
     * What the service refused, next to its field: a URL it may not call (with its host), a malformed one, unknown
     * event types, the endpoint limit. Anything else is not the form's to say.
     */
    FieldErrors refusal(ProblemException e, int maxEndpoints) {
        FieldErrors errors = FieldErrors.none();
        if ("webhook-limit".equals(e.slug())) {
            return errors.add("form", "webhook-limit", String.valueOf(maxEndpoints));
        }
        List<Problem.Violation> violations = e.toProblem(null).violations();
        for (Problem.Violation violation : violations == null ? List.<Problem.Violation> of() : violations) {
            if (violation.field().equals("url") && violation.message().startsWith(OutboundAddresses.CANNOT_BE_CALLED)) {
                errors.add("url", "unreachable", host());
            } else if (violation.field().equals("url") || violation.field().equals("events")) {
                errors.add(violation.field(), violation.field(), "");
            }
        }
        if (!errors.any()) {
            throw e;
        }
        return errors;
    }

    /** The host the URL names, to say which one is refused. */
    private String host() {
        try {
            String host = new URI(url).getHost();
            return host == null ? url : host;
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
