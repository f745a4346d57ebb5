package io.chorus.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimViews.ListResponse;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;

/**
 * What an identity provider may ask the service about itself (RFC 7644 §4): its configuration, resource types and
 * schemas. The same for every organization, but answered only to a SCIM token, like every SCIM request. The documents
 * are {@code src/main/resources/scim/*.json}, with this deployment's address in their locations.
 */
@Path(ScimError.ROOT)
@RolesAllowed(Scim.ROLE)
@HttpAuthenticationMechanism(ScimAuthentication.SCHEME)
@Produces({ ScimError.MEDIA_TYPE, "application/json" })
public class ScimDiscoveryResource {

    private final JsonNode serviceProviderConfig;
    private final List<JsonNode> resourceTypes;
    private final List<JsonNode> schemas;

    @Inject
    public ScimDiscoveryResource(ObjectMapper json, ChorusConfig config) {
        String base = config.publicBaseUrl() + ScimError.ROOT;
        this.serviceProviderConfig = read(json, "service-provider-config.json", base);
        this.resourceTypes = list(read(json, "resource-types.json", base));
        this.schemas = list(read(json, "schemas.json", base));
    }

    @GET
    @Path("/ServiceProviderConfig")
    public JsonNode serviceProviderConfig() {
        return serviceProviderConfig;
    }

    @GET
    @Path("/ResourceTypes")
    public ListResponse<JsonNode> resourceTypes() {
        return ListResponse.of(resourceTypes.size(), 1, resourceTypes);
    }

    @GET
    @Path("/ResourceTypes/{id}")
    public JsonNode resourceType(@RestPath String id) {
        return byId(resourceTypes, id, "This resource type");
    }

    @GET
    @Path("/Schemas")
    public ListResponse<JsonNode> schemas() {
        return ListResponse.of(schemas.size(), 1, schemas);
    }

    @GET
    @Path("/Schemas/{id}")
    public JsonNode schema(@RestPath String id) {
        return byId(schemas, id, "This schema");
    }

    private static JsonNode byId(List<JsonNode> documents, String id, String what) {
        return documents.stream().filter(d -> d.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> ScimError.notFound(what));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return List.copyOf(items);
    }

    private static JsonNode read(ObjectMapper json, String name, String base) {
        try (InputStream in = ScimDiscoveryResource.class.getResourceAsStream("/scim/" + name)) {
            return json.readTree(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("{base}", base));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
