#!/usr/bin/env bash
# Cold start with and without the schemas: runs the CLI jar N times (a fresh JVM each time) on one descriptor, once
# normally and once with the schema check skipped (--skip-rule 'schema/*': no schema is compiled), and prints the
# median wall time of each; then times the compile itself in one JVM (bench/SchemaLoad.java).
# Usage: bench/schema-load.sh [descriptor] [runs]   (build first: mvn -q -B -pl cli -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=cli/target/connect-verify.jar
file=${1:-core/src/test/resources/rules/base-jira.json}
runs=${2:-9}
# the same JVM options as the ./connect-verify launcher
read -r -a opts <<< "${CONNECT_VERIFY_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xshare:auto -Xms8m}"
[ -f "$jar" ] || { echo "build the CLI first: mvn -q -B -pl cli -am package -DskipTests" >&2; exit 2; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    java "${opts[@]}" -jar "$jar" verify -q "$@" "$file" >/dev/null || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | median
}

with=$(run)
without=$(run --skip-rule 'schema/*')
echo "cold start, median of $runs runs on $file:"
echo "  with schemas:    ${with} ms"
echo "  without schemas: ${without} ms"
echo "  schema cost:     $((with - without)) ms"
echo
java "${opts[@]}" -cp "$jar" bench/SchemaLoad.java "$file"
