# Shared by the benchmark scripts: sourced, not run.
# start_app NAME PORT — runs the packaged jar in the demo profile with its own data directory
# (target/NAME-data) and log (target/NAME-app.log), waits until it is ready, stops it on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=target/quarkus-app/quarkus-run.jar
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

start_app() {
  local name=$1 port=$2
  APP_LOG=target/$name-app.log
  BASE=http://localhost:$port
  java -Dquarkus.profile=dev -Dquarkus.http.port="$port" -Dchorus.data-dir="target/$name-data" \
    -Dquarkus.log.level=WARN -jar "$JAR" > "$APP_LOG" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    curl -sf "$BASE/q/health/ready" >/dev/null && return 0
    kill -0 $APP 2>/dev/null || { cat "$APP_LOG"; exit 1; }
    sleep 0.2
  done
  echo "not ready in 60 s" >&2; exit 1
}

# login ORGANIZATION EMAIL — prints an access token
login() {
  curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"organization\":\"$1\",\"email\":\"$2\",\"password\":\"demo-password\"}" \
    | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
