package io.chorus.tenancy;

import java.util.UUID;

/** A member activated or deactivated, fired inside the changing transaction. */
public record MemberStatusChanged(UUID memberId, MemberStatus status) {
}
