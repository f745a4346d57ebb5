#!/usr/bin/env bash
# Measures the authenticated read path (GET /api/v1/me: JWT verification + one indexed query)
# and login (Argon2id hashing, CPU-bound by design) on the packaged jar, demo data, embedded
# PostgreSQL. Usage: ./mvnw package -DskipTests && bench/auth.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=target/quarkus-app/quarkus-run.jar
PORT=${PORT:-18080}
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}
BASE=http://localhost:$PORT
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

java -Dquarkus.profile=dev -Dquarkus.http.port="$PORT" -Dchorus.data-dir=target/bench-data \
  -Dquarkus.log.level=WARN -jar "$JAR" > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "$BASE/q/health/ready" >/dev/null && break
  kill -0 $APP 2>/dev/null || { cat target/bench-app.log; exit 1; }
  sleep 0.2
done
LOGIN='{"organization":"demo","email":"ambassador01@demo.example","password":"demo-password"}'
TOKEN=$(curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' -d "$LOGIN" \
  | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')

cat > target/bench-login.lua <<LUA
wrk.method = "POST"
wrk.body = '$LOGIN'
wrk.headers["Content-Type"] = "application/json"
LUA

echo "== warm-up (JIT), not reported"
wrk -t2 -c32 -d10s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" >/dev/null
wrk -t2 -c4 -d5s -s target/bench-login.lua "$BASE/api/v1/auth/login" >/dev/null

echo "== GET /api/v1/me, 2 threads, 32 connections, $DURATION x $RUNS"
for i in $(seq 1 "$RUNS"); do
  wrk -t2 -c32 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" \
    | grep -E "Requests/sec|^ +50%|^ +99%"
done
echo "== POST /api/v1/auth/login, 2 threads, 4 connections, $DURATION x $RUNS"
for i in $(seq 1 "$RUNS"); do
  wrk -t2 -c4 -d"$DURATION" --latency -s target/bench-login.lua "$BASE/api/v1/auth/login" \
    | grep -E "Requests/sec|^ +50%|^ +99%|Non-2xx"
done
