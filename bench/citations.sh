#!/usr/bin/env bash
# Times the analysis of a large thread made of N copies of the sample (default 40) and prints citations per second.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-40}
sample=../shared/samples/show-trials-thread.txt   # the development sample; the shipped example where it is absent
[[ -f $sample ]] || sample=examples/kronstadt-thread.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((i = 0; i < n; i++)); do cat "$sample"; echo; done > "$tmp/big.txt"
./exhibit analyze --json "$tmp/big.txt" > /dev/null   # warm-up and build
/usr/bin/time -f "%e %U" -o "$tmp/time" ./exhibit analyze --json "$tmp/big.txt" > "$tmp/out.json"
read -r wall cpu < "$tmp/time"
cites=$(python3 -c "import json,sys; print(len(json.load(open('$tmp/out.json'))['citations']))")
chars=$(wc -c < "$tmp/big.txt")
python3 -c "print(f'citations bench: {$chars} bytes, {$cites} citations, {$wall:.2f} s wall, {$cpu:.2f} s user CPU (JVM start included; wall is unreliable on a loaded machine)')"
