package io.chorus.admin;

import java.util.Arrays;
import java.util.List;

import io.chorus.content.Network;

/**
 * The settings page's forms as shown: what is stored, except in the form just sent, which keeps what was typed so that
 * a refused form comes back as it was.
 */
public record SettingsForm(List<RuleRow> rules, String timeZone, String levels, String costPerClick, String currency,
        String disclosure, boolean disclosureMandatory, List<String> networks, String phrases, String patterns,
        ShareRulesForm shareRules) {

    /** The sharing rules' fields: the daily limit per member, and the sharing hours (when {@code hours} is ticked). */
    public record ShareRulesForm(String dailyLimit, boolean hours, String from, String to) {
    }

    /** One scoring rule's fields: points and daily cap (blank: no cap). */
    public record RuleRow(String action, String points, String cap) {
        public RuleRow {
            points = points == null ? "" : points;
            cap = cap == null ? "" : cap;
        }

        public String pointsField() {
            return "points_" + action;
        }

        public String capField() {
            return "cap_" + action;
        }
    }

    SettingsForm withRules(List<RuleRow> typed) {
        return new SettingsForm(typed, timeZone, levels, costPerClick, currency, disclosure, disclosureMandatory,
                networks, phrases, patterns, shareRules);
    }

    SettingsForm withOrganization(String zone, String thresholds, String amount, String currencyCode) {
        return new SettingsForm(rules, zone, thresholds, amount, currencyCode, disclosure, disclosureMandatory,
                networks, phrases, patterns, shareRules);
    }

    SettingsForm withSharing(String line, boolean mandatory, List<String> chosen) {
        return new SettingsForm(rules, timeZone, levels, costPerClick, currency, line, mandatory, chosen, phrases,
                patterns, shareRules);
    }

    SettingsForm withShareRules(ShareRulesForm typed) {
        return new SettingsForm(rules, timeZone, levels, costPerClick, currency, disclosure, disclosureMandatory,
                networks, phrases, patterns, typed);
    }

    /** Every network, in Chorus's order, for the sharing form's boxes. */
    public List<String> allNetworks() {
        return Arrays.stream(Network.values()).map(Network::id).toList();
    }

    /** Whether the sharing form has this network ticked. */
    public boolean shares(String network) {
        return networks.contains(network);
    }

    SettingsForm withBlocklist(String phraseLines, String patternLines) {
        return new SettingsForm(rules, timeZone, levels, costPerClick, currency, disclosure, disclosureMandatory,
                networks, phraseLines, patternLines, shareRules);
    }

    /** The non-blank lines of a text area (the service strips phrases; a pattern keeps its spaces). */
    static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
