package io.chorus.tenancy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.chorus.identity.Role;

/** What the tenancy endpoints accept. */
public final class TenancyRequests {

    /** A BCP 47 language tag such as {@code en}, {@code fr} or {@code pt-BR}. */
    static final String LANGUAGE = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
    static final String SLUG = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$";

    private TenancyRequests() {
    }

    public record CreateOrganization(
            @NotBlank @Pattern(regexp = SLUG, message = "must be lowercase letters, digits and hyphens (at most 63)") String slug,
            @NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String adminEmail,
            @NotBlank @Size(max = 200) String adminName) {
    }

    public record InviteMember(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
            @NotEmpty Set<@NotNull Role> roles, @Size(max = 100) List<@NotNull UUID> groupIds,
            @Pattern(regexp = LANGUAGE, message = "must be a BCP 47 language tag") String language) {
    }

    /** Absent fields stay as they are. */
    public record UpdateMember(@Size(min = 1, max = 200) String name, @Size(min = 1) Set<@NotNull Role> roles,
            @Size(max = 100) List<@NotNull UUID> groupIds, MemberStatus status,
            @Pattern(regexp = LANGUAGE, message = "must be a BCP 47 language tag") String language) {
    }

    /**
     * What an organization's identity provider holds about a member (SCIM): applied whole, as a replacement. A null
     * language keeps the member's (English for a new one).
     */
    public record ProvisionMember(@NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String name, @Size(max = 200) String givenName,
            @Size(max = 200) String familyName, @Size(min = 1, max = 200) String externalId,
            @Pattern(regexp = LANGUAGE, message = "must be a BCP 47 language tag") String language, boolean active) {
    }

    /** A group as an identity provider holds it (SCIM); null members: its members stay as they are. */
    public record ProvisionGroup(@NotBlank @Size(max = 200) String name, @Size(min = 1, max = 200) String externalId,
            @Size(max = 100_000) Set<@NotNull UUID> memberIds) {
    }

    public record UpdateMe(@Size(min = 1, max = 200) String name,
            @Pattern(regexp = LANGUAGE, message = "must be a BCP 47 language tag") String language,
            Boolean leaderboardVisible) {
    }

    public record AcceptInvitation(@NotBlank @Size(max = 200) String name, @NotNull String password) {
    }

    public record CreateGroup(@NotBlank @Size(max = 200) String name, @NotNull GroupKind kind) {
    }

    public record UpdateGroup(@Size(min = 1, max = 200) String name, GroupKind kind) {
    }
}
