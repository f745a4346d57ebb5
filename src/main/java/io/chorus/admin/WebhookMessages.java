package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for webhooks, in English, in templates as {@code hook:key}; French in
 * messages/hook_fr.properties.
 */
@MessageBundle(value = "hook", locale = "en")
public interface WebhookMessages {

    @Message("Webhooks")
    String nav_webhooks();

    @Message("Webhooks")
    String title();

    @Message("Chorus tells your other systems what happens here — an item published, a share, a conversion, a member "
            + "joining — by sending signed JSON (Standard Webhooks) to the endpoints you register. Every change is "
            + "recorded in the audit trail.")
    String intro();

    @Message("{#when done}{#is 'created'}The endpoint is added.{#is 'saved'}The endpoint is saved.{#is 'enabled'}The "
            + "endpoint is enabled: what waited is sent, in order.{#is 'disabled'}The endpoint is disabled: nothing new "
            + "is queued for it, and what was queued waits.{#is 'deleted'}The endpoint and its delivery log are "
            + "deleted.{#is 'replayed'}The message is queued again, behind those waiting.{#else}Done.{/when}")
    String done(String done);

    @Message("Endpoints")
    String endpoints_title();

    @Message("URL")
    String col_url();

    @Message("Events")
    String col_events();

    @Message("Status")
    String col_status();

    @Message("Last delivery")
    String col_last();

    @Message("Actions")
    String col_actions();

    @Message("{#if enabled}Enabled{#else}Disabled{/if}")
    String status(boolean enabled);

    @Message("Turned off by Chorus after a day of failures: {reason}")
    String disabled_reason(String reason);

    @Message("{count} failed {#if count == 1}attempt{#else}attempts{/if} since {since}")
    String failures(int count, String since);

    @Message("Nothing sent yet")
    String never_sent();

    @Message("{#when status}{#is 'pending'}Pending{#is 'sending'}Sending{#is 'delivered'}Delivered{#is 'failed'}Failed"
            + "{#else}{status}{/when}")
    String delivery_status(String status);

    @Message("No endpoint yet.")
    String endpoints_empty();

    @Message("Open")
    String open();

    @Message("Open {url}")
    String open_label(String url);

    @Message("Add an endpoint")
    String add_title();

    @Message("Endpoint URL")
    String field_url();

    @Message("An http or https address that Chorus may reach on the internet: private, loopback and cloud metadata "
            + "addresses are refused, unless this server trusts their network.")
    String url_hint();

    @Message("Events to send")
    String field_events();

    @Message("{#when event}{#is 'content.published'}an item enters the feed{#is 'content.submitted'}an ambassador "
            + "submits an item for review{#is 'share.created'}a member shares an item{#is 'conversion.attributed'}a "
            + "conversion is credited to a click{#is 'member.joined'}a member becomes active{#is 'member.deactivated'}"
            + "a member is deactivated{#is 'campaign.started'}a campaign starts{#is 'campaign.ended'}a campaign ends"
            + "{#is 'clicks.summary'}the human clicks of the last minutes, every few minutes{#else}{event}{/when}")
    String event(String event);

    @Message("Add the endpoint")
    String add();

    @Message("Copy the signing secret now")
    String secret_title();

    @Message("This is the only time the secret of {url} is shown: it will not be shown again. Chorus keeps it sealed "
            + "to sign every delivery; your receiver checks each webhook-signature header with it.")
    String secret_text(String url);

    @Message("Signing secret")
    String secret_label();

    @Message("Where and what")
    String edit_title();

    @Message("Paused: nothing new is queued for it, and what was queued waits. Enabling it sends what waited, in "
            + "order, and forgets its failures.")
    String paused_hint();

    @Message("Enable")
    String enable();

    @Message("Disable")
    String disable();

    @Message("Delete…")
    String delete();

    @Message("Its delivery log goes with it, and nothing more is sent to it.")
    String delete_warning();

    @Message("Delete this endpoint")
    String delete_confirm();

    @Message("Delivery log")
    String deliveries_title();

    @Message("Newest first. A replay sends the same message (the same webhook-id and body) again, behind those "
            + "waiting, with a new day of retries.")
    String deliveries_intro();

    @Message("Queued")
    String col_queued();

    @Message("Event")
    String col_event();

    @Message("Attempts")
    String col_attempts();

    @Message("Last answer")
    String col_answer();

    @Message("Next attempt")
    String col_next();

    @Message("Replay")
    String replay();

    @Message("Replay {message}")
    String replay_label(String message);

    @Message("Nothing sent to this endpoint yet.")
    String deliveries_empty();

    /** Why the form, or an action, was refused. */
    @Message("{#when code}{#is 'url'}Enter an http or https URL of at most 2,048 characters, without credentials or "
            + "#fragment.{#is 'unreachable'}Chorus may not call {detail}: it does not resolve to a public internet "
            + "address (private, loopback and cloud metadata addresses are refused).{#is 'events'}Choose at least one "
            + "event.{#is 'webhook-limit'}An organization may register at most {detail} endpoints: delete one first."
            + "{#is 'delivery-queued'}This message is queued already: it is sent in its turn.{#else}Check this field."
            + "{/when}")
    String problem(String code, String detail);
}
