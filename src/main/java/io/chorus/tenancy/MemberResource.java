package io.chorus.tenancy;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.common.http.QueryParams;
import io.chorus.common.idempotency.Idempotency;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.tenancy.TenancyRequests.InviteMember;
import io.chorus.tenancy.TenancyRequests.UpdateMember;
import io.chorus.tenancy.TenancyViews.InvitationView;
import io.chorus.tenancy.TenancyViews.MemberView;

@Path("/api/v1/members")
@RolesAllowed(Role.ADMIN_ID)
public class MemberResource {

    private final MemberService members;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public MemberResource(MemberService members, Idempotency idempotency, Caller caller) {
        this.members = members;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    public Response invite(@Valid @NotNull InviteMember request, @RestHeader(Idempotency.HEADER) String key) {
        return idempotency.respond(key, caller.id().toString(), "POST /api/v1/members", request, () -> {
            MemberView member = members.invite(request);
            return Response.created(URI.create("/api/v1/members/" + member.id())).entity(member).build();
        });
    }

    @GET
    public Page<MemberView> list(@RestQuery String q, @RestQuery String groupId, @RestQuery String role,
            @RestQuery String status, @RestQuery String limit, @RestQuery String cursor) {
        MemberFilter filter = new MemberFilter(QueryParams.text(q), QueryParams.uuid("groupId", groupId),
                QueryParams.parse("role", role, Role::of, "must be ambassador, curator, analyst or admin"),
                QueryParams.parse("status", status, MemberStatus::of, "must be invited, active or deactivated"));
        return members.list(filter, PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    public MemberView get(@RestPath UUID id) {
        return members.get(id);
    }

    @PATCH
    @Path("/{id}")
    public MemberView update(@RestPath UUID id, @Valid @NotNull UpdateMember request) {
        return members.update(id, request);
    }

    @POST
    @Path("/{id}/invitations")
    public Response reinvite(@RestPath UUID id) {
        InvitationView invitation = members.reinvite(id);
        return Response.status(Response.Status.CREATED).entity(invitation).build();
    }
}
