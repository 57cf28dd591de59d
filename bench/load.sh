#!/usr/bin/env bash
# Load test of 'exhibit serve' on loopback with wrk: 200 connections for DURATION (default 30s) against a thread
# page, the thread's JSON and the thread list (and SEARCH_PATH, e.g. '/api/search?q=trial', if set), printing
# latency and throughput. While the load runs, hostile files are uploaded to UPLOAD_PATH if set (multipart
# 'file' field). Not part of the test suite.
# Usage: bench/load.sh [thread-file] [duration]      (default: ../shared/samples/show-trials-thread.txt, else examples/kronstadt-thread.txt; 30s)
set -uo pipefail
cd "$(dirname "$0")/.."
thread="${1:-../shared/samples/show-trials-thread.txt}"
[[ -f $thread || $# -gt 0 ]] || thread=examples/kronstadt-thread.txt   # no development sample here
duration="${2:-30s}"
conns="${CONNECTIONS:-200}"

if ! ./exhibit help serve >/dev/null 2>&1; then
  echo "load: this build has no 'exhibit serve' command; nothing to load-test"; exit 0
fi
[[ -f "$thread" ]] || { echo "load: $thread not found; give a thread file"; exit 0; }
if ! command -v wrk >/dev/null; then
  echo "load: installing wrk (apt-get)..."
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 || { echo "load: cannot install wrk"; exit 1; }
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
./exhibit serve --port "$port" "$thread" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -fs "$base/api/threads" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/api/threads" >/dev/null || { echo "load: server did not come up:"; cat "$log"; exit 1; }
# The first thread's API path, as the list gives it ("api": "/api/threads/ID").
api=$(curl -fs "$base/api/threads" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("threads",d) if isinstance(d,dict) else d; print(d[0]["api"])' 2>/dev/null)
[[ -z "$api" ]] && api="/api/threads"
page="${api/\/api\/threads\//\/threads\/}"

uploads() { # hostile files during the load: huge line, NULs, deep nesting, broken markup
  local dir; dir=$(mktemp -d)
  python3 - "$dir" <<'PY'
import sys, os
d = sys.argv[1]
open(os.path.join(d, "line.txt"), "w").write("Anna\n16.06.2007 14:19\n" + "said \"x\" " * 1_000_000)
open(os.path.join(d, "nul.txt"), "wb").write(b"Anna\x00\x01" * 10000)
open(os.path.join(d, "deep.txt"), "w").write("Anna\n16.06.2007 14:19\n" + "\u201c\u2018" * 20000)
open(os.path.join(d, "markup.html"), "w").write("<script>alert(1)</script><blockquote>" * 20000)
PY
  local codes=""
  for f in "$dir"/*; do codes+="$(basename "$f"):$(curl -s -o /dev/null -w '%{http_code}' -F "file=@$f" "$base$UPLOAD_PATH") "; done
  echo "uploads during load: $codes"; rm -rf "$dir"
}

echo "exhibit serve on $base (pid $server), $conns connections, $duration per endpoint"
paths=("$page" "$api" "/api/threads")
[[ -n "${SEARCH_PATH:-}" ]] && paths+=("$SEARCH_PATH")
for p in "${paths[@]}"; do
  echo; echo "== GET $p"
  up=""
  if [[ -n "${UPLOAD_PATH:-}" ]]; then (sleep 5; uploads) & up=$!; fi
  wrk -t2 -c"$conns" -d"$duration" --latency "$base$p" | grep -E 'Latency|50%|90%|99%|Requests/sec|Transfer/sec|requests in|Non-2xx|Socket errors'
  [[ -n "$up" ]] && wait "$up"
done
kill -0 $server 2>/dev/null && echo && echo "server still up after the load" || { echo "server died:"; tail -5 "$log"; exit 1; }
