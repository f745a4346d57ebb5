package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for members, inviting them and groups, in English, in templates as {@code memb:key}; French in
 * messages/memb_fr.properties.
 */
@MessageBundle(value = "memb", locale = "en")
public interface MembersMessages {

    @Message("Everyone in the organization, by email. Invite, give roles and groups, deactivate.")
    String members_intro();

    @Message("Invite members")
    String action_invite();

    @Message("Name or email")
    String members_search_placeholder();

    @Message("Role")
    String field_role();

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

    @Message("Invitation link for {email}")
    String invitation_link_for(String email);

    @Message("Invite members")
    String invite_title();

    @Message("Each new member gets an invitation link to choose their password.")
    String invite_intro();

    @Message("One member")
    String invite_single();

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

    @Message("{#when problem}{#is 'no_file'}Choose a CSV file.{#is 'not_utf8'}The file is not UTF-8 text. In "
            + "your spreadsheet, save it as “CSV UTF-8”.{#is 'empty'}The file is empty.{#is 'no_rows'}The "
            + "file has a header row but no member.{#is 'unknown_column'}Unknown column “{detail}”: use "
            + "email, name, roles, groups and language.{#is 'duplicate_column'}The column “{detail}” appears "
            + "twice.{#is 'missing_column'}The file needs a column “{detail}”.{#is 'too_many_rows'}The file "
            + "has more than {detail} members: split it into several files.{#is 'unreadable'}The file could "
            + "not be read from row {detail} on (a quotation mark may be left open): nothing from that row on "
            + "was imported.{#else}The file could not be read.{/when}")
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

    @Message("Its members stay members, without this group. A group that content or campaigns aim at cannot "
            + "be deleted: take {name} out of their audience first.")
    String group_delete_warning(String name);

    @Message("Delete {name}")
    String group_delete_confirm(String name);

    @Message("No group yet. Create the first one above.")
    String groups_empty();
}
