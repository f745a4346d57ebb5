package io.chorus.admin;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.chorus.content.ContentService;
import io.chorus.content.ContentStatus;
import io.chorus.tenancy.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin UI's home: what waits for the signed-in member, by role. */
@Path(AdminPaths.ROOT)
@RolesAllowed({ Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private static final List<ContentStatus> TILES = List.of(ContentStatus.PENDING_REVIEW, ContentStatus.DRAFT,
            ContentStatus.SCHEDULED, ContentStatus.PUBLISHED);

    /** The tiles of a curator's dashboard. */
    public record Tiles(long pending, long drafts, long scheduled, long published) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, Tiles tiles);
    }

    private final AdminPages pages;
    private final ContentService content;

    @Inject
    public DashboardPage(AdminPages pages, ContentService content) {
        this.pages = pages;
        this.content = content;
    }

    @GET
    public Response show() {
        AdminSession session = pages.session();
        Tiles tiles = null;
        if (session.curates()) {
            Map<ContentStatus, Long> counts = content.counts(TILES);
            tiles = new Tiles(counts.get(ContentStatus.PENDING_REVIEW), counts.get(ContentStatus.DRAFT),
                    counts.get(ContentStatus.SCHEDULED), counts.get(ContentStatus.PUBLISHED));
        }
        return pages.page(Templates.show(session, tiles));
    }
}
