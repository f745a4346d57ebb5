package io.chorus.identity;

/** {@code {accessToken, tokenType: "Bearer", expiresIn, refreshToken}}. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
}
