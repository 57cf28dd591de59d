#!/usr/bin/env bash
# Text reuse benchmark: generates a synthetic forum corpus with planted reuse, runs 'exhibit reuse' over it and
# prints throughput (MB/s), peak memory (max resident set, from /usr/bin/time -v) and recall of planted pairs.
#
#   bench/reuse-bench.sh [SIZE_MB] [WORKDIR]        default 50 MB in /tmp/exhibit-reuse-bench
#   bench/reuse-bench.sh 1024                        the 1 GB run (1 GB of disk; the anchor table bound,
#                                                    'exhibit reuse --max-anchors', splits it into passes)
# EXHIBIT_JAVA_OPTS sets the heap (default -Xmx3g); peak memory is the max resident set of the whole JVM.
# The corpus is reused when WORKDIR already holds one of the same size.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
size="${1:-50}"
work="${2:-/tmp/exhibit-reuse-bench}/$size"
if [[ ! -f "$work/planted.tsv" ]]; then
  echo "generating $size MB corpus in $work ..." >&2
  rm -rf "$work"; mkdir -p "$work"
  python3 "$here/gen_reuse_corpus.py" "$size" "$work"
fi
(cd "$here/.." && mvn -q -B -DskipTests package >&2)
# run a private copy of the build, so rebuilding the checkout meanwhile cannot disturb the run
rm -rf "$work/app"; mkdir -p "$work/app"; cp -r "$here/../target/exhibit.jar" "$here/../target/lib" "$work/app/"
bytes=$(du -sb "$work/threads" | cut -f1)
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" java ${EXHIBIT_JAVA_OPTS:--Xmx3g} -cp "$work/app/exhibit.jar:$work/app/lib/*" org.exhibit.cli.Exhibit \
  reuse --json "$work/threads" > "$work/reuse.json" 2> "$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
end=$(date +%s.%N)
grep '^reuse: [0-9]* files' "$work/stderr.txt" >&2 || true
python3 - "$work" "$bytes" "$start" "$end" <<'PY'
import collections, itertools, json, sys
work, size, t0, t1 = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
copies = collections.defaultdict(set)
for line in open(work + "/planted.tsv"):
    pid, path, alt = line.rstrip("\n").split("\t")
    copies[pid].add(path)
planted = set()
for files in copies.values():
    for a, b in itertools.combinations(sorted(files), 2):
        planted.add((a, b))
found = set()
for r in json.load(open(work + "/reuse.json"))["pairs"]:
    a, b = sorted(p["document"] for p in r["parts"])
    found.add((a, b))
hit = len(planted & found)
rss = cpu = 0
for line in open(work + "/time.txt"):
    if "Maximum resident set size" in line:
        rss = int(line.split(":")[1]) / 1024
    if "User time" in line or "System time" in line:
        cpu += float(line.split(":")[1])
secs = t1 - t0
print("corpus            %.1f MB in %d planted file pairs" % (size / 1048576, len(planted)))
print("wall time         %.1f s (JVM start included)" % secs)
print("throughput        %.1f MB/s wall clock, %.1f MB per CPU second (%.0f s CPU)" % (size / 1048576 / secs, size / 1048576 / max(cpu, 1e-3), cpu))
print("peak memory       %.0f MB (max resident set)" % rss)
print("recall            %.4f (%d / %d planted file pairs)" % (hit / max(1, len(planted)), hit, len(planted)))
print("unplanted pairs   %d reported file pairs share no planted passage" % len(found - planted))
PY
