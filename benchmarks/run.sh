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
  *)
    echo "usage: $0 import [rows] | import-pg [rows] | bounce [rounds] | bounce-mailbox [messages] | events [events] [contacts] | events-live [events] [contacts] | segments [contacts] [events]" >&2
    exit 2
    ;;
esac
