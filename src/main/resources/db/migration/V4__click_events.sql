-- Clicks on tracked short links (/s/{code}), written in batches off the request path.
-- No raw client address is ever stored: visitor_id is a keyed hash of address + user agent under a
-- salt that lives one day (visitor_salts) and is then deleted.
-- Append-only and written at up to ~100,000 rows a second by one writer that takes share and
-- organization from the shares table itself (shares are never deleted): no foreign keys here, they
-- would cost more than half of each insert (it uses COPY). The writer also keeps a retried batch
-- from being written twice (it checks for the batch's first id).
create table click_events (
    -- Time-ordered (UUID version 7 layout), chosen when the redirect is answered.
    id               uuid primary key,
    organization_id  uuid not null,
    share_id         uuid not null,
    at               timestamptz not null,
    visitor_id       uuid not null,
    -- Link-preview fetchers, crawlers, HTTP libraries, empty user agents: kept, never counted.
    robot            boolean not null,
    -- The sharer themselves (their visitor id or their session): kept, never counted.
    self             boolean not null,
    referrer_host    text,
    agent_family     text not null
);
create index click_events_share_idx on click_events (organization_id, share_id, at);

-- One random salt per UTC day, shared by every instance; deleted once the day is over (plus a day's
-- grace for batches still in flight), after which that day's visitor ids can no longer be recomputed.
create table visitor_salts (
    day   date primary key,
    salt  bytea not null check (length(salt) = 32)
);

-- The visitor ids a member was seen with (creating or one-clicking a share): clicks from them are the
-- sharer's own. Visitor ids change every day, so rows older than two days are useless and deleted.
create table sharer_visitors (
    organization_id  uuid not null,
    member_id        uuid not null,
    visitor_id       uuid not null,
    seen_on          date not null,
    -- The click writer looks up a batch's visitor ids.
    primary key (visitor_id, member_id),
    constraint sharer_visitors_member_fk foreign key (member_id, organization_id) references members (id, organization_id)
);
create index sharer_visitors_seen_idx on sharer_visitors (seen_on);
