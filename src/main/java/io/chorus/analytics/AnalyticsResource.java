package io.chorus.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.http.QueryParams;
import io.chorus.identity.Role;

/** KPIs for comms and HR, as JSON or, with {@code Accept: text/csv}, as a CSV download. */
@Path("/api/v1/analytics")
@RolesAllowed({ Role.ANALYST_ID, Role.ADMIN_ID })
@Produces({ MediaType.APPLICATION_JSON, AnalyticsResource.CSV })
public class AnalyticsResource {

    static final String CSV = "text/csv";
    private final AnalyticsService analytics;

    @Inject
    public AnalyticsResource(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GET
    @Path("/overview")
    public Response overview(@RestQuery String from, @RestQuery String to, @RestQuery String groupId,
            @Context HttpHeaders headers) {
        var overview = analytics.overview(from, to, group(groupId));
        return answer(headers, overview, AnalyticsCsv::overview, "overview", overview.value().from(),
                overview.value().to());
    }

    @GET
    @Path("/participation")
    public Response participation(@RestQuery String from, @RestQuery String to, @RestQuery String groupId,
            @RestQuery String groupBy, @Context HttpHeaders headers) {
        boolean byWeek = QueryParams.parse("groupBy", groupBy, AnalyticsResource::byWeek, "must be group or week")
                .orElse(false);
        var participation = analytics.participation(from, to, group(groupId), byWeek);
        return answer(headers, participation, AnalyticsCsv::participation,
                "participation-by-" + participation.value().groupBy(), participation.value().from(),
                participation.value().to());
    }

    @GET
    @Path("/conversions")
    public Response conversions(@RestQuery String from, @RestQuery String to, @RestQuery String groupId,
            @RestQuery String groupBy, @Context HttpHeaders headers) {
        ConversionBreakdown.By by = QueryParams.parse("groupBy", groupBy,
                value -> ConversionBreakdown.By.valueOf(value.toUpperCase(java.util.Locale.ROOT)),
                "must be content, network, group, campaign or member").orElse(ConversionBreakdown.By.CONTENT);
        var conversions = analytics.conversions(from, to, group(groupId), by);
        return answer(headers, conversions, AnalyticsCsv::conversions, "conversions-by-" + by.id(),
                conversions.value().from(), conversions.value().to());
    }

    @GET
    @Path("/retention")
    public Response retention(@RestQuery String from, @RestQuery String to, @RestQuery String groupId,
            @Context HttpHeaders headers) {
        var retention = analytics.retention(from, to, group(groupId));
        return answer(headers, retention, AnalyticsCsv::retention, "retention", retention.value().from(),
                retention.value().to());
    }

    @GET
    @Path("/content/{id}")
    public Response content(@RestPath UUID id, @RestQuery String from, @RestQuery String to, @RestQuery String groupId,
            @Context HttpHeaders headers) {
        var content = analytics.content(id, from, to, group(groupId));
        return answer(headers, content, AnalyticsCsv::content, "content-" + id, content.value().from(),
                content.value().to());
    }

    private static UUID group(String groupId) {
        return QueryParams.uuid("groupId", groupId).orElse(null);
    }

    private static boolean byWeek(String groupBy) {
        return switch (groupBy) {
            case "group" -> false;
            case "week" -> true;
            default -> throw new IllegalArgumentException(groupBy);
        };
    }

    /**
     * JSON unless the client prefers CSV, with {@code Age}: the whole seconds since the figures were read (RFC 9111).
     * The negotiation happens after the figures were read, so that a bad request is a problem (JSON) whatever was asked
     * for.
     */
    private static <T> Response answer(HttpHeaders headers, Answer<T> answer, Function<T, String> csv, String name,
            LocalDate from, LocalDate to) {
        String age = Long.toString(answer.age().toSeconds());
        if (!prefersCsv(headers.getAcceptableMediaTypes())) {
            return Response.ok(answer.value(), MediaType.APPLICATION_JSON_TYPE).header("Age", age).build();
        }
        return Response.ok(csv.apply(answer.value()), CSV + "; charset=utf-8; header=present").header("Age", age)
                .header("Content-Disposition",
                        "attachment; filename=\"chorus-" + name + "-" + from + "-" + to + ".csv\"")
                .build();
    }

    private static boolean prefersCsv(List<MediaType> acceptable) {
        MediaType csv = MediaType.valueOf(CSV);
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(csv)) {
                return true;
            }
        }
        throw new NotAcceptableException();
    }
}
