package io.chorus.sso;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.TokenIssuer;
import io.chorus.identity.TokenResponse;
import io.chorus.sso.OidcClient.Metadata;
import io.chorus.sso.SsoMembers.Identity;
import io.chorus.sso.SsoMembers.Refused;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The authorization code flow with PKCE (OpenID Connect Core 3.1, RFC 7636): {@link #start} sends the person to their
 * identity provider with a state, a nonce and a code challenge kept in a signed cookie; {@link #finish} exchanges the
 * code, verifies the ID token and signs the member in (just-in-time provisioned). Every refusal is a problem, and every
 * refusal in a known organization is audited ({@code sso.login.failed}).
 * <p>
 * Longer than our rooms usually are, on purpose: it is one protocol read top to bottom, each step next to the checks
 * the specification asks of it. Its parts that stand alone already live apart: the HTTP side ({@link OidcClient}), the
 * state cookie ({@link SsoState}) and provisioning ({@link SsoMembers}).
 */
@ApplicationScoped
public class SsoService {

    private static final Logger LOG = Logger.getLogger(SsoService.class);
    public static final Set<String> LANDINGS = Set.of("app", "admin", "client");

    /** Where to send the browser, and the cookie that remembers the sign-in. */
    public record Started(URI authorization, String cookie, SsoState state) {
    }

    /**
     * A finished sign-in: the tokens of a browser's session, or an API client's one-time code; the member's language.
     */
    public record Finished(SsoState state, TokenResponse tokens, Set<String> roles, String code, String language) {
    }

    private final OidcClient oidc;
    private final IdentityProviderService providers;
    private final SsoMembers members;
    private final TokenIssuer issuer;
    private final Tenants tenants;
    private final Audit audit;
    private final ChorusConfig chorus;
    private final SsoConfig config;
    private final ObjectMapper json;
    private final byte[] stateKey;
    private final byte[] subjectKey;

    @Inject
    public SsoService(OidcClient oidc, IdentityProviderService providers, SsoMembers members, TokenIssuer issuer,
            Tenants tenants, Audit audit, ChorusConfig chorus, SsoConfig config, ObjectMapper json) {
        this.oidc = oidc;
        this.providers = providers;
        this.members = members;
        this.issuer = issuer;
        this.tenants = tenants;
        this.audit = audit;
        this.chorus = chorus;
        this.config = config;
        this.json = json;
        byte[] secret = chorus.secret().getBytes(StandardCharsets.UTF_8);
        this.stateKey = SecretTokens.hmac(secret, "sso-state-cookies");
        this.subjectKey = SecretTokens.hmac(secret, "sso-subjects");
    }

    public Started start(String slug, Optional<UUID> providerId, String landing, String redirectUri, String clientState,
            String next, String lang, String clientAddress) {
        if (!LANDINGS.contains(landing)) {
            throw ProblemException.invalid("landing", "must be app, admin or client");
        }
        if ("client".equals(landing) == (redirectUri == null)) {
            throw ProblemException.invalid("redirect_uri", "is required with landing=client, and only then");
        }
        if (clientState != null && clientState.length() > 500 || next != null && next.length() > 2000) {
            throw ProblemException.invalid("state", "is too long");
        }
        Organization organization = QuarkusTransaction.requiringNew().call(() -> Organization.findBySlug(slug))
                .orElseThrow(() -> ProblemException.notFound("This organization"));
        IdentityProvider provider = tenants.callAs(organization.id, () -> {
            if (redirectUri != null && !organization.ssoRedirectUris.contains(redirectUri)) {
                throw failure(organization.id, null, "unregistered-redirect-uri", 400, "Invalid request",
                        "This redirect URI is not registered for the organization.", clientAddress);
            }
            return providerId.flatMap(IdentityProvider::findByIdOptional).filter(p -> p.enabled)
                    .or(() -> providerId.isPresent() ? Optional.empty()
                            : IdentityProvider.findEnabled().stream().findFirst())
                    .orElse(null);
        });
        if (provider == null) {
            throw failure(organization.id, null, "sso-not-configured", 404, "Not found",
                    "This organization has no such enabled identity provider.", clientAddress);
        }
        Metadata metadata = metadata(organization.id, provider, clientAddress);
        String verifier = SecretTokens.generate() + SecretTokens.generate();
        SsoState state = new SsoState(organization.id, provider.id, SecretTokens.generate(), SecretTokens.generate(),
                verifier, landing, redirectUri, clientState, next,
                Time.now().plus(config.stateLifetime()).getEpochSecond(), lang);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId);
        query.put("redirect_uri", chorus.url(SsoResource.CALLBACK));
        query.put("scope", "openid email profile");
        query.put("state", state.state());
        query.put("nonce", state.nonce());
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String endpoint = metadata.authorizationEndpoint().toString();
        URI authorization = URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + OidcClient.query(query));
        return new Started(authorization, state.encode(json, stateKey), state);
    }

    /** The organization whose sign-in a cookie started, when it is one of ours: for the error page's way back. */
    public Optional<SsoState> state(String cookie) {
        return SsoState.decode(json, stateKey, cookie);
    }

    public Finished finish(String cookie, String code, String state, String error, String errorDescription,
            String clientAddress) {
        SsoState started = SsoState.decode(json, stateKey, cookie).orElseThrow(() -> invalidState(null,
                "This sign-in was not started here, or its cookie is missing.", clientAddress));
        UUID org = started.organizationId();
        if (started.expired(Time.now())) {
            throw invalidState(org, "This sign-in took too long; start again.", clientAddress);
        }
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                started.state().getBytes(StandardCharsets.UTF_8))) {
            throw invalidState(org, "The state does not match the sign-in this browser started.", clientAddress);
        }
        if (!useState(started)) {
            throw failure(org, started.providerId(), "replayed-sso-state", 400, "Invalid sign-in",
                    "This sign-in was already finished; start again.", clientAddress);
        }
        if (error != null) {
            throw failure(org, started.providerId(), "idp-error", 401, "Sign-in refused",
                    "The identity provider refused the sign-in: " + truncate(error)
                            + (errorDescription == null ? "" : " (" + truncate(errorDescription) + ")"),
                    clientAddress);
        }
        if (code == null || code.isBlank()) {
            throw invalidState(org, "The identity provider sent no code.", clientAddress);
        }
        IdentityProvider provider = tenants.callAs(org,
                () -> IdentityProvider.findByIdOptional(started.providerId()).filter(p -> p.enabled).orElse(null));
        if (provider == null) {
            throw failure(org, started.providerId(), "sso-not-configured", 404, "Not found",
                    "This identity provider is no longer enabled.", clientAddress);
        }
        Metadata metadata = metadata(org, provider, clientAddress);
        JwtClaims claims;
        try {
            String idToken = oidc.exchange(metadata, provider.clientId, providers.clientSecret(provider), code,
                    chorus.url(SsoResource.CALLBACK), started.verifier());
            claims = oidc.verify(metadata, provider.clientId, idToken, started.nonce());
        } catch (OidcException e) {
            if (e.unavailable()) {
                throw failure(org, provider.id, "idp-unavailable", 502, "Identity provider unavailable", e.getMessage(),
                        clientAddress);
            }
            throw failure(org, provider.id, "id-token".equals(e.step()) ? "invalid-id-token" : "idp-error", 401,
                    "Sign-in refused", e.getMessage(), clientAddress);
        }
        Identity identity = identity(org, provider, claims, clientAddress);
        try {
            return tenants.callAs(org, () -> {
                Member member = members.signIn(provider, identity);
                audit.record(null, "sso.login.succeeded", "member", member.id,
                        Map.of("provider", provider.id.toString(), "landing", started.landing(), "client",
                                audit.clientHash(clientAddress)));
                Set<String> roles = new LinkedHashSet<>();
                member.roles().forEach(r -> roles.add(r.id()));
                if ("client".equals(started.landing())) {
                    return new Finished(started, null, roles, newCode(member), member.language);
                }
                return new Finished(started, issuer.forMember(member, null), roles, null, member.language);
            });
        } catch (Refused e) {
            throw failure(org, provider.id, "member-deactivated", 403, "Sign-in refused", e.getMessage(),
                    clientAddress);
        } catch (ProblemException e) {
            throw failure(org, provider.id, "member-not-provisioned", e.status(), "Sign-in refused",
                    "The account could not be brought up to date: " + e.getMessage(), clientAddress);
        }
    }

    /** An API client's one-time code: used once, within the code lifetime; the same tokens as a password login. */
    public TokenResponse exchange(String code, String clientAddress) {
        String hash = SecretTokens.hash(code);
        Object[] row = QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Member.getEntityManager().createNativeQuery("""
                    update sso_codes set used_at = ?2
                    where code_hash = ?1 and used_at is null and expires_at > ?2
                    returning organization_id, member_id""").setParameter(1, hash).setParameter(2, Time.now())
                    .getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        });
        if (row == null) {
            QuarkusTransaction.requiringNew()
                    .call(() -> Member.getEntityManager()
                            .createNativeQuery("select organization_id from sso_codes where code_hash = ?1", UUID.class)
                            .setParameter(1, hash).getResultStream().findFirst())
                    .ifPresent(org -> audit.recordIn((UUID) org, null, "sso.login.failed", "organization", (UUID) org,
                            detail("replayed-sso-code", null, clientAddress)));
            throw new ProblemException(400, "invalid-sso-code", "Invalid code",
                    "This code is unknown, expired or already used.");
        }
        UUID org = (UUID) row[0];
        UUID memberId = (UUID) row[1];
        return tenants.callAs(org,
                () -> Member.<Member> findByIdOptional(memberId).filter(Member::canLogIn)
                        .map(member -> issuer.forMember(member, null)).orElseThrow(() -> new ProblemException(400,
                                "invalid-sso-code", "Invalid code", "This code is unknown, expired or already used.")));
    }

    private String newCode(Member member) {
        String code = SecretTokens.generate();
        Member.getEntityManager().createNativeQuery(
                "insert into sso_codes (code_hash, organization_id, member_id, expires_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, SecretTokens.hash(code)).setParameter(2, member.organization())
                .setParameter(3, member.id).setParameter(4, Time.now().plus(config.codeLifetime())).executeUpdate();
        return code;
    }

    private Identity identity(UUID org, IdentityProvider provider, JwtClaims claims, String clientAddress) {
        Object email = claims.getClaimValue(provider.emailClaim);
        if (!(email instanceof String address) || !address.contains("@") || address.length() > 320) {
            throw failure(org, provider.id, "email-missing", 403, "Sign-in refused",
                    "The identity provider sent no email address (claim " + provider.emailClaim + ").", clientAddress);
        }
        // Microsoft Entra ID sends no email_verified; its optional claim xms_edov says the tenant verified the domain.
        Object verified = claims.hasClaim("email_verified") ? claims.getClaimValue("email_verified")
                : claims.getClaimValue("xms_edov");
        if (!(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw failure(org, provider.id, "email-not-verified", 403, "Sign-in refused",
                    "The identity provider has not verified this email address.", clientAddress);
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!provider.allowedDomains.contains(domain)) {
            throw failure(org, provider.id, "email-domain-not-allowed", 403, "Sign-in refused",
                    "Email addresses of " + domain + " may not sign in to this organization.", clientAddress);
        }
        String subject;
        try {
            subject = claims.getSubject();
        } catch (MalformedClaimException e) {
            throw failure(org, provider.id, "invalid-id-token", 401, "Sign-in refused", "The ID token has no subject.",
                    clientAddress);
        }
        String given = text(claims, "given_name");
        String family = text(claims, "family_name");
        String name = Optional.ofNullable(text(claims, "name"))
                .or(() -> Optional.ofNullable(given == null && family == null ? null
                        : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip()))
                .orElse(address.substring(0, address.indexOf('@')));
        String hashed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SecretTokens.hmac(subjectKey, provider.issuer + "\n" + subject));
        return new Identity(hashed, address.strip(), name, given, family,
                groups(claims.getClaimValue(provider.groupsClaim)));
    }

    private static Set<String> groups(Object value) {
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        } else if (value instanceof String single) {
            groups.add(single);
        }
        return groups;
    }

    private static String text(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        return value instanceof String s && !s.isBlank() ? truncate(s.strip()) : null;
    }

    private Metadata metadata(UUID org, IdentityProvider provider, String clientAddress) {
        try {
            return oidc.discover(provider.issuer, false);
        } catch (OidcException e) {
            throw failure(org, provider.id, "idp-unavailable", 502, "Identity provider unavailable", e.getMessage(),
                    clientAddress);
        }
    }

    /** Records the state as used until its cookie would have expired; false when it already was. */
    private boolean useState(SsoState started) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Time.now();
            Member.getEntityManager().createNativeQuery("delete from sso_used_states where expires_at < ?1")
                    .setParameter(1, now).executeUpdate();
            return Member.getEntityManager().createNativeQuery(
                    "insert into sso_used_states (state_hash, expires_at) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, SecretTokens.hash(started.state()))
                    .setParameter(2, Instant.ofEpochSecond(started.expiresAt())).executeUpdate() == 1;
        });
    }

    private ProblemException invalidState(UUID org, String detail, String clientAddress) {
        return failure(org, null, "invalid-sso-state", 400, "Invalid sign-in", detail, clientAddress);
    }

    private ProblemException failure(UUID org, UUID provider, String slug, int status, String title, String detail,
            String clientAddress) {
        if (org == null) {
            LOG.debugf("SSO sign-in refused (%s): %s", slug, detail);
        } else {
            Map<String, Object> entry = detail(slug, provider, clientAddress);
            entry.put("detail", detail);
            audit.recordIn(org, null, "sso.login.failed", "organization", org, entry);
        }
        return new ProblemException(status, slug, title, detail);
    }

    private Map<String, Object> detail(String reason, UUID provider, String clientAddress) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        if (provider != null) {
            detail.put("provider", provider.toString());
        }
        detail.put("client", audit.clientHash(clientAddress));
        return detail;
    }

    private static String truncate(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
