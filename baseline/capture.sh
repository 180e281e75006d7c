#!/bin/sh
# Stores the API bundles just built (bundles/api, bundles/shell, bundles/rest: target/*.jar) as the
# baseline VERSION in baseline/repository, a file-based Maven repository the build reads offline.
# Run it at a release, on the released tree, then set herald.baseline.version in the root pom to
# VERSION and commit both (see docs/architecture.md, "How the API grows"). Never rewrite a version
# already committed: local repositories keep the copy they resolved first.
set -eu
VERSION=${1:?usage: baseline/capture.sh VERSION (e.g. 0.2.0)}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
for module in api shell rest; do
  artifact=herald-$module
  jar=$(ls "$ROOT/bundles/$module/target/$artifact"-*.jar | grep -v -e '-tests.jar$' -e '-sources.jar$' | head -n 1)
  dir="$ROOT/baseline/repository/org/herald/$artifact/$VERSION"
  if [ -e "$dir" ]; then
    echo "$dir exists: a baseline version is never rewritten, choose a new one" >&2
    exit 1
  fi
  mkdir -p "$dir"
  cp "$jar" "$dir/$artifact-$VERSION.jar"
  cat > "$dir/$artifact-$VERSION.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<!-- API baseline of $artifact (bnd-baseline-maven-plugin compares the build with this jar) -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.herald</groupId>
  <artifactId>$artifact</artifactId>
  <version>$VERSION</version>
  <packaging>jar</packaging>
</project>
POM
  echo "baseline $artifact $VERSION <- ${jar#$ROOT/}"
done
