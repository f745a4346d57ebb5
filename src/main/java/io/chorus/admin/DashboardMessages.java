package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for analytics (dashboard, content analytics) and erasure, in templates as {@code dash:key}. A
 * bundle of its own: Qute's generated resolver for one bundle of more than ~300 messages fails bytecode verification. A
 * list of short declarations, so longer than a room of code.
 */
@MessageBundle(value = "dash", locale = "en")
public interface DashboardMessages {

    @Message("Quick ranges")
    String range_presets();

    @Message("Last {days} days")
    String last_days(int days);

    @Message("Range and group")
    String analytics_filters();

    @Message("From")
    String field_from();

    @Message("To")
    String field_to();

    @Message("Show")
    String show_button();

    @Message("days in the {zone} time zone")
    String days_in_zone(String zone);

    @Message("{#when problem}{#is 'group_too_small'}This group has fewer than {min} active ambassadors: its "
            + "figures would single people out. Choose a larger group, or everyone.{#else}Choose a start on "
            + "or before the end, at most 366 days apart, between 2000 and 2100.{/when}")
    String analytics_problem(String problem, int min);

    @Message("Ambassadors sharing")
    String tile_sharing();

    @Message("of {active} active ({total} in all)")
    String tile_sharing_of(String active, String total);

    @Message("Participation rate")
    String tile_participation();

    @Message("active ambassadors who shared")
    String tile_participation_hint();

    @Message("Shares")
    String tile_shares();

    @Message("Clicks")
    String tile_clicks();

    @Message("by people: no robots, no self-clicks")
    String tile_clicks_hint();

    @Message("Unique visitors")
    String tile_visitors();

    @Message("per share and day")
    String tile_visitors_hint();

    @Message("of clicks go to the top 5% of ambassadors ({top})")
    String tile_concentration(String top);

    @Message("No clicks in this range.")
    String concentration_no_clicks();

    @Message("Shown from {min} ambassadors in the top 5%, so that no one is singled out.")
    String concentration_too_few(int min);

    @Message("Conversions")
    String tile_conversions();

    @Message("reported by your site, credited to the last click")
    String tile_conversions_hint();

    @Message("Earned media value (estimate)")
    String tile_emv();

    @Message("{clicks} clicks × {cost}: an estimate, not revenue")
    String tile_emv_hint(String clicks, String cost);

    @Message("Shares and clicks per day")
    String chart_title();

    @Message("Figures per day")
    String figures_per_day();

    @Message("Day")
    String col_day();

    @Message("Top content")
    String top_content_title();

    @Message("Nothing was shared in this range.")
    String top_content_empty();

    @Message("Top ambassadors this month")
    String top_ambassadors_title();

    @Message("by points; members who hide from leaderboards are not listed")
    String top_ambassadors_note();

    @Message("See the leaderboards")
    String see_leaderboards();

    @Message("Participation by group")
    String participation_title();

    @Message("Active ambassadors")
    String col_active_ambassadors();

    @Message("Sharing")
    String col_sharing();

    @Message("Other groups (under {min} active ambassadors each)")
    String other_groups(int min);

    @Message("No group yet.")
    String participation_empty();

    @Message("Groups with fewer than {min} active ambassadors are counted together, so that no one is "
            + "singled out. A member in several groups counts in each.")
    String participation_note(int min);

    @Message("Analytics")
    String content_analytics();

    @Message("Analytics: the shares of this item and the clicks on them.")
    String content_analytics_intro();

    @Message("By network")
    String by_network_title();

    @Message("Personalised")
    String tile_personalised();

    @Message("Shares whose message the member changed before sharing: {count}")
    String tile_personalised_hint(String count);

    @Message("By language")
    String by_language_title();

    @Message("Language not recorded")
    String language_unknown();

    @Message("By suggested message")
    String by_message_title();

    @Message("Each suggested message offered in rotation, with the shares made from it (edited or not) and their "
            + "clicks.")
    String by_message_intro();

    @Message("Message")
    String col_message();

    @Message("Edited")
    String col_edited();

    @Message("Message {number} (since removed)")
    String message_removed(int number);

    @Message("No shares in this range yet.")
    String no_shares_yet();

    @Message("Network")
    String col_network();

    @Message("Erased member")
    String erased_member();

    @Message("Erased")
    String erased_badge();

    @Message("This member was erased")
    String erased_title();

    @Message("Erased {date}.")
    String erased_on(String date);

    @Message("Nothing that said who they were is left. Their shares, clicks and points still count in the "
            + "organization's figures, under this anonymous identity. Their email can be invited again, as a "
            + "new member.")
    String erased_text();

    @Message("Erase this member…")
    String erase_title();

    @Message("The right to erasure: {name} is erased for good. This cannot be undone.")
    String erase_intro(String name);

    @Message("Removed for good")
    String erase_removed_title();

    @Message("their name (shown as “Erased member”) and email address;")
    String erase_removed_identity();

    @Message("their password, sessions and invitations: they can no longer sign in;")
    String erase_removed_access();

    @Message("what they wrote: the messages of their shares, their submissions never published, and the "
            + "reasons of the point corrections made to them.")
    String erase_removed_texts();

    @Message("Kept")
    String erase_kept_title();

    @Message("their shares, clicks and points, counted under an anonymous identity, so that no figure of the "
            + "organization changes; they appear on no leaderboard again;")
    String erase_kept_figures();

    @Message("their roles, groups and charter acceptances, and the audit trail, which name them by id only;")
    String erase_kept_ids();

    @Message("their email address may be invited again, as a new member.")
    String erase_kept_email();

    @Message("Erase {name} for good")
    String erase_confirm(String name);

    @Message("The member is erased.")
    String erase_done();

    @Message("What the figures mean")
    String definitions_title();

    @Message("Every figure of the dashboard and of content analytics, and what it counts. Each can be traced "
            + "back to the shares and clicks it was counted from.")
    String definitions_intro();

    @Message("Ambassadors")
    String def_ambassadors_term();

    @Message("Members who hold the ambassador role, whatever else they do. \"In all\" counts every one of them: invited, active or deactivated.")
    String def_ambassadors();

    @Message("Active ambassadors")
    String def_active_term();

    @Message("Ambassadors who have accepted their invitation and are not deactivated. Someone invited who "
            + "has not accepted yet is not an active ambassador, anywhere in analytics: they count in \"in "
            + "all\" only.")
    String def_active();

    @Message("Active ambassadors with at least one share in the range.")
    String def_sharing();

    @Message("Ambassadors sharing divided by active ambassadors.")
    String def_participation();

    @Message("Shares made in the range, one per person, content item and network, by members of any role or status.")
    String def_shares();

    @Message("Clicks by people on the shared links, in the range. Link-preview robots, crawlers and the sharer's own clicks never count.")
    String def_clicks();

    @Message("For each share and each day, the different visitors who clicked it, added up. Visitors are "
            + "anonymous ids that change every day at midnight UTC: a person counts again on another day or "
            + "for another share.")
    String def_visitors();

    @Message("Concentration")
    String def_concentration_term();

    @Message("The part of all clicks earned by the top 5% of active ambassadors (ranked by their clicks in "
            + "the range), to see whether a programme rests on a few people. Shown when that top 5% is at "
            + "least {min} people.")
    String def_concentration(int min);

    @Message("Clicks multiplied by the cost per click set in the settings: what the same visits would have "
            + "cost in advertising. An estimate, never revenue.")
    String def_emv();

    @Message("The shares whose member changed the suggested message before sharing, divided by all shares in "
            + "the range: how often members put the words in their own voice. Sending the offered message back "
            + "unchanged is no edit.")
    String def_personalised();

    @Message("Groups")
    String def_groups_term();

    @Message("A figure by group covers the group's members. A group with fewer than {min} active ambassadors "
            + "is folded into \"Other groups\", and cannot be chosen alone, so that no one can be singled out.")
    String def_groups(int min);

    @Message("Days")
    String def_days_term();

    @Message("Days are those of the organization's time zone (in the settings); a range includes its first and last day.")
    String def_days();

    @Message("How fresh")
    String def_freshness_term();

    @Message("A share or click shows within a few seconds. A figure already shown may be served again for up "
            + "to a minute; a change to members or groups shows at once.")
    String def_freshness();

    @Message("Back to the dashboard")
    String back_to_dashboard();

    @Message("What the figures mean")
    String definitions_link();
}
