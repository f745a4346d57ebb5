-- Provisioning with SCIM 2.0 (RFC 7643, 7644): an organization's identity provider (Entra ID, Okta...) creates, updates
-- and deactivates its members and groups through /scim/v2, authenticated by a bearer token an admin created.

-- The tokens: stored only as the SHA-256 of the secret (256 random bits, shown once, when created).
create table scim_tokens (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    name             text not null,
    token_hash       text not null,
    created_at       timestamptz not null,
    created_by       uuid,
    -- Noted at most once a minute, so that a provisioning run does not write a row per request.
    last_used_at     timestamptz,
    constraint scim_tokens_name_length check (char_length(name) between 1 and 100)
);
create unique index scim_tokens_hash_uk on scim_tokens (token_hash);
create index scim_tokens_org_idx on scim_tokens (organization_id, created_at desc, id desc);

-- What the identity provider says of a member beside their email (userName) and name (displayName): its own id for
-- them, and the parts of their name.
alter table members add column external_id text;
alter table members add column given_name text;
alter table members add column family_name text;
alter table members add constraint members_external_id_length check (char_length(external_id) between 1 and 200);
alter table members add constraint members_name_parts_length check (
    char_length(given_name) <= 200 and char_length(family_name) <= 200);
create unique index members_external_id_uk on members (organization_id, external_id);
-- A member the identity provider created (or took over) signs in through it: active without a password of Chorus.
alter table members add column provisioned boolean not null default false;
alter table members drop constraint members_active_has_password;
alter table members add constraint members_active_has_password check (
    status <> 'active' or password_hash is not null or provisioned);
-- Deleted through SCIM: deactivated as an admin deactivates (points and history kept), and gone from /scim/v2/Users.
-- Created again with the same userName, the member comes back with their history.
alter table members add column deprovisioned_at timestamptz;
-- Erasure removes these too.
alter table members drop constraint members_erased_check;
alter table members add constraint members_erased_check check (
    erased_at is null or (email is null and password_hash is null and status = 'deactivated' and external_id is null
        and given_name is null and family_name is null));
-- The SCIM list's order: the oldest first, so that new members join the end of a listing being paged through.
create index members_org_created_idx on members (organization_id, created_at, id);

alter table groups add column external_id text;
alter table groups add constraint groups_external_id_length check (char_length(external_id) between 1 and 200);
create unique index groups_external_id_uk on groups (organization_id, external_id);
alter table groups add column updated_at timestamptz;
update groups set updated_at = created_at;
alter table groups alter column updated_at set not null;
-- A group written without it (as the benchmarks' seeds do) was last changed when it was created.
create function groups_updated_at() returns trigger language plpgsql as $$
begin
    new.updated_at := coalesce(new.updated_at, new.created_at);
    return new;
end
$$;
create trigger groups_updated_at before insert on groups for each row execute function groups_updated_at();
create index groups_org_created_idx on groups (organization_id, created_at, id);

-- Versions for the ETags of SCIM resources (W/"<version>"): the database counts every change of what a resource shows,
-- whoever makes it (SCIM, the API, the admin UI, erasure), so that If-Match can never accept a stale copy.
alter table members add column version bigint not null default 1;
alter table groups add column version bigint not null default 1;

create function members_version() returns trigger language plpgsql as $$
begin
    if (new.email, new.name, new.given_name, new.family_name, new.external_id, new.status, new.language,
        new.erased_at, new.deprovisioned_at) is distinct from (old.email, old.name, old.given_name, old.family_name,
        old.external_id, old.status, old.language, old.erased_at, old.deprovisioned_at) then
        new.version := old.version + 1;
    end if;
    -- A member's groups show their name, and show them only while they are a user (not erased, not deleted).
    if (new.name, new.erased_at, new.deprovisioned_at) is distinct from (old.name, old.erased_at, old.deprovisioned_at)
    then
        update groups g set version = g.version + 1
        where g.id in (select m.group_id from group_memberships m where m.member_id = new.id);
    end if;
    return new;
end
$$;
create trigger members_version before update on members for each row execute function members_version();

create function groups_version() returns trigger language plpgsql as $$
begin
    if (new.name, new.external_id) is distinct from (old.name, old.external_id) then
        new.version := old.version + 1;
    end if;
    return new;
end
$$;
create trigger groups_version before update on groups for each row execute function groups_version();

-- A group's members are part of what it shows.
create function groups_members_version() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update groups g set version = g.version + 1 where g.id in (select distinct group_id from new_rows);
    else
        update groups g set version = g.version + 1 where g.id in (select distinct group_id from old_rows);
    end if;
    return null;
end
$$;
create trigger group_memberships_version_inserted after insert on group_memberships referencing new table as new_rows
    for each statement execute function groups_members_version();
create trigger group_memberships_version_deleted after delete on group_memberships referencing old table as old_rows
    for each statement execute function groups_members_version();
