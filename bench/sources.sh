#!/usr/bin/env bash
# The content-sources benchmark: 200 RSS feeds of 50 items each (every item with its title, summary and
# image, so no page is read for Open Graph tags), served from this machine by Python's threading
# HTTP server, added to the demo organization in review mode. One polling pass of all 200 is timed
# from the moment they become due until each has its health written (target: < 30 s), while wrk
# reads GET /api/v1/feed as 16 clients; the feed's p95 during the pass is compared with its p95
# just before (target: within 20 %). RUNS passes (3), each over articles of its own (otherwise the
# second pass would find every article taken already); prints each run and the medians.
# Usage: ./mvnw -Plocal package -DskipTests && bench/sources.sh
JAVA_OPTS="${JAVA_OPTS:-} -Dchorus.outbound.allowed-private-networks=127.0.0.0/8 -Dchorus.sources.poll-interval=PT1S"
source "$(dirname "$0")/lib.sh"
FEEDS=${FEEDS:-200}
ITEMS=${ITEMS:-50}
FEED_PORT=${FEED_PORT:-18093}
WATCH=${WATCH:-10s}

# The feeds: target/bench-sources-feeds/run<R>/feed-<N>.xml
FEED_DIR=target/bench-sources-feeds
rm -rf "$FEED_DIR"
python3 - "$FEED_DIR" "$FEEDS" "$ITEMS" "$RUNS" "$FEED_PORT" <<'PY'
import os, sys
root, feeds, items, runs, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
for run in range(1, runs + 1):
    os.makedirs(f"{root}/run{run}", exist_ok=True)
    for f in range(feeds):
        entries = "".join(
            f"<item><title>Run {run} feed {f} item {i}</title>"
            f"<link>https://news{f}.example.com/run{run}/article-{i}?utm_source=rss</link>"
            f"<guid>run{run}-feed{f}-item{i}</guid><description>&lt;p&gt;Summary of item {i} of feed {f}.&lt;/p&gt;</description>"
            f"<pubDate>Mon, 30 Nov 2026 09:{i % 60:02d}:00 GMT</pubDate>"
            f"<enclosure url=\"https://news{f}.example.com/img/{i}.jpg\" type=\"image/jpeg\" length=\"1\"/></item>"
            for i in range(items))
        with open(f"{root}/run{run}/feed-{f}.xml", "w") as out:
            out.write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>'
                      f'<link>http://127.0.0.1:{port}/</link>{entries}</channel></rss>')
PY
python3 -m http.server "$FEED_PORT" --bind 127.0.0.1 --directory "$FEED_DIR" > target/bench-sources-feeds.log 2>&1 &
FEED_SERVER=$!
start_app bench-sources "${PORT:-18092}"
trap 'kill $APP $FEED_SERVER 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
open_database

ORG=$($PSQL -At -c "select id from organizations where slug = 'demo'")
CURATOR=$($PSQL -At -c "select id from members where organization_id = '$ORG' and email = 'curator@demo.example'")
# What an earlier run of this script left in the demo organization.
$PSQL -c "delete from content_sources where organization_id = '$ORG' and url like 'http://127.0.0.1:$FEED_PORT/%';
  delete from content_source_urls where organization_id = '$ORG' and canonical_url ~ '^https://news[0-9]+[.]example[.]com/run';
  delete from content where organization_id = '$ORG' and url ~ '^https://news[0-9]+[.]example[.]com/run'"
TOKEN=$(login demo ambassador01@demo.example)
cat > target/bench-sources-feed.lua <<LUA
request = function()
  return wrk.format("GET", "/api/v1/feed?limit=20", { ["Authorization"] = "Bearer $TOKEN" })
end
dofile("target/bench-report.lua")
LUA
p95() { wrk -t2 -c16 -d"$WATCH" --latency -s target/bench-sources-feed.lua "$BASE" | grep '^RESULT' | awk '{print $4}'; }

echo "== warm-up (JIT), not reported"
wrk -t2 -c16 -d10s -s target/bench-sources-feed.lua "$BASE" > /dev/null
RESULTS=$(mktemp)
for run in $(seq 1 "$RUNS"); do
  # The run's sources, disabled until the pass starts.
  $PSQL -c "insert into content_sources (id, organization_id, url, language, mode, enabled, next_fetch_at, created_by,
      created_at, updated_at)
    select gen_random_uuid(), '$ORG', 'http://127.0.0.1:$FEED_PORT/run$run/feed-' || n || '.xml', 'en', 'review', false,
      now(), '$CURATOR', now(), now()
    from generate_series(0, $FEEDS - 1) n"
  BEFORE=$(p95)
  START=$(date +%s.%N)
  $PSQL -c "update content_sources set enabled = true, next_fetch_at = now() where organization_id = '$ORG'
    and url like '%/run$run/%'"
  DURING_FILE=$(mktemp)
  (p95 > "$DURING_FILE") &
  WRK=$!
  while [ "$($PSQL -At -c "select count(*) from content_sources where organization_id = '$ORG'
      and url like '%/run$run/%' and last_fetched_at is not null")" -lt "$FEEDS" ]; do
    sleep 0.1
    [ "$(echo "$(date +%s.%N) - $START > 300" | bc)" = 1 ] && { echo "the pass did not end in 300 s" >&2; exit 1; }
  done
  END=$(date +%s.%N)
  wait $WRK
  DURING=$(cat "$DURING_FILE")
  STATS=$($PSQL -At -F ' ' -c "select sum(items_taken), count(*) filter (where last_error is not null)
    from content_sources where organization_id = '$ORG' and url like '%/run$run/%'")
  PASS=$(echo "$END - $START" | bc)
  printf '  run %d: pass %6.1f s  items taken %s  errors %s  feed p95 before %6.1f ms  during %6.1f ms\n' \
    "$run" "$PASS" ${STATS% *} ${STATS#* } "$BEFORE" "$DURING"
  echo "$PASS $BEFORE $DURING" >> "$RESULTS"
done
median() { awk -v c=$1 '{print $c}' "$RESULTS" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf '  median: pass %6.1f s  feed p95 before %6.1f ms  during %6.1f ms\n' "$(median 1)" "$(median 2)" "$(median 3)"
rm -f "$RESULTS"
