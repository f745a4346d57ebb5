package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for campaigns, in English, in templates as {@code camp:key}; French in
 * messages/camp_fr.properties.
 */
@MessageBundle(value = "camp", locale = "en")
public interface CampaignMessages {

    @Message("Campaigns")
    String campaigns_title();

    @Message("Time-boxed challenges on chosen content for chosen groups, with a goal, a reward and their own leaderboard.")
    String campaigns_intro();

    @Message("Campaign filters")
    String campaigns_filters();

    @Message("New campaign")
    String campaign_new();

    @Message("Edit the campaign")
    String campaign_edit();

    @Message("{#when done}{#is 'created'}The campaign is created.{#is 'saved'}Your changes are saved.{#else}Done.{/when}")
    String campaign_done(String done);

    @Message("Campaign")
    String col_campaign();

    @Message("Dates")
    String col_window();

    @Message("Goal")
    String col_goal();

    @Message("Participants")
    String col_participants();

    @Message("{from} to {to}")
    String campaign_window(String from, String to);

    @Message("No campaign yet.")
    String campaigns_empty();

    @Message("No campaign has this status.")
    String campaigns_none_with_status();

    @Message("{#if count == 1}participant{#else}participants{/if}")
    String participants_label(long count);

    @Message("Ambassadors of the chosen groups score on the chosen content while the campaign runs: its leaderboard counts only that.")
    String campaign_form_intro();

    @Message("Description")
    String field_description();

    @Message("Reward")
    String field_reward();

    @Message("e.g. Lunch with the CEO for the top three")
    String reward_placeholder();

    @Message("In words: Chorus shows it to ambassadors; it does not hand it out.")
    String reward_hint();

    @Message("Campaign content")
    String field_campaign_content();

    @Message("The latest {max} published items, and those the campaign already has. Points earned on them during the campaign count.")
    String campaign_content_hint(int max);

    @Message("Nothing is published yet: publish content first.")
    String campaign_no_content();

    @Message("When")
    String campaign_window_legend();

    @Message("Starts ({zone} time)")
    String field_starts_at(String zone);

    @Message("Ends ({zone} time)")
    String field_ends_at(String zone);

    @Message("This organization has no groups yet: the campaign is for every ambassador.")
    String campaign_no_groups();

    @Message("Tick none for every ambassador.")
    String campaign_groups_hint();

    @Message("Goal and bonus")
    String goal_legend();

    @Message("The goal counts")
    String field_goal_metric();

    @Message("Target, across all participants")
    String field_goal_target();

    @Message("e.g. 50 shares. Its progress shows live; reaching it earns every participant a badge.")
    String goal_hint();

    @Message("Bonus points")
    String field_bonus_points();

    @Message("Given to every participant when the goal is reached.")
    String bonus_hint();

    @Message("Create the campaign")
    String campaign_create();

    @Message("Leaderboard")
    String campaign_leaderboard();

    @Message("Nobody has scored on this campaign yet.")
    String campaign_leaderboard_empty();

    @Message("Figures as of {date}.")
    String campaign_as_of(String date);

    @Message("They refresh every 5 seconds while this page is open.")
    String campaign_refresh_note();

    @Message("Reload the page to see the latest figures.")
    String campaign_reload_note();

    @Message("The campaign is over: these are its final figures.")
    String campaign_ended_note();

    @Message("The top {top}, counting only what was earned on the campaign's content, during its dates, by "
            + "its audience. Members with the same figure share a rank. Deactivated members, and members who "
            + "hide from leaderboards, count in the totals but are not listed.")
    String campaign_leaderboard_note(int top);

    @Message("About")
    String campaign_about();

    @Message("No reward")
    String campaign_no_reward();

    @Message("{points} points for every participant once the goal is reached")
    String bonus_points(String points);

    @Message("None")
    String campaign_no_bonus();

    @Message("Link tag (utm_campaign)")
    String field_utm();

    @Message("Campaign leaderboards")
    String campaign_leaderboards_link();
}
