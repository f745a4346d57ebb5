package io.chorus.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.chorus.common.Sealing;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.http.OutboundAddresses;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.mail.AdminNotices;
import io.chorus.webhooks.WebhookViews.CreateWebhook;
import io.chorus.webhooks.WebhookViews.CreatedWebhook;
import io.chorus.webhooks.WebhookViews.DeliveryView;
import io.chorus.webhooks.WebhookViews.UpdateWebhook;
import io.chorus.webhooks.WebhookViews.WebhookView;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The organization's webhook endpoints: registered (the URL checked where it resolves to before anything is stored, the
 * secret shown once), listed, changed, deleted, and every change audited; their delivery logs and replays. An endpoint
 * whose message failed for good is disabled here, its admins told by mail and the audit trail saying why.
 */
@ApplicationScoped
public class WebhookService {

    private static final String REPLAY = """
            update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = :now,
                retry_until = :until, seq = nextval('webhook_delivery_seq'), delivered_at = null, failed_at = null,
                lease_until = null
            where organization_id = :org and endpoint_id = :endpoint and id = :id
              and status in ('delivered', 'failed')""";

    private final OutboundAddresses addresses;
    private final WebhookConfig config;
    private final Audit audit;
    private final Tenants tenants;
    private final AdminNotices notices;
    private final EntityManager em;
    private final Event<Subscriptions.Changed> changed;
    private final byte[] key;

    @Inject
    public WebhookService(OutboundAddresses addresses, WebhookConfig config, Audit audit, Tenants tenants,
            AdminNotices notices, EntityManager em, Event<Subscriptions.Changed> changed, ChorusConfig chorus) {
        this.addresses = addresses;
        this.config = config;
        this.audit = audit;
        this.tenants = tenants;
        this.notices = notices;
        this.em = em;
        this.changed = changed;
        this.key = WebhookSignatures.sealingKey(chorus);
    }

    public CreatedWebhook create(CreateWebhook request, UUID actor) {
        List<String> events = events(request.events());
        String url = url(request.url());
        return inTransaction(() -> {
            if (Webhook.count() >= config.maxEndpoints()) {
                throw ProblemException.conflict("webhook-limit",
                        "An organization may register at most " + config.maxEndpoints() + " webhook endpoints.");
            }
            String secret = WebhookSignatures.newSecret();
            Webhook webhook = new Webhook();
            webhook.id = UUID.randomUUID();
            webhook.url = url;
            webhook.events = events.toArray(String[]::new);
            webhook.secretSealed = Sealing.seal(key, secret);
            webhook.enabled = true;
            webhook.createdBy = actor;
            webhook.createdAt = Time.now();
            webhook.updatedAt = webhook.createdAt;
            webhook.persist();
            audit.record(actor, "webhook.created", "webhook", webhook.id, Map.of("url", url, "events", events));
            changed.fire(new Subscriptions.Changed(tenants.current()));
            return new CreatedWebhook(webhook.id, url, events, secret, true, webhook.createdAt);
        });
    }

    public Page<WebhookView> list(PageRequest page) {
        return inTransaction(() -> Page.of(Webhook.findPage(page), page, w -> Cursor.of(w.createdAt, w.id))
                .map(WebhookService::view));
    }

    public WebhookView get(UUID id) {
        return inTransaction(() -> view(find(id)));
    }

    /** Changes what is sent; {@code enabled: true} also forgets the endpoint's failures. */
    public WebhookView update(UUID id, UpdateWebhook request, UUID actor) {
        List<String> events = request.events() == null ? null : events(request.events());
        inTransaction(() -> find(id));
        String url = request.url() == null ? null : url(request.url());
        return inTransaction(() -> {
            Webhook webhook = find(id);
            Map<String, Object> detail = new LinkedHashMap<>();
            if (url != null && !url.equals(webhook.url)) {
                webhook.url = url;
                detail.put("url", url);
            }
            if (events != null && !events.equals(List.of(webhook.events))) {
                webhook.events = events.toArray(String[]::new);
                detail.put("events", events);
            }
            if (request.enabled() != null && request.enabled() != webhook.enabled) {
                webhook.enabled = request.enabled();
                webhook.disabledAt = webhook.enabled ? null : Time.now();
                webhook.disabledReason = null;
                detail.put("enabled", webhook.enabled);
            }
            if (Boolean.TRUE.equals(request.enabled())) {
                webhook.failures = 0;
                webhook.failingSince = null;
            }
            webhook.updatedAt = Time.now();
            audit.record(actor, "webhook.updated", "webhook", webhook.id, detail);
            changed.fire(new Subscriptions.Changed(tenants.current()));
            return view(webhook);
        });
    }

    /** Deletes the endpoint and its delivery log: nothing more is sent to it. */
    public void delete(UUID id, UUID actor) {
        inTransaction(() -> {
            Webhook webhook = find(id);
            webhook.delete();
            audit.record(actor, "webhook.deleted", "webhook", webhook.id, Map.of("url", webhook.url));
            changed.fire(new Subscriptions.Changed(tenants.current()));
            return null;
        });
    }

    public Page<DeliveryView> deliveries(UUID id, PageRequest page) {
        return inTransaction(() -> {
            find(id);
            return Page.of(WebhookDelivery.findPage(id, page), page, d -> Cursor.of(d.createdAt, d.id))
                    .map(WebhookService::view);
        });
    }

    /** The newest delivery of each of these endpoints that has one: what the admin UI lists beside them. */
    public Map<UUID, DeliveryView> latestDeliveries(Collection<UUID> endpointIds) {
        return inTransaction(() -> {
            Map<UUID, WebhookDelivery> latest = new HashMap<>();
            for (WebhookDelivery d : WebhookDelivery.findLatestOf(endpointIds)) {
                latest.merge(d.endpointId, d, (a, b) -> a.id.toString().compareTo(b.id.toString()) > 0 ? a : b); // as
                                                                                                                 // the
                                                                                                                 // log
                                                                                                                 // orders
                                                                                                                 // ties
            }
            Map<UUID, DeliveryView> views = new HashMap<>();
            latest.forEach((endpoint, d) -> views.put(endpoint, view(d)));
            return views;
        });
    }

    /**
     * Queues a delivered or failed message to the endpoint again, behind those already waiting, with the same
     * {@code webhook-id} and a new day of retries.
     */
    public DeliveryView replay(UUID id, UUID deliveryId, UUID actor) {
        return inTransaction(() -> {
            find(id);
            WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery> findByIdOptional(deliveryId)
                    .filter(d -> d.endpointId.equals(id)).orElseThrow(() -> ProblemException.notFound("This delivery"));
            Instant now = Time.now();
            int queued = em.createNativeQuery(REPLAY).setParameter("now", now)
                    .setParameter("until", now.plus(config.retryFor())).setParameter("org", tenants.current())
                    .setParameter("endpoint", id).setParameter("id", deliveryId).executeUpdate();
            if (queued == 0) {
                throw ProblemException.conflict("delivery-queued",
                        "This delivery is " + delivery.status + ": it is queued already.");
            }
            audit.record(actor, "webhook.delivery.replayed", "webhook", id,
                    Map.of("deliveryId", deliveryId, "messageId", WebhookSignatures.messageId(delivery.messageId)));
            em.refresh(delivery);
            return view(delivery);
        });
    }

    /**
     * The sender's word that a message to the endpoint failed for good: the endpoint is disabled (its queued messages
     * wait until it is enabled again), the audit trail says why, and the organization's admins get a mail. Once.
     */
    public void disableFailing(UUID organizationId, UUID endpointId, String reason, Instant at) {
        tenants.runAs(organizationId, () -> {
            Webhook webhook = Webhook.findByIdOptional(endpointId).orElse(null);
            if (webhook == null || !webhook.enabled) {
                return;
            }
            webhook.enabled = false;
            webhook.disabledAt = at;
            webhook.disabledReason = reason;
            webhook.updatedAt = at;
            audit.record(null, "webhook.disabled", "webhook", webhook.id,
                    Map.of("url", webhook.url, "reason", reason, "failures", webhook.failures));
            notices.webhookDisabled(organizationId, webhook.id, webhook.url, reason, at);
            changed.fire(new Subscriptions.Changed(organizationId));
        });
    }

    private static Webhook find(UUID id) {
        return Webhook.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("This webhook"));
    }

    /** The event types asked for, known ones only (the unknown ones are named in the 400), each once. */
    static List<String> events(List<String> requested) {
        Set<String> events = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : requested) {
            String event = name.strip();
            if (WebhookEvent.of(event).isPresent()) {
                events.add(event);
            } else if (!unknown.contains(event)) {
                unknown.add(event);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("events", "unknown event types: " + String.join(", ", unknown) + " (known: "
                    + String.join(", ", known()) + ")");
        }
        return List.copyOf(events);
    }

    private static List<String> known() {
        return java.util.Arrays.stream(WebhookEvent.values()).map(WebhookEvent::id).toList();
    }

    String url(String requested) {
        return addresses.callableUrl("url", requested);
    }

    private static WebhookView view(Webhook w) {
        return new WebhookView(w.id, w.url, List.of(w.events), w.enabled, w.failures, w.failingSince, w.disabledReason,
                w.disabledAt, w.createdAt, w.updatedAt);
    }

    private static DeliveryView view(WebhookDelivery d) {
        return new DeliveryView(d.id, WebhookSignatures.messageId(d.messageId), d.eventType, d.status, d.attempts,
                d.lastStatus, d.lastError, d.status.equals("pending") ? d.nextAttemptAt : null, d.lastAttemptAt,
                d.createdAt, d.deliveredAt, d.failedAt);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }
}
