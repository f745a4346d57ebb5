#!/usr/bin/env bash
# Conversions and click ids: the organization of bench/redirect-seed.sql (10,000 codes), in one run:
#   1. the redirect with click ids on against off: RUNS x (wrk -t2 -c32 -d$DURATION, bench/redirect.lua)
#      alternating on/off (which goes first alternates too), after a warm-up of both; medians and the
#      ratio on / off (target >= 95%). The organization setting is flipped in SQL; the app reads its
#      links again every second (-Dchorus.clicks.link-cache-ttl=PT1S).
#   2. conversions accepted: once the clicks of section 1 are written, RUNS x (wrk -t2 -c64
#      -d$DURATION, bench/conversions.lua) reporting conversions with those clicks' ids (so each is
#      attributed as it is written), each with its own externalId; the rate (target >= 5,000/s),
#      and the 202 answers counted by wrk against the rows in conversions (target: every 202 has its row;
#      the reports in flight when wrk stops, one per connection at most, are written uncounted).
# Usage: ./mvnw -Plocal package -DskipTests && bench/conversions.sh
#   DURATION=20s RUNS=3 WARMUP=30s PORT=18083 by default; installs wrk and psql if missing. Raw wrk
#   output goes to target/bench-wrk.log. The machine is shared: note its load (uptime) with the figures.
source "$(dirname "$0")/lib.sh"
WARMUP=${WARMUP:-30s}
JAVA_OPTS="${JAVA_OPTS:-} -Dchorus.clicks.link-cache-ttl=PT1S"
start_app bench-conversions "${PORT:-18083}"
open_database
$PSQL -f bench/redirect-seed.sql
ORG=$($PSQL -At -c "select id from organizations where slug = 'bench-redirect'")
$PSQL -At -c "select code from shares where organization_id = '$ORG' order by code" > target/bench-redirect-codes.txt
KEY=ck_bench$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
HASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
$PSQL -c "insert into conversion_keys (id, organization_id, name, kind, key_hash, key_prefix, created_at)
          values (gen_random_uuid(), '$ORG', 'bench', 'secret', '$HASH', '${KEY:0:8}', now())"
click_ids() {
  $PSQL -c "insert into organization_settings (organization_id, click_ids, updated_at) values ('$ORG', $1, now())
            on conflict (organization_id) do update set click_ids = excluded.click_ids, updated_at = now()"
  # Until the redirect answers the new form (the link cache is read again every second).
  local deadline=$((SECONDS + 10))
  until { [ "$1" = true ] && has_ids; } || { [ "$1" = false ] && ! has_ids; }; do
    [ $SECONDS -lt $deadline ] || { echo "click ids did not turn $1" >&2; exit 1; }
    sleep 0.2
  done
}
has_ids() {
  curl -s -o /dev/null -w '%{redirect_url}' "$BASE/s/$(head -1 target/bench-redirect-codes.txt)" | grep -q chorus_click
}
rate() { wrk -t2 -c32 -d"$1" --latency -s bench/redirect.lua "$BASE" | tee -a target/bench-wrk.log \
  | awk '/^RESULT/ {print $4}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "1. redirect, click ids on vs off (warm-up $WARMUP each)"
click_ids true; rate "$WARMUP" >/dev/null
click_ids false; rate "$WARMUP" >/dev/null
ON=() OFF=()
for i in $(seq 1 "$RUNS"); do
  for mode in $([ $((i % 2)) = 1 ] && echo "true false" || echo "false true"); do
    click_ids "$mode"
    r=$(rate "$DURATION")
    if [ "$mode" = true ]; then ON+=("$r"); else OFF+=("$r"); fi
    echo "  run $i, click ids $mode: $r req/s"
  done
done
ON_MEDIAN=$(median "${ON[@]}") OFF_MEDIAN=$(median "${OFF[@]}")
echo "  median: on $ON_MEDIAN req/s, off $OFF_MEDIAN req/s, on / off $(awk -v a="$ON_MEDIAN" -v b="$OFF_MEDIAN" 'BEGIN {printf "%.1f%%", 100 * a / b}') (target >= 95%)"

echo "2. conversions accepted"
deadline=$((SECONDS + 120))
until [ "$(curl -sf "$BASE/q/metrics" | awk '$1 == "chorus_clicks_buffered" {print int($2)}')" = 0 ]; do
  [ $SECONDS -lt $deadline ] || { echo "clicks still buffered after 120 s" >&2; exit 1; }
  sleep 0.5
done
$PSQL -At -c "select id from click_events where organization_id = '$ORG' and not robot and not self limit 100000" \
  > target/bench-conversions-clicks.txt
echo "  $(wc -l < target/bench-conversions-clicks.txt) click ids to report with"
ACCEPTED=0
RATES=()
for i in $(seq 1 "$RUNS"); do
  out=$(wrk -t2 -c64 -d"$DURATION" --latency -s bench/conversions.lua "$BASE" -- "$KEY" | tee -a target/bench-wrk.log)
  r=$(echo "$out" | awk '/^RESULT/ {print $2}') a=$(echo "$out" | awk '/^ACCEPTED/ {print $2}')
  p99=$(echo "$out" | awk '/^RESULT/ {print $5}') errors=$(echo "$out" | awk '/^RESULT/ {print $6}')
  RATES+=("$r"); ACCEPTED=$((ACCEPTED + a))
  echo "  run $i: $r reports/s, $a accepted (202), p99 $p99 ms, errors/non-2xx $errors"
done
ROWS=$($PSQL -At -c "select count(*) from conversions where organization_id = '$ORG'")
ATTRIBUTED=$($PSQL -At -c "select count(*) from conversions where organization_id = '$ORG' and status = 'attributed'")
echo "  median: $(median "${RATES[@]}") reports/s (target >= 5,000/s)"
# wrk stops counting answers at the deadline: the reports in flight then (at most one per connection and run)
# are written without their 202 being counted. None lost: every 202 counted has its row.
IN_FLIGHT=$((ROWS - ACCEPTED))
echo "  accepted $ACCEPTED, rows $ROWS ($ATTRIBUTED attributed), written but answered after wrk stopped: $IN_FLIGHT" \
  "(at most $((64 * RUNS))): $([ "$IN_FLIGHT" -ge 0 ] && [ "$IN_FLIGHT" -le $((64 * RUNS)) ] && echo 'none lost' || echo 'MISMATCH')"
