package io.chorus.tenancy;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.chorus.common.tenant.TenantOwned;

/** A member's place in a group. */
@Entity
@Table(name = "group_memberships")
public class GroupMembership extends TenantOwned {

    @EmbeddedId
    public Key id;

    public static GroupMembership of(UUID memberId, UUID groupId) {
        GroupMembership membership = new GroupMembership();
        membership.id = new Key(memberId, groupId);
        return membership;
    }

    public static long deleteForMember(UUID memberId) {
        return delete("id.memberId", memberId);
    }

    /** Which of these members are in the group. */
    public static Set<UUID> inGroup(UUID groupId, Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select m.id.memberId from GroupMembership m where m.id.groupId = ?1"
                        + " and m.id.memberId in ?2", UUID.class)
                .setParameter(1, groupId).setParameter(2, memberIds).getResultList());
    }

    public static Set<UUID> membersOf(UUID groupId) {
        return new HashSet<>(getEntityManager()
                .createQuery("select m.id.memberId from GroupMembership m where m.id.groupId = ?1", UUID.class)
                .setParameter(1, groupId).getResultList());
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "member_id")
        public UUID memberId;
        @Column(name = "group_id")
        public UUID groupId;

        protected Key() {
        }

        Key(UUID memberId, UUID groupId) {
            this.memberId = memberId;
            this.groupId = groupId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && memberId.equals(key.memberId) && groupId.equals(key.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, groupId);
        }
    }
}
