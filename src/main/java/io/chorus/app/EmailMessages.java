package io.chorus.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The app's words about email, on the privacy page, in templates as {@code prefs:key} (French in
 * messages/prefs_fr.properties). What they say Chorus keeps is what the outbox keeps: change both together.
 */
@MessageBundle(value = "prefs", locale = "en")
public interface EmailMessages {

    @Message("Email")
    String records_mail_title();

    @Message("Your email preferences (how often the digest comes, whether broadcasts reach you), and each mail Chorus sends you, its text included, until it is deleted: {sentDays} days after it was sent, {failedDays} days after it was queued if it could not be delivered. Your data download lists them without their text (your inbox has it). Chorus does not record whether you open them.")
    String records_mail(long sentDays, long failedDays);
}
