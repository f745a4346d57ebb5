package io.chorus.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The app's words for suggesting content, one's suggestions and the privacy page, in templates as {@code priv:key}
 * (French in messages/priv_fr.properties). What the privacy page says Chorus records is what the code records: change
 * both together.
 */
@MessageBundle(value = "priv", locale = "en")
public interface PrivacyMessages {

    // Suggesting content

    @Message("Suggest content")
    String submit_title();

    @Message("Found something {organization} could share? Send the link: the comms team reviews every suggestion before it reaches the feed.")
    String submit_intro(String organization);

    @Message("Link")
    String field_url();

    @Message("The address of the page, starting with https://")
    String url_hint();

    @Message("Title")
    String field_title();

    @Message("A few words that say what the page is about.")
    String title_hint();

    @Message("Suggested message (optional)")
    String field_message();

    @Message("What colleagues could post with the link, on every network. On X it may have at most {room} characters, each link counting as 23.")
    String message_hint(int room);

    @Message("Send for review")
    String submit_button();

    @Message("Nothing was sent. Check the fields marked below.")
    String submit_invalid();

    @Message("Paste the link to the page you suggest.")
    String url_missing();

    @Message("This is not a web address: it must start with https:// (or http://) and name a site.")
    String url_invalid();

    @Message("The link may have at most {max} characters.")
    String url_too_long(int max);

    @Message("Give your suggestion a title.")
    String title_missing();

    @Message("The title may have at most {max} characters.")
    String title_too_long(int max);

    @Message("Too long for {network}: it counts {length} characters there, and {network} allows {max}.")
    String message_too_long(String network, int length, int max);

    @Message("Too long for X: it counts {length} characters there (each link counts as 23, and 24 are kept "
            + "for your tracked link), and X allows {max}.")
    String message_too_long_x(int length, int max);

    @Message("“{phrase}” is not allowed by your organization's rules. Please reword it.")
    String blocked(String phrase);

    @Message("See my suggestions")
    String see_submissions();

    // My suggestions

    @Message("My suggestions")
    String submissions_title();

    @Message("What you suggested, and what the comms team decided.")
    String submissions_intro();

    @Message("Thank you! Your suggestion was sent: the comms team will review it.")
    String suggested_notice();

    @Message("You have not suggested anything yet.")
    String submissions_empty();

    @Message("Suggest content")
    String suggest_more();

    @Message("Status")
    String status_label();

    @Message("Waiting for review")
    String status_pending_review();

    @Message("Approved: in the feed")
    String status_published();

    @Message("Approved: in the feed from {when}")
    String status_scheduled(String when);

    @Message("Not accepted")
    String status_rejected();

    @Message("Was in the feed, now expired")
    String status_expired();

    @Message("Archived")
    String status_archived();

    @Message("Draft")
    String status_draft();

    @Message("Suggested {when}")
    String suggested_on(String when);

    @Message("Decided {when}")
    String decided_on(String when);

    @Message("Why it was not accepted")
    String rejection_reason();

    @Message("Older suggestions")
    String older();

    // Privacy

    @Message("Privacy")
    String privacy_title();

    @Message("Your choices, your data, and what Chorus records about you.")
    String privacy_intro();

    @Message("Leaderboards")
    String leaderboards_title();

    @Message("You appear on leaderboards.")
    String leaderboards_shown();

    @Message("You are hidden from leaderboards.")
    String leaderboards_hidden();

    @Message("Leaderboards show your name with your points, shares and clicks. Hidden, you leave every "
            + "leaderboard (every period, group and campaign) at once: your points still count, and you still "
            + "see your own rank.")
    String leaderboards_explained();

    @Message("Hide me from leaderboards")
    String leaderboards_hide();

    @Message("Show me on leaderboards")
    String leaderboards_show();

    @Message("Done: you no longer appear on anyone else's leaderboards.")
    String hidden_notice();

    @Message("Done: you appear on leaderboards again.")
    String shown_notice();

    @Message("This is not a choice the page offers: nothing was changed.")
    String visible_invalid();

    @Message("Your data")
    String data_title();

    @Message("Everything Chorus holds about you, as one JSON file to save: the same document as the API's export (GET /api/v1/me/data).")
    String data_text();

    @Message("Download my data")
    String data_download();

    @Message("The charter")
    String charter_title();

    @Message("You have accepted version {version} of {organization}'s charter.")
    String charter_accepted(int version, String organization);

    @Message("Version {version} of {organization}'s charter awaits your answer.")
    String charter_pending(int version, String organization);

    @Message("{organization} has not published a charter.")
    String charter_none(String organization);

    @Message("Read the charter")
    String charter_read();

    @Message("What Chorus records about you")
    String records_title();

    @Message("Your profile")
    String records_profile_title();

    @Message("Your name, email address and language, the groups you belong to and your roles (set by your "
            + "administrator), whether you appear on leaderboards, and when your account was created and last "
            + "changed. Your password is kept only as a one-way hash.")
    String records_profile();

    @Message("Your shares")
    String records_shares_title();

    @Message("For each share: what you shared, when, on which network, and the exact message posted (with "
            + "the disclosure line, when your organization adds one), with your tracked link.")
    String records_shares();

    @Message("Clicks on your links")
    String records_clicks_title();

    @Message("Counted anonymously: for each click, its time, the site it came from, the kind of browser, and "
            + "whether it came from a robot or from you. No names and no IP addresses: a visitor is an "
            + "anonymous id, a keyed hash that changes every day and whose key is deleted after two days, so "
            + "it leads back to no one. So that your own clicks do not count, the anonymous id of the browser "
            + "you share from is kept for two days as well.")
    String records_clicks();

    @Message("Points and badges")
    String records_points_title();

    @Message("Each point you earned and why (a share, a click, an approved suggestion, a campaign, or a "
            + "correction by an administrator with its reason), and your badges.")
    String records_points();

    @Message("Your suggestions")
    String records_submissions_title();

    @Message("What you suggested, and what the comms team decided.")
    String records_submissions();

    @Message("Charter acceptances")
    String records_charter_title();

    @Message("Which versions of the charter you accepted, and when.")
    String records_charter();

    @Message("The audit trail")
    String records_audit_title();

    @Message("What you did, or what was done to your account: your invitation, changes to your roles, groups "
            + "or status, point corrections, charter acceptances, and failed sign-ins with your email address "
            + "(noted with a keyed hash of the address they came from, never the address itself). It names "
            + "people by id only.")
    String records_audit();

    @Message("Who sees what")
    String who_title();

    @Message("Leaderboards, in the app and in the admin UI, campaigns included: your name, points, shares "
            + "and clicks, unless you hide from them above.")
    String who_leaderboards();

    @Message("The comms team (curators): your name on the suggestions you send.")
    String who_curators();

    @Message("Administrators: your account (name, email address, roles, groups, status) and the audit trail.")
    String who_admins();

    @Message("Analysts: totals only. A figure broken down by group covers at least {min} people (smaller "
            + "groups are folded into “other”), so that no one can be singled out; figures per person appear "
            + "only on leaderboards, which honour your choice.")
    String who_analysts(int min);

    @Message("Erasure")
    String erasure_title();

    @Message("You can ask an administrator to erase you. Your name (shown as “Erased member” from then on), "
            + "email address, password, sessions and invitations are removed for good, and so is what you "
            + "wrote: your shares' messages, your suggestions awaiting review or not accepted, and the "
            + "reasons of the point corrections made to you. Your shares, clicks and points stay counted "
            + "under that anonymous identity, so that your organization's figures do not change, and you "
            + "appear on no leaderboard again.")
    String erasure_text();
}
