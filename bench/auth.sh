#!/usr/bin/env bash
# Authentication and the authenticated read path, on the packaged jar with the demo data and the
# embedded PostgreSQL:
#   GET /api/v1/me with a bearer token   RS256 verification + three indexed queries
#   POST /api/v1/auth/login              one Argon2id verification (19 MiB): CPU-bound by design
# Usage: ./mvnw -Plocal package -DskipTests && bench/auth.sh
# Settings (environment): DURATION (20s) and RUNS (3) per measurement, LOGIN_DURATION (10s), PORT (18080).
# Login is only throttled after failed attempts (5 per account), so repeating a correct login is fine.
source "$(dirname "$0")/lib.sh"
start_app bench-auth "${PORT:-18080}"
TOKEN=$(login demo admin@demo.example)
[ -n "$TOKEN" ] || { echo "login failed" >&2; exit 1; }
: > target/bench-wrk.log

cat > target/bench-me.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
dofile("target/bench-report.lua")
LUA
cat > target/bench-login.lua <<LUA
wrk.method = "POST"
wrk.body = '{"organization":"demo","email":"admin@demo.example","password":"demo-password"}'
wrk.headers["Content-Type"] = "application/json"
dofile("target/bench-report.lua")
LUA

echo "== $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up (JIT), not reported"
wrk -t2 -c32 -d10s -s target/bench-me.lua "$BASE/api/v1/me" >/dev/null
wrk -t2 -c4 -d5s -s target/bench-login.lua "$BASE/api/v1/auth/login" >/dev/null

echo "== GET /api/v1/me, 2 threads, 32 connections, $RUNS x $DURATION"
run_wrk target/bench-me.lua "$BASE/api/v1/me" 32
echo "== POST /api/v1/auth/login, 2 threads, 4 connections, $RUNS x ${LOGIN_DURATION:-10s}"
DURATION=${LOGIN_DURATION:-10s} run_wrk target/bench-login.lua "$BASE/api/v1/auth/login" 4
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg) (full wrk output in target/bench-wrk.log)"
