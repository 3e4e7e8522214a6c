#!/usr/bin/env bash
# The launcher's start-up archive never changes what a run prints or returns: with the archive made, with it
# corrupted, with an archive of another Java in its place, with it switched off, and with a wrong or broken record of
# where the java on the PATH is, ./connect-verify gives the same stdout, the same stderr and the same exit code. Needs
# cli/target/connect-verify.jar (mvn verify builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { # name
  local rc=0
  ./connect-verify examples/broken >"$out/$1.out" 2>"$out/$1.err" || rc=$?
  echo "$rc" >"$out/$1.rc"
}
same() { # name: compares with the run without archive
  for part in out err rc; do
    cmp -s "$out/off.$part" "$out/$1.$part" || { echo "launcher-archive: $1 changed the run's $part:"; diff "$out/off.$part" "$out/$1.$part" | head -5; exit 1; }
  done
  echo "launcher-archive: $1: same output, stderr and exit code ($(cat "$out/$1.rc"))"
}
CONNECT_VERIFY_ARCHIVE=off run off
rm -rf cli/target/startup
./connect-verify --version >/dev/null 2>&1 # the training run
archive=$(find cli/target/startup -name 'jdk-*' ! -name '*.failed' | head -1)
[ -n "$archive" ] || { echo "launcher-archive: no archive was made for $(java -version 2>&1 | head -1)"; exit 1; }
run archive; same archive
chmod u+w "$archive"
head -c 65536 /dev/urandom >"$archive"; touch "$archive"
run corrupt; same corrupt
printf 'not an archive' >"$archive"; touch "$archive"
run truncated; same truncated
# the remembered place of the java on the PATH: used only while it is still that file
java_bin=$(command -v java)
printf '%s\n%s\n' "$java_bin" /nonexistent/bin/java >cli/target/startup/java.path
run stale-java-path; same stale-java-path
grep -qx "$(readlink -f "$java_bin")" cli/target/startup/java.path \
  || { echo "launcher-archive: java.path was not corrected"; exit 1; }
printf 'one line' >cli/target/startup/java.path
run short-java-path; same short-java-path
rm -rf cli/target/startup
