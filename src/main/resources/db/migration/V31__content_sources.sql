-- Content sources (issue 27): RSS 2.0 and Atom feeds a curator adds, polled once per cluster (a poller claims due
-- sources for update skip locked, under a lease), their new items becoming content drafts or published content.
-- Every key holds organization_id, as CitusReadyTest wants of an organization's tables.

create table content_sources (
    id                    uuid not null,
    organization_id       uuid not null references organizations (id),
    url                   text not null,
    -- What each new item gets: default topics, target groups (empty = everyone), language.
    topics                text[] not null default '{}',
    target_group_ids      uuid[] not null default '{}',
    language              text not null,
    -- review: new items are drafts for curators to review and publish; publish: they are published at once.
    mode                  text not null,
    enabled               boolean not null default true,
    -- The feed's validators, sent back as If-None-Match / If-Modified-Since.
    etag                  text,
    last_modified         text,
    -- Health.
    last_fetched_at       timestamptz,
    last_success_at       timestamptz,
    last_error            text,
    consecutive_failures  integer not null default 0,
    items_taken           integer not null default 0,
    -- Due from then on; claimed by one poller until lease_until.
    next_fetch_at         timestamptz not null,
    lease_until           timestamptz,
    created_by            uuid not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint content_sources_pkey primary key (id, organization_id),
    constraint content_sources_url_uk unique (organization_id, url),
    constraint content_sources_url_check check (char_length(url) <= 2048 and url ~* '^https?://'),
    constraint content_sources_mode_check check (mode in ('review', 'publish')),
    constraint content_sources_creator_fk foreign key (created_by, organization_id)
        references members (id, organization_id)
);
create index content_sources_page_idx on content_sources (organization_id, created_at desc, id desc);
create index content_sources_due_idx on content_sources (next_fetch_at) where enabled;

-- Every item a source carried, by its GUID (or link): taken once per source, however often it is polled.
create table content_source_items (
    organization_id  uuid not null,
    source_id        uuid not null,
    guid             text not null,
    content_id       uuid,
    taken_at         timestamptz not null,
    primary key (source_id, guid, organization_id),
    constraint content_source_items_source_fk foreign key (source_id, organization_id)
        references content_sources (id, organization_id) on delete cascade
);

-- The canonical URL (no fragment, no utm_* or click ids, host lower-cased) of every item taken from any source of the
-- organization: two sources carrying the same article make one content item.
create table content_source_urls (
    organization_id  uuid not null references organizations (id),
    canonical_url    text not null,
    content_id       uuid,
    primary key (organization_id, canonical_url)
);
