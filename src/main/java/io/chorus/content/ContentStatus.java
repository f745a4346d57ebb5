package io.chorus.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.chorus.common.persistence.LowercaseEnumConverter;
import io.chorus.common.persistence.WireEnum;

/**
 * draft → published|scheduled (publish); pending_review → published|scheduled (approve) or rejected (reject);
 * published, scheduled or expired → archived. Scheduled becomes published at its time and published becomes expired at
 * its end, on their own. {@link ContentLifecycle} enforces the transitions.
 */
public enum ContentStatus {
    DRAFT, PENDING_REVIEW, REJECTED, SCHEDULED, PUBLISHED, EXPIRED, ARCHIVED;

    @JsonValue
    public String id() {
        return WireEnum.id(this);
    }

    @JsonCreator
    public static ContentStatus of(String id) {
        return WireEnum.parse(values(), id);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends LowercaseEnumConverter<ContentStatus> {
        public Converter() {
            super(ContentStatus.class);
        }
    }
}
