#!/usr/bin/env bash
# The leaderboard benchmark: an organization of 100,000 members with 10,000,000 ledger rows over a
# year (bench/leaderboard-seed.sql), then GET /api/v1/leaderboards (top 50 + me) at 16 concurrent
# clients as 16 different members, over every period (week, month, quarter, year, all) and every
# group (none, or one of the 50 departments), picked at random per request. Target: p95 < 25 ms.
# Prints p50/p95/p99 per run, then EXPLAIN ANALYZE of building a ranking and of a request's one statement.
# Usage: ./mvnw -Plocal package -DskipTests && bench/leaderboard.sh
#   MEMBERS=100000 AWARDS=10000000 DURATION=20s RUNS=3 WARMUP=60s PORT=18084; installs wrk and psql if missing.
#   The data lives in target/bench-scoring-data, shared with bench/analytics.sh (seeded once, ~10 min);
#   SEED_ONLY=1 stops after seeding (to seed while the machine is busy, and measure when it is quiet).
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
MEMBERS=${MEMBERS:-100000}
AWARDS=${AWARDS:-10000000}
start_app bench-scoring "${PORT:-18084}"
DB_PORT=$(sed -n 's/^Embedded PostgreSQL: jdbc:postgresql:\/\/localhost:\([0-9]*\)\/.*/\1/p' $APP_LOG | head -1)
export PGPASSWORD=postgres
PSQL="psql -q -h localhost -p $DB_PORT -U postgres -d postgres"
echo "== seeding $MEMBERS members and $AWARDS ledger rows"
time $PSQL -v members="$MEMBERS" -v awards="$AWARDS" -f bench/leaderboard-seed.sql
ORG=$($PSQL -At -c "select id from organizations where slug = 'bench-scoring'")
$PSQL -At -c "select 'ledger rows: ' || count(*) from points_ledger where organization_id = '$ORG'"
$PSQL -At -c "select 'period totals: ' || count(*) from score_totals where organization_id = '$ORG'"
[ "${SEED_ONLY:-0}" = 1 ] && exit 0

echo "== logging in 16 members (from the top, the middle and the tail of the rankings)"
LUA=target/bench-leaderboard.lua
{
  echo "tokens = {"
  for k in 1 2 3 5 10 50 100 500 1000 5000 10000 20000 40000 60000 80000 100000; do
    i=$(( k * MEMBERS / 100000 > 0 ? k * MEMBERS / 100000 : 1 ))
    token=$(login bench-scoring "member-$i@bench-scoring.example")
    [ -n "$token" ] || { echo "member-$i could not log in" >&2; exit 1; }
    echo "  \"$token\","
  done
  echo "}"
  echo "groups = {"
  $PSQL -At -c "select '  \"' || id || '\",' from groups where organization_id = '$ORG'"
  echo "}"
  echo 'dofile("bench/leaderboard.lua")'
} > $LUA
curl -sf "$BASE/api/v1/leaderboards?period=year" -H "authorization: Bearer $(sed -n 2p $LUA | tr -d ' ",')" \
  | head -c 300; echo

# The JIT (C2) keeps compiling for about 40 s under load on 2 cores: steady state needs a minute.
echo "== warm-up (JIT), ${WARMUP:-60s}, not reported"
wrk -t2 -c16 -d"${WARMUP:-60s}" -s $LUA "$BASE" > /dev/null
echo "== leaderboards, 16 connections, $DURATION x $RUNS"
run_wrk $LUA "$BASE" 16

MEMBER=$($PSQL -At -c "select id from members where email = 'member-$((MEMBERS * 2 / 5))@bench-scoring.example'")
echo "== EXPLAIN ANALYZE: building the largest ranking (the year, organization-wide; once, then patched as points arrive)"
$PSQL -c "explain (analyze, buffers, costs off) select t.member_id, t.points, t.shares, t.clicks from score_totals t
  where t.organization_id = '$ORG' and t.period = 'y' and t.period_start = date_trunc('year', now())::date
  and t.listed order by t.points desc, t.member_id"
echo "== EXPLAIN ANALYZE: what each request reads (the page's names and the caller's figures)"
$PSQL -c "explain (analyze, buffers, costs off) select m.id, m.name, x.points, x.shares, x.clicks from members m
  left join score_totals x on m.id = '$MEMBER' and x.organization_id = '$ORG' and x.period = 'y'
    and x.period_start = date_trunc('year', now())::date and x.member_id = m.id
  where m.organization_id = '$ORG'
    and m.id = any(array(select member_id from score_totals where organization_id = '$ORG' and period = 'y'
                         and period_start = date_trunc('year', now())::date order by points desc limit 50)
                   || '$MEMBER'::uuid)"
