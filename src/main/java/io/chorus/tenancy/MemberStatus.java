package io.chorus.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.chorus.common.persistence.LowercaseEnumConverter;
import io.chorus.common.persistence.WireEnum;

/** invited (has not accepted yet) → active ⇄ deactivated. */
public enum MemberStatus {
    INVITED, ACTIVE, DEACTIVATED;

    @JsonValue
    public String id() {
        return WireEnum.id(this);
    }

    @JsonCreator
    public static MemberStatus of(String id) {
        return WireEnum.parse(values(), id);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends LowercaseEnumConverter<MemberStatus> {
        public Converter() {
            super(MemberStatus.class);
        }
    }
}
