#!/usr/bin/env bash
# The digest benchmark: the weekly digest of the feed benchmark's organization (10,000 ambassadors in
# ~5 of 200 groups, 100,000 items of which ~2,000 published in the last week: bench/feed-seed.sql) made,
# rendered and handed to a local SMTP server (bench/SmtpSink.java, which only counts), while
# GET /s/{code} is measured (bench/redirect-seed.sql's 10,000 codes, bench/redirect.lua).
#   1. idle: RUNS x wrk -t2 -c32 -d$DURATION on /s/{code}; median req/s.
#   2. digest: the organization's weekly digest is made due now (its digest day today, its time a
#      minute ago); wrk runs on /s/{code} meanwhile; the time from then until the SMTP server has
#      received 10,000 mails (target < 60 s), and the redirect's req/s during that time against the
#      idle median (target: within 20%).
# Usage: ./mvnw -Plocal package -DskipTests && bench/digest.sh
#   DURATION=20s RUNS=3 PORT=18083 SMTP_PORT=2525 by default; JAVA_OPTS adds options to the app's.
source "$(dirname "$0")/lib.sh"
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc >/dev/null; }
SMTP_PORT=${SMTP_PORT:-2525}
COUNT=target/bench-digest-smtp-count
rm -f "$COUNT"
java bench/SmtpSink.java "$SMTP_PORT" "$COUNT" > target/bench-digest-smtp.log 2>&1 &
SINK=$!
# The mail settings: the sink as SMTP server, the cluster's mail jobs every second, no rate limit to speak of.
JAVA_OPTS="${JAVA_OPTS:-} -Dchorus.mail.delivery=smtp -Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port=$SMTP_PORT
  -Dquarkus.mailer.start-tls=DISABLED -Dquarkus.mailer.max-pool-size=16 -Dchorus.mail.sender.batch-size=200
  -Dchorus.mail.per-organization-per-minute=1000000 -Dchorus.mail.digest.check-interval=PT1S"
start_app bench-digest "${PORT:-18083}"
trap 'kill $APP $SINK 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
open_database
seed_feed
$PSQL -f bench/redirect-seed.sql
CODES=target/bench-digest-codes.txt
RORG=$($PSQL -At -c "select id from organizations where slug = 'bench-redirect'")
$PSQL -At -c "select code from shares where organization_id = '$RORG' order by code" > $CODES
cp $CODES target/bench-redirect-codes.txt # what bench/redirect.lua reads
URL="$BASE/s/$(head -1 $CODES)"
ORG=$($PSQL -At -c "select id from organizations where slug = 'demo'")
# Every bench member weekly (the default) with no digest yet; nobody else of the organization gets one.
$PSQL -c "update members set email_digest = case when email like 'bench-member-%' then 'weekly' else 'never' end,
  digest_sent_until = null where organization_id = '$ORG'"
$PSQL -c "delete from mail_outbox where organization_id = '$ORG' and kind = 'digest'"
# The seed's items end at the time it was made: brought forward so that the newest is now (a week of them is new).
$PSQL -c "update content set published_at = published_at + (now() - (select max(published_at) from content
  where organization_id = '$ORG' and title like 'Bench item %')) where organization_id = '$ORG' and title like 'Bench item %'"

echo "== warm-up (JIT), not reported"
wrk -t2 -c32 -d30s -s bench/redirect.lua "$URL" > /dev/null
echo "== idle: GET /s/{code}, 32 connections, $DURATION x $RUNS"
: > target/bench-digest-idle.txt
for i in $(seq 1 "$RUNS"); do
  wrk -t2 -c32 -d"$DURATION" -s bench/redirect.lua "$URL" | grep '^RESULT' | tee -a target/bench-digest-idle.txt
done
# RESULT requests seconds req/s p50 p99 errors: the median req/s
IDLE=$(awk '{print $4}' target/bench-digest-idle.txt | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')

echo "== the weekly digest of 10,000 members, with GET /s/{code} at 32 connections meanwhile"
ZONE=$($PSQL -At -c "select coalesce((select time_zone from organization_settings where organization_id = '$ORG'), 'UTC')")
$PSQL -c "delete from digest_runs where organization_id = '$ORG'"
$PSQL -c "insert into organization_settings (organization_id, updated_at) values ('$ORG', now()) on conflict do nothing"
START_COUNT=$(cat "$COUNT" 2>/dev/null || echo 0)
T0=$(date +%s.%N)
$PSQL -c "update organization_settings set digest_day = extract(isodow from now() at time zone '$ZONE'),
  digest_time = (now() at time zone '$ZONE' - interval '1 minute')::time where organization_id = '$ORG'"
wrk -t2 -c32 -d60s -s bench/redirect.lua "$URL" > target/bench-digest-busy.txt &
WRK=$!
while :; do
  RECEIVED=$(( $(cat "$COUNT" 2>/dev/null || echo 0) - START_COUNT ))
  [ "$RECEIVED" -ge 10000 ] && break
  [ "$(echo "$(date +%s.%N) - $T0 > 180" | bc)" = 1 ] && { echo "only $RECEIVED mails after 180 s" >&2; break; }
  sleep 0.2
done
T1=$(date +%s.%N)
wait $WRK
BUSY=$(grep '^RESULT' target/bench-digest-busy.txt | awk '{print $4}')
printf '  %d mails handed to the SMTP server in %.1f s (target < 60 s)\n' "$RECEIVED" "$(echo "$T1 - $T0" | bc)"
$PSQL -At -c "select 'digest run: ' || members || ' members, ' || mails || ' mails, finished '
  || round(extract(epoch from finished_at - to_timestamp($T0))::numeric, 1) || ' s after the start'
  from digest_runs where organization_id = '$ORG' order by day desc limit 1"
$PSQL -At -c "select 'outbox: ' || status || ' ' || count(*) from mail_outbox where organization_id = '$ORG'
  and kind = 'digest' group by status"
printf '  GET /s/{code} during the 60 s from the start: %d req/s, idle median %d req/s: %.0f%% (target >= 80%%)\n' \
  "$BUSY" "$IDLE" "$(echo "100 * $BUSY / $IDLE" | bc -l)"
