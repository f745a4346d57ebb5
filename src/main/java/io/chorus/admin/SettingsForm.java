package io.chorus.admin;

import java.util.List;

/**
 * The settings page's forms as shown: what is stored, except in the form just sent, which keeps what was typed so that
 * a refused form comes back as it was.
 */
public record SettingsForm(List<RuleRow> rules, String timeZone, String levels, String costPerClick, String currency,
        String disclosure, boolean disclosureMandatory, String phrases, String patterns) {

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
                phrases, patterns);
    }

    SettingsForm withOrganization(String zone, String thresholds, String amount, String currencyCode) {
        return new SettingsForm(rules, zone, thresholds, amount, currencyCode, disclosure, disclosureMandatory, phrases,
                patterns);
    }

    SettingsForm withSharing(String line, boolean mandatory) {
        return new SettingsForm(rules, timeZone, levels, costPerClick, currency, line, mandatory, phrases, patterns);
    }

    SettingsForm withBlocklist(String phraseLines, String patternLines) {
        return new SettingsForm(rules, timeZone, levels, costPerClick, currency, disclosure, disclosureMandatory,
                phraseLines, patternLines);
    }

    /** The non-blank lines of a text area (the service strips phrases; a pattern keeps its spaces). */
    static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
