#!/usr/bin/env bash
# The whole Internet Argument Corpus v1 (4forums.com: 11,800 discussions, about 390,000 posts) through Exhibit on
# this machine, in one run: conversion to comment NDJSON per thread (board ids, authors, times, reply links),
# `exhibit ingest` with every stage, searches drawn from the corpus in process and through the web API under
# concurrent clients on loopback, `exhibit reuse --db` over the whole store, and (SPARK=1) the Spark job locally.
# The corpus itself is never copied into the repository.
#
# usage: bench/iac-corpus.sh SNAPSHOT
#   SNAPSHOT: a checkout of github sl-m-lab/Internet-Argument-Corpus, its bare git directory, or the folder
#             v1/data/fourforum/discussions itself.
#   env: THREADS=N  only the first N discussions (a slice); QUERIES=1000; CLIENTS=50; SPARK=1 adds the Spark job;
#        SKIP_INGEST=1 measures search and reuse on the store of an earlier run;
#        WORK=dir (default target/bench-iac); XMX=3g for ingest, REUSE_XMX=4g for reuse.
set -euo pipefail
cd "$(dirname "$0")/.."
snap="${1:?usage: bench/iac-corpus.sh SNAPSHOT (see the header)}"
work="${WORK:-target/bench-iac}"
mkdir -p "$work"
say() { printf '%s\n' "$*"; }

# 1. The discussions, from whatever form the snapshot has.
if [[ -d "$snap/v1/data/fourforum/discussions" ]]; then src="$snap/v1/data/fourforum/discussions"
elif [[ -d "$snap" && "$(basename "$snap")" == discussions ]]; then src="$snap"
elif git --git-dir="$snap" rev-parse -q --verify HEAD >/dev/null 2>&1; then
  src="$work/snapshot/v1/data/fourforum/discussions"
  if [[ ! -d "$src" ]]; then
    mkdir -p "$work/snapshot"
    git --git-dir="$snap" archive HEAD v1/data/fourforum/discussions | tar -x -C "$work/snapshot"
  fi
else echo "bench/iac-corpus.sh: $snap holds no v1/data/fourforum/discussions" >&2; exit 2; fi
input="$work/ndjson${THREADS:+-$THREADS}"
rm -rf "$input"
read -r threads posts bytes < <(python3 bench/iac-convert.py "$src" "$input" ${THREADS:-})
mb=$(python3 -c "print(f'{$bytes/1e6:.1f}')")

mvn -q -B -DskipTests package test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
# a copy of the build, so that rebuilding the tree during a long run changes nothing under it
rm -rf "$work/classes" "$work/test-classes"; cp -r target/classes "$work/classes"; cp -r target/test-classes "$work/test-classes"
cp="$work/classes:$work/test-classes:$(cat "$work/classpath.txt")"

say "## Internet Argument Corpus v1 (\`bench/iac-corpus.sh SNAPSHOT\`${THREADS:+ with THREADS=$THREADS}), $(date -u +%Y-%m-%d)"
say ""
say "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; load average at start $(cut -d' ' -f1-3 /proc/loadavg) (other work was running: compare CPU seconds)."
say "Input: $threads threads, $posts posts, $mb MB of comment NDJSON."
say ""

# 2. Ingest with every stage (SKIP_INGEST=1 keeps the store of an earlier run and measures the rest).
if [[ "${SKIP_INGEST:-0}" != 1 ]]; then
rm -rf "$work/db"
/usr/bin/time -f '%e %U %S %M' -o "$work/ingest.time" java -Xmx${XMX:-3g} -cp "$cp" org.exhibit.cli.Exhibit ingest -q --db "$work/db" "$input" \
  > "$work/ingest.out" 2> "$work/ingest.err" || true
read -r wall user sys rss < <(tail -1 "$work/ingest.time")
failed=$(grep -c '^exhibit:' "$work/ingest.err" || true)
say "- ingest: $(python3 -c "print(f'{$wall:.0f} s wall, {$user+$sys:.0f} CPU-s; {$posts/$wall:.0f} posts/s, {$bytes/1e6/$wall:.2f} MB/s wall, {$bytes/1e6/($user+$sys):.2f} MB per CPU-s; peak RSS {$rss/1024:.0f} MB')"); $failed files refused"
fi
say "- store: $(du -sh "$work/db/corpus.db" | cut -f1) SQLite, $(du -sh "$work/db/index" | cut -f1) Lucene; $(java -cp "$cp" org.exhibit.cli.Exhibit stats --db "$work/db" 2>/dev/null | head -3 | tr '\n' ' ')"

# 3. Searches drawn from the corpus: in process, then through the web API.
java -Xmx2g -cp "$cp" org.exhibit.cli.Exhibit serve --corpus "$work/db" --port 0 > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 240); do url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -1 || true); [[ -n "$url" ]] && break; sleep 0.5; done
java -Xmx2g -cp "$cp" org.exhibit.bench.CorpusQueryBench "$work/db/index" "$input" "${QUERIES:-1000}" ${url:+"$url" "${CLIENTS:-50}"} | sed 's/^/- /'
kill $server 2>/dev/null || true

# 4. Corpus reuse over the whole store.
/usr/bin/time -f '%e %U %S %M' -o "$work/reuse.time" java -Xmx${REUSE_XMX:-4g} -cp "$cp" org.exhibit.cli.Exhibit reuse --db "$work/db" \
  > "$work/reuse.out" 2> "$work/reuse.err" || true
read -r wall user sys rss < <(tail -1 "$work/reuse.time")
say "- reuse --db: $(python3 -c "print(f'{$wall:.0f} s wall, {$user+$sys:.0f} CPU-s, peak RSS {$rss/1024:.0f} MB')"); $(grep -h 'clusters stored\|document pairs\|in one run' "$work/reuse.err" "$work/reuse.out" | tr '\n' ' ')"
if command -v sqlite3 >/dev/null; then
  say "- reuse clusters: $(sqlite3 "$work/db/corpus.db" "select count(distinct cluster), max(n) from (select cluster, count(*) n from reuse group by cluster);" 2>/dev/null | tr '|' ' ' | awk '{print $1 " clusters, the largest with " $2 " witnesses"}')"
fi

# 5. The same corpus through the Spark job in local mode.
if [[ "${SPARK:-0}" == 1 ]]; then bench/spark-corpus.sh "$input" | sed 's/^/- spark: /'; fi
