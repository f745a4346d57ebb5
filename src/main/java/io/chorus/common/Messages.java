package io.chorus.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word the server-rendered pages show, in English; French in messages/msg_fr.properties. */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    /** The page's language tag. */
    @Message("en")
    String lang();

    @Message("Join {organization}")
    String join_title(String organization);

    @Message("You have been invited as {email}. Choose the name your colleagues will see and a password to sign in.")
    String join_intro(String email);

    @Message("Your name")
    String your_name();

    @Message("Choose a password")
    String choose_password();

    @Message("At least 10 characters.")
    String password_hint();

    @Message("Join")
    String join_button();

    @Message("Please enter your name.")
    String error_name();

    @Message("Your password needs at least 10 characters.")
    String error_password();

    @Message("Welcome aboard")
    String welcome_title();

    @Message("You are now a member of {organization}. Sign in with {email} in the Chorus app.")
    String welcome_text(String organization, String email);

    @Message("This invitation cannot be used")
    String unavailable_title();

    @Message("It has expired. Ask your administrator to send you a new one.")
    String unavailable_expired();

    @Message("It has already been used or was withdrawn. If you already joined, just sign in.")
    String unavailable_used();

    @Message("This share link does not work")
    String share_link_refused_title();

    @Message("It has expired. Open the Chorus app or your latest digest for a fresh one.")
    String share_link_expired();

    @Message("It is incomplete or has been altered. Copy the whole link from your email or chat message.")
    String share_link_invalid();

    @Message("This content can no longer be shared")
    String share_link_gone_title();

    @Message("It has been archived or is no longer in your feed. Thank you for sharing!")
    String share_link_gone();

    @Message("First, the social-media charter")
    String share_link_charter_title();

    @Message("Your organization asks everyone to accept version {version} of its social-media charter before sharing. "
            + "Open the Chorus app to read and accept it, then follow this link again: nothing has been shared yet.")
    String share_link_charter(int version);

    @Message("Enough shares for today")
    String share_link_limit_title();

    @Message("Your organization allows {limit} shares per person per day, and you have made them. Nothing has been "
            + "shared: follow this link again from {when}.")
    String share_link_limit(int limit, String when);

    @Message("Outside sharing hours")
    String share_link_hours_title();

    @Message("Your organization shares only at certain hours. Nothing has been shared: follow this link again from "
            + "{when}.")
    String share_link_hours(String when);

    @Message("This link does not exist")
    String short_link_unknown_title();

    @Message("Check that it was copied completely.")
    String short_link_unknown();

    @Message("This link is unavailable for a moment")
    String short_link_unavailable_title();

    @Message("Please try again in a few seconds.")
    String short_link_unavailable();
}
