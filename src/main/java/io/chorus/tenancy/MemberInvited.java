package io.chorus.tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * A member was invited (reminder 0) or reminded of their invitation (the nth reminder), fired in the transaction that
 * issued it, so that its mail is queued with it or not at all (the mail package observes it). The accept link is a
 * secret.
 */
public record MemberInvited(UUID memberId, String email, String name, String language, UUID invitationId,
        String acceptUrl, Instant expiresAt, int reminder) {
}
