package io.chorus.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.chorus.common.persistence.WireEnum;

/** What a member may do in their organization; {@code admin} may do everything the others may. */
public enum Role {
    AMBASSADOR, CURATOR, ANALYST, ADMIN;

    public static final String AMBASSADOR_ID = "ambassador";
    public static final String CURATOR_ID = "curator";
    public static final String ANALYST_ID = "analyst";
    public static final String ADMIN_ID = "admin";
    /** Not a member role: operators create organizations and belong to none. */
    public static final String OPERATOR_ID = "operator";

    @JsonValue
    public String id() {
        return WireEnum.id(this);
    }

    @JsonCreator
    public static Role of(String id) {
        return WireEnum.parse(values(), id);
    }
}
