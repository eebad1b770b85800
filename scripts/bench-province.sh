#!/usr/bin/env bash
# Province-scale benchmark of `qyx check` (issue #11's table): 100, 915 and 5 000 plans cloned
# from the bundled ones; 10 k, 100 k and 1 M rows of actuals; each case timed against the
# floor for reading the same file (a raw csv-crate parse) and a pandas peer, interleaved round
# by round so that a busy machine slows all of them alike. Prints ratios, per-row cost and peak
# RSS: quote the ratios, not absolute times.
#
# usage: scripts/bench-province.sh [--quick] [--runs N] [--format csv|jsonl] [WORKDIR]
#   WORKDIR  where generated data goes (default /tmp/qyx-province); never the repository.
#   --quick  the 100- and 915-plan cases only (minutes instead of the better part of an hour);
#            without it, 5 000 plans with 10 k, 100 k and 1 M rows too.
#   --format what `qyx check` writes (default csv, as issue #11 measured; jsonl streams too).
#   --baseline QYX  another qyx binary (say, main before a change) timed in the same rounds:
#            a column gives qyx's CPU time as a ratio of the baseline's.
# Needs: cargo, python3 with pandas (`python3 -m venv v && v/bin/pip install pandas`, then
# PYTHON=v/bin/python3), GNU time at /usr/bin/time. Not run by `cargo test`.
#
# The scripts beside this one (scripts/bench-province/) are the generators: make_plans.py
# clones the plans (only the jurisdiction's id and names change), export_targets.py lists the
# numeric targets once through `qyx show --format json`, gen_actuals.py draws distinct rows
# near their targets (3 % in years without a target; 50 % for 1 M rows, which 5 000 plans
# only reach with both kinds), peer_pandas.py is the analyst's pandas script, rawcsv/ the floor,
# run_bench.py the interleaved timer.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
bench=$repo/scripts/bench-province
quick=0 runs=5 work=/tmp/qyx-province format=csv baseline=
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --format) format=$2; shift ;;
    --baseline) baseline=$2; shift ;;
    *) work=$1 ;;
  esac
  shift
done
py=${PYTHON:-python3}
"$py" -c 'import pandas' 2>/dev/null || { echo "$py has no pandas (set PYTHON)" >&2; exit 2; }
mkdir -p "$work"
# The run's own plan cache: every timed run after the first reads it, as a user's runs would.
export QYX_CACHE_DIR=$work/cache

cargo build --release --locked -q
qyx=$repo/target/release/qyx
cargo build --release -q --manifest-path "$bench/rawcsv/Cargo.toml" --target-dir "$work/rawcsv-target"
rawcsv=$work/rawcsv-target/release/rawcsv

# plans N, then actuals ROWS [GAP_SHARE] for it
prepare() {
  local n=$1 rows=$2 share=${3:-0.03} d=$work/p$1
  if [ ! -f "$d/plans/catalog.yaml" ] || [ "$(ls "$d/plans" | wc -l)" -ne $((n + 1)) ]; then
    "$py" "$bench/make_plans.py" "$repo/plans" "$d/plans" "$n" >/dev/null
    rm -rf "$d/export"
  fi
  [ -f "$d/export/targets.csv" ] || "$py" "$bench/export_targets.py" "$qyx" "$d/plans" "$d/export" >/dev/null
  [ -f "$d/a$rows.csv" ] || "$py" "$bench/gen_actuals.py" "$d/export" "$d/a$rows.csv" "$rows" --gap-share "$share" >/dev/null
  echo "$rows rows, $n plans:$d/plans:$d/export/targets.csv:$d/a$rows.csv"
}

cases=("$(prepare 100 10000)" "$(prepare 915 10000)" "$(prepare 915 100000)")
[ $quick = 1 ] || cases+=("$(prepare 5000 10000)" "$(prepare 5000 100000)" "$(prepare 5000 1000000 0.5)")

echo "qyx $(git -C "$repo" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "case = rows and plans; per row = (qyx - qyx with a header-only sheet) / rows"
nice -n 5 "$py" "$bench/run_bench.py" check --qyx "$qyx" --rawcsv "$rawcsv" --python "$py" \
  --format "$format" ${baseline:+--baseline "$baseline"} --runs "$runs" "${cases[@]}"
for n in 100 915 $([ $quick = 1 ] || echo 5000); do
  nice -n 5 "$py" "$bench/run_bench.py" cmds --qyx "$qyx" --runs "$runs" "$work/p$n/plans"
done
