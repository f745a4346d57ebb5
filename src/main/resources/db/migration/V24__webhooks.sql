-- Webhooks (issue 23): endpoints an organization's admins register, and an outbox of deliveries to them, signed as the
-- Standard Webhooks specification says. A delivery row is written in the transaction of the event it tells of, one per
-- subscribed enabled endpoint; senders on every instance take them (for update skip locked), one endpoint's in order.

create table webhook_endpoints (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    url              text not null,
    -- The event types it takes (content.published, share.created, ...).
    events           text[] not null,
    -- The signing secret (whsec_...), sealed with AES-GCM under a key derived from the server secret: deliveries are
    -- signed with it, so it is kept, but never shown again after the endpoint's creation.
    secret_sealed    text not null,
    enabled          boolean not null default true,
    -- Attempts that failed since the last delivery, and since when: they tell an endpoint that keeps failing.
    failures         integer not null default 0,
    failing_since    timestamptz,
    -- Why it was disabled, when the service disabled it (it kept failing); null when an admin did, or it is enabled.
    disabled_reason  text,
    disabled_at      timestamptz,
    created_by       uuid,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint webhook_endpoints_id_org_uk unique (id, organization_id),
    constraint webhook_endpoints_url_check check (char_length(url) between 1 and 2048),
    constraint webhook_endpoints_events_check check (cardinality(events) between 1 and 20)
);
create index webhook_endpoints_page_idx on webhook_endpoints (organization_id, created_at desc, id desc);

-- Every instance remembers which event types each organization's enabled endpoints take (webhooks/Subscriptions), so
-- that an event of an organization without endpoints costs nothing; it must forget an organization the moment its
-- endpoints change, whoever changes them: the database announces it on chorus_webhooks when the change commits.
create function webhook_endpoints_signal() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('chorus_webhooks', old.organization_id::text);
    elsif tg_op = 'INSERT' or new.enabled is distinct from old.enabled or new.events is distinct from old.events then
        perform pg_notify('chorus_webhooks', new.organization_id::text);
    end if;
    return null;
end
$$;
create trigger webhook_endpoints_signal after insert or update or delete on webhook_endpoints
    for each row execute function webhook_endpoints_signal();

-- The order of one endpoint's deliveries: a replayed one goes to the back of the line.
create sequence webhook_delivery_seq;

create table webhook_deliveries (
    -- The delivery: one message to one endpoint.
    id               uuid primary key,
    -- The message (webhook-id: msg_<message_id>): the same for every endpoint the event goes to and every attempt.
    message_id       uuid not null,
    organization_id  uuid not null,
    endpoint_id      uuid not null,
    seq              bigint not null default nextval('webhook_delivery_seq'),
    event_type       text not null,
    -- The body as it is sent and signed: {"type", "timestamp", "data"}.
    payload          text not null,
    -- pending (waiting for its first or next attempt), sending (claimed by a sender until lease_until), delivered
    -- (a 2xx answer), failed (no 2xx answer until retry_until, or its endpoint was disabled).
    status           text not null default 'pending',
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    -- Retried until then (24 hours after it was queued or replayed), then failed.
    retry_until      timestamptz not null,
    last_status      integer,
    last_error       text,
    last_attempt_at  timestamptz,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    failed_at        timestamptz,
    constraint webhook_deliveries_status_check check (status in ('pending', 'sending', 'delivered', 'failed')),
    constraint webhook_deliveries_endpoint_fk foreign key (endpoint_id, organization_id)
        references webhook_endpoints (id, organization_id) on delete cascade
);
-- The head of each endpoint's line (its oldest undelivered message), and what is due.
create index webhook_deliveries_line_idx on webhook_deliveries (endpoint_id, seq) where status in ('pending', 'sending');
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status in ('pending', 'sending');
-- An endpoint's delivery log, newest first.
create index webhook_deliveries_log_idx on webhook_deliveries (endpoint_id, created_at desc, id desc);
-- Retention: delivered and failed deliveries are deleted chorus.webhooks.keep-deliveries after they were queued.
create index webhook_deliveries_done_idx on webhook_deliveries (created_at) where status in ('delivered', 'failed');

-- The human clicks each batch of the click writer recorded, per organization and content item, for the organizations
-- that take clicks.summary; the summary job adds them up every chorus.webhooks.clicks-summary-interval and deletes
-- them in the transaction that queues the summaries.
create table webhook_click_tallies (
    organization_id  uuid not null,
    content_id       uuid not null,
    recorded_at      timestamptz not null,
    clicks           integer not null
);
create index webhook_click_tallies_recorded_idx on webhook_click_tallies (recorded_at);

-- When the campaign clock noted a campaign's start and end (campaign.started, campaign.ended); those already past are
-- noted now, so that no event tells of them.
alter table campaigns add column start_noted_at timestamptz;
alter table campaigns add column end_noted_at timestamptz;
update campaigns set start_noted_at = starts_at where starts_at <= now();
update campaigns set end_noted_at = ends_at where ends_at <= now();
create index campaigns_start_unnoted_idx on campaigns (starts_at) where start_noted_at is null;
create index campaigns_end_unnoted_idx on campaigns (ends_at) where end_noted_at is null;

-- The mail that tells an organization's admins that the service disabled one of their webhook endpoints.
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check check (kind in
    ('invitation', 'invitation_reminder', 'digest', 'broadcast', 'campaign_start', 'webhook_disabled'));
