"""Slow tests of `callback_model_checkpoint()` that need other processes:

* crash safety: a training process saving every batch is killed with
  SIGKILL at random moments; every checkpoint left behind must load with
  plain Keras, and a restart must work from it;
* resume: process 1 really dies (SIGKILL from inside, no on_train_end) and
  process 2 resumes with load_weights_on_restart=True;
* data-parallel training on two CPU devices (tf.distribute's
  MirroredStrategy with TensorFlow, keras.distribution with JAX).

Monitored values are made exact by a callback placed before the checkpoint
in the callbacks list: Keras hands the same logs dict to each callback in
turn, so it can set `val_loss` to a scripted value.
"""

import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time

import keras
import numpy as np
import pytest

import pykeras3
from conftest import run_python

pytestmark = pytest.mark.slow

STAGING = ".pykeras3-staging"
REPORT = "@@"  # prefix of the JSON lines the child processes print


def reports(stdout):
    return [json.loads(line[len(REPORT):]) for line in stdout.splitlines()
            if line.startswith(REPORT)]


def child_env():
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3",
                PYTHONUNBUFFERED="1")


def checkpoint_files(folder):
    """Every visible file under `folder`, not descending into hidden
    (staging) directories."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out += [os.path.join(root, f) for f in files
                if not f.startswith(".")]
    return sorted(out)


def staging_entries(folder):
    out = []
    for root, dirs, files in os.walk(folder):
        out += [os.path.join(root, n) for n in dirs + files if STAGING in n]
    return out


# ----------------------------------------------------------------------
# SIGKILL while saving every batch

KILL_CHILD = textwrap.dedent("""
    import os
    import numpy as np
    import keras
    import pykeras3

    folder = {folder!r}
    background = {background!r}
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input((64,)),
        keras.layers.Dense(512, activation="relu"),
        keras.layers.Dense(512, activation="relu"),
        keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    x = np.random.default_rng(0).random((256, 64), dtype=np.float32)
    y = x.sum(axis=1, keepdims=True)

    class Started(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            if batch == 0 and not getattr(self, "said", False):
                self.said = True
                print("TRAINING", flush=True)

    class Score(keras.callbacks.Callback):
        # Stamps the step count into the last bias and logs score = -step,
        # so every save of best.keras improves and the file tells which
        # value it was saved with.
        step = 0

        def on_train_batch_end(self, batch, logs=None):
            Score.step += 1
            self.model.layers[-1].bias.assign([float(Score.step)])
            logs["score"] = -float(Score.step)

    callbacks = [
        Started(),
        Score(),
        pykeras3.callback_model_checkpoint(
            os.path.join(folder, "best.keras"), monitor="score",
            save_freq=1, save_best_only=True, mode="min",
            save_on_background=background),
        pykeras3.callback_model_checkpoint(
            os.path.join(folder, "last.keras"), monitor="loss",
            save_freq=1, save_on_background=background),
        pykeras3.callback_model_checkpoint(
            os.path.join(folder, "w", "e{{epoch}}-b{{batch}}.weights.h5"),
            monitor="loss", save_freq=1, save_weights_only=True,
            max_to_keep=2, save_on_background=background),
    ]
    model.fit(x, y, batch_size=32, epochs=10000, verbose=0,
              callbacks=callbacks)
    print("FINISHED", flush=True)
""")


def big_model():
    return keras.Sequential([
        keras.Input((64,)),
        keras.layers.Dense(512, activation="relu"),
        keras.layers.Dense(512, activation="relu"),
        keras.layers.Dense(1)])


@pytest.mark.parametrize("background", [False, True],
                         ids=["sync", "background"])
def test_sigkill_at_random_moments_never_leaves_a_partial_checkpoint(
        tmp_path, background):
    assert big_model().count_params() > 250_000  # saves take tens of ms
    rng = random.Random(20240607)
    runs = 12
    mid_write = 0
    loaded = 0
    best_checked = 0
    for run in range(runs):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        proc = subprocess.Popen(
            [sys.executable, "-c", KILL_CHILD.format(
                folder=str(folder), background=background)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=child_env())
        try:
            line = proc.stdout.readline()
            assert line.strip() == "TRAINING", proc.stderr.read()[-3000:]
            # From the first complete best.keras on (however loaded the
            # machine is), kill at a random moment.
            deadline = time.monotonic() + 120
            while not os.path.exists(folder / "best.keras"):
                assert time.monotonic() < deadline, "no save in 2 minutes"
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 1.2))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL

        # A kill that landed mid-write leaves a staging entry holding the
        # unfinished file (named like its target), never the target.
        for root in staging_entries(folder):
            if any(not n.startswith(".") for entry in os.listdir(root)
                   for n in os.listdir(os.path.join(root, entry))):
                mid_write += 1
                break

        files = checkpoint_files(folder)
        for path in files:
            if path.endswith(".keras"):
                keras.models.load_model(path)
            else:
                assert path.endswith(".weights.h5"), path
                big_model().load_weights(path)
            loaded += 1
        # The weights folder: at most max_to_keep=2 files, plus perhaps
        # the one whose predecessor was not deleted yet when killed.
        assert len([f for f in files if f.endswith(".weights.h5")]) <= 3
        # State files are complete JSON.
        for root, _dirs, names in os.walk(folder):
            if STAGING in root:
                continue
            for name in names:
                if name.startswith(".") and STAGING not in name:
                    with open(os.path.join(root, name)) as f:
                        json.load(f)

        # No phantom best: the restored best is the value the file on disk
        # was saved with (never a value whose save was cut short).
        model = big_model()
        model.compile(optimizer="adam", loss="mse")
        best = pykeras3.callback_model_checkpoint(
            str(folder / "best.keras"), monitor="score", save_freq=1,
            save_best_only=True, mode="min", load_weights_on_restart=True)
        best.set_model(model)
        best.on_train_begin()
        if os.path.exists(folder / "best.keras"):
            stamped = float(keras.models.load_model(
                folder / "best.keras").layers[-1].bias.numpy()[0])
            assert best.best == -stamped, (run, best.best, stamped)
            best_checked += 1
        best.on_train_end()

        # A restart from whatever the kill left works, and after its
        # first save max_to_keep holds again (orphans included).
        for filepath, weights_only in (
                (folder / "last.keras", False),
                (folder / "w" / "e{epoch}-b{batch}.weights.h5", True)):
            cb = pykeras3.callback_model_checkpoint(
                str(filepath), monitor="loss", save_freq=1,
                save_weights_only=weights_only, load_weights_on_restart=True,
                max_to_keep=2 if weights_only else None)
            cb.set_model(model)
            cb.set_params({"epochs": 1000, "steps": 8, "verbose": 0})
            cb.on_train_begin()
            cb.on_epoch_begin(999)
            cb.on_train_batch_end(0, {"loss": 1.0})
            cb.on_train_end()
        weights = [f for f in checkpoint_files(folder)
                   if f.endswith(".weights.h5")]
        assert len(weights) <= 2, weights
        assert not staging_entries(folder)
        keras.backend.clear_session()

    assert loaded >= runs  # the kills came after saves had begun
    assert best_checked == runs
    assert mid_write >= 1, "no kill landed while a file was being written"


# ----------------------------------------------------------------------
# Resume in a new process

RESUME_CHILD = textwrap.dedent("""
    import hashlib
    import json
    import os
    import signal
    import numpy as np
    import keras
    import pykeras3

    folder = {folder!r}
    scripted = {scripted!r}      # epoch index -> val_loss
    die_after = {die_after!r}    # epoch index after which to SIGKILL
    restart = {restart!r}
    initial_epoch = {initial_epoch!r}
    background = {background!r}
    path = os.path.join(folder, "best.keras")

    def report(**kw):
        print("@@" + json.dumps(kw), flush=True)

    def digest():
        if not os.path.exists(path):
            return None
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    def kernel_sum(model):
        return float(sum(np.sum(w) for w in model.get_weights()))

    class Script(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            logs["val_loss"] = scripted[str(epoch)]

    class Probe(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            same = None
            if os.path.exists(path):
                saved = keras.models.load_model(path).get_weights()
                same = all(np.array_equal(a, b) for a, b in
                           zip(saved, self.model.get_weights()))
            report(event="begin", best=cb.best, best_epoch=cb.best_epoch,
                   best_filepath=cb.best_filepath, loaded_weights=same)

        def on_epoch_end(self, epoch, logs=None):
            cb.wait_until_finished()  # this epoch's file, in either mode
            report(event="epoch", epoch=epoch, digest=digest(),
                   weights=kernel_sum(self.model))
            if epoch == die_after:
                os.kill(os.getpid(), signal.SIGKILL)

        def on_train_end(self, logs=None):
            report(event="end")

    keras.utils.set_random_seed(initial_epoch)
    rng = np.random.default_rng(0)
    x = rng.random((32, 10), dtype=np.float32)
    y = (x.sum(axis=1, keepdims=True) > 5).astype("float32")
    model = pykeras3.keras_model_sequential(input_shape=10)
    model = pykeras3.layer_dense(model, units=1, activation="sigmoid")
    model = pykeras3.compile(model, optimizer="adam",
                             loss="binary_crossentropy")
    cb = pykeras3.callback_model_checkpoint(
        path, save_best_only=True, load_weights_on_restart=restart,
        save_on_background=background)
    pykeras3.fit(model, x, y, epochs=initial_epoch + len(scripted),
                 initial_epoch=initial_epoch, verbose=0,
                 callbacks=[Script(), cb, Probe()])
    report(event="final", weights=kernel_sum(model), digest=digest(),
           best=cb.best, best_epoch=cb.best_epoch)
""")


def resume_child(folder, scripted, *, initial_epoch=0, die_after=None,
                 restart=False, background=False):
    code = RESUME_CHILD.format(
        folder=str(folder), initial_epoch=initial_epoch, restart=restart,
        die_after=die_after, background=background,
        scripted={str(initial_epoch + i): v for i, v in enumerate(scripted)})
    return run_python(code, env={"PYTHONUNBUFFERED": "1"})


def weights_sum(path):
    model = keras.models.load_model(path)
    return float(sum(np.sum(w) for w in model.get_weights()))


@pytest.mark.parametrize("background", [False, True],
                         ids=["sync", "background"])
def test_resume_in_new_process_keeps_better_checkpoint(tmp_path, background):
    path = tmp_path / "best.keras"
    first = resume_child(tmp_path, [0.5, 0.3, 0.4, 0.1, 0.1], die_after=2,
                         background=background)
    assert first.returncode == -signal.SIGKILL, first.stderr[-3000:]
    events = reports(first.stdout)
    assert not [e for e in events if e["event"] in ("end", "final")]
    epochs = [e for e in events if e["event"] == "epoch"]
    assert [e["epoch"] for e in epochs] == [0, 1, 2]
    # The file holds the model of epoch index 1 (val_loss 0.3).
    assert weights_sum(path) == pytest.approx(epochs[1]["weights"],
                                              rel=1e-6)
    digest_03 = epochs[2]["digest"]

    second = resume_child(tmp_path, [0.35, 0.25], initial_epoch=3,
                          restart=True, background=background)
    assert second.returncode == 0, second.stderr[-3000:]
    events = reports(second.stdout)
    begin = next(e for e in events if e["event"] == "begin")
    assert begin["loaded_weights"] is True
    assert begin["best"] == pytest.approx(0.3)
    assert begin["best_epoch"] == 1
    assert begin["best_filepath"] == str(path)
    epochs = [e for e in events if e["event"] == "epoch"]
    assert [e["epoch"] for e in epochs] == [3, 4]
    assert epochs[0]["digest"] == digest_03      # 0.35: untouched
    assert epochs[1]["digest"] != digest_03      # 0.25: replaced
    final = next(e for e in events if e["event"] == "final")
    assert final["best"] == pytest.approx(0.25)
    assert final["best_epoch"] == 4
    assert weights_sum(path) == pytest.approx(epochs[1]["weights"],
                                              rel=1e-6)
    keras.models.load_model(path)


@pytest.mark.parametrize("background", [False, True],
                         ids=["sync", "background"])
def test_new_process_without_restart_starts_fresh(tmp_path, background):
    first = resume_child(tmp_path, [0.5, 0.3, 0.4], die_after=2,
                         background=background)
    assert first.returncode == -signal.SIGKILL, first.stderr[-3000:]
    digest_03 = reports(first.stdout)[-1]["digest"]
    second = resume_child(tmp_path, [0.35], initial_epoch=3,
                          background=background)
    assert second.returncode == 0, second.stderr[-3000:]
    events = reports(second.stdout)
    begin = next(e for e in events if e["event"] == "begin")
    assert begin["best"] is None and begin["loaded_weights"] is False
    epoch = next(e for e in events if e["event"] == "epoch")
    assert epoch["digest"] != digest_03  # a fresh start saves 0.35


PRUNE_CHILD = textwrap.dedent("""
    import json
    import os
    import signal
    import numpy as np
    import keras
    import pykeras3

    folder = {folder!r}
    scripted = {scripted!r}
    initial_epoch = {initial_epoch!r}
    die_after = {die_after!r}
    background = {background!r}

    class Script(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            logs["val_loss"] = scripted[str(epoch)]

    class Die(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if epoch == die_after:
                recent.wait_until_finished()  # this epoch's files, in
                best.wait_until_finished()    # either mode
                os.kill(os.getpid(), signal.SIGKILL)

    rng = np.random.default_rng(0)
    x = rng.random((32, 10), dtype=np.float32)
    y = (x.sum(axis=1, keepdims=True) > 5).astype("float32")
    model = pykeras3.keras_model_sequential(input_shape=10)
    model = pykeras3.layer_dense(model, units=1, activation="sigmoid")
    model = pykeras3.compile(model, optimizer="adam",
                             loss="binary_crossentropy")
    recent = pykeras3.callback_model_checkpoint(
        os.path.join(folder, "recent", "ep{{epoch:02d}}.keras"),
        max_to_keep=2, load_weights_on_restart=initial_epoch > 0,
        save_on_background=background)
    best = pykeras3.callback_model_checkpoint(
        os.path.join(folder, "best", "{{epoch:02d}}-{{val_loss:.2f}}.keras"),
        save_best_only=True, max_to_keep=2,
        load_weights_on_restart=initial_epoch > 0,
        save_on_background=background)
    pykeras3.fit(model, x, y, epochs=initial_epoch + len(scripted),
                 initial_epoch=initial_epoch, verbose=0,
                 callbacks=[Script(), recent, best, Die()])
    print("@@" + json.dumps(dict(recent=recent.filepaths,
                                 best=best.filepaths,
                                 best_filepath=best.best_filepath)))
""")


@pytest.mark.parametrize("background", [False, True],
                         ids=["sync", "background"])
def test_resume_in_new_process_goes_on_counting_max_to_keep(tmp_path,
                                                           background):
    for sub in ("recent", "best"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "notes.txt").write_text("not a checkpoint")
    (tmp_path / "recent" / "ep00.keras").write_bytes(b"the user's file")
    (tmp_path / "best" / "00-0.01.keras").write_bytes(b"the user's file")

    def child(scripted, initial_epoch, die_after):
        code = PRUNE_CHILD.format(
            folder=str(tmp_path), initial_epoch=initial_epoch,
            die_after=die_after, background=background,
            scripted={str(initial_epoch + i): v
                      for i, v in enumerate(scripted)})
        return run_python(code)

    def visible(sub):
        return sorted(n for n in os.listdir(tmp_path / sub)
                      if not n.startswith("."))

    first = child([0.5, 0.3, 0.4, 0.1], 0, die_after=2)
    assert first.returncode == -signal.SIGKILL, first.stderr[-3000:]
    assert visible("recent") == ["ep00.keras", "ep02.keras", "ep03.keras",
                                 "notes.txt"]
    assert visible("best") == ["00-0.01.keras", "01-0.50.keras",
                               "02-0.30.keras", "notes.txt"]
    second = child([0.35, 0.2, 0.25], 3, die_after=None)
    assert second.returncode == 0, second.stderr[-3000:]
    result = reports(second.stdout)[-1]

    assert visible("recent") == ["ep00.keras", "ep05.keras", "ep06.keras",
                                 "notes.txt"]
    assert result["recent"] == [str(tmp_path / "recent" / f"ep0{e}.keras")
                                for e in (5, 6)]
    # Best-only: run 1 saved 0.50 and 0.30; run 2 saved only 0.20.
    assert visible("best") == ["00-0.01.keras", "02-0.30.keras",
                               "05-0.20.keras", "notes.txt"]
    assert result["best_filepath"] == str(tmp_path / "best" /
                                          "05-0.20.keras")
    for sub in ("recent", "best"):
        assert (tmp_path / sub / "notes.txt").read_text() == \
            "not a checkpoint"
    assert (tmp_path / "recent" / "ep00.keras").read_bytes() == \
        b"the user's file"


# ----------------------------------------------------------------------
# Data-parallel training on two CPU devices: tf.distribute.MirroredStrategy
# on two logical CPU devices with TensorFlow, keras.distribution's
# DataParallel on two host devices with JAX.

MIRRORED_SETUP = textwrap.dedent("""
    import contextlib
    import json
    import os
    import tensorflow as tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(),
              tf.config.LogicalDeviceConfiguration()])

    import numpy as np
    import keras
    import pykeras3

    keras.utils.set_random_seed(0)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    scope, replicas = strategy.scope, strategy.num_replicas_in_sync
""")

# XLA_FLAGS (set by the test) gives JAX two host devices.
DATA_PARALLEL_SETUP = textwrap.dedent("""
    import contextlib
    import json
    import os

    import jax
    import numpy as np
    import keras
    import pykeras3

    keras.utils.set_random_seed(0)
    devices = jax.devices("cpu")
    keras.distribution.set_distribution(
        keras.distribution.DataParallel(devices=devices))
    scope, replicas = contextlib.nullcontext, len(devices)
""")

DISTRIBUTED_CHILD = textwrap.dedent("""
    folder = {folder!r}
    with scope():
        model = pykeras3.keras_model_sequential(input_shape=10)
        model = pykeras3.layer_dense(model, units=8, activation="relu")
        model = pykeras3.layer_dense(model, units=1)
        model = pykeras3.compile(model, optimizer="adam", loss="mse")
    rng = np.random.default_rng(0)
    x = rng.random((64, 10), dtype=np.float32)
    y = x.sum(axis=1, keepdims=True)
    per_epoch = pykeras3.callback_model_checkpoint(
        os.path.join(folder, "ep{{epoch}}.keras"), monitor="loss",
        verbose=1)
    per_batch = pykeras3.callback_model_checkpoint(
        os.path.join(folder, "batches", "e{{epoch}}-b{{batch}}.weights.h5"),
        monitor="loss", save_freq=2, save_weights_only=True, verbose=1)
    best = pykeras3.callback_model_checkpoint(
        os.path.join(folder, "best.keras"), monitor="val_loss",
        save_best_only=True, verbose=1)
    h = pykeras3.fit(model, x, y, batch_size=16, epochs=3, verbose=0,
                     validation_data=(x, y), shuffle=False,
                     callbacks=[per_epoch, per_batch, best])
    trained = model.predict(x, verbose=0)
    restored = keras.models.load_model(per_epoch.last_filepath)
    from_model = restored.predict(x, verbose=0)
    plain = pykeras3.keras_model_sequential(input_shape=10)
    plain = pykeras3.layer_dense(plain, units=8, activation="relu")
    plain = pykeras3.layer_dense(plain, units=1)
    plain.load_weights(per_batch.last_filepath)
    from_weights = plain.predict(x, verbose=0)
    print("@@" + json.dumps(dict(
        replicas=replicas,
        steps=h.params.get("steps"),
        epoch_files=per_epoch.filepaths,
        batch_files=per_batch.filepaths,
        best_epoch=best.best_epoch,
        val_loss=h.metrics["val_loss"],
        model_diff=float(np.max(np.abs(from_model - trained))),
        weights_diff=float(np.max(np.abs(from_weights - trained))),
        spread=float(np.std(trained)))), flush=True)
""")


@pytest.mark.skipif(keras.config.backend() not in ("tensorflow", "jax"),
                    reason="data-parallel training is tested with the "
                           "TensorFlow and JAX backends")
def test_data_parallel_training_saves_once_per_save_point(tmp_path):
    env = {"PYTHONUNBUFFERED": "1"}
    if keras.config.backend() == "tensorflow":
        setup = MIRRORED_SETUP
    else:
        setup = DATA_PARALLEL_SETUP
        env["XLA_FLAGS"] = " ".join(
            [os.environ.get("XLA_FLAGS", ""),
             "--xla_force_host_platform_device_count=2"]).strip()
    result = run_python(setup + DISTRIBUTED_CHILD.format(
        folder=str(tmp_path)), env=env)
    assert result.returncode == 0, result.stderr[-4000:]
    info = reports(result.stdout)[-1]
    assert info["replicas"] == 2
    lines = result.stdout.splitlines()
    epoch_lines = [line for line in lines if re.fullmatch(
        r"Epoch \d+: saving model to " + re.escape(
            os.path.join(str(tmp_path), "ep")) + r"\d+\.keras", line)]
    batch_lines = [line for line in lines if "saving model to" in line
                   and line.endswith(".weights.h5")]
    # 64 samples, global batch 16: 4 steps an epoch, 3 epochs.
    steps = info["steps"]
    assert steps == 4
    assert len(epoch_lines) == 3
    assert len(batch_lines) == 3 * steps // 2
    assert len(info["epoch_files"]) == 3
    assert len(info["batch_files"]) == 3 * steps // 2
    improvements = sum(
        1 for i, v in enumerate(info["val_loss"])
        if v < min(info["val_loss"][:i], default=float("inf")))
    best_lines = [line for line in lines if "improved from" in line]
    assert len(best_lines) == improvements
    # The saved model predicts what the trained one does.
    assert info["spread"] > 0
    assert info["model_diff"] <= 1e-5
    assert info["weights_diff"] <= 1e-5
    assert not staging_entries(tmp_path)
