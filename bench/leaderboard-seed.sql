-- The scoring benchmark's data: an organization of its own ("bench-scoring") with :members
-- ambassadors (100,000 by default) in 50 groups, and :awards ledger rows (10,000,000) spread over
-- the past year, skewed so that a few members earn much more than most (as in real programmes):
-- 20% shares (10 points), 75% clicks (2), 5% approved submissions (25). The aggregates the app
-- keeps in step with each award (score_days, score_totals) are then built from the ledger with the
-- same grouping the app uses when it regroups them. Idempotent: does nothing when already seeded.
-- Usage: psql -v members=100000 -v awards=10000000 -f bench/leaderboard-seed.sql
\set ON_ERROR_STOP on
select exists (select 1 from organizations where slug = 'bench-scoring') as seeded \gset
\if :seeded
  \echo 'scoring benchmark data already seeded'
\else
begin;
insert into organizations (id, slug, name, created_at)
values (gen_random_uuid(), 'bench-scoring', 'Scoring benchmark', now() - interval '400 days');
create temporary table bench_org on commit drop as select id from organizations where slug = 'bench-scoring';

insert into groups (id, organization_id, name, kind, created_at)
select gen_random_uuid(), o.id, 'Department ' || lpad(g::text, 2, '0'), 'department', now()
from bench_org o, generate_series(1, 50) g;

create temporary table bench_members on commit drop as
select i, gen_random_uuid() as id from generate_series(1, :members) i;
insert into members (id, organization_id, email, name, password_hash, roles, language, status, created_at, updated_at)
select m.id, o.id, 'member-' || m.i || '@bench-scoring.example', 'Member ' || m.i,
       (select password_hash from members where email = 'ambassador01@demo.example'),
       array['ambassador']::varchar[], 'en', 'active', now() - interval '400 days', now()
from bench_org o, bench_members m;
-- Every member in one department, one in five in a second one.
insert into group_memberships (organization_id, member_id, group_id)
select o.id, m.id, g.id
from bench_org o, bench_members m
join lateral (select id from groups where organization_id = (select id from bench_org)
              order by name offset (m.i % 50) limit 1) g on true
union
select o.id, m.id, g.id
from bench_org o, bench_members m
join lateral (select id from groups where organization_id = (select id from bench_org)
              order by name offset ((m.i * 7) % 50) limit 1) g on m.i % 5 = 0
on conflict do nothing;

create index on bench_members (i);
insert into points_ledger (organization_id, member_id, action, points, requested, award_key, at, day)
select o.id, m.id, a.action, a.points, a.points, 'bench:' || a.n, a.at, (a.at at time zone 'UTC')::date
from bench_org o,
     (select n, 1 + floor(:members * power(random(), 2))::int as member,
             now() - random() * interval '365 days' as at,
             case when n % 20 < 4 then 'share' when n % 20 = 4 then 'submission_approved' else 'click' end as action,
             case when n % 20 < 4 then 10 when n % 20 = 4 then 25 else 2 end as points
      from generate_series(1, :awards) n) a
join bench_members m on m.i = a.member;

insert into score_days (organization_id, member_id, day, share_points, click_points, submission_points, shares, clicks)
select organization_id, member_id, day, coalesce(sum(points) filter (where action = 'share'), 0),
       coalesce(sum(points) filter (where action = 'click'), 0),
       coalesce(sum(points) filter (where action = 'submission_approved'), 0),
       count(*) filter (where action = 'share'), count(*) filter (where action = 'click')
from points_ledger where organization_id = (select id from bench_org)
group by 1, 2, 3;

insert into score_totals (organization_id, period, period_start, member_id, points, shares, clicks, listed)
select l.organization_id, p.code,
       case p.code when 'a' then date '1970-01-01' else date_trunc(p.unit, l.day)::date end,
       l.member_id, sum(l.points), count(*) filter (where l.action = 'share'),
       count(*) filter (where l.action = 'click'), true
from points_ledger l
cross join (values ('w', 'week'), ('m', 'month'), ('q', 'quarter'), ('y', 'year'), ('a', 'year')) p(code, unit)
where l.organization_id = (select id from bench_org)
group by 1, 2, 3, 4;
commit;
analyze points_ledger; analyze score_days; analyze score_totals; analyze group_memberships; analyze members;
\echo 'scoring benchmark data seeded'
\endif
