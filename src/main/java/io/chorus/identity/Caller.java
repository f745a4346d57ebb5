package io.chorus.identity;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from their verified access token. */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;

    @Inject
    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** The member (or operator) id: the token's subject. */
    public UUID id() {
        return UUID.fromString(jwt.getSubject());
    }

}
