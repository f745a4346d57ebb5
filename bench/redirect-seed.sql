-- The redirect benchmark's data: an organization of its own ("bench-redirect") with 40 ambassadors,
-- 50 published items and 10,000 shares (every ambassador x item x 5 networks), each with its own
-- 10-character short-link code (like ShareCodes makes: URL-safe base64, here derived from a hash so
-- the set is the same on every machine). Idempotent: does nothing when the data is already there.
\set ON_ERROR_STOP on
select exists (select 1 from organizations where slug = 'bench-redirect') as seeded \gset
\if :seeded
  \echo 'redirect benchmark data already seeded'
\else
begin;
insert into organizations (id, slug, name, created_at)
values (gen_random_uuid(), 'bench-redirect', 'Redirect benchmark', now());
create temporary table bench_org on commit drop as select id from organizations where slug = 'bench-redirect';

-- A curator (the items' author) and 40 ambassadors; nobody logs in, the password is the demo one.
insert into members (id, organization_id, email, name, password_hash, roles, language, status, created_at, updated_at)
select gen_random_uuid(), o.id, 'redirect-' || i || '@bench.example', 'Redirect Bench ' || i,
       (select password_hash from members where email = 'ambassador01@demo.example'),
       case when i = 0 then array['curator'] else array['ambassador'] end::varchar[], 'en', 'active', now(), now()
from bench_org o, generate_series(0, 40) i;

insert into content (id, organization_id, title, url, body, language, topics, suggested_messages,
                     targets_everyone, status, published_at, author_id, created_at, updated_at)
select gen_random_uuid(), o.id, 'Redirect bench item ' || i, 'https://www.example.com/news/2026/bench-article-' || i,
       'The body of redirect benchmark item ' || i || '.', 'en', array['bench']::varchar[],
       '{"linkedin": "Worth a read"}'::jsonb, true, 'published', now() - i * interval '1 hour',
       (select id from members where email = 'redirect-0@bench.example'), now(), now()
from bench_org o, generate_series(1, 50) i;

insert into shares (id, organization_id, content_id, member_id, network, code, message, created_at)
select gen_random_uuid(), o.id, c.id, m.id, n.network,
       substr(translate(encode(sha256(convert_to('redirect-bench:' || m.email || ':' || c.title || ':' || n.network,
                                                 'UTF8')), 'base64'), '+/', '-_'), 1, 10),
       'Worth a read', now()
from bench_org o
join members m on m.organization_id = o.id and m.email <> 'redirect-0@bench.example'
join content c on c.organization_id = o.id
cross join (values ('linkedin'), ('x'), ('facebook'), ('xing'), ('whatsapp')) n (network);
commit;
analyze shares;
\echo 'redirect benchmark data seeded'
\endif
