package io.chorus.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Chorus's own mail settings; the SMTP server is Quarkus Mailer's ({@code QUARKUS_MAILER_*}). See README.md. */
@ConfigMapping(prefix = "chorus.mail")
public interface MailConfig {

    /**
     * Where mail goes: {@code smtp} (the server of {@code quarkus.mailer.*}), {@code mailbox} (nowhere: the admin UI's
     * mailbox page shows it, as in the demo) or {@code off} (kept in the outbox). In production {@code smtp} with no
     * {@code QUARKUS_MAILER_HOST} set sends nothing, and says so at start.
     */
    @WithDefault("smtp")
    Delivery delivery();

    enum Delivery {
        SMTP, MAILBOX, OFF
    }

    /** The sender's address, as in {@code Chorus <chorus@example.com>}; default: Quarkus Mailer's from. */
    Optional<String> from();

    /** At most this many mails per organization and minute, across all instances. */
    @WithDefault("600")
    int perOrganizationPerMinute();

    /** How long a sent mail stays in the outbox after it was sent (the mailbox page, members' data export). */
    @WithDefault("P30D")
    Duration keepSent();

    /** How long a failed or cancelled mail stays in the outbox after it was queued, with its reason. */
    @WithDefault("P90D")
    Duration keepFailed();

    /** Mails deleted by one statement (one short transaction) once they are older than that. */
    @WithDefault("1000")
    int deleteBatchSize();

    Sender sender();

    Reminders reminders();

    Digest digest();

    interface Sender {
        /** How often each instance looks for due mails. */
        @WithDefault("PT2S")
        Duration interval();

        /** Mails one sender claims at a time (sent concurrently over the mailer's connection pool). */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed mail is the claimer's: a sender stuck is taken over after it (one that died at once). */
        @WithDefault("PT5M")
        Duration lease();

        /** The wait before the first retry of a mail refused for now (4xx, no connection); doubled each time. */
        @WithDefault("PT30S")
        Duration firstRetryAfter();

        @WithDefault("PT1H")
        Duration maxRetryAfter();

        /** Attempts before a mail refused for now is given up (state failed, with the last reason). */
        @WithDefault("12")
        int maxAttempts();
    }

    interface Reminders {
        /** Whether members who have not accepted their invitation are reminded. */
        @WithDefault("true")
        boolean enabled();

        /** After how long since the invitation each reminder goes (each with a fresh link). */
        @WithDefault("P3D,P10D")
        List<Duration> after();
    }

    interface Digest {
        /** How often the cluster's mail jobs (digests, reminders, announcements, retention) look for work. */
        @WithDefault("PT1M")
        Duration checkInterval();

        /** At most this many items in a digest. */
        @WithDefault("8")
        int maxItems();

        /** Campaigns ending within this are shown in the digest. */
        @WithDefault("P3D")
        Duration campaignsEndingWithin();

        /** Members whose digests are queued in one transaction. */
        @WithDefault("200")
        int chunkSize();
    }
}
