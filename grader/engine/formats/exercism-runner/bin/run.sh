#!/usr/bin/env bash
# Exercism's test-runner entry point (https://exercism.org/docs/building/tooling/test-runners/interface):
#   bin/run.sh SLUG INPUT_DIR OUTPUT_DIR
# Grades the solution in INPUT_DIR and writes OUTPUT_DIR/results.json. Exit 0 whenever
# results.json was written, whatever the grade; non-zero only when it could not be.
set -uo pipefail
if [ $# -ne 3 ]; then
  echo "usage: bin/run.sh SLUG INPUT_DIR OUTPUT_DIR" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$3"
node "$here/../run.mjs" "$1" "$2" "$3"
[ -f "$3/results.json" ]
