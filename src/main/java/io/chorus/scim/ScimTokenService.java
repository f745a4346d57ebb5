package io.chorus.scim;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Inputs;
import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.Caller;
import io.chorus.scim.ScimTokenResource.CreatedScimToken;
import io.chorus.scim.ScimTokenResource.ScimTokenView;

/**
 * The organization's SCIM tokens: created with a name (the secret is shown in that answer only: the database keeps its
 * SHA-256, as for refresh and invitation tokens), listed without their secret, revoked. Creating and revoking are
 * audited.
 */
@ApplicationScoped
public class ScimTokenService {

    /** A prefix that tells what a leaked token is (secret scanners, logs); the rest is 256 random bits. */
    static final String PREFIX = "chorus_scim_";

    private final Audit audit;
    private final Caller caller;

    @Inject
    public ScimTokenService(Audit audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public CreatedScimToken create(String name) {
        String secret = PREFIX + SecretTokens.generate();
        ScimToken token = new ScimToken();
        token.id = UUID.randomUUID();
        token.name = Inputs.requireText("name", name);
        token.tokenHash = SecretTokens.hash(secret);
        token.createdAt = Time.now();
        token.createdBy = caller.memberId().orElse(null);
        token.persist();
        audit.record(token.createdBy, "scim.token.created", "scim-token", token.id, Map.of("name", token.name));
        return new CreatedScimToken(token.id, token.name, secret, token.createdAt);
    }

    @Transactional
    public Page<ScimTokenView> list(PageRequest page) {
        return Page.of(ScimToken.findPage(page), page, t -> Cursor.of(t.createdAt, t.id)).map(ScimTokenService::view);
    }

    /** The token stops working at once: every SCIM request checks the database. */
    @Transactional
    public void revoke(UUID id) {
        ScimToken token = ScimToken.<ScimToken> findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("This SCIM token"));
        token.delete();
        audit.record(caller.memberId().orElse(null), "scim.token.revoked", "scim-token", token.id,
                Map.of("name", token.name));
    }

    private static ScimTokenView view(ScimToken token) {
        return new ScimTokenView(token.id, token.name, token.createdAt, token.createdBy, token.lastUsedAt);
    }
}
