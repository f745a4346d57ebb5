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

    @Message("This organization signs you in with single sign-on: use the button below.")
    String signin_sso_required();

    @Message("Sign in with {name}")
    String signin_with(String name);

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

    @Message("{#when done}{#is 'approved'}The submission is approved.{#is 'rejected'}The submission is rejected.{#is 'created'}The draft is saved.{#is 'saved'}Your changes are saved.{#is 'published'}The content is published.{#is 'archived'}The content is archived.{#is 'language'}Language changed.{#is 'member_saved'}The roles and groups are saved.{#is 'deactivated'}The member is deactivated.{#is 'active'}The member is active again.{#is 'reinvited'}A new invitation link is ready; the earlier one no longer works.{#is 'group_created'}The group is created.{#is 'group_saved'}The group is saved.{#is 'group_deleted'}The group is deleted.{#is 'scoring_saved'}The scoring rules are saved. They apply from now on.{#is 'organization_saved'}The time zone, levels and cost per click are saved.{#is 'sharing_saved'}The disclosure and the networks are saved.{#is 'blocklist_saved'}The blocklist is saved.{#is 'charter_published'}The new charter version is published. Members accept it before their next share.{#else}Done.{/when}")
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

    @Message("Publish at ({zone} time)")
    String field_publish_at(String zone);

    @Message("Expires at ({zone} time)")
    String field_expires_at(String zone);

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

    // --- Campaigns ---------------------------------------------------------------------------------

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

    @Message("{#when status}{#is 'upcoming'}Upcoming{#is 'active'}Running{#is 'ended'}Ended{#else}{status}{/when}")
    String campaign_status(String status);

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

    @Message("{value} of {target} {#when metric}{#is 'shares'}shares{#is 'clicks'}clicks{#else}points{/when} ({percent}%)")
    String goal_progress(String metric, String value, String target, int percent);

    @Message("reached {date}")
    String goal_reached(String date);

    @Message("No goal")
    String goal_none();

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

    @Message("{#when field}{#is 'name'}Enter a name of at most 200 characters.{#is 'description'}Use at most 5,000 characters.{#is 'startsAt'}Enter the date and time the campaign starts.{#is 'endsAt'}Enter an end that comes after the start.{#is 'contentIds'}Choose between 1 and 100 content items of this organization.{#is 'targetGroupIds'}Choose at most 100 groups of this organization.{#is 'goalMetric'}Choose what the goal counts, or clear its target.{#is 'goalTarget'}Enter a whole number from 1 to 100,000,000.{#is 'reward'}Use at most 1,000 characters.{#is 'bonusPoints'}Enter a whole number from 0 to 100,000, or leave it empty.{#is 'announce'}Tick the box, or leave it empty.{#else}Check this field.{/when}")
    String campaign_error(String field);

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

    @Message("The top {top}, counting only what was earned on the campaign's content, during its dates, by its audience. Members with the same figure share a rank. Deactivated members, and members who hide from leaderboards, count in the totals but are not listed.")
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

    // --- Members -----------------------------------------------------------------------------------

    @Message("Members")
    String members_title();

    @Message("Everyone in the organization, by email. Invite, give roles and groups, deactivate.")
    String members_intro();

    @Message("Invite members")
    String action_invite();

    @Message("Name or email")
    String members_search_placeholder();

    @Message("Role")
    String field_role();

    @Message("Group")
    String field_group();

    @Message("{#when role}{#is 'ambassador'}Ambassador{#is 'curator'}Curator{#is 'analyst'}Analyst{#is 'admin'}Admin{#else}{role}{/when}")
    String role(String role);

    @Message("{#when role}{#is 'ambassador'}shares content with their networks{#is 'curator'}curates content and moderates submissions{#is 'analyst'}reads leaderboards and statistics{#is 'admin'}manages members, groups and settings, and can do everything{#else}{/when}")
    String role_hint(String role);

    @Message("{#when status}{#is 'invited'}Invited{#is 'active'}Active{#is 'deactivated'}Deactivated{#else}{status}{/when}")
    String member_status(String status);

    @Message("{#when kind}{#is 'department'}Department{#is 'location'}Location{#is 'team'}Team{#is 'programme'}Programme{#else}{kind}{/when}")
    String group_kind(String kind);

    @Message("Member")
    String col_member();

    @Message("Roles")
    String col_roles();

    @Message("Since")
    String col_since();

    @Message("No member matches.")
    String members_empty();

    @Message("Access")
    String member_access();

    @Message("Account")
    String member_account();

    @Message("Member since {date}")
    String member_since(String date);

    @Message("There are no groups yet.")
    String no_groups_yet();

    @Message("Deactivate")
    String deactivate();

    @Message("They can no longer sign in or share, and leave the leaderboards. Their shares, clicks and points stay counted.")
    String deactivate_hint();

    @Message("Reactivate")
    String reactivate();

    @Message("They can sign in and share again with their password.")
    String reactivate_hint();

    @Message("New invitation link")
    String reinvite();

    @Message("Earlier links stop working.")
    String reinvite_hint();

    @Message("Invitation link")
    String invitation_link_title();

    @Message("Send this link to the new member: it lets them choose their password, once, until {date}.")
    String invitation_link_text(String date);

    @Message("Invitation link for {email}")
    String invitation_link_for(String email);

    // --- Inviting ----------------------------------------------------------------------------------

    @Message("Invite members")
    String invite_title();

    @Message("Each new member gets an invitation link to choose their password.")
    String invite_intro();

    @Message("One member")
    String invite_single();

    @Message("Name")
    String field_name();

    @Message("Send the invitation")
    String invite_button();

    @Message("Several members from a file")
    String import_title();

    @Message("A CSV file (from any spreadsheet) with a header row, then one member per row:")
    String import_intro();

    @Message("Columns, in any order: email and name (required), roles, groups, language. Commas, semicolons or tabs separate them.")
    String import_rule_columns();

    @Message("Roles: ambassador, curator, analyst or admin, several separated by |. Empty: ambassador.")
    String import_rule_roles();

    @Message("Groups: names of existing groups, several separated by |.")
    String import_rule_groups();

    @Message("Language: a code such as en or fr. Empty: the language chosen below.")
    String import_rule_language();

    @Message("At most {max} members per file, saved as CSV UTF-8. Each row is invited on its own: a bad row never stops the others.")
    String import_rule_limits(int max);

    @Message("CSV file")
    String import_file();

    @Message("Language of members without one")
    String import_language();

    @Message("Import and invite")
    String import_button();

    @Message("{#when problem}{#is 'no_file'}Choose a CSV file.{#is 'not_utf8'}The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8”.{#is 'empty'}The file is empty.{#is 'no_rows'}The file has a header row but no member.{#is 'unknown_column'}Unknown column “{detail}”: use email, name, roles, groups and language.{#is 'duplicate_column'}The column “{detail}” appears twice.{#is 'missing_column'}The file needs a column “{detail}”.{#is 'too_many_rows'}The file has more than {detail} members: split it into several files.{#is 'unreadable'}The file could not be read from row {detail} on (a quotation mark may be left open): nothing from that row on was imported.{#else}The file could not be read.{/when}")
    String file_problem(String problem, String detail);

    @Message("Invitation ready")
    String invited_title();

    @Message("{name} ({email}) is invited.")
    String invited_text(String name, String email);

    @Message("Invite someone else")
    String invite_another();

    @Message("Open their page")
    String open_member();

    @Message("Import report")
    String report_title();

    @Message("{invited} invited, {failed} not invited.")
    String report_summary(String invited, String failed);

    @Message("Send each new member their link. Fix the rows that were not invited and import only them again.")
    String report_links_hint();

    @Message("Row")
    String col_row();

    @Message("Outcome")
    String col_outcome();

    @Message("Invited")
    String row_invited();

    @Message("Not invited")
    String row_failed();

    @Message("See all invited members")
    String see_invited();

    /** Why a field or an imported row was refused. */
    @Message("{#when problem}{#is 'missing_email'}Enter an email address.{#is 'invalid_email'}Enter a valid email address (at most 320 characters).{#is 'email_taken'}A member with this email already exists.{#is 'missing_name'}Enter a name.{#is 'invalid_name'}Use a name of at most 200 characters.{#is 'missing_role'}Choose at least one role.{#is 'unknown_role'}“{detail}” is not a role: use ambassador, curator, analyst or admin.{#is 'unknown_group'}{#if detail}There is no group called “{detail}”: create it first, or fix its name.{#else}Choose groups of this organization.{/if}{#is 'invalid_language'}Use a language code such as en or fr.{#is 'duplicate'}Same email as row {detail}, already invited from this file.{#is 'extra_values'}This row has more values than the header has columns (put a value that holds a separator in quotation marks).{#is 'last-admin'}The organization must keep at least one active admin.{#is 'invitation-not-accepted'}This member never accepted their invitation: send a new invitation link instead.{#is 'already-member'}This member already has an account.{#is 'group-name-taken'}A group with this name already exists.{#is 'group-in-use'}Content or campaigns are aimed at this group: take it out of their audience first, or they would reach every member.{#is 'group_name'}Enter a name of at most 200 characters.{#is 'group_kind'}Choose a kind.{#is 'points'}Enter a whole number from 0 to 10,000.{#is 'cap'}Enter a whole number from 0 to 1,000,000, or leave it empty for no cap.{#is 'cost_per_click'}Enter an amount above 0 and at most 1,000, with at most 4 decimals, such as 0.85, or leave it empty.{#is 'currency'}Enter a currency code such as EUR, USD or GBP.{#is 'time_zone'}Choose a time zone from the list, such as Europe/Paris.{#is 'levels'}Enter 2 to 20 whole numbers separated by commas, starting at 0 and increasing, such as 0, 100, 250.{#is 'disclosure_too_long'}Use at most 500 characters.{#is 'disclosure_needed'}A mandatory disclosure needs a line: write one, or untick the box.{#is 'networks_none'}Tick at least one network.{#is 'blocklist_too_many'}Use at most 200 entries.{#is 'blocklist_too_long'}“{detail}” is longer than 200 characters.{#is 'blocklist_regex'}“{detail}” is not a valid regular expression.{#is 'charter_required'}Write the charter before publishing it.{#is 'charter_too_long'}The charter may hold at most 100,000 characters.{#is 'charter_unchanged'}This is the text of the current version: change it before publishing a new one.{#else}Check this field.{/when}")
    String problem(String problem, String detail);

    // --- Groups ------------------------------------------------------------------------------------

    @Message("Groups")
    String groups_title();

    @Message("Departments, locations, teams and programmes: members belong to them, content and leaderboards target them.")
    String groups_intro();

    @Message("New group")
    String group_new();

    @Message("Kind")
    String field_kind();

    @Message("Create the group")
    String group_create();

    @Message("Members")
    String col_members();

    @Message("Created")
    String col_created();

    @Message("Actions")
    String col_actions();

    @Message("Members of {name}")
    String group_members_of(String name);

    @Message("Rename")
    String group_rename();

    @Message("Delete")
    String group_delete();

    @Message("Its members stay members, without this group. A group that content or campaigns aim at cannot be deleted: take {name} out of their audience first.")
    String group_delete_warning(String name);

    @Message("Delete {name}")
    String group_delete_confirm(String name);

    @Message("No group yet. Create the first one above.")
    String groups_empty();

    // --- Settings ----------------------------------------------------------------------------------

    @Message("Settings")
    String settings_title();

    @Message("How your organization scores, counts time, discloses and moderates. Every change is recorded in the audit trail.")
    String settings_intro();

    @Message("General")
    String settings_general();

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

    @Message("{#when action}{#is 'share'}Share{#is 'click'}Click received{#is 'submission_approved'}Submission approved{#else}{action}{/when}")
    String scoring_action(String action);

    @Message("No cap")
    String no_cap();

    @Message("A click counts once per visitor and share; robots and a member's own clicks never count.")
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

    @Message("What one click on a shared link is worth to you, e.g. what you would pay per click for an ad (a currency code such as EUR). Analytics then show an earned media value: an estimate, never revenue. Leave it empty to show none.")
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

    @Message("{#when network}{#is 'linkedin'}LinkedIn{#is 'x'}X{#is 'facebook'}Facebook{#is 'xing'}XING{#is 'whatsapp'}WhatsApp{#is 'email'}Email{#else}{network}{/when}")
    String network_name(String network);

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

    // --- Charter -----------------------------------------------------------------------------------

    @Message("Charter")
    String charter_title();

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

    // --- Leaderboards ------------------------------------------------------------------------------

    @Message("Leaderboards")
    String leaderboards_title();

    @Message("Who takes part most, by period and group. Deactivated members, and members who chose to hide from leaderboards, are not listed.")
    String leaderboards_intro();

    @Message("Leaderboard filters")
    String leaderboards_filters();

    @Message("Period")
    String field_period();

    @Message("{#when period}{#is 'week'}This week{#is 'month'}This month{#is 'quarter'}This quarter{#is 'year'}This year{#is 'all'}All time{#else}{period}{/when}")
    String period(String period);

    @Message("Everyone")
    String everyone();

    @Message("Ranked by")
    String field_metric();

    @Message("{#when metric}{#is 'points'}Points{#is 'shares'}Shares{#is 'clicks'}Clicks{#else}{metric}{/when}")
    String metric(String metric);

    @Message("From {from} to {to}")
    String range(String from, String to);

    @Message("Up to {to}")
    String range_all(String to);

    @Message("ranked by {#when metric}{#is 'shares'}shares{#is 'clicks'}clicks{#else}points{/when}")
    String ranked_by(String metric);

    @Message("Rank")
    String col_rank();

    @Message("Tied")
    String tied();

    @Message("Nobody has scored in this period yet.")
    String leaderboard_empty();

    @Message("The top {top}. Members with the same figure share a rank.")
    String leaderboard_note(int top);
}
