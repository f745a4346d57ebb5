package io.chorus.mail;

import io.chorus.common.persistence.WireEnum;

/**
 * What a mail is. Invitations (and their reminders) and notices to admins (a webhook endpoint disabled) are
 * transactional: sent whatever the member's preferences.
 */
public enum MailKind {
    INVITATION, INVITATION_REMINDER, DIGEST, BROADCAST, CAMPAIGN_START, WEBHOOK_DISABLED;

    public String id() {
        return WireEnum.id(this);
    }
}
