package io.chorus.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One link of a login's refresh chain ("family"). Each use marks it used and adds the next link; presenting a used link
 * again means it was stolen, and the whole family is revoked. Looked up only by the hash of the secret it was issued
 * with.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

    public static final String MEMBER = "member";
    public static final String OPERATOR = "operator";

    @Id
    public UUID id;
    /** The member's organization; null for operators. */
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "subject_kind")
    public String subjectKind;
    @Column(name = "family_id")
    public UUID familyId;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<RefreshToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public static Optional<RefreshToken> findByHashForUpdate(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static int revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public static int revokeAllOf(UUID subjectId, Instant now) {
        return update("revokedAt = ?1 where subjectId = ?2 and revokedAt is null", now, subjectId);
    }

    /**
     * Forgets every refresh token of the subject (an erased member): presenting one is then like presenting garbage.
     */
    public static long deleteAllOf(UUID subjectId) {
        return delete("subjectId", subjectId);
    }

    public static long deleteExpiredBefore(Instant cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }

    public boolean isMember() {
        return MEMBER.equals(subjectKind);
    }
}
