package io.chorus.scim;

import java.net.URI;
import java.util.Locale;
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
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;

/**
 * {@code /scim/v2/Groups}: the organization's groups and their members. {@code excludedAttributes=members} (as
 * Microsoft Entra ID asks) leaves the members out, and reads none.
 */
@Path(ScimError.ROOT + "/Groups")
@RolesAllowed(Scim.ROLE)
@HttpAuthenticationMechanism(ScimAuthentication.SCHEME)
@Produces({ ScimError.MEDIA_TYPE, "application/json" })
@Consumes({ ScimError.MEDIA_TYPE, "application/json" })
public class ScimGroupResource {

    private final ScimGroups groups;
    private final ObjectMapper json;

    @Inject
    public ScimGroupResource(ScimGroups groups, ObjectMapper json) {
        this.groups = groups;
        this.json = json;
    }

    @POST
    public Response create(String body) {
        ScimViews.Group group = groups.create(ScimJson.object(json, body));
        return Response.created(URI.create(group.meta().location())).header(HttpHeaders.ETAG, group.meta().version())
                .entity(group).build();
    }

    @GET
    public Response list(@RestQuery String filter, @RestQuery String startIndex, @RestQuery String count,
            @RestQuery String attributes, @RestQuery String excludedAttributes) {
        var page = groups.list(filter, ScimPaging.of(startIndex, count), wantsMembers(attributes, excludedAttributes));
        if (attributes == null && excludedAttributes == null) {
            return Response.ok(page).build();
        }
        return Response.ok(ScimViews.ListResponse.of(page.totalResults(), page.startIndex(), page.resources().stream()
                .map(g -> ScimJson.project(json, g, attributes, excludedAttributes, GroupAttributes.SCHEMAS)).toList()))
                .build();
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath UUID id, @RestQuery String attributes, @RestQuery String excludedAttributes) {
        ScimViews.Group group = groups.get(id, wantsMembers(attributes, excludedAttributes));
        return Response.ok(ScimJson.project(json, group, attributes, excludedAttributes, GroupAttributes.SCHEMAS))
                .header(HttpHeaders.ETAG, group.meta().version()).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        ScimViews.Group group = groups.replace(id, ScimJson.object(json, body), ifMatch);
        return Response.ok(group).header(HttpHeaders.ETAG, group.meta().version()).build();
    }

    /** 204 with the new ETag: the whole group (all its members) is not sent back. */
    @PATCH
    @Path("/{id}")
    public Response patch(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        String version = groups.patch(id, ScimJson.object(json, body), ifMatch);
        return Response.noContent().header(HttpHeaders.ETAG, version).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        groups.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static boolean wantsMembers(String attributes, String excludedAttributes) {
        if (excludedAttributes != null && names(excludedAttributes).contains(",members,")) {
            return false;
        }
        return attributes == null || attributes.isBlank() || names(attributes).contains(",members");
    }

    private static String names(String list) {
        return (","
                + list.replace(" ", "").toLowerCase(Locale.ROOT).replace(Scim.GROUP.toLowerCase(Locale.ROOT) + ":", "")
                + ",");
    }
}
