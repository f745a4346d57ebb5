package io.chorus.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word of Chorus's mails and of the unsubscribe page, in English; French in messages/mail_fr.properties. */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("en")
    String lang();

    @Message("Hello {name},")
    String greeting(String name);

    @Message("You are invited to join {organization} on Chorus")
    String invitation_subject(String organization);

    @Message("Reminder: your invitation to join {organization} on Chorus")
    String reminder_subject(String organization);

    @Message("{organization} uses Chorus to share its news: a short selection of posts you can share on your own networks in one click, if you wish.")
    String invitation_intro(String organization);

    @Message("Your invitation is still waiting: joining takes a minute, choose a name and a password.")
    String reminder_intro();

    @Message("Accept the invitation")
    String invitation_button();

    @Message("This link works until {date} and only for you ({email}). If you did not expect this invitation, ignore this mail.")
    String invitation_validity(String date, String email);

    @Message("{#if count == 1}1 new post to share from {organization}{#else}{count} new posts to share from {organization}{/if}")
    String digest_subject(int count, String organization);

    @Message("Here is what is new in your feed. One press on a button shares the post on that network.")
    String digest_intro();

    @Message("{organization}: {title}")
    String broadcast_subject(String organization, String title);

    @Message("Your comms team asks you to share this now.")
    String broadcast_intro();

    @Message("The campaign {name} starts now")
    String campaign_subject(String name);

    @Message("The campaign {name} runs until {date}.")
    String campaign_intro(String name, String date);

    @Message("{#when network}{#is 'linkedin'}Share on LinkedIn{#is 'x'}Share on X{#is 'facebook'}Share on "
            + "Facebook{#is 'xing'}Share on XING{#is 'whatsapp'}Share on WhatsApp{#is 'email'}Share by "
            + "email{#else}Share on {network}{/when}")
    String share_on(String network);

    @Message("Read the post")
    String read();

    @Message("This month: {points} points, rank {rank}.")
    String standing(long points, long rank);

    @Message("Ending soon")
    String ending_title();

    @Message("{name} ends on {date}.")
    String ending(String name, String date);

    @Message("{#when reason}{#is 'daily'}You get this digest every day.{#is 'weekly'}You get this digest "
            + "every week.{#else}You get this mail because you take part in {organization}'s sharing "
            + "programme.{/when}")
    String why(String reason, String organization);

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("Chorus, for {organization}")
    String signature(String organization);

    @Message("A webhook endpoint of {organization} was turned off")
    String webhook_disabled_subject(String organization);

    @Message("Chorus stopped sending events to {url}: every attempt to deliver to it failed for a day.")
    String webhook_disabled_intro(String url);

    @Message("The last answer: {reason}.")
    String webhook_disabled_reason(String reason);

    @Message("Once the endpoint answers again, turn it back on and replay what it missed from its delivery log: {page} "
            + "(or through the API: PATCH /api/v1/webhooks/{webhookId} with enabled: true).")
    String webhook_disabled_action(String page, String webhookId);

    @Message("You get this mail because you are an admin of {organization}.")
    String webhook_disabled_why(String organization);

    @Message("Stop these emails?")
    String unsubscribe_title();

    @Message("You will no longer get digests or broadcasts from {organization}. Invitations and account emails still reach you.")
    String unsubscribe_text(String organization);

    @Message("Unsubscribe")
    String unsubscribe_button();

    @Message("You are unsubscribed")
    String unsubscribed_title();

    @Message("No more digests or broadcasts from {organization}. You can turn them on again in the Chorus app.")
    String unsubscribed_text(String organization);

    @Message("This link does not work")
    String unsubscribe_invalid_title();

    @Message("It is incomplete or was altered. Copy the whole link from your email.")
    String unsubscribe_invalid();
}
