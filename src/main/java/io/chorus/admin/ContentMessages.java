package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for content, its editor and moderation, in English, in templates as {@code cnt:key}; French in
 * messages/cnt_fr.properties.
 */
@MessageBundle(value = "cnt", locale = "en")
public interface ContentMessages {

    @Message("Moderation")
    String moderation_title();

    @Message("Content ideas sent by ambassadors, oldest first. Approving publishes it to its audience.")
    String moderation_intro();

    @Message("Nothing to review. Well done!")
    String moderation_empty();

    @Message("Sent by {name}, {date}")
    String submitted_by(String name, String date);

    @Message("Approve and publish")
    String approve();

    @Message("Reject")
    String reject();

    @Message("Reason for the rejection (the author sees it)")
    String reject_reason();

    @Message("Give a reason for the rejection.")
    String error_reason();

    @Message("Recent decisions")
    String recent_decisions();

    @Message("No decision yet.")
    String decisions_empty();

    @Message("This item was changed by someone else in the meantime: it can no longer take this action.")
    String conflict();

    @Message("Content")
    String content_title();

    @Message("Everything curated for ambassadors, newest first.")
    String content_intro();

    @Message("Title or text")
    String search_placeholder();

    @Message("No content matches.")
    String content_empty();

    @Message("Language")
    String col_language();

    @Message("Updated")
    String col_updated();

    @Message("Author")
    String col_author();

    @Message("New content")
    String editor_new();

    @Message("Title")
    String field_title();

    @Message("Link")
    String field_url();

    @Message("Text")
    String field_body();

    @Message("Image address")
    String field_image();

    @Message("Topics")
    String field_topics();

    @Message("Separated by commas, e.g. product, events.")
    String topics_hint();

    @Message("Tick none to reach every ambassador.")
    String groups_hint();

    @Message("This organization has no groups yet: the content goes to every ambassador.")
    String no_groups();

    @Message("Suggested messages")
    String suggested_messages();

    @Message("One per network. Ambassadors can always edit them before sharing.")
    String suggested_hint();

    @Message("Disclosure line")
    String field_disclosure();

    @Message("Appended to this item's shared messages instead of the organization's disclosure, and counted in each "
            + "network's limit. Leave empty to use the organization's.")
    String disclosure_hint();

    @Message("{count} of {limit} characters")
    String chars_count(int count, int limit);

    @Message("At most {limit} characters.")
    String chars_limit(int limit);

    @Message("On X every link counts 23 characters, and the tracked link is added (24 more).")
    String x_links_note();

    @Message("Schedule")
    String schedule();

    @Message("Publish at ({zone} time)")
    String field_publish_at(String zone);

    @Message("Expires at ({zone} time)")
    String field_expires_at(String zone);

    @Message("Leave empty to publish as soon as you press Publish, and to keep it without end.")
    String schedule_hint();

    @Message("Save draft")
    String save_draft();

    @Message("Publish")
    String publish();

    @Message("Archive")
    String archive();

    @Message("This content is no longer editable in its current status.")
    String not_editable();

    @Message("{network}: other message {number} (optional)")
    String alternative_message(String network, int number);

    @Message("Other messages are offered in rotation with the first one, so that a team does not post the same words."
            + " Leave a field empty to add none; save to get one more field.")
    String alternatives_hint();

    @Message("Other messages for {network}")
    String other_messages(String network);

    @Message("Translations")
    String translations();

    @Message("Members whose language has a translation see it in their feed and share its messages; everyone else "
            + "sees the texts above. Choose no language to remove a translation.")
    String translations_hint();

    @Message("New translation")
    String new_translation();

    @Message("{network}: other messages, one per line (optional)")
    String variant_alternatives(String network);

    @Message("Write at most {max} other messages, one per line, each within the network's limit (the disclosure "
            + "line included) and without a blocked phrase.")
    String variant_alternatives_error(int max);

    @Message("Check this translation: it needs a title, a language other than the content's own and used once, and "
            + "messages within each network's limit.")
    String translation_error();

    @Message("{#when field}{#is 'title'}Enter a title.{#is 'url'}Enter a web address that starts with "
            + "http:// or https://.{#is 'imageUrl'}Enter a web address that starts with http:// or https://, "
            + "or nothing.{#is 'language'}Choose a language.{#is 'topics'}Use at most 20 topics of 50 "
            + "characters.{#is 'targetGroupIds'}Choose groups of this organization.{#is 'publishAt'}Enter a "
            + "date and time.{#is 'expiresAt'}The end must come after the publication.{#is 'disclosure'}Use at "
            + "most 500 characters.{#else}This message is too long for the network (the disclosure line "
            + "included) or contains a blocked phrase.{/when}")
    String field_error(String field);
}
