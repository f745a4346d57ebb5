package io.chorus.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.persistence.Jdbc;
import io.chorus.mail.MailConfig.Delivery;
import io.quarkus.logging.Log;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.scheduler.Scheduled;

/**
 * This instance's outbox sender, every {@code chorus.mail.sender.interval}. Where mail goes is decided once, at start,
 * and said in the log: the SMTP server, the demo's mailbox, or nowhere — production with no SMTP host set keeps every
 * mail in the outbox rather than sending it to a server nobody configured, and the rest of the service runs as usual.
 */
@Singleton
public class MailSending {

    private final DataSource dataSource;
    private final MailConfig config;
    private final Delivery delivery;
    private final OutboxSender sender;
    private volatile boolean held;

    @Inject
    public MailSending(DataSource dataSource, MailConfig config, ChorusConfig chorus, ReactiveMailer mailer) {
        this.dataSource = dataSource;
        this.config = config;
        this.delivery = delivery(config.delivery());
        OutboxSender.Transport transport = delivery == Delivery.MAILBOX ? OutboxSender.mailbox()
                : OutboxSender.smtp(mailer, Duration.ofSeconds(60));
        int pool = ConfigProvider.getConfig().getOptionalValue("quarkus.mailer.max-pool-size", Integer.class)
                .orElse(10);
        this.sender = new OutboxSender(dataSource, config, transport, Outbox.key(chorus), pool);
    }

    /** Where this instance sends mail. */
    public Delivery delivery() {
        return delivery;
    }

    void announce(@Observes StartupEvent event) {
        switch (delivery) {
            case SMTP -> Log.infof("Mail: sent through the SMTP server %s:%s",
                    ConfigProvider.getConfig().getOptionalValue("quarkus.mailer.host", String.class)
                            .orElse("localhost"),
                    ConfigProvider.getConfig().getOptionalValue("quarkus.mailer.port", String.class).orElse("25"));
            case MAILBOX -> Log.info("Mail: nothing leaves this machine; mails are listed at /admin/mailbox");
            case OFF -> Log.warn(config.delivery() == Delivery.SMTP
                    ? "Mail: NOT SENT, no SMTP host is set (QUARKUS_MAILER_HOST): invitations and digests wait in the"
                            + " outbox until one is set and the service restarted"
                    : "Mail: NOT SENT (chorus.mail.delivery=off): mails wait in the outbox");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        sender.stop();
    }

    @Scheduled(every = "${chorus.mail.sender.interval:PT2S}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void send() {
        if (delivery == Delivery.OFF) {
            return;
        }
        try {
            while (!held && sender.batch() > 0) {
                // batch after batch, until none is due
            }
            forgetOldWindows();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Mail not sent this time, retried shortly: %s", e.getMessage());
        }
    }

    /**
     * Tests: holds this instance's scheduled sender back, so that a test's own senders have the outbox to themselves.
     */
    void hold(boolean hold) {
        this.held = hold;
        synchronized (this) {
            // waits for a run under way to end its batch
        }
    }

    private void forgetOldWindows() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "delete from mail_rate_windows where minute < ?",
                    OutboxSender.minute(Time.now()).minusSeconds(3600));
        }
    }

    /** SMTP needs a host set in production; elsewhere Quarkus Mailer's default (localhost) is a choice too. */
    private static Delivery delivery(Delivery configured) {
        if (configured != Delivery.SMTP || !ConfigUtils.getProfiles().contains("prod")) {
            return configured;
        }
        return host() == null ? Delivery.OFF : Delivery.SMTP;
    }

    /** The SMTP host when set by the deployment (not Quarkus Mailer's built-in default), else null. */
    static String host() {
        var value = ConfigProvider.getConfig().getConfigValue("quarkus.mailer.host");
        boolean set = value.getValue() != null && !value.getValue().isBlank() && value.getSourceOrdinal() >= 100;
        return set ? value.getValue() : null;
    }
}
