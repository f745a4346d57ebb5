package io.chorus.tenancy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.chorus.common.tenant.TenantOwned;

/** An invitation to join: its token is known only to the invitee; only its hash is stored. */
@Entity
@Table(name = "invitations")
public class Invitation extends TenantOwned {

    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    /** 0 for the invitation an admin sent; n for the nth reminder of it. */
    public int reminder;

    public static Optional<Invitation> findByTokenHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The organization of an invitation token's hash: the one lookup made before a tenant is known. */
    public static Optional<UUID> organizationOfInvitation(String tokenHash) {
        return getEntityManager()
                .createNativeQuery("select organization_id from invitations where token_hash = ?1", UUID.class)
                .setParameter(1, tokenHash).getResultStream().findFirst().map(UUID.class::cast);
    }

    /** Revokes the member's open invitations, so that only the newest one works. */
    public static void revokeOpen(UUID memberId, Instant now) {
        update("revokedAt = ?1 where memberId = ?2 and acceptedAt is null and revokedAt is null", now, memberId);
    }

    public boolean isUsable(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
