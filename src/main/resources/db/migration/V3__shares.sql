-- Shares: one per member, content item and network, each with its own tracked short link.
create table shares (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    content_id       uuid not null,
    member_id        uuid not null,
    network          text not null,
    code             text not null,
    -- The exact message the ambassador shared (disclosure included), for the audit trail.
    message          text not null,
    created_at       timestamptz not null,
    constraint shares_id_org_uk unique (id, organization_id),
    constraint shares_content_fk foreign key (content_id, organization_id) references content (id, organization_id),
    constraint shares_member_fk foreign key (member_id, organization_id) references members (id, organization_id),
    constraint shares_network_check check (network in ('linkedin', 'x', 'facebook', 'xing', 'whatsapp', 'email')),
    constraint shares_code_format check (code ~ '^[A-Za-z0-9_-]{8,32}$')
);
-- Codes are unique across the whole deployment: /s/{code} names no organization.
create unique index shares_code_uk on shares (code);
create unique index shares_once_uk on shares (organization_id, member_id, content_id, network);
create index shares_member_idx on shares (organization_id, member_id, created_at desc, id desc);
create index shares_content_idx on shares (organization_id, content_id);

-- The disclosure line appended to every shared message ("I work at ..."), if the organization sets one.
alter table organization_settings add column disclosure text;
