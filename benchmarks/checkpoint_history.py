"""Does a save cost more as checkpoints accumulate?  Time per save and time
to restart, with 0, 1,000 and 10,000 checkpoint files already written by
the callback (tracked in its state) and in its folder.

    python benchmarks/checkpoint_history.py            # 0, 1000, 10000
    python benchmarks/checkpoint_history.py --quick    # 0, 100

For each count, the folder is filled with that many checkpoint files of a
tiny model (hard links to one real weights file, with increasing times)
and a state file listing them, as a long run with `max_to_keep=None`
leaves them.  Then, side by side in the same folder:

* pykeras3: `callback_model_checkpoint("ckpt/{epoch:06d}.weights.h5",
  save_weights_only=True)`, resumed with `load_weights_on_restart=True`:
  the restart (`on_train_begin`) is timed, then SAVES improving saves
  (each rewrites the state);
* Keras's `ModelCheckpoint` with the same template: SAVES saves.

The hooks are driven directly (no training), so the figures are the
callbacks' own cost per save.  Median over the saves; a measurement to
report, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402

import pykeras3  # noqa: E402

TEMPLATE = "{epoch:06d}.weights.h5"


def tiny_model():
    model = pykeras3.layer_dense(
        pykeras3.keras_model_sequential(input_shape=8), units=4)
    return pykeras3.compile(model, optimizer="adam", loss="mse")


def fill(folder, count, model):
    """`count` checkpoints as a long run leaves them, and their state."""
    os.makedirs(folder)
    seed = os.path.join(folder, "seed.weights.h5")
    model.save_weights(seed)
    start = time.time() - count - 10
    cb = pykeras3.callback_model_checkpoint(
        os.path.join(folder, TEMPLATE), save_weights_only=True,
        monitor="loss")
    files = []
    for i in range(count):
        path = os.path.join(folder, TEMPLATE.format(epoch=i + 1))
        os.link(seed, path) if i else shutil.copyfile(seed, path)
        os.utime(path, (start + i, start + i))
        files.append({"path": path, "epoch": i, "batch": None,
                      "value": 100.0 - i * 1e-3})
    os.unlink(seed)
    if count:
        cb.set_state({"filepath": cb.filepath, "monitor": "loss",
                      "mode": "min", "since": int(start * 1e9) - 1,
                      "best": files[-1]["value"], "best_epoch": count - 1,
                      "best_filepath": files[-1]["path"],
                      "last_filepath": files[-1]["path"],
                      "last_epoch": count - 1, "files": files})
        cb.set_model(model)
        cb._write_state()
    return count


def time_saves(cb, model, first_epoch, saves, best):
    cb.set_model(model)
    times = []
    for k in range(saves):
        epoch = first_epoch + k
        logs = {"loss": best - (k + 1) * 1e-3}
        started = time.perf_counter()
        cb.on_epoch_end(epoch, logs)
        times.append(time.perf_counter() - started)
    return times


def run(count, saves, root):
    model = tiny_model()
    folder = os.path.join(root, f"n{count}")
    fill(folder, count, model)
    best = 100.0 - max(count - 1, 0) * 1e-3

    cb = pykeras3.callback_model_checkpoint(
        os.path.join(folder, TEMPLATE), save_weights_only=True,
        monitor="loss", load_weights_on_restart=True)
    cb.set_model(model)
    started = time.perf_counter()
    cb.on_train_begin()
    restart = time.perf_counter() - started
    ours = time_saves(cb, model, count, saves, best)
    cb.on_train_end()
    state_size = os.path.getsize(cb.state_filepath)

    theirs_cb = keras.callbacks.ModelCheckpoint(
        os.path.join(folder, "keras-" + TEMPLATE), save_weights_only=True,
        monitor="loss")
    theirs = time_saves(theirs_cb, model, count, saves, best)
    return restart, ours, theirs, state_size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--saves", type=int, default=30)
    args = parser.parse_args()
    counts = (0, 100) if args.quick else (0, 1000, 10000)
    saves = 5 if args.quick else args.saves
    print(f"python {platform.python_version()}, keras {keras.__version__}, "
          f"{platform.machine()}, {os.cpu_count()} cores, "
          f"{sys.platform}")
    print(f"{'files':>6} {'restart ms':>11} {'save ms (pykeras3)':>19} "
          f"{'save ms (Keras)':>16} {'ratio':>6} {'state KiB':>10}")
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as root:
        for count in counts:
            restart, ours, theirs, size = run(count, saves, root)
            mine, keras_ms = (statistics.median(ours) * 1e3,
                              statistics.median(theirs) * 1e3)
            print(f"{count:>6} {restart * 1e3:>11.1f} {mine:>19.2f} "
                  f"{keras_ms:>16.2f} {mine / keras_ms:>6.2f} "
                  f"{size / 1024:>10.1f}", flush=True)


if __name__ == "__main__":
    main()
