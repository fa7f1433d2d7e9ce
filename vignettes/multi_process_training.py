"""Train one model with several processes, with one checkpoint writer.

Run it as

    python vignettes/multi_process_training.py --processes 2 --dir DIR
        [--epochs N] [--kill-after-epoch K] [--shared] [--patience P]
        [--val-loss 0.9,0.8,...] [--sync] [--fail-at-epoch K]

It starts `--processes` workers (copies of this script) on 127.0.0.1 that
form one JAX job (`keras.distribution.initialize()`, CPU collectives over
gloo) and train a tiny model with Keras's `DataParallel` distribution: each
process feeds its own shard of the data, and the weights are updated in
step everywhere.  Every worker has the same callbacks:

* `pykeras3.callback_model_checkpoint()` on a folder of its own,
  `DIR/process-<i>/` (hosts without a shared file system), or on one
  folder, `DIR/shared/`, with `--shared`; `monitor="val_loss"`,
  `save_best_only=True`, `load_weights_on_restart=True`, `max_to_keep=2`,
  saving in the background (on the training thread with `--sync`);
* `pykeras3.callback_early_stopping()`.

Only the chief (process 0) should write checkpoint files and the state
file; every process should agree on `best`, on the epoch training stops,
and end with the same weights.  Each worker prints one JSON line (the
parent prints them, one a line, process 0 first) with: `index`, `best`,
`best_epoch`, `stopped_epoch` (early stopping's, 0 when it did not stop),
`last_epoch` (the last epoch trained), `restored` (what the checkpoint
callback restored at the start: `best`, `best_epoch`, `initial_epoch`,
`weights`), `files` (every file under its checkpoint folder, hidden ones
included, relative to it) and `weights` (a hash of the final weights).

`--kill-after-epoch K` ends the whole job abruptly: when every worker has
finished epoch K (0-based), the parent kills them all with SIGKILL, and
prints a line `{"index": i, "killed_after_epoch": K}` per process.  Run the
same command again without it to resume: each worker restores the chief's
checkpoint and carries on from the epoch after it.

`--val-loss` replaces the measured validation loss by the given values,
one per epoch (the last repeats), so that the best epoch and the stopping
epoch are known in advance (for tests and demonstrations).

The workers use `pykeras3._processes` (process index, values from the
chief), which pykeras3's callbacks build on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

REPORT = "@@"


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--dir", required=True,
                        help="where the checkpoint folders go")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--kill-after-epoch", type=int, default=None)
    parser.add_argument("--shared", action="store_true",
                        help="one checkpoint folder for every process")
    parser.add_argument("--patience", type=int, default=2)
    parser.add_argument("--fail-at-epoch", type=int, default=None,
                        help="make the chief's save at this epoch (0-based) "
                             "fail: a folder takes its file's name")
    parser.add_argument("--sync", action="store_true",
                        help="save on the training thread "
                             "(save_on_background=False)")
    parser.add_argument("--val-loss", default=None,
                        help="comma-separated validation losses, by epoch")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds before the job is killed as hung")
    # Set by the parent for its workers.
    parser.add_argument("--worker", type=int, default=None,
                        help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=None,
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def checkpoint_folder(args, index):
    name = "shared" if args.shared else f"process-{index}"
    return os.path.join(args.dir, name)


# ----------------------------------------------------------------------
# The parent: start the workers, watch them, kill them when asked


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(args, argv):
    port = free_port()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, KERAS_BACKEND="jax", JAX_PLATFORMS="cpu",
               TF_CPP_MIN_LOG_LEVEL="3", PYTHONUNBUFFERED="1",
               PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH",
                                                             ""))
    workers = [subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), *argv,
         "--worker", str(i), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for i in range(args.processes)]
    finals = [None] * args.processes
    done_epoch = [-1] * args.processes
    errors = [[] for _ in workers]
    lock = threading.Condition()

    def read_out(i, stream):
        for line in stream:
            if not line.startswith(REPORT):
                continue
            message = json.loads(line[len(REPORT):])
            with lock:
                if message.get("event") == "epoch_end":
                    done_epoch[i] = message["epoch"]
                else:
                    finals[i] = message
                lock.notify_all()

    def read_err(i, stream):
        for line in stream:
            errors[i].append(line)
            del errors[i][:-200]

    threads = []
    for i, w in enumerate(workers):
        threads += [threading.Thread(target=read_out, args=(i, w.stdout)),
                    threading.Thread(target=read_err, args=(i, w.stderr))]
    for t in threads:
        t.daemon = True
        t.start()

    def kill_all():
        for w in workers:
            if w.poll() is None:
                w.send_signal(signal.SIGKILL)
        for w in workers:
            w.wait()

    deadline = time.monotonic() + args.timeout
    killed = False
    try:
        with lock:
            while True:
                if args.kill_after_epoch is not None and all(
                        e >= args.kill_after_epoch for e in done_epoch):
                    kill_all()
                    killed = True
                    break
                if all(w.poll() is not None for w in workers):
                    break
                if time.monotonic() > deadline:
                    kill_all()
                    sys.stderr.write(f"multi_process_training: the job did "
                                     f"not finish in {args.timeout} s\n")
                    for i, e in enumerate(errors):
                        sys.stderr.write(f"---- process {i}\n"
                                         + "".join(e[-40:]))
                    return 1
                lock.wait(0.2)
    finally:
        kill_all()
    for t in threads:
        t.join(5)
    if killed:
        for i in range(args.processes):
            print(json.dumps({"index": i,
                              "killed_after_epoch": args.kill_after_epoch}))
        return 0
    status = 0
    for i, w in enumerate(workers):
        if w.returncode != 0 or finals[i] is None:
            status = 1
            sys.stderr.write(f"---- process {i} ended with {w.returncode}\n"
                             + "".join(errors[i][-60:]))
    for final in finals:
        if final is not None:
            print(json.dumps(final))
    return status


# ----------------------------------------------------------------------
# A worker


def worker(args):
    index = args.worker
    import jax
    jax.config.update("jax_cpu_collectives_implementation", "gloo")
    import keras
    import numpy as np

    import pykeras3
    from pykeras3 import _processes

    keras.distribution.initialize(f"127.0.0.1:{args.port}", args.processes,
                                  index)
    keras.distribution.set_distribution(
        keras.distribution.DataParallel(auto_shard_dataset=False))
    # The same initial weights in every process (JAX checks it).
    keras.utils.set_random_seed(1)

    rng = np.random.default_rng(0)
    x = rng.random((256, 8), dtype=np.float32)
    y = x @ rng.random((8, 1), dtype=np.float32)
    # Each process its own shard of the training and validation data.
    x_train, y_train = x[:192][index::args.processes], \
        y[:192][index::args.processes]
    x_val, y_val = x[192:][index::args.processes], \
        y[192:][index::args.processes]

    model = pykeras3.keras_model_sequential(input_shape=8)
    model = pykeras3.layer_dense(model, units=4, activation="relu")
    model = pykeras3.layer_dense(model, units=1)
    model = pykeras3.compile(model, optimizer="adam", loss="mse")

    folder = checkpoint_folder(args, index)
    os.makedirs(folder, exist_ok=True)
    if args.fail_at_epoch is not None and index == 0:
        os.makedirs(os.path.join(
            folder, f"ckpt-{args.fail_at_epoch + 1:02d}.weights.h5"),
            exist_ok=True)
    checkpoint = pykeras3.callback_model_checkpoint(
        os.path.join(folder, "ckpt-{epoch:02d}.weights.h5"),
        monitor="val_loss", save_best_only=True, save_weights_only=True,
        load_weights_on_restart=True, max_to_keep=2,
        save_on_background=not args.sync)
    stopping = pykeras3.callback_early_stopping(
        monitor="val_loss", patience=args.patience)

    scripted = None
    if args.val_loss:
        scripted = [float(v) for v in args.val_loss.split(",")]

    class ScriptedValLoss(keras.callbacks.Callback):
        """Replaces the measured val_loss (the callbacks after it see the
        same logs dict)."""

        def on_epoch_end(self, epoch, logs=None):
            if scripted is not None and logs is not None:
                logs["val_loss"] = scripted[min(epoch, len(scripted) - 1)]

    restored = {}

    class Restored(keras.callbacks.Callback):
        """Records what the checkpoint callback restored (it runs before,
        in the callbacks list)."""

        def on_train_begin(self, logs=None):
            restored.update(best=checkpoint.best,
                            best_epoch=checkpoint.best_epoch,
                            weights=weights_hash(model))

    class Progress(keras.callbacks.Callback):
        """Tells the parent each finished epoch; with --kill-after-epoch
        it then waits there to be killed."""

        def on_epoch_end(self, epoch, logs=None):
            print(REPORT + json.dumps({"event": "epoch_end",
                                       "epoch": epoch}), flush=True)
            if args.kill_after_epoch is not None and \
                    epoch >= args.kill_after_epoch:
                time.sleep(3600)

    initial_epoch = resume_epoch(checkpoint, _processes)
    restored["initial_epoch"] = initial_epoch
    try:
        history = model.fit(
            x_train, y_train, batch_size=16, epochs=args.epochs,
            initial_epoch=initial_epoch, validation_data=(x_val, y_val),
            verbose=0, callbacks=[ScriptedValLoss(), checkpoint, stopping,
                                  Restored(), Progress()])
    except Exception as err:
        # A failed save stops every process of the job at the same point.
        print(REPORT + json.dumps({
            "index": _processes.process_index(),
            "error": f"{type(err).__name__}: {err}"}), flush=True)
        return 3
    files = []
    for root, _, names in os.walk(folder):
        files += [os.path.relpath(os.path.join(root, n), folder)
                  for n in names]
    print(REPORT + json.dumps({
        "index": _processes.process_index(),
        "best": checkpoint.best, "best_epoch": checkpoint.best_epoch,
        "stopped_epoch": stopping.stopped_epoch,
        "last_epoch": history.epoch[-1] if history.epoch else None,
        "restored": restored, "files": sorted(files),
        "weights": weights_hash(model)}), flush=True)
    return 0


def weights_hash(model):
    digest = hashlib.sha256()
    for value in model.get_weights():
        digest.update(value.tobytes())
    return digest.hexdigest()[:16]


def resume_epoch(checkpoint, processes):
    """The epoch after the one the chief's checkpoint was saved at (0 when
    there is none), in every process: only the chief reads the state file
    beside its checkpoints; the others get its answer."""
    epoch = None
    if processes.is_chief():
        try:
            with open(checkpoint.state_filepath) as f:
                state = json.load(f)
            epoch = state.get("last_epoch")
            pending = state.get("pending")
            if pending and os.path.exists(os.path.join(
                    os.path.dirname(checkpoint.state_filepath),
                    pending["check"]["path"])):
                epoch = pending["state"].get("last_epoch", epoch)
        except (OSError, ValueError, KeyError, TypeError):
            epoch = None
    epoch = processes.from_chief(epoch)
    return 0 if epoch is None else int(epoch) + 1


def main(argv=None):
    args = arguments(argv)
    if args.worker is not None:
        return worker(args)
    return launch(args, sys.argv[1:] if argv is None else list(argv))


if __name__ == "__main__":
    sys.exit(main())
