package io.chorus.tenancy;

import java.util.UUID;

/**
 * Something that decides whether leaderboards list a member changed: their status, their leaderboard visibility, their
 * erasure, or their groups (group leaderboards). Fired inside the changing transaction; observers read the member's row
 * (its {@code listed} column, the one definition: active, visible and not erased) rather than anything carried here.
 */
public record MemberListingChanged(UUID memberId) {
}
