package io.chorus.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A member who signs in, as identity sees one: what a token is issued for and a password checked against. Identity sits
 * below tenancy, so it knows members only through this and {@link Accounts}; tenancy's {@code Member} is one.
 */
public interface Account {

    UUID id();

    UUID organization();

    String email();

    Set<Role> roles();

    /** The password's hash, or null when the account has none (invited, provisioned, signs in with SSO). */
    String passwordHash();

    /** Active, not erased. */
    boolean canLogIn();
}
