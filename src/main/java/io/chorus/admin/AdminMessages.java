package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's frame (navigation, sign-in, the dashboard's header) and the words several pages share, in English, in
 * templates as {@code admin:key}; French in messages/admin_fr.properties. Each page's own words are in a bundle of its
 * own ({@link ContentMessages}, {@link CampaignMessages}, {@link MembersMessages}, {@link SettingsMessages},
 * {@link LeaderboardMessages}, {@link DashboardMessages}). A list of short declarations, three lines each, so longer
 * than a room of code: splitting it further would scatter the frame's words.
 */
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

    @Message("Campaigns")
    String nav_campaigns();

    @Message("Leaderboards")
    String nav_leaderboards();

    @Message("Members")
    String nav_members();

    @Message("Groups")
    String nav_groups();

    @Message("Settings")
    String nav_settings();

    @Message("Sign out")
    String sign_out();

    @Message("Français")
    String language_switch();

    @Message("Afficher en français")
    String language_switch_label();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

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

    @Message("This organization signs you in with single sign-on: use the button below.")
    String signin_sso_required();

    @Message("Sign in with {name}")
    String signin_with(String name);

    @Message("This space is for your comms team")
    String refused_title();

    @Message("Your account is an ambassador account: read and share content in the Chorus app. The admin "
            + "workspace is for curators, analysts and administrators.")
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

    @Message("More")
    String next_page();

    @Message("{#when done}{#is 'approved'}The submission is approved.{#is 'rejected'}The submission is "
            + "rejected.{#is 'created'}The draft is saved.{#is 'saved'}Your changes are saved.{#is "
            + "'published'}The content is published.{#is 'archived'}The content is archived.{#is "
            + "'language'}Language changed.{#is 'member_saved'}The roles and groups are saved.{#is "
            + "'deactivated'}The member is deactivated.{#is 'active'}The member is active again.{#is "
            + "'reinvited'}A new invitation link is ready; the earlier one no longer works.{#is "
            + "'group_created'}The group is created.{#is 'group_saved'}The group is saved.{#is "
            + "'group_deleted'}The group is deleted.{#is 'scoring_saved'}The scoring rules are saved. They "
            + "apply from now on.{#is 'organization_saved'}The time zone, levels and cost per click are "
            + "saved.{#is 'sharing_saved'}The disclosure and the networks are saved.{#is "
            + "'share_rules_saved'}The sharing rules are saved. They apply to new shares from now on.{#is "
            + "'blocklist_saved'}The blocklist is saved.{#is 'charter_published'}The new charter version is "
            + "published. Members accept it before their next share.{#else}Done.{/when}")
    String done(String done);

    @Message("Status")
    String filter_status();

    @Message("All")
    String status_all();

    @Message("Search")
    String search();

    @Message("Filter")
    String filter_button();

    @Message("Title")
    String col_title();

    @Message("{#when status}{#is 'draft'}Draft{#is 'pending_review'}Pending review{#is "
            + "'rejected'}Rejected{#is 'scheduled'}Scheduled{#is 'published'}Published{#is "
            + "'expired'}Expired{#is 'archived'}Archived{/when}")
    String status(String status);

    @Message("{#when code}{#is 'en'}English{#is 'fr'}French{#is 'de'}German{#is 'es'}Spanish{#is "
            + "'it'}Italian{#is 'nl'}Dutch{#is 'pt'}Portuguese{#else}{code}{/when}")
    String language(String code);

    @Message("Edit content")
    String editor_edit();

    @Message("Language")
    String field_language();

    @Message("Audience")
    String targeting();

    @Message("Groups")
    String field_groups();

    @Message("{#when network}{#is 'linkedin'}LinkedIn{#is 'x'}X{#is 'facebook'}Facebook{#is 'xing'}XING{#is "
            + "'whatsapp'}WhatsApp{#is 'email'}Email{/when}")
    String network(String network);

    @Message("Save")
    String save();

    @Message("Cancel")
    String cancel();

    @Message("Check the highlighted fields.")
    String error_summary();

    @Message("{#when status}{#is 'upcoming'}Upcoming{#is 'active'}Running{#is 'ended'}Ended{#else}{status}{/when}")
    String campaign_status(String status);

    @Message("{value} of {target} {#when metric}{#is 'shares'}shares{#is 'clicks'}clicks{#else}points{/when} ({percent}%)")
    String goal_progress(String metric, String value, String target, int percent);

    @Message("reached {date}")
    String goal_reached(String date);

    @Message("No goal")
    String goal_none();

    @Message("{#when field}{#is 'name'}Enter a name of at most 200 characters.{#is 'description'}Use at most "
            + "5,000 characters.{#is 'startsAt'}Enter the date and time the campaign starts.{#is "
            + "'endsAt'}Enter an end that comes after the start.{#is 'contentIds'}Choose between 1 and 100 "
            + "content items of this organization.{#is 'targetGroupIds'}Choose at most 100 groups of this "
            + "organization.{#is 'goalMetric'}Choose what the goal counts, or clear its target.{#is "
            + "'goalTarget'}Enter a whole number from 1 to 100,000,000.{#is 'reward'}Use at most 1,000 "
            + "characters.{#is 'bonusPoints'}Enter a whole number from 0 to 100,000, or leave it empty.{#is "
            + "'announce'}Tick the box, or leave it empty.{#else}Check this field.{/when}")
    String campaign_error(String field);

    @Message("Members")
    String members_title();

    @Message("Group")
    String field_group();

    @Message("{#when role}{#is 'ambassador'}Ambassador{#is 'curator'}Curator{#is 'analyst'}Analyst{#is 'admin'}Admin{#else}{role}{/when}")
    String role(String role);

    @Message("{#when role}{#is 'ambassador'}shares content with their networks{#is 'curator'}curates content "
            + "and moderates submissions{#is 'analyst'}reads leaderboards and statistics{#is 'admin'}manages "
            + "members, groups and settings, and can do everything{#else}{/when}")
    String role_hint(String role);

    @Message("{#when status}{#is 'invited'}Invited{#is 'active'}Active{#is 'deactivated'}Deactivated{#else}{status}{/when}")
    String member_status(String status);

    @Message("{#when kind}{#is 'department'}Department{#is 'location'}Location{#is 'team'}Team{#is 'programme'}Programme{#else}{kind}{/when}")
    String group_kind(String kind);

    @Message("Member")
    String col_member();

    @Message("Roles")
    String col_roles();

    @Message("There are no groups yet.")
    String no_groups_yet();

    @Message("Invitation link")
    String invitation_link_title();

    @Message("Send this link to the new member: it lets them choose their password, once, until {date}.")
    String invitation_link_text(String date);

    @Message("Name")
    String field_name();

    /** Why a field or an imported row was refused. */
    @Message("{#when problem}{#is 'missing_email'}Enter an email address.{#is 'invalid_email'}Enter a valid "
            + "email address (at most 320 characters).{#is 'email_taken'}A member with this email already "
            + "exists.{#is 'missing_name'}Enter a name.{#is 'invalid_name'}Use a name of at most 200 "
            + "characters.{#is 'missing_role'}Choose at least one role.{#is 'unknown_role'}“{detail}” is not "
            + "a role: use ambassador, curator, analyst or admin.{#is 'unknown_group'}{#if detail}There is no "
            + "group called “{detail}”: create it first, or fix its name.{#else}Choose groups of this "
            + "organization.{/if}{#is 'invalid_language'}Use a language code such as en or fr.{#is "
            + "'duplicate'}Same email as row {detail}, already invited from this file.{#is "
            + "'extra_values'}This row has more values than the header has columns (put a value that holds a "
            + "separator in quotation marks).{#is 'last-admin'}The organization must keep at least one active "
            + "admin.{#is 'invitation-not-accepted'}This member never accepted their invitation: send a new "
            + "invitation link instead.{#is 'already-member'}This member already has an account.{#is "
            + "'group-name-taken'}A group with this name already exists.{#is 'group-in-use'}Content or "
            + "campaigns are aimed at this group: take it out of their audience first, or they would reach "
            + "every member.{#is 'group_name'}Enter a name of at most 200 characters.{#is 'group_kind'}Choose "
            + "a kind.{#is 'points'}Enter a whole number from 0 to 10,000.{#is 'cap'}Enter a whole number "
            + "from 0 to 1,000,000, or leave it empty for no cap.{#is 'cost_per_click'}Enter an amount above "
            + "0 and at most 1,000, with at most 4 decimals, such as 0.85, or leave it empty.{#is "
            + "'currency'}Enter a currency code such as EUR, USD or GBP.{#is 'time_zone'}Choose a time zone "
            + "from the list, such as Europe/Paris.{#is 'levels'}Enter 2 to 20 whole numbers separated by "
            + "commas, starting at 0 and increasing, such as 0, 100, 250.{#is 'disclosure_too_long'}Use at "
            + "most 500 characters.{#is 'disclosure_needed'}A mandatory disclosure needs a line: write one, "
            + "or untick the box.{#is 'networks_none'}Tick at least one network.{#is "
            + "'daily_share_limit'}Enter a whole number from 1 to 1,000.{#is 'sharing_hours'}Enter a start "
            + "and an end such as 08:00 and 20:00, different from each other.{#is 'blocklist_too_many'}Use "
            + "at most 200 entries.{#is 'blocklist_too_long'}“{detail}” is longer than 200 characters.{#is "
            + "'blocklist_regex'}“{detail}” is not a valid regular expression.{#is 'charter_required'}Write "
            + "the charter before publishing it.{#is 'charter_too_long'}The charter may hold at most 100,000 "
            + "characters.{#is 'charter_unchanged'}This is the text of the current version: change it before "
            + "publishing a new one.{#else}Check this field.{/when}")
    String problem(String problem, String detail);

    @Message("Settings")
    String settings_title();

    @Message("How your organization scores, counts time, discloses and moderates. Every change is recorded in the audit trail.")
    String settings_intro();

    @Message("General")
    String settings_general();

    @Message("Charter")
    String charter_title();

    @Message("Leaderboard filters")
    String leaderboards_filters();

    @Message("Everyone")
    String everyone();

    @Message("Ranked by")
    String field_metric();

    @Message("{#when metric}{#is 'points'}Points{#is 'shares'}Shares{#is 'clicks'}Clicks{#else}{metric}{/when}")
    String metric(String metric);

    @Message("From {from} to {to}")
    String range(String from, String to);

    @Message("Rank")
    String col_rank();

    @Message("Tied")
    String tied();

    @Message("Nobody has scored in this period yet.")
    String leaderboard_empty();
}
