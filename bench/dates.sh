#!/usr/bin/env bash
# Throughput of the date stage: bench/dates.sh [THREAD.txt] [COPIES]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$here" && mvn -q -B -DskipTests package >&2)
file="${1:-$here/../shared/samples/show-trials-thread.txt}"
[[ -f $file || $# -gt 0 ]] || file="$here/examples/kronstadt-thread.txt"   # no development sample here
exec java -cp "$here/target/exhibit.jar:$here/target/lib/*" "$here/bench/DateBench.java" "$file" "${2:-20}"
