package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the admin UI's content sources page, in English; French in messages/src_fr.properties. */
@MessageBundle(value = "src", locale = "en")
public interface SourceMessages {

    @Message("Sources")
    String nav_sources();

    @Message("Content sources")
    String sources_title();

    @Message("RSS and Atom feeds Chorus reads for you: each new article becomes a draft to review, or is "
            + "published at once. Each article is taken once, however many feeds carry it.")
    String sources_intro();

    @Message("Add a source")
    String source_new();

    @Message("Feed URL (RSS 2.0 or Atom)")
    String field_url();

    @Message("Topics (comma-separated, optional)")
    String field_topics();

    @Message("Language")
    String field_language();

    @Message("New articles")
    String field_mode();

    @Message("become drafts to review")
    String mode_review();

    @Message("are published at once")
    String mode_publish();

    @Message("Add the source")
    String source_add();

    @Message("No group chosen: the items are for everyone.")
    String groups_hint();

    @Message("For the groups:")
    String for_groups();

    @Message("{#when problem}{#is 'url'}Enter the http or https address of a feed Chorus may reach."
            + "{#is 'source-exists'}This feed is one of your sources already.{#is 'topics'}Use at most 20 topics of "
            + "letters, digits and hyphens.{#is 'language'}Use a language tag such as en or fr-CA.{#is 'targetGroupIds'}Choose groups of "
            + "this organization."
            + "{#is 'fetch-under-way'}This source is being fetched right now; try again in a moment."
            + "{#else}Check the form.{/when}")
    String source_problem(String problem);

    @Message("{#when done}{#is 'added'}The source is added; it is fetched within a minute.{#is 'enabled'}The source "
            + "is enabled.{#is 'disabled'}The source is disabled: it is no longer fetched.{#is 'fetched'}The source "
            + "was fetched; its health is below.{#else}Done.{/when}")
    String source_done(String done);

    @Message("Feed")
    String col_feed();

    @Message("Mode")
    String col_mode();

    @Message("Last fetch")
    String col_last_fetch();

    @Message("Items taken")
    String col_items();

    @Message("Health")
    String col_health();

    @Message("Actions")
    String col_actions();

    @Message("never fetched")
    String never();

    @Message("working")
    String healthy();

    @Message("{count} failed in a row: {error}")
    String failing(int count, String error);

    @Message("disabled")
    String disabled();

    @Message("Fetch now")
    String fetch_now();

    @Message("Disable")
    String disable();

    @Message("Enable")
    String enable();

    @Message("review")
    String mode_review_short();

    @Message("publish")
    String mode_publish_short();

    @Message("No source yet.")
    String sources_empty();
}
