package io.chorus.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.chorus.scoring.CampaignViews.CampaignView;
import io.chorus.scoring.CampaignViews.CreateCampaign;
import io.chorus.scoring.CampaignViews.Goal;
import io.chorus.scoring.CampaignViews.UpdateCampaign;
import io.chorus.scoring.Metric;
import io.chorus.web.Formats;
import io.chorus.web.Formats.InvalidField;

/**
 * The campaign form's fields as typed, so that a refused form comes back as it was sent; and their translation into the
 * campaign service's requests. What cannot be read is noted in the {@link FieldErrors} under the request's field names
 * ({@code goalMetric} and {@code goalTarget} for the two halves of the goal). {@code announce} is the box's value:
 * empty when unticked (a browser then sends nothing), {@code true} when ticked.
 */
public record CampaignForm(String name, String description, String startsAt, String endsAt, Set<String> contentIds,
        Set<String> groupIds, String goalMetric, String goalTarget, String reward, String bonusPoints,
        String announce) {

    /** The value of a ticked box. */
    static final String TICKED = "true";

    public CampaignForm {
        contentIds = contentIds == null ? Set.of() : new LinkedHashSet<>(contentIds);
        groupIds = groupIds == null ? Set.of() : new LinkedHashSet<>(groupIds);
    }

    /** A new campaign: from the next full hour, for two weeks, in the organization's zone. */
    static CampaignForm blank(ZoneId zone, Instant now) {
        ZonedDateTime start = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return new CampaignForm("", "", Formats.input(start.toInstant(), zone),
                Formats.input(start.plusWeeks(2).toInstant(), zone), Set.of(), Set.of(), "", "", "", "", "");
    }

    static CampaignForm of(CampaignView campaign, ZoneId zone) {
        Set<String> content = new LinkedHashSet<>();
        campaign.contentIds().forEach(id -> content.add(id.toString()));
        Set<String> groups = new LinkedHashSet<>();
        campaign.targetGroupIds().forEach(id -> groups.add(id.toString()));
        Goal goal = campaign.goal();
        return new CampaignForm(campaign.name(), orEmpty(campaign.description()),
                Formats.input(campaign.startsAt(), zone), Formats.input(campaign.endsAt(), zone), content, groups,
                goal == null ? "" : goal.metric(), goal == null ? "" : String.valueOf(goal.target()),
                orEmpty(campaign.reward()), campaign.bonusPoints() == 0 ? "" : String.valueOf(campaign.bonusPoints()),
                campaign.announce() ? TICKED : "");
    }

    /** Whether the announcement box came ticked (a browser sends a box's value only then). */
    public boolean announces() {
        return !announce.isEmpty();
    }

    /** Whether the box of this content item is ticked. */
    public boolean includes(Object contentId) {
        return contentIds.contains(String.valueOf(contentId));
    }

    /** Whether the box of this group is ticked. */
    public boolean targets(Object groupId) {
        return groupIds.contains(String.valueOf(groupId));
    }

    /** The window typed in the organization's zone. */
    CreateCampaign toCreate(ZoneId zone, FieldErrors errors) {
        return new CreateCampaign(name, description, instant("startsAt", startsAt, zone, errors),
                instant("endsAt", endsAt, zone, errors), ids("contentIds", contentIds, errors),
                ids("targetGroupIds", groupIds, errors), goal(errors), reward,
                number("bonusPoints", bonusPoints, errors), announcing(errors));
    }

    /**
     * Only what changed, so that saving an unchanged form neither rescores the campaign nor fills the audit trail; the
     * window as shown (to the minute) counts as unchanged. Once the campaign was announced, its box is shown ticked and
     * disabled (a browser sends nothing for it): whatever comes is not a change.
     */
    UpdateCampaign toUpdate(CampaignView current, ZoneId zone, FieldErrors errors) {
        if (name.isBlank()) {
            errors.add("name", "name", "");
        }
        Instant start = instant("startsAt", startsAt, zone, errors);
        Instant end = instant("endsAt", endsAt, zone, errors);
        List<UUID> content = ids("contentIds", contentIds, errors);
        List<UUID> groups = ids("targetGroupIds", groupIds, errors);
        Goal goal = goal(errors);
        Integer bonus = number("bonusPoints", bonusPoints, errors);
        int bonusNow = bonus == null ? 0 : bonus;
        Boolean announceNow = current.announcedAt() == null ? announcing(errors) : null;
        return new UpdateCampaign(name.strip().equals(current.name()) ? null : name,
                changed(blankToNull(description), current.description()),
                shownAs(current.startsAt(), zone).equals(start) ? null : start,
                shownAs(current.endsAt(), zone).equals(end) ? null : end,
                new HashSet<>(content).equals(new HashSet<>(current.contentIds())) ? null : content,
                new HashSet<>(groups).equals(new HashSet<>(current.targetGroupIds())) ? null : groups,
                Objects.equals(goal, current.goal()) ? null : Optional.ofNullable(goal),
                changed(blankToNull(reward), current.reward()), bonusNow == current.bonusPoints() ? null : bonusNow,
                announceNow == null || announceNow == current.announce() ? null : announceNow);
    }

    /** The box: ticked or not; a value it does not send is an error. */
    private Boolean announcing(FieldErrors errors) {
        if (announces() && !TICKED.equals(announce)) {
            errors.add("announce", "announce", "");
            return null;
        }
        return announces();
    }

    /** The goal, when a metric is chosen; a target without a metric (or the reverse) is an error. */
    private Goal goal(FieldErrors errors) {
        boolean metric = !goalMetric.isBlank();
        Integer target = number("goalTarget", goalTarget, errors);
        if (!metric) {
            if (target != null) {
                errors.add("goalMetric", "goalMetric", "");
            }
            return null;
        }
        if (!Metric.NAMES.contains(goalMetric)) {
            errors.add("goalMetric", "goalMetric", "");
            return null;
        }
        if (target == null) {
            errors.add("goalTarget", "goalTarget", "");
        }
        return new Goal(goalMetric, target);
    }

    /** An instant typed in the zone; a blank or unreadable one is an error (the window is always required). */
    private static Instant instant(String field, String value, ZoneId zone, FieldErrors errors) {
        try {
            Optional<Instant> instant = Formats.parseInput(field, value, zone);
            if (instant.isEmpty()) {
                errors.add(field, field, "");
            }
            return instant.orElse(null);
        } catch (InvalidField e) {
            errors.add(field, field, "");
            return null;
        }
    }

    private static List<UUID> ids(String field, Set<String> values, FieldErrors errors) {
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                errors.add(field, field, "");
            }
        }
        return ids;
    }

    /** A whole number, or null when blank. */
    private static Integer number(String field, String value, FieldErrors errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(field, field, "");
            return null;
        }
    }

    private static Instant shownAs(Instant instant, ZoneId zone) {
        return Formats.inputValue(Formats.input(instant, zone), zone);
    }

    /** An optional text to send: absent when unchanged, empty to clear it. */
    private static Optional<String> changed(String typed, String current) {
        return Objects.equals(typed, current) ? null : Optional.ofNullable(typed);
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
