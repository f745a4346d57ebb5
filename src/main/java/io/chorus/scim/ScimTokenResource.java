package io.chorus.scim;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.idempotency.Idempotency;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;

/** The tokens an organization's identity provider authenticates its SCIM requests with, managed by its admins. */
@Path("/api/v1/settings/scim-tokens")
@RolesAllowed(Role.ADMIN_ID)
public class ScimTokenResource {

    public record CreateScimToken(@NotBlank @Size(max = 100) String name) {
    }

    /** The only answer that holds the secret. */
    public record CreatedScimToken(UUID id, String name, String token, Instant createdAt) {
    }

    public record ScimTokenView(UUID id, String name, Instant createdAt, UUID createdBy, Instant lastUsedAt) {
    }

    private final ScimTokenService tokens;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public ScimTokenResource(ScimTokenService tokens, Idempotency idempotency, Caller caller) {
        this.tokens = tokens;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull CreateScimToken request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/settings/scim-tokens", request, () -> {
            // No Location: a token cannot be read back (its secret is shown here only).
            return Response.status(Response.Status.CREATED).entity(tokens.create(request.name())).build();
        });
    }

    @GET
    public Page<ScimTokenView> list(@RestQuery String limit, @RestQuery String cursor) {
        return tokens.list(PageRequest.of(limit, cursor, 2));
    }

    @DELETE
    @Path("/{id}")
    public void revoke(@RestPath UUID id) {
        tokens.revoke(id);
    }
}
