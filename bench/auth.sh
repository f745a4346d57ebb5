#!/usr/bin/env bash
# Measures the authenticated read path (GET /api/v1/me: JWT verification + three indexed queries)
# and login (Argon2id hashing, CPU-bound by design) on the packaged jar, demo data, embedded
# PostgreSQL. Usage: ./mvnw package -DskipTests && bench/auth.sh
source "$(dirname "$0")/lib.sh"
start_app bench-auth "${PORT:-18080}"
LOGIN='{"organization":"demo","email":"ambassador01@demo.example","password":"demo-password"}'
TOKEN=$(login demo ambassador01@demo.example)

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
