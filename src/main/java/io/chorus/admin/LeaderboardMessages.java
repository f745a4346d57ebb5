package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for leaderboards, in English, in templates as {@code lead:key}; French in
 * messages/lead_fr.properties.
 */
@MessageBundle(value = "lead", locale = "en")
public interface LeaderboardMessages {

    @Message("Leaderboards")
    String leaderboards_title();

    @Message("Who takes part most, by period and group. Deactivated members, and members who chose to hide from leaderboards, are not listed.")
    String leaderboards_intro();

    @Message("Period")
    String field_period();

    @Message("{#when period}{#is 'week'}This week{#is 'month'}This month{#is 'quarter'}This quarter{#is "
            + "'year'}This year{#is 'all'}All time{#else}{period}{/when}")
    String period(String period);

    @Message("Up to {to}")
    String range_all(String to);

    @Message("ranked by {#when metric}{#is 'shares'}shares{#is 'clicks'}clicks{#else}points{/when}")
    String ranked_by(String metric);

    @Message("The top {top}. Members with the same figure share a rank.")
    String leaderboard_note(int top);

}
