-- The analytics benchmark's data, on top of the scoring benchmark's organization ("bench-scoring",
-- bench/leaderboard-seed.sql: :members ambassadors in 50 departments, the points ledger): an analyst
-- and a curator, :items published content items spread over the past year, :shares shares (made by
-- members skewed like the ledger's awards, of items published in the two weeks before, on one of
-- six networks; a repeated member, item and network is dropped) and :clicks click events on them
-- (popular shares get more; most within days of the share; 5% robots, 1% the sharer's own, one
-- visitor in five comes back). Click ids start with their time (UUID version 7), like the redirect's.
-- Everything goes in one transaction that also forgets the organization's analytics aggregates, so
-- that the service's rollup rebuilds them from these rows (its first pass after the commit).
-- Idempotent: does nothing when already seeded.
-- Usage: psql -v items=5000 -v shares=2000000 -v clicks=20000000 -f bench/analytics-seed.sql
\set ON_ERROR_STOP on
select exists (select 1 from members where email = 'analyst@bench-scoring.example') as seeded \gset
\if :seeded
  \echo 'analytics benchmark data already seeded'
\else
begin;
create temporary table bench_org on commit drop as select id from organizations where slug = 'bench-scoring';

insert into members (id, organization_id, email, name, password_hash, roles, language, status, created_at, updated_at)
select gen_random_uuid(), o.id, r || '@bench-scoring.example', initcap(r),
       (select password_hash from members where email = 'ambassador01@demo.example'),
       array[r]::varchar[], 'en', 'active', now() - interval '400 days', now()
from bench_org o, (values ('analyst'), ('curator')) v(r);

create temporary table bench_items on commit drop as
select i, gen_random_uuid() as id, now() - (:items - i) * (interval '365 days' / :items) as published_at
from generate_series(1, :items) i;
insert into content (id, organization_id, title, url, body, language, topics, suggested_messages,
                     targets_everyone, status, published_at, author_id, created_at, updated_at)
select b.id, o.id, 'Analytics bench item ' || b.i, 'https://news.example.com/analytics/' || b.i,
       'The body of analytics benchmark item ' || b.i || '.', 'en', array['bench']::varchar[],
       '{"linkedin": "Worth a read"}'::jsonb, true, 'published', b.published_at,
       (select id from members where email = 'curator@bench-scoring.example'), b.published_at, b.published_at
from bench_org o, bench_items b;
create index on bench_items (i);

create temporary table bench_people on commit drop as
select row_number() over (order by email) as i, id from members
where organization_id = (select id from bench_org) and email like 'member-%';
create index on bench_people (i);

-- Shares: the item is one published at most 14 days before the share (by its rank in time).
insert into shares (id, organization_id, content_id, member_id, network, code, message, created_at)
select gen_random_uuid(), o.id, it.id, p.id, (array['linkedin', 'x', 'facebook', 'xing', 'whatsapp', 'email'])[1 + s.n % 6],
       substr(translate(encode(sha256(convert_to('analytics-bench:' || s.n, 'UTF8')), 'base64'), '+/', '-_'), 1, 12),
       'Worth a read', greatest(it.published_at, s.at)
from bench_org o,
     (select n, at, person,
             greatest(1, least(:items, ceil(:items * (1 - back / 365.0))::int - floor(random() * :items * 14 / 365)::int))
               as item
      from (select n, now() - back * interval '1 day' as at, back,
                   1 + floor((select count(*) from bench_people) * power(random(), 2))::int as person
            from (select n, random() * 365 as back from generate_series(1, :shares) n) r) t) s
join bench_people p on p.i = s.person
join bench_items it on it.i = s.item
on conflict do nothing;

create temporary table bench_shares on commit drop as
select row_number() over (order by created_at, id) as i, id, created_at from shares
where organization_id = (select id from bench_org);
create index on bench_shares (i);
select count(*) as share_count from bench_shares \gset

-- Clicks, a million per statement.
select format($f$
insert into click_events (id, organization_id, share_id, at, visitor_id, robot, self, referrer_host, agent_family)
select (lpad(to_hex((extract(epoch from c.at) * 1000)::bigint), 12, '0') || '7'
        || substr(md5(c.n::text), 1, 3) || '8' || substr(md5(c.n::text), 4, 15))::uuid,
       %L::uuid, c.share_id, c.at,
       (md5('visitor:' || case when c.n %% 5 = 0 then c.n / 5 * 5 - 5 else c.n end))::uuid,
       c.n %% 20 = 7, c.n %% 100 = 3, null, 'Chrome'
from (select r.n, s.id as share_id, least(now(), s.created_at + power(random(), 3) * interval '10 days') as at
      from (select n, 1 + floor(%s * power(random(), 2))::int as share from generate_series(%s, %s) n) r
      join bench_shares s on s.i = r.share) c$f$,
      (select id from bench_org), :share_count, k * 1000000 + 1, least((k + 1) * 1000000, :clicks))
from generate_series(0, (:clicks - 1) / 1000000) k \gexec

-- The rollup rebuilds the organization from these rows on its next pass.
delete from analytics_share_queue where organization_id = (select id from bench_org);
delete from analytics_organizations where organization_id = (select id from bench_org);
commit;
analyze shares; analyze click_events; analyze content;
\echo 'analytics benchmark data seeded'
\endif
