package io.chorus.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chorus.content.Voices;

/**
 * A published item a letter may show, with what its relevance to a member is judged on; {@code texts} when it has
 * translations or several messages per network (each member is shown theirs), else null.
 */
public record Candidate(UUID id, String title, String url, String imageUrl, String message, Instant publishedAt,
        boolean inRunningCampaign, boolean targetsEveryone, List<UUID> targetGroupIds, List<String> topics,
        Voices.Texts texts) {

    /** Whether the member's feed shows it: for everyone, or for one of their groups. */
    public boolean visibleTo(Recipient recipient) {
        return targetsEveryone || targetGroupIds.stream().anyMatch(recipient.groupIds()::contains);
    }
}
