"""How long does a checkpoint hold up training, and what does it add to the
whole `fit`?  pykeras3 (synchronous and background) against Keras's own
callbacks, next to what the disk itself needs to store the same bytes.

    python benchmarks/checkpoint_stall.py --quick     # smoke run, ~1 minute
    python benchmarks/checkpoint_stall.py             # everything (see below)
    python benchmarks/checkpoint_stall.py --sizes 1M,25M --rounds 5 \\
        --formats keras --freq epoch

The model is a Dense MLP (256 inputs, two hidden layers of equal width,
10 outputs, Adam) whose width is chosen to reach each requested parameter
count (1M, 25M and 100M by default; the exact count and the checkpoint's
size on disk are printed).  One model is built per size and warmed up by a
fit without callbacks, then every run reuses it, so no contender pays for
tracing or for building the optimizer.  For each checkpoint format
(`.keras`, `.weights.h5`) and saving frequency (every epoch; every N
batches), the contenders are:

* `none`: no checkpoint callback (the fit time every other run adds to);
* `keras`: `keras.callbacks.ModelCheckpoint`;
* `pykeras3 sync`: `callback_model_checkpoint(..., save_on_background=False)`;
* `pykeras3 background`: the same with `save_on_background=True`;
* `orbax`: `keras.callbacks.OrbaxCheckpoint` (its default, saving in the
  background) when the orbax-checkpoint package is installed.  It writes
  its own directory format, not `.keras`/`.weights.h5`: it appears in the
  `.keras` rows with the whole state and model config, and in the
  `.weights.h5` rows with `save_weights_only=True`.

Columns that cannot run here (no `save_on_background` parameter in this
pykeras3 yet, no orbax) are reported as "not available" with the reason.
All contenders monitor `"loss"` (which only pykeras3 uses when
`save_best_only=False`: it records the best value in its state file).

What is measured, in each run:

* stall per save: the wall time the training thread spends inside the
  callback's hooks at a save point.  The benchmark wraps the callback
  instance's own hooks (only those the callback overrides, so Keras's
  asynchronous batch dispatch is unchanged) with a timer.  A background
  save that first waits for the previous write to finish counts that wait.
* fit: the wall time of the whole `model.fit`, including `on_train_end`,
  where background writers are waited for ("end wait").
* cost per save: (fit - median fit of `none` in the same round) / saves.

The rounds are interleaved: in each round every contender runs once, in an
order rotated from round to round, each run starting after `os.sync()` in
an empty folder, so no contender pays for another's write-back.  Ratios to
Keras are computed within each round and summarised as min / median / max
over the rounds; times are min / median / max over all saves (stall) or all
rounds (fit).  The physical limit is measured in the same rounds: writing
the same number of bytes as the Keras checkpoint file (its real size) to a
new file, `fsync`, rename and `fsync` of the folder ("write + fsync +
rename"), and the write alone into the page cache.

Memory: one model at a time (100M parameters with Adam hold about 1.2 GB of
variables; a checkpoint is as large), `keras.backend.clear_session()` and
`gc.collect()` between sizes.  The checkpoints go to a new folder under
the default temporary directory (`--dir` to choose), removed at the end.

How long: `--quick` takes about a minute.  The default run (5 rounds at
1M and 25M, 2 at 100M: `--rounds-100m` caps the rounds of the sizes of
100M parameters and more) took 23 minutes on a busy 2-core machine:
about 1.5 minutes at 1M, 8.5 at 25M and 13 at 100M.  A measurement to
report, not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import logging
import math
import os
import shutil
import sys
import tempfile
import time
import warnings

# pykeras3 first: it keeps TensorFlow's start-up lines off the screen.
import pykeras3  # noqa: E402,I001
import keras  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import machine_lines, median, mmm, report  # noqa: E402

INPUTS = 256
OUTPUTS = 10
TARGETS = {"stall_sync": 1.10, "stall_background": 0.30,
           "background_from": 25_000_000}
CONTENDERS = ("none", "keras", "pykeras3 sync", "pykeras3 background",
              "orbax")
HOOKS = ("on_train_begin", "on_epoch_begin", "on_train_batch_end",
         "on_batch_end", "on_epoch_end", "on_train_end")


# ----------------------------------------------------------------------
# What can run here


def background_parameter():
    """Whether this pykeras3 has `save_on_background` (None) or why not."""
    params = inspect.signature(pykeras3.callback_model_checkpoint).parameters
    if "save_on_background" in params:
        return None
    return ("not available: this pykeras3's callback_model_checkpoint() has "
            "no save_on_background parameter")


def orbax_problem():
    """None when keras.callbacks.OrbaxCheckpoint can run here, else why."""
    cls = getattr(keras.callbacks, "OrbaxCheckpoint", None)
    if cls is None:
        return (f"not available: Keras {keras.__version__} has no "
                f"keras.callbacks.OrbaxCheckpoint")
    folder = tempfile.mkdtemp(prefix="pykeras3-orbax-probe-")
    try:
        cls(os.path.join(folder, "probe"))
    except ImportError as err:
        return f"not available: {err}".replace("\n", " ")
    except Exception as err:  # noqa: BLE001 - report, do not fail
        return f"not available: {type(err).__name__}: {err}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return None


def quiet_orbax():
    # Orbax logs a warning per save through absl ("Skipping merge of OCDBT
    # checkpoints"); it says nothing about speed.
    for name in ("absl", "orbax", "jax"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        from absl import logging as absl_logging
        absl_logging.set_verbosity(absl_logging.ERROR)
    except ImportError:
        pass


# ----------------------------------------------------------------------
# The model


def parse_size(text):
    text = text.strip().lower().replace("_", "")
    scale = {"k": 10**3, "m": 10**6, "g": 10**9}.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in "kmg" else text
    return int(float(number) * scale)


def width_for(params):
    """Hidden width h so that h*h + (INPUTS + 12) * h + 10 ~ params."""
    b = INPUTS + 2 + OUTPUTS
    h = (-b + math.sqrt(b * b + 4 * max(params - OUTPUTS, 1))) / 2
    return max(1, round(h))


def make_model(width, seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input((INPUTS,)),
        keras.layers.Dense(width, activation="relu"),
        keras.layers.Dense(width, activation="relu"),
        keras.layers.Dense(OUTPUTS),
    ])
    model.compile(optimizer="adam", loss="mse")
    return model


# ----------------------------------------------------------------------
# Timing the callback's hooks


class HookTimer:
    """Wraps a callback instance's own hooks with a timer.

    Only hooks the callback overrides are wrapped: Keras dispatches batch
    hooks asynchronously when no callback overrides them, and a wrapper on
    a default hook would turn that off.  A hook call is a save point when
    it is `on_epoch_end` (saving every epoch) or the `every`-th
    `on_train_batch_end` counted across epochs (saving every N batches),
    the rule Keras, pykeras3 and Orbax all follow.
    """

    def __init__(self, callback, every):
        self.every = every          # None: every epoch
        self.saves = []             # seconds in the hook, per save point
        self.other = 0.0            # seconds in hooks that did not save
        self.end = 0.0              # on_train_end (waits for writers)
        self.batches = 0
        for name in HOOKS:
            method = getattr(callback, name)
            if getattr(method, "_is_default", False):
                continue
            setattr(callback, name, self._wrap(name, method))

    def _wrap(self, name, method):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self._record(name, elapsed)
        timed.__name__ = name
        return timed

    def _record(self, name, elapsed):
        if name == "on_train_end":
            self.end += elapsed
            return
        save = False
        if name == "on_train_batch_end":
            self.batches += 1
            save = self.every is not None and self.batches % self.every == 0
        elif name == "on_epoch_end":
            save = self.every is None
        if save:
            self.saves.append(elapsed)
        else:
            self.other += elapsed


def make_callback(contender, folder, fmt, every, templated):
    weights_only = fmt == "weights.h5"
    ending = ".weights.h5" if weights_only else ".keras"
    if templated:
        name = "ckpt-{epoch}" + ("-{batch}" if every else "")
    else:
        name = "ckpt"
    path = os.path.join(folder, name + ending)
    save_freq = every if every else "epoch"
    if contender == "keras":
        return keras.callbacks.ModelCheckpoint(
            path, monitor="loss", save_weights_only=weights_only,
            save_freq=save_freq)
    if contender.startswith("pykeras3"):
        extra = {}
        if "save_on_background" in inspect.signature(
                pykeras3.callback_model_checkpoint).parameters:
            extra["save_on_background"] = contender.endswith("background")
        return pykeras3.callback_model_checkpoint(
            path, monitor="loss", save_weights_only=weights_only,
            save_freq=save_freq, **extra)
    if contender == "orbax":
        return keras.callbacks.OrbaxCheckpoint(
            os.path.join(folder, "orbax"), monitor="loss",
            save_weights_only=weights_only, save_freq=save_freq,
            max_to_keep=None if templated else 1)
    raise ValueError(contender)


def folder_bytes(folder):
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def fresh(folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    os.sync()


def run_once(model, contender, fmt, every, args, folder, x, y):
    """One fit; returns (fit seconds, HookTimer or None, bytes written)."""
    fresh(folder)
    callbacks, timer = [], None
    if contender != "none":
        callback = make_callback(contender, folder, fmt, every,
                                 args.templated)
        timer = HookTimer(callback, every)
        callbacks = [callback]
    gc.collect()
    start = time.perf_counter()
    model.fit(x, y, batch_size=args.batch_size, epochs=args.epochs,
              shuffle=False, verbose=0, callbacks=callbacks)
    wall = time.perf_counter() - start
    written = folder_bytes(folder)
    del callbacks
    return wall, timer, written


def physical(data, folder, ending, reps):
    """`reps` times: write `data` to a new file, fsync, rename, fsync the
    folder.  Returns ([write-only seconds], [whole seconds])."""
    writes, totals = [], []
    view = memoryview(data)
    chunk = 64 * 2**20
    for i in range(reps):
        fresh(folder)
        tmp = os.path.join(folder, f".staged{i}{ending}")
        target = os.path.join(folder, f"ckpt{i}{ending}")
        start = time.perf_counter()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            for offset in range(0, len(view), chunk):
                os.write(fd, view[offset:offset + chunk])
            written = time.perf_counter()
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        end = time.perf_counter()
        writes.append(written - start)
        totals.append(end - start)
    fresh(folder)
    return writes, totals


# ----------------------------------------------------------------------
# One (size, format, frequency) case


def run_case(model, label, fmt, every, contenders, unavailable, args,
             folder, x, y, data, rounds):
    """Runs the rounds; returns the table rows for this case."""
    results = {c: {"fit": [], "saves": [], "save_median": [], "end": [],
                   "bytes": []} for c in contenders}
    limit = {"write": [], "total": [], "round": []}
    saves_per_fit = (args.epochs if not every else
                     (args.epochs * args.steps) // every)
    ending = ".weights.h5" if fmt == "weights.h5" else ".keras"
    freq = "epoch" if not every else f"{every} batches"
    for r in range(rounds):
        shift = r % len(contenders)
        order = list(contenders[shift:]) + list(contenders[:shift])
        for contender in order:
            wall, timer, written = run_once(model, contender, fmt, every,
                                            args, folder, x, y)
            res = results[contender]
            res["fit"].append(wall)
            res["bytes"].append(written)
            if timer is not None:
                res["saves"].extend(timer.saves)
                res["save_median"].append(median(timer.saves))
                res["end"].append(timer.end)
        writes, totals = physical(data, folder, ending,
                                  max(1, min(saves_per_fit, args.limit_reps)))
        limit["write"].extend(writes)
        limit["total"].extend(totals)
        limit["round"].append(median(totals))
        if args.verbose:
            print(f"  {label} .{fmt} {freq}: round {r + 1}/{rounds}: "
                  + ", ".join(
                f"{c} {results[c]['fit'][-1]:.2f}s" for c in contenders),
                file=sys.stderr, flush=True)

    def per_round_ratio(contender, key):
        mine, base = results[contender][key], results["keras"][key]
        return [m / b for m, b in zip(mine, base) if m and b]

    def cost_per_save(contender):
        nones = results["none"]["fit"]
        return [(f - n) / saves_per_fit
                for f, n in zip(results[contender]["fit"], nones)]

    rows = []
    head = [label, f".{fmt}", freq]
    keras_stall = results["keras"]["save_median"] if "keras" in results \
        else []
    for contender in CONTENDERS:
        if contender in unavailable:
            rows.append(head + [contender, unavailable[contender]] +
                        [""] * 7)
            continue
        if contender not in results:
            continue
        res = results[contender]
        has_keras = "keras" in results
        if contender == "none":
            rows.append(head + [contender, "-", "-", "-", mmm(res["fit"], 1,
                        2), mmm(per_round_ratio(contender, "fit"), 1, 2,
                                "x") if has_keras else "-", "-", "-",
                        "-"])
            continue
        mib = median(res["bytes"]) / 2**20
        if args.templated:
            mib /= saves_per_fit
        rows.append(head + [
            contender,
            str(saves_per_fit),
            mmm(res["saves"], 1000, 1),
            mmm(per_round_ratio(contender, "save_median"), 1, 2, "x")
            if has_keras and keras_stall else "-",
            mmm(res["fit"], 1, 2),
            mmm(per_round_ratio(contender, "fit"), 1, 2, "x")
            if has_keras else "-",
            f"{median(cost_per_save(contender)) * 1000:.0f}"
            if "none" in results else "-",
            f"{median(res['end']) * 1000:.1f}",
            f"{mib:.1f}",
        ])
    ratio = [t / k for t, k in zip(limit["round"], keras_stall) if k]
    rows.append(head + [
        "limit: write + fsync + rename", str(saves_per_fit),
        mmm(limit["total"], 1000, 1),
        mmm(ratio, 1, 2, "x") if ratio else "-", "-", "-", "-", "-",
        f"{len(data) / 2**20:.1f}"])
    rows.append(head + [
        "limit: write only (page cache)", str(saves_per_fit),
        mmm(limit["write"], 1000, 1), "-", "-", "-", "-", "-",
        f"{len(data) / 2**20:.1f}"])
    return rows, results


COLUMNS = ["size", "format", "save every", "contender", "saves/fit",
           "stall ms/save (min / med / max)",
           "stall vs Keras (per round)", "fit s (min / med / max)",
           "fit vs Keras (per round)", "cost ms/save (med)",
           "end wait ms (med)", "MiB/save"]


def markdown(rows):
    lines = ["| " + " | ".join(COLUMNS) + " |",
             "|" + "|".join("---" if i < 4 else "---:"
                            for i in range(len(COLUMNS))) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def verdicts(all_results):
    """Lines comparing the medians with the issue's targets."""
    lines = []
    for (label, params, fmt, every), results in all_results:
        if "keras" not in results:
            continue
        freq = "every epoch" if not every else f"every {every} batches"
        where = f"{label} .{fmt} {freq}"
        for contender, target in (("pykeras3 sync", TARGETS["stall_sync"]),
                                  ("pykeras3 background",
                                   TARGETS["stall_background"])):
            if contender not in results:
                continue
            if contender.endswith("background") and \
                    params < TARGETS["background_from"]:
                continue
            ratios = [m / k for m, k in zip(
                results[contender]["save_median"],
                results["keras"]["save_median"]) if m and k]
            if not ratios:
                continue
            value = median(ratios)
            verdict = "met" if value <= target else \
                f"MISSED by {(value / target - 1) * 100:.0f}%"
            lines.append(f"- {where}: {contender} stall {value:.2f}x "
                         f"Keras (target <= {target:.2f}x): {verdict}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1M,25M,100M",
                        help="parameter counts, e.g. 1M,25M,100M or 500k")
    parser.add_argument("--formats", default="keras,weights.h5",
                        help="keras and/or weights.h5")
    parser.add_argument("--freq", default="epoch,batches",
                        help="epoch and/or batches (every --every batches)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rounds-100m", type=int, default=2,
                        help="at most this many rounds for sizes of 100M "
                             "parameters and more (default 2)")
    parser.add_argument("--steps", type=int, default=8,
                        help="batches per epoch (default 8)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--every", type=int, default=4,
                        help="N for saving every N batches (default 4)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--limit-reps", type=int, default=2,
                        help="physical-limit writes per round (default 2)")
    parser.add_argument("--contenders", default=",".join(CONTENDERS),
                        help="subset of: " + ",".join(CONTENDERS))
    parser.add_argument("--templated", action="store_true",
                        help="a new file per save ('ckpt-{epoch}-{batch}', "
                             "nothing pruned) instead of one file "
                             "overwritten")
    parser.add_argument("--dir", default=None,
                        help="folder to create the temporary folder in "
                             "(default: the system's temporary directory)")
    parser.add_argument("--out", default=None,
                        help="also write the Markdown report to this file")
    parser.add_argument("--quick", action="store_true",
                        help="tiny models, 2 rounds: a smoke run")
    parser.add_argument("--verbose", action="store_true",
                        help="progress on stderr")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = "20k,200k" if args.sizes == "1M,25M,100M" else \
            args.sizes
        args.rounds, args.steps, args.every = 2, 4, 2

    sizes = [(s.strip(), parse_size(s)) for s in args.sizes.split(",")
             if s.strip()]
    formats = [f.strip().lstrip(".") for f in args.formats.split(",")]
    for fmt in formats:
        if fmt not in ("keras", "weights.h5"):
            parser.error(f"unknown format {fmt!r}")
    freqs = [f.strip() for f in args.freq.split(",")]
    for freq in freqs:
        if freq not in ("epoch", "batches"):
            parser.error(f"unknown frequency {freq!r}")
    wanted = [c.strip() for c in args.contenders.split(",")]
    for c in wanted:
        if c not in CONTENDERS:
            parser.error(f"unknown contender {c!r}")
    if "keras" not in wanted:
        wanted.insert(0, "keras")  # the reference of every ratio

    quiet_orbax()
    warnings.filterwarnings("ignore", module="orbax")
    unavailable = {}
    reason = background_parameter()
    if reason and "pykeras3 background" in wanted:
        unavailable["pykeras3 background"] = reason
    if "orbax" in wanted:
        reason = orbax_problem()
        if reason:
            unavailable["orbax"] = reason
    contenders = tuple(c for c in CONTENDERS
                       if c in wanted and c not in unavailable)

    base = tempfile.mkdtemp(prefix="pykeras3-stall-", dir=args.dir)
    out = ["## Checkpoint stall: pykeras3 vs Keras", ""]
    out += machine_lines(os.path.dirname(base))
    out += [f"- command: `python benchmarks/checkpoint_stall.py "
            f"{' '.join(argv if argv is not None else sys.argv[1:])}`",
            f"- model: Dense MLP {INPUTS} -> h -> h -> {OUTPUTS}, Adam, "
            f"batch {args.batch_size}, {args.steps} batches x "
            f"{args.epochs} epochs per fit; saves every epoch or every "
            f"{args.every} batches; "
            + ("a new file per save" if args.templated
               else "one file overwritten") + "; monitor='loss'",
            ""]
    for contender, why in unavailable.items():
        out.append(f"- {contender}: {why}")
    print("\n".join(out), file=sys.stderr, flush=True)

    rows, all_results = [], []
    try:
        for label, params in sizes:
            width = width_for(params)
            keras.backend.clear_session()
            gc.collect()
            model = make_model(width)
            real = model.count_params()
            n = args.steps * args.batch_size
            rng = np.random.default_rng(0)
            x = rng.random((n, INPUTS), dtype=np.float32)
            y = rng.random((n, OUTPUTS), dtype=np.float32)
            model.fit(x, y, batch_size=args.batch_size, epochs=1,
                      shuffle=False, verbose=0)  # build, trace, warm up
            rounds = args.rounds if params < 100_000_000 else \
                min(args.rounds, args.rounds_100m)
            line = (f"\n{label}: width {width}, "
                    f"{real:,} parameters, {rounds} rounds")
            print(line, file=sys.stderr, flush=True)
            out.append(line)
            for fmt in formats:
                probe = os.path.join(base, "probe." + fmt)
                (model.save_weights if fmt == "weights.h5"
                 else model.save)(probe)
                with open(probe, "rb") as f:
                    data = f.read()
                os.remove(probe)
                line = (f"  .{fmt}: {len(data) / 2**20:.1f} MiB per "
                        f"checkpoint file")
                print(line, file=sys.stderr, flush=True)
                out.append(line)
                for freq in freqs:
                    every = None if freq == "epoch" else args.every
                    case_rows, results = run_case(
                        model, label, fmt, every, contenders, unavailable,
                        args, os.path.join(base, "run"), x, y, data,
                        rounds)
                    rows.extend(case_rows)
                    all_results.append(((label, real, fmt, every),
                                        results))
                    print(markdown(case_rows), file=sys.stderr, flush=True)
                del data
                gc.collect()
            del model
            keras.backend.clear_session()
            gc.collect()
    finally:
        shutil.rmtree(base, ignore_errors=True)

    out += ["", markdown(rows), "",
            "Stall: time in the callback's hooks at a save point, over all "
            "saves of all rounds. Ratios: per round (the round's median "
            "stall, or its fit time, over Keras's in the same round), "
            "min / median / max over rounds. Cost per save: (fit - "
            "fit without a callback) / saves, median over rounds. End "
            "wait: on_train_end (background writes finishing).", ""]
    out += ["Targets (medians of the per-round ratios):"]
    out += verdicts(all_results) or ["- (no ratios measured)"]
    report(out, args.out)


if __name__ == "__main__":
    main()
