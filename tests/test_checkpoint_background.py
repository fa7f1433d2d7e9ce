"""`callback_model_checkpoint(save_on_background=...)`: what is particular
to writing checkpoints on a background thread.

The whole specification of the callback also runs in background mode
(test_callback_model_checkpoint.py runs every test in both modes), and the
SIGKILL tests of test_checkpoint_processes.py and test_file_safety.py kill
background writers too.  Here: the snapshot is taken at the save point,
the callback's attributes and state see only completed files, one write at
a time, errors raised later but never lost, and the interpreter's exit
waiting for the last write.

To hold a write in flight, some tests wrap pykeras3's own
`Snapshot.write` (never Keras) so that it waits for an event.
"""

import json
import os
import threading
import time

import keras
import numpy as np
import pytest

import pykeras3
from checkpoint_helpers import visible
from conftest import run_python, tiny_model
from pykeras3.checkpoint import background as _background


def ckpt(filepath, **kwargs):
    kwargs.setdefault("save_on_background", True)
    return pykeras3.callback_model_checkpoint(str(filepath), **kwargs)


def start(cb, model, epochs=10):
    if not model.optimizer.built:
        model.optimizer.build(model.trainable_variables)
    cb.set_model(model)
    cb.set_params({"epochs": epochs, "steps": 1, "verbose": 0})
    cb.on_train_begin()


def fill(model, value):
    model.set_weights([np.full_like(w, value) for w in model.get_weights()])


@pytest.fixture
def held(monkeypatch):
    """While `held.clear()` is in effect, background writes wait before
    writing their file; `held.set()` lets them go."""
    gate = threading.Event()
    gate.set()
    entered = threading.Event()
    real = _background.Snapshot.write

    def write(self, path):
        entered.set()
        assert gate.wait(30), "the test never released the write"
        return real(self, path)

    monkeypatch.setattr(_background.Snapshot, "write", write)
    gate.entered = entered
    yield gate
    gate.set()


# ----------------------------------------------------------------------
# The argument

def test_default_is_background():
    cb = pykeras3.callback_model_checkpoint("m.keras")
    assert cb.save_on_background is True


@pytest.mark.parametrize("value", [None, 1, "yes", "auto", [True]])
def test_bad_values_are_refused_at_construction(value):
    with pytest.raises(ValueError, match=r"save_on_background") as info:
        pykeras3.callback_model_checkpoint("m.keras",
                                           save_on_background=value)
    assert repr(value) in str(info.value)
    assert "'skip'" in str(info.value)


@pytest.mark.parametrize("value", [False, True, np.bool_(True), "skip"])
def test_accepted_values(value):
    cb = pykeras3.callback_model_checkpoint("m.keras",
                                            save_on_background=value)
    assert cb.save_on_background == (value if value == "skip"
                                     else bool(value))


# ----------------------------------------------------------------------
# The snapshot is the model at the save point

def test_the_file_holds_the_weights_of_the_save_point(tmp_path, held):
    model = tiny_model()
    path = tmp_path / "m.keras"
    cb = ckpt(path, monitor="loss")
    start(cb, model)
    fill(model, 1.0)
    held.clear()
    cb.on_epoch_end(0, {"loss": 0.5})
    fill(model, 2.0)  # training goes on while the file is written
    held.set()
    cb.wait_until_finished()
    saved = keras.models.load_model(path, compile=False).get_weights()
    assert all(np.all(w == 1.0) for w in saved)


@pytest.mark.parametrize("name", ["m.keras", "m.weights.h5"])
def test_background_file_loads_like_a_keras_save(tmp_path, name):
    model = tiny_model()
    x = np.random.default_rng(0).random((16, 10), dtype=np.float32)
    model.fit(x, x[:, :1], epochs=2, verbose=0)
    cb = ckpt(tmp_path / name, monitor="loss",
              save_weights_only=name.endswith(".weights.h5"))
    start(cb, model)
    cb.on_epoch_end(0, {"loss": 0.5})
    cb.on_train_end()
    if name.endswith(".keras"):
        model.save(tmp_path / "keras.keras")
        ours = keras.models.load_model(tmp_path / name)
        theirs = keras.models.load_model(tmp_path / "keras.keras")
        assert ours.get_config() == theirs.get_config()
    else:
        ours, theirs = tiny_model(), tiny_model()
        for m in (ours, theirs):
            m.optimizer.build(m.trainable_variables)
        model.save_weights(tmp_path / "keras.weights.h5")
        ours.load_weights(tmp_path / name)
        theirs.load_weights(tmp_path / "keras.weights.h5")
    for a, b in zip(ours.weights + ours.optimizer.variables,
                    theirs.weights + theirs.optimizer.variables):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    assert int(np.asarray(ours.optimizer.iterations)) == 2


def test_a_model_with_assets_round_trips(tmp_path):
    lookup = keras.layers.StringLookup(vocabulary=["cat", "dog", "fish"])
    inputs = keras.Input((1,), dtype="string")
    model = keras.Model(inputs, keras.layers.Dense(1)(
        keras.ops.cast(lookup(inputs), "float32")))
    model.compile(optimizer="sgd", loss="mse")
    cb = ckpt(tmp_path / "m.keras", monitor="loss")
    start(cb, model)
    cb.on_epoch_end(0, {"loss": 0.5})
    cb.on_train_end()
    loaded = keras.models.load_model(tmp_path / "m.keras")
    layer = next(l for l in loaded.layers
                 if isinstance(l, keras.layers.StringLookup))
    assert layer.get_vocabulary() == ["[UNK]", "cat", "dog", "fish"]


# ----------------------------------------------------------------------
# Only completed files are seen

def test_attributes_and_state_see_only_completed_files(tmp_path, held):
    model = tiny_model()
    template = tmp_path / "ep{epoch}.keras"
    cb = ckpt(template, save_best_only=True, max_to_keep=1)
    start(cb, model)
    cb.on_epoch_end(0, {"val_loss": 0.5})
    cb.wait_until_finished()
    first = str(tmp_path / "ep1.keras")
    state_before = open(cb.state_filepath).read()
    held.clear()
    cb.on_epoch_end(1, {"val_loss": 0.3})
    assert held.entered.wait(30)
    # The write of epoch 2 is in flight: nothing claims it yet.
    assert (cb.best, cb.best_filepath, cb.filepaths) == (0.5, first, [first])
    assert cb.get_state()["best"] == 0.5
    assert open(cb.state_filepath).read() == state_before
    assert visible(tmp_path) == ["ep1.keras"]   # not pruned yet either
    held.set()
    cb.wait_until_finished()
    second = str(tmp_path / "ep2.keras")
    assert (cb.best, cb.best_filepath, cb.filepaths) == (0.3, second,
                                                         [second])
    assert visible(tmp_path) == ["ep2.keras"]
    cb.on_train_end()
    assert json.loads(open(cb.state_filepath).read())["best"] == 0.3


def test_a_save_point_waits_for_the_write_in_flight(tmp_path, held):
    model = tiny_model()
    cb = ckpt(tmp_path / "ep{epoch}.keras", monitor="loss")
    start(cb, model)
    held.clear()
    cb.on_epoch_end(0, {"loss": 0.5})
    assert held.entered.wait(30)
    second = threading.Thread(target=cb.on_epoch_end,
                              args=(1, {"loss": 0.4}))
    second.start()
    time.sleep(0.3)
    assert second.is_alive()    # waiting: at most one write in flight
    assert visible(tmp_path) == []
    held.set()
    second.join(30)
    assert not second.is_alive()
    cb.on_train_end()
    assert visible(tmp_path) == ["ep1.keras", "ep2.keras"]


def test_skip_mode_skips_a_save_point_while_a_write_runs(tmp_path, held,
                                                         capsys):
    model = tiny_model()
    cb = ckpt(tmp_path / "ep{epoch}.keras", monitor="loss",
              save_on_background="skip", verbose=1)
    start(cb, model)
    held.clear()
    cb.on_epoch_end(0, {"loss": 0.5})
    assert held.entered.wait(30)
    cb.on_epoch_end(1, {"loss": 0.4})       # returns at once: skipped
    assert "skipping this save point" in capsys.readouterr().out
    held.set()
    cb.wait_until_finished()
    cb.on_epoch_end(2, {"loss": 0.3})
    cb.on_train_end()
    assert visible(tmp_path) == ["ep1.keras", "ep3.keras"]
    assert cb.filepaths == [str(tmp_path / "ep1.keras"),
                            str(tmp_path / "ep3.keras")]


# ----------------------------------------------------------------------
# Errors are raised later, never lost

def blocked_template(tmp_path):
    """A template whose epoch-2 file cannot be written: its folder's name
    is taken by a regular file (a real OS error, in the writer)."""
    (tmp_path / "2").write_text("in the way")
    return tmp_path / "{epoch}" / "m.keras"


def test_a_write_error_is_raised_at_the_next_hook(tmp_path):
    model = tiny_model()
    cb = ckpt(blocked_template(tmp_path), monitor="loss")
    start(cb, model)
    cb.on_epoch_end(0, {"loss": 0.5})
    cb.on_epoch_end(1, {"loss": 0.4})       # submitted; fails in the writer
    cb._writer._thread.join()
    with pytest.raises(OSError) as info:
        cb.on_epoch_end(2, {"loss": 0.3})
    assert "m.keras" in str(info.value)
    assert any("background write" in n
               for n in getattr(info.value, "__notes__", []))
    # Raised once; the failed save changed nothing.
    assert cb.last_filepath == str(tmp_path / "1" / "m.keras")
    cb.on_train_end()


def test_a_write_error_is_raised_by_fit(tmp_path):
    x = np.random.default_rng(0).random((16, 10), dtype=np.float32)
    model = tiny_model()
    cb = ckpt(blocked_template(tmp_path), monitor="loss")
    with pytest.raises(OSError, match="m.keras"):
        pykeras3.fit(model, x, x[:, :1], epochs=2, verbose=0,
                     callbacks=[cb])
    assert os.path.exists(tmp_path / "1" / "m.keras")


def test_fit_returns_after_the_last_write(tmp_path):
    x = np.random.default_rng(0).random((16, 10), dtype=np.float32)
    cb = ckpt(tmp_path / "ep{epoch}.weights.h5", monitor="loss",
              save_weights_only=True)
    pykeras3.fit(tiny_model(), x, x[:, :1], epochs=3, verbose=0,
                 callbacks=[cb])
    assert not cb._writer.busy
    assert visible(tmp_path) == ["ep1.weights.h5", "ep2.weights.h5",
                                 "ep3.weights.h5"]
    assert cb.last_filepath == str(tmp_path / "ep3.weights.h5")


EXIT_CHILD = """
import os, sys
import numpy as np
import keras
import pykeras3

model = keras.Sequential([keras.Input((256,)), keras.layers.Dense(2048),
                          keras.layers.Dense(2048), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.optimizer.build(model.trainable_variables)
cb = pykeras3.callback_model_checkpoint({path!r}, monitor="loss")
cb.set_model(model)
cb.on_train_begin()
cb.on_epoch_end(0, {{"loss": 0.5}})
print("BUSY", cb._writer.busy, flush=True)
sys.exit(0)   # no on_train_end: the interpreter's exit must wait
"""


@pytest.mark.slow
def test_the_interpreters_exit_waits_for_the_last_write(tmp_path):
    path = tmp_path / "m.keras"
    result = run_python(EXIT_CHILD.format(path=str(path)))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "BUSY True" in result.stdout   # it was still writing at exit
    model = keras.models.load_model(path)
    assert model.count_params() > 4_000_000
    resumed = pykeras3.callback_model_checkpoint(
        str(path), monitor="loss", load_weights_on_restart=True)
    resumed.set_model(model)
    resumed.on_train_begin()
    assert resumed.last_filepath == str(path)
    assert resumed.get_state()["last_epoch"] == 0
    resumed.on_train_end()
    assert not any(n.startswith(".pykeras3-staging")
                   for n in os.listdir(tmp_path))


def test_large_arrays_copied_in_pieces_and_reused_hold_each_save(tmp_path):
    # Arrays over 8 MiB are copied in pieces on a thread pool, into the
    # arrays of the previous (written) snapshot: each file must still
    # hold exactly the weights of its own save point.
    model = keras.Sequential([keras.Input((1100,)),
                              keras.layers.Dense(2100)])
    model.compile(optimizer="adam", loss="mse")
    assert model.layers[0].kernel.numpy().nbytes > 8 << 20
    cb = ckpt(tmp_path / "ep{epoch}.weights.h5", monitor="loss",
              save_weights_only=True)
    start(cb, model)
    for epoch in range(3):
        rng = np.random.default_rng(epoch)
        model.set_weights([rng.random(w.shape, dtype=np.float32)
                           for w in model.get_weights()])
        cb.on_epoch_end(epoch, {"loss": 0.5})
        fill(model, -1.0)           # while the write runs
    cb.wait_until_finished()
    assert cb._spare                # the last snapshot's arrays, kept...
    cb.on_train_end()
    assert not cb._spare            # ...until training ends
    for epoch in range(3):
        rng = np.random.default_rng(epoch)
        expected = [rng.random(w.shape, dtype=np.float32)
                    for w in model.get_weights()]
        loaded = keras.Sequential([keras.Input((1100,)),
                                   keras.layers.Dense(2100)])
        loaded.load_weights(tmp_path / f"ep{epoch + 1}.weights.h5")
        for a, b in zip(loaded.get_weights(), expected):
            np.testing.assert_array_equal(a, b)


LOST_ERROR_CHILD = """
import os
import numpy as np
import keras
import pykeras3

folder = {folder!r}
open(os.path.join(folder, "2"), "w").close()   # epoch 2's folder is a file
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
cb = pykeras3.callback_model_checkpoint(
    os.path.join(folder, "{{epoch}}", "m.keras"), monitor="loss")
cb.set_model(model)
cb.on_train_begin()
cb.on_epoch_end(0, {{"loss": 0.5}})
cb.on_epoch_end(1, {{"loss": 0.4}})   # its write fails in the writer
raise SystemExit(0)   # training stops: no hook is left to raise it
"""


@pytest.mark.slow
def test_an_error_no_hook_could_raise_is_reported_at_exit(tmp_path):
    result = run_python(LOST_ERROR_CHILD.format(folder=str(tmp_path)))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "background write of" in result.stderr
    assert "m.keras" in result.stderr
    assert os.path.exists(tmp_path / "1" / "m.keras")
