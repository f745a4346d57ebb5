package io.chorus.trust;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.trust.PersonalDataViews.PersonalData;

/**
 * The right of access: the caller's own data as one JSON document, offered as a file to save ({@code
 * Content-Disposition: attachment}) and never kept by caches.
 */
@Path("/api/v1/me/data")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
public class PersonalDataResource {

    private final PersonalDataService data;
    private final Caller caller;

    @Inject
    public PersonalDataResource(PersonalDataService data, Caller caller) {
        this.data = data;
        this.caller = caller;
    }

    @GET
    public Response export() {
        return download(data.export(caller.id()));
    }

    /** The document as the file to save, wherever it is downloaded from (here, the app's privacy page). */
    public static Response download(PersonalData document) {
        String file = "chorus-data-" + document.organization().slug() + "-"
                + LocalDate.ofInstant(document.exportedAt(), ZoneOffset.UTC) + ".json";
        return Response.ok(document).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
