#!/usr/bin/env bash
# Times the TEI, annotation, CSL and JSON writers on a large synthetic thread. Usage: bench/outputs.sh [POSTS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package test-compile >&2
java -cp "target/classes:target/test-classes:target/lib/*" org.exhibit.output.OutputsBench "${1:-2000}"
