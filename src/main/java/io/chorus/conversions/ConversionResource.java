package io.chorus.conversions;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;

import io.chorus.common.Time;
import io.chorus.common.problem.ProblemException;
import io.chorus.conversions.ConversionKeys.Key;
import io.chorus.conversions.ConversionViews.ReportConversion;
import io.vertx.core.Vertx;

/**
 * Where a site reports what a visitor did: with a secret conversion key from its servers, or a publishable one from the
 * pages of its allowed origins (CORS: any origin may ask, only an allowed one gets an answer it can read). 202 once the
 * conversion is written; attribution follows as soon as its click is.
 */
@Path("/api/v1/conversions")
@PermitAll
public class ConversionResource {

    private static final String BEARER = "Bearer ";
    /** How far ahead of the service's clock an {@code occurredAt} may be (the site's clock may run ahead). */
    private static final Duration AHEAD = Duration.ofMinutes(5);
    private final ConversionKeys keys;
    private final ConversionWriter writer;
    private final Vertx vertx;

    @Inject
    public ConversionResource(ConversionKeys keys, ConversionWriter writer, Vertx vertx) {
        this.keys = keys;
        this.writer = writer;
        this.vertx = vertx;
    }

    /**
     * Takes the report on the event loop when its key is remembered (almost always): reading, checking and queueing it
     * costs no thread hop, and the answer is written when its batch commits. A key not remembered is looked up on a
     * worker thread first.
     */
    @POST
    public CompletionStage<Response> report(@Context HttpHeaders headers, @RestHeader("Origin") String origin,
            @Valid @NotNull ReportConversion request) {
        // The key is the bearer credential (documented as the conversionKey scheme), not a JWT: read here.
        String presented = presented(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<Optional<Key>> remembered = keys.remembered(presented);
        if (remembered.isPresent()) {
            return accept(remembered.get(), origin, request);
        }
        return vertx.executeBlocking(() -> lookUp(presented), false).toCompletionStage()
                .thenCompose(key -> accept(key, origin, request));
    }

    private CompletionStage<Response> accept(Optional<Key> found, String origin, ReportConversion request) {
        Key key = found.orElseThrow(() -> ProblemException.unauthorized("This conversion key is unknown or revoked."));
        if (!key.allows(origin)) {
            throw new ProblemException(403, "origin-not-allowed", "Forbidden",
                    "This publishable key is not allowed from this origin.");
        }
        Instant now = Time.now();
        ConversionWriter.Report report = report(key, request, now);
        return writer.submit(report).thenApply(accepted -> {
            Response.ResponseBuilder answer = Response.accepted(accepted);
            if (origin != null && key.kind() == ConversionKeyKind.PUBLISHABLE) {
                answer.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
            }
            return answer.build();
        });
    }

    /** The CORS preflight of a browser's report: any origin may send one; the report itself checks the origin. */
    @OPTIONS
    public Response preflight(@RestHeader("Origin") String origin) {
        Response.ResponseBuilder answer = Response.noContent().header("Allow", "POST, OPTIONS");
        if (origin != null) {
            answer.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin")
                    .header("Access-Control-Allow-Methods", "POST")
                    .header("Access-Control-Allow-Headers", "authorization, content-type")
                    .header("Access-Control-Max-Age", "86400");
        }
        return answer.build();
    }

    private static String presented(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Send a conversion key as Authorization: Bearer <key>.");
        }
        return authorization.substring(BEARER.length()).strip();
    }

    /** The key from the database (blocking); 503 when it cannot answer. */
    private Optional<Key> lookUp(String presented) {
        try {
            return keys.of(presented);
        } catch (IllegalStateException e) {
            throw ConversionWriter.unavailable();
        }
    }

    private static ConversionWriter.Report report(Key key, ReportConversion request, Instant now) {
        if (request.clickId() == null && request.code() == null) {
            throw ProblemException.invalid("clickId", "a clickId (from chorus_click) or a code is required");
        }
        if (request.value() != null && request.currency() == null) {
            throw ProblemException.invalid("currency", "is required with a value");
        }
        if (request.occurredAt() != null && request.occurredAt().isAfter(now.plus(AHEAD))) {
            throw ProblemException.invalid("occurredAt", "is in the future");
        }
        UUID clickRef = null;
        String status = "pending";
        String reason = null;
        if (request.clickId() != null) {
            clickRef = clickId(request.clickId());
            if (clickRef == null) {
                status = "unattributed";
                reason = "unknown-click";
            }
        }
        return new ConversionWriter.Report(UUID.randomUUID(), key.organizationId(), key.id(), clickRef,
                request.clickId() == null ? request.code() : null, request.type(), request.value(), request.currency(),
                request.occurredAt() == null ? now : request.occurredAt(), now, request.externalId(), status, reason,
                new CompletableFuture<>());
    }

    /** The click id a redirect handed out, or null for anything else (recorded as an unknown click). */
    private static UUID clickId(String value) {
        if (value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
