package io.chorus.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the webhook endpoints accept and answer. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** A new endpoint: where (http or https) and which event types. */
    public record CreateWebhook(@NotBlank @Size(max = 2048) String url,
            @NotEmpty @Size(max = 20) List<@NotNull @Size(max = 100) String> events) {
    }

    /** Only the fields sent change; {@code enabled: true} also forgets the endpoint's failures. */
    public record UpdateWebhook(@Size(min = 1, max = 2048) String url,
            @Size(min = 1, max = 20) List<@NotNull @Size(max = 100) String> events, Boolean enabled) {
    }

    /** An endpoint as listed: never its secret. */
    public record WebhookView(UUID id, String url, List<String> events, boolean enabled, int failures,
            Instant failingSince, String disabledReason, Instant disabledAt, Instant createdAt, Instant updatedAt) {
    }

    /** An endpoint just made: the only answer that holds its {@code secret} (whsec_...). */
    public record CreatedWebhook(UUID id, String url, List<String> events, String secret, boolean enabled,
            Instant createdAt) {
    }

    /** One message to the endpoint: {@code messageId} is its {@code webhook-id} header, the same on every attempt. */
    public record DeliveryView(UUID id, String messageId, String eventType, String status, int attempts,
            Integer lastResponseStatus, String lastError, Instant nextAttemptAt, Instant lastAttemptAt,
            Instant createdAt, Instant deliveredAt, Instant failedAt) {
    }
}
