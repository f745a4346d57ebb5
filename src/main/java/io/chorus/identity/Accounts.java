package io.chorus.identity;

import java.util.Optional;
import java.util.UUID;

/** Where identity finds the accounts it signs in: implemented by tenancy, which owns organizations and members. */
public interface Accounts {

    Optional<UUID> organizationBySlug(String slug);

    /** The current organization's member of that email. */
    Optional<? extends Account> byEmail(String email);

    /** The current organization's member of that id. */
    Optional<? extends Account> byId(UUID id);

    /** Whether the organization refuses password sign-in to all but its admins. */
    boolean requiresSingleSignOn(UUID organization);
}
