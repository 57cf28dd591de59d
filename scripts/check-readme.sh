#!/usr/bin/env bash
# Runs every shell command of README.md that names examples/ in a fresh clone of this repository with nothing
# beside it (no ../shared), as a newcomer would, and prints one line per command: ok, or FAIL with its output.
# usage: scripts/check-readme.sh [--with-tests]   (--with-tests also runs ./run-tests in the clone: minutes)
# Exit code: 0 when every command succeeded, 1 otherwise. Not run by ./run-tests (it clones and builds afresh).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
with_tests=0; [[ "${1:-}" == --with-tests ]] && with_tests=1
work="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
git clone -q "$root" "$work/exhibit" || { echo "check-readme: cannot clone $root"; exit 1; }
# Uncommitted README or examples would not be in the clone: check what is committed, and say so.
[[ -z "$(git -C "$root" status --porcelain README.md examples)" ]] || echo "check-readme: note: README.md or examples/ has uncommitted changes; the clone has the committed ones"
cd "$work/exhibit"
[[ ! -e ../shared ]] || { echo "check-readme: $work/shared exists; the clone must stand alone"; exit 1; }

# The shell lines of the README's ```sh blocks that name examples/, trailing comments cut.
mapfile -t lines < <(awk '/^```sh/{f=1;next} /^```/{f=0} f' README.md | grep 'examples/' | sed -E 's/[[:space:]]+#.*$//')
(( ${#lines[@]} > 0 )) || { echo "check-readme: no README command names examples/"; exit 1; }
fail=0
for cmd in "${lines[@]}"; do
  if [[ "$cmd" == *" serve "* ]]; then
    # A server: start it on a free port, fetch its first page, stop it.
    bash -c "${cmd/ serve / serve --port 0 }" > "$work/serve.log" 2>&1 &
    pid=$!; url=""
    for _ in $(seq 1 120); do url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -1); [[ -n "$url" ]] && break; sleep 0.5; done
    if [[ -n "$url" ]] && curl -sf "$url" > "$work/page.html" && grep -q 'Baltic_Fleet\|kronstadt' "$work/page.html"; then echo "ok    $cmd"
    else echo "FAIL  $cmd"; sed 's/^/      /' "$work/serve.log" | tail -5; fail=1; fi
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    continue
  fi
  if out=$(bash -c "$cmd" 2>&1); then echo "ok    $cmd"
  else echo "FAIL  $cmd"; printf '%s\n' "$out" | tail -5 | sed 's/^/      /'; fail=1; fi
done
if (( with_tests )); then
  if ./run-tests -q > "$work/tests.log" 2>&1; then echo "ok    ./run-tests"; else echo "FAIL  ./run-tests"; tail -30 "$work/tests.log"; fail=1; fi
fi
exit $fail
