package io.chorus.tenancy;

import java.io.Serializable;
import java.util.Objects;
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
