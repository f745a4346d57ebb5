package io.chorus.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.Role;
import io.chorus.tenancy.TenancyRequests.CreateOrganization;
import io.chorus.tenancy.TenancyViews.OrganizationView;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Organizations, created by operators with a first admin invited. */
@ApplicationScoped
public class OrganizationService {

    private final MemberService members;
    private final Tenants tenants;

    private final Audit audit;

    @Inject
    public OrganizationService(MemberService members, Tenants tenants, Audit audit) {
        this.members = members;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The organization, its admin and the admin's invitation, in one transaction. */
    public OrganizationView create(CreateOrganization request) {
        UUID id = UUID.randomUUID();
        return tenants.callAs(id, () -> {
            if (Organization.findBySlug(request.slug()).isPresent()) {
                throw ProblemException.conflict("slug-taken", "An organization with this slug already exists.");
            }
            Organization organization = new Organization();
            organization.id = id;
            organization.slug = request.slug();
            organization.name = Inputs.requireText("name", request.name());
            organization.createdAt = Time.now();
            organization.persistAndFlush();
            var admin = members.create(request.adminEmail(), request.adminName(), EnumSet.of(Role.ADMIN), List.of(),
                    null);
            // Its first entry: the operator (who is no member) created it and invited its admin.
            audit.record(null, "organization.created", "organization", organization.id,
                    Map.of("slug", organization.slug));
            audit.record(null, "member.invited", "member", admin.id(), Map.of("roles", List.of(Role.ADMIN.id())));
            return new OrganizationView(organization.id, organization.slug, organization.name, organization.createdAt,
                    admin.invitation());
        });
    }

    public OrganizationView get(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Organization.findByIdOptional(id)
                        .map(o -> new OrganizationView(o.id, o.slug, o.name, o.createdAt, null))
                        .orElseThrow(() -> ProblemException.notFound("This organization")));
    }

    public Page<OrganizationView> list(PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Organization> rows = page.cursor()
                    .map(c -> Organization.<Organization> find("slug > ?1 order by slug", c.get(0)))
                    .orElseGet(() -> Organization.find("order by slug")).page(0, page.fetchSize()).list();
            return Page.of(rows, page, o -> Cursor.of(o.slug))
                    .map(o -> new OrganizationView(o.id, o.slug, o.name, o.createdAt, null));
        });
    }
}
