#!/usr/bin/env bash
# Corpus figures: ingest MB/s and posts/s, re-ingest of the unchanged corpus, and search p50/p99, on a generated
# corpus (default 10,000 threads of 100 posts = 1,000,000 posts; THREADS and POSTS change it) or on INPUT_DIR,
# then corpus reuse over the store (exhibit reuse --db).
# usage: bench/corpus.sh [INPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench-corpus
mkdir -p "$work"
input="${1:-}"
if [[ -z "$input" ]]; then
  input="$work/input-${THREADS:-10000}x${POSTS:-100}"
  [[ -d "$input" ]] || python3 bench/gen-corpus.py "$input" "${THREADS:-10000}" "${POSTS:-100}"
fi
mvn -q -B -DskipTests package test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
cp="target/classes:target/test-classes:$(cat "$work/classpath.txt")"
rm -rf "$work/db"
echo "ingest $input ($(du -sh "$input" | cut -f1), $(nproc) cores):"
java -Xmx3g -cp "$cp" org.exhibit.cli.Exhibit ingest -q --db "$work/db" "$input" 2>&1 | grep -v '^exhibit:' || true
echo "re-ingest, nothing changed:"
java -Xmx3g -cp "$cp" org.exhibit.cli.Exhibit ingest -q --db "$work/db" "$input" 2>&1 | grep -v '^exhibit:' || true
echo "store: $(du -sh "$work/db/corpus.db" | cut -f1) SQLite, $(du -sh "$work/db/index" | cut -f1) Lucene index"
java -Xmx3g -cp "$cp" org.exhibit.bench.SearchBench "$work/db/index" "${ROUNDS:-50}"
echo "corpus reuse over the store (exhibit reuse --db):"
/usr/bin/time -f "reuse: %e s wall, %M KB peak RSS" java -Xmx3g -cp "$cp" org.exhibit.cli.Exhibit reuse --db "$work/db" 2>&1 >/dev/null | grep -E '^reuse: [0-9]+ documents|clusters stored|peak RSS' || true
