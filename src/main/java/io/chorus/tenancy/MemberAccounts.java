package io.chorus.tenancy;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.chorus.identity.Accounts;

/** The members and organizations identity signs in. */
@ApplicationScoped
public class MemberAccounts implements Accounts {

    @Override
    public Optional<UUID> organizationBySlug(String slug) {
        return Organization.findBySlug(slug).map(organization -> organization.id);
    }

    @Override
    public Optional<Member> byEmail(String email) {
        return Member.findByEmail(email);
    }

    @Override
    public Optional<Member> byId(UUID id) {
        return Member.findByIdOptional(id);
    }

    @Override
    public boolean requiresSingleSignOn(UUID organization) {
        return Organization.findByIdOptional(organization).map(o -> o.ssoRequired).orElse(false);
    }
}
