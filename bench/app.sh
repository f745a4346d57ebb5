#!/usr/bin/env bash
# The app's feed page against the API's feed, in one run: the feed benchmark's organization (bench/feed-seed.sql:
# 100,000 items, 10,000 ambassadors, 200 groups), 50 ambassadors' sessions cycled, 16 connections. Each round measures
# GET /api/v1/feed?limit=20 (bearer token) and then GET /app (the same token as the app's session cookie: the signed-in
# feed page, 20 items rendered with their share buttons), so that both see the same machine; prints each run, the
# medians and the ratio of the p95s.
# Usage: ./mvnw -Plocal package -DskipTests && bench/app.sh        (DURATION=20s RUNS=3 by default)
source "$(dirname "$0")/lib.sh"
start_app bench-app "${PORT:-18082}"
open_database
seed_feed

echo "logging in 50 ambassadors (and accepting the demo company's charter, which the app shows first)..."
TOKENS=target/bench-app-tokens.lua
echo "tokens = {" > $TOKENS
for i in $(seq 1 50); do
  T=$(login demo "bench-member-$((i * 97))@demo.example")
  VERSION=$(curl -sf "$BASE/api/v1/charter" -H "authorization: Bearer $T" | sed -n 's/.*"version":\([0-9]*\).*/\1/p' || true)
  if [ -n "$VERSION" ]; then
    curl -sf -o /dev/null "$BASE/api/v1/charter/accept" -H "authorization: Bearer $T" \
      -H 'content-type: application/json' -d "{\"version\":$VERSION}"
  fi
  echo "  \"$T\"," >> $TOKENS
done
echo "}" >> $TOKENS
# The page must answer 200 with the feed, not a redirect to the charter or the sign-in page.
FIRST=$(sed -n '2s/.*"\(.*\)",/\1/p' $TOKENS)
curl -sf -o target/bench-app-page.html -w "GET /app: %{http_code}, %{size_download} bytes\n" "$BASE/app" \
  -H "cookie: chorus_session=$FIRST"
grep -c 'data-testid="feed-item"' target/bench-app-page.html | sed 's/^/  items on the page: /'

for kind in api app; do
  cat > target/bench-app-$kind.lua <<LUA
dofile("$TOKENS")
local n = 0
request = function()
  n = n + 1
  local token = tokens[(n % #tokens) + 1]
  if "$kind" == "api" then
    return wrk.format("GET", "/api/v1/feed?limit=20", { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", "/app", { ["Cookie"] = "chorus_session=" .. token, ["Accept-Language"] = "en" })
end
dofile("target/bench-report.lua")
LUA
done

echo "== warm-up (JIT), not reported"
wrk -t2 -c16 -d15s -s target/bench-app-api.lua "$BASE" > /dev/null
wrk -t2 -c16 -d15s -s target/bench-app-app.lua "$BASE" > /dev/null

results=$(mktemp)
for i in $(seq 1 "$RUNS"); do
  for kind in api app; do
    line=$(wrk -t2 -c16 -d"$DURATION" --latency -s target/bench-app-$kind.lua "$BASE" | grep '^RESULT')
    echo "$kind $line" >> "$results"
    echo "$line" | awk -v k="$kind" -v i="$i" \
      '{printf "  run %d %-3s: %6d req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors/non-2xx %d\n", i, k, $2, $3, $4, $5, $6}'
  done
done
median() { awk -v k="$1" -v c="$2" '$1 == k {print $(c + 1)}' "$results" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for kind in api app; do
  printf '  median %-3s: %6d req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms\n' "$kind" \
    "$(median $kind 2)" "$(median $kind 3)" "$(median $kind 4)" "$(median $kind 5)"
done
ratios=$(awk '$1 == "api" {a[++na] = $5} $1 == "app" {b[++nb] = $5} END {for (i = 1; i <= na; i++) printf "%.2f\n", b[i] / a[i]}' "$results")
echo "  p95 app / api, per round: median $(echo "$ratios" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}') ($(echo $ratios | tr ' ' '/'))"
rm -f "$results"
