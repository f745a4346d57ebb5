package io.chorus.tenancy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.Inputs;
import io.chorus.common.Time;
import io.chorus.common.problem.ProblemException;
import io.chorus.tenancy.TenancyRequests.UpdateMe;
import io.chorus.tenancy.TenancyViews.MeView;
import io.chorus.tenancy.TenancyViews.OrganizationRef;

/** The caller's own profile and preferences. */
@ApplicationScoped
public class MeService {

    private final Event<MemberListingChanged> listingChanged;

    @Inject
    public MeService(Event<MemberListingChanged> listingChanged) {
        this.listingChanged = listingChanged;
    }

    @Transactional
    public MeView get(UUID memberId) {
        return view(find(memberId));
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
