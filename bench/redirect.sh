#!/usr/bin/env bash
# The short-link redirect benchmark: GET /s/{code} (302 to the content's URL with UTM parameters)
# over 10,000 distinct codes (bench/redirect-seed.sql: an organization of its own, 40 ambassadors,
# 50 items, 5 networks), as Chrome on Windows, measured in the same run against nginx answering a
# static 302 of the same shape (bench/nginx-redirect.conf): what this machine can do at best.
#   1. max throughput: warm-up both, then RUNS x (wrk -t2 -c32 -d$DURATION) on nginx and on Chorus,
#      alternating which goes first; medians and the ratio Chorus / nginx (target >= 40%).
#   2. half load: Chorus paced at half its median max throughput (wrk's delay(), see
#      bench/redirect-paced.lua; PACED_CONNECTIONS connections); achieved rate, p50 and p99
#      (target p99 < 5 ms).
#   3. clicks: once the click buffer is empty, redirects answered (chorus_redirects_total) against
#      rows in click_events, and the requests wrk counted (target: redirects == rows). Skipped when
#      the app has no click pipeline.
#   4. scoring keeps up: Chorus at full speed for $DURATION while a probe follows one share's link once
#      at a time from a new visitor and times how long until its points are in the ledger: with the
#      benchmark's own traffic (target: every probe scored within 5 s), then with 200 different
#      visitors (user agents) so that almost every click earns points (the worst case, reported);
#      then, once the buffer is empty, click awards in the ledger against the distinct (share,
#      visitor) pairs among human, non-self clicks (target: equal).
# Usage: ./mvnw -Plocal package -DskipTests && bench/redirect.sh
#   DURATION=20s RUNS=3 WARMUP=60s PORT=18082 NGINX_PORT=18090 PACED_CONNECTIONS=64 by default;
#   installs wrk, psql and nginx if missing. Raw wrk output goes to target/bench-redirect-wrk.log.
#   SCORING_ONLY=1 runs section 4 alone (after a warm-up); JAVA_OPTS passes options to the app, e.g.
#   JAVA_OPTS=-Dchorus.clicks.writers=2.
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
NGINX_PORT=${NGINX_PORT:-18090}
# Warm-up: on 2 cores under full load the JIT (C2) keeps compiling for about 40 s (per-thread CPU, 2026-11-23).
WARMUP=${WARMUP:-60s}
CONNECTIONS=32
PACED_CONNECTIONS=${PACED_CONNECTIONS:-64}
CODES=target/bench-redirect-codes.txt
WRK_LOG=target/bench-redirect-wrk.log
UA='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

start_app bench-redirect "${PORT:-18082}"
# start_app's trap stops the app; this one stops nginx too.
NGINX_PID=
cleanup() {
  if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null || true; fi
  kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

NGINX_DIR=$PWD/target/nginx-redirect
NGINX_URL=http://127.0.0.1:$NGINX_PORT
CHORUS_URL=http://127.0.0.1:${PORT:-18082}
if curl -s -o /dev/null "$NGINX_URL/"; then echo "something already answers on port $NGINX_PORT" >&2; exit 1; fi
rm -rf "$NGINX_DIR" && mkdir -p "$NGINX_DIR/temp"
sed "s/__PORT__/$NGINX_PORT/" bench/nginx-redirect.conf > "$NGINX_DIR/nginx.conf"
"$NGINX_BIN" -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" &
NGINX_PID=$!
deadline=$((SECONDS + 10))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$NGINX_URL/s/x")" = 302 ]; do
  kill -0 "$NGINX_PID" 2>/dev/null && [ $SECONDS -lt $deadline ] \
    || { echo "nginx did not start:" >&2; cat "$NGINX_DIR/error.log" >&2; exit 1; }
  sleep 0.1
done

DB_PORT=$(sed -n 's/^Embedded PostgreSQL: jdbc:postgresql:\/\/localhost:\([0-9]*\)\/.*/\1/p' $APP_LOG | head -1)
export PGPASSWORD=postgres
PSQL="psql -q -h localhost -p $DB_PORT -U postgres -d postgres"
$PSQL -f bench/redirect-seed.sql
ORG=$($PSQL -At -c "select id from organizations where slug = 'bench-redirect'")
$PSQL -At -c "select code from shares where organization_id = '$ORG' order by code" > $CODES
[ "$(wc -l < $CODES)" -eq 10000 ] || { echo "expected 10,000 codes, found $(wc -l < $CODES)" >&2; exit 1; }

# The click pipeline's figures: a Prometheus metric summed over its series (empty when absent), and
# the click_events rows of the benchmark's organization (empty when the table does not exist).
metric() {
  { curl -sf -m 5 "$CHORUS_URL/q/metrics" || true; } \
    | awk -v m="$1" '$1 == m || index($1, m "{") == 1 {s += $2; f = 1} END {if (f) printf "%.0f\n", s}'
}
click_rows() {
  [ "$($PSQL -At -c "select to_regclass('click_events') is not null")" = t ] || return 0
  $PSQL -At -c "select count(*) from click_events where organization_id = '$ORG'"
}
REDIRECTS_BEFORE=$(metric chorus_redirects_total); ROWS_BEFORE=$(click_rows)
FLUSHED_BEFORE=$(metric chorus_clicks_flushed_total); DROPPED_BEFORE=$(metric chorus_clicks_dropped_total)

echo "== one request each (browser User-Agent)"
for target in "nginx $NGINX_URL" "chorus $CHORUS_URL"; do
  set -- $target
  curl -s -o /dev/null -A "$UA" -w "  $1: %{http_code}, %{size_header} B of headers + %{size_download} B of body -> %{redirect_url}\n" \
    "$2/s/$(head -1 $CODES)"
done
[ "$(curl -s -o /dev/null -A "$UA" -w '%{http_code}' "$CHORUS_URL/s/$(head -1 $CODES)")" = 302 ] \
  || { echo "Chorus does not answer 302 for a seeded code" >&2; exit 1; }
CHORUS_REQUESTS=2   # the two requests above
PIPELINE=no
[ -n "$(metric chorus_redirects_total)" ] && [ -n "$ROWS_BEFORE" ] && PIPELINE=yes
echo "  click pipeline present: $PIPELINE"

# Waits (deadline, no fixed sleep) until the click buffer is empty and the row count has stopped
# moving, so that a run never pays for the previous run's writes. Does nothing without the pipeline.
settle() {
  [ $PIPELINE = yes ] || return 0
  local deadline=$((SECONDS + ${1:-30})) rows last=
  while [ $SECONDS -lt $deadline ]; do
    rows=$(click_rows)
    [ "$(metric chorus_clicks_buffered)" = 0 ] && [ "$rows" = "$last" ] && return 0
    last=$rows
    sleep 0.5
  done
  echo "  (clicks still buffered after ${1:-30} s)"
  return 1
}

# wrk_run NAME URL CONNECTIONS DURATION SCRIPT [SCRIPT_ARGS]: one wrk run; leaves its figures in
# REQS RATE P50 P99 ERRS, adds the requests to CHORUS_REQUESTS when NAME is chorus.
wrk_run() {
  local out
  out=$(wrk -t2 -c"$3" -d"$4" -s "$5" "$2" ${6:+-- $6})
  printf '== %s, %s connections, %s%s\n%s\n' "$1" "$3" "$4" "${6:+, paced: $6}" "$out" >> $WRK_LOG
  read -r _ REQS _ RATE P50 P99 ERRS <<< "$(grep '^RESULT' <<< "$out" | tail -1)"
  [ -n "${ERRS:-}" ] || { echo "wrk gave no result; see $WRK_LOG" >&2; exit 1; }
  [ "$1" = chorus ] && CHORUS_REQUESTS=$((CHORUS_REQUESTS + REQS))
  return 0
}
line() {
  printf '  %-7s %7d req/s  p50 %6.2f ms  p99 %6.2f ms%s\n' "$1" "$RATE" "$P50" "$P99" \
    "$([ "$ERRS" = 0 ] || echo "  ERRORS/non-3xx: $ERRS")"
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
: > $WRK_LOG

if [ "${SCORING_ONLY:-0}" = 1 ]; then
  echo "== SCORING_ONLY=1: sections 1-3 skipped; warm-up $WARMUP"
  wrk_run chorus "$CHORUS_URL" $CONNECTIONS "$WARMUP" bench/redirect.lua
else
echo "== 1. max throughput, 2 threads, $CONNECTIONS connections, $DURATION x $RUNS, alternating"
echo "  warm-up (not reported): nginx 5s, Chorus $WARMUP"
wrk_run nginx "$NGINX_URL" $CONNECTIONS 5s bench/redirect.lua
wrk_run chorus "$CHORUS_URL" $CONNECTIONS "$WARMUP" bench/redirect.lua
N_RATE=() N_P50=() N_P99=() C_RATE=() C_P50=() C_P99=()
for i in $(seq 1 "$RUNS"); do
  if [ $((i % 2)) = 1 ]; then order="nginx chorus"; else order="chorus nginx"; fi
  echo "  run $i"
  for who in $order; do
    settle || true
    if [ $who = nginx ]; then
      wrk_run nginx "$NGINX_URL" $CONNECTIONS "$DURATION" bench/redirect.lua
      N_RATE+=("$RATE") N_P50+=("$P50") N_P99+=("$P99")
    else
      wrk_run chorus "$CHORUS_URL" $CONNECTIONS "$DURATION" bench/redirect.lua
      C_RATE+=("$RATE") C_P50+=("$P50") C_P99+=("$P99")
    fi
    line $who
  done
done
NGINX_MAX=$(median "${N_RATE[@]}") CHORUS_MAX=$(median "${C_RATE[@]}")
RATIO=$(awk -v c="$CHORUS_MAX" -v n="$NGINX_MAX" 'BEGIN {printf "%.1f", 100 * c / n}')
printf '  median: nginx %d req/s (p50 %.2f, p99 %.2f ms), Chorus %d req/s (p50 %.2f, p99 %.2f ms)\n' \
  "$NGINX_MAX" "$(median "${N_P50[@]}")" "$(median "${N_P99[@]}")" \
  "$CHORUS_MAX" "$(median "${C_P50[@]}")" "$(median "${C_P99[@]}")"
echo "  Chorus / nginx: $RATIO%"

# wrk has no rate option: bench/redirect-paced.lua spaces the requests with wrk's delay() (see there).
TARGET=$(awk -v m="$CHORUS_MAX" 'BEGIN {printf "%.0f", m / 2}')
C=$PACED_CONNECTIONS
echo "== 2. half load: $TARGET req/s (half of $CHORUS_MAX), 2 threads, $C connections, $DURATION"
settle || true
wrk_run chorus "$CHORUS_URL" $C "$DURATION" bench/redirect-paced.lua "$TARGET 2"
HALF_RATE=$RATE HALF_P50=$P50 HALF_P99=$P99
OFF=$(awk -v a="$RATE" -v t="$TARGET" 'BEGIN {printf "%.1f", 100 * (a - t) / t}')
printf '  achieved %d req/s (%+.1f%% of the target)  p50 %.2f ms  p99 %.2f ms%s\n' "$RATE" "$OFF" "$P50" "$P99" \
  "$([ "$ERRS" = 0 ] || echo "  ERRORS/non-3xx: $ERRS")"
awk -v o="$OFF" 'BEGIN {exit !(o > 10 || o < -10)}' \
  && echo "  NOTE: the achieved rate is more than 10% off the target (Chorus could not keep up, or too few connections); the latencies are at the achieved rate"

echo "== 3. clicks recorded = redirects answered"
CLICKS=SKIPPED
if [ $PIPELINE = no ]; then
  echo "  click pipeline not present (no chorus_redirects_total metric or no click_events table): skipped"
else
  settle 60 || true
  REDIRECTS=$(( $(metric chorus_redirects_total) - ${REDIRECTS_BEFORE:-0} ))
  ROWS=$(( $(click_rows) - ROWS_BEFORE ))
  FLUSHED=$(( $(metric chorus_clicks_flushed_total || true) + 0 - ${FLUSHED_BEFORE:-0} ))
  DROPPED=$(( $(metric chorus_clicks_dropped_total || true) + 0 - ${DROPPED_BEFORE:-0} ))
  echo "  requests answered, as counted by wrk (all Chorus runs, warm-up included, + 2 curl): $CHORUS_REQUESTS"
  echo "    (wrk leaves out the answers still in flight when a run stops: up to one per connection and run)"
  echo "  redirects answered (chorus_redirects_total): $REDIRECTS"
  echo "  rows in click_events:                        $ROWS"
  echo "  flushed (chorus_clicks_flushed_total): $FLUSHED, dropped (chorus_clicks_dropped_total): $DROPPED"
  if [ "$REDIRECTS" = "$ROWS" ]; then CLICKS=PASS; else CLICKS=FAIL; fi
  echo "  redirects == rows: $CLICKS"
fi
fi

# scoring_run LABEL [LUA_ARGS]: Chorus at full speed for $DURATION while a probe follows one share's
# link once at a time, each time as a new visitor, and times how long until its points are in the
# ledger. Leaves LAG_MEDIAN and LAG_MAX (ms) and prints the load and the lags.
scoring_run() {
  settle || true
  wrk -t2 -c$CONNECTIONS -d"$DURATION" -s bench/redirect.lua "$CHORUS_URL" -- ${2:-codes} target/bench-redirect-codes-load.txt \
    > target/bench-redirect-scoring.out &
  local wrk_pid=$! i=0 before start buffered max_buffered=0 lags=()
  while kill -0 $wrk_pid 2>/dev/null; do
    i=$((i + 1))
    before=$(probe_awards)
    start=$(date +%s%N)
    curl -s -o /dev/null -A "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.$((PROBES + i)).58 Safari/537.36" \
      "$CHORUS_URL/s/$PROBE_CODE"
    until [ "$(probe_awards)" -gt "$before" ]; do
      [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 60000 ] || { echo "  probe $i not scored after 60 s"; break; }
      buffered=$(metric chorus_clicks_buffered); [ "${buffered:-0}" -gt $max_buffered ] && max_buffered=$buffered
      sleep 0.05
    done
    lags+=("$(( ($(date +%s%N) - start) / 1000000 ))")
  done
  wait $wrk_pid
  PROBES=$((PROBES + i))
  LAG_MEDIAN=$(median "${lags[@]}")
  LAG_MAX=$(printf '%s\n' "${lags[@]}" | sort -g | tail -1)
  grep '^RESULT' target/bench-redirect-scoring.out | { read -r _ reqs _ rate _; echo "  $1: $reqs requests, $rate req/s"; }
  echo "    probes: ${#lags[@]}, click to points: median $LAG_MEDIAN ms, max $LAG_MAX ms (all: ${lags[*]})"
  echo "    most clicks seen waiting in the buffer: $max_buffered"
}

echo "== 4. scoring keeps up: full speed, a probe click timed until it is scored"
SCORING=SKIPPED
if [ $PIPELINE = yes ]; then
  PROBE_CODE=$(head -1 $CODES) PROBES=0
  tail -n +2 $CODES > target/bench-redirect-codes-load.txt
  PROBE_SHARE=$($PSQL -At -c "select id from shares where code = '$PROBE_CODE'")
  probe_awards() { $PSQL -At -c "select count(*) from points_ledger where share_id = '$PROBE_SHARE' and action = 'click'"; }
  scoring_run "the benchmark's traffic (one visitor)"
  BENCH_LAG_MAX=$LAG_MAX BENCH_LAG_MEDIAN=$LAG_MEDIAN
  scoring_run "200 visitors: almost every click a new unique visitor, so almost every click earns points" visitors
  settle 120 || true
  read -r PAIRS AWARDS <<< "$($PSQL -At -F ' ' -c "select
    (select count(*) from (select distinct share_id, visitor_id from click_events
                           where organization_id = '$ORG' and not robot and not self) p),
    (select count(*) from points_ledger where organization_id = '$ORG' and action = 'click')")"
  echo "  distinct (share, visitor) pairs among human, non-self clicks: $PAIRS; click awards in the ledger: $AWARDS"
  if [ "$BENCH_LAG_MAX" -le 5000 ] && [ "$PAIRS" = "$AWARDS" ]; then SCORING=PASS; else SCORING=FAIL; fi
fi

verdict() { awk "BEGIN {exit !($1)}" && echo PASS || echo FAIL; }
echo "== summary"
[ "${SCORING_ONLY:-0}" = 1 ] || {
echo "  throughput: Chorus $CHORUS_MAX req/s = $RATIO% of nginx's $NGINX_MAX req/s (target >= 40%): $(verdict "$RATIO >= 40")"
echo "  half load:  $HALF_RATE req/s, p50 $HALF_P50 ms, p99 $HALF_P99 ms (target < 5 ms): $(verdict "$HALF_P99 < 5")"
echo "  clicks:     $CLICKS"
}
echo "  scoring:    benchmark traffic: ${BENCH_LAG_MAX:-?} ms at most from click to points (target <= 5000), awards == pairs: $SCORING"
echo "              200 visitors (worst case, not the target's load): ${LAG_MAX:-?} ms at most, median ${LAG_MEDIAN:-?} ms"
