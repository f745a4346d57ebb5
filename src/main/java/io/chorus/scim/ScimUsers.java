package io.chorus.scim;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.common.config.ChorusConfig;
import io.chorus.common.problem.ScimError;
import io.chorus.scim.ScimQuery.Attribute;
import io.chorus.scim.ScimQuery.Kind;
import io.chorus.scim.ScimViews.Email;
import io.chorus.scim.ScimViews.ListResponse;
import io.chorus.scim.ScimViews.Meta;
import io.chorus.scim.ScimViews.Name;
import io.chorus.scim.ScimViews.User;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.MemberService;
import io.chorus.tenancy.MemberStatus;

/**
 * SCIM Users are the organization's members, through {@link MemberService}: the same rules and audit trail as an
 * admin's changes. Erased members, and those the identity provider deleted, are no users of it (404).
 */
@ApplicationScoped
public class ScimUsers {

    static final Map<String, Attribute> FILTERABLE = Map.ofEntries(
            Map.entry("username", Attribute.of(Kind.TEXT, "m.email")),
            Map.entry("emails", Attribute.of(Kind.TEXT, "m.email")),
            Map.entry("emails.value", Attribute.of(Kind.TEXT, "m.email")),
            Map.entry("emails.type", Attribute.constant("work")),
            Map.entry("emails.primary", Attribute.constant(Boolean.TRUE)),
            Map.entry("externalid", Attribute.of(Kind.EXACT_TEXT, "m.externalId")),
            Map.entry("displayname", Attribute.of(Kind.TEXT, "m.name")),
            Map.entry("name.givenname", Attribute.of(Kind.TEXT, "m.givenName")),
            Map.entry("name.familyname", Attribute.of(Kind.TEXT, "m.familyName")),
            Map.entry("active", Attribute.of(Kind.ACTIVE, "m.status")), Map.entry("id", Attribute.of(Kind.ID, "m.id")),
            Map.entry("meta.created", Attribute.of(Kind.INSTANT, "m.createdAt")),
            Map.entry("meta.lastmodified", Attribute.of(Kind.INSTANT, "m.updatedAt")));
    private static final String USERS = "from Member m where m.erasedAt is null and m.deprovisionedAt is null";

    private final MemberService members;
    private final String base;

    @Inject
    public ScimUsers(MemberService members, ChorusConfig config) {
        this.members = members;
        this.base = config.publicBaseUrl() + ScimError.ROOT + "/Users/";
    }

    @Transactional
    public User create(ObjectNode body) {
        UserAttributes user = UserAttributes.from(body, true);
        UUID id = members.provision(user.toProvision()).id();
        return changed(find(id, false));
    }

    @Transactional
    public User get(UUID id) {
        return view(find(id, false));
    }

    @Transactional
    public ListResponse<User> list(String filter, ScimPaging paging) {
        ScimListing<Member> listing = ScimListing.of(Member.getEntityManager(), Member.class, USERS, "m", filter,
                UserAttributes.SCHEMAS, FILTERABLE, paging);
        return ListResponse.of(listing.total(), paging.startIndex(), listing.page().stream().map(this::view).toList());
    }

    /** PUT: the body is the whole user; {@code active} left out keeps the member's status. */
    @Transactional
    public User replace(UUID id, ObjectNode body, String ifMatch) {
        Member member = find(id, true);
        ETags.require(ifMatch, member.version);
        UserAttributes user = UserAttributes.from(body, member.status != MemberStatus.DEACTIVATED);
        return save(member, user);
    }

    @Transactional
    public User patch(UUID id, ObjectNode body, String ifMatch) {
        Member member = find(id, true);
        ETags.require(ifMatch, member.version);
        List<ScimPatch.Operation> operations = ScimPatch.parse(body, UserAttributes.SCHEMAS);
        UserAttributes user = UserAttributes.of(member);
        operations.forEach(user::apply);
        return save(member, user);
    }

    /** The member is deactivated (their history stays) and is no longer a user of the identity provider. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Member member = find(id, true);
        ETags.require(ifMatch, member.version);
        members.deprovision(member.id);
    }

    private User save(Member member, UserAttributes user) {
        if (user.idSent != null && !user.idSent.equals(member.id.toString())) {
            throw ScimError.mutability("id is read-only.");
        }
        members.synchronize(member.id, user.toProvision());
        return changed(member);
    }

    private Member find(UUID id, boolean forUpdate) {
        return Member
                .<Member> find("from Member m where m.id = ?1 and m.erasedAt is null and m.deprovisionedAt is null", id)
                .withLock(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE).firstResultOptional()
                .orElseThrow(() -> ScimError.notFound("This user"));
    }

    /** A member changed in this transaction: the version is the one the database counted for the change. */
    private User changed(Member member) {
        long version = Member.getEntityManager()
                .createQuery("select m.version from Member m where m.id = ?1", Long.class).setParameter(1, member.id)
                .getSingleResult();
        return view(member, version);
    }

    private User view(Member member) {
        return view(member, member.version);
    }

    private User view(Member member, long version) {
        String formatted = member.givenName == null && member.familyName == null ? null
                : ((member.givenName == null ? "" : member.givenName) + " "
                        + (member.familyName == null ? "" : member.familyName)).strip();
        Name name = new Name(formatted, member.givenName, member.familyName);
        return new User(List.of(Scim.USER), member.id, member.externalId, member.email, name, member.name,
                List.of(new Email(member.email, "work", true)), member.language,
                member.status != MemberStatus.DEACTIVATED,
                new Meta("User", member.createdAt, member.updatedAt, base + member.id, ETags.of(version)));
    }
}
