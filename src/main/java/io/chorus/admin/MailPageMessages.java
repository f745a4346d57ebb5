package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the admin UI's broadcasts and mailbox pages, and of a campaign's announcement by email, in English;
 * French in messages/mbox_fr.properties.
 */
@MessageBundle(value = "mbox", locale = "en")
public interface MailPageMessages {

    @Message("Broadcasts")
    String nav_broadcasts();

    @Message("Mailbox")
    String nav_mailbox();

    @Message("Broadcasts")
    String broadcasts_title();

    @Message("Send one published item now, by email, to every ambassador it targets who takes broadcasts: "
            + "for a launch or an urgent message. Each gets the same one-click share buttons as in the digest.")
    String broadcasts_intro();

    @Message("New broadcast")
    String broadcast_new();

    @Message("Published item")
    String field_content();

    @Message("Note (optional, at most 1,000 characters)")
    String field_note();

    @Message("Send the broadcast")
    String broadcast_send();

    @Message("The broadcast is queued for {count} members; the figures below follow its mails.")
    String broadcast_sent(String count);

    @Message("{#when problem}{#is 'not-published'}Only published content can be broadcast.{#is 'note'}Use at "
            + "most 1,000 characters.{#else}Choose a published item.{/when}")
    String broadcast_problem(String problem);

    @Message("Item")
    String col_item();

    @Message("Sent on")
    String col_created();

    @Message("Recipients")
    String col_recipients();

    @Message("Waiting")
    String col_queued();

    @Message("Sent")
    String col_sent();

    @Message("Failed")
    String col_failed();

    @Message("No broadcast yet.")
    String broadcasts_empty();

    @Message("No published item to broadcast yet.")
    String no_content();

    @Message("Mailbox")
    String mailbox_title();

    @Message("The latest mails of your organization in the outbox: in the demo, mail never leaves this machine and this is where it goes.")
    String mailbox_intro();

    @Message("Queued on")
    String col_queued_at();

    @Message("To")
    String col_to();

    @Message("Subject")
    String col_subject();

    @Message("State")
    String col_status();

    @Message("{#when status}{#is 'queued'}waiting{#is 'sending'}being sent{#is 'sent'}sent{#is "
            + "'failed'}failed{#is 'cancelled'}cancelled{#else}{status}{/when}")
    String status(String status);

    @Message("Show the mail")
    String show_mail();

    @Message("No mail yet.")
    String mailbox_empty();

    // A campaign's announcement

    @Message("Email")
    String announce_legend();

    @Message("Announce by email when it starts")
    String field_announce();

    @Message("When the campaign starts (at once, if it is running already), each participant who takes "
            + "broadcasts gets a mail with its content and one-click share buttons. Once.")
    String announce_hint();

    @Message("Announced by email on {date}. It is sent: this no longer changes.")
    String announced_on(String date);

    @Message("Email announcement")
    String announcement_fact();

    @Message("Mailed to its participants on {date}")
    String announcement_sent(String date);

    @Message("Mailed to its participants when it starts")
    String announcement_due();

    @Message("None")
    String announcement_none();
}
