package io.chorus.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.tenant.OrganizationClaim;
import io.smallrye.jwt.build.Jwt;

/** Issues the token pair of a session: an RS256 access token and a rotating refresh token. */
@ApplicationScoped
public class TokenIssuer {

    private final ChorusConfig chorus;
    private final AuthConfig auth;

    @Inject
    public TokenIssuer(ChorusConfig chorus, AuthConfig auth) {
        this.chorus = chorus;
        this.auth = auth;
        if (auth.accessTokenLifetime().toSeconds() > 900 || auth.accessTokenLifetime().isNegative()) {
            throw new IllegalStateException("chorus.auth.access-token-lifetime must be at most 15 minutes");
        }
    }

    // Access tokens are timed by the machine's clock, not the service's (Time): the JWT library checks their expiry
    // against it.
    public TokenResponse forMember(Account member, UUID familyId) {
        Set<String> roles = member.roles().stream().map(Role::id).collect(Collectors.toSet());
        String access = Jwt.issuer(chorus.publicBaseUrl()).subject(member.id().toString()).upn(member.email())
                .groups(roles).claim(OrganizationClaim.NAME, member.organization().toString()).issuedAt(Instant.now())
                .expiresIn(auth.accessTokenLifetime()).sign();
        return new TokenResponse(access, "Bearer", auth.accessTokenLifetime().toSeconds(),
                newRefreshToken(member.organization(), member.id(), RefreshToken.MEMBER, familyId));
    }

    public TokenResponse forOperator(Operator operator, UUID familyId) {
        String access = Jwt.issuer(chorus.publicBaseUrl()).subject(operator.id.toString()).upn(operator.email)
                .groups(Set.of(Role.OPERATOR_ID)).issuedAt(Instant.now()).expiresIn(auth.accessTokenLifetime()).sign();
        return new TokenResponse(access, "Bearer", auth.accessTokenLifetime().toSeconds(),
                newRefreshToken(null, operator.id, RefreshToken.OPERATOR, familyId));
    }

    private String newRefreshToken(UUID organizationId, UUID subjectId, String kind, UUID familyId) {
        String secret = SecretTokens.generate();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.organizationId = organizationId;
        token.subjectId = subjectId;
        token.subjectKind = kind;
        token.familyId = familyId == null ? UUID.randomUUID() : familyId;
        token.tokenHash = SecretTokens.hash(secret);
        token.createdAt = Time.now();
        token.expiresAt = token.createdAt.plus(auth.refreshTokenLifetime());
        token.persist();
        return secret;
    }
}
