package io.chorus.mail;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;
import io.chorus.mail.MailViews.EmailPreferences;
import io.chorus.mail.MailViews.EmailSettings;
import io.chorus.mail.MailViews.UpdateEmailPreferences;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.Organization;

/** Members' email preferences, the organization's digest schedule, and unsubscribing by a signed link. */
@ApplicationScoped
public class EmailPreferencesService {

    private final Tenants tenants;
    private final Audit audit;
    private final UnsubscribeTokens unsubscribeTokens;

    @Inject
    public EmailPreferencesService(Tenants tenants, Audit audit, UnsubscribeTokens unsubscribeTokens) {
        this.tenants = tenants;
        this.audit = audit;
        this.unsubscribeTokens = unsubscribeTokens;
    }

    @Transactional
    public EmailPreferences get(UUID memberId) {
        return view(member(memberId));
    }

    @Transactional
    public EmailPreferences update(UUID memberId, UpdateEmailPreferences request) {
        Member member = member(memberId);
        if (request.digest() != null) {
            member.emailDigest = request.digest();
        }
        if (request.broadcasts() != null) {
            member.emailBroadcasts = request.broadcasts();
        }
        member.updatedAt = Time.now();
        return view(member);
    }

    /** The member a signed unsubscribe link names, and their organization's name; empty if the link is not one. */
    public record Unsubscribing(UUID organizationId, UUID memberId, String organization) {
    }

    public java.util.Optional<Unsubscribing> unsubscribing(String token) {
        return unsubscribeTokens.verify(token)
                .flatMap(claims -> tenants.callAs(claims.organizationId(),
                        () -> Member.findByIdOptional(claims.memberId()).filter(m -> !m.isErased())
                                .map(m -> new Unsubscribing(claims.organizationId(), m.id,
                                        Organization.findByIdOptional(claims.organizationId()).orElseThrow().name))));
    }

    /** No more digests or broadcasts for the member the link names (RFC 8058: no sign-in, one POST). */
    public void unsubscribe(Unsubscribing who) {
        tenants.runAs(who.organizationId(), () -> {
            Member member = Member.findByIdOptional(who.memberId()).orElseThrow();
            if (!"never".equals(member.emailDigest) || member.emailBroadcasts) {
                member.emailDigest = "never";
                member.emailBroadcasts = false;
                member.updatedAt = Time.now();
                audit.record(member.id, "member.unsubscribed", "member", member.id, Map.of());
            }
        });
    }

    @Transactional
    public EmailSettings settings() {
        return view(OrganizationSettings.of(tenants.current()));
    }

    @Transactional
    public EmailSettings replaceSettings(EmailSettings request, UUID actor) {
        OrganizationSettings settings = OrganizationSettings.of(tenants.current());
        settings.digestTime = LocalTime.parse(request.digestTime());
        settings.digestDay = DayOfWeek.valueOf(request.digestDay().toUpperCase(Locale.ROOT)).getValue();
        settings.updatedAt = Time.now();
        settings.persist();
        audit.record(actor, "settings.email.changed", "organization", tenants.current(),
                Map.of("digestTime", request.digestTime(), "digestDay", request.digestDay()));
        return view(settings);
    }

    private static EmailSettings view(OrganizationSettings settings) {
        return new EmailSettings(settings.digestTime.toString(),
                DayOfWeek.of(settings.digestDay).name().toLowerCase(Locale.ROOT));
    }

    private static Member member(UUID id) {
        return Member.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("This member"));
    }

    private static EmailPreferences view(Member member) {
        return new EmailPreferences(member.emailDigest, member.emailBroadcasts);
    }
}
