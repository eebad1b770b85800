#!/usr/bin/env python3
"""Does any input make qyx panic or hang? A byte-mutation run over the inputs the tests hold.

Run from the repository root: python3 scripts/mutate-inputs.py QYX [RUNS] [SEED]

Each run takes one input of the repository and damages it a few times at random — a byte
changed, bytes cut or repeated, the file cut short, or a quote, a delimiter, a line end, a NUL,
a byte-order mark, a `≥`, a `万`, forty 9s, a zip's signature put in — then runs the command
that reads such a file:
  half the runs  `qyx check FILE` (every actuals file under tests/: CSV, TSV, .xlsx, XML, HTML,
                 .ods), in a random output format;
  three in ten   `qyx extract FILE` (every corpus document tests/extract-*/*.txt, and the .docx
                 fixtures);
  the rest       `qyx validate DIR` over a copy of plans/ with one plan file damaged.
A run fails when qyx exits with 101 (a panic) or on a signal, prints `panicked`, or takes more
than 60 s. Each failure's input and command are kept under the work directory (QYX_MUTATE_DIR,
default /tmp/qyx-mutate), never in the repository. `src/fuzz.rs` (proptest) drives the parsers
in-process; this drives the binary on whole files, which is how a GB18030 scanner hang on a
43-byte file was found. Not run by `cargo test`.

The same SEED replays the same inputs against another build.
"""
import os
import random
import shutil
import subprocess
import sys

QYX = os.path.abspath(sys.argv[1])
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1
WORK = os.environ.get("QYX_MUTATE_DIR", "/tmp/qyx-mutate")
ROOT = os.getcwd()
READS = (".csv", ".xlsx", ".tsv", ".txt", ".xml", ".ods", ".html")
INSERTS = [b'"', b",", b"\n", b"\r", b"\x00", b"\xef\xbb\xbf", "≥".encode(), "万".encode(),
           b"9" * 40, b"-", b"%", b"|", b"\t", b"<", b">", b"&#x", b"PK\x03\x04"]


def files(top, keep):
    for d, _, names in os.walk(top):
        for n in sorted(names):
            p = os.path.join(d, n)
            if keep(p) and os.path.isfile(p) and os.path.getsize(p) < 200_000:
                yield p


def mutate(rng, b):
    b = bytearray(b)
    for _ in range(rng.randint(1, 8)):
        if not b:
            b = bytearray(b"x")
        op, i = rng.random(), rng.randrange(len(b))
        if op < 0.3:
            b[i] = rng.randrange(256)
        elif op < 0.5:
            del b[i:i + rng.randint(1, 64)]
        elif op < 0.7:
            b[i:i] = rng.choice(INSERTS)
        elif op < 0.85:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randint(1, 200)]
        else:
            b = b[:i]
    return bytes(b)


def main():
    rng = random.Random(SEED)
    tests = os.path.join(ROOT, "tests")
    actuals = sorted(files(tests, lambda p: p.endswith(READS) and "/extract-" not in p))
    documents = sorted(files(tests, lambda p: "/extract-" in p and p.endswith(".txt")))
    documents += sorted(files(tests, lambda p: p.endswith(".docx"))) * 20
    shutil.rmtree(WORK, ignore_errors=True)
    scratch = os.path.join(WORK, "scratch")
    os.makedirs(scratch)
    env = dict(os.environ, QYX_CACHE_DIR=os.path.join(WORK, "cache"))
    failed = 0
    for n in range(RUNS):
        kind = rng.random()
        if kind < 0.5:
            src = rng.choice(actuals)
            dst = os.path.join(scratch, "a" + os.path.splitext(src)[1])
            fmt = rng.choice(["csv", "json", "table", "markdown"])
            cmd = [QYX, "check", dst, "--format", fmt, "--fail-on", "never"]
        elif kind < 0.8:
            src = rng.choice(documents)
            dst = os.path.join(scratch, "d" + os.path.splitext(src)[1])
            cmd = [QYX, "extract", dst]
        else:
            plans = os.path.join(scratch, "plans")
            shutil.rmtree(plans, ignore_errors=True)
            shutil.copytree(os.path.join(ROOT, "plans"), plans)
            src = os.path.join(plans, rng.choice(sorted(os.listdir(plans))))
            dst = src
            cmd = [QYX, "validate", plans]
        with open(src, "rb") as f:
            damaged = mutate(rng, f.read())
        with open(dst, "wb") as f:
            f.write(damaged)
        try:
            r = subprocess.run(cmd, capture_output=True, timeout=60, env=env)
            why = None
            if r.returncode >= 100 or r.returncode < 0 or b"panicked" in r.stderr:
                why = f"exit {r.returncode}"
        except subprocess.TimeoutExpired:
            why, r = "over 60 s", None
        if why:
            failed += 1
            keep = os.path.join(WORK, f"failed-{SEED}-{n}")
            os.makedirs(keep)
            shutil.copy(dst, keep)
            with open(os.path.join(keep, "command"), "w") as f:
                f.write(" ".join(cmd) + f"\n# {why}; from {os.path.relpath(src, ROOT)}\n")
                if r is not None:
                    f.write(r.stderr.decode("utf-8", "replace")[-2000:])
            print(f"{why}: {' '.join(cmd[1:2])} from {os.path.relpath(src, ROOT)} -> {keep}",
                  flush=True)
    print(f"{RUNS} runs (seed {SEED}): {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
