#!/usr/bin/env bash
# Prints how long the web view takes to render a generated thread: bench/web-render.sh [POSTS...] (default 200 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f target/exhibit.jar ]] || mvn -q -B -DskipTests package
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -cp "target/classes:target/lib/*" -d "$out" bench/web/WebRenderBench.java
for n in "${@:-200 2000}"; do
  for k in $n; do java -cp "$out:target/classes:target/lib/*" org.exhibit.web.WebRenderBench "$k"; done
done
