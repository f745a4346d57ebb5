package io.chorus.sharing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.Content;
import io.chorus.content.ContentService;
import io.chorus.content.ContentStatus;
import io.chorus.content.Network;
import io.chorus.content.OrganizationSettings;
import io.chorus.sharing.ShareLinkTokens.Claims;
import io.chorus.sharing.clicks.Visitor;
import io.chorus.tenancy.Member;

/**
 * One-click share links, for email digests and chat: a signed link per network that, followed without logging in,
 * creates (or reuses) the member's share and opens the network's dialog.
 */
@ApplicationScoped
public class ShareLinkService {

    /**
     * Where following a link leads: the intent URL, or why not (403 refused, 409 charter to accept first, 410 gone, 429
     * or 409 refused by the sharing rules, with the {@code rule}).
     */
    public record Followed(String intentUrl, int refusedStatus, boolean expired, Integer charterVersion,
            ShareRules.Refusal rule) {
        Followed(String intentUrl, int refusedStatus, boolean expired) {
            this(intentUrl, refusedStatus, expired, null, null);
        }
    }

    private final ShareLinkTokens tokens;
    private final ShareService shares;
    private final Tenants tenants;
    private final ChorusConfig chorus;
    private final SharingConfig config;

    @Inject
    public ShareLinkService(ShareLinkTokens tokens, ShareService shares, Tenants tenants, ChorusConfig chorus,
            SharingConfig config) {
        this.tokens = tokens;
        this.shares = shares;
        this.tenants = tenants;
        this.chorus = chorus;
        this.config = config;
    }

    /** The caller's one-click links for a published item of their feed, by network. */
    @Transactional
    public Map<String, String> links(UUID contentId, UUID memberId) {
        Instant now = Time.now();
        Content content = Content.findByIdOptional(contentId)
                .filter(c -> ContentService.visibleTo(c, memberId, now) || c.authorId.equals(memberId))
                .orElseThrow(() -> ProblemException.notFound("This content"));
        ContentStatus status = content.statusAt(now);
        if (status != ContentStatus.PUBLISHED) {
            throw ProblemException.conflict("not-published",
                    "This content is " + status.id() + "; only published content can be shared.");
        }
        Instant expiresAt = now.plus(config.shareLinkLifetime());
        Map<String, String> links = new LinkedHashMap<>();
        for (Network network : OrganizationSettings.of(tenants.current()).allowedNetworks()) {
            String token = tokens.sign(new Claims(tenants.current(), memberId, contentId, network, expiresAt));
            links.put(network.id(), chorus.url("/share/" + token));
        }
        return links;
    }

    public Followed follow(String token, Visitor visitor) {
        Instant now = Time.now();
        ShareLinkTokens.Verified verified = tokens.verify(token, now);
        if (verified.claims().isEmpty()) {
            return new Followed(null, 403, verified.refusal().orElseThrow() == ShareLinkTokens.Refusal.EXPIRED);
        }
        Claims claims = verified.claims().get();
        try {
            return tenants.callAs(claims.organizationId(), () -> {
                boolean active = Member.findByIdOptional(claims.memberId()).filter(Member::canLogIn).isPresent();
                if (!active) {
                    return new Followed(null, 403, false);
                }
                var outcome = shares.share(claims.contentId(), claims.network(), null, claims.memberId(), false,
                        visitor);
                return new Followed(outcome.share().intentUrl(), 0, false);
            });
        } catch (ProblemException e) {
            if (CharterCheck.NOT_ACCEPTED.equals(e.slug())) {
                return new Followed(null, 409, false, (Integer) e.toProblem(null).extensions().get("charterVersion"),
                        null);
            }
            var rule = ShareRules.Refusal.of(e);
            if (rule.isPresent()) {
                return new Followed(null, e.status(), false, null, rule.get());
            }
            return new Followed(null, 410, false);
        }
    }
}
