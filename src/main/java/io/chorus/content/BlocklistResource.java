package io.chorus.content;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.chorus.identity.Caller;
import io.chorus.identity.Role;

/** The organization's forbidden phrases and patterns for submissions and suggested messages. */
@Path("/api/v1/settings/blocklist")
@RolesAllowed({ Role.CURATOR_ID, Role.ADMIN_ID })
public class BlocklistResource {

    public record BlocklistView(@NotNull List<String> phrases, @NotNull List<String> patterns) {
    }

    private final BlocklistService blocklists;
    private final Caller caller;

    @Inject
    public BlocklistResource(BlocklistService blocklists, Caller caller) {
        this.blocklists = blocklists;
        this.caller = caller;
    }

    @GET
    public BlocklistView get() {
        return blocklists.get();
    }

    @PUT
    @RolesAllowed(Role.ADMIN_ID)
    public BlocklistView replace(@Valid @NotNull BlocklistView request) {
        return blocklists.replace(request, caller.id());
    }
}
