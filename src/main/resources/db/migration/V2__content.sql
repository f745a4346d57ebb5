-- Content curated by the comms team or submitted by ambassadors, and its moderation.
create table content (
    id                 uuid primary key,
    organization_id    uuid not null references organizations (id),
    title              text not null,
    url                text not null,
    body               text,
    image_url          text,
    language           text not null,
    topics             varchar[] not null,
    suggested_messages jsonb not null,
    targets_everyone   boolean not null,
    -- The groups of content_targets, kept here by a trigger so that the feed checks targeting
    -- with an array overlap on each row it walks, instead of a join.
    target_group_ids   uuid[] not null default '{}',
    status             text not null,
    publish_at         timestamptz,
    expires_at         timestamptz,
    -- When the item enters (or entered) the feed: the feed's sort key, known in advance for
    -- scheduled items so that paging never skips nor repeats when they appear.
    published_at       timestamptz,
    author_id          uuid not null,
    decided_by         uuid,
    decided_at         timestamptz,
    decision_reason    text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint content_id_org_uk unique (id, organization_id),
    constraint content_author_fk foreign key (author_id, organization_id) references members (id, organization_id),
    constraint content_status_check check (status in
        ('draft', 'pending_review', 'rejected', 'scheduled', 'published', 'expired', 'archived')),
    constraint content_title_length check (char_length(title) between 1 and 300),
    constraint content_url_check check (char_length(url) <= 2048 and url ~* '^https?://'),
    constraint content_image_url_check check (image_url is null or (char_length(image_url) <= 2048 and image_url ~* '^https?://')),
    constraint content_window_check check (expires_at is null or publish_at is null or expires_at > publish_at),
    constraint content_visible_has_date check (status not in ('scheduled', 'published', 'expired') or published_at is not null)
);
-- The feed: visible items of an organization, newest first.
create index content_feed_idx on content (organization_id, published_at desc, id desc)
    where status in ('scheduled', 'published');
create index content_list_idx on content (organization_id, created_at desc, id desc);
create index content_pending_idx on content (organization_id, created_at, id) where status = 'pending_review';
create index content_author_idx on content (organization_id, author_id, created_at desc);
create index content_topics_idx on content using gin (topics);

create table content_targets (
    organization_id  uuid not null,
    content_id       uuid not null,
    group_id         uuid not null,
    primary key (content_id, group_id),
    foreign key (content_id, organization_id) references content (id, organization_id) on delete cascade,
    foreign key (group_id, organization_id) references groups (id, organization_id) on delete cascade
);
create index content_targets_group_idx on content_targets (organization_id, group_id);

create function content_targets_sync() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update content set target_group_ids = array_append(target_group_ids, new.group_id)
        where id = new.content_id and not (new.group_id = any (target_group_ids));
    else
        update content set target_group_ids = array_remove(target_group_ids, old.group_id)
        where id = old.content_id;
    end if;
    return null;
end
$$;
create trigger content_targets_sync after insert or delete on content_targets
    for each row execute function content_targets_sync();

-- Per-organization settings; one row per organization, created on first write.
create table organization_settings (
    organization_id     uuid primary key references organizations (id),
    blocklist_phrases   varchar[] not null default '{}',
    blocklist_patterns  varchar[] not null default '{}',
    updated_at          timestamptz not null
);

-- The audit trail: append-only, per organization.
create table audit_events (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    at               timestamptz not null,
    actor_id         uuid,
    action           text not null,
    target_type      text not null,
    target_id        uuid,
    detail           jsonb not null default '{}'
);
create index audit_events_org_idx on audit_events (organization_id, at desc, id desc);

-- What the content clock looks for every second.
create index content_due_idx on content (published_at) where status = 'scheduled';
create index content_expiring_idx on content (expires_at) where status = 'published' and expires_at is not null;
