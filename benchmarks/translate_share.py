"""The share of real keras3 R scripts that `python -m pykeras3 translate`
turns into Python with no TODO, and the share of those that run.

    python benchmarks/translate_share.py DIR [--no-run] [--timeout 600]
    python benchmarks/translate_share.py DIR --json results.json

DIR holds R scripts (`.R`) and R Markdown / Quarto documents (`.Rmd`,
`.qmd`) written elsewhere, such as the examples and guides of the keras3
R package; they are not part of this repository (their text is not
ours).  For each file the script:

1. translates it and counts statements translated and TODOs left (a file
   R cannot parse counts as a located syntax error);
2. when no TODO is left, runs the translation in a fresh temporary
   folder with `tests/translate/offline.py`, which replaces keras3's
   dataset downloads with small random arrays (other downloads, such as
   `get_file()`, still need the network and fail without it).

It prints a line a file and the totals: files with no TODO, files that
also ran, and the share of statements translated.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OFFLINE = os.path.join(ROOT, "tests", "translate", "offline.py")
sys.path.insert(0, HERE)

from _common import machine_lines  # noqa: E402


def measure(path, run, timeout):
    from pykeras3.translate import RSyntaxError, translate_file

    row = {"file": os.path.basename(path)}
    try:
        result = translate_file(path)
    except RSyntaxError as err:
        row.update(statements=0, todos=None, ran=None,
                   note=f"R syntax error at {err.line}:{err.column}")
        return row
    row.update(statements=result.statements, todos=result.todos, ran=None,
               note="")
    if result.todos or not run:
        return row
    with tempfile.TemporaryDirectory() as folder:
        script = os.path.join(folder, "script.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(result.python)
        started = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, OFFLINE, script],
                                  cwd=folder, capture_output=True,
                                  text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            row.update(ran=False, note=f"no end within {timeout} s")
            return row
        row["seconds"] = round(time.perf_counter() - started, 1)
        row["ran"] = done.returncode == 0
        if not row["ran"]:
            lines = [line for line in done.stderr.splitlines()
                     if line.strip()]
            row["note"] = lines[-1][:120] if lines else \
                f"exit {done.returncode}"
    return row


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--no-run", action="store_true",
                        help="translate only; do not run the results")
    parser.add_argument("--timeout", type=int, default=600,
                        help="seconds a translated script may run")
    parser.add_argument("--json", help="also write the rows here")
    args = parser.parse_args(argv)
    paths = sorted(p for p in glob.glob(os.path.join(args.folder, "*"))
                   if p.lower().endswith((".r", ".rmd", ".qmd")))
    if not paths:
        parser.error(f"no .R, .Rmd or .qmd file in {args.folder!r}")
    print("\n".join(machine_lines()))
    rows = []
    for path in paths:
        row = measure(path, not args.no_run, args.timeout)
        rows.append(row)
        ran = {None: "-", True: "ran", False: "failed"}[row["ran"]]
        todos = "error" if row["todos"] is None else row["todos"]
        print(f"{row['file']:<60} {row['statements']:>5} {todos:>6} "
              f"{ran:>7}  {row['note']}", flush=True)
    clean = [r for r in rows if r["todos"] == 0]
    ran = [r for r in clean if r["ran"]]
    translated = sum(r["statements"] for r in rows)
    todos = sum(r["todos"] or 0 for r in rows)
    print(f"\n{len(rows)} files: {len(clean)} with no TODO "
          f"({100 * len(clean) / len(rows):.0f}%)"
          + ("" if args.no_run else
             f", {len(ran)} of them ran ({100 * len(ran) / len(rows):.0f}%"
             " of all files)"))
    if translated + todos:
        print(f"statements: {translated} translated, {todos} TODO "
              f"({100 * translated / (translated + todos):.0f}% "
              "translated)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
