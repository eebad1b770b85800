#!/usr/bin/env python3
"""Side-by-side timing of `qyx check` against the CSV-parsing floor and a pandas peer, and of the
other qyx commands against `qyx --help`. Whole processes, timed from outside.

usage:
  run_bench.py check --qyx QYX --rawcsv RAWCSV [--runs 5] [--warmup 1] CASE [CASE ...]
      CASE = LABEL:PLANS_DIR:TARGETS_CSV:ACTUALS_CSV   (targets.csv from export_targets.py)
  run_bench.py cmds --qyx QYX [--runs 5] [--warmup 1] PLANS_DIR

Each round runs every command once (the order rotates from round to round), each under
`/usr/bin/time -f '%e %M'` for its peak resident memory, with the wall time read by Python's
perf_counter. Ratios are taken round by round (both commands ran within seconds of each other,
so a machine that slows down slows both) and their median is printed with min-max, by wall time
and by CPU time (user + system, which a busy machine disturbs far less): quote medians and
ratios on a shared machine, never one absolute time.

check: qyx = `qyx --plans DIR check FILE --format csv > /dev/null` (or --format jsonl); qyx0 = the same with a
header-only copy of FILE (the cost of loading the plans; per row = (qyx - qyx0) / rows);
rawcsv = the csv-crate reader
(the floor for parsing the file); pandas = peer_pandas.py beside this script, writing to /dev/null,
run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment; wc = `wc -l FILE`; baseline (--baseline QYX) = qyx as another build, for a before/after ratio.
cmds: --help, validate, show, compare of 3 and of 20 plans, rank (no indicator), in ratio to --help.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_once(cmd, env=None):
    """(wall seconds, peak RSS KiB, exit code, CPU seconds) of one run of cmd, output thrown
    away. CPU = user + system time of the process and its children: on a shared machine it
    varies far less than the wall time, so ratios are also given by CPU."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S", "-o", tf.name, *cmd],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - t0
        # The last line: a non-zero exit puts "Command exited with …" before it.
        fields = (tf.read().strip().splitlines() or [""])[-1].split()
        rss = int(fields[1]) if len(fields) == 4 else 0
        cpu = float(fields[2]) + float(fields[3]) if len(fields) == 4 else wall
    return wall, rss, p.returncode, cpu


def measure(commands, runs, warmup):
    """commands: {name: (argv, env)} -> {name: [(wall, rss, rc), ...]} in interleaved rounds."""
    names = list(commands)
    for _ in range(warmup):
        for n in names:
            run_once(*commands[n])
    res = {n: [] for n in names}
    for r in range(runs):
        order = names[r % len(names):] + names[: r % len(names)]
        for n in order:
            res[n].append(run_once(*commands[n]))
    return res


def med(xs):
    return statistics.median(xs)


def ratio(res, a, b, i=0):
    """Median (min-max) of a/b round by round: by wall time (i=0) or CPU time (i=3)."""
    rs = [x[i] / y[i] for x, y in zip(res[a], res[b]) if y[i] > 0]
    if not rs:
        return "-"
    return f"{med(rs):.3g} ({min(rs):.3g}-{max(rs):.3g})"


def secs(res, n):
    ws = [r[0] for r in res[n]]
    return f"{med(ws):.3f} s"


def mib(res, n):
    return f"{med([r[1] for r in res[n]]) / 1024:.0f} MiB"


def rows_of(path):
    with open(path, "rb") as fh:
        return sum(1 for _ in fh) - 1


def check(a):
    pandas_env = {k: v for k, v in os.environ.items()
                  if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    base = " | qyx/baseline | qyx/baseline (CPU)" if a.baseline else ""
    print("| case | rows | qyx | rawcsv | pandas | wc -l | qyx/rawcsv | pandas/qyx "
          "| qyx/rawcsv (CPU) | pandas/qyx (CPU) | qyx per row (CPU) "
          f"| RSS qyx | RSS qyx (no rows) | RSS rawcsv | RSS pandas | qyx exit{base} |")
    print("|---" * (16 + 2 * bool(a.baseline)) + "|")
    for case in a.cases:
        label, plans, targets, actuals = case.split(":")
        # The same plans with a header-only sheet: what loading costs, so that the per-row
        # cost is (qyx - qyx0) / rows, comparable between plan sets of any size.
        empty = Path(tempfile.gettempdir()) / f"qyx-bench-header-{os.getpid()}.csv"
        with open(actuals, encoding="utf-8") as fh:
            empty.write_text(fh.readline(), encoding="utf-8")
        cmds = {
            "qyx": ([a.qyx, "--plans", plans, "check", actuals, "--format", a.format], None),
            "qyx0": ([a.qyx, "--plans", plans, "check", str(empty), "--format", a.format], None),
            "rawcsv": ([a.rawcsv, actuals], None),
            "pandas": ([a.python, str(HERE / "peer_pandas.py"), targets, actuals, "/dev/null"],
                       pandas_env),
            "wc": (["wc", "-l", actuals], None),
        }
        if a.baseline:
            # Another build (the one before a change), with a cache of its own: a cache is
            # keyed by the build, so two builds sharing one would rewrite it turn by turn.
            env = dict(os.environ, QYX_CACHE_DIR=os.environ.get("QYX_CACHE_DIR", "") + "-baseline")
            cmds["baseline"] = ([a.baseline, "--plans", plans, "check", actuals,
                                 "--format", a.format], env)
        res = measure(cmds, a.runs, a.warmup)
        empty.unlink()
        n = rows_of(actuals)
        per_row = [(x[3] - y[3]) / n * 1e6 for x, y in zip(res["qyx"], res["qyx0"])]
        print(f"| {label} | {n} | {secs(res, 'qyx')} | {secs(res, 'rawcsv')} "
              f"| {secs(res, 'pandas')} | {secs(res, 'wc')} | {ratio(res, 'qyx', 'rawcsv')} "
              f"| {ratio(res, 'pandas', 'qyx')} | {ratio(res, 'qyx', 'rawcsv', 3)} "
              f"| {ratio(res, 'pandas', 'qyx', 3)} | {med(per_row):.2f} µs "
              f"| {mib(res, 'qyx')} | {mib(res, 'qyx0')} | {mib(res, 'rawcsv')} "
              f"| {mib(res, 'pandas')} | {sorted({r[2] for r in res['qyx']})} "
              + (f"| {ratio(res, 'qyx', 'baseline')} | {ratio(res, 'qyx', 'baseline', 3)} "
                 if a.baseline else "")
              + "|", flush=True)


def plan_ids(plans):
    """Plan ids in clone order (every template's first clone, then the second ...)."""
    stems = [p.stem for p in Path(plans).glob("*.yaml") if p.name != "catalog.yaml"]

    def key(s):
        base, _, num = s.rpartition("_")
        return (int(num), base) if num.isdigit() else (0, s)

    return sorted(stems, key=key)


def cmds(a):
    ids = plan_ids(a.plans)
    q = [a.qyx, "--plans", a.plans]
    commands = {
        "--help": ([a.qyx, "--help"], None),
        "validate": (q + ["validate"], None),
        f"show {ids[0]}": (q + ["show", ids[0]], None),
        "compare 3": (q + ["compare", *ids[:3]], None),
        "compare 20": (q + ["compare", *ids[:20]], None),
        "rank": (q + ["rank"], None),
    }
    res = measure(commands, a.runs, a.warmup)
    print(f"plans: {a.plans} ({len(ids)} plans)")
    print("| command | median | / --help | / --help (CPU) | peak RSS | exit |")
    print("|---|---|---|---|---|---|")
    for n in commands:
        print(f"| {n} | {secs(res, n)} | {ratio(res, n, '--help')} "
              f"| {ratio(res, n, '--help', 3)} | {mib(res, n)} "
              f"| {sorted({r[2] for r in res[n]})} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    c = sub.add_parser("check")
    c.add_argument("cases", nargs="+")
    c.add_argument("--rawcsv", required=True)
    c.add_argument("--python", default=sys.executable)
    c.add_argument("--format", default="csv", choices=["csv", "jsonl"])
    c.add_argument("--baseline", help="another qyx build, timed beside it (before/after)")
    m = sub.add_parser("cmds")
    m.add_argument("plans")
    for p in (c, m):
        p.add_argument("--qyx", required=True)
        p.add_argument("--runs", type=int, default=5)
        p.add_argument("--warmup", type=int, default=1)
    a = ap.parse_args()
    check(a) if a.mode == "check" else cmds(a)


if __name__ == "__main__":
    main()
