package io.chorus.content;

import java.time.Instant;
import java.util.UUID;

/** A member's submission approved by a curator, fired inside the approving transaction. */
public record SubmissionApproved(UUID contentId, UUID organizationId, UUID authorId, Instant at) {
}
