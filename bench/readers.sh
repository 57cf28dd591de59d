#!/usr/bin/env bash
# Reading speed per input format: repeats each example thread until it is a few MB and times 'exhibit analyze --json'.
# Prints one line per format: size, posts, quotes, wall seconds. Usage: bench/readers.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1500}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
res=src/test/resources/threads
for f in bbcode-thread.txt markdown-thread.md reddit-comments.ndjson; do
  for ((i = 0; i < n; i++)); do cat "$res/$f"; echo; echo; done > "$tmp/$f"
done
# HTML: repeat the posts of the phpBB page inside one page
{ sed -n '1,/<div id="wrap"/p' "$res/phpbb-thread.html"
  post=$(sed -n '/<div id="p3101"/,/^<\/div>$/p;/<hr class="divider"/,/^<\/div>$/p' "$res/phpbb-thread.html")
  for ((i = 0; i < n; i++)); do echo "$post"; done
  echo '</div></body></html>'; } > "$tmp/phpbb-thread.html"
./exhibit analyze --json "$res/bbcode-thread.txt" > /dev/null # build first
for f in "$tmp"/*; do
  start=$(date +%s.%N)
  counts=$(./exhibit analyze --json "$f" | grep -c '"published"' || true)
  end=$(date +%s.%N)
  printf '%-24s %6d KB  %6s posts  %6.2f s\n' "$(basename "$f")" $(( $(stat -c %s "$f") / 1024 )) "$counts" "$(echo "$end - $start" | bc)"
done
