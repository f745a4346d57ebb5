-- Organizations (tenants) and the operators who create them
create table organizations (
    id          uuid primary key,
    slug        text not null,
    name        text not null,
    time_zone   text not null default 'UTC',
    created_at  timestamptz not null,
    constraint organizations_slug_format check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
    constraint organizations_name_length check (char_length(name) between 1 and 200)
);
create unique index organizations_slug_uk on organizations (slug);

create table operators (
    id             uuid primary key,
    email          text not null,
    password_hash  text not null,
    created_at     timestamptz not null
);
create unique index operators_email_uk on operators (lower(email));

-- Members of an organization. Every tenant-owned table carries organization_id, and references
-- between tenant-owned rows include it, so that a row can never point into another organization.
create table members (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    email            text not null,
    name             text not null,
    password_hash    text,
    roles            varchar[] not null,
    language         text not null default 'en',
    status           text not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint members_id_org_uk unique (id, organization_id),
    constraint members_status_check check (status in ('invited', 'active', 'deactivated')),
    constraint members_name_length check (char_length(name) between 1 and 200),
    constraint members_email_length check (char_length(email) between 3 and 320),
    constraint members_roles_check check (
        cardinality(roles) >= 1 and roles <@ array['ambassador', 'curator', 'analyst', 'admin']::varchar[]),
    constraint members_active_has_password check (status <> 'active' or password_hash is not null)
);
create unique index members_email_uk on members (organization_id, lower(email));
create index members_org_email_idx on members (organization_id, lower(email), id);
create index members_roles_idx on members using gin (roles);

create table groups (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    name             text not null,
    kind             text not null,
    created_at       timestamptz not null,
    constraint groups_id_org_uk unique (id, organization_id),
    constraint groups_kind_check check (kind in ('department', 'location', 'team', 'programme')),
    constraint groups_name_length check (char_length(name) between 1 and 200)
);
create unique index groups_name_uk on groups (organization_id, lower(name));

create table group_memberships (
    organization_id  uuid not null,
    member_id        uuid not null,
    group_id         uuid not null,
    primary key (member_id, group_id),
    foreign key (member_id, organization_id) references members (id, organization_id) on delete cascade,
    foreign key (group_id, organization_id) references groups (id, organization_id) on delete cascade
);
create index group_memberships_group_idx on group_memberships (organization_id, group_id, member_id);

create table invitations (
    id               uuid primary key,
    organization_id  uuid not null,
    member_id        uuid not null,
    token_hash       text not null,
    expires_at       timestamptz not null,
    accepted_at      timestamptz,
    revoked_at       timestamptz,
    created_at       timestamptz not null,
    foreign key (member_id, organization_id) references members (id, organization_id) on delete cascade
);
create unique index invitations_token_hash_uk on invitations (token_hash);
create index invitations_member_idx on invitations (organization_id, member_id);

-- Refresh tokens: stored only as hashes; rotated on every use; a family is one login's chain.
create table refresh_tokens (
    id               uuid primary key,
    organization_id  uuid references organizations (id),
    subject_id       uuid not null,
    subject_kind     text not null,
    family_id        uuid not null,
    token_hash       text not null,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    used_at          timestamptz,
    revoked_at       timestamptz,
    constraint refresh_tokens_kind_check check (subject_kind in ('member', 'operator')),
    constraint refresh_tokens_org_check check ((subject_kind = 'member') = (organization_id is not null))
);
create unique index refresh_tokens_hash_uk on refresh_tokens (token_hash);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_subject_idx on refresh_tokens (subject_id);

-- Login throttling, shared by every instance. Keys are keyed hashes, never raw addresses or emails.
create table login_throttle (
    key              text primary key,
    failures         integer not null,
    window_started_at timestamptz not null
);

-- Responses remembered for Idempotency-Key replays. The key is stored as a hash and the body is
-- encrypted under a key derived from the client's Idempotency-Key: a response may hold a secret
-- (an invitation token) that must not be readable from the database.
create table idempotency_records (
    principal        text not null,
    key_hash         text not null,
    request_hash     text not null,
    status           integer,
    sealed_body      text,
    location         text,
    created_at       timestamptz not null,
    primary key (principal, key_hash)
);
create index idempotency_records_created_idx on idempotency_records (created_at);
