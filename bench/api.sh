#!/usr/bin/env bash
# The authenticated API against its yardstick, in one run: the reads an app makes on every screen, each at 32
# connections with 50 members' tokens cycled, beside a bare endpoint of the same build (bench/java: verifies the token
# with the same key and reads one row by primary key; only in the -Pbench jar) measured in the same rounds.
#   yardstick            GET /bench/yardstick          (the token in X-Bench-Token: none of Chorus's security runs)
#   me                   GET /api/v1/me
#   feed                 GET /api/v1/feed?limit=20     (the feed benchmark's data: 100,000 items, 10,000 ambassadors)
#   score, shares        GET /api/v1/me/score, GET /api/v1/me/shares
#   leaderboard          GET /api/v1/leaderboards?limit=50 (the scoring benchmark's 100,000-member organization)
# The feed as the feed benchmark's ambassadors; the others as members of the 100,000-member organization who have shares
# (bench/leaderboard-seed.sql, then bench/analytics-seed.sql with fewer items, shares and clicks than analytics.sh).
# Each round runs every endpoint once; prints each run with the CPU per request of the event loops, the workers, the
# rest of the JVM, PostgreSQL and wrk (bench/cpu.py), then the medians and, per endpoint, the median over the rounds of
# its throughput divided by the yardstick's in that round.
# Usage: ./mvnw -Pbench package && bench/api.sh
#   DURATION=20s RUNS=3 CONNECTIONS=32 ONLY="me feed" (a subset, the yardstick always runs) PORT=18086
#   The data lives in target/bench-api-data (seeded once, ~15 min); SEED_ONLY=1 stops after seeding.
source "$(dirname "$0")/lib.sh"
unzip -Z1 "$(ls target/quarkus-app/app/*.jar | head -1)" io/chorus/bench/Yardstick.class >/dev/null 2>&1 \
  || { echo "the jar has no yardstick: build it with ./mvnw -Pbench package" >&2; exit 1; }
CONNECTIONS=${CONNECTIONS:-32}
ENDPOINTS="yardstick ${ONLY:-me feed score shares leaderboard}"
start_app bench-api "${PORT:-18086}"
open_database
seed_feed
echo "== seeding the scoring benchmark's organization (100,000 members, 10,000,000 ledger rows) and its shares"
time $PSQL -v members=100000 -v awards=10000000 -f bench/leaderboard-seed.sql
time $PSQL -v items=2000 -v shares=500000 -v clicks=2000000 -f bench/analytics-seed.sql
# The seed leaves the service's analytics rollup a rebuild of the organization's aggregates to do (minutes, and
# again after a restart mid-way): measuring during it would charge its CPU to the requests.
echo "== waiting for the rollup to rebuild the scoring organization's aggregates"
START=$SECONDS
until [ "$($PSQL -At -c "select count(*) from analytics_organizations a join organizations o on o.id = a.organization_id
    where o.slug = 'bench-scoring'")" = 1 ]; do
  [ $((SECONDS - START)) -lt 3600 ] || { echo "not rebuilt after an hour" >&2; exit 1; }
  sleep 2
done
echo "rebuilt (waited $((SECONDS - START)) s); vacuum and analyze"
$PSQL -c "vacuum analyze"
[ "${SEED_ONLY:-0}" = 1 ] && exit 0

echo "== logging in 50 ambassadors of each organization"
TOKENS=target/bench-api-tokens.lua
{
  echo "feed_tokens = {"
  for i in $(seq 1 50); do echo "  \"$(login demo "bench-member-$((i * 97))@demo.example")\","; done
  echo "}"
  echo "tokens = {"
  # Members from the top to the tail of the rankings, each with shares.
  for email in $($PSQL -At -c "select m.email from members m join organizations o on o.id = m.organization_id
      where o.slug = 'bench-scoring' and m.email like 'member-%'
        and exists (select 1 from shares s where s.member_id = m.id)
      order by m.created_at, m.email limit 50"); do
    echo "  \"$(login bench-scoring "$email")\","
  done
  echo "}"
} > $TOKENS
grep -c '"ey' $TOKENS | sed 's/^/  tokens: /'
grep -q '""' $TOKENS && { echo "a login failed" >&2; exit 1; }

path_of() {
  case $1 in
    yardstick) echo /bench/yardstick ;;
    me) echo /api/v1/me ;;
    feed) echo "/api/v1/feed?limit=20" ;;
    score) echo /api/v1/me/score ;;
    shares) echo /api/v1/me/shares ;;
    leaderboard) echo "/api/v1/leaderboards?limit=50" ;;
  esac
}
for e in $ENDPOINTS; do
  header='["Authorization"] = "Bearer " .. t'
  [ "$e" = yardstick ] && header='["X-Bench-Token"] = t'
  list=tokens
  [ "$e" = feed ] && list=feed_tokens
  cat > target/bench-api-$e.lua <<LUA
dofile("$TOKENS")
local n = 0
request = function()
  n = n + 1
  local t = $list[(n % #$list) + 1]
  return wrk.format("GET", "$(path_of $e)", { $header })
end
dofile("target/bench-report.lua")
LUA
  first=$(sed -n "/^$list = {/{n;p}" $TOKENS | tr -d ' ",')
  if [ "$e" = yardstick ]; then auth=(-H "X-Bench-Token: $first"); else auth=(-H "Authorization: Bearer $first"); fi
  curl -sf "${auth[@]}" "$BASE$(path_of $e)" | head -c 160 | sed "s/^/  $e: /"; echo
done

# The JIT (C2) keeps compiling for about 40 s under load on 2 cores.
echo "== warm-up (JIT), not reported"
for e in $ENDPOINTS; do wrk -t2 -c"$CONNECTIONS" -d10s -s target/bench-api-$e.lua "$BASE" > /dev/null; done

echo "== $RUNS rounds of $DURATION per endpoint, $CONNECTIONS connections, 2 wrk threads"
results=$(mktemp)
for i in $(seq 1 "$RUNS"); do
  for e in $ENDPOINTS; do
    bench/cpu.py snapshot $APP $$ > target/bench-api-cpu-before.json
    line=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s target/bench-api-$e.lua "$BASE" | grep '^RESULT')
    bench/cpu.py snapshot $APP $$ > target/bench-api-cpu-after.json
    echo "$e $i $line" >> "$results"
    echo "$line" | awk -v k="$e" -v i="$i" \
      '{printf "  run %d %-11s: %6d req/s  p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms  errors/non-2xx %d\n", i, k, $2, $3, $4, $5, $6}'
    bench/cpu.py diff target/bench-api-cpu-before.json target/bench-api-cpu-after.json "$(echo "$line" | awk '{print $7}')"
  done
done
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for e in $ENDPOINTS; do
  printf '  median %-11s: %6d req/s  p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms' "$e" \
    "$(awk -v k=$e '$1 == k {print $4}' "$results" | median)" "$(awk -v k=$e '$1 == k {print $5}' "$results" | median)" \
    "$(awk -v k=$e '$1 == k {print $6}' "$results" | median)" "$(awk -v k=$e '$1 == k {print $7}' "$results" | median)"
  if [ "$e" != yardstick ]; then
    ratio=$(awk -v k=$e '$1 == "yardstick" {y[$2] = $4} $1 == k {r[$2] = $4} END {for (i in r) printf "%.2f\n", r[i] / y[i]}' "$results" | median)
    printf '   %.2f x yardstick' "$ratio"
  fi
  echo
done
rm -f "$results"
