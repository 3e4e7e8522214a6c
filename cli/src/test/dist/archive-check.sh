#!/usr/bin/env bash
# The release archive on its own: unpack connect-verify-<version>.tar.gz and .zip into empty folders and run
# bin/connect-verify (no clone, no Maven) on the examples; check that the launcher finds Java from JAVA_HOME or the
# PATH and says clearly when there is none or it is too old. Run by the cli build in the verify phase:
#   archive-check.sh TARGET_DIR VERSION EXAMPLES_DIR
set -euo pipefail
target="$1"
version="$2"
examples="$(cd "$3" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the launcher's start-up archive goes here, not into the user's cache
export CONNECT_VERIFY_CACHE="$work/cache"
fail() {
  echo "archive-check: FAILED: $*" >&2
  exit 1
}
expect_code() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit $2, expected $1; stdout: $(cat "$work/out"); stderr: $(cat "$work/err")"
}

java_bin="$(command -v java || true)"
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
[ -x "$java_bin" ] || fail "no java to run the check with"

for format in tar.gz zip; do
  archive="$target/connect-verify-$version.$format"
  [ -f "$archive" ] || fail "missing $archive"
  dir="$work/$format"
  mkdir -p "$dir"
  case "$format" in
    tar.gz) tar -xzf "$archive" -C "$dir" ;;
    zip) unzip -q "$archive" -d "$dir" ;;
  esac
  home="$dir/connect-verify-$version"
  for f in bin/connect-verify bin/connect-verify.bat lib/connect-verify.jar LICENSE README.md docs/configuration.md docs/ci.md; do
    [ -f "$home/$f" ] || fail "$format: $f is missing"
  done
  [ -x "$home/bin/connect-verify" ] || fail "$format: bin/connect-verify is not executable"

  # From an empty folder, Java from JAVA_HOME: a clean app passes, a broken one fails with canonical lines.
  mkdir -p "$work/empty"
  code=0
  (cd "$work/empty" && JAVA_HOME="$(dirname "$(dirname "$java_bin")")" "$home/bin/connect-verify" \
    "$examples/jira-app") >"$work/out" 2>"$work/err" || code=$?
  expect_code 0 "$code" "$format: clean example"
  grep -q "0 errors, 0 warnings, 0 infos in 1 descriptor" "$work/out" || fail "$format: no summary: $(cat "$work/out")"
  code=0
  (cd "$work/empty" && env -u JAVA_HOME PATH="$(dirname "$java_bin"):/usr/bin:/bin" "$home/bin/connect-verify" \
    "$examples/broken" --format sarif -o cv.sarif) >"$work/out" 2>"$work/err" || code=$?
  expect_code 1 "$code" "$format: broken example, java from the PATH"
  grep -q '"version" : "2.1.0"' "$work/empty/cv.sarif" || fail "$format: no SARIF written"
  "$home/bin/connect-verify" --version >"$work/out" 2>"$work/err" || fail "$format: --version failed"
  grep -q "$version" "$work/out" || fail "$format: --version says $(cat "$work/out"), expected $version"
  # A symlink to the launcher (as in /usr/local/bin) still finds the jar.
  ln -sf "$home/bin/connect-verify" "$work/cv-link"
  "$work/cv-link" --version >/dev/null 2>&1 || fail "$format: launcher through a symlink failed"
done

home="$work/tar.gz/connect-verify-$version"
# The start-up archive never changes a run: made on the first run, used, corrupted, switched off, the same stdout and
# exit code (stderr differs only by the one-line note of the run that made it).
rm -rf "$CONNECT_VERIFY_CACHE"
archived_run() { # name
  local code=0
  "$home/bin/connect-verify" "$examples/broken" >"$work/$1.out" 2>"$work/$1.err" || code=$?
  echo "$code" >"$work/$1.rc"
}
CONNECT_VERIFY_ARCHIVE=off archived_run off
archived_run first
made="$(find "$CONNECT_VERIFY_CACHE" -maxdepth 1 -name 'jdk-*' ! -name '*.failed' ! -name '*.for' | head -n 1)"
[ -n "$made" ] || fail "no start-up archive was made in $CONNECT_VERIFY_CACHE: $(ls "$CONNECT_VERIFY_CACHE" 2>&1)"
grep -q "preparing the start-up archive" "$work/first.err" || fail "the first run did not say it made the archive"
archived_run archived
chmod u+w "$made"
head -c 65536 /dev/urandom >"$made"
archived_run corrupt
for run in first archived corrupt; do
  cmp -s "$work/off.out" "$work/$run.out" || fail "start-up archive ($run) changed stdout"
  cmp -s "$work/off.rc" "$work/$run.rc" || fail "start-up archive ($run) changed the exit code"
done
for run in archived corrupt; do
  cmp -s "$work/off.err" "$work/$run.err" || fail "start-up archive ($run) changed stderr: $(cat "$work/$run.err")"
done
# No Java at all: a clear message, exit 3.
code=0
env -u JAVA_HOME PATH="/nonexistent" /bin/sh "$home/bin/connect-verify" --version >"$work/out" 2>"$work/err" || code=$?
expect_code 3 "$code" "no java"
grep -q "no Java found: set JAVA_HOME or put java (version 17 or newer) on the PATH" "$work/err" || fail "no java: $(cat "$work/err")"
# JAVA_HOME pointing nowhere.
code=0
JAVA_HOME="$work/nowhere" "$home/bin/connect-verify" --version >"$work/out" 2>"$work/err" || code=$?
expect_code 3 "$code" "bad JAVA_HOME"
grep -q "JAVA_HOME is set to '$work/nowhere', but it has no bin/java" "$work/err" || fail "bad JAVA_HOME: $(cat "$work/err")"
# An old Java (a stand-in that answers -version like Java 11 and 8).
for old in '11.0.22' '1.8.0_392'; do
  mkdir -p "$work/old/bin"
  printf '#!/bin/sh\necho "openjdk version \\"%s\\" 2024-01-16" >&2\n' "$old" >"$work/old/bin/java"
  chmod +x "$work/old/bin/java"
  code=0
  JAVA_HOME="$work/old" "$home/bin/connect-verify" --version >"$work/out" 2>"$work/err" || code=$?
  expect_code 3 "$code" "java $old"
  grep -q "needs Java 17 or newer, but $work/old/bin/java is Java $old" "$work/err" || fail "java $old: $(cat "$work/err")"
done
echo "archive-check: connect-verify-$version.tar.gz and .zip run from an empty folder; launcher messages checked"
