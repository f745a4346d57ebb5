#!/usr/bin/env bash
# The feed benchmark: 100,000 items, 10,000 ambassadors, 200 groups (bench/feed-seed.sql), then
# GET /api/v1/feed at 16 concurrent clients for the first page and for a page deep in the feed,
# as 50 different ambassadors. Prints p50/p95/p99 and EXPLAIN ANALYZE of the feed query.
# Usage: ./mvnw -Plocal package -DskipTests && bench/feed.sh
source "$(dirname "$0")/lib.sh"
start_app bench-feed "${PORT:-18081}"
open_database
seed_feed

echo "logging in 50 ambassadors..."
TOKENS=target/bench-feed-tokens.lua
echo "tokens = {" > $TOKENS
for i in $(seq 1 50); do
  T=$(login demo "bench-member-$((i * 97))@demo.example")
  echo "  \"$T\"," >> $TOKENS
done
echo "}" >> $TOKENS

# A cursor 2,000 items deep (publishedAt and id of that item), for "next pages".
DEEP=$($PSQL -At -c "select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || chr(31) || id
  from content where title like 'Bench item %' order by published_at desc, id desc offset 2000 limit 1" \
  | tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '=')

cat > target/bench-feed.lua <<LUA
dofile("$TOKENS")
local n = 0
path = "/api/v1/feed?limit=20"
request = function()
  n = n + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] })
end
done = function(summary, latency, requests)
  io.write(string.format("  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  %.0f req/s  errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.timeout))
end
LUA
sed "s|path = \"/api/v1/feed?limit=20\"|path = \"/api/v1/feed?limit=20\&cursor=$DEEP\"|" target/bench-feed.lua > target/bench-feed-deep.lua

echo "== warm-up (JIT), not reported"
wrk -t2 -c16 -d10s -s target/bench-feed.lua "$BASE" > /dev/null
wrk -t2 -c16 -d5s -s target/bench-feed-deep.lua "$BASE" > /dev/null
echo "== first page, 16 connections, $DURATION x $RUNS"
for i in $(seq 1 "$RUNS"); do wrk -t2 -c16 -d"$DURATION" -s target/bench-feed.lua "$BASE" | tail -1; done
echo "== a page 2,000 items deep, 16 connections, $DURATION x $RUNS"
for i in $(seq 1 "$RUNS"); do wrk -t2 -c16 -d"$DURATION" -s target/bench-feed-deep.lua "$BASE" | tail -1; done

ORG=$($PSQL -At -c "select id from organizations where slug = 'demo'")
FEED_GROUPS=$($PSQL -At -c "select string_agg(quote_literal(gm.group_id::text) || '::uuid', ',') from group_memberships gm
  join members m on m.id = gm.member_id where m.email = 'bench-member-97@demo.example'")
DEEP_ROW=$($PSQL -At -c "select quote_literal(published_at) || '::timestamptz, ' || quote_literal(id) || '::uuid'
  from content where title like 'Bench item %' order by published_at desc, id desc offset 2000 limit 1")
FEED_SQL="select c.id, c.title from content c
where c.organization_id = '$ORG' and c.status in ('published', 'scheduled') and c.published_at <= now()
  and (c.expires_at is null or c.expires_at > now())
  and (c.targets_everyone or c.target_group_ids && array[$FEED_GROUPS])"
echo "== EXPLAIN ANALYZE of the feed query (the statement FeedService sends) for one ambassador, first page"
$PSQL -c "explain (analyze, buffers, costs off) $FEED_SQL order by c.published_at desc, c.id desc limit 21"
echo "== ...and 2,000 items deep"
$PSQL -c "explain (analyze, buffers, costs off) $FEED_SQL and (c.published_at, c.id) < ($DEEP_ROW)
  order by c.published_at desc, c.id desc limit 21"
