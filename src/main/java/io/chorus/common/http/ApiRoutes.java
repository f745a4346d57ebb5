package io.chorus.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.Problems;
import io.chorus.common.problem.ScimError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP edges that are answered before a resource is chosen, as problem+json like every other API error (as SCIM errors
 * under /scim): a body over the size limit (413) and a path under /api or /scim that no resource serves (404).
 */
@ApplicationScoped
public class ApiRoutes {

    private final long maxBodyBytes;
    private final ObjectMapper json;

    @Inject
    public ApiRoutes(ChorusConfig config, ObjectMapper json) {
        this.maxBodyBytes = config.http().maxRequestBodyBytes();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::limitBodySize);
        router.route("/api/*").order(Integer.MAX_VALUE - 1)
                .handler(ctx -> answer(ctx, Problems.plain(404, "No resource at this path.", ctx.normalizedPath())));
        router.route("/scim/*").order(Integer.MAX_VALUE - 1)
                .handler(ctx -> answer(ctx, Problems.plain(404, "No resource at this path.", ctx.normalizedPath())));
    }

    private void limitBodySize(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            ctx.request().pause();
            answer(ctx, Problems.plain(413, "The request body is larger than " + maxBodyBytes + " bytes.",
                    ctx.normalizedPath()));
            return;
        }
        ctx.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void answer(RoutingContext ctx, Problem problem) {
        boolean scim = ScimError.covers(problem.instance());
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, scim ? ScimError.MEDIA_TYPE : Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, problem.status() == 413 ? "close" : "keep-alive")
                    .end(json.writeValueAsString(scim ? ScimError.of(problem) : problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
