package io.chorus.conversions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.chorus.common.persistence.Jdbc;

/**
 * Credits pending conversions to their click, in SQL over a set of them: the click a conversion names (its
 * organization's, else it is unknown), or for a share's code the share's last human click within the window. The
 * conversion is attributed to the click's share, its member, content, network and the campaign running at the click; a
 * robot's hit, the sharer's own click or a click outside the attribution window leaves it unattributed (the click kept
 * for the record) and never credited. A conversion whose click is not written yet stays pending: the sweep tries again
 * until {@code pending-for} is over. Rows being attributed elsewhere are skipped, so instances never wait on each
 * other. The conversions attributed are handed to the {@link AttributionListener}s in the same transaction (scoring
 * awards their points), whether at once or in a later sweep.
 */
@Singleton
class Attribution {

    /** A conversion that has just been decided. */
    record Decided(UUID id, UUID organizationId, String status, UUID memberId, UUID shareId, UUID contentId,
            UUID clickId, Instant occurredAt, String type, BigDecimal value, String currency, String network,
            UUID campaignId) {
    }

    private static final String ATTRIBUTED = "attributed";
    /** A click may be stamped a little after the conversion it led to when the site's clock is behind. */
    private static final String SKEW = "interval '5 minutes'";
    private static final String OUTSIDE = "f.at <= f.occurred_at - f.win or f.at > f.occurred_at + " + SKEW;
    private static final String ATTRIBUTE = """
            with target as (
                select v.id, v.organization_id, v.occurred_at, v.click_ref, v.code,
                       make_interval(days => coalesce(os.attribution_window_days, 30)) as win
                from conversions v
                left join organization_settings os on os.organization_id = v.organization_id
                where v.status = 'pending' and %s
                for update of v skip locked
            ),
            found as (
                select t.id, t.occurred_at, t.win, e.id as click_id, e.share_id, e.at, e.robot, e.self
                from target t
                cross join lateral (
                    (select e.id, e.share_id, e.at, e.robot, e.self from click_events e
                     where t.click_ref is not null and e.id = t.click_ref and e.organization_id = t.organization_id)
                    union all
                    (select e.id, e.share_id, e.at, e.robot, e.self
                     from shares s join click_events e on e.organization_id = s.organization_id and e.share_id = s.id
                     where t.click_ref is null and s.code = t.code and s.organization_id = t.organization_id
                       and not e.robot and not e.self
                       and e.at > t.occurred_at - t.win and e.at <= t.occurred_at + %s
                     order by e.at desc limit 1)
                ) e
            )
            update conversions v set
                status = case when f.robot or f.self or %s then 'unattributed' else 'attributed' end,
                reason = case when f.robot then 'robot' when f.self then 'self-click' when %s then 'outside-window' end,
                click_id = f.click_id, share_id = s.id, member_id = s.member_id, content_id = s.content_id,
                network = s.network,
                campaign_id = (select cp.id from campaign_content cc
                               join campaigns cp on cp.organization_id = cc.organization_id and cp.id = cc.campaign_id
                               where cc.organization_id = s.organization_id and cc.content_id = s.content_id
                                 and cp.starts_at <= f.at and cp.ends_at > f.at
                               order by cp.starts_at desc, cp.id limit 1),
                attributed_at = ?
            from found f join shares s on s.id = f.share_id
            where v.id = f.id
            returning v.id, v.organization_id, v.status, v.member_id, v.share_id, v.content_id, v.click_id,
                      v.occurred_at, v.type, v.value, v.currency, v.network, v.campaign_id""";
    private static final String BY_ID = ATTRIBUTE.formatted("v.id = any(?)", SKEW, OUTSIDE, OUTSIDE);
    /** The pending conversions due for another look, oldest due first, a bounded number per sweep. */
    private static final String DUE = """
            select id from conversions where status = 'pending' and next_attempt_at <= ?
            order by next_attempt_at limit ? for update skip locked""";
    /** Those still pending wait twice as long as they have waited so far (at least a second). */
    private static final String BACK_OFF = """
            update conversions set next_attempt_at = ?::timestamptz + greatest(?::timestamptz - received_at, interval '1 second')
            where id = any(?) and status = 'pending'""";
    private static final String GIVE_UP = """
            update conversions set status = 'unattributed',
                reason = case when click_ref is null then 'no-click' else 'unknown-click' end, attributed_at = ?,
                next_attempt_at = null
            where status = 'pending' and received_at <= ?""";

    private final List<AttributionListener> listeners;

    @Inject
    Attribution(Instance<AttributionListener> listeners) {
        this.listeners = listeners.stream().toList();
    }

    /**
     * Attributes these conversions if their clicks are written, and tells the listeners of those attributed; what they
     * do once the transaction committed goes into {@code afterCommit}.
     */
    List<Decided> of(Connection connection, UUID[] ids, Instant now, List<Runnable> afterCommit) throws SQLException {
        List<Decided> decided = Jdbc.rows(connection, BY_ID, ids, now).stream()
                .map(row -> new Decided((UUID) row[0], (UUID) row[1], (String) row[2], (UUID) row[3], (UUID) row[4],
                        (UUID) row[5], (UUID) row[6], (Instant) row[7], (String) row[8], (BigDecimal) row[9],
                        (String) row[10], (String) row[11], (UUID) row[12]))
                .toList();
        List<AttributedConversion> attributed = decided.stream().filter(d -> ATTRIBUTED.equals(d.status()))
                .map(d -> new AttributedConversion(d.id(), d.organizationId(), d.memberId(), d.shareId(), d.contentId(),
                        d.clickId(), now, d.type(), d.value(), d.currency(), d.occurredAt(), d.network(),
                        d.campaignId()))
                .toList();
        if (!attributed.isEmpty()) {
            for (AttributionListener listener : listeners) {
                Runnable then = listener.attributed(connection, attributed);
                if (then != null) {
                    afterCommit.add(then);
                }
            }
        }
        return decided;
    }

    /**
     * Looks again at up to {@code limit} pending conversions that are due: those whose click is written now are decided
     * (as {@link #of}), the others wait twice as long as they have so far before the next look. Answers how many were
     * due.
     */
    int due(Connection connection, Instant now, int limit, List<Runnable> afterCommit) throws SQLException {
        UUID[] due = Jdbc.rows(connection, DUE, now, limit).stream().map(row -> (UUID) row[0]).toArray(UUID[]::new);
        if (due.length == 0) {
            return 0;
        }
        of(connection, due, now, afterCommit);
        Jdbc.update(connection, BACK_OFF, now, now, due);
        return due.length;
    }

    /** Records the conversions received before {@code before} and still without a click as unattributed. */
    static int giveUp(Connection connection, Instant before, Instant now) throws SQLException {
        return Jdbc.update(connection, GIVE_UP, now, before);
    }

}
