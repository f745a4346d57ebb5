package io.chorus.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The app's words for its frame, signing in, the charter, the feed and sharing, in templates as {@code app:key} (French
 * in messages/app_fr.properties). The other pages have bundles of their own.
 */
@MessageBundle(value = "app", locale = "en")
public interface AppMessages {

    @Message("Skip to the content")
    String skip_link();

    @Message("Main menu")
    String nav_label();

    @Message("Feed")
    String nav_feed();

    @Message("Suggest")
    String nav_suggest();

    @Message("My activity")
    String nav_activity();

    @Message("Leaderboards")
    String nav_leaderboards();

    @Message("Campaigns")
    String nav_campaigns();

    @Message("Privacy")
    String nav_privacy();

    @Message("Français")
    String language_switch();

    @Message("Voir Chorus en français")
    String language_switch_label();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Sign in")
    String signin_title();

    @Message("Share your company's news with your network, in one tap.")
    String signin_intro();

    @Message("Organization")
    String field_organization();

    @Message("The short name of your company in Chorus, as in your invitation (for example: acme).")
    String organization_hint();

    @Message("Email")
    String field_email();

    @Message("Password")
    String field_password();

    @Message("Sign in")
    String signin_button();

    @Message("Fill in your organization, email and password.")
    String signin_missing();

    @Message("These details do not match an account that can sign in. Check them and try again.")
    String signin_wrong();

    @Message("Too many attempts. Wait a few minutes, then try again.")
    String signin_throttled();

    @Message("This organization signs you in with single sign-on: use the button below.")
    String signin_sso_required();

    @Message("Sign in with {name}")
    String signin_with(String name);

    @Message("The app is for the colleagues who share")
    String refused_title();

    @Message("Your account has no ambassador role, so there is no feed to share from. Your administrator can add it; the admin UI is at /admin.")
    String refused_text();

    @Message("Invited? Open the link in your invitation to choose your password.")
    String invited_hint();

    @Message("Your feed")
    String feed_title();

    @Message("What {organization} suggests you share. Your own words are always welcome.")
    String feed_intro(String organization);

    @Message("Filter the feed")
    String filter_label();

    @Message("Topic")
    String field_topic();

    @Message("Topics")
    String topics_label();

    @Message("All topics")
    String all_topics();

    @Message("Language")
    String field_language();

    @Message("All languages")
    String all_languages();

    @Message("Filter")
    String filter_button();

    @Message("Nothing to share here yet. New content will show up as soon as it is published.")
    String feed_empty();

    @Message("Nothing matches this filter.")
    String feed_empty_filtered();

    @Message("Load more")
    String load_more();

    @Message("Published {when}")
    String published(String when);

    @Message("Suggested message")
    String suggested_message();

    @Message("Share on")
    String share_on();

    @Message("Write your own words")
    String own_words();

    @Message("Left empty, the suggested message for the network is posted. Your words are posted as you write them.")
    String own_words_hint();

    @Message("You have shared this")
    String shared_already();

    @Message("Shared on {network}")
    String shared_title(String network);

    @Message("Your share of “{title}” is recorded. Post it on {network}: the link below is yours, and every click on it counts for you.")
    String shared_intro(String title, String network);

    @Message("Open {network}")
    String open_network(String network);

    @Message("Your link")
    String your_link();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    @Message("Your message")
    String your_message();

    @Message("Edit before sharing")
    String edit_before_sharing();

    @Message("Edit before sharing on {network}")
    String compose_title(String network);

    @Message("This is the message suggested to you. Change it as you like: your words are posted as you write them.")
    String compose_hint();

    @Message("Share on {network}")
    String share_on_network(String network);

    @Message("Back to the feed")
    String back_to_feed();

    @Message("This content cannot be shared any more: it was withdrawn or has expired.")
    String share_not_published();

    @Message("You have made today's {limit} shares, the most your organization allows per person per day. Nothing was "
            + "shared: you can share again from {when}.")
    String share_limit_reached(int limit, String when);

    @Message("Your organization shares only at certain hours. Nothing was shared: you can share again from {when}.")
    String outside_sharing_hours(String when);

    @Message("Your message is too long for {network}: it may have at most {max} characters, links counted as the "
            + "network counts them, the disclosure line included.")
    String message_too_long(String network, int max);

    @Message("Our social media charter")
    String charter_title();

    @Message("Before your first share, please read {organization}'s charter (version {version}) and tell us whether you accept it.")
    String charter_intro(String organization, int version);

    @Message("I accept")
    String charter_accept();

    @Message("I decline")
    String charter_decline();

    @Message("You declined the charter")
    String declined_title();

    @Message("That is your choice, and nothing else changes: your account stays as it is. Sharing through "
            + "Chorus needs the charter accepted, so the feed will show the charter again whenever you come "
            + "back, in case you change your mind. If you would rather leave the programme, ask your "
            + "administrator to deactivate your account; your data can be downloaded or erased.")
    String declined_text();

    @Message("Read the charter again")
    String read_again();

    @Message("You have accepted version {version} of this charter.")
    String charter_accepted(int version);

    @Message("This page does not exist")
    String not_found_title();

    @Message("It may have been removed, or the link is incomplete.")
    String not_found_text();

    @Message("Something in the form is not right")
    String invalid_title();

    @Message("Nothing was changed. Go back and check what you entered.")
    String invalid_text();
}
