#!/usr/bin/env bash
# Retakes the README's screenshots of the admin UI (docs/screenshots/*.png) on the demo company: builds the service,
# starts the demo jar on a fresh data directory, runs src/test/java/io/chorus/docs/DemoScreenshots.java against it in
# Debian's Chromium (/usr/bin/chromium), and stops the service.
#
#   docs/screenshots.sh                      every screenshot
#   docs/screenshots.sh dashboard campaign   only these (the names of the files, without .png)
#
# Environment: PORT, the demo's port (default 8081; it must be free); READY_TIMEOUT, the most seconds to wait for the
# demo to be ready (default 240); MAVEN_ARGS=-o builds offline once the dependencies are downloaded.
set -euo pipefail

cd "$(dirname "$0")/.."
port=${PORT:-8081}
ready_timeout=${READY_TIMEOUT:-240}
base=http://localhost:$port
data=target/screenshots-demo
log=target/screenshots-demo.log
classpath=target/screenshots-classpath.txt
began=$(date +%s)

if [[ ! -x /usr/bin/chromium ]]; then
  echo "Debian's Chromium is needed at /usr/bin/chromium (apt-get install chromium)." >&2
  exit 1
fi
if curl -s -o /dev/null "$base/"; then
  echo "Something already answers on port $port: stop it, or choose another port with PORT=..." >&2
  exit 1
fi

echo "Building the service and the screenshot program..."
./mvnw -B -q -Plocal package -DskipTests # the jar with the embedded PostgreSQL; compiles the test classes too, DemoScreenshots among them
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$classpath"

echo "Starting the demo on $base with a fresh data directory ($data; log: $log)..."
rm -rf "$data"
# Never an external database from the environment: the demo writes into the embedded one of its data directory.
env -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD \
  CHORUS_DATA_DIR="$data" QUARKUS_HTTP_PORT="$port" CHORUS_PUBLIC_BASE_URL="$base" \
  java -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
server=$!

stop() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    # A clean shutdown also stops the embedded PostgreSQL; a service that hangs is killed after 30 s.
    for _ in $(seq 60); do
      kill -0 "$server" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$server" 2>/dev/null || true
  fi
  wait "$server" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

# The demo writes its quarter of history before it listens: ready means seeded.
deadline=$(($(date +%s) + ready_timeout))
until curl -sf -o /dev/null "$base/q/health/ready"; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "The demo stopped before it was ready; the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if (($(date +%s) >= deadline)); then
    echo "The demo was not ready within $ready_timeout s; the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 1
done
echo "The demo is ready after $(($(date +%s) - began)) s. Taking the screenshots..."

PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "target/test-classes:$(cat "$classpath")" io.chorus.docs.DemoScreenshots \
  "$base" docs/screenshots "$@"

# Smaller files for the repository, when pngquant is installed (apt-get install pngquant): lossy, invisible here.
if command -v pngquant >/dev/null; then
  pngquant --force --ext .png --quality 65-90 --skip-if-larger docs/screenshots/*.png || true
fi
echo "Done in $(($(date +%s) - began)) s: docs/screenshots/"
