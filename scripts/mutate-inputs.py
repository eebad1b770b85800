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
A run fails when qyx exits with 101 (a panic) or on a signal, prints `panicked`, takes more
than 60 s, or peaks above 1 GiB of memory (where /usr/bin/time is there to say). Each
failure's input and command are kept under the work directory (QYX_MUTATE_DIR,
default /tmp/qyx-mutate), never in the repository. `src/fuzz.rs` (proptest) drives the parsers
in-process; this drives the binary on whole files, which is how a GB18030 scanner hang on a
43-byte file was found. Not run by `cargo test`.

With --parts (python3 scripts/mutate-inputs.py QYX RUNS SEED --parts) each run damages the inside
of a zipped input instead — an .xlsx or .ods for `qyx check`, a .docx for `qyx extract` — one or
two of its XML parts changed as XML (a number or a cell reference made huge, negative or empty, an
element dropped or repeated, an attribute's value changed, a span cut) and the zip written again,
so that the damage reaches the readers behind the zip: how calamine's reference arithmetic was
found to overflow on `A4294967296`.

The same SEED replays the same inputs against another build.
"""
import io
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile

PARTS = "--parts" in sys.argv
ARGS = [a for a in sys.argv if a != "--parts"]
QYX = os.path.abspath(ARGS[1])
RUNS = int(ARGS[2]) if len(ARGS) > 2 else 1000
SEED = int(ARGS[3]) if len(ARGS) > 3 else 1
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


NUMBERS = ["0", "-1", "99999999999", "1048577", "16385", "4294967296", "18446744073709551616",
           "1e308", "NaN", "", "abc", "-0", "2147483648"]
REFS = ["XFD1048576", "A0", "AAAAAA1", "A99999999999", "", "1A", "A1048577", "ZZZZ5",
        "A4294967296", "AAAAAAAAAAA1"]
VALUES = ["1", "0", "true", "x" * 100, "-5", "&amp;", "s", "str", "inlineStr", "b", "e", "n", "d"]


def mutate_xml(rng, s):
    """Damages an XML part as XML, so that the zip and the XML parser let it through."""
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        if op < 0.3:
            found = list(re.finditer(r'(?<=")\d+(?:\.\d+)?(?=")|(?<=>)\d+(?:\.\d+)?(?=<)', s))
            new = lambda m: rng.choice(NUMBERS)
        elif op < 0.5:
            found = list(re.finditer(r'\b(r|ref|sqref)="[^"]*"', s))
            new = lambda m: f'{m.group(1)}="{rng.choice(REFS)}"'
        elif op < 0.65:
            found = list(re.finditer(r"<([\w:]+)[^>]*>[^<]*</\1>|<[^>]+/>", s))
            new = lambda m: ""
        elif op < 0.75:
            found = list(re.finditer(r"<(c|row|w:p|w:tc|table:table-row) [^>]*>.*?</\1>", s))
            new = lambda m: m.group(0) * rng.randint(2, 50)
        elif op < 0.85:
            found = list(re.finditer(r'([\w:]+)="[^"]*"', s))
            new = lambda m: f'{m.group(1)}="{rng.choice(VALUES)}"'
        else:
            i = rng.randrange(max(1, len(s)))
            s = s[:i] + s[i + rng.randint(1, 40):]
            continue
        if found:
            m = rng.choice(found)
            s = s[:m.start()] + new(m) + s[m.end():]
    return s


def mutate_parts(rng, b):
    """An .xlsx, .ods or .docx with one or two of its XML parts damaged, zipped again."""
    try:
        z = zipfile.ZipFile(io.BytesIO(b))
        names = z.namelist()
    except (zipfile.BadZipFile, OSError):
        return mutate(rng, b)
    xml = [n for n in names if n.endswith((".xml", ".rels"))]
    chosen = set(rng.sample(xml, min(len(xml), rng.randint(1, 2))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for n in names:
            part = z.read(n)
            if n in chosen:
                part = mutate_xml(rng, part.decode("utf-8", "replace")).encode()
            w.writestr(n, part)
    return out.getvalue()


def main():
    tests = os.path.join(ROOT, "tests")
    if PARTS:
        books = sorted(files(tests, lambda p: p.endswith((".xlsx", ".ods"))))
        docx = sorted(files(tests, lambda p: p.endswith(".docx")))

        def pick(rng, scratch):
            if rng.random() < 0.75 or not docx:
                return check(rng, scratch, books)
            src = rng.choice(docx)
            dst = os.path.join(scratch, "d.docx")
            return src, dst, ["extract", dst]

        return drive(pick, mutate_parts, "--parts")
    actuals = sorted(files(tests, lambda p: p.endswith(READS) and "/extract-" not in p))
    documents = sorted(files(tests, lambda p: "/extract-" in p and p.endswith(".txt")))
    documents += sorted(files(tests, lambda p: p.endswith(".docx"))) * 20

    def pick(rng, scratch):
        kind = rng.random()
        if kind < 0.5:
            return check(rng, scratch, actuals)
        if kind < 0.8:
            src = rng.choice(documents)
            dst = os.path.join(scratch, "d" + os.path.splitext(src)[1])
            return src, dst, ["extract", dst]
        plans = os.path.join(scratch, "plans")
        shutil.rmtree(plans, ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, "plans"), plans)
        src = os.path.join(plans, rng.choice(sorted(os.listdir(plans))))
        return src, src, ["validate", plans]

    return drive(pick, mutate, "")


def check(rng, scratch, inputs):
    """A `qyx check` run on one of `inputs`, in a random output format: (source, copy, command)."""
    src = rng.choice(inputs)
    dst = os.path.join(scratch, "a" + os.path.splitext(src)[1])
    fmt = rng.choice(["csv", "json", "table", "markdown"])
    return src, dst, ["check", dst, "--format", fmt, "--fail-on", "never"]


def drive(pick, damage, label):
    """RUNS runs: each picks an input, the copy to damage and qyx's arguments (`pick`), damages
    the copy (`damage`) and runs qyx; the failures are kept and counted."""
    rng = random.Random(SEED)
    shutil.rmtree(WORK, ignore_errors=True)
    scratch = os.path.join(WORK, "scratch")
    os.makedirs(scratch)
    env = dict(os.environ, QYX_CACHE_DIR=os.path.join(WORK, "cache"))
    failed = 0
    for n in range(RUNS):
        src, dst, args = pick(rng, scratch)
        cmd = [QYX] + args
        with open(src, "rb") as f:
            damaged = damage(rng, f.read())
        with open(dst, "wb") as f:
            f.write(damaged)
        why, r = run(cmd, env)
        if why:
            failed += 1
            keep(n, dst, src, cmd, why, r)
    print(f"{RUNS} runs (seed {SEED}{', ' + label if label else ''}): {failed} failed")
    return 1 if failed else 0


def run(cmd, env):
    """Runs one command: why it failed (a panic, a signal, over 60 s, over 1 GiB), or None."""
    timed = ["/usr/bin/time", "-f", "%M"] if os.path.exists("/usr/bin/time") else []
    try:
        r = subprocess.run(timed + cmd, capture_output=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return "over 60 s", None
    code = r.returncode
    if timed:
        lines = r.stderr.decode("utf-8", "replace").rstrip().splitlines()
        if lines and lines[-1].isdigit():
            kib = int(lines[-1])
            if kib > 1 << 20:
                return f"peak memory {kib >> 10} MiB", r
        # time(1) reports a signal as an exit status line of its own.
        if b"Command terminated by signal" in r.stderr:
            code = -1
    if code >= 100 or code < 0 or b"panicked" in r.stderr:
        return f"exit {code}", r
    return None, r


def keep(n, dst, src, cmd, why, r):
    kept = os.path.join(WORK, f"failed-{SEED}-{n}")
    os.makedirs(kept)
    shutil.copy(dst, kept)
    with open(os.path.join(kept, "command"), "w") as f:
        f.write(" ".join(cmd) + f"\n# {why}; from {os.path.relpath(src, ROOT)}\n")
        if r is not None:
            f.write(r.stderr.decode("utf-8", "replace")[-2000:])
    print(f"{why}: {' '.join(cmd[1:2])} from {os.path.relpath(src, ROOT)} -> {kept}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
