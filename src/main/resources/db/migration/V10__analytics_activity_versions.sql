-- Versions for the in-memory member activity index (analytics/MemberActivity): an instance holds an organization's
-- member running totals and roster in memory and uses them only for an answer whose snapshot shows exactly the versions
-- they were read at. Every instance sees every change here, whoever made it.

-- One counter for every rollup pass and rebuild: later passes get larger numbers (one rollup runs at a time).
create sequence analytics_versions;

-- The pass that last changed a member's running totals gave the rows it changed its number. A member whose rows are
-- newer than an index is read again, whole. Months only carried forward (no activity) change no one's totals and keep
-- their number.
alter table analytics_member_months add column version bigint not null default 0;
create index analytics_member_months_version_idx on analytics_member_months (organization_id, version);

-- members_version: the newest pass that changed the organization's member running totals; members_built: the rebuild
-- (first build, time-zone change) they descend from — a new one means every member changed.
alter table analytics_organizations add column members_version bigint not null default 0;
alter table analytics_organizations add column members_built bigint not null default 0;
update analytics_organizations set members_built = nextval('analytics_versions');

-- What the figures are counted over: members (roles, status, who exists), groups and group memberships. Bumped by a
-- trigger in every transaction that changes them, on any instance, so that an index never counts an old roster. No row:
-- version 0 (nothing changed since this migration).
create table analytics_roster_versions (
    organization_id  uuid primary key references organizations (id) on delete cascade,
    version          bigint not null
);

create function analytics_roster_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into analytics_roster_versions (organization_id, version)
        select distinct organization_id, 1 from new_rows
        on conflict (organization_id) do update set version = analytics_roster_versions.version + 1;
    elsif tg_op = 'DELETE' then
        insert into analytics_roster_versions (organization_id, version)
        select distinct organization_id, 1 from old_rows
        on conflict (organization_id) do update set version = analytics_roster_versions.version + 1;
    else
        insert into analytics_roster_versions (organization_id, version)
        select organization_id, 1 from new_rows union select organization_id, 1 from old_rows
        on conflict (organization_id) do update set version = analytics_roster_versions.version + 1;
    end if;
    return null;
end
$$;

-- A member's name, e-mail, password or language is not what figures are counted over: only roles and status are.
create function analytics_roster_members_updated() returns trigger language plpgsql as $$
begin
    insert into analytics_roster_versions (organization_id, version)
    select distinct n.organization_id, 1 from new_rows n join old_rows o on o.id = n.id
    where (n.roles, n.status, n.organization_id) is distinct from (o.roles, o.status, o.organization_id)
    on conflict (organization_id) do update set version = analytics_roster_versions.version + 1;
    return null;
end
$$;

create trigger members_roster_inserted after insert on members referencing new table as new_rows
    for each statement execute function analytics_roster_changed();
create trigger members_roster_updated after update on members referencing old table as old_rows new table as new_rows
    for each statement execute function analytics_roster_members_updated();
create trigger members_roster_deleted after delete on members referencing old table as old_rows
    for each statement execute function analytics_roster_changed();

create trigger group_memberships_roster_inserted after insert on group_memberships referencing new table as new_rows
    for each statement execute function analytics_roster_changed();
create trigger group_memberships_roster_updated after update on group_memberships
    referencing old table as old_rows new table as new_rows
    for each statement execute function analytics_roster_changed();
create trigger group_memberships_roster_deleted after delete on group_memberships referencing old table as old_rows
    for each statement execute function analytics_roster_changed();

create trigger groups_roster_inserted after insert on groups referencing new table as new_rows
    for each statement execute function analytics_roster_changed();
create trigger groups_roster_updated after update on groups referencing old table as old_rows new table as new_rows
    for each statement execute function analytics_roster_changed();
create trigger groups_roster_deleted after delete on groups referencing old table as old_rows
    for each statement execute function analytics_roster_changed();
