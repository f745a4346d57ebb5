#!/usr/bin/env bash
# How steady the yardstick of bench/redirect.sh is: nginx's static 302 (bench/nginx-redirect.conf),
# driven exactly as there (wrk -t2 -c32, bench/redirect.lua), RUNS runs of DURATION each, with
#   auto      the benchmark's own configuration (worker_processes auto: 2 workers here),
#   1         one worker,
#   reuseport 2 workers, each with its own listening socket (the kernel spreads connections evenly),
# and the floor under Chorus's own stack:
#   vertx     Vert.x core alone answering the same 302 (bench/yardstick/BareVertxRedirect.java, built
#             against the libraries of Chorus's build): no Quarkus, no router, no click, no metrics.
# Needs no running Chorus: the codes file only shapes the paths, and a made-up one is written when
# target/bench-redirect-codes.txt is missing. Usage: ./mvnw -Plocal package -DskipTests && bench/redirect-yardstick.sh
#   RUNS=4 DURATION=10s NGINX_PORT=18191 MODES="auto 1 reuseport vertx" by default; installs wrk and
#   nginx if missing.
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
LIBS=target/quarkus-app/lib/main
NGINX_PID=
VERTX_PID=
trap '[ -z "$NGINX_PID" ] || { kill -QUIT "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null || true; }
      [ -z "$VERTX_PID" ] || { kill "$VERTX_PID" 2>/dev/null; wait "$VERTX_PID" 2>/dev/null || true; }' EXIT
# RUNS wrk runs against the port; prints the line for MODE.
measure() {
  local rates=()
  for _ in $(seq "$RUNS"); do
    rates+=("$(wrk -t2 -c32 -d"$DURATION" -s bench/redirect.lua "http://127.0.0.1:$PORT" | awk '/^RESULT/ {print $4}')")
  done
  printf '%-10s %s req/s\n' "$1" "$(IFS=/; echo "${rates[*]}" | sed 's|/| / |g')"
}
# Waits up to 10 s for a 302 on the port; prints LOG and fails otherwise.
await_302() {
  local deadline=$((SECONDS + 10))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/s/x")" = 302 ]; do
    [ $SECONDS -lt $deadline ] || { echo "the $2 server did not start:" >&2; cat "$1" >&2; exit 1; }
    sleep 0.1
  done
}
for mode in ${MODES:-auto 1 reuseport vertx}; do
  if [ "$mode" = vertx ]; then
    [ -d $LIBS ] || { echo "no $LIBS: run ./mvnw -Plocal package -DskipTests first" >&2; exit 1; }
    classes=target/yardstick-classes
    cp=$(ls $LIBS/*.jar | tr '\n' :)
    javac -d $classes -cp "$cp" bench/yardstick/BareVertxRedirect.java
    java -cp "$cp$classes" BareVertxRedirect "$PORT" > target/yardstick-vertx.log 2>&1 &
    VERTX_PID=$!
    await_302 target/yardstick-vertx.log Vert.x
    wrk -t2 -c32 -d10s -s bench/redirect.lua "http://127.0.0.1:$PORT" > /dev/null # JIT warm-up, not reported
    measure vertx
    kill "$VERTX_PID"; wait "$VERTX_PID" 2>/dev/null || true; VERTX_PID=
    continue
  fi
  dir=$PWD/target/nginx-yardstick-$mode
  rm -rf "$dir" && mkdir -p "$dir/temp"
  sed "s/__PORT__/$PORT/" bench/nginx-redirect.conf > "$dir/nginx.conf"
  case $mode in
    1) sed -i 's/^worker_processes auto;/worker_processes 1;/' "$dir/nginx.conf" ;;
    reuseport) sed -i "s/^worker_processes auto;/worker_processes 2;/; s/listen $PORT;/listen $PORT reuseport;/" "$dir/nginx.conf" ;;
  esac
  "$NGINX_BIN" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" &
  NGINX_PID=$!
  await_302 "$dir/error.log" nginx
  measure "$mode"
  kill -QUIT "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=
done
