package io.chorus.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The app's words about email, on the privacy page, in templates as {@code prefs:key} (French in
 * messages/prefs_fr.properties). What they say Chorus keeps is what the outbox keeps: change both together.
 */
@MessageBundle(value = "prefs", locale = "en")
public interface EmailMessages {

    // The email card

    @Message("Email")
    String email_title();

    @Message("{#when digest}{#is 'daily'}You get the digest every day{#is 'weekly'}You get the digest every "
            + "week{#else}You get no digest{/when}{#if broadcasts}, and broadcasts.{#else}, and no "
            + "broadcasts.{/if}")
    String email_state(String digest, boolean broadcasts);

    @Message("The digest")
    String digest_legend();

    @Message("{#when frequency}{#is 'daily'}Every day{#is 'weekly'}Every week{#else}Never{/when}")
    String digest_choice(String frequency);

    @Message("The new posts of your feed since the previous digest, with one-click share buttons, at the "
            + "time {organization} sends them. Nothing new: no digest.")
    String digest_explained(String organization);

    @Message("Broadcasts")
    String broadcasts_legend();

    @Message("Send me broadcasts and campaign announcements")
    String broadcasts_label();

    @Message("When the comms team mails one post to everyone now (a launch, an urgent message), and when a campaign you take part in starts.")
    String broadcasts_explained();

    @Message("Save my email choices")
    String email_save();

    @Message("Saved: your email choices apply from the next mail.")
    String saved_notice();

    @Message("{#when problem}{#is 'digest'}Choose how often the digest comes: every day, every week or "
            + "never. Nothing was changed.{#else}This is not a choice the page offers: nothing was "
            + "changed.{/when}")
    String email_problem(String problem);

    @Message("Invitations are always sent: they are how you join. Every digest and broadcast also has a link to stop them without signing in.")
    String email_always();

    // What Chorus records

    @Message("Email")
    String records_mail_title();

    @Message("Your email preferences (how often the digest comes, whether broadcasts reach you), and each "
            + "mail Chorus sends you, its text included, until it is deleted: {sentDays} days after it was "
            + "sent, {failedDays} days after it was queued if it could not be delivered. Your data download "
            + "lists them without their text (your inbox has it). Chorus does not record whether you open " + "them.")
    String records_mail(long sentDays, long failedDays);
}
