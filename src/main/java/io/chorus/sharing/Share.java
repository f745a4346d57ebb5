package io.chorus.sharing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.chorus.common.tenant.TenantOwned;
import io.chorus.content.Network;

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
    /** The language of the texts the sharer was shown; null for shares older than languages. */
    public String language;
    /** Which of the network's suggested messages was offered (0 the primary); null when none was (the title). */
    @Column(name = "message_index")
    public Integer messageIndex;
    /** Whether the sharer changed the offered message. */
    public boolean edited;

    public static Optional<Share> findByIdOptional(UUID id) {
        return Share.<Share> findByIdOptional((Object) id);
    }

    public static Optional<Share> findExisting(UUID memberId, UUID contentId, Network network) {
        return find("memberId = ?1 and contentId = ?2 and network = ?3", memberId, contentId, network)
                .firstResultOptional();
    }
}
