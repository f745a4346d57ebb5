-- The social-media charter: every change is a new version, never an edit.
create table charters (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    version          integer not null,
    text             text not null,
    published_at     timestamptz not null,
    published_by     uuid,
    constraint charters_id_org_uk unique (id, organization_id),
    constraint charters_version_positive check (version >= 1),
    constraint charters_text_length check (char_length(text) between 1 and 100000)
);
create unique index charters_version_uk on charters (organization_id, version);

-- Who accepted which version, and when; a member accepts each version at most once.
create table charter_acceptances (
    organization_id  uuid not null,
    member_id        uuid not null,
    version          integer not null,
    accepted_at      timestamptz not null,
    primary key (organization_id, member_id, version),
    foreign key (member_id, organization_id) references members (id, organization_id) on delete cascade
);

-- A mandatory disclosure cannot be removed from a shared message.
alter table organization_settings add column disclosure_mandatory boolean not null default false;

-- The login throttle's counters now also count failed invitation acceptances and one-click link follows.
alter table login_throttle rename to throttle_counters;
alter table throttle_counters rename column failures to hits;

-- The audit trail is read newest first, filtered by action or actor.
create index audit_events_action_idx on audit_events (organization_id, action, at desc, id desc);
create index audit_events_actor_idx on audit_events (organization_id, actor_id, at desc, id desc);
