package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for the organization's settings and its charter, in English, in templates as {@code sett:key};
 * French in messages/sett_fr.properties.
 */
@MessageBundle(value = "sett", locale = "en")
public interface SettingsMessages {

    @Message("Scoring rules")
    String scoring_title();

    @Message("Points per action and the most one member can earn from it in a day. Changes apply from now on: points already earned stay.")
    String scoring_intro();

    @Message("Action")
    String col_action();

    @Message("Points")
    String col_points();

    @Message("Daily cap")
    String col_daily_cap();

    @Message("{#when action}{#is 'share'}Share{#is 'click'}Click received{#is "
            + "'submission_approved'}Submission approved{#is 'conversion'}Conversion "
            + "credited{#else}{action}{/when}")
    String scoring_action(String action);

    @Message("No cap")
    String no_cap();

    @Message("A click counts once per visitor and share; robots and a member's own clicks never count. A conversion "
            + "counts once, when it is credited to a member's share; at 0 points (the default) conversions earn nothing.")
    String scoring_hint();

    @Message("Time zone and levels")
    String organization_title();

    @Message("Time zone")
    String field_time_zone();

    @Message("Days, weeks and months of caps and leaderboards follow it, and so do the dates in this workspace.")
    String time_zone_hint();

    @Message("Levels")
    String field_levels();

    @Message("The lifetime points at which each level starts, separated by commas. The first is 0.")
    String levels_hint();

    @Message("Cost per click")
    String field_cost_per_click();

    @Message("Currency")
    String field_currency();

    @Message("What one click on a shared link is worth to you, e.g. what you would pay per click for an ad "
            + "(a currency code such as EUR). Analytics then show an earned media value: an estimate, never "
            + "revenue. Leave it empty to show none.")
    String cost_per_click_hint();

    @Message("Disclosure")
    String disclosure_title();

    @Message("A line added to shared messages so that readers know the author works for you.")
    String disclosure_intro();

    @Message("Disclosure line")
    String field_disclosure();

    @Message("e.g. I work at Acme.")
    String disclosure_placeholder();

    @Message("Mandatory: ambassadors cannot remove it")
    String field_disclosure_mandatory();

    @Message("Networks")
    String field_networks();

    @Message("Members share on these networks only: the app and the one-click links offer no other, and the API refuses a share on another.")
    String networks_hint();

    @Message("{#when network}{#is 'linkedin'}LinkedIn{#is 'x'}X{#is 'facebook'}Facebook{#is 'xing'}XING{#is "
            + "'whatsapp'}WhatsApp{#is 'email'}Email{#else}{network}{/when}")
    String network_name(String network);

    @Message("Sharing rules")
    String share_rules_title();

    @Message("Limits on new shares, the same in the API, the app and the one-click links; days and hours are those of "
            + "the organization's time zone ({zone}).")
    String share_rules_intro(String zone);

    @Message("Shares per member per day")
    String field_daily_share_limit();

    @Message("From 1 to 1,000 (15 by default). Asking again for a share already made never counts. A member shares "
            + "an item once per network, always.")
    String daily_share_limit_hint();

    @Message("Sharing hours: refuse shares outside them")
    String field_sharing_hours();

    @Message("From")
    String field_sharing_from();

    @Message("Until")
    String field_sharing_to();

    @Message("An end before the start runs over midnight, such as 22:00 until 06:00.")
    String sharing_hours_hint();

    @Message("Blocklist")
    String blocklist_title();

    @Message("Submissions and suggested messages containing these are refused.")
    String blocklist_intro();

    @Message("Phrases")
    String field_phrases();

    @Message("One per line; whole words, any case.")
    String phrases_hint();

    @Message("Regular expressions")
    String field_patterns();

    @Message("One per line, for advanced use; any case.")
    String patterns_hint();

    @Message("Version {version}, published {date}.")
    String charter_current(int version, String date);

    @Message("No charter yet: ambassadors share without accepting one.")
    String charter_none();

    @Message("The social-media charter every member accepts before sharing. Publishing a new version asks everyone to accept it again.")
    String charter_intro();

    @Message("Text (Markdown)")
    String field_charter_text();

    @Message("Markdown: # for headings, - for lists, **bold**, [link](https://…).")
    String charter_hint();

    @Message("Publish as version {version}")
    String charter_publish_next(int version);

    @Message("Publish the charter")
    String charter_publish_first();
}
