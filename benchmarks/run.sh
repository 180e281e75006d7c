#!/usr/bin/env bash
# Herald benchmarks (not tests). Usage:
#   benchmarks/run.sh import [rows]     CSV import vs raw JDBC batch insert into Derby (default 1,000,000 rows)
# Builds the benchmarks module against the installed Herald modules (mvn install them first).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in
  import)
    rows="${2:-1000000}"
    mvn -q -o -pl benchmarks compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      || mvn -q -pl benchmarks compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    cd benchmarks
    exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
      org.herald.benchmarks.importer.ImportBenchmark "$rows" target/import-benchmark
    ;;
  *)
    echo "usage: $0 import [rows]" >&2
    exit 2
    ;;
esac
