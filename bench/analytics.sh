#!/usr/bin/env bash
# The analytics benchmark: the scoring benchmark's organization (bench/leaderboard-seed.sql: 100,000
# ambassadors, 10,000,000 ledger rows) plus 5,000 items, 2,000,000 shares and 20,000,000 click events
# (bench/analytics-seed.sql). The service's rollup then rebuilds the organization's aggregates from
# those rows (timed). Then each analytics endpoint, for the 90 days up to today, in JSON and in CSV,
# with wrk at CONNECTIONS concurrent clients (one analyst). Target: p95 < 200 ms for each.
# Those requests repeat one range, so after the first they are answered from memory (warm: the
# service remembers each answer for chorus.analytics.max-age). Then the cold case, for overview and
# participation by group and by week (JSON and CSV): every request asks for a range no other request of the run asked
# for (ending 0 to 359 days before today, 90 to 109 days long), so each one is computed (the counts
# printed say whether some were served from memory after all: a fast endpoint can run out of ranges). After each
# case the script prints how many answers were computed and served from memory (/q/metrics).
# Cold answers take every member's figures from the member activity held in memory (MemberActivity),
# read in the background after the first request: the script times that read, waits for it, and after
# each cold case prints how many answers took their member figures from memory and how many from the
# database (chorus_analytics_activity_answers_total).
# Ends with the aggregates' sizes and EXPLAIN ANALYZE of the heaviest statement (every ambassador's
# shares and clicks in the range), which answers when the member activity is not in memory.
# Usage: ./mvnw -Plocal package -DskipTests && bench/analytics.sh
#   MEMBERS=100000 AWARDS=10000000 ITEMS=5000 SHARES=2000000 CLICKS=20000000 CONNECTIONS=4
#   DURATION=20s RUNS=3 PORT=18085; installs wrk and psql if missing. The data lives in
#   target/bench-scoring-data, shared with bench/leaderboard.sh; SEED_ONLY=1 stops once the
#   aggregates are rebuilt (to seed while the machine is busy, and measure when it is quiet);
#   COLD_ONLY=1 skips the warm cases; COLD_PATHS (overview, participation by group and week) and
#   COLD_LENGTHS=20 (ranges of 90 to 109 days) choose the cold cases.
#   A small smoke run: MEMBERS=2000 AWARDS=200000 ITEMS=200 SHARES=40000 CLICKS=200000 DURATION=5s RUNS=1
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
MEMBERS=${MEMBERS:-100000}
AWARDS=${AWARDS:-10000000}
ITEMS=${ITEMS:-5000}
SHARES=${SHARES:-2000000}
CLICKS=${CLICKS:-20000000}
CONNECTIONS=${CONNECTIONS:-4}
start_app bench-scoring "${PORT:-18085}"
DB_PORT=$(sed -n 's/^Embedded PostgreSQL: jdbc:postgresql:\/\/localhost:\([0-9]*\)\/.*/\1/p' $APP_LOG | head -1)
export PGPASSWORD=postgres
PSQL="psql -q -h localhost -p $DB_PORT -U postgres -d postgres"
# A counter of the service's, by one of its tags: metric NAME TAG VALUE (0 before it counted).
metric() {
  curl -sf "$BASE/q/metrics" | awk -v name="$1" -v tag="$2=\"$3\"" \
    'index($0, name "{") == 1 && index($0, tag) {n = $NF} END {printf "%d", n}'
}
# The answers computed and served from memory so far.
answers() {
  metric chorus_analytics_answers_total source "$1"
}
# The answers whose member figures came from the member activity in memory / the database so far.
activity() {
  metric chorus_analytics_activity_answers_total source "$1"
}

echo "== seeding $MEMBERS members and $AWARDS ledger rows (scoring benchmark data)"
time $PSQL -v members="$MEMBERS" -v awards="$AWARDS" -f bench/leaderboard-seed.sql
echo "== seeding $ITEMS items, $SHARES shares, $CLICKS clicks"
time $PSQL -v items="$ITEMS" -v shares="$SHARES" -v clicks="$CLICKS" -f bench/analytics-seed.sql
ORG=$($PSQL -At -c "select id from organizations where slug = 'bench-scoring'")
$PSQL -At -c "select 'shares: ' || count(*) from shares where organization_id = '$ORG'"
$PSQL -At -c "select 'click events: ' || count(*) || ' (human: ' || count(*) filter (where not robot and not self)
  || ')' from click_events where organization_id = '$ORG'"

echo "== waiting for the rollup to rebuild the organization's aggregates"
START=$SECONDS
until [ "$($PSQL -At -c "select count(*) from analytics_organizations where organization_id = '$ORG'")" = 1 ]; do
  [ $((SECONDS - START)) -lt 3600 ] || { echo "not rebuilt after an hour" >&2; exit 1; }
  sleep 2
done
echo "rebuilt in about $((SECONDS - START)) s"
[ "${SEED_ONLY:-0}" = 1 ] && exit 0

TO=$($PSQL -At -c "select (now() at time zone 'UTC')::date")
FROM=$($PSQL -At -c "select (now() at time zone 'UTC')::date - 89")
RANGE="from=$FROM&to=$TO"
TOKEN=$(login bench-scoring analyst@bench-scoring.example)
LOAD_START=$(date +%s.%N)
curl -sf "$BASE/api/v1/analytics/overview?$RANGE" -H "authorization: Bearer $TOKEN" -o /dev/null \
  -w "first request (member figures from the database): %{time_total} s\n"
echo "== waiting for the member activity to be read into memory (in the background)"
until [ "$(metric chorus_analytics_activity_loads_total kind full)" -ge 1 ]; do
  [ "$(metric chorus_analytics_activity_loads_total kind over-budget)" = 0 ] \
    || { echo "larger than chorus.analytics.activity-max-entries" >&2; exit 1; }
  [ "$(echo "$(date +%s.%N) - $LOAD_START < 600" | bc)" = 1 ] \
    || { echo "not read after 10 minutes; see $APP_LOG" >&2; exit 1; }
  sleep 0.2
done
echo "read in $(echo "$(date +%s.%N) - $LOAD_START" | bc) s; $(curl -sf "$BASE/q/metrics" \
  | awk '/^chorus_analytics_activity_entries/ {printf "%d", $NF}') timeline entries held"
curl -sf "$BASE/api/v1/analytics/overview?$RANGE" -H "authorization: Bearer $TOKEN" | head -c 600; echo
CONTENT=$(curl -sf "$BASE/api/v1/analytics/overview?$RANGE" -H "authorization: Bearer $TOKEN" \
  | sed 's/.*"topContent":\[{"contentId":"\([^"]*\)".*/\1/')
RAW=$($PSQL -At -c "select count(*) from click_events c join shares s on s.id = c.share_id
  where s.organization_id = '$ORG' and not c.robot and not c.self and c.at::date between '$FROM' and '$TO'")
echo "human clicks in the range, counted from the raw rows: $RAW"

WARM_PATHS=("overview" "participation?groupBy=group" "participation?groupBy=week" "retention" "content/$CONTENT")
[ "${COLD_ONLY:-0}" = 1 ] && WARM_PATHS=()
for path in "${WARM_PATHS[@]}"; do
  for format in application/json text/csv; do
    # Tokens live 15 minutes: a fresh one for each endpoint and format.
    TOKEN=$(login bench-scoring analyst@bench-scoring.example)
    separator=$([ "${path#*\?}" = "$path" ] && echo "?" || echo "&")
    LUA=target/bench-analytics.lua
    cat > $LUA <<LUA
request = function()
  return wrk.format("GET", "/api/v1/analytics/$path$separator$RANGE",
    { ["Authorization"] = "Bearer $TOKEN", ["Accept"] = "$format" })
end
dofile("target/bench-report.lua")
LUA
    status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/analytics/$path$separator$RANGE" \
      -H "authorization: Bearer $TOKEN" -H "accept: $format")
    [ "$status" = 200 ] || { echo "$path as $format answered $status" >&2; exit 1; }
    wrk -t2 -c"$CONNECTIONS" -d5s -s $LUA "$BASE" > /dev/null # warm-up (JIT), not reported
    computed=$(answers computed); cached=$(answers cache)
    echo "== WARM GET /api/v1/analytics/$path ($format, the same range each time), $CONNECTIONS connections, $DURATION x $RUNS"
    run_wrk $LUA "$BASE" "$CONNECTIONS"
    echo "  answers in these runs: $(($(answers computed) - computed)) computed, $(($(answers cache) - cached)) from memory"
  done
done

# The cold case: every request a range no earlier request of the run asked for.
NOON=$(date -u -d "$TO 12:00" +%s)
# JIT warm-up for the cold case (not reported; needed with COLD_ONLY=1): overview for ranges of 150 to 159 days,
# which the measured runs never ask for.
TOKEN=$(login bench-scoring analyst@bench-scoring.example)
cat > target/bench-analytics-cold-warmup.lua <<LUA
local n = 0
request = function()
  n = n + 1
  local back = n % 360
  return wrk.format("GET", "/api/v1/analytics/overview?from=" .. os.date("!%Y-%m-%d", $NOON - (back + 150 + n % 10) * 86400)
    .. "&to=" .. os.date("!%Y-%m-%d", $NOON - back * 86400), { ["Authorization"] = "Bearer $TOKEN" })
end
LUA
echo "== cold case: JIT warm-up, ${COLD_WARMUP:-30s}, not reported"
wrk -t2 -c"$CONNECTIONS" -d"${COLD_WARMUP:-30s}" -s target/bench-analytics-cold-warmup.lua "$BASE" > /dev/null
COLD_LENGTHS=${COLD_LENGTHS:-20}
COLD_RANGES=$((360 * COLD_LENGTHS))
COLD_BLOCK=$((COLD_RANGES / (2 * RUNS)))
for path in ${COLD_PATHS:-overview participation?groupBy=group participation?groupBy=week}; do
  rm -f target/bench-analytics-cold-run # the CSV runs go on with the ranges after the JSON runs
  for format in application/json text/csv; do
  TOKEN=$(login bench-scoring analyst@bench-scoring.example)
  separator=$([ "${path#*\?}" = "$path" ] && echo "?" || echo "&")
  LUA=target/bench-analytics-cold.lua
  cat > $LUA <<LUA
-- $COLD_RANGES ranges: ending 0 to 359 days before the last day of the warm range, 90 to $((89 + COLD_LENGTHS)) days
-- long (there are only 360 ranges of exactly 90 days in the year of data; longer ones are more work, not less).
local noon = $NOON
local function day(back) return os.date("!%Y-%m-%d", noon - back * 86400) end
local threads = 0
function setup(thread)
  if threads == 0 then -- which run of run_wrk this is (JSON, then CSV): each run takes the next $COLD_BLOCK ranges
    local file = io.open("target/bench-analytics-cold-run", "r")
    run = file and tonumber(file:read("*l")) or 0
    if file then file:close() end
    file = io.open("target/bench-analytics-cold-run", "w")
    file:write(run + 1)
    file:close()
  end
  thread:set("first", run * $COLD_BLOCK + threads)
  threads = threads + 1
end
local n = 0
request = function()
  -- Thread t of a run asks for ranges t, t + 2, t + 4, ... of its $COLD_BLOCK and beyond.
  local i = (first + 2 * n) % $COLD_RANGES
  n = n + 1
  local length = 90 + i % $COLD_LENGTHS -- every run asks for the same mix of lengths
  local ending = math.floor(i / $COLD_LENGTHS)
  return wrk.format("GET", "/api/v1/analytics/$path$separator" .. "from=" .. day(ending + length - 1)
    .. "&to=" .. day(ending), { ["Authorization"] = "Bearer $TOKEN", ["Accept"] = "$format" })
end
dofile("target/bench-report.lua")
LUA
  computed=$(answers computed); cached=$(answers cache)
  memory=$(activity memory); database=$(activity database)
  echo "== COLD GET /api/v1/analytics/$path ($format, a new range of 90 to $((89 + COLD_LENGTHS)) days each time), $CONNECTIONS connections, $DURATION x $RUNS"
  run_wrk $LUA "$BASE" "$CONNECTIONS"
  echo "  answers in these runs: $(($(answers computed) - computed)) computed, $(($(answers cache) - cached)) from memory"
  echo "  member figures of the computed ones: $(($(activity memory) - memory)) from memory," \
    "$(($(activity database) - database)) from the database"
  done
done

echo "== aggregate sizes"
$PSQL -c "select relname as aggregate, n_live_tup as rows, pg_size_pretty(pg_total_relation_size(relid)) as size
  from pg_stat_user_tables where relname like 'analytics_%' order by relname"
# The day before the range and its last day: their months' running totals and days of month.
read -r M1 D1 M2 D2 <<< "$($PSQL -At -F ' ' -c "select date_trunc('month', '$FROM'::date - 1)::date,
  extract(day from '$FROM'::date - 1), date_trunc('month', '$TO'::date)::date, extract(day from '$TO'::date)")"
echo "== EXPLAIN ANALYZE: every ambassador's shares and clicks in the range (overview, participation by group)"
$PSQL -c "set jit = off" -c "explain (analyze, buffers, costs off)
  with v as materialized (
    select e.member_id, e.shares - coalesce(s.shares, 0) as shares, e.clicks - coalesce(s.clicks, 0) as clicks
    from (select member_id, shares_before + coalesce(shares[least($D2, cardinality(shares))], 0) as shares,
                 clicks_before + coalesce(clicks[least($D2, cardinality(clicks))], 0) as clicks
          from analytics_member_months where organization_id = '$ORG' and month = '$M2' offset 0) e
    left join (select member_id, shares_before + coalesce(shares[least($D1, cardinality(shares))], 0) as shares,
                      clicks_before + coalesce(clicks[least($D1, cardinality(clicks))], 0) as clicks
               from analytics_member_months where organization_id = '$ORG' and month = '$M1' offset 0) s
    on s.member_id = e.member_id),
  a as materialized (select m.id from members m where m.organization_id = '$ORG' and 'ambassador' = any(m.roles)
                     and m.status <> 'deactivated'),
  p as materialized (select v.shares, v.clicks from v join a on a.id = v.member_id)
  select count(*) filter (where shares > 0),
         (select coalesce(sum(clicks), 0) from (select clicks from p order by clicks desc limit 5000) t) from p"
