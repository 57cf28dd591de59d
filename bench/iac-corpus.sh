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
#   env: THREADS=N  only the first N discussions (a slice); QUERIES=1000; CLIENTS=50; WARMUP=300 (web requests
#        before the timed ones); SPARK=1 adds the Spark job and compares its clusters with reuse --db (counts and
#        membership hash); KILL=1 adds the kill test: an ingest of the first KILL_POSTS=50000 posts killed with
#        SIGKILL KILLS=3 times at random points, then finished, checked for loss and duplication;
#        SKIP_INGEST=1 measures search and reuse on the store of an earlier run; SKIP_SEARCH=1, SKIP_REUSE=1 leave
#        out steps 3 and 4 (step 5 then compares with the reuse table already in the store);
#        WORK=dir (default target/bench-iac); XMX=3g for ingest, REUSE_XMX=4g for reuse; MVN_FLAGS (default -q -B).
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

mvn ${MVN_FLAGS:--q -B} -DskipTests package test-compile
mvn ${MVN_FLAGS:--q -B} dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
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

# 3. Searches drawn from the corpus: in process, then through the web API (bench/iac-web.sh: the server's CPU
#    seconds and the load average with the figures).
if [[ "${SKIP_SEARCH:-0}" != 1 ]]; then
java -Xmx2g -Dbench.inProcess=true -cp "$cp" org.exhibit.bench.CorpusQueryBench "$work/db/index" "$input" "${QUERIES:-1000}" | sed 's/^/- /'
QUERIES="${QUERIES:-1000}" CLIENTS="${CLIENTS:-50}" WARMUP="${WARMUP:-300}" bench/iac-web.sh "$work/db" "$input" "$cp" | sed 's/^/- /'
fi

# 4. Corpus reuse over the whole store.
if [[ "${SKIP_REUSE:-0}" != 1 ]]; then
/usr/bin/time -f '%e %U %S %M' -o "$work/reuse.time" java -Xmx${REUSE_XMX:-4g} -cp "$cp" org.exhibit.cli.Exhibit reuse --db "$work/db" \
  > "$work/reuse.out" 2> "$work/reuse.err" || true
read -r wall user sys rss < <(tail -1 "$work/reuse.time")
say "- reuse --db: $(python3 -c "print(f'{$wall:.0f} s wall, {$user+$sys:.0f} CPU-s, peak RSS {$rss/1024:.0f} MB')"); $(grep -h 'clusters stored\|document pairs\|in one run' "$work/reuse.err" "$work/reuse.out" | tr '\n' ' ')"
if command -v sqlite3 >/dev/null; then
  say "- reuse clusters: $(sqlite3 "$work/db/corpus.db" "select count(distinct cluster), max(n) from (select cluster, count(*) n from reuse group by cluster);" 2>/dev/null | tr '|' ' ' | awk '{print $1 " clusters, the largest with " $2 " witnesses"}')"
fi

fi

# 5. The same corpus through the Spark job in local mode; its clusters against those of step 4.
if [[ "${SPARK:-0}" == 1 ]]; then
  mvn ${MVN_FLAGS:--q -B} -Pspark -DskipTests compile
  mvn ${MVN_FLAGS:--q -B} -Pspark dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/spark-classpath.txt" >/dev/null
  rm -rf "$work/spark-classes"; cp -r target/classes "$work/spark-classes"
  scp="$work/spark-classes:$(cat "$work/spark-classpath.txt")"
  opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)"
  rm -rf "$work/spark-out"
  SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f '%e %U %S %M' -o "$work/spark.time" java $opens -Xmx${SPARK_XMX:-6g} -cp "$scp" \
    org.exhibit.spark.CorpusJob --master "local[*]" --out "$work/spark-out" "$input" 2> "$work/spark.log" || true
  read -r wall user sys rss < <(tail -1 "$work/spark.time")
  say "- spark local[*]: $(grep -h '^spark:' "$work/spark.log" | sed 's/^spark: //'); $(python3 -c "print(f'{$wall:.0f} s wall, {$user+$sys:.0f} CPU-s, peak RSS {$rss/1024:.0f} MB')")"
  SPARK_LOCAL_IP=127.0.0.1 java $opens -cp "$scp" org.exhibit.spark.ReuseCompare "$work/spark-out" "$work/db" 2>/dev/null | sed 's/^/- spark vs one machine: /' || true
fi

# 6. The kill test at size: an ingest of the first KILL_POSTS posts killed with SIGKILL at random points, then run
#    to the end; the store must hold every thread and post once and the index every post and quote once.
if [[ "${KILL:-0}" == 1 ]]; then
  kin="$work/ndjson-kill"; rm -rf "$kin" "$work/db-kill"
  read -r kthreads kposts kbytes < <(python3 bench/iac-convert.py "$src" "$kin" 0 "${KILL_POSTS:-50000}")
  say "- kill test: $kthreads threads, $kposts posts; ingest killed with SIGKILL ${KILLS:-3} times"
  kills=()
  for k in $(seq 1 "${KILLS:-3}"); do
    java -Xmx${XMX:-3g} -cp "$cp" org.exhibit.cli.Exhibit ingest -q --db "$work/db-kill" "$kin" > /dev/null 2>> "$work/kill.err" &
    pid=$!
    after=$(( ${KILL_MIN:-20} + RANDOM % ${KILL_SPREAD:-60} ))
    sleep "$after"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    kills+=("after ${after} s: $(sqlite3 "$work/db-kill/corpus.db" 'select count(*) from documents' 2>/dev/null || echo '?') threads stored")
  done
  /usr/bin/time -f '%e %U %S' -o "$work/kill.time" java -Xmx${XMX:-3g} -cp "$cp" org.exhibit.cli.Exhibit ingest --db "$work/db-kill" "$kin" > "$work/kill.out" 2>> "$work/kill.err" || true
  read -r wall user sys < <(tail -1 "$work/kill.time")
  say "-   kills: $(printf '%s; ' "${kills[@]}")then run to the end ($(python3 -c "print(f'{$wall:.0f} s wall, {$user+$sys:.0f} CPU-s')"))"
  say "-   each resumed run: $(grep -h 'resuming' "$work/kill.err" | sed 's/.*resuming: //' | paste -sd';' | sed 's/;/; /g')"
  say "-   last run: $(grep -h '^ingested' "$work/kill.err" "$work/kill.out" | tail -1)"
  say "-   $(java -cp "$cp" org.exhibit.bench.CorpusCensus "$work/db-kill" 2>/dev/null) (input: $kthreads threads, $kposts posts)"
  rc=0; java -cp "$cp" org.exhibit.cli.Exhibit check --db "$work/db-kill" > "$work/kill.check" 2>&1 || rc=$?
  say "-   exhibit check --db: exit $rc (0: sound); $(grep -v SLF4J "$work/kill.check" | tail -1)"
fi
