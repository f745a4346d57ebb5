package io.chorus.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.chorus.identity.ActiveMembers;

/**
 * A member's status changed on this instance (deactivated, active again, erased, an invitation accepted): once it is
 * committed, the token checks forget what they remembered of that member, before the change's own answer is sent. Other
 * instances hear it from the database's signal.
 */
@ApplicationScoped
class MemberAccessChanges {

    private final ActiveMembers members;

    @Inject
    MemberAccessChanges(ActiveMembers members) {
        this.members = members;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberListingChanged change) {
        members.forget(change.memberId());
    }
}
