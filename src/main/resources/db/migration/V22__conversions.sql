-- Conversions: what a visitor who came through a short link did on the organization's site, reported by the site with
-- a conversion key and credited to the last Chorus click within the organization's attribution window.

-- The redirect appends chorus_click=<the click's id> unless the organization turns it off.
alter table organization_settings add column click_ids boolean not null default true;
alter table organization_settings add column attribution_window_days integer not null default 30;
alter table organization_settings add constraint organization_settings_attribution_window_check
    check (attribution_window_days between 1 and 365);

-- Keys a site reports conversions with. Only the SHA-256 of a key is kept; a secret key is for servers, a publishable
-- one for browsers and only from its allowed origins.
create table conversion_keys (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    name             text not null check (length(name) between 1 and 200),
    kind             text not null check (kind in ('secret', 'publishable')),
    key_hash         text not null,
    -- The key's first characters, so that an admin can tell keys apart without the key.
    key_prefix       text not null,
    allowed_origins  text[] not null default '{}',
    created_at       timestamptz not null,
    created_by       uuid,
    revoked_at       timestamptz,
    constraint conversion_keys_origins_check check (kind = 'secret' or cardinality(allowed_origins) > 0)
);
create unique index conversion_keys_hash_uk on conversion_keys (key_hash);
create index conversion_keys_page_idx on conversion_keys (organization_id, created_at desc, id);

create table conversions (
    id                uuid primary key,
    organization_id   uuid not null references organizations (id),
    key_id            uuid not null references conversion_keys (id),
    -- What the site sent: a click id (of any organization, or none at all: then it is unknown) or a share's code.
    click_ref         uuid,
    code              text,
    type              text not null,
    value             numeric(16, 4),
    currency          text,
    occurred_at       timestamptz not null,
    received_at       timestamptz not null,
    external_id       text,
    -- pending: its click is not written yet (clicks are written in batches); attributed: credited to the click's
    -- share; unattributed: never credited, for the reason given.
    status            text not null,
    reason            text,
    click_id          uuid,
    share_id          uuid,
    member_id         uuid,
    content_id        uuid,
    network           text,
    campaign_id       uuid,
    attributed_at     timestamptz,
    -- When a pending conversion is next matched with the clicks written meanwhile: the wait doubles each time.
    next_attempt_at   timestamptz,
    constraint conversions_status_check check (status in ('pending', 'attributed', 'unattributed')),
    constraint conversions_reason_check check (reason in
        ('unknown-click', 'outside-window', 'robot', 'self-click', 'no-click')),
    constraint conversions_credited_check check (status <> 'attributed' or share_id is not null),
    constraint conversions_value_check check (value is null or (value >= 0 and currency is not null))
);
-- The same externalId is one conversion, however often it is reported.
create unique index conversions_external_uk on conversions (organization_id, external_id) where external_id is not null;
-- What the attribution sweep looks at: pending conversions due for another look, and those to give up on.
create index conversions_due_idx on conversions (next_attempt_at) where status = 'pending';
create index conversions_pending_idx on conversions (received_at) where status = 'pending';
create index conversions_share_idx on conversions (share_id) where status = 'attributed';
create index conversions_org_idx on conversions (organization_id, occurred_at) where status = 'attributed';
-- A member's own conversions, in their score (GET /api/v1/me/score, on every app screen).
create index conversions_member_idx on conversions (organization_id, member_id) where status = 'attributed';
