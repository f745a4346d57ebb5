package io.chorus.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The app's words for the member's activity, the leaderboards and the campaigns, in templates as {@code act:key}
 * (French in messages/act_fr.properties). Figures come in already formatted for the page's language.
 */
@MessageBundle(value = "act", locale = "en")
public interface ActivityMessages {

    // My activity

    @Message("My activity")
    String activity_title();

    @Message("Your points, your level, your badges, and what your shares brought in.")
    String activity_intro();

    @Message("My score")
    String score_heading();

    @Message("Points")
    String points_label();

    @Message("Rank this month")
    String month_rank_label();

    @Message("Points this month: {points}")
    String month_points(String points);

    @Message("Not ranked yet this month")
    String month_not_ranked();

    @Message("You hide from leaderboards: only you see your rank.")
    String hidden_note();

    @Message("Conversions")
    String conversions_label();

    @Message("Level {number}")
    String level(int number);

    @Message("Progress to level {next}")
    String level_progress(int next);

    @Message("Points still to earn for level {next}: {points}")
    String level_next(String points, int next);

    @Message("You have reached the top level.")
    String level_top();

    @Message("Badges")
    String badges_heading();

    @Message("No badge yet: your first share earns one.")
    String badges_empty();

    @Message("{#when id}{#is 'first_share'}First share{#is 'shares_10'}10 shares{#is 'shares_50'}50 "
            + "shares{#is 'shares_100'}100 shares{#is 'first_click'}First click{#is 'clicks_100'}100 "
            + "clicks{#is 'submission_approved'}Suggestion published{#is 'streak_4_weeks'}Four weeks in a "
            + "row{#is 'top10_month'}Top 10 of {month}{#is 'campaign_goal'}Goal reached: "
            + "{campaign}{#else}{id}{/when}")
    String badge(String id, String campaign, String month);

    @Message("Earned on {date}")
    String badge_earned(String date);

    @Message("Where my points come from")
    String breakdown_heading();

    @Message("Shares")
    String source_share();

    @Message("Clicks on my links")
    String source_click();

    @Message("Suggestions published")
    String source_submission();

    @Message("Campaign bonuses")
    String source_campaign();

    @Message("Adjustments")
    String source_adjustment();

    @Message("Conversions on my links")
    String source_conversion();

    @Message("Total")
    String source_total();

    @Message("My shares")
    String shares_heading();

    @Message("Newest first. Clicks count people only: robots and your own clicks are left out. Conversions are what "
            + "visitors your link brought did on the organization's site (a purchase, a sign-up), as the site reported them.")
    String shares_intro();

    @Message("You have not shared anything yet. The feed has something for you.")
    String shares_empty();

    @Message("Clicks")
    String clicks();

    @Message("Unique visitors")
    String unique_visitors();

    @Message("Conversions")
    String conversions();

    @Message("Conversion value")
    String conversion_value();

    @Message("My link and message")
    String share_link();

    @Message("Load more")
    String load_more();

    @Message("Back to my latest shares")
    String latest_shares();

    // Leaderboards

    @Message("Leaderboards")
    String leaderboards_title();

    @Message("Who shares most at {organization}, ranked by points.")
    String leaderboards_intro(String organization);

    @Message("Choose a leaderboard")
    String board_filter();

    @Message("Period")
    String field_period();

    @Message("{#when period}{#is 'week'}This week{#is 'month'}This month{#is 'quarter'}This quarter{#is "
            + "'year'}This year{#is 'all'}All time{#else}{period}{/when}")
    String period(String period);

    @Message("Group")
    String field_group();

    @Message("Everyone")
    String everyone();

    @Message("Show")
    String show_button();

    @Message("From {from} to {to}")
    String range(String from, String to);

    @Message("All time, up to {to}")
    String range_all(String to);

    @Message("“{period}” is not a period. Here is this month; choose this week, this month, this quarter, this year or all time.")
    String bad_period(String period);

    @Message("Rank")
    String col_rank();

    @Message("Colleague")
    String col_member();

    @Message("Points")
    String col_points();

    @Message("Shares")
    String col_shares();

    @Message("Clicks")
    String col_clicks();

    @Message("Tied")
    String tied();

    @Message("you")
    String you();

    @Message("Nobody has scored in this period yet.")
    String board_empty();

    @Message("My standing")
    String my_standing();

    @Message("Rank {rank}")
    String standing_rank(String rank);

    @Message("Points: {points} · shares: {shares} · clicks: {clicks}")
    String standing_figures(String points, String shares, String clicks);

    @Message("You are not in the top {top} yet.")
    String not_in_top(int top);

    @Message("Only the top {top} are listed. Colleagues who hide from leaderboards are not.")
    String board_note(int top);

    // Campaigns

    @Message("Campaigns")
    String campaigns_title();

    @Message("Challenges running now: share their content to move the goal and climb their leaderboard.")
    String campaigns_intro();

    @Message("No campaign is running right now.")
    String campaigns_empty();

    @Message("More campaigns")
    String more_campaigns();

    @Message("{#when status}{#is 'upcoming'}Upcoming{#is 'active'}Running{#is 'ended'}Ended{#else}{status}{/when}")
    String campaign_status(String status);

    @Message("From {from} to {to}")
    String campaign_window(String from, String to);

    @Message("Goal")
    String goal_label();

    @Message("{value} of {target} {#when metric}{#is 'shares'}shares{#is 'clicks'}clicks{#else}points{/when} ({percent}%)")
    String goal_progress(String metric, String value, String target, int percent);

    @Message("reached on {date}")
    String goal_reached(String date);

    @Message("Reward")
    String reward_label();

    @Message("{points} bonus points for every participant once the goal is reached")
    String bonus_points(String points);

    @Message("For")
    String audience_label();

    @Message("This campaign is for other groups: your shares do not count in it.")
    String not_for_me();

    @Message("You have not taken part yet: share its content to join in.")
    String not_started();

    @Message("See the campaign")
    String campaign_open();

    @Message("See the campaign “{name}”")
    String campaign_open_label(String name);

    @Message("All campaigns")
    String back_to_campaigns();

    @Message("Leaderboard")
    String campaign_leaderboard();

    @Message("Nobody has scored in this campaign yet.")
    String campaign_leaderboard_empty();

    @Message("Only the top {top} are listed.")
    String campaign_board_note(int top);

    @Message("Content to share")
    String campaign_content();

    @Message("None of this campaign's content is in your feed.")
    String campaign_content_none();
}
