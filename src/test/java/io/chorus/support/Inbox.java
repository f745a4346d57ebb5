package io.chorus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** What the test SMTP server received, read the way a mail client reads it. */
public final class Inbox {

    /** A received mail: its recipient, subject, plain text and HTML parts, and the header lines asked for. */
    public record Received(String to, String subject, String text, String html, MimeMessage message) {
        /** How the HTML part travelled: "7bit" when it went as it is, "quoted-printable" when it had to be encoded. */
        public String htmlTransferEncoding() {
            try {
                if (message.getContent() instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        if (multipart.getBodyPart(i).isMimeType("text/html")) {
                            return ((jakarta.mail.internet.MimeBodyPart) multipart.getBodyPart(i)).getEncoding();
                        }
                    }
                }
                return null;
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String header(String name) {
            try {
                String[] values = message.getHeader(name);
                return values == null ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Inbox() {
    }

    /** Every mail received for this address, oldest first. */
    public static List<Received> of(String address) {
        List<Received> mails = new ArrayList<>();
        for (MimeMessage message : SmtpServer.greenMail().getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    mails.add(read(address, message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /**
     * The letters (digests, broadcasts, announcements: the mails with an unsubscribe link) received for this address;
     * without the invitation a test's member may have been sent before accepting it.
     */
    public static List<Received> letters(String address) {
        return of(address).stream().filter(mail -> mail.header("List-Unsubscribe") != null).toList();
    }

    /** Polls until this address has received {@code count} mails, for at most 20 seconds; answers them. */
    public static List<Received> await(String address, int count) {
        return await(address, count, false);
    }

    /** Polls until this address has received {@code count} letters, for at most 20 seconds; answers them. */
    public static List<Received> awaitLetters(String address, int count) {
        return await(address, count, true);
    }

    private static List<Received> await(String address, int count, boolean letters) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Received> mails = letters ? letters(address) : of(address);
        while (mails.size() < count && System.nanoTime() < deadline) {
            pause();
            mails = letters ? letters(address) : of(address);
        }
        assertThat(mails).as("mails received by %s", address).hasSize(count);
        return mails;
    }

    /** A short pause between two polls. */
    public static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Received read(String to, MimeMessage message) throws MessagingException, IOException {
        String text = null;
        String html = null;
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        } else {
            text = String.valueOf(content);
        }
        return new Received(to, message.getSubject(), text, html, message);
    }
}
