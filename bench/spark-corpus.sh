#!/usr/bin/env bash
# Runs the Spark corpus job locally (local[*]) and the single-machine path (exhibit ingest) on the same input and
# prints the figures of each. Input: a folder of threads / NDJSON dumps, or a generated corpus.
# usage: bench/spark-corpus.sh [INPUT_DIR]        (env THREADS=2000 POSTS=25 size the generated corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench-spark
mkdir -p "$work"
input="${1:-}"
if [[ -z "$input" ]]; then
  input="$work/input"
  rm -rf "$input"
  python3 bench/gen-corpus.py "$input" "${THREADS:-2000}" "${POSTS:-25}"
fi
echo "building with -Pspark..." >&2
mvn -q -B -Pspark -DskipTests compile
mvn -q -B -Pspark dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/classpath.txt" >/dev/null
cp="target/classes:$(cat "$work/classpath.txt")"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)"
mb=$(du -sm "$input" | cut -f1)
files=$(find "$input" -type f ! -name '.*' | wc -l)
export SPARK_LOCAL_IP=127.0.0.1

t0=$(date +%s.%N)
java $opens -Xmx6g -cp "$cp" org.exhibit.spark.CorpusJob --master "local[*]" --out "$work/out" "$input" 2>"$work/spark.log"
t1=$(date +%s.%N)
grep '^spark:' "$work/spark.log" || { tail -20 "$work/spark.log"; exit 1; }
rm -rf "$work/db"
java -Xmx3g -cp "$cp" org.exhibit.cli.Exhibit ingest -q --db "$work/db" "$input" 2>"$work/ingest.log" || true
t2=$(date +%s.%N)
grep '^ingested' "$work/ingest.log"
posts=$(sed -n 's/^spark: [0-9]* documents, \([0-9]*\) posts.*/\1/p' "$work/spark.log")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v mb="$mb" -v f="$files" -v p="$posts" -v cores="$(nproc)" 'BEGIN {
  s = b - a; i = c - b;
  printf "input: %d files, %d MB, %d posts, %d cores\n", f, mb, p, cores;
  printf "spark local[*] (analysis + Parquet/JSON, JVM start included): %6.1f s  %8.0f posts/s  %6.2f MB/s\n", s, p / s, mb / s;
  printf "exhibit ingest (analysis + SQLite + Lucene, JVM start included): %6.1f s  %8.0f posts/s  %6.2f MB/s\n", i, p / i, mb / i;
}'
