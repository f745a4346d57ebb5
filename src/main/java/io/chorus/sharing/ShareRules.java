package io.chorus.sharing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;

/**
 * The organization's rules on new shares: its sharing hours, and how many shares a member makes in a day, both in the
 * organization's time zone (members have none of their own). Asking again for an existing share is not a new share: the
 * rules never stand in its way.
 */
@ApplicationScoped
public class ShareRules {

    /** The problem type of a share beyond the member's daily limit (429, with Retry-After). */
    public static final String LIMIT_REACHED = "share-limit-reached";
    /** The problem type of a share outside the organization's sharing hours (409). */
    public static final String OUTSIDE_HOURS = "outside-sharing-hours";

    /**
     * A refusal by these rules as a page shows it: the rule ({@code limit} or {@code hours}), the daily limit (for
     * {@code limit}), and when sharing opens again in the organization's time zone.
     */
    public record Refusal(String rule, int limit, Instant opensAt, ZoneId zone) {

        /** The refusal a problem is, if it is one of these rules'. */
        public static Optional<Refusal> of(ProblemException e) {
            Map<String, Object> members = e.toProblem(null).extensions();
            if (LIMIT_REACHED.equals(e.slug())) {
                return Optional.of(new Refusal("limit", (Integer) members.get("limit"),
                        Instant.parse((String) members.get("resetsAt")), ZoneId.of((String) members.get("timeZone"))));
            }
            if (OUTSIDE_HOURS.equals(e.slug())) {
                return Optional.of(new Refusal("hours", 0, Instant.parse((String) members.get("opensAt")),
                        ZoneId.of((String) members.get("timeZone"))));
            }
            return Optional.empty();
        }

        /** When sharing opens again, in the page's language: "Dec 8, 2026, 8:00 AM (Europe/Paris)". */
        public String when(Locale locale) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(zone).format(opensAt) + " (" + zone.getId() + ")";
        }
    }

    private final EntityManager em;
    private final Tenants tenants;

    @Inject
    public ShareRules(EntityManager em, Tenants tenants) {
        this.em = em;
        this.tenants = tenants;
    }

    /**
     * Refuses a new share outside the sharing hours or beyond the daily limit. Called in the share's transaction before
     * it is written: the member's row stays locked until that transaction ends, so that two shares of the same member
     * are counted one after the other and never both pass at the limit.
     */
    void check(UUID memberId, OrganizationSettings settings, Instant now) {
        ZoneId zone = settings == null ? ZoneId.of("UTC") : settings.zone();
        ZonedDateTime local = now.atZone(zone);
        if (settings != null && settings.sharingHoursFrom != null
                && !open(local.toLocalTime(), settings.sharingHoursFrom, settings.sharingHoursTo)) {
            Instant opensAt = next(local, settings.sharingHoursFrom);
            throw new ProblemException(409, OUTSIDE_HOURS, "Outside sharing hours",
                    "The organization shares from " + settings.sharingHoursFrom + " to " + settings.sharingHoursTo
                            + " (" + zone.getId() + "); sharing opens at " + opensAt + ".")
                                    .with(Map.of("opensAt", opensAt.toString(), "timeZone", zone.getId()));
        }
        int limit = settings == null ? OrganizationSettings.DEFAULT_DAILY_SHARE_LIMIT : settings.dailyShareLimit;
        // "no key update": rows that merely reference the member (points, score days) do not wait for it, and so cannot
        // deadlock with a share that goes on to write them.
        em.createNativeQuery("select id from members where organization_id = ?1 and id = ?2 for no key update")
                .setParameter(1, tenants.current()).setParameter(2, memberId).getResultList();
        LocalDate today = local.toLocalDate();
        Instant resetsAt = today.plusDays(1).atStartOfDay(zone).toInstant();
        Number made = (Number) em.createNativeQuery("""
                select count(*) from shares
                where organization_id = ?1 and member_id = ?2 and created_at >= ?3 and created_at < ?4""")
                .setParameter(1, tenants.current()).setParameter(2, memberId)
                .setParameter(3, today.atStartOfDay(zone).toInstant()).setParameter(4, resetsAt).getSingleResult();
        if (made.longValue() >= limit) {
            long seconds = Math.max(1, (Duration.between(now, resetsAt).toMillis() + 999) / 1000);
            throw new ProblemException(429, LIMIT_REACHED, "Share limit reached",
                    "A member makes at most " + limit + " shares a day (" + zone.getId() + "); the limit resets at "
                            + resetsAt + ".",
                    null, Map.of("Retry-After", String.valueOf(seconds)))
                            .with(Map.of("limit", limit, "resetsAt", resetsAt.toString(), "timeZone", zone.getId()));
        }
    }

    /** Whether a time of day is within sharing hours; hours whose end comes before their start run over midnight. */
    static boolean open(LocalTime time, LocalTime from, LocalTime to) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /** The next time the clock reads {@code from} after {@code local}. */
    private static Instant next(ZonedDateTime local, LocalTime from) {
        ZonedDateTime opens = local.toLocalDate().atTime(from).atZone(local.getZone());
        return (opens.isAfter(local) ? opens : opens.plusDays(1)).toInstant();
    }
}
