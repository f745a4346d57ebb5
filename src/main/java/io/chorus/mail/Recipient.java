package io.chorus.mail;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A member a letter is for: an active ambassador, with their digest frequency, groups and the instant their last digest
 * showed items up to (null: none yet); and their seat, which picks the suggested messages offered to them.
 */
public record Recipient(UUID id, String email, String name, String language, String digest, Set<UUID> groupIds,
        Instant digestSentUntil, long seat) {
}
