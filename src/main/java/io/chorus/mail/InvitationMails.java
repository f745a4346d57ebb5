package io.chorus.mail;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;
import io.chorus.tenancy.MemberInvited;
import io.chorus.tenancy.Organization;

/** Queues invitations and their reminders: transactional mail, sent whatever the member's preferences. */
@ApplicationScoped
public class InvitationMails {

    private final Outbox outbox;
    private final Tenants tenants;

    @Inject
    public InvitationMails(Outbox outbox, Tenants tenants) {
        this.outbox = outbox;
        this.tenants = tenants;
    }

    /** Queues the invitation (reminder 0) or its nth reminder, in the transaction that issued it. */
    void queue(@Observes MemberInvited invited) {
        int reminder = invited.reminder();
        UUID organization = tenants.current();
        String name = Organization.findByIdOptional(organization).map(o -> o.name).orElseThrow();
        String zoneId = OrganizationSettings.of(organization).timeZone;
        ZoneId zone = ZoneId.of(zoneId == null ? "UTC" : zoneId);
        Locale locale = Letters.locale(invited.language());
        var content = Letters.invitation(reminder > 0, name, invited.name(), invited.email(),
                Letters.date(invited.expiresAt(), zone, locale), locale);
        outbox.queue(List.of(new OutgoingMail(organization, invited.memberId(),
                reminder > 0 ? MailKind.INVITATION_REMINDER : MailKind.INVITATION,
                "invitation:" + invited.invitationId(), invited.email(), content, invited.acceptUrl(), null, null,
                invited.invitationId(), null)));
    }
}
