#!/usr/bin/env bash
# The hostile inputs of the hardening issue on the command line, with figures: for each, 'exhibit analyze' (or
# 'search') with a small good thread beside it; prints wall seconds, peak RSS, the exit code, the first line of the
# error output and how many lines it had, whether the good thread was still analysed, and whether the input kept to
# its bound (10 s and 1 GB; the 50 MB file and the 100 000-post board: 60 s and 1 GB, or a one-line refusal by the
# time budget). Every run is bounded by 'timeout'. Not part of the test suite.
# Usage: bench/hostile-cli.sh [all|small]   (small: leaves out the 100 000-post board and the 50 MB file)
# BUDGET=S (default 60): --max-analysis-seconds for the two large inputs.
set -uo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./exhibit --version >/dev/null 2>&1 || true   # builds the jar first if needed, outside the timings
good="$work/good.txt"
printf 'Anna\n1st May 2005, 10:00\nHe said "we were there" and left.\n\nBoris\n1st May 2005, 11:00\nQUOTE\nwe were there\nNo.\n' >"$good"

python3 - "$work" "$which" <<'PY'
import sys, os, gzip, json, random
w, which = sys.argv[1], sys.argv[2]
def put(name, data):
    with open(os.path.join(w, name), "wb") as f: f.write(data if isinstance(data, bytes) else data.encode())
put("nested-quote.bbcode", "[quote]" * 100000 + "x" + "[/quote]" * 100000)
put("open-marks.txt", '"x\n' * 8000)
put("marks-150.txt", ('"' * 150 + "\n") * 1000)
put("unclosed-quote.bbcode", '[quote="a"]x\n' * 10000)
put("deep.html", "<html><body>" + "<div><span><b>" * 2000 + "x" + "</b></span></div>" * 2000)
put("deep-inline.html", "<html><body>" + "<b>" * 20000 + "x")
put("md-nesting.md", "".join(">" * (i % 200) + " line\n" for i in range(2000)))
put("quote-headers.txt", "".join("QUOTE(a%d @ Jun 16 2007, 02:19 PM)\n" % i for i in range(2000)))
put("long-line.txt", "word " * 400000)
mid = "Anna said \u201cthis is fine\u201d and left.\n".encode() * 2000
put("bad-utf8.txt", mid + b"\xff\xfe\xc3(" + mid)
put("utf16-nobom.txt", ("Anna\n1st May 2005, 10:00\nHe said \"we were there\".\n" * 200).encode("utf-16-le"))
rnd = random.Random(1)
put("binary.txt", bytes(rnd.randrange(256) for _ in range(200000)))
put("bomb.txt.gz", gzip.compress(b"\n" * (100 << 20)))
put("discourse-deep.json", '{"post_stream":{"posts":[' + "[" * 100000 + "]" * 100000 + "]}}")
PY
if [[ "$which" == all ]]; then
  python3 bench/gen-corpus.py "$work/board" 1 100000 2>/dev/null && mv "$work/board/thread-000000.txt" "$work/board-100000-posts.txt"
  # about 50 MB of board text, posts of 4-10 sentences (70 000 posts: under the posts limit)
  SENTENCES=4-10 python3 bench/gen-corpus.py "$work/big" 1 70000 2>/dev/null && mv "$work/big/thread-000000.txt" "$work/realistic-50mb.txt"
fi

printf '%-26s %8s %7s %6s %7s %5s %4s  %-6s %s\n' input size wall_s cpu_s rss_MB exit good bound first-error-line
errors() { grep -v -e '^Command exited' -e '^Command terminated' -e '^wrote ' "$1"; }
run() {  # label limit_s command...
  local label=$1 limit=$2; shift 2
  local out="$work/out-$label"; mkdir -p "$out"
  local t0=$(date +%s.%N)
  timeout 900 /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" --out "$out" "$good" >/dev/null 2>"$work/err"
  local rc=$?
  local wall rss u s; read -r wall rss u s < <(tail -1 "$work/time")
  local lines=$(errors "$work/err" | wc -l)
  local first=$(errors "$work/err" | head -1 | cut -c1-150)
  local okgood=no; [[ -s "$out/good.txt.exhibit.json" ]] && okgood=yes
  local bound=ok
  (( $(echo "$wall > $limit" | bc) )) && bound=SLOW
  (( rss > 1048576 )) && bound="${bound/ok/}BIG"
  (( lines > 1 )) && bound="${bound/ok/}LINES"
  local size=$(du -k "${@: -1}" 2>/dev/null | cut -f1)
  printf '%-26s %7sK %7.1f %6.1f %7d %5d %4s  %-6s %s (%d lines)\n' "$label" "$size" "$wall" "$(echo "$u+$s" | bc)" $((rss / 1024)) "$rc" "$okgood" "$bound" "$first" "$lines"
}
for f in nested-quote.bbcode open-marks.txt marks-150.txt unclosed-quote.bbcode deep.html deep-inline.html md-nesting.md \
         quote-headers.txt long-line.txt bad-utf8.txt utf16-nobom.txt binary.txt bomb.txt.gz discourse-deep.json; do
  run "$f" 10 ./exhibit analyze "$work/$f"
done
if [[ "$which" == all ]]; then
  for f in board-100000-posts.txt realistic-50mb.txt; do
    run "$f" 60 ./exhibit analyze --max-analysis-seconds "${BUDGET:-60}" "$work/$f"
  done
fi

# exhibit search: a query of 5 000 nested parentheses against a small store
./exhibit ingest --db "$work/db" "$good" >/dev/null 2>&1
q=$(python3 -c 'print("(" * 5000 + "x" + ")" * 5000)')
/usr/bin/time -f '%e %M %U %S' -o "$work/time" timeout 60 ./exhibit search --db "$work/db" "$q" >/dev/null 2>"$work/err"; rc=$?
read -r wall rss u s < <(tail -1 "$work/time")
printf '%-26s %8s %7.1f %6.1f %7d %5d %4s  %-6s %s (%d lines)\n' "search 5000 parentheses" - "$wall" "$(echo "$u+$s" | bc)" $((rss / 1024)) "$rc" - \
  "$( (( $(errors "$work/err" | wc -l) <= 1 )) && echo ok || echo LINES)" "$(errors "$work/err" | head -1 | cut -c1-150)" "$(errors "$work/err" | wc -l)"
