package io.chorus.tenancy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.persistence.Jdbc;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.Role;
import io.chorus.tenancy.TenancyRequests.UpdateMe;
import io.chorus.tenancy.TenancyViews.MeView;
import io.chorus.tenancy.TenancyViews.OrganizationRef;

/** The caller's own profile and preferences. */
@ApplicationScoped
public class MeService {

    private final Event<MemberListingChanged> listingChanged;
    private final Tenants tenants;
    private final DataSource database;

    @Inject
    public MeService(Event<MemberListingChanged> listingChanged, Tenants tenants, DataSource database) {
        this.listingChanged = listingChanged;
        this.tenants = tenants;
        this.database = database;
    }

    /**
     * One statement, and no transaction (a single read needs none): the app reads this on every screen. The same view
     * as {@link #update} answers, from the member's row, their organization's and their groups' ids in order.
     */
    public MeView get(UUID memberId) {
        List<Object[]> rows = Jdbc.rows(database, """
                select m.id, m.email, m.name, m.roles, m.language, m.leaderboard_visible, o.id, o.slug, o.name,
                       array(select g.group_id from group_memberships g where g.member_id = m.id order by g.group_id)
                from members m join organizations o on o.id = m.organization_id
                where m.id = ? and m.organization_id = ?""", memberId, tenants.current());
        if (rows.isEmpty()) {
            throw ProblemException.notFound("This member");
        }
        Object[] row = rows.get(0);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) row[3]).map(Role::of).forEach(roles::add);
        return new MeView((UUID) row[0], (String) row[1], (String) row[2], roles, List.of((UUID[]) row[9]),
                (String) row[4], (Boolean) row[5],
                new OrganizationRef((UUID) row[6], (String) row[7], (String) row[8]));
    }

    /** Hiding from (or coming back to) the leaderboards applies to every period at once, past ones included. */
    @Transactional
    public MeView update(UUID memberId, UpdateMe request) {
        Member member = find(memberId);
        if (request.name() != null) {
            member.name = Inputs.requireText("name", request.name());
        }
        if (request.language() != null) {
            member.language = Inputs.language("language", request.language());
        }
        member.updatedAt = Time.now();
        if (request.leaderboardVisible() != null && request.leaderboardVisible() != member.leaderboardVisible) {
            member.leaderboardVisible = request.leaderboardVisible();
            listingChanged.fire(new MemberListingChanged(member.id));
        }
        return view(member);
    }

    private static Member find(UUID memberId) {
        return Member.findByIdOptional(memberId).orElseThrow(() -> ProblemException.notFound("This member"));
    }

    private static MeView view(Member member) {
        Organization organization = Organization.findByIdOptional(member.organization()).orElseThrow();
        return new MeView(member.id, member.email, member.name, member.roles(),
                Member.groupIdsOf(List.of(member.id)).getOrDefault(member.id, List.of()), member.language,
                member.leaderboardVisible, OrganizationRef.of(organization));
    }
}
