package io.chorus.mail;

import io.chorus.common.persistence.WireEnum;

/** What a mail is. Invitations (and their reminders) are transactional: sent whatever the member's preferences. */
public enum MailKind {
    INVITATION, INVITATION_REMINDER, DIGEST, BROADCAST, CAMPAIGN_START;

    public String id() {
        return WireEnum.id(this);
    }
}
