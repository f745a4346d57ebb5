package io.chorus.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.chorus.content.LinkPreviewService.LinkPreview;
import io.chorus.identity.Role;

/** Fills a content form from a pasted link: title, description, image and site name. */
@Path("/api/v1/link-previews")
@RolesAllowed({ Role.AMBASSADOR_ID, Role.CURATOR_ID, Role.ADMIN_ID })
public class LinkPreviewResource {

    public record PreviewRequest(@NotBlank @Size(max = 2048) String url) {
    }

    private final LinkPreviewService previews;

    @Inject
    public LinkPreviewResource(LinkPreviewService previews) {
        this.previews = previews;
    }

    @POST
    public LinkPreview preview(@Valid @NotNull PreviewRequest request) {
        return previews.preview(request.url());
    }
}
