package io.chorus.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.chorus.common.persistence.LowercaseEnumConverter;
import io.chorus.common.persistence.WireEnum;

/** Where ambassadors share, with the longest message each accepts. */
public enum Network {
    LINKEDIN(3_000), X(280), FACEBOOK(63_206), XING(420), WHATSAPP(4_096), EMAIL(4_096);

    /** X counts every link as 23 characters, whatever its length. */
    public static final int X_LINK_LENGTH = 23;

    private final int maxLength;

    Network(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    @JsonValue
    public String id() {
        return WireEnum.id(this);
    }

    @JsonCreator
    public static Network of(String id) {
        return WireEnum.parse(values(), id);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends LowercaseEnumConverter<Network> {
        public Converter() {
            super(Network.class);
        }
    }
}
