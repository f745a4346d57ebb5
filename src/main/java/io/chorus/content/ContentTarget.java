package io.chorus.content;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.chorus.common.tenant.TenantOwned;

/** A group a content item is targeted to; none means everyone. */
@Entity
@Table(name = "content_targets")
public class ContentTarget extends TenantOwned {

    @EmbeddedId
    public Key id;

    public static ContentTarget of(UUID contentId, UUID groupId) {
        ContentTarget target = new ContentTarget();
        target.id = new Key(contentId, groupId);
        return target;
    }

    public static Map<UUID, List<UUID>> groupIdsOf(Collection<UUID> contentIds) {
        Map<UUID, List<UUID>> targets = new HashMap<>();
        if (!contentIds.isEmpty()) {
            ContentTarget.<ContentTarget> list("id.contentId in ?1 order by id.groupId", contentIds)
                    .forEach(t -> targets.computeIfAbsent(t.id.contentId, k -> new ArrayList<>()).add(t.id.groupId));
        }
        return targets;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "content_id")
        public UUID contentId;
        @Column(name = "group_id")
        public UUID groupId;

        protected Key() {
        }

        Key(UUID contentId, UUID groupId) {
            this.contentId = contentId;
            this.groupId = groupId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && contentId.equals(key.contentId) && groupId.equals(key.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contentId, groupId);
        }
    }
}
