package io.chorus.trust;

import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.sharing.CharterCheck;
import io.chorus.trust.CharterViews.CharterView;

/**
 * The organization's social-media charter: admins publish versions, members accept them (each acceptance recorded with
 * its time and audited), and nobody shares while the current version is not accepted.
 */
@ApplicationScoped
public class CharterService implements CharterCheck {

    /** The type slug of the 409 a share gets while the charter is not accepted. */

    private final EntityManager em;
    private final Tenants tenants;
    private final Audit audit;

    @Inject
    public CharterService(EntityManager em, Tenants tenants, Audit audit) {
        this.em = em;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional
    public CharterView current(UUID memberId) {
        Charter charter = Charter.findCurrent().orElseThrow(() -> ProblemException.notFound("A charter"));
        return view(charter, accepted(memberId, charter.version));
    }

    /** Publishes the text as the next version; everyone, the author included, has to accept it again. */
    @Transactional
    public CharterView publish(String text, UUID adminId) {
        int next = Charter.findCurrent().map(c -> c.version + 1).orElse(1);
        Charter charter = new Charter();
        charter.id = UUID.randomUUID();
        charter.version = next;
        charter.text = text;
        charter.publishedAt = Time.now();
        charter.publishedBy = adminId;
        charter.persistAndFlush();
        audit.record(adminId, "charter.published", "charter", charter.id,
                Map.of("version", next, "length", text.length()));
        return view(charter, false);
    }

    /** Records the member's acceptance of the current version; accepting it again changes nothing. */
    @Transactional
    public void accept(int version, UUID memberId) {
        Charter charter = Charter.findCurrent().orElseThrow(() -> ProblemException.notFound("A charter"));
        if (version != charter.version) {
            throw ProblemException
                    .conflict("charter-version-not-current", "Version " + version
                            + " is not the current charter; accept version " + charter.version + ".")
                    .with(Map.of("charterVersion", charter.version));
        }
        int inserted = em.createNativeQuery("""
                insert into charter_acceptances (organization_id, member_id, version, accepted_at)
                values (?1, ?2, ?3, ?4) on conflict do nothing""").setParameter(1, tenants.current())
                .setParameter(2, memberId).setParameter(3, version).setParameter(4, Time.now()).executeUpdate();
        if (inserted == 1) {
            audit.record(memberId, "charter.accepted", "charter", charter.id, Map.of("version", version));
        }
    }

    /**
     * Refuses (409, {@code charter-not-accepted}, with the version to accept) while the organization has a charter
     * whose current version the member has not accepted. Joins the caller's transaction.
     */
    @Override
    public void requireAccepted(UUID memberId) {
        OptionalInt pending = pendingVersion(memberId);
        if (pending.isPresent()) {
            int version = pending.getAsInt();
            throw ProblemException
                    .conflict(NOT_ACCEPTED,
                            "Accept version " + version + " of the organization's charter before sharing.")
                    .with(Map.of("charterVersion", version));
        }
    }

    /** The current version of the organization's charter when the member has not accepted it; empty otherwise. */
    public OptionalInt pendingVersion(UUID memberId) {
        Object version = em
                .createNativeQuery("select " + PENDING_VERSION
                        + " from (select cast(?1 as uuid) as org, cast(?2 as uuid) as member) k")
                .setParameter(1, tenants.current()).setParameter(2, memberId).getSingleResult();
        return version == null ? OptionalInt.empty() : OptionalInt.of(((Number) version).intValue());
    }

    /**
     * An SQL expression: the current version of organization {@code k.org}'s charter while member {@code k.member} has
     * not accepted it, else null, for a statement that names them {@code k} ({@link #ASKING}). For statements that read
     * it with other things (the app's page of every request).
     */
    public static final String PENDING_VERSION = """
            (select c.version from charters c
             where c.organization_id = k.org
               and c.version = (select max(v.version) from charters v where v.organization_id = k.org)
               and not exists (select 1 from charter_acceptances a where a.organization_id = c.organization_id
                               and a.member_id = k.member and a.version = c.version))""";

    /** The {@code k} of {@link #PENDING_VERSION}: a row of two parameters, the organization, then the member. */
    public static final String ASKING = "(select cast(? as uuid) as org, cast(? as uuid) as member) k";

    private boolean accepted(UUID memberId, int version) {
        return em.createNativeQuery("""
                select 1 from charter_acceptances where organization_id = ?1 and member_id = ?2 and version = ?3""")
                .setParameter(1, tenants.current()).setParameter(2, memberId).setParameter(3, version).getResultList()
                .size() == 1;
    }

    private static CharterView view(Charter charter, boolean acceptedByMe) {
        return new CharterView(charter.version, charter.text, charter.publishedAt, acceptedByMe);
    }
}
