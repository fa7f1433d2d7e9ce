"""What pykeras3's own layer costs on top of Keras: each pykeras3 call timed
beside the Keras call it wraps, in the same run.

    python benchmarks/wrapper_overhead.py --quick    # smoke run, ~1 minute
    python benchmarks/wrapper_overhead.py            # about 5 minutes on 2 cores
    python benchmarks/wrapper_overhead.py --only fit,import

Four comparisons, each against the plain Keras spelling:

* fit: `pykeras3.fit(model, x, y, ...)` vs `model.fit(x, y, ...)` on a tiny
  model (8 inputs, Dense 16 relu, Dense 1; 256 samples, batch 32, 2
  epochs, verbose=0).  Each side has its own model built from the same
  seed and warmed up by one untimed fit; the seed is reset before every
  timed fit.
* layer: `pykeras3.layer_dense(units=16, activation="relu")` vs
  `keras.layers.Dense(16, activation="relu")`, constructed REPS times in
  a row per sample.
* deferred: `toolz.pipe(model, predict(x, verbose=0))` (the deferred
  form) and `predict(model, x, verbose=0)` (the direct form) vs
  `model.predict(x, verbose=0)`, on the tiny model and 64 samples.
* import: `import pykeras3`, `import pykeras3` followed by the first use
  of a function (`pykeras3.fit`, which loads Keras: pykeras3 imports its
  modules lazily) and `import keras`, each in a fresh Python process.  The
  import is timed inside the child (interpreter start-up excluded); the
  children's environment has no TF_CPP_MIN_LOG_LEVEL, as a user's
  would not, so pykeras3's quiet TensorFlow start-up is part of the cost.

Every comparison runs in rounds; a round makes a few passes, each pass
calling every contender once in an order rotated from pass to pass, and
each contender's sample for the round is the median of its calls in that
round (so the samples compared were taken seconds apart).  Printed: min / median / max of the
samples, the per-round ratio to Keras (min / median / max over rounds),
and the extra time per call (median of the per-round differences).  The
target is a median ratio within 1.02x (2%).  The machine is described at
the top so the figures can be quoted.  A measurement to report, not a
test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time

# pykeras3 first: it keeps TensorFlow's start-up lines off the screen.
import pykeras3  # noqa: E402,I001
import keras  # noqa: E402
import numpy as np  # noqa: E402
import toolz  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import machine_lines, median, mmm, report  # noqa: E402

TARGET = 1.02
WHAT = ("fit", "layer", "deferred", "import")


def tiny_model(seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input((8,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer="adam", loss="mse")
    return model


def rounds_of(contenders, rounds, one, calls=1):
    """Times `one(name)` for each contender: in each round, `calls` passes,
    each pass calling every contender once (the order rotating from pass
    to pass), so the samples compared are taken close together.  Returns
    {name: [median seconds of the round's calls, per round]}."""
    contenders = list(contenders)
    out = {name: [] for name in contenders}
    turn = 0
    for _ in range(rounds):
        times = {name: [] for name in contenders}
        gc.collect()
        for _ in range(calls):
            shift = turn % len(contenders)
            turn += 1
            for name in contenders[shift:] + contenders[:shift]:
                start = time.perf_counter()
                one(name)
                times[name].append(time.perf_counter() - start)
        for name in contenders:
            out[name].append(statistics.median(times[name]))
    return out


def bench_fit(args):
    rng = np.random.default_rng(0)
    x = rng.random((256, 8), dtype=np.float32)
    y = rng.random((256, 1), dtype=np.float32)
    models = {"model.fit (Keras)": tiny_model(), "pykeras3.fit": tiny_model()}
    kwargs = dict(batch_size=32, epochs=2, verbose=0, shuffle=True)

    def call(name):
        model = models[name]
        keras.utils.set_random_seed(1)
        if name == "pykeras3.fit":
            return pykeras3.fit(model, x, y, **kwargs)
        return model.fit(x, y, **kwargs)

    for name in models:
        call(name)  # trace, build the optimizer
    results = rounds_of(models, args.rounds, call, args.fit_calls)
    return "fit (tiny model, 2 epochs of 8 batches)", \
        "model.fit (Keras)", results, f"median of {args.fit_calls} fits"


def bench_layer(args):
    reps = args.reps

    def keras_dense():
        for _ in range(reps):
            keras.layers.Dense(16, activation="relu")

    def pk_dense():
        for _ in range(reps):
            pykeras3.layer_dense(units=16, activation="relu")

    calls = {"keras.layers.Dense": keras_dense,
             "pykeras3.layer_dense": pk_dense}
    for fn in calls.values():
        fn()
    results = rounds_of(calls, args.rounds, lambda name: calls[name](), 4)
    results = {name: [t / reps for t in times]
               for name, times in results.items()}
    return ("layer construction (Dense(16, 'relu'))",
            "keras.layers.Dense", results,
            f"median of 4 batches of {reps}, per construction")


def bench_deferred(args):
    model = tiny_model()
    x = np.random.default_rng(0).random((64, 8), dtype=np.float32)
    predict = pykeras3.predict
    calls = {
        "model.predict (Keras)": lambda: model.predict(x, verbose=0),
        "predict(model, x)": lambda: predict(model, x, verbose=0),
        "toolz.pipe(model, predict(x))":
            lambda: toolz.pipe(model, predict(x, verbose=0)),
    }
    for fn in calls.values():
        fn()
    results = rounds_of(calls, args.rounds, lambda name: calls[name](),
                        args.predict_calls)
    return "predict (tiny model, 64 samples)", "model.predict (Keras)", \
        results, f"median of {args.predict_calls} calls"


IMPORTS = {
    "import keras": "import keras",
    "import pykeras3": "import pykeras3",
    "import pykeras3; pykeras3.fit": "import pykeras3; pykeras3.fit",
}

CHILD = """
import time
start = time.perf_counter()
{code}
elapsed = time.perf_counter() - start
print("SECONDS", repr(elapsed))
"""


def bench_import(args):
    env = dict(os.environ)
    for name in ("TF_CPP_MIN_LOG_LEVEL", "PYKERAS3_TF_LOG_LEVEL"):
        env.pop(name, None)

    def sample(name):
        done = subprocess.run(
            [sys.executable, "-c", CHILD.format(code=IMPORTS[name])],
            env=env, capture_output=True, text=True, check=True)
        for line in done.stdout.splitlines():
            if line.startswith("SECONDS "):
                return float(line.split()[1])
        raise RuntimeError(done.stdout + done.stderr)

    for name in IMPORTS:
        sample(name)  # warm the file cache
    times = {name: [] for name in IMPORTS}
    rounds_of(IMPORTS, args.import_rounds,
              lambda name: times[name].append(sample(name)))
    results = times  # the time inside the child, not the process's
    return "import, in a fresh process (time inside the child)", \
        "import keras", results, "one import per process"


BENCHES = {"fit": bench_fit, "layer": bench_layer,
           "deferred": bench_deferred, "import": bench_import}


def table(title, reference, results, unit_note):
    base = results[reference]
    rows = [f"**{title}** ({unit_note})", "",
            "| call | time (min / med / max) | vs Keras per round "
            "(min / med / max) | extra per call (med) | within 2% |",
            "|---|---:|---:|---:|---|"]
    scale, unit = (1e3, "ms") if median(base) >= 1e-3 else (1e6, "us")
    for name, times in results.items():
        if name == reference:
            rows.append(f"| {name} | {mmm(times, scale, 2)} {unit} | "
                        f"1.00x | - | - |")
            continue
        ratios = [t / b for t, b in zip(times, base)]
        extra = median([t - b for t, b in zip(times, base)]) * scale
        verdict = "yes" if median(ratios) <= TARGET else \
            f"no (+{(median(ratios) - 1) * 100:.1f}%)"
        rows.append(f"| {name} | {mmm(times, scale, 2)} {unit} | "
                    f"{mmm(ratios, 1, 3, 'x')} | {extra:+.2f} {unit} | "
                    f"{verdict} |")
    return "\n".join(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(WHAT),
                        help="subset of: " + ",".join(WHAT))
    parser.add_argument("--rounds", type=int, default=30,
                        help="rounds for fit, layer and deferred "
                             "(default 30)")
    parser.add_argument("--import-rounds", type=int, default=10,
                        help="fresh processes per import variant "
                             "(default 10)")
    parser.add_argument("--fit-calls", type=int, default=5)
    parser.add_argument("--predict-calls", type=int, default=20)
    parser.add_argument("--reps", type=int, default=500,
                        help="layer constructions per batch (default 500)")
    parser.add_argument("--out", default=None,
                        help="also write the Markdown report to this file")
    parser.add_argument("--quick", action="store_true",
                        help="few rounds: a smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.import_rounds = 4, 2
        args.fit_calls, args.predict_calls, args.reps = 2, 5, 100
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    for w in wanted:
        if w not in BENCHES:
            parser.error(f"unknown comparison {w!r}")

    out = ["## pykeras3's own overhead vs plain Keras", ""]
    out += machine_lines()
    out += [f"- command: `python benchmarks/wrapper_overhead.py "
            f"{' '.join(argv if argv is not None else sys.argv[1:])}`",
            f"- rounds: {args.rounds} (imports: {args.import_rounds}); "
            f"target: median ratio <= {TARGET:.2f}x", ""]
    print("\n".join(out), file=sys.stderr, flush=True)
    for w in wanted:
        part = table(*BENCHES[w](args))
        print(part + "\n", file=sys.stderr, flush=True)
        out += [part, ""]
    report(out, args.out)


if __name__ == "__main__":
    main()
