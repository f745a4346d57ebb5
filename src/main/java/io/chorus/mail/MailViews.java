package io.chorus.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The mail API's requests and responses. */
public final class MailViews {

    private MailViews() {
    }

    /** A member's email preferences: the digest's frequency, and whether broadcasts reach them. */
    public record EmailPreferences(String digest, boolean broadcasts) {
    }

    /** How often the digest may come, as {@code digest} takes it. */
    public static final String DIGESTS = "daily|weekly|never";

    /** Those frequencies, in the order forms offer them. */
    public static List<String> digests() {
        return List.of(DIGESTS.split("\\|"));
    }

    /** Absent fields stay as they are. */
    public record UpdateEmailPreferences(
            @Pattern(regexp = DIGESTS, message = "must be daily, weekly or never") String digest, Boolean broadcasts) {
    }

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    /** When the organization's digests go out, in its time zone: the time, and the day of weekly ones. */
    public record EmailSettings(
            @NotNull @Pattern(regexp = TIME, message = "must be a time such as 09:00") String digestTime,
            @NotNull @Pattern(regexp = WEEKDAYS, message = "must be a day of the week such as monday") String digestDay) {
    }

    public record CreateBroadcast(@NotNull UUID contentId, @Size(max = 1000) String note) {
    }

    public record BroadcastCreated(UUID id, int recipients) {
    }

    /** A broadcast and where its mails are: queued (or being sent), sent, failed, cancelled (the member left). */
    public record BroadcastView(UUID id, UUID contentId, String title, String note, int recipients, long queued,
            long sent, long failed, long cancelled, UUID createdBy, Instant createdAt) {
    }
}
