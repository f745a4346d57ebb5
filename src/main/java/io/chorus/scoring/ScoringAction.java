package io.chorus.scoring;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What earns points. Shares, clicks, approved submissions and conversions are governed by the organization's rules;
 * campaign bonuses and adjustments are granted. The order is the ledger's day columns' (score_days).
 */
public enum ScoringAction {
    SHARE("share"), CLICK("click"), SUBMISSION_APPROVED("submission_approved"), CAMPAIGN("campaign"),
    ADJUSTMENT("adjustment"), CONVERSION("conversion");

    private final String id;

    ScoringAction(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean ruled() {
        return this == SHARE || this == CLICK || this == SUBMISSION_APPROVED || this == CONVERSION;
    }

    public static ScoringAction of(String id) {
        for (ScoringAction action : values()) {
            if (action.id.equals(id)) {
                return action;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
