#!/usr/bin/env bash
# SCIM provisioning as an identity provider does it: 10,000 users and 200 groups (50 members each, added
# 10 at a time), one request at a time, on the packaged jar with the demo data and the embedded PostgreSQL.
# Per user a lookup by userName and a create; per group a lookup by displayName, a create and its member
# PATCHes (bench/scim-client.py). Prints the time of each phase and the total (target: < 3 min). Meanwhile the
# members' feed is read (GET /api/v1/feed, wrk, 16 clients) for WATCH just before provisioning and for WATCH once it
# is under way: its p95 during against before (target: within 20%).
# Usage: ./mvnw -Plocal package -DskipTests && bench/scim.sh
# Settings (environment): USERS (10000), GROUP_COUNT (200; bash keeps GROUPS for itself), MEMBERS_PER_PATCH (10),
# PORT (18085), WATCH (20s).
# Every run starts from a new data directory (target/bench-scim-data): the demo's first start takes ~20 s.
source "$(dirname "$0")/lib.sh"
rm -rf target/bench-scim-data
start_app bench-scim "${PORT:-18085}"
ADMIN=$(login demo admin@demo.example)
[ -n "$ADMIN" ] || { echo "login failed" >&2; exit 1; }
SCIM=$(curl -sf "$BASE/api/v1/settings/scim-tokens" -H "authorization: Bearer $ADMIN" \
  -H 'content-type: application/json' -d '{"name":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
[ -n "$SCIM" ] || { echo "could not create a SCIM token" >&2; exit 1; }

MEMBER=$(login demo ambassador01@demo.example)
cat > target/bench-scim-feed.lua <<LUA
request = function()
  return wrk.format("GET", "/api/v1/feed?limit=20", { ["Authorization"] = "Bearer $MEMBER" })
end
dofile("target/bench-report.lua")
LUA
WATCH=${WATCH:-20s}
p95() { wrk -t2 -c16 -d"$WATCH" --latency -s target/bench-scim-feed.lua "$BASE" | grep '^RESULT' | awk '{print $4}'; }
wrk -t2 -c16 -d10s -s target/bench-scim-feed.lua "$BASE" > /dev/null # warm-up (JIT), not reported

echo "== $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
BEFORE=$(p95)
python3 bench/scim-client.py "$BASE" "$SCIM" "${USERS:-10000}" "${GROUP_COUNT:-200}" "${MEMBERS_PER_PATCH:-10}" &
CLIENT=$!
sleep 3
DURING=$(p95)
wait $CLIENT
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '== feed p95 before provisioning %.1f ms, during %.1f ms (%.2f x)\n' "$BEFORE" "$DURING" \
  "$(echo "$DURING / $BEFORE" | bc -l)"
