#!/usr/bin/env bash
# Validates connect-verify's SARIF output with real validators:
#   1. Microsoft's SARIF Multitool (npm: @microsoft/sarif-multitool, a self-contained binary per platform),
#      `validate` with the SARIF 2.1.0 schema it ships: any "error" result fails the check;
#   2. the same official schema (sarif-2.1.0.json from that package) through everit, in SarifSchemaTest, because
#      the Multitool only reports schema errors when its own reader also fails on the file.
# It checks the golden SARIF files and SARIF the CLI writes for every rule fixture and, when ../shared is present,
# for the whole corpus. It installs what it needs itself (into a cache folder) and skips with a note when the npm
# registry cannot be reached or the platform has no Multitool binary.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="5.7.0"
tools="${CONNECT_VERIFY_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/connect-verify}/sarif-multitool-$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

skip() {
  echo "sarif-check: SKIPPED: $*" >&2
  exit 0
}

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux ;;
  Darwin-*) platform=darwin ;;
  *) skip "no SARIF Multitool binary for $(uname -s)-$(uname -m)" ;;
esac
pkg="$tools/node_modules/@microsoft/sarif-multitool-$platform"
multitool="$pkg/Sarif.Multitool"
schema="$pkg/sarif-2.1.0.json"

if [ ! -f "$multitool" ] || [ ! -f "$schema" ]; then
  command -v npm >/dev/null 2>&1 || skip "npm is not installed, cannot fetch @microsoft/sarif-multitool"
  if ! timeout 60 npm view "@microsoft/sarif-multitool@$version" version >/dev/null 2>&1; then
    skip "the npm registry is unreachable, cannot fetch @microsoft/sarif-multitool@$version"
  fi
  echo "sarif-check: installing @microsoft/sarif-multitool@$version into $tools" >&2
  mkdir -p "$tools"
  (cd "$tools" && [ -f package.json ] || echo '{"private": true}' >"$tools/package.json")
  timeout 500 npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$version" >&2
fi
[ -f "$multitool" ] || skip "the package installed no binary for $platform"
chmod u+x "$multitool" # npm may not run the package's own postinstall chmod

jar="$here/cli/target/connect-verify.jar"
if [ ! -f "$jar" ]; then
  echo "sarif-check: building the CLI jar" >&2
  (cd "$here" && mvn -q -B -pl cli -am package -DskipTests >&2)
fi

files=()
for f in "$here"/core/src/test/resources/report-golden/*.sarif; do files+=("$f"); done
# SARIF made by the real CLI: every rule fixture (failing ones give findings of every offline rule).
java -jar "$jar" --no-config --fail-on never --quiet --format sarif --output "$work/fixtures.sarif" \
  "$here/core/src/test/resources/rules"
files+=("$work/fixtures.sarif")
corpus="${CONNECT_VERIFY_SHARED:-$here/../shared}/corpus/descriptors"
if [ -d "$corpus" ]; then
  java -jar "$jar" --no-config --fail-on never --quiet --format sarif --output "$work/corpus.sarif" "$corpus"/*.json
  files+=("$work/corpus.sarif")
fi

status=0
for f in "${files[@]}"; do
  out="$work/$(basename "$f").log"
  if ! "$multitool" validate --json-schema "$schema" "$f" >"$out" 2>&1; then
    echo "sarif-check: the Multitool failed to run on $f:" >&2
    cat "$out" >&2
    status=1
    continue
  fi
  errors="$(grep -E ': error [A-Z]+[0-9]+:' "$out" || true)"
  warnings="$(grep -cE ': warning [A-Z]+[0-9]+:' "$out" || true)"
  results="$({ grep -o '"ruleId" : "[^"]*"' "$f" || true; } | wc -l | tr -d ' ')"
  if [ -n "$errors" ]; then
    echo "sarif-check: FAIL $f: $(echo "$errors" | wc -l | tr -d ' ') errors, the first ones:" >&2
    echo "$errors" | sed -n 1,20p >&2
    status=1
  else
    echo "sarif-check: ok   $(basename "$f"): $results results, 0 errors, $warnings warnings (SARIF Multitool $version)"
  fi
done

# The official schema through everit (the Multitool skips schema errors on files its reader accepts).
list="$(IFS=,; echo "${files[*]}")"
if ! (cd "$here" && mvn -q -B -pl core -am test -Dtest=SarifSchemaTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dconnectverify.sarif.schema="$schema" -Dconnectverify.sarif.files="$list" >"$work/schema.log" 2>&1); then
  grep -vE '^\[(INFO|WARNING)\]' "$work/schema.log" | sed -n 1,60p >&2
  echo "sarif-check: FAIL: SARIF does not conform to the SARIF 2.1.0 schema" >&2
  status=1
else
  echo "sarif-check: ok   ${#files[@]} files conform to the SARIF 2.1.0 JSON schema (everit)"
fi

if [ "$status" -eq 0 ]; then
  echo "sarif-check: ${#files[@]} passed, 0 failed"
fi
exit "$status"
