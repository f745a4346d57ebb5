package io.chorus.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The authenticated API's yardstick (bench/api.sh), built only by {@code ./mvnw -Pbench package}: never in the
 * production jar. The least an authenticated read can do on this stack: verify the bearer token (the same RS256 key,
 * issuer and expiry checks, through SmallRye JWT's parser) and read one row by primary key through the same datasource,
 * on a worker thread, answering a small JSON object. The token comes in its own header so that none of Chorus's
 * security (its token checks, its roles) runs.
 */
@Path("/bench/yardstick")
public class Yardstick {

    private final JWTParser parser;
    private final DataSource database;

    @Inject
    public Yardstick(JWTParser parser, DataSource database) {
        this.parser = parser;
        this.database = database;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@HeaderParam("X-Bench-Token") String token) throws SQLException {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            return Response.status(401).build();
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("select email from members where id = ?")) {
            query.setObject(1, UUID.fromString(jwt.getSubject()));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Response.ok("{\"email\":\"" + row.getString(1) + "\"}").build()
                        : Response.status(404).build();
            }
        }
    }
}
