package io.chorus.tenancy;

import java.util.Optional;
import java.util.UUID;

import io.chorus.identity.Role;

/** The filters of the member list: {@code q} (name or email), {@code groupId}, {@code role}, {@code status}. */
public record MemberFilter(Optional<String> query, Optional<UUID> groupId, Optional<Role> role,
        Optional<MemberStatus> status) {
}
