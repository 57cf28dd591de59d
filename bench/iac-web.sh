#!/usr/bin/env bash
# The corpus web API under concurrent clients on loopback: starts `exhibit serve --corpus CORPUS`, sends the queries
# CorpusQueryBench draws from the corpus's own NDJSON (after a warm-up of WARMUP queries), and prints latency, errors,
# the server's CPU seconds for the measured requests and the load average before and after.
# usage: bench/iac-web.sh CORPUS NDJSON_DIR CLASSPATH
#   CORPUS: a corpus directory made by `exhibit ingest --db`, or postgresql://... (then INDEX=dir)
#   env: QUERIES=1000 CLIENTS=50 WARMUP=300 SERVER_XMX=2g INPROCESS=0 (1: the in-process figures first);
#        SERVER_CP (another build for the server), SERVER_OPTS (JVM options for it)
set -euo pipefail
corpus="${1:?usage: bench/iac-web.sh CORPUS NDJSON_DIR CLASSPATH}" input="${2:?}" cp="${3:?}"
index="${INDEX:-$corpus/index}"
log=$(mktemp)
java -Xmx${SERVER_XMX:-2g} ${SERVER_OPTS:-} -cp "${SERVER_CP:-$cp}" org.exhibit.cli.Exhibit serve --corpus "$corpus" ${INDEX:+--index "$INDEX"} --port 0 --max-upload-mb 0 > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 600); do url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -1 || true); [[ -n "$url" ]] && break; sleep 0.5; done
[[ -n "$url" ]] || { echo "iac-web: the server did not start: $(head -3 "$log")" >&2; exit 1; }
say_load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "web API: server $url (pid $server), load average before $(say_load)"
java -Xmx1g -Dbench.warmup="${WARMUP:-300}" -Dbench.serverPid="$server" -Dbench.inProcess="${INPROCESS:-0}" -cp "$cp" \
  org.exhibit.bench.CorpusQueryBench "$index" "$input" "${QUERIES:-1000}" "$url" "${CLIENTS:-50}"
echo "load average after $(say_load)"
