#!/usr/bin/env bash
# What `mvn connect:verify` adds to a build: installs the plugin (and the core it needs) into a throwaway local
# repository under bench/target/maven-goal/repo (never the shared ~/.m2, which is only read, as a file:// mirror, for
# the plugins the build itself needs), wraps each example app in a tiny project, and times alternately
# `mvn -o validate` (the project without any goal of ours) and `mvn -o connect:verify`. The goal's own time is the
# difference of the medians (Maven's start-up and project reading are in both).
# Usage: bench/maven-goal.sh [RUNS]     (default 5; APPS: example folders, default confluence-app jira-app)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-5}
work=$root/bench/target/maven-goal
repo=$work/repo
mkdir -p "$work"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)

cat > "$work/settings.xml" <<XML
<settings>
  <pluginGroups><pluginGroup>org.connectverify</pluginGroup></pluginGroups>
  <mirrors>
    <mirror><id>user-m2</id><url>file://$HOME/.m2/repository</url><mirrorOf>*</mirrorOf></mirror>
  </mirrors>
  <profiles>
    <profile>
      <id>user-m2</id>
      <repositories><repository><id>central</id><url>file://$HOME/.m2/repository</url>
        <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>
      </repository></repositories>
      <pluginRepositories><pluginRepository><id>central</id><url>file://$HOME/.m2/repository</url>
        <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>
      </pluginRepository></pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>user-m2</activeProfile></activeProfiles>
</settings>
XML
mvn_=(mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo")

echo "installing connect-maven-plugin $version into $repo" >&2
"${mvn_[@]}" install -DskipTests -Dinvoker.skip=true -pl maven-plugin -am >&2

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { # wall ms of one run; the exit code (1 for findings) does not matter
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

echo "mvn: $(mvn -B -v 2>/dev/null | head -1); medians of $runs interleaved runs"
for app in ${APPS:-confluence-app jira-app}; do
  [ -d "examples/$app" ] || { echo "no examples/$app" >&2; continue; }
  p=$work/$app
  rm -rf "$p"
  mkdir -p "$p/src/main/resources"
  cp -R "examples/$app/." "$p/src/main/resources/"
  cat > "$p/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.connectverify.bench</groupId>
  <artifactId>$app</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>org.connectverify</groupId>
        <artifactId>connect-maven-plugin</artifactId>
        <version>$version</version>
      </plugin>
    </plugins>
  </build>
</project>
XML
  # once each, untimed: resolves everything into the throwaway repository, and shows the goal runs
  "${mvn_[@]}" -f "$p/pom.xml" validate >/dev/null
  if ! "${mvn_[@]}" -o -f "$p/pom.xml" connect:verify > "$work/$app.out" 2>&1; then
    grep -q "connect-verify\|finding\|error:" "$work/$app.out" || { cat "$work/$app.out" >&2; exit 3; }
  fi
  v=() g=()
  for i in $(seq "$runs"); do
    v+=("$(ms "${mvn_[@]}" -o -f "$p/pom.xml" validate)")
    g+=("$(ms "${mvn_[@]}" -o -f "$p/pom.xml" connect:verify)")
  done
  a=$(printf '%s\n' "${v[@]}" | median); b=$(printf '%s\n' "${g[@]}" | median)
  printf '%-16s mvn -o validate %6d ms   mvn -o connect:verify %6d ms   the goal itself %6d ms\n' "$app" "$a" "$b" $((b - a))
done
