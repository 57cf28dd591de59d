#!/usr/bin/env bash
# The analysis speed figures in one run on one machine (CPU seconds, so a busy machine changes little):
#  1. warm MB per CPU-second per stage and for the whole pipeline over ../shared/dev/iac (skipped with a message when
#     absent) and over a generated corpus;
#  2. the cost of a thread twice as long, per stage (ratio; the goal is <= 2.2);
#  3. the sample's warm p50 (the example thread when ../shared is absent);
#  4. cold `exhibit analyze --json` on it, a bare JVM for comparison, and peak RSS.
# Usage: bench/speed.sh [ROUNDS]   (default 2 rounds of the profile)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-2}"
[[ -f target/exhibit.jar && -z "$(find src/main pom.xml -newer target/exhibit.jar -print -quit)" ]] || mvn -q -B -o -DskipTests package
cp="target/exhibit.jar:target/lib/*"
java_run() { java -Xmx3g -cp "$cp" "$@"; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

echo "== 1. warm profile, $rounds rounds"
if compgen -G "../shared/dev/iac/*.ndjson" >/dev/null; then
  echo "-- ../shared/dev/iac (60 threads, both copies)"
  java_run bench/StageProfile.java "$rounds" ../shared/dev/iac/*.ndjson ../shared/dev/iac/*.txt
else
  echo "-- ../shared/dev/iac not present: skipping the development set"
fi
python3 bench/gen-corpus.py "$work/gen" 20 60 >/dev/null
echo "-- generated corpus (20 threads x 60 posts, bench/gen-corpus.py)"
java_run bench/StageProfile.java "$rounds" "$work"/gen/*

echo "== 2. a thread twice as long (generated, 300 and 600 posts, same seed)"
python3 bench/gen-corpus.py "$work/one" 1 300 11 >/dev/null
python3 bench/gen-corpus.py "$work/two" 1 600 11 >/dev/null
java_run bench/SpeedBench.java double "$work"/one/* "$work"/two/*

sample=../shared/samples/show-trials-thread.txt
[[ -f "$sample" ]] || sample=examples/kronstadt-thread.txt
echo "== 3. warm p50 on $sample"
java_run bench/SpeedBench.java p50 "$sample" 200

echo "== 4. cold runs (wall s, user s, sys s, peak RSS MB), best of 3"
cold() {
  local best=""
  for i in 1 2 3; do
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    local line; line=$(tail -1 "$work/time")
    if [[ -z "$best" ]] || awk -v a="$line" -v b="$best" 'BEGIN{split(a,x," ");split(b,y," ");exit !(x[1]<y[1])}'; then best="$line"; fi
  done
  awk -v l="$best" 'BEGIN{split(l,x," ");printf "%6.2f %6.2f %6.2f %7.0f", x[1], x[2], x[3], x[4]/1024}'
}
printf '%-44s %s\n' "bare JVM (java -version)" "$(cold java -version)"
printf '%-44s %s\n' "exhibit --version" "$(cold ./exhibit --version)"
printf '%-44s %s\n' "exhibit analyze --json $(basename "$sample")" "$(cold ./exhibit analyze --json "$sample")"
