-- Fills the demo organization with the feed benchmark's data: 200 groups, 10,000 ambassadors
-- in ~5 groups each, 100,000 published items targeted to everyone (1 in 4) or to 1-3 groups.
-- Idempotent: does nothing when the data is already there.
\set ON_ERROR_STOP on
select exists (select 1 from members where email = 'bench-member-1@demo.example') as seeded \gset
\if :seeded
  \echo 'benchmark data already seeded'
\else
begin;
create temporary table bench_org as select id from organizations where slug = 'demo';

insert into groups (id, organization_id, name, kind, created_at)
select gen_random_uuid(), o.id, 'Bench group ' || lpad(g::text, 3, '0'), 'team', now()
from bench_org o, generate_series(1, 200) g;

create temporary table bench_groups as
select array_agg(id order by name) as ids from groups
where organization_id = (select id from bench_org) and name like 'Bench group %';

insert into members (id, organization_id, email, name, password_hash, roles, language, status, created_at, updated_at)
select gen_random_uuid(), o.id, 'bench-member-' || i || '@demo.example', 'Bench Member ' || i,
       (select password_hash from members where email = 'ambassador01@demo.example'),
       array['ambassador']::varchar[], 'en', 'active', now(), now()
from bench_org o, generate_series(1, 10000) i;

insert into group_memberships (organization_id, member_id, group_id)
select m.organization_id, m.id, g.ids[1 + abs(hashtext(m.id::text || k)) % 200]
from members m, bench_groups g, generate_series(1, 5) k
where m.email like 'bench-member-%'
on conflict do nothing;

insert into content (id, organization_id, title, url, body, language, topics, suggested_messages,
                     targets_everyone, status, published_at, author_id, created_at, updated_at)
select gen_random_uuid(), o.id, 'Bench item ' || i, 'https://news.example.com/item/' || i,
       'The body of benchmark item ' || i || '.',
       case when i % 5 = 0 then 'fr' else 'en' end,
       array['topic-' || (i % 30), 'topic-' || ((i * 7) % 30)]::varchar[],
       '{"linkedin": "Worth a read", "x": "Worth a read"}'::jsonb,
       i % 4 = 0, 'published', now() - i * interval '5 minutes',
       (select id from members where email = 'curator@demo.example'),
       now() - i * interval '5 minutes', now()
from bench_org o, generate_series(1, 100000) i;

insert into content_targets (organization_id, content_id, group_id)
select c.organization_id, c.id, g.ids[1 + abs(hashtext(c.id::text || k)) % 200]
from content c, bench_groups g, generate_series(1, 3) k
where c.title like 'Bench item %' and not c.targets_everyone
  and k <= 1 + abs(hashtext(c.id::text)) % 3
on conflict do nothing;
commit;
analyze;
\echo 'benchmark data seeded'
\endif
