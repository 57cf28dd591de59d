#!/usr/bin/env bash
# Real fuzzing sessions with Jazzer: each @FuzzTest target in turn for MINUTES (default 2) with JAZZER_FUZZ=1.
# Usage: bench/fuzz.sh [minutes] [Class#method ...]     e.g. bench/fuzz.sh 10 PipelineFuzzTest#analyse
# KEEP_GOING=N (default 20): go on fuzzing after a finding until N distinct findings.
# MAX_LEN=N (default 4096, libFuzzer's own default for small seeds): the longest input tried; RUNS=N (default: no
# limit): stop a target after N executions, e.g. RUNS=1000000 MAX_LEN=1024 bench/fuzz.sh 90 PipelineFuzzTest#analyse.
# HOOKS=0: no Jazzer hooks in org.exhibit (its String and regex call-site hooks and sanitizers; coverage and
# comparison tracing stay): on the regex-heavy pipeline the hooks are most of an execution's cost.
# Findings are written by Jazzer into the target's seed directory (src/test/resources/.../<Class>Inputs/<method>/
# crash-*), so they run as regression tests under 'mvn test' from then on; the growing corpus is kept in
# .cifuzz-corpus/ (not committed). An input that takes over 20 s is reported as a timeout (a hang). Prints executions, coverage and findings per target.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-2}"; shift || true
seconds=$(printf "%.0f" "$(echo "$minutes*60" | bc -l)")
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(ReadersFuzzTest#read PipelineFuzzTest#analyse QuoteMarksFuzzTest#scanAndPair
                                       TimestampsFuzzTest#parse DecoderFuzzTest#decode)
mvn -q -B -Dstyle.color=never test-compile || exit 1
mkdir -p target/fuzz
printf '%-34s %8s %12s %10s %9s  %s\n' target minutes executions exec/s findings log
for t in "${targets[@]}"; do
  log="target/fuzz/${t//#/-}.log"
  start=$(date +%s)
  JAZZER_FUZZ=1 JAZZER_KEEP_GOING="${KEEP_GOING:-20}" JAZZER_MAX_DURATION="${seconds}s" \
    mvn -B -Dstyle.color=never surefire:test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.internal.arg.0=-timeout=20 -Djazzer.internal.arg.1=-max_len="${MAX_LEN:-4096}" \
    ${RUNS:+-Djazzer.internal.arg.2=-runs=$RUNS} ${HOOKS:+$( [[ $HOOKS == 0 ]] && echo '-Djazzer.custom_hook_excludes=org.exhibit.**')} \
    >"$log" 2>&1
  secs=$(( $(date +%s) - start ))
  # libFuzzer's summary lines: "Done N runs in S second(s)" and "stat::number_of_executed_units: N".
  runs=$(grep -aoE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  [[ -z "$runs" ]] && runs=$(grep -aoE 'Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+')
  [[ -z "$runs" ]] && runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  runs=${runs:-0}
  found=$(grep -acE '== Java Exception|ERROR: libFuzzer: timeout|ERROR: libFuzzer: out-of-memory|FuzzTestFindingException' "$log")
  printf '%-34s %8.1f %12s %10s %9s  %s\n' "$t" "$(echo "$secs/60" | bc -l)" "$runs" "$(( runs / (secs > 0 ? secs : 1) ))" "$found" "$log"
  grep -aE 'Test unit written to|crash-[0-9a-f]{40}|timeout-[0-9a-f]{40}' "$log" | sed 's/^/    /' | sort -u | head -5
done
