#!/usr/bin/env bash
# Benchmark of the online prober (issue 7): 200 URLs on a loopback server that answers every request after 100 ms,
# probed with the default settings; prints wall time, the ideal time at the configured concurrency and their ratio
# (target <= 1.3), the same through Verifier.verify --online (in fresh JVMs, as a user's run, and warm), then the heap
# while the server sends 10 MB bodies.
#
#   bench/online-bench.sh [urls=200] [delay-ms=100] [big-body-mb=10]
#
# BENCH_XMX (default 128m) caps the heap: 200 x 10 MB would not fit if memory grew with response size.
# Builds the test classes offline (-o); drop MVN_FLAGS=-o from the environment if dependencies are missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B ${MVN_FLAGS--o} -pl core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/core/target/bench.classpath" -Dmdep.includeScope=test >&2
cp="core/target/test-classes:core/target/classes:schemas/target/classes:$(cat core/target/bench.classpath)"
exec java -Xmx"${BENCH_XMX:-128m}" -cp "$cp" org.connectverify.core.http.OnlineBench "$@"
