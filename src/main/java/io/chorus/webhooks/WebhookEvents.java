package io.chorus.webhooks;

import static io.chorus.webhooks.WebhookOutbox.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.chorus.common.Time;
import io.chorus.content.ContentPublished;
import io.chorus.content.ContentSubmitted;
import io.chorus.identity.Role;
import io.chorus.scoring.CampaignEnded;
import io.chorus.scoring.CampaignStarted;
import io.chorus.sharing.ShareCreated;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.MemberDeactivated;
import io.chorus.tenancy.MemberJoined;
import io.chorus.webhooks.WebhookOutbox.Message;

/**
 * The events other features fire inside their transactions, turned into messages queued in those transactions (never
 * after them): a message exists exactly when its event was committed. Their data are ids and what the admin API shows
 * already; nothing personal beyond a member's id.
 */
@ApplicationScoped
public class WebhookEvents {

    private final WebhookOutbox outbox;

    @Inject
    public WebhookEvents(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    void published(@Observes ContentPublished e) {
        outbox.queue(
                new Message(e.organizationId(), WebhookEvent.CONTENT_PUBLISHED, e.publishedAt(), () -> data("contentId",
                        e.contentId(), "title", e.title(), "url", e.url(), "publishedAt", e.publishedAt())));
    }

    void submitted(@Observes ContentSubmitted e) {
        outbox.queue(new Message(e.organizationId(), WebhookEvent.CONTENT_SUBMITTED, e.at(), () -> data("contentId",
                e.contentId(), "memberId", e.authorId(), "title", e.title(), "url", e.url(), "submittedAt", e.at())));
    }

    void shared(@Observes ShareCreated e) {
        outbox.queue(new Message(e.organizationId(), WebhookEvent.SHARE_CREATED, e.at(),
                () -> data("shareId", e.shareId(), "contentId", e.contentId(), "memberId", e.memberId(), "network",
                        e.network().id(), "createdAt", e.at())));
    }

    void joined(@Observes MemberJoined e) {
        outbox.queue(new Message(e.organizationId(), WebhookEvent.MEMBER_JOINED, Time.now(), () -> {
            Member member = Member.<Member> findByIdOptional(e.memberId()).orElseThrow();
            List<UUID> groups = Member.groupIdsOf(List.of(member.id)).getOrDefault(member.id, List.of());
            return data("memberId", member.id, "roles", member.roles().stream().map(Role::id).sorted().toList(),
                    "groupIds", groups, "via", e.via());
        }));
    }

    void deactivated(@Observes MemberDeactivated e) {
        outbox.queue(new Message(e.organizationId(), WebhookEvent.MEMBER_DEACTIVATED, Time.now(),
                () -> data("memberId", e.memberId())));
    }

    void started(@Observes CampaignStarted e) {
        outbox.queue(new Message(e.organizationId(), WebhookEvent.CAMPAIGN_STARTED, e.startsAt(),
                () -> campaign(e.campaignId(), e.name(), e.startsAt(), e.endsAt())));
    }

    void ended(@Observes CampaignEnded e) {
        outbox.queue(new Message(e.organizationId(), WebhookEvent.CAMPAIGN_ENDED, e.endsAt(),
                () -> campaign(e.campaignId(), e.name(), e.startsAt(), e.endsAt())));
    }

    private static Map<String, Object> campaign(UUID id, String name, Instant startsAt, Instant endsAt) {
        return data("campaignId", id, "name", name, "startsAt", startsAt, "endsAt", endsAt);
    }
}
