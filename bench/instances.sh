#!/usr/bin/env bash
# Two instances against one, same run, same data, same CPU: what staying in step costs.
#   The demo company (one organization, 100 ambassadors, a quarter of history) on the embedded
#   PostgreSQL of instance A. Everything goes through nginx (bench/nginx-instances.conf, the
#   balancing of docker/nginx.conf): set-up "one" is nginx -> A; set-up "two" is nginx -> A + B,
#   with B on the same database, keys and secret (so each instance answers every request, kept in
#   step with the other by PostgreSQL notifications and the shared tables).
#   Same total CPU: the Chorus JVMs share both cores in either set-up, with nginx, PostgreSQL and
#   wrk beside them. By default nothing is pinned: in "two" both JVMs may run on either core, as
#   two instances on one machine would. PIN=1 pins A to core 0 and B to core 1 in "two" (taskset
#   -a on every thread; "one" keeps A on both), the stricter variant: each JVM then also loses the
#   other core when it needs it. Two JVMs also pay twice for what does not divide (JIT, GC,
#   timers, the signals connection, a second copy of the link cache and rankings): the figure is
#   an upper bound on the cost of staying in step.
#   1. redirect: GET /s/{code} over the demo's short links as Chrome (bench/redirect.lua),
#      RUNS x wrk -t2 -c32 -d$DURATION per set-up, alternating which set-up goes first;
#   2. leaderboard: GET /api/v1/leaderboards (top 50 + me, random period; bench/leaderboard.lua) as
#      16 ambassadors, RUNS x wrk -t2 -c16 -d$DURATION per set-up, alternating likewise;
#      for each: the medians, two / one, and the cost of staying in step = 1 - two / one
#      (target < 10%);
#   3. start time: the packaged jar started 5 times in the prod profile (the default) on that
#      database, from the exec to the first 200 of /q/health/ready (curl every 20 ms), median
#      (target < 3 s); Quarkus' own "started in" line is printed beside it.
# Usage: ./mvnw -Plocal package -DskipTests && bench/instances.sh
#   DURATION=20s RUNS=3 WARMUP=60s PORT=18086 PORT_B=18087 NGINX_PORT=18091 STARTS=5 PIN=0 by default;
#   installs wrk, psql and nginx if missing. Raw wrk output: target/bench-instances-wrk.log.
#   Needs 2 cores at least (cores 0 and 1 are used for the pinning).
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "needs 2 cores at least" >&2; exit 1; }
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
PORT_A=${PORT:-18086}
PORT_B=${PORT_B:-18087}
NGINX_PORT=${NGINX_PORT:-18091}
STARTS=${STARTS:-5}
PIN=${PIN:-0}
WARMUP=${WARMUP:-60s}
DATA=target/bench-instances-data
WRK_LOG=target/bench-instances-wrk.log
: > $WRK_LOG

start_app bench-instances "$PORT_A"
A=$APP
B= NGINX_PID= PROD=
# Every step may find its process gone already: none may stop the others (set -e holds in traps too).
cleanup() {
  for pid in $PROD $B; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  kill "$A" 2>/dev/null || true; wait "$A" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB_URL=$(sed -n 's/^Embedded PostgreSQL: \(jdbc:postgresql:[^ ]*\) .*/\1/p' "$APP_LOG" | head -1)
DB_PORT=$(sed -n 's/^jdbc:postgresql:\/\/localhost:\([0-9]*\)\/.*/\1/p' <<< "$DB_URL")
[ -n "$DB_PORT" ] || { echo "no embedded PostgreSQL URL in $APP_LOG" >&2; exit 1; }
export PGPASSWORD=postgres
PSQL="psql -q -h localhost -p $DB_PORT -U postgres -d postgres"

# await_ready URL PID LOG: polls until 200 (120 s deadline), fails if the process exits.
await_ready() {
  local deadline=$((SECONDS + 120))
  until curl -sf -m 2 -o /dev/null "$1/q/health/ready"; do
    kill -0 "$2" 2>/dev/null && [ $SECONDS -lt $deadline ] || { echo "not ready:" >&2; tail -20 "$3" >&2; exit 1; }
    sleep 0.2
  done
}

echo "== instance B on A's database, keys and secret (port $PORT_B)"
java ${JAVA_OPTS:-} -Dquarkus.profile=dev -Dquarkus.http.port="$PORT_B" -Dchorus.data-dir="$DATA" \
  -Dchorus.demo.enabled=false -Dquarkus.datasource.jdbc.url="$DB_URL" -Dquarkus.datasource.username=postgres \
  -Dquarkus.datasource.password=postgres -Dquarkus.log.level=WARN -jar "$JAR" > target/bench-instances-b.log 2>&1 &
B=$!
await_ready "http://localhost:$PORT_B" $B target/bench-instances-b.log

NGINX_DIR=$PWD/target/nginx-instances
rm -rf "$NGINX_DIR" && mkdir -p "$NGINX_DIR/temp"
# balance SERVER_PORT...: writes the upstream list and (re)loads nginx, then waits until it answers.
balance() {
  local servers=""
  for port in "$@"; do servers+="        server 127.0.0.1:$port;\\n"; done # awk -v turns \n into a newline
  awk -v port="$NGINX_PORT" -v servers="$servers" \
    '{ gsub(/__PORT__/, port); if ($0 ~ /^[ \t]*__SERVERS__[ \t]*$/) printf "%s", servers; else print }' \
    bench/nginx-instances.conf > "$NGINX_DIR/nginx.conf"
  if [ -z "$NGINX_PID" ]; then
    "$NGINX_BIN" -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" &
    NGINX_PID=$!
  else
    kill -HUP "$NGINX_PID"
  fi
  local deadline=$((SECONDS + 10))
  until curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/q/health/ready"; do
    [ $SECONDS -lt $deadline ] || { echo "nginx does not answer:" >&2; cat "$NGINX_DIR/error.log" >&2; exit 1; }
    sleep 0.1
  done
  sleep 1 # the old workers finish after a reload; not a measurement
}
# setup one|two: the upstreams and the pinning of the JVMs.
setup() {
  if [ "$1" = one ]; then
    taskset -a -p -c 0,1 "$A" > /dev/null; taskset -a -p -c 0,1 "$B" > /dev/null
    balance "$PORT_A"
  elif [ "$PIN" = 1 ]; then
    taskset -a -p -c 0 "$A" > /dev/null; taskset -a -p -c 1 "$B" > /dev/null
    balance "$PORT_A" "$PORT_B"
  else
    taskset -a -p -c 0,1 "$A" > /dev/null; taskset -a -p -c 0,1 "$B" > /dev/null
    balance "$PORT_A" "$PORT_B"
  fi
}
URL=http://127.0.0.1:$NGINX_PORT

ORG=$($PSQL -At -c "select id from organizations where slug = 'demo'")
$PSQL -At -c "select code from shares where organization_id = '$ORG' order by code limit 10000" \
  > target/bench-redirect-codes.txt
echo "  $(wc -l < target/bench-redirect-codes.txt) short links of the demo company"
LUA=target/bench-instances-leaderboard.lua
{
  echo "tokens = {"
  for i in $(seq -w 1 16); do
    token=$(login demo "ambassador$i@demo.example")
    [ -n "$token" ] || { echo "ambassador$i could not log in" >&2; exit 1; }
    echo "  \"$token\","
  done
  echo "}"
  echo "groups = {}"
  echo 'dofile("bench/leaderboard.lua")'
} > $LUA

# measure SETUP NAME SCRIPT CONNECTIONS FIELD: one wrk run; prints it and leaves its req/s (field
# FIELD of the script's RESULT line) in RATE.
measure() {
  local out result
  out=$(wrk -t2 -c"$4" -d"$DURATION" --latency -s "$3" "$URL")
  printf '== %s, %s\n%s\n' "$1" "$2" "$out" >> $WRK_LOG
  result=$(grep '^RESULT' <<< "$out" | tail -1)
  [ -n "$result" ] || { echo "wrk gave no result; see $WRK_LOG" >&2; exit 1; }
  RATE=$(awk -v f="$5" '{print $f}' <<< "$result")
  printf '    %-3s %8.0f req/s   (%s)\n' "$1" "$RATE" "$result"
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# compare NAME SCRIPT CONNECTIONS FIELD: warm-up, then RUNS rounds alternating the set-ups.
compare() {
  local one=() two=() order
  echo "== $1, $3 connections, $DURATION x $RUNS per set-up (warm-up $WARMUP, not reported)"
  setup two; wrk -t2 -c"$3" -d"$WARMUP" -s "$2" "$URL" > /dev/null
  for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) = 1 ]; then order="one two"; else order="two one"; fi
    echo "  round $i"
    for s in $order; do
      setup $s
      measure $s "$1" "$2" "$3" "$4"
      if [ $s = one ]; then one+=("$RATE"); else two+=("$RATE"); fi
    done
  done
  local m1 m2
  m1=$(median "${one[@]}"); m2=$(median "${two[@]}")
  awk -v a="$m1" -v b="$m2" -v n="$1" 'BEGIN {
    printf "  %s: one %.0f req/s, two %.0f req/s: two / one = %.3f, cost of staying in step = %.1f%%\n",
      n, a, b, b / a, (1 - b / a) * 100 }'
}

# req/s is the 4th field of redirect.lua's RESULT line (requests seconds req/s p50 p99 errors) and
# the 2nd of bench-report.lua's (req/s p50 p95 p99 errors requests).
compare redirect bench/redirect.lua 32 4
compare leaderboard $LUA 16 2
setup one

echo "== 3. start time of the packaged jar in the prod profile, $STARTS starts (instances A and B keep running)"
KEYS=target/bench-instances-keys
mkdir -p $KEYS
[ -f $KEYS/private.pem ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out $KEYS/private.pem 2>/dev/null
openssl pkey -in $KEYS/private.pem -pubout -out $KEYS/public.pem
TIMES=()
for i in $(seq 1 "$STARTS"); do
  started=$(date +%s%N)
  env -i PATH="$PATH" HOME="$HOME" QUARKUS_HTTP_PORT=18088 QUARKUS_DATASOURCE_JDBC_URL="$DB_URL" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    SMALLRYE_JWT_SIGN_KEY_LOCATION=$PWD/$KEYS/private.pem MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/$KEYS/public.pem \
    CHORUS_SECRET=bench-instances-secret-0123456789abcdef CHORUS_PUBLIC_BASE_URL=http://localhost:18088 \
    QUARKUS_SHUTDOWN_DELAY=PT0S java ${JAVA_OPTS:-} -jar "$JAR" > target/bench-instances-prod.log 2>&1 &
  PROD=$!
  until curl -sf -m 1 -o /dev/null http://localhost:18088/q/health/ready; do
    kill -0 $PROD 2>/dev/null || { echo "the prod jar stopped:" >&2; tail -20 target/bench-instances-prod.log >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  TIMES+=("$ms")
  echo "  start $i: ready after $ms ms ($(grep -o 'started in [0-9.]*s' target/bench-instances-prod.log | head -1))"
  kill $PROD; wait $PROD 2>/dev/null || true; PROD=
done
echo "  median: $(median "${TIMES[@]}") ms to readiness (target < 3000)"
