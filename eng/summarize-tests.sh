#!/usr/bin/env bash
# Adds up the TRX files of one `dotnet test` run into one closing line: "Tests: N passed, N failed".
# Exits non-zero when any test failed or when no test ran at all.
set -euo pipefail
dir=$1
passed=0 failed=0 total=0
for trx in "$dir"/*/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
done
echo "Tests: ${passed} passed, ${failed} failed"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
