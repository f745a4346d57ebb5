package io.chorus.conversions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.chorus.common.persistence.LowercaseEnumConverter;
import io.chorus.common.persistence.WireEnum;

/** A secret key is for a site's servers; a publishable one may sit in a web page, and works only from its origins. */
public enum ConversionKeyKind {
    SECRET("ck_"), PUBLISHABLE("pk_");

    private final String prefix;

    ConversionKeyKind(String prefix) {
        this.prefix = prefix;
    }

    /** What the keys of this kind start with, so that a leaked key is recognised for what it is. */
    public String prefix() {
        return prefix;
    }

    @JsonValue
    public String id() {
        return WireEnum.id(this);
    }

    @JsonCreator
    public static ConversionKeyKind of(String id) {
        return WireEnum.parse(values(), id);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends LowercaseEnumConverter<ConversionKeyKind> {
        public Converter() {
            super(ConversionKeyKind.class);
        }
    }
}
