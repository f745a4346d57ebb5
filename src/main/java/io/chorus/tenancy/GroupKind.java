package io.chorus.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.chorus.common.persistence.LowercaseEnumConverter;
import io.chorus.common.persistence.WireEnum;

public enum GroupKind {
    DEPARTMENT, LOCATION, TEAM, PROGRAMME;

    @JsonValue
    public String id() {
        return WireEnum.id(this);
    }

    @JsonCreator
    public static GroupKind of(String id) {
        return WireEnum.parse(values(), id);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends LowercaseEnumConverter<GroupKind> {
        public Converter() {
            super(GroupKind.class);
        }
    }
}
