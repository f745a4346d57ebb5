package io.chorus.scoring;

import com.fasterxml.jackson.annotation.JsonValue;

/** What earns points. The first three are governed by the organization's rules; the others are granted. */
public enum ScoringAction {
    SHARE("share"), CLICK("click"), SUBMISSION_APPROVED("submission_approved"), CAMPAIGN("campaign"),
    ADJUSTMENT("adjustment");

    private final String id;

    ScoringAction(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean ruled() {
        return this == SHARE || this == CLICK || this == SUBMISSION_APPROVED;
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
