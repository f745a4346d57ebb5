package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word of the admin UI, in English; French in messages/admin_fr.properties. */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message("Skip to the page")
    String skip_link();

    @Message("Main menu")
    String nav_label();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Content")
    String nav_content();

    @Message("Moderation")
    String nav_moderation();

    @Message("Sign out")
    String sign_out();

    @Message("Français")
    String language_switch();

    @Message("Afficher en français")
    String language_switch_label();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    // --- Sign-in -----------------------------------------------------------------------------------

    @Message("Sign in")
    String signin_title();

    @Message("The Chorus workspace for comms teams, analysts and administrators.")
    String signin_intro();

    @Message("Organization")
    String field_organization();

    @Message("The short name of your organization, as in your invitation.")
    String organization_hint();

    @Message("Email")
    String field_email();

    @Message("Password")
    String field_password();

    @Message("Sign in")
    String signin_button();

    @Message("Fill in your organization, email and password.")
    String signin_missing();

    @Message("The organization, email or password is wrong.")
    String signin_wrong();

    @Message("Too many failed attempts. Wait a few minutes, then try again.")
    String signin_throttled();

    @Message("This space is for your comms team")
    String refused_title();

    @Message("Your account is an ambassador account: read and share content in the Chorus app. The admin workspace is for curators, analysts and administrators.")
    String refused_text();

    @Message("Back to sign-in")
    String back_to_signin();

    @Message("Your role does not open this page")
    String forbidden_title();

    @Message("Ask an administrator of your organization if you need it.")
    String forbidden_text();

    @Message("Back to the dashboard")
    String back_home();

    @Message("This page does not exist")
    String not_found_title();

    @Message("What you are looking for may have been deleted.")
    String not_found_text();

    // --- Dashboard ---------------------------------------------------------------------------------

    @Message("Hello, {name}")
    String dashboard_title(String name);

    @Message("{organization} at a glance.")
    String dashboard_intro(String organization);

    @Message("Submissions to review")
    String tile_pending();

    @Message("Drafts")
    String tile_drafts();

    @Message("Scheduled")
    String tile_scheduled();

    @Message("Published")
    String tile_published();

    @Message("Review submissions")
    String action_review();

    @Message("New content")
    String action_new_content();

    @Message("Analytics")
    String analytics_title();

    @Message("Participation, clicks and leaderboards will appear here in a coming release. The figures are already available through the API.")
    String analytics_soon();

    // --- Moderation --------------------------------------------------------------------------------

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

    @Message("{#when outcome}{#is 'rejected'}Rejected{#else}Approved{/when} {date}")
    String decision(String outcome, String date);

    @Message("More")
    String next_page();

    @Message("{#when done}{#is 'approved'}The submission is approved.{#is 'rejected'}The submission is rejected.{#is 'created'}The draft is saved.{#is 'saved'}Your changes are saved.{#is 'published'}The content is published.{#is 'archived'}The content is archived.{#is 'language'}Language changed.{#else}Done.{/when}")
    String done(String done);

    @Message("This item was changed by someone else in the meantime: it can no longer take this action.")
    String conflict();

    // --- Content -----------------------------------------------------------------------------------

    @Message("Content")
    String content_title();

    @Message("Everything curated for ambassadors, newest first.")
    String content_intro();

    @Message("Status")
    String filter_status();

    @Message("All")
    String status_all();

    @Message("Search")
    String search();

    @Message("Title or text")
    String search_placeholder();

    @Message("Filter")
    String filter_button();

    @Message("No content matches.")
    String content_empty();

    @Message("Title")
    String col_title();

    @Message("Language")
    String col_language();

    @Message("Updated")
    String col_updated();

    @Message("Author")
    String col_author();

    @Message("{#when status}{#is 'draft'}Draft{#is 'pending_review'}Pending review{#is 'rejected'}Rejected{#is 'scheduled'}Scheduled{#is 'published'}Published{#is 'expired'}Expired{#is 'archived'}Archived{/when}")
    String status(String status);

    @Message("{#when code}{#is 'en'}English{#is 'fr'}French{#is 'de'}German{#is 'es'}Spanish{#is 'it'}Italian{#is 'nl'}Dutch{#is 'pt'}Portuguese{#else}{code}{/when}")
    String language(String code);

    // --- Editor ------------------------------------------------------------------------------------

    @Message("New content")
    String editor_new();

    @Message("Edit content")
    String editor_edit();

    @Message("Title")
    String field_title();

    @Message("Link")
    String field_url();

    @Message("Text")
    String field_body();

    @Message("Image address")
    String field_image();

    @Message("Language")
    String field_language();

    @Message("Topics")
    String field_topics();

    @Message("Separated by commas, e.g. product, events.")
    String topics_hint();

    @Message("Audience")
    String targeting();

    @Message("Groups")
    String field_groups();

    @Message("Tick none to reach every ambassador.")
    String groups_hint();

    @Message("This organization has no groups yet: the content goes to every ambassador.")
    String no_groups();

    @Message("Suggested messages")
    String suggested_messages();

    @Message("One per network. Ambassadors can always edit them before sharing.")
    String suggested_hint();

    @Message("{#when network}{#is 'linkedin'}LinkedIn{#is 'x'}X{#is 'facebook'}Facebook{#is 'xing'}XING{#is 'whatsapp'}WhatsApp{#is 'email'}Email{/when}")
    String network(String network);

    @Message("{count} of {limit} characters")
    String chars_count(int count, int limit);

    @Message("At most {limit} characters.")
    String chars_limit(int limit);

    @Message("On X every link counts 23 characters, and the tracked link is added (24 more).")
    String x_links_note();

    @Message("Schedule")
    String schedule();

    @Message("Publish at (UTC)")
    String field_publish_at();

    @Message("Expires at (UTC)")
    String field_expires_at();

    @Message("Leave empty to publish as soon as you press Publish, and to keep it without end.")
    String schedule_hint();

    @Message("Save draft")
    String save_draft();

    @Message("Save")
    String save();

    @Message("Publish")
    String publish();

    @Message("Archive")
    String archive();

    @Message("Cancel")
    String cancel();

    @Message("Publish or archive")
    String lifecycle();

    @Message("This content is no longer editable in its current status.")
    String not_editable();

    @Message("Check the highlighted fields.")
    String error_summary();

    @Message("{#when field}{#is 'title'}Enter a title.{#is 'url'}Enter a web address that starts with http:// or https://.{#is 'imageUrl'}Enter a web address that starts with http:// or https://, or nothing.{#is 'language'}Choose a language.{#is 'topics'}Use at most 20 topics of 50 characters.{#is 'targetGroupIds'}Choose groups of this organization.{#is 'publishAt'}Enter a date and time.{#is 'expiresAt'}The end must come after the publication.{#else}This message is too long for the network or contains a blocked phrase.{/when}")
    String field_error(String field);
}
