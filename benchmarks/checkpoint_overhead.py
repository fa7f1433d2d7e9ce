"""Time per checkpoint save: no checkpointing vs Keras's ModelCheckpoint vs
pykeras3's callback_model_checkpoint, saving every N batches.

    python benchmarks/checkpoint_overhead.py            # default sizes
    python benchmarks/checkpoint_overhead.py --quick    # a smoke run

The same model is trained with each variant, interleaved in a shuffled
order over several rounds, each run starting after `os.sync()`.  Each save is timed inside the callback's batch hook (the whole
save: Keras's write, plus pykeras3's flush, rename and state file), and the
medians over all saves are compared.  The fit wall time with no
checkpointing is the baseline for the "overhead per save" column.  This is
a measurement to report, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402

import pykeras3  # noqa: E402


# (weights_only, templated file name)
CONFIGS = ((False, False), (True, False), (False, True), (True, True))


def timed(cls):
    """A subclass of checkpoint class `cls` that times each save."""

    class Timed(cls):
        def __init__(self, *args, save_freq, **kwargs):
            super().__init__(*args, save_freq=save_freq, **kwargs)
            self.every = save_freq
            self.seen = 0
            self.save_seconds = []

        def on_train_batch_end(self, batch, logs=None):
            start = time.perf_counter()
            super().on_train_batch_end(batch, logs)
            elapsed = time.perf_counter() - start
            self.seen += 1
            if self.seen % self.every == 0:
                self.save_seconds.append(elapsed)

    Timed.__name__ = f"Timed{cls.__name__}"
    return Timed


def make_model(width, inputs, seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input((inputs,)),
        keras.layers.Dense(width, activation="relu"),
        keras.layers.Dense(width, activation="relu"),
        keras.layers.Dense(10),
    ])
    model.compile(optimizer="adam", loss="mse")
    return model


def run(variant, weights_only, templated, args, folder, x, y):
    model = make_model(args.width, args.inputs)
    ending = ".weights.h5" if weights_only else ".keras"
    name = "ckpt-{epoch}-{batch}" if templated else "ckpt"
    path = os.path.join(folder, variant, name + ending)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    callbacks = []
    if variant == "keras":
        cb = timed(keras.callbacks.ModelCheckpoint)(
            path, save_weights_only=weights_only, save_freq=args.every)
        callbacks = [cb]
    elif variant == "pykeras3":
        cb = timed(pykeras3.checkpoint.ModelCheckpoint)(
            path, save_weights_only=weights_only, save_freq=args.every)
        callbacks = [cb]
    start = time.perf_counter()
    model.fit(x, y, batch_size=args.batch_size, epochs=args.epochs,
              verbose=0, callbacks=callbacks)
    wall = time.perf_counter() - start
    saves = callbacks[0].save_seconds if callbacks else []
    return wall, saves


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1024)
    parser.add_argument("--inputs", type=int, default=256)
    parser.add_argument("--batches", type=int, default=48,
                        help="batches per epoch")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--every", type=int, default=4,
                        help="save every N batches")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dir", default=None,
                        help="folder for the checkpoints (default: a new "
                             "temporary folder on the default temp disk)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.width, args.batches, args.rounds = 128, 8, 1

    rng = np.random.default_rng(0)
    n = args.batches * args.batch_size
    x = rng.random((n, args.inputs), dtype=np.float32)
    y = rng.random((n, 10), dtype=np.float32)
    folder = tempfile.mkdtemp(prefix="pykeras3-bench-", dir=args.dir)
    model = make_model(args.width, args.inputs)
    model.fit(x[:args.batch_size], y[:args.batch_size], verbose=0)
    size = {}
    for weights_only in (False, True):
        probe = os.path.join(folder, "probe" + (
            ".weights.h5" if weights_only else ".keras"))
        (model.save_weights if weights_only else model.save)(probe)
        size[weights_only] = os.path.getsize(probe) / 2**20

    print(f"pykeras3 checkpoint benchmark: keras {keras.__version__}, "
          f"python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs")
    print(f"model: {model.count_params():,} parameters; "
          f"{args.batches} batches x {args.epochs} epoch(s), save every "
          f"{args.every} batches, {args.rounds} rounds; folder {folder}")
    try:
        for weights_only, templated in CONFIGS:
            kind = ".weights.h5 (weights only)" if weights_only else \
                ".keras (whole model)"
            kind += (", a new file per save ('ckpt-{epoch}-{batch}')"
                     if templated else ", one file overwritten ('ckpt')")
            walls = {"none": [], "keras": [], "pykeras3": []}
            saves = {"keras": [], "pykeras3": []}   # one list per round
            run("none", weights_only, templated, args, folder, x, y)  # warm
            order = list(walls)
            for _ in range(args.rounds):
                # A different order each round, and every run starting with
                # no dirty pages left by the one before (os.sync, untimed),
                # so no variant pays for another's write-back.
                rng.shuffle(order)
                for variant in order:
                    shutil.rmtree(os.path.join(folder, variant),
                                  ignore_errors=True)
                    os.sync()
                    wall, timings = run(variant, weights_only, templated,
                                        args, folder, x, y)
                    walls[variant].append(wall)
                    if variant in saves:
                        saves[variant].append(timings)
            base = statistics.median(walls["none"])
            print(f"\n{kind}, {size[weights_only]:.1f} MiB per file")
            print(f"  {'variant':<10}{'fit wall s':>12}{'saves':>7}"
                  f"{'median ms/save':>16}{'overhead ms/save':>18}")
            print(f"  {'none':<10}{base:>12.2f}{0:>7}{'-':>16}{'-':>18}")
            for variant in ("keras", "pykeras3"):
                wall = statistics.median(walls[variant])
                count = len(saves[variant][0])
                every = [t for r in saves[variant] for t in r]
                overhead = (wall - base) / max(count, 1) * 1000
                print(f"  {variant:<10}{wall:>12.2f}{count:>7}"
                      f"{statistics.median(every) * 1000:>16.1f}"
                      f"{overhead:>18.1f}")
            # Paired per round: both variants ran minutes apart at most.
            ratios = sorted(statistics.median(p) / statistics.median(k)
                            for k, p in zip(saves["keras"],
                                            saves["pykeras3"]))
            low, high = ratios[len(ratios) // 4], \
                ratios[(3 * len(ratios)) // 4]
            print(f"  ratio pykeras3 / keras, time per save (median of "
                  f"{len(ratios)} rounds): {statistics.median(ratios):.2f}x "
                  f"[quartiles {low:.2f}-{high:.2f}] (target <= 1.20x)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
