-- Every table that holds an organization's rows gets organization_id into its primary key, its unique constraints and
-- indexes, and every foreign key between such tables, so that each can be distributed by organization_id (Citus) and
-- co-located with the others. CitusReadyTest reads the catalog and keeps it so.

-- The visitors already counted per share and day belong to the share's organization.
alter table analytics_visitors add column organization_id uuid;
update analytics_visitors v set organization_id = s.organization_id from shares s where s.id = v.share_id;
delete from analytics_visitors where organization_id is null;
alter table analytics_visitors alter column organization_id set not null;
alter table analytics_visitors drop constraint analytics_visitors_pkey;
alter table analytics_visitors add primary key (organization_id, day, share_id, visitor_id);
create index analytics_visitors_day_idx on analytics_visitors (day); -- the days forgotten, every organization at once

-- Click tallies get a key: one row per organization, item and instant (a second batch of the same instant adds to it).
create temporary table tallies on commit drop as
    select organization_id, content_id, recorded_at, sum(clicks)::integer as clicks from webhook_click_tallies
    group by organization_id, content_id, recorded_at;
delete from webhook_click_tallies;
insert into webhook_click_tallies (organization_id, content_id, recorded_at, clicks)
    select organization_id, content_id, recorded_at, clicks from tallies;
alter table webhook_click_tallies add primary key (organization_id, content_id, recorded_at);

-- Lookups by a secret's hash or a short code stay unique per organization; the hash or code leads the index, so the
-- lookup (which does not know the organization yet) still finds it by the index.
drop index conversion_keys_hash_uk;
create unique index conversion_keys_hash_uk on conversion_keys (key_hash, organization_id);
drop index invitations_token_hash_uk;
create unique index invitations_token_hash_uk on invitations (token_hash, organization_id);
drop index scim_tokens_hash_uk;
create unique index scim_tokens_hash_uk on scim_tokens (token_hash, organization_id);
drop index shares_code_uk;
create unique index shares_code_uk on shares (code, organization_id);

-- Primary keys: the key's columns, then organization_id. The foreign keys into these tables are dropped first and put
-- back as they were (they referenced (id, organization_id), which the new primary keys now are), and the unique
-- (id, organization_id) constraints that only existed for them go.
create temporary table kept_foreign_keys on commit drop as
    select con.conrelid::regclass::text as owner, con.conname as name, pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_attribute a on a.attrelid = con.confrelid and a.attname = 'organization_id'
    where con.contype = 'f' and con.connamespace = current_schema()::regnamespace
      and con.conname not in ('conversions_key_id_fkey', 'points_ledger_conversion_id_fkey',
                              'sso_codes_member_id_fkey');

do $$
declare
    fk record;
    t record;
    uk record;
begin
    for fk in select con.conrelid::regclass as owner, con.conname as name from pg_constraint con
              join pg_attribute a on a.attrelid = con.confrelid and a.attname = 'organization_id'
              where con.contype = 'f' and con.connamespace = current_schema()::regnamespace loop
        execute format('alter table %s drop constraint %I', fk.owner, fk.name);
    end loop;
    for t in select c.oid, c.relname, p.conname as pk, a.attnum as org,
                    (select string_agg(format('%I', k.attname), ', ' order by u.ord)
                     from unnest(p.conkey) with ordinality u(attnum, ord)
                     join pg_attribute k on k.attrelid = c.oid and k.attnum = u.attnum) as columns
             from pg_class c
             join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
             join pg_constraint p on p.conrelid = c.oid and p.contype = 'p'
             where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
               and c.relname <> 'refresh_tokens' -- an operator's have no organization: see CitusReadyTest
               and not (a.attnum = any(p.conkey)) loop
        for uk in select u.conname from pg_constraint u, pg_constraint p
                  where u.conrelid = t.oid and u.contype = 'u' and p.conrelid = t.oid and p.contype = 'p'
                    and u.conkey @> (p.conkey || t.org) and u.conkey <@ (p.conkey || t.org) loop
            execute format('alter table %I drop constraint %I', t.relname, uk.conname);
        end loop;
        execute format('alter table %I drop constraint %I', t.relname, t.pk);
        execute format('alter table %I add constraint %I primary key (%s, organization_id)', t.relname, t.pk,
                       t.columns);
    end loop;
end $$;

do $$
declare
    fk record;
begin
    for fk in select owner, name, definition from kept_foreign_keys loop
        execute format('alter table %s add constraint %I %s', fk.owner, fk.name, fk.definition);
    end loop;
end $$;

-- The three foreign keys that named an id alone now name its organization too.
alter table conversions add constraint conversions_key_id_fkey
    foreign key (key_id, organization_id) references conversion_keys (id, organization_id);
alter table points_ledger add constraint points_ledger_conversion_id_fkey
    foreign key (conversion_id, organization_id) references conversions (id, organization_id);
alter table sso_codes add constraint sso_codes_member_id_fkey
    foreign key (member_id, organization_id) references members (id, organization_id);
