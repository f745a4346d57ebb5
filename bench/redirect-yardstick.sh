#!/usr/bin/env bash
# How steady the yardstick of bench/redirect.sh is: nginx's static 302 (bench/nginx-redirect.conf),
# driven exactly as there (wrk -t2 -c32, bench/redirect.lua), RUNS runs of DURATION each, with
#   auto      the benchmark's own configuration (worker_processes auto: 2 workers here),
#   1         one worker,
#   reuseport 2 workers, each with its own listening socket (the kernel spreads connections evenly).
# Needs no Chorus: the codes file only shapes the paths, and a made-up one is written when
# target/bench-redirect-codes.txt is missing. Usage: bench/redirect-yardstick.sh
#   RUNS=4 DURATION=10s NGINX_PORT=18191 by default; installs wrk and nginx if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
RUNS=${RUNS:-4}
DURATION=${DURATION:-10s}
PORT=${NGINX_PORT:-18191}
mkdir -p target
[ -s target/bench-redirect-codes.txt ] || seq -f 'code%05g' 1 10000 > target/bench-redirect-codes.txt
NGINX_PID=
trap '[ -z "$NGINX_PID" ] || { kill -QUIT "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null || true; }' EXIT
for mode in auto 1 reuseport; do
  dir=$PWD/target/nginx-yardstick-$mode
  rm -rf "$dir" && mkdir -p "$dir/temp"
  sed "s/__PORT__/$PORT/" bench/nginx-redirect.conf > "$dir/nginx.conf"
  case $mode in
    1) sed -i 's/^worker_processes auto;/worker_processes 1;/' "$dir/nginx.conf" ;;
    reuseport) sed -i "s/^worker_processes auto;/worker_processes 2;/; s/listen $PORT;/listen $PORT reuseport;/" "$dir/nginx.conf" ;;
  esac
  "$NGINX_BIN" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" &
  NGINX_PID=$!
  deadline=$((SECONDS + 10))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/s/x")" = 302 ]; do
    [ $SECONDS -lt $deadline ] || { echo "nginx did not start:" >&2; cat "$dir/error.log" >&2; exit 1; }
    sleep 0.1
  done
  rates=()
  for _ in $(seq "$RUNS"); do
    rates+=("$(wrk -t2 -c32 -d"$DURATION" -s bench/redirect.lua "http://127.0.0.1:$PORT" | awk '/^RESULT/ {print $4}')")
  done
  printf '%-10s %s req/s\n' "$mode" "$(IFS=/; echo "${rates[*]}" | sed 's|/| / |g')"
  kill -QUIT "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=
done
