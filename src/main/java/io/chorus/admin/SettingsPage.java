package io.chorus.admin;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.chorus.admin.SettingsForm.RuleRow;
import io.chorus.admin.SettingsForm.ShareRulesForm;
import io.chorus.common.Money;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.BlocklistResource.BlocklistView;
import io.chorus.content.BlocklistService;
import io.chorus.content.Network;
import io.chorus.identity.Caller;
import io.chorus.identity.Role;
import io.chorus.scoring.ScoringAction;
import io.chorus.scoring.ScoringService;
import io.chorus.scoring.ScoringViews.OrganizationSettingsView;
import io.chorus.scoring.ScoringViews.RuleView;
import io.chorus.sharing.SharingSettingsService;
import io.chorus.sharing.SharingViews.SharingHours;
import io.chorus.sharing.SharingViews.SharingSettings;
import io.chorus.web.WebPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The organization's settings, one form per concern on one page: scoring rules, time zone and levels, the disclosure
 * line, the blocklist. Each form goes through the same service and checks as its API endpoint; a refused form comes
 * back as typed, with the reason next to the field. The charter has its own page ({@link CharterPage}). Longer than our
 * rooms usually are: one small handler per form of the one page, each a few lines, read side by side.
 */
@Path("/admin/settings")
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    /** The time zones offered: the regions' names (Europe/Paris), and UTC. */
    static final List<String> ZONES = Stream
            .concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
                    .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted())
            .toList();

    /** What a refusal of each field means, as the messages name it. */
    private static final Map<String, String> CODES = Map.of("timeZone", "time_zone", "levels", "levels", "costPerClick",
            "cost_per_click", "currency", "currency", "disclosure", "disclosure_too_long", "disclosureMandatory",
            "disclosure_needed", "dailyShareLimit", "daily_share_limit", "sharingHours", "sharing_hours");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AdminSession session, SettingsForm form, List<String> zones,
                FieldErrors errors, String done);
    }

    private final AdminPages pages;
    private final ScoringService scoring;
    private final SharingSettingsService sharing;
    private final BlocklistService blocklist;
    private final Validator validator;
    private final Caller caller;

    @Inject
    public SettingsPage(AdminPages pages, ScoringService scoring, SharingSettingsService sharing,
            BlocklistService blocklist, Validator validator, Caller caller) {
        this.pages = pages;
        this.scoring = scoring;
        this.sharing = sharing;
        this.blocklist = blocklist;
        this.validator = validator;
        this.caller = caller;
    }

    @GET
    public Response show(@RestQuery String done) {
        return pages.page(Templates.show(pages.session(), current(), ZONES, FieldErrors.none(), done));
    }

    @POST
    @Path("/scoring")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scoring(@RestForm("points_share") String sharePoints, @RestForm("cap_share") String shareCap,
            @RestForm("points_click") String clickPoints, @RestForm("cap_click") String clickCap,
            @RestForm("points_submission_approved") String submissionPoints,
            @RestForm("cap_submission_approved") String submissionCap,
            @RestForm("points_conversion") String conversionPoints, @RestForm("cap_conversion") String conversionCap) {
        List<RuleRow> typed = List.of(new RuleRow("share", sharePoints, shareCap),
                new RuleRow("click", clickPoints, clickCap),
                new RuleRow("submission_approved", submissionPoints, submissionCap),
                new RuleRow("conversion", conversionPoints, conversionCap));
        SettingsForm form = current().withRules(typed);
        FieldErrors errors = FieldErrors.none();
        List<RuleView> rules = new ArrayList<>();
        for (RuleRow row : form.rules()) {
            Integer points = number(row.points().strip(), errors, row.pointsField(), false);
            Integer cap = number(row.cap().strip(), errors, row.capField(), true);
            RuleView rule = new RuleView(ScoringAction.of(row.action()), points, cap);
            for (String field : FieldErrors.fieldsOf(validator.validate(rule))) {
                boolean onCap = field.equals("dailyCap");
                errors.add(onCap ? row.capField() : row.pointsField(), onCap ? "cap" : "points", "");
            }
            rules.add(rule);
        }
        if (errors.any()) {
            return refused(form, errors);
        }
        scoring.replaceRules(rules, caller.id());
        return WebPages.seeOther("/admin/settings?done=scoring_saved#scoring");
    }

    @POST
    @Path("/organization")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response organization(@RestForm String timeZone, @RestForm String levels, @RestForm String costPerClick,
            @RestForm String currency) {
        SettingsForm form = current().withOrganization(orEmpty(timeZone), orEmpty(levels), orEmpty(costPerClick),
                orEmpty(currency));
        List<Integer> thresholds = new ArrayList<>();
        for (String level : form.levels().split("[,;\\s]+")) {
            if (level.isEmpty()) {
                continue;
            }
            try {
                thresholds.add(Integer.valueOf(level.replace("_", "")));
            } catch (NumberFormatException e) {
                return refused(form, FieldErrors.of("levels", CODES.get("levels")));
            }
        }
        Money cost = null;
        String amount = form.costPerClick().strip().replace(',', '.');
        if (!amount.isEmpty()) {
            try {
                cost = new Money(new BigDecimal(amount), form.currency().strip().toUpperCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                return refused(form, FieldErrors.of("costPerClick", CODES.get("costPerClick")));
            }
            Set<String> invalid = FieldErrors.fieldsOf(validator.validate(cost));
            if (!invalid.isEmpty()) {
                String field = invalid.contains("amount") ? "costPerClick" : "currency";
                return refused(form, FieldErrors.of(field, CODES.get(field)));
            }
        }
        OrganizationSettingsView request = new OrganizationSettingsView(form.timeZone().strip(), thresholds, cost);
        Set<String> invalid = FieldErrors.fieldsOf(validator.validate(request));
        if (!invalid.isEmpty()) {
            String field = invalid.contains("timeZone") ? "timeZone" : "levels";
            return refused(form, FieldErrors.of(field, CODES.get(field)));
        }
        return apply(form, () -> scoring.replaceSettings(request, caller.id()), "organization_saved#organization");
    }

    @POST
    @Path("/sharing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sharing(@RestForm String disclosure, @RestForm String disclosureMandatory,
            @RestForm List<String> networks) {
        boolean mandatory = disclosureMandatory != null && !disclosureMandatory.isBlank();
        List<String> ticked = networks == null ? List.of() : networks;
        List<Network> chosen = Arrays.stream(Network.values()).filter(n -> ticked.contains(n.id())).toList();
        SettingsForm form = current().withSharing(orEmpty(disclosure), mandatory,
                chosen.stream().map(Network::id).toList());
        if (chosen.isEmpty()) {
            return refused(form, FieldErrors.of("networks", "networks_none"));
        }
        SharingSettings stored = sharing.get();
        SharingSettings request = new SharingSettings(form.disclosure(), mandatory, chosen, stored.dailyShareLimit(),
                stored.sharingHours());
        if (!validator.validate(request).isEmpty()) {
            return refused(form, FieldErrors.of("disclosure", CODES.get("disclosure")));
        }
        return apply(form, () -> sharing.replace(request, caller.id()), "sharing_saved#sharing");
    }

    /** The daily share limit per member and the sharing hours, kept with the rest of the sharing settings. */
    @POST
    @Path("/share-rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response shareRules(@RestForm String dailyLimit, @RestForm String hours, @RestForm String from,
            @RestForm String to) {
        boolean limited = hours != null && !hours.isBlank();
        ShareRulesForm typed = new ShareRulesForm(orEmpty(dailyLimit).strip(), limited, orEmpty(from).strip(),
                orEmpty(to).strip());
        SettingsForm form = current().withShareRules(typed);
        FieldErrors errors = FieldErrors.none();
        Integer limit = number(typed.dailyLimit(), errors, "dailyShareLimit", false);
        SharingHours window = limited ? new SharingHours(typed.from(), typed.to()) : null;
        if (errors.any()) {
            return refused(form, FieldErrors.of("dailyShareLimit", CODES.get("dailyShareLimit")));
        }
        SharingSettings stored = sharing.get();
        SharingSettings request = new SharingSettings(stored.disclosure(), stored.disclosureMandatory(),
                stored.networks(), limit, window);
        Set<String> invalid = FieldErrors.fieldsOf(validator.validate(request));
        if (!invalid.isEmpty()) {
            String field = invalid.contains("dailyShareLimit") ? "dailyShareLimit" : "sharingHours";
            return refused(form, FieldErrors.of(field, CODES.get(field)));
        }
        return apply(form, () -> sharing.replace(request, caller.id()), "share_rules_saved#share-rules");
    }

    @POST
    @Path("/blocklist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response blocklist(@RestForm String phrases, @RestForm String patterns) {
        SettingsForm form = current().withBlocklist(orEmpty(phrases), orEmpty(patterns));
        List<String> phraseList = SettingsForm.lines(form.phrases());
        List<String> patternList = SettingsForm.lines(form.patterns());
        try {
            blocklist.replace(new BlocklistView(phraseList, patternList), caller.id());
        } catch (ProblemException e) {
            FieldErrors errors = FieldErrors.none();
            for (Problem.Violation violation : violations(e)) {
                // "patterns[3]" is the fourth entry, quoted in the message; a field without an index has too many
                String field = violation.field().replaceAll("\\[.*", "");
                List<String> entries = field.equals("patterns") ? patternList : phraseList;
                if (!violation.field().contains("[")) {
                    errors.add(field, "blocklist_too_many", "");
                    continue;
                }
                String entry = entries.get(Integer.parseInt(violation.field().replaceAll(".*\\[(\\d+)].*", "$1")));
                boolean tooLong = entry.length() > 200;
                errors.add(field, tooLong || field.equals("phrases") ? "blocklist_too_long" : "blocklist_regex",
                        entry.length() > 60 ? entry.substring(0, 60) + "…" : entry);
            }
            return refused(form, errors);
        }
        return WebPages.seeOther("/admin/settings?done=blocklist_saved#blocklist");
    }

    /** Calls the service; its refusals name the field at fault. */
    private Response apply(SettingsForm form, Runnable change, String done) {
        try {
            change.run();
        } catch (ProblemException e) {
            FieldErrors errors = FieldErrors.none();
            for (Problem.Violation violation : violations(e)) {
                String field = switch (violation.field()) {
                    case "levelThresholds" -> "levels";
                    case "costPerClick.currency" -> "currency";
                    case "sharingHours.to" -> "sharingHours";
                    default -> violation.field();
                };
                if (CODES.containsKey(field)) {
                    errors.add(field, CODES.get(field), "");
                }
            }
            if (!errors.any()) {
                throw e;
            }
            return refused(form, errors);
        }
        return WebPages.seeOther("/admin/settings?done=" + done);
    }

    private Response refused(SettingsForm form, FieldErrors errors) {
        return pages.page(400, Templates.show(pages.session(), form, ZONES, errors, null));
    }

    /** What is stored now, as the forms show it. */
    private SettingsForm current() {
        OrganizationSettingsView organization = scoring.settings();
        SharingSettings disclosure = sharing.get();
        BlocklistView blocked = blocklist.get();
        List<RuleRow> rules = scoring.rules().stream().filter(r -> r.action().ruled())
                .map(r -> new RuleRow(r.action().id(), String.valueOf(r.points()),
                        r.dailyCap() == null ? "" : String.valueOf(r.dailyCap())))
                .toList();
        String zone = ZoneId.of(organization.timeZone()).normalized().getId();
        Money cost = organization.costPerClick();
        return new SettingsForm(rules, zone.equals("Z") ? "UTC" : zone,
                String.join(", ", organization.levelThresholds().stream().map(String::valueOf).toList()),
                cost == null ? "" : cost.amount().toPlainString(), cost == null ? "EUR" : cost.currency(),
                orEmpty(disclosure.disclosure()), Boolean.TRUE.equals(disclosure.disclosureMandatory()),
                disclosure.networks().stream().map(Network::id).toList(), String.join("\n", blocked.phrases()),
                String.join("\n", blocked.patterns()), shareRules(disclosure));
    }

    private static ShareRulesForm shareRules(SharingSettings stored) {
        SharingHours hours = stored.sharingHours();
        return new ShareRulesForm(String.valueOf(stored.dailyShareLimit()), hours != null,
                hours == null ? "08:00" : hours.from(), hours == null ? "20:00" : hours.to());
    }

    /**
     * A whole number typed in a field, or null (blank, when {@code optional}): anything else is noted in
     * {@code errors}.
     */
    private static Integer number(String value, FieldErrors errors, String field, boolean optional) {
        if (value.isEmpty()) {
            if (!optional) {
                errors.add(field, "points", "");
            }
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(field, optional ? "cap" : "points", "");
            return null;
        }
    }

    private static List<Problem.Violation> violations(ProblemException e) {
        List<Problem.Violation> violations = e.toProblem(null).violations();
        return violations == null ? List.of() : violations;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
