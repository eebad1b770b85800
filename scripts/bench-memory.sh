#!/usr/bin/env bash
# Peak memory (maximum resident set size) of the release binary on the benchmark's inputs.
# Run `cargo bench` first: it writes the actuals files this reads. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
dir="${TMPDIR:-/tmp}/qyx-bench"
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }
printf '%-40s %8s KiB\n' "validate (bundled plans)" "$(peak target/release/qyx --plans plans validate)"
for rows in 500 5000 50000; do
  f="$dir/actuals-$rows.csv"
  [ -f "$f" ] || { echo "missing $f: run cargo bench first" >&2; exit 1; }
  printf '%-40s %8s KiB\n' "check $rows rows" "$(peak target/release/qyx check "$f" --format csv)"
done
