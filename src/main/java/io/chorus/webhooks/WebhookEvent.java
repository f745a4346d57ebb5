package io.chorus.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The event types an endpoint may take, by their names on the wire ({@code content.published}...). */
public enum WebhookEvent {
    CONTENT_PUBLISHED("content.published"), CONTENT_SUBMITTED("content.submitted"), SHARE_CREATED("share.created"),
    CONVERSION_ATTRIBUTED("conversion.attributed"), MEMBER_JOINED("member.joined"),
    MEMBER_DEACTIVATED("member.deactivated"), CAMPAIGN_STARTED("campaign.started"), CAMPAIGN_ENDED("campaign.ended"),
    CLICKS_SUMMARY("clicks.summary");

    private final String id;

    WebhookEvent(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<WebhookEvent> of(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
