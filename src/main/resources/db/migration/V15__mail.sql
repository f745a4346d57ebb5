-- Email. Every mail is first written to the outbox, in the transaction of what caused it (an invitation, a digest
-- run, a broadcast, a campaign's start); senders on every instance take batches of it (for update skip locked), so
-- that none is lost when an instance stops and none goes out twice.
create table mail_outbox (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    -- The member it is for; null only once the member is erased (their mails keep their counts, not their address).
    member_id        uuid,
    kind             text not null,
    -- What makes the mail unique in its organization: the same cause never queues it twice (invitation:{id},
    -- digest:{member}:{day}, broadcast:{id}:{member}, campaign:{id}:{member}).
    dedupe_key       text not null,
    recipient        text,
    subject          text not null,
    text_body        text not null,
    html_body        text not null,
    -- A secret the bodies hold as a placeholder (an invitation's accept link), sealed with AES-GCM under a key
    -- derived from the server secret; removed once sent.
    sealed_secret    text,
    -- The signed unsubscribe link: List-Unsubscribe (RFC 8058) on digests, broadcasts and announcements.
    unsubscribe_url  text,
    broadcast_id     uuid,
    -- A reminder is not sent once its invitation was accepted or withdrawn.
    invitation_id    uuid,
    status           text not null default 'queued',
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    -- While sending: the instance that claimed it may hold it until then; past it another sender takes it over.
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    constraint mail_outbox_kind_check check (kind in
        ('invitation', 'invitation_reminder', 'digest', 'broadcast', 'campaign_start')),
    constraint mail_outbox_status_check check (status in ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    constraint mail_outbox_member_fk foreign key (member_id, organization_id) references members (id, organization_id)
);
create unique index mail_outbox_dedupe_uk on mail_outbox (organization_id, dedupe_key);
-- What senders take: due mails, oldest first.
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status in ('queued', 'sending');
create index mail_outbox_broadcast_idx on mail_outbox (broadcast_id, status) where broadcast_id is not null;
create index mail_outbox_recent_idx on mail_outbox (organization_id, created_at desc, id desc);

-- Per organization and minute: the mails senders took, so that all instances together keep to the rate limit.
create table mail_rate_windows (
    organization_id  uuid not null references organizations (id),
    minute           timestamptz not null,
    sent             integer not null,
    primary key (organization_id, minute)
);

-- Each member's choices: the digest's frequency and whether broadcasts reach them. Invitations are always sent.
alter table members add column email_digest text not null default 'weekly';
alter table members add constraint members_email_digest_check check (email_digest in ('daily', 'weekly', 'never'));
alter table members add column email_broadcasts boolean not null default true;
-- The digest shows feed items published after this instant (null: within the digest's period).
alter table members add column digest_sent_until timestamptz;

-- When the organization's digests go out, in its time zone; weekly ones on digest_day (ISO: 1 Monday .. 7 Sunday).
alter table organization_settings add column digest_time time not null default '09:00';
alter table organization_settings add column digest_day integer not null default 1;
alter table organization_settings add constraint organization_settings_digest_day_check check (digest_day between 1 and 7);

-- The organization's days whose digest run is complete: a run cut short is run again, and the outbox's dedupe key
-- keeps the mails already queued from going twice.
create table digest_runs (
    organization_id  uuid not null references organizations (id),
    day              date not null,
    members          integer not null,
    mails            integer not null,
    finished_at      timestamptz not null,
    primary key (organization_id, day)
);

-- Reminders of an invitation not accepted: 0 for the invitation an admin sent, n for the nth reminder.
alter table invitations add column reminder integer not null default 0;

-- A curator's broadcast: one published item sent now to everyone it targets, with a short note.
create table broadcasts (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    content_id       uuid not null,
    note             text,
    recipients       integer not null,
    created_by       uuid,
    created_at       timestamptz not null,
    constraint broadcasts_id_org_uk unique (id, organization_id),
    constraint broadcasts_content_fk foreign key (content_id, organization_id) references content (id, organization_id),
    constraint broadcasts_note_length check (note is null or char_length(note) <= 1000)
);
create index broadcasts_recent_idx on broadcasts (organization_id, created_at desc, id desc);

-- A campaign may announce itself by email to its participants when it starts.
alter table campaigns add column announce boolean not null default false;
alter table campaigns add column announced_at timestamptz;
create index campaigns_announce_idx on campaigns (starts_at) where announce and announced_at is null;

-- Reminders look for members who have not accepted yet.
create index members_invited_idx on members (organization_id) where status = 'invited';
