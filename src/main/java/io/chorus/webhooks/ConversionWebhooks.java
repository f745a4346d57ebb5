package io.chorus.webhooks;

import static io.chorus.webhooks.WebhookOutbox.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.conversions.AttributedConversion;
import io.chorus.conversions.AttributionListener;
import io.chorus.webhooks.WebhookOutbox.Message;

/** {@code conversion.attributed}, queued in the transaction that credits the conversion to its click. */
@Singleton
public class ConversionWebhooks implements AttributionListener {

    private final WebhookOutbox outbox;

    @Inject
    public ConversionWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Runnable attributed(Connection connection, List<AttributedConversion> conversions) throws SQLException {
        outbox.queue(connection, conversions.stream().map(c -> new Message(c.organizationId(),
                WebhookEvent.CONVERSION_ATTRIBUTED, c.occurredAt(),
                () -> data("conversionId", c.id(), "type", c.type(), "value", c.value(), "currency", c.currency(),
                        "occurredAt", c.occurredAt(), "shareId", c.shareId(), "contentId", c.contentId(), "memberId",
                        c.memberId(), "network", c.network(), "campaignId", c.campaignId())))
                .toList());
        return null;
    }
}
