package io.chorus.sso;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** The organization's OpenID providers for single sign-on, managed by its admins. */
@Path("/api/v1/settings/identity-providers")
@RolesAllowed(Role.ADMIN_ID)
public class IdentityProviderResource {

    public record GroupMappingBody(@NotBlank @Size(max = 200) String idpGroup, @Size(max = 4) List<@NotNull Role> roles,
            @Size(max = 100) List<@NotNull UUID> groupIds) {
    }

    public record CreateIdentityProvider(@NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 500) String issuer, @NotBlank @Size(max = 500) String clientId,
            @NotBlank @Size(max = 2000) String clientSecret,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 253) String> allowedDomains,
            @Size(min = 1, max = 100) String emailClaim, @Size(min = 1, max = 100) String groupsClaim,
            @Size(max = 200) List<@Valid @NotNull GroupMappingBody> groupMappings, Boolean enabled) {
    }

    /** Only the fields sent change; a new issuer, client id or secret is checked against the provider again. */
    public record UpdateIdentityProvider(@Size(min = 1, max = 100) String name, @Size(min = 1, max = 500) String issuer,
            @Size(min = 1, max = 500) String clientId, @Size(min = 1, max = 2000) String clientSecret,
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 253) String> allowedDomains,
            @Size(min = 1, max = 100) String emailClaim, @Size(min = 1, max = 100) String groupsClaim,
            @Size(max = 200) List<@Valid @NotNull GroupMappingBody> groupMappings, Boolean enabled) {
    }

    /** A provider as admins see it: never its client secret. */
    public record IdentityProviderView(UUID id, String name, String issuer, String clientId,
            List<String> allowedDomains, String emailClaim, String groupsClaim, List<GroupMappingBody> groupMappings,
            boolean enabled, String redirectUri, String signInUrl, Instant createdAt, Instant updatedAt) {
    }

    private final IdentityProviderService providers;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public IdentityProviderResource(IdentityProviderService providers, Idempotency idempotency, Caller caller) {
        this.providers = providers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull CreateIdentityProvider request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/settings/identity-providers", request,
                () -> {
                    IdentityProviderView created = providers.create(request);
                    return Response.created(URI.create("/api/v1/settings/identity-providers/" + created.id()))
                            .entity(created).build();
                });
    }

    @GET
    public Page<IdentityProviderView> list(@RestQuery String limit, @RestQuery String cursor) {
        return providers.list(PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    public IdentityProviderView get(@RestPath UUID id) {
        return providers.get(id);
    }

    @PATCH
    @Path("/{id}")
    public IdentityProviderView update(@RestPath UUID id, @Valid @NotNull UpdateIdentityProvider request) {
        return providers.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@RestPath UUID id) {
        providers.delete(id);
    }
}
