package io.chorus.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.tenant.TenantOwned;
import io.chorus.content.Network;
import io.quarkus.panache.common.Parameters;

/** A member's share of a content item on one network, with its tracked short link's code. */
@Entity
@Table(name = "shares")
public class Share extends TenantOwned {

    @Id
    public UUID id;
    @Column(name = "content_id")
    public UUID contentId;
    @Column(name = "member_id")
    public UUID memberId;
    public Network network;
    public String code;
    public String message;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Share> findByIdOptional(UUID id) {
        return Share.<Share> findByIdOptional((Object) id);
    }

    public static Optional<Share> findExisting(UUID memberId, UUID contentId, Network network) {
        return find("memberId = ?1 and contentId = ?2 and network = ?3", memberId, contentId, network)
                .firstResultOptional();
    }

    /** A member's shares, newest first, one keyset page (plus one row). */
    public static List<Share> findByMember(UUID memberId, PageRequest page) {
        StringBuilder where = new StringBuilder("memberId = :member");
        Parameters params = Parameters.with("member", memberId);
        page.cursor().ifPresent(c -> {
            where.append(" and (createdAt, id) < (:afterTime, :afterId)");
            params.and("afterTime", PageRequest.instant(c, 0)).and("afterId", PageRequest.uuid(c, 1));
        });
        return find(where + " order by createdAt desc, id desc", params).page(0, page.fetchSize()).list();
    }
}
