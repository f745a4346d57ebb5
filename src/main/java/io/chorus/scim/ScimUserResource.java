package io.chorus.scim;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimViews.User;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;

/** {@code /scim/v2/Users}: the organization's members, as its identity provider sees them. */
@Path(ScimError.ROOT + "/Users")
@RolesAllowed(Scim.ROLE)
@HttpAuthenticationMechanism(ScimAuthentication.SCHEME)
@Produces({ ScimError.MEDIA_TYPE, "application/json" })
@Consumes({ ScimError.MEDIA_TYPE, "application/json" })
public class ScimUserResource {

    private final ScimUsers users;
    private final ObjectMapper json;

    @Inject
    public ScimUserResource(ScimUsers users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    @POST
    public Response create(String body) {
        User user = users.create(ScimJson.object(json, body));
        return Response.created(URI.create(user.meta().location())).header(HttpHeaders.ETAG, user.meta().version())
                .entity(user).build();
    }

    @GET
    public Response list(@RestQuery String filter, @RestQuery String startIndex, @RestQuery String count,
            @RestQuery String attributes, @RestQuery String excludedAttributes) {
        var page = users.list(filter, ScimPaging.of(startIndex, count));
        if (attributes == null && excludedAttributes == null) {
            return Response.ok(page).build();
        }
        return Response.ok(ScimViews.ListResponse.of(page.totalResults(), page.startIndex(), page.resources().stream()
                .map(u -> ScimJson.project(json, u, attributes, excludedAttributes, UserAttributes.SCHEMAS)).toList()))
                .build();
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath UUID id, @RestQuery String attributes, @RestQuery String excludedAttributes) {
        User user = users.get(id);
        return Response.ok(ScimJson.project(json, user, attributes, excludedAttributes, UserAttributes.SCHEMAS))
                .header(HttpHeaders.ETAG, user.meta().version()).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        User user = users.replace(id, ScimJson.object(json, body), ifMatch);
        return Response.ok(user).header(HttpHeaders.ETAG, user.meta().version()).build();
    }

    @PATCH
    @Path("/{id}")
    public Response patch(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        User user = users.patch(id, ScimJson.object(json, body), ifMatch);
        return Response.ok(user).header(HttpHeaders.ETAG, user.meta().version()).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        users.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
