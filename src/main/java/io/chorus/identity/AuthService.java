package io.chorus.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.common.throttle.Throttle;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Login, refresh and logout. A wrong organization, email or password all get the same answer. */
@ApplicationScoped
public class AuthService {

    private static final String WRONG_CREDENTIALS = "The organization, email or password is wrong.";

    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final LoginThrottle throttle;
    private final Tenants tenants;
    private final Audit audit;
    private final Accounts accounts;

    @Inject
    public AuthService(PasswordHasher hasher, TokenIssuer issuer, LoginThrottle throttle, Tenants tenants, Audit audit,
            Accounts accounts) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.issuer = issuer;
        this.throttle = throttle;
        this.tenants = tenants;
        this.audit = audit;
    }

    /**
     * Failed and throttled logins into an organization go on its audit trail, with a hashed client address and the
     * member when the email is one (the answer stays the same either way).
     */
    public TokenResponse login(LoginRequest request, String clientAddress) {
        String scope = request.organization() == null ? "operator" : request.organization();
        String accountKey = throttle.accountKey(scope, request.email());
        String clientKey = throttle.clientKey(clientAddress);
        Optional<UUID> organization = request.organization() == null ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> accounts.organizationBySlug(request.organization()));
        Optional<Duration> wait = throttle.blockedFor(accountKey, clientKey);
        if (wait.isPresent()) {
            organization.ifPresent(org -> auditLogin(org, "auth.login.throttled", request.email(), clientAddress));
            throw Throttle.tooMany("too-many-login-attempts", "Too many login attempts", "Too many failed logins.",
                    wait.get());
        }
        Optional<TokenResponse> tokens = request.organization() == null ? loginOperator(request)
                : loginMember(organization, request);
        if (tokens.isEmpty()) {
            throttle.recordFailure(accountKey, clientKey);
            organization.ifPresent(org -> auditLogin(org, "auth.login.failed", request.email(), clientAddress));
            throw ProblemException.unauthorized(WRONG_CREDENTIALS);
        }
        throttle.recordSuccess(accountKey);
        return tokens.get();
    }

    private void auditLogin(UUID organization, String action, String email, String clientAddress) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("client", audit.clientHash(clientAddress));
        tenants.runAs(organization, () -> {
            Optional<UUID> member = accounts.byEmail(email).map(Account::id);
            audit.record(null, action, member.isPresent() ? "member" : "organization", member.orElse(organization),
                    detail);
        });
    }

    private Optional<TokenResponse> loginMember(Optional<UUID> organization, LoginRequest request) {
        if (organization.isEmpty()) {
            hasher.matches(request.password(), null);
            return Optional.empty();
        }
        return tenants.callAs(organization.get(), () -> {
            Optional<? extends Account> member = accounts.byEmail(request.email()).filter(Account::canLogIn);
            if (!hasher.matches(request.password(), member.map(Account::passwordHash).orElse(null))) {
                return Optional.empty();
            }
            requirePasswordAllowed(organization.get(), member.get());
            return Optional.of(issuer.forMember(member.get(), null));
        });
    }

    /**
     * An organization that requires single sign-on refuses passwords, once one is right, but its admins' (their
     * break-glass access when the identity provider fails).
     */
    private void requirePasswordAllowed(UUID organization, Account member) {
        if (accounts.requiresSingleSignOn(organization) && !member.roles().contains(Role.ADMIN)) {
            audit.record(member.id(), "auth.login.sso-required", "member", member.id(), Map.of());
            throw SSO_REQUIRED.get();
        }
    }

    /** The problem of a password sign-in where SSO is required. */
    public static final java.util.function.Supplier<ProblemException> SSO_REQUIRED = () -> new ProblemException(403,
            "sso-required", "Single sign-on required",
            "This organization signs its members in with single sign-on; use \"Sign in with\" your identity provider.");

    private Optional<TokenResponse> loginOperator(LoginRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Operator> operator = Operator.findByEmail(request.email());
            if (!hasher.matches(request.password(), operator.map(o -> o.passwordHash).orElse(null))) {
                return Optional.empty();
            }
            return Optional.of(issuer.forOperator(operator.get(), null));
        });
    }

    /** Rotates a refresh token: the presented one is used up and a new one continues its family. */
    public TokenResponse refresh(String refreshToken) {
        String hash = SecretTokens.hash(refreshToken);
        Optional<UUID> organization = QuarkusTransaction.requiringNew()
                .call(() -> RefreshToken.findByHash(hash).map(t -> Optional.ofNullable(t.organizationId)))
                .orElseThrow(() -> ProblemException.unauthorized("This refresh token is not valid."));
        Rotation rotation = organization.isPresent() ? tenants.callAs(organization.get(), () -> rotate(hash))
                : QuarkusTransaction.requiringNew().call(() -> rotate(hash));
        if (rotation.tokens() == null) {
            throw ProblemException.unauthorized(rotation.refusal());
        }
        return rotation.tokens();
    }

    /** Runs in one transaction with the token row locked, so a token is never used twice. */
    private Rotation rotate(String hash) {
        RefreshToken token = RefreshToken.findByHashForUpdate(hash).orElse(null);
        Instant now = Time.now();
        if (token == null) {
            return Rotation.refused("This refresh token is not valid.");
        }
        if (token.usedAt != null || token.revokedAt != null) {
            RefreshToken.revokeFamily(token.familyId, now);
            return Rotation.refused("This refresh token was already used or revoked; the session has been ended.");
        }
        if (!now.isBefore(token.expiresAt)) {
            return Rotation.refused("This refresh token has expired; log in again.");
        }
        token.usedAt = now;
        if (token.isMember()) {
            Optional<? extends Account> member = accounts.byId(token.subjectId).filter(Account::canLogIn);
            if (member.isEmpty()) {
                RefreshToken.revokeFamily(token.familyId, now);
                return Rotation.refused("This account can no longer log in.");
            }
            return new Rotation(issuer.forMember(member.get(), token.familyId), null);
        }
        return Operator.findByIdOptional(token.subjectId)
                .map(operator -> new Rotation(issuer.forOperator(operator, token.familyId), null))
                .orElseGet(() -> Rotation.refused("This account can no longer log in."));
    }

    /** Ends the session of the given refresh token, or every session of the caller without one. */
    public void logout(UUID callerId, Optional<String> refreshToken) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Time.now();
            if (refreshToken.isEmpty()) {
                RefreshToken.revokeAllOf(callerId, now);
                return;
            }
            RefreshToken.findByHash(SecretTokens.hash(refreshToken.get()))
                    .filter(token -> token.subjectId.equals(callerId))
                    .ifPresent(token -> RefreshToken.revokeFamily(token.familyId, now));
        });
    }

    /** Expired refresh tokens can only be refused; after a day of grace they are forgotten. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredRefreshTokens() {
        QuarkusTransaction.requiringNew().run(() -> RefreshToken.deleteExpiredBefore(Time.now().minusSeconds(86400)));
    }

    private record Rotation(TokenResponse tokens, String refusal) {
        static Rotation refused(String why) {
            return new Rotation(null, why);
        }
    }
}
