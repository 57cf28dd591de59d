#!/usr/bin/env bash
# Times the analysis of a large thread made of N copies of the sample (default 40) and prints citations per second.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-40}
sample=../shared/samples/show-trials-thread.txt
[[ -f $sample ]] || { echo "bench: $sample not present"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((i = 0; i < n; i++)); do cat "$sample"; echo; done > "$tmp/big.txt"
./exhibit analyze --json "$tmp/big.txt" > /dev/null   # warm-up and build
start=$(date +%s.%N)
./exhibit analyze --json "$tmp/big.txt" > "$tmp/out.json"
end=$(date +%s.%N)
cites=$(python3 -c "import json,sys; print(len(json.load(open('$tmp/out.json'))['citations']))")
chars=$(wc -c < "$tmp/big.txt")
python3 -c "t=$end-$start; print(f'citations bench: {$chars} bytes, {$cites} citations, {t:.2f} s wall (JVM start included), {$chars/t/1e6:.2f} MB/s')"
