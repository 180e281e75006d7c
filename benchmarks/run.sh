#!/usr/bin/env bash
# Herald benchmarks (not tests). Usage:
#   benchmarks/run.sh import [rows]     CSV import vs raw JDBC batch insert into Derby (default 1,000,000 rows)
#   benchmarks/run.sh import-pg [rows]  the same on PostgreSQL (a private server, as the tests start one):
#                                       CSV import vs raw COPY and raw JDBC batch insert
#   benchmarks/run.sh bounce [rounds]   bounce classification, messages/s on one thread over ../shared/data/bounces
#   benchmarks/run.sh bounce-mailbox [messages]
#                                       bounce messages from an IMAP mailbox (GreenMail), classified and applied end
#                                       to end per second (route, processor, on-disk Derby); then the processor alone
#   benchmarks/run.sh events [events] [contacts]
#                                       event ingestion (JSON batches of 1,000 → the log) vs raw JDBC batch insert
#   benchmarks/run.sh events-live [events] [contacts]
#                                       against a running Herald (bin/start first): POST /events and herald.events.in
#                                       throughput, publish lag to herald.events (p50/p99)
#   benchmarks/run.sh segments [contacts] [events]
#                                       segment counts (3 field conditions; clicked+purchased+not tagged) vs
#                                       hand-written SQL on embedded Derby (default 1,000,000 contacts, 5,000,000 events)
#   benchmarks/run.sh oneclick [contacts] [seconds]
#                                       against a running Herald with no relay (bin/start first): a campaign to
#                                       [contacts] (default 30,000) into data/outbox, then wrk posts the RFC 8058
#                                       one-click of each message's List-Unsubscribe URL (distinct tokens):
#                                       requests/s and p99, then counts who actually left the list
#   benchmarks/run.sh forms [seconds] [connections]
#                                       against a running Herald (bin/start first): wrk posts new addresses as JSON to
#                                       a double opt-in form (each a PENDING contact, a waiting subscription and a
#                                       confirmation message): posts/s and p99, then counts the contacts made. Lifts the
#                                       rate limits of etc/org.herald.routes.forms.cfg for the run and puts them back
# Builds the benchmarks module against the installed Herald modules (mvn install them first).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in
  import)
    rows="${2:-1000000}"
    mvn -q -o -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    # Both sides run with the Derby page cache Herald's distribution uses (karaf-assembly bin/setenv).
    exec java -Xmx2g -Dderby.storage.pageCacheSize="${HERALD_DERBY_PAGE_CACHE:-32000}" ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.importer.ImportBenchmark "$rows" target/import-benchmark
    ;;
  import-pg)
    rows="${2:-1000000}"
    mvn -q -o -pl benchmarks compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    exec java -Xmx2g -Dbench.database=postgresql ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.importer.ImportBenchmark "$rows" target/import-benchmark-pg
    ;;
  bounce)
    rounds="${2:-10}"
    mvn -q -o -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    exec java ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.bounce.BounceBenchmark ../../shared/data/bounces "$rounds"
    ;;
  bounce-mailbox)
    messages="${2:-2000}"
    mvn -q -o -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    exec java -Xmx1g -Dderby.storage.pageCacheSize="${HERALD_DERBY_PAGE_CACHE:-32000}" ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.bouncemailbox.BounceMailboxBenchmark "$messages" target/bounce-mailbox-benchmark
    ;;
  events)
    events="${2:-200000}"
    contacts="${3:-20000}"
    mvn -q -o -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    exec java -Xmx2g -Dderby.storage.pageCacheSize="${HERALD_DERBY_PAGE_CACHE:-32000}" ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.events.EventsBenchmark "$events" "$contacts" target/events-benchmark
    ;;
  events-live)
    events="${2:-100000}"
    contacts="${3:-10000}"
    mvn -q -o -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    exec java ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.events.LiveEventsBenchmark "$events" "$contacts"
    ;;
  segments)
    contacts="${2:-1000000}"
    events="${3:-5000000}"
    mvn -q -o -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile ${BENCH_MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    exec java -Xmx2g -Dderby.storage.pageCacheSize="${HERALD_DERBY_PAGE_CACHE:-32000}" ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.segments.SegmentBenchmark "$contacts" "$events" target/segments-benchmark
    ;;
  oneclick)
    contacts="${2:-30000}"
    seconds="${3:-10}"
    home="${HERALD_HOME:-karaf-assembly/target/assembly}"
    base="${HERALD_URL:-http://127.0.0.1:8181}"
    api="$base/herald/api/v1"
    auth="${HERALD_AUTH:-admin:admin}"
    command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
    run="oc$(date +%s)"
    mkdir -p benchmarks/target
    curl -sf -u "$auth" -H 'Content-Type: application/json' -d "{\"name\":\"$run\"}" "$api/lists" >/dev/null
    csv=benchmarks/target/oneclick-contacts.csv
    { echo "email,status"; for i in $(seq 1 "$contacts"); do echo "oc$i-$run@bench.test,CONFIRMED"; done; } > "$csv"
    curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$csv" "$api/contacts/import?list=$run" >/dev/null
    curl -sf -u "$auth" -X PUT -H 'Content-Type: application/json' \
      -d '{"subject":"News","html":"<p>News</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>"}' "$api/templates/$run" >/dev/null
    curl -sf -u "$auth" -H 'Content-Type: application/json' -d "{\"name\":\"$run\",\"template\":\"$run\",\"lists\":[\"$run\"]}" \
      "$api/campaigns" >/dev/null
    id=$(curl -sf -u "$auth" "$api/campaigns/$run" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
    curl -sf -u "$auth" -H 'Content-Type: application/json' -d '{}' "$api/campaigns/$run/send" >/dev/null
    start=$(date +%s)
    until [ "$(find "$home/data/outbox" -name "c$id.m*.eml" | wc -l)" -ge "$contacts" ]; do
      [ $(( $(date +%s) - start )) -lt 900 ] || { echo "the campaign did not reach the outbox in 15 minutes" >&2; exit 1; }
      sleep 2
    done
    echo "campaign of $contacts messages in the outbox after $(( $(date +%s) - start )) s"
    find "$home/data/outbox" -name "c$id.m*.eml" -print0 | xargs -0 grep -h '^List-Unsubscribe: <' \
      | sed 's/^List-Unsubscribe: <\([^>]*\)>.*/\1/' | tr -d '\r' > benchmarks/target/oneclick-urls.txt
    before=$(curl -sf -u "$auth" "$api/contacts/count?list=$run" | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
    wrk -t2 -c16 -d"${seconds}s" --latency -s benchmarks/oneclick.lua "$base" -- benchmarks/target/oneclick-urls.txt
    after=$(curl -sf -u "$auth" "$api/contacts/count?list=$run" | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
    echo "members of $run: $before before, $after after: $(( before - after )) one-clicks applied"
    ;;
  forms)
    seconds="${2:-15}"
    connections="${3:-16}"
    home="${HERALD_HOME:-karaf-assembly/target/assembly}"
    base="${HERALD_URL:-http://127.0.0.1:8181}"
    api="$base/herald/api/v1"
    auth="${HERALD_AUTH:-admin:admin}"
    command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
    cfg="$home/etc/org.herald.routes.forms.cfg"
    cp "$cfg" benchmarks/target/forms-cfg.saved 2>/dev/null || { mkdir -p benchmarks/target; cp "$cfg" benchmarks/target/forms-cfg.saved; }
    trap 'cp benchmarks/target/forms-cfg.saved "$cfg"' EXIT
    sed -i -e 's/^postsPerIpPerMinute *=.*/postsPerIpPerMinute = 0/' -e 's/^postsPerAddressPerHour *=.*/postsPerAddressPerHour = 0/' "$cfg"
    run="fb$(date +%s)"
    curl -sf -u "$auth" -H 'Content-Type: application/json' -d "{\"name\":\"$run\"}" "$api/lists" >/dev/null
    curl -s -u "$auth" -H 'Content-Type: application/json' -d '{"name":"firstname","type":"TEXT"}' "$api/fields" >/dev/null || true
    curl -sf -u "$auth" -H 'Content-Type: application/json' \
      -d "{\"name\":\"$run\",\"fields\":[{\"name\":\"firstname\",\"required\":true}],\"lists\":[\"$run\"],\"consentText\":\"Send me news.\"}" \
      "$api/forms" >/dev/null
    # the route is reconfigured when file install reads the changed file: wait until the limits are gone
    start=$(date +%s)
    for i in $(seq 1 30); do
      curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"email\":\"warm$i-$run@bench.test\",\"firstname\":\"W\",\"consent\":true}" \
        "$base/herald/forms/$run" > benchmarks/target/forms-warm.txt
    done
    until [ "$(cat benchmarks/target/forms-warm.txt)" = 200 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"email\":\"warm-$run@bench.test\",\"firstname\":\"W\",\"consent\":true}" "$base/herald/forms/$run")" = 200 ]; do
      [ $(( $(date +%s) - start )) -lt 60 ] || { echo "the form route did not take the lifted limits within 60 s" >&2; exit 1; }
      sleep 1
      curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"email\":\"warm-$run@bench.test\",\"firstname\":\"W\",\"consent\":true}" \
        "$base/herald/forms/$run" > benchmarks/target/forms-warm.txt
    done
    before=$(curl -sf -u "$auth" "$api/contacts/count?search=$run" | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s benchmarks/forms.lua "$base" -- "$run" "$run"
    after=$(curl -sf -u "$auth" "$api/contacts/count?search=$run" | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
    echo "contacts made by the posts: $(( after - before )) (PENDING, each with a confirmation message queued)"
    ;;
  *)
    echo "usage: $0 import [rows] | import-pg [rows] | bounce [rounds] | bounce-mailbox [messages] | events [events] [contacts] | events-live [events] [contacts] | segments [contacts] [events] | oneclick [contacts] [seconds] | forms [seconds] [connections]" >&2
    exit 2
    ;;
esac
