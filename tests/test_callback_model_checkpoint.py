"""Fast tests of `callback_model_checkpoint()` against its specification.

Most tests drive the callback's hooks with hand-made logs on a real (tiny)
Keras model, so the monitored values are exact and real files are written.
Before each epoch end, `drive()` sets every weight of the model to the
1-based epoch number, so a saved file tells which epoch it came from.
Integration points (fit, model.fit, batch counting, steps_per_execution,
templates filled from real logs) use real `fit()` runs.

The subprocess tests (SIGKILL, two-process resume, MirroredStrategy) are in
test_checkpoint_processes.py.
"""

import inspect
import json
import math
import os
import pathlib
import re
import shutil
import warnings

import keras
import numpy as np
import pytest

import pykeras3
from checkpoint_helpers import ckpt, drive, saved_epoch, visible
from conftest import tiny_model
from pykeras3.checkpoint import CheckpointWarning

STAGING = ".pykeras3-staging"


@pytest.fixture(autouse=True, params=[False, True],
                ids=["sync", "background"])
def saving_mode(request, monkeypatch):
    """Every test here runs with `ckpt()` saving on the training thread
    and again saving in the background: the specification is the same."""
    import checkpoint_helpers
    monkeypatch.setattr(checkpoint_helpers, "BACKGROUND", request.param)
    return request.param


# ----------------------------------------------------------------------
# Helpers

def frozen_model():
    """A tiny model whose training does not change its weights."""
    return tiny_model(optimizer=keras.optimizers.SGD(learning_rate=0.0))


def staging_leftovers(folder):
    return [n for n in os.listdir(folder) if STAGING in n]


def fit_data(n=32, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, 10), dtype=np.float32)
    y = (x.sum(axis=1, keepdims=True) > 5).astype("float32")
    return x, y


class Flaky(keras.layers.Layer):
    """A real layer whose weights cannot be saved while `fail` is set."""

    fail = False

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],),
                                     initializer="ones")

    def call(self, x):
        return x * self.scale

    def save_own_variables(self, store):
        if Flaky.fail:
            raise RuntimeError("simulated failure half-way through a save")
        super().save_own_variables(store)


@pytest.fixture
def flaky_model():
    Flaky.fail = False
    model = keras.Sequential([keras.Input((10,)), Flaky(),
                              keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    yield model
    Flaky.fail = False


# ----------------------------------------------------------------------
# The function and the class

def test_signature_matches_spec():
    sig = inspect.signature(pykeras3.callback_model_checkpoint)
    expected = [
        ("filepath", inspect.Parameter.empty, "pos"),
        ("monitor", "val_loss", "pos"),
        ("verbose", 0, "pos"),
        ("save_best_only", False, "pos"),
        ("save_weights_only", False, "pos"),
        ("mode", "auto", "pos"),
        ("save_freq", "epoch", "pos"),
        ("initial_value_threshold", None, "pos"),
        ("max_to_keep", None, "kw"),
        ("load_weights_on_restart", False, "kw"),
        ("options", None, "kw"),
        ("period", None, "kw"),
        ("save_on_background", True, "kw"),
    ]
    params = list(sig.parameters.values())
    assert [p.name for p in params] == [e[0] for e in expected]
    for param, (name, default, kind) in zip(params, expected):
        assert param.default == default, name
        wanted = (inspect.Parameter.KEYWORD_ONLY if kind == "kw" else
                  inspect.Parameter.POSITIONAL_OR_KEYWORD)
        assert param.kind == wanted, name


def test_is_own_keras_callback_not_a_keras_model_checkpoint(tmp_path):
    cb = ckpt(tmp_path / "m.keras")
    assert isinstance(cb, keras.callbacks.Callback)
    assert not isinstance(cb, keras.callbacks.ModelCheckpoint)
    assert type(cb).__module__ == "pykeras3.checkpoint"
    assert type(cb).__name__ == "ModelCheckpoint"


def test_keras_positional_arguments_keep_their_meaning(tmp_path):
    # The argument order of keras.callbacks.ModelCheckpoint.
    cb = pykeras3.callback_model_checkpoint(
        str(tmp_path / "{epoch}.weights.h5"), "loss", 0, True, True, "max",
        "epoch", 0.5)
    drive(cb, tiny_model(), [0.4, 0.6, 0.55, 0.7], monitor="loss")
    # mode max, threshold 0.5, best only, weights only.
    assert visible(tmp_path) == ["2.weights.h5", "4.weights.h5"]
    assert saved_epoch(tmp_path / "4.weights.h5") == 4


def test_accepts_pathlib_path(tmp_path):
    cb = pykeras3.callback_model_checkpoint(tmp_path / "m.keras")
    drive(cb, tiny_model(), [0.3])
    assert saved_epoch(tmp_path / "m.keras") == 1


HOOKS = {
    "on_batch_begin": ["batch", "logs"],
    "on_batch_end": ["batch", "logs"],
    "on_train_batch_begin": ["batch", "logs"],
    "on_train_batch_end": ["batch", "logs"],
    "on_test_batch_begin": ["batch", "logs"],
    "on_test_batch_end": ["batch", "logs"],
    "on_predict_batch_begin": ["batch", "logs"],
    "on_predict_batch_end": ["batch", "logs"],
    "on_epoch_begin": ["epoch", "logs"],
    "on_epoch_end": ["epoch", "logs"],
    "on_train_begin": ["logs"],
    "on_train_end": ["logs"],
    "on_test_begin": ["logs"],
    "on_test_end": ["logs"],
    "on_predict_begin": ["logs"],
    "on_predict_end": ["logs"],
    "set_model": ["model"],
    "set_params": ["params"],
}


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_has_its_documented_signature(tmp_path, hook):
    cb = ckpt(tmp_path / "m.keras")
    params = inspect.signature(getattr(cb, hook)).parameters
    assert list(params) == HOOKS[hook]
    if "logs" in params:
        assert params["logs"].default is None


def test_test_and_predict_hooks_run_and_save_nothing(tmp_path, model):
    cb = ckpt(tmp_path / "m.keras", save_freq=1)
    cb.set_model(model)
    cb.set_params({"epochs": 1, "steps": 2, "verbose": 0})
    for stage in ("test", "predict"):
        getattr(cb, f"on_{stage}_begin")()
        getattr(cb, f"on_{stage}_batch_begin")(0)
        getattr(cb, f"on_{stage}_batch_end")(0, {"loss": 0.1})
        getattr(cb, f"on_{stage}_end")({"loss": 0.1})
    assert os.listdir(tmp_path) == []


def test_batch_hook_aliases_act_like_train_batch_hooks(tmp_path, model):
    cb = ckpt(tmp_path / "b{batch}.keras", save_freq=1)
    cb.set_model(model)
    cb.set_params({"epochs": 1, "steps": 2, "verbose": 0})
    cb.on_train_begin()
    cb.on_epoch_begin(0)
    cb.on_batch_begin(0)
    cb.on_batch_end(0, {"loss": 0.5})
    cb.on_batch_begin(1)
    cb.on_batch_end(1, {"loss": 0.4})
    cb.wait_until_finished()
    assert visible(tmp_path) == ["b1.keras", "b2.keras"]


# ----------------------------------------------------------------------
# Working inside fit

def test_saves_every_epoch_in_pykeras3_fit(tmp_path, model, data):
    x, y = data
    cb = ckpt(tmp_path / "ep{epoch:02d}.keras")
    h = pykeras3.fit(model, x, y, epochs=3, batch_size=16, verbose=0,
                     callbacks=[cb])
    assert visible(tmp_path) == ["ep01.keras", "ep02.keras", "ep03.keras"]
    restored = keras.models.load_model(tmp_path / "ep03.keras")
    np.testing.assert_allclose(restored.predict(x, verbose=0),
                               h.model.predict(x, verbose=0), rtol=1e-6)
    assert staging_leftovers(tmp_path) == []


def test_works_in_plain_model_fit(tmp_path, data):
    x, y = data
    model = keras.Sequential([keras.Input((10,)),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    cb = ckpt(tmp_path / "w.weights.h5", save_weights_only=True)
    model.fit(x, y, epochs=2, batch_size=16, verbose=0, callbacks=[cb])
    fresh = keras.Sequential([keras.Input((10,)),
                              keras.layers.Dense(1, activation="sigmoid")])
    fresh.load_weights(tmp_path / "w.weights.h5")
    for a, b in zip(fresh.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert cb.last_filepath == str(tmp_path / "w.weights.h5")


def test_epoch_placeholder_is_one_based_and_follows_initial_epoch(
        tmp_path, model, data):
    x, y = data
    cb = ckpt(tmp_path / "ep{epoch}.keras")
    h = pykeras3.fit(model, x, y, epochs=4, initial_epoch=2, verbose=0,
                     callbacks=[cb])
    assert visible(tmp_path) == [f"ep{e + 1}.keras" for e in h.epoch]


def test_template_is_filled_from_real_logs(tmp_path, model, data, capsys):
    x, y = data
    template = str(tmp_path / "{epoch:02d}-{val_loss:.3f}-{accuracy:.2f}"
                              ".keras")
    cb = ckpt(template, verbose=1)
    h = pykeras3.fit(model, x, y, epochs=2, verbose=0, callbacks=[cb],
                     validation_data=(x, y))
    expected = [template.format(epoch=e + 1,
                                val_loss=h.metrics["val_loss"][i],
                                accuracy=h.metrics["accuracy"][i])
                for i, e in enumerate(h.epoch)]
    for path in expected:
        assert os.path.isfile(path)
    assert cb.filepaths == expected
    out = capsys.readouterr().out.splitlines()
    for e, path in zip(h.epoch, expected):
        assert f"Epoch {e + 1}: saving model to {path}" in out


def test_missing_directories_are_created(tmp_path, model):
    target = tmp_path / "a" / "b" / "run{epoch}" / "m.keras"
    cb = ckpt(target)
    drive(cb, model, [0.5, 0.4])
    assert saved_epoch(tmp_path / "a" / "b" / "run1" / "m.keras") == 1
    assert saved_epoch(tmp_path / "a" / "b" / "run2" / "m.keras") == 2


def test_missing_placeholder_raises_at_save_with_keys_and_suggestion(
        tmp_path, model, data):
    x, y = data
    # Constructing is fine: the logs are only known when saving.
    cb = ckpt(tmp_path / "{epoch:02d}-{val_acc:.2f}.keras")
    with pytest.raises(ValueError, match="val_acc") as err:
        pykeras3.fit(model, x, y, epochs=1, verbose=0, callbacks=[cb],
                     validation_data=(x, y))
    message = str(err.value)
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        assert re.search(rf"\b{key}\b", message), key
    assert re.search(
        r"(?i)(did you mean|closest|perhaps|maybe)\W+val_accuracy\b", message)
    assert visible(tmp_path) == []


def test_missing_placeholder_in_hooks_suggests_closest_key(tmp_path, model):
    cb = ckpt(tmp_path / "{val_los:.2f}.keras")
    with pytest.raises(ValueError,
                       match=r"(?i)did you mean\W+val_loss\b"):
        drive(cb, model, [0.5])


# ----------------------------------------------------------------------
# Suffixes

@pytest.mark.parametrize("filepath, weights_only, suggestion", [
    ("ckpt.h5", False, "ckpt.keras"),
    ("ckpt.hdf5", False, "ckpt.keras"),
    ("ckpt", False, "ckpt.keras"),
    ("{epoch:02d}-{val_loss:.2f}.h5", False, "{epoch:02d}-{val_loss:.2f}.keras"),
    ("ckpt.keras", True, "ckpt.weights.h5"),
    ("ckpt.h5", True, "ckpt.weights.h5"),
])
def test_wrong_suffix_is_refused_with_suggestion(filepath, weights_only,
                                                 suggestion):
    expected = (f"Received: filepath='{filepath}'. "
                f"Did you mean '{suggestion}'?")
    with pytest.raises(ValueError, match=re.escape(expected)):
        pykeras3.callback_model_checkpoint(
            filepath, save_weights_only=weights_only)


def test_whole_model_is_saved_as_keras_archive(tmp_path, model, data):
    x, y = data
    cb = ckpt(tmp_path / "m.keras")
    pykeras3.fit(model, x, y, epochs=1, verbose=0, callbacks=[cb])
    restored = pykeras3.load_model(str(tmp_path / "m.keras"))
    assert restored.optimizer is not None
    np.testing.assert_allclose(restored.predict(x, verbose=0),
                               model.predict(x, verbose=0), rtol=1e-6)


# ----------------------------------------------------------------------
# mode

@pytest.mark.parametrize("mode", ["minimum", "MAX", "", None, 1])
def test_invalid_mode_is_refused_at_construction(tmp_path, mode):
    with pytest.raises(ValueError, match="mode"):
        ckpt(tmp_path / "m.keras", mode=mode)


def best_after(tmp_path, model, monitor, mode="auto"):
    """Best-only saving over values 0.5, 0.4, 0.6: the best is 0.6 when
    the direction is max and 0.4 when it is min."""
    cb = ckpt(tmp_path / "m.keras", monitor=monitor, mode=mode,
              save_best_only=True)
    drive(cb, model, [0.5, 0.4, 0.6], monitor=monitor)
    return cb.best


@pytest.mark.parametrize("monitor, direction", [
    ("val_loss", "min"),
    ("loss", "min"),
    ("val_accuracy", "max"),
    ("acc", "max"),
    ("val_my_acc_metric", "max"),
    ("fmeasure", "max"),
    ("fmeasure_macro", "max"),
    ("val_mean_absolute_error", "min"),
    ("val_custom_score", "min"),
])
def test_auto_mode_by_name(tmp_path, model, monitor, direction):
    best = best_after(tmp_path, model, monitor)
    assert best == (0.6 if direction == "max" else 0.4)


@pytest.mark.parametrize("metric, monitor, direction", [
    (lambda: keras.metrics.AUC(), "val_auc", "max"),
    (lambda: keras.metrics.Precision(), "val_precision", "max"),
    (lambda: keras.metrics.Recall(), "recall", "max"),
    # The metric's own direction wins over its name.
    (lambda: keras.metrics.AUC(name="score"), "val_score", "max"),
    (lambda: keras.metrics.MeanSquaredError(name="acc_err"), "val_acc_err",
     "min"),
])
def test_auto_mode_uses_the_metrics_own_direction(tmp_path, data, metric,
                                                  monitor, direction):
    x, y = data
    model = tiny_model(metrics=[metric()])
    # A short fit builds the compiled metrics, as they are during training.
    model.fit(x, y, epochs=1, verbose=0, validation_data=(x, y))
    best = best_after(tmp_path, model, monitor)
    assert best == (0.6 if direction == "max" else 0.4)


@pytest.mark.parametrize("monitor, mode, expected", [
    ("val_accuracy", "min", 0.4),
    ("val_loss", "max", 0.6),
    ("val_loss", "min", 0.4),
    ("val_accuracy", "max", 0.6),
])
def test_explicit_mode_overrides_auto(tmp_path, model, monitor, mode,
                                      expected):
    assert best_after(tmp_path, model, monitor, mode) == expected


# ----------------------------------------------------------------------
# Same decisions as keras.callbacks.ModelCheckpoint

@pytest.mark.parametrize("kwargs, monitor, values", [
    (dict(save_best_only=True), "val_loss", [0.5, 0.3, 0.4, 0.3, 0.2]),
    (dict(save_best_only=True, mode="max"), "val_accuracy",
     [0.5, 0.7, 0.6, 0.9, 0.9]),
    (dict(save_best_only=True, mode="max"), "val_loss", [0.5, 0.3, 0.6]),
    (dict(save_best_only=True, initial_value_threshold=0.4), "val_loss",
     [0.5, 0.45, 0.3, 0.35, 0.1]),
    (dict(save_best_only=True, mode="max", initial_value_threshold=0.8),
     "val_accuracy", [0.7, 0.85, 0.8, 0.9]),
    (dict(), "val_loss", [0.5, 0.6, 0.7]),
])
def test_saves_the_same_epochs_as_keras_model_checkpoint(
        tmp_path, model, kwargs, monitor, values):
    ours, theirs = tmp_path / "ours", tmp_path / "keras"
    drive(ckpt(ours / "{epoch:02d}.keras", monitor=monitor, **kwargs),
          model, values, monitor=monitor)
    theirs.mkdir()
    drive(keras.callbacks.ModelCheckpoint(
        str(theirs / "{epoch:02d}.keras"), monitor=monitor, **kwargs),
        model, values, monitor=monitor)
    assert visible(ours) == visible(theirs)
    assert visible(ours)


# ----------------------------------------------------------------------
# save_best_only

def test_save_best_only_keeps_the_best_epoch(tmp_path, model):
    path = tmp_path / "best.keras"
    cb = ckpt(path, save_best_only=True)
    drive(cb, model, [0.5, 0.3, 0.4])
    assert saved_epoch(path) == 2
    assert visible(tmp_path) == ["best.keras"]


def test_missing_monitor_skips_and_warns_once_per_fit(tmp_path, data):
    x, y = data
    model = tiny_model()
    cb = ckpt(tmp_path / "m.keras", save_best_only=True)  # val_loss
    for _ in range(2):  # two fits: one warning each
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pykeras3.fit(model, x, y, epochs=3, verbose=0, callbacks=[cb])
        mine = [w for w in caught
                if "Can save best model only with" in str(w.message)]
        assert len(mine) == 1
        message = str(mine[0].message)
        head = "Can save best model only with val_loss available, skipping."
        assert head in message
        after = message.split(head, 1)[1]
        assert re.search(r"\bloss\b", after)
        assert re.search(r"\baccuracy\b", after)
    assert visible(tmp_path) == []


def test_missing_monitor_warning_in_hooks(tmp_path, model):
    cb = ckpt(tmp_path / "m.keras", save_best_only=True,
              monitor="val_auc")
    with pytest.warns(UserWarning, match=re.escape(
            "Can save best model only with val_auc available, skipping.")):
        drive(cb, model, [None, None])
    assert visible(tmp_path) == []


def test_batch_saving_with_val_monitor_warns_at_train_begin(tmp_path,
                                                            model):
    cb = ckpt(tmp_path / "m.keras", save_best_only=True, save_freq=2)
    cb.set_model(model)
    cb.set_params({"epochs": 1, "steps": 4, "verbose": 0})
    with pytest.warns(UserWarning,
                      match=r"(?is)validation.*\bepoch\b|epoch.*validation"):
        cb.on_train_begin()


def test_batch_saving_with_val_monitor_warns_in_fit(tmp_path, model, data):
    x, y = data
    cb = ckpt(tmp_path / "m.keras", save_best_only=True, save_freq=2)
    with pytest.warns(UserWarning, match=r"(?is)validation.*epoch"):
        pykeras3.fit(model, x, y, epochs=1, batch_size=8, verbose=0,
                     callbacks=[cb], validation_data=(x, y))


# ----------------------------------------------------------------------
# save_freq

def expected_batch_saves(batches_per_epoch, epochs, save_freq):
    """(1-based epoch, 1-based batch) of each save point when `save_freq`
    batches are counted across epochs."""
    total = batches_per_epoch * epochs
    return [((g - 1) // batches_per_epoch + 1, (g - 1) % batches_per_epoch + 1)
            for g in range(save_freq, total + 1, save_freq)]


def test_save_freq_counts_batches_across_epochs(tmp_path, model):
    x, y = fit_data(32)
    cb = ckpt(tmp_path / "e{epoch}-b{batch}.keras", save_freq=3,
              monitor="loss")
    pykeras3.fit(model, x, y, epochs=3, batch_size=8, verbose=0,
                 callbacks=[cb])
    saves = expected_batch_saves(4, 3, 3)
    assert len(saves) == 4  # 12 batches, save_freq=3
    assert visible(tmp_path) == sorted(f"e{e}-b{b}.keras" for e, b in saves)


@pytest.mark.parametrize("steps_per_execution", [1, 2, 3])
def test_save_freq_counts_correctly_with_steps_per_execution(
        tmp_path, data, capsys, steps_per_execution):
    x, y = data
    model = tiny_model(steps_per_execution=steps_per_execution)
    cb = ckpt(tmp_path / "m.keras", save_freq=3, verbose=1, monitor="loss")
    pykeras3.fit(model, x, y, epochs=3, batch_size=8, verbose=0,
                 callbacks=[cb])
    lines = [line for line in capsys.readouterr().out.splitlines()
             if "saving model to" in line]
    assert len(lines) == 4  # 12 batches, save_freq=3


def test_save_freq_and_batch_template_in_hooks(tmp_path, model):
    cb = ckpt(tmp_path / "e{epoch}-b{batch:02d}.keras", save_freq=2)
    cb.set_model(model)
    cb.set_params({"epochs": 2, "steps": 3, "verbose": 0})
    cb.on_train_begin()
    for epoch in range(2):
        cb.on_epoch_begin(epoch)
        for batch in range(3):
            cb.on_train_batch_begin(batch)
            cb.on_train_batch_end(batch, {"loss": 0.5})
        cb.on_epoch_end(epoch, {"loss": 0.5})
    cb.wait_until_finished()
    saves = expected_batch_saves(3, 2, 2)
    assert visible(tmp_path) == sorted(f"e{e}-b{b:02d}.keras"
                                       for e, b in saves)


def test_best_only_with_batch_saving_follows_training_metric(tmp_path,
                                                            model):
    cb = ckpt(tmp_path / "b{batch}.keras", save_freq=1, monitor="loss",
              save_best_only=True)
    cb.set_model(model)
    cb.set_params({"epochs": 1, "steps": 4, "verbose": 0})
    cb.on_train_begin()
    cb.on_epoch_begin(0)
    for batch, loss in enumerate([0.5, 0.6, 0.4, 0.45]):
        cb.on_train_batch_end(batch, {"loss": loss})
    assert visible(tmp_path) == ["b1.keras", "b3.keras"]
    assert cb.best == 0.4


def test_batch_placeholder_needs_integer_save_freq(tmp_path):
    with pytest.raises(ValueError, match="batch"):
        ckpt(tmp_path / "e{epoch}-b{batch}.keras")
    ckpt(tmp_path / "e{epoch}-b{batch}.keras", save_freq=5)  # fine


@pytest.mark.parametrize("save_freq", [0, -1, -10, 1.5, 2.0, True, False,
                                       "batch", "epochs", "Epoch", "5",
                                       None])
def test_invalid_save_freq_is_refused_at_construction(tmp_path, save_freq):
    with pytest.raises(ValueError, match="save_freq"):
        ckpt(tmp_path / "m.keras", save_freq=save_freq)


def test_numpy_integer_save_freq_is_accepted(tmp_path, model):
    cb = ckpt(tmp_path / "b{batch}.keras", save_freq=np.int64(1))
    cb.set_model(model)
    cb.on_train_begin()
    cb.on_epoch_begin(0)
    cb.on_train_batch_end(0, {"loss": 0.1})
    cb.wait_until_finished()
    assert visible(tmp_path) == ["b1.keras"]


# ----------------------------------------------------------------------
# initial_value_threshold

@pytest.mark.parametrize("monitor, threshold, values, saved", [
    ("val_loss", 0.4, [0.5, 0.45, 0.4, 0.3, 0.35], [4]),
    ("val_accuracy", 0.8, [0.7, 0.8, 0.85, 0.82, 0.9], [3, 5]),
])
def test_initial_value_threshold_saves_only_better_values(
        tmp_path, model, monitor, threshold, values, saved):
    cb = ckpt(tmp_path / "e{epoch}.keras", monitor=monitor,
              save_best_only=True, initial_value_threshold=threshold)
    drive(cb, model, values, monitor=monitor)
    assert visible(tmp_path) == sorted(f"e{e}.keras" for e in saved)


@pytest.mark.parametrize("threshold", [1, np.float32(0.75), np.int64(1)])
def test_initial_value_threshold_accepts_any_real_number(tmp_path, model,
                                                         threshold):
    cb = ckpt(tmp_path / "e{epoch}.keras", save_best_only=True,
              initial_value_threshold=threshold)
    drive(cb, model, [1.5, 0.9, 0.5])
    expected = [e for e, v in enumerate([1.5, 0.9, 0.5], 1)
                if v < float(threshold)]
    assert visible(tmp_path) == [f"e{e}.keras" for e in expected]


def test_initial_value_threshold_never_reached_saves_nothing(tmp_path,
                                                             model):
    cb = ckpt(tmp_path / "m.keras", save_best_only=True,
              initial_value_threshold=0.1)
    drive(cb, model, [0.5, 0.3, 0.2])
    assert visible(tmp_path) == []
    assert cb.best_filepath is None


# ----------------------------------------------------------------------
# verbose

def test_verbose_lines(tmp_path, model, capsys):
    path = str(tmp_path / "best.keras")
    cb = ckpt(path, verbose=1, save_best_only=True)
    drive(cb, model, [0.6, 0.51234, 0.49, 0.5])
    out = capsys.readouterr().out.splitlines()
    assert (f"Epoch 1: val_loss improved from inf to 0.60000, saving model "
            f"to {path}") in out
    assert (f"Epoch 3: val_loss improved from 0.51234 to 0.49000, saving "
            f"model to {path}") in out
    assert "Epoch 4: val_loss did not improve from 0.49000" in out

    every = str(tmp_path / "every.keras")
    cb = ckpt(every, verbose=1)
    drive(cb, model, [0.1] * 5)
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("Epoch")] == [
        f"Epoch {e}: saving model to {every}" for e in range(1, 6)]


def test_verbose_first_improvement_in_max_mode(tmp_path, model, capsys):
    path = str(tmp_path / "best.keras")
    cb = ckpt(path, verbose=1, save_best_only=True, monitor="val_accuracy")
    drive(cb, model, [0.7], monitor="val_accuracy")
    assert (f"Epoch 1: val_accuracy improved from -inf to 0.70000, saving "
            f"model to {path}") in capsys.readouterr().out.splitlines()


def test_verbose_zero_prints_nothing(tmp_path, model, capsys):
    cb = ckpt(tmp_path / "m.keras", save_best_only=True)
    drive(cb, model, [0.5, 0.6, 0.4])
    assert capsys.readouterr().out == ""


def test_verbose_line_shows_the_filled_template(tmp_path, model, capsys):
    cb = ckpt(tmp_path / "{epoch:02d}-{val_loss:.2f}.keras", verbose=1,
              save_best_only=True)
    drive(cb, model, [0.5, 0.25])
    out = capsys.readouterr().out.splitlines()
    target = tmp_path / "02-0.25.keras"
    assert (f"Epoch 2: val_loss improved from 0.50000 to 0.25000, saving "
            f"model to {target}") in out
    assert target.is_file()


# ----------------------------------------------------------------------
# load_weights_on_restart

def test_restart_loads_plain_checkpoint(tmp_path):
    path = tmp_path / "m.keras"
    drive(ckpt(path), tiny_model(), [0.5, 0.4, 0.3])
    model = tiny_model()
    cb = ckpt(path, load_weights_on_restart=True)
    cb.set_model(model)
    cb.on_train_begin()
    for w in model.get_weights():
        np.testing.assert_array_equal(w, 3.0)


def test_restart_loads_latest_of_templated_checkpoints(tmp_path):
    # Newest file first in name order: "latest" must mean most recent.
    template = tmp_path / "{val_loss:.2f}.keras"
    drive(ckpt(template), tiny_model(), [0.9, 0.5, 0.3])
    assert visible(tmp_path) == ["0.30.keras", "0.50.keras", "0.90.keras"]
    model = tiny_model()
    cb = ckpt(template, load_weights_on_restart=True)
    cb.set_model(model)
    cb.on_train_begin()
    for w in model.get_weights():
        np.testing.assert_array_equal(w, 3.0)


def test_restart_loads_in_fit_before_training(tmp_path, data):
    x, y = data
    path = tmp_path / "w.weights.h5"
    # Learning rate 0 in both runs (the optimizer state is saved too).
    drive(ckpt(path, save_weights_only=True), frozen_model(), [0.5, 0.4])
    model = frozen_model()
    cb = ckpt(path, save_weights_only=True, load_weights_on_restart=True)
    pykeras3.fit(model, x, y, epochs=1, verbose=0, callbacks=[cb])
    # The weights are the ones loaded at the start.
    for w in model.get_weights():
        np.testing.assert_array_equal(w, 2.0)


def test_restart_in_plain_model_fit_with_templated_weights(tmp_path, data):
    x, y = data
    template = tmp_path / "ckpt" / "ep{epoch:02d}.weights.h5"
    drive(ckpt(template, save_weights_only=True), frozen_model(),
          [0.5, 0.4, 0.6])
    model = frozen_model()
    cb = ckpt(template, save_weights_only=True,
              load_weights_on_restart=True)
    model.fit(x, y, epochs=4, initial_epoch=3, verbose=0, callbacks=[cb])
    for w in model.get_weights():
        np.testing.assert_array_equal(w, 3.0)
    assert sorted(os.listdir(tmp_path / "ckpt"))[-1] == "ep04.weights.h5"


def test_restart_with_placeholder_in_directory_name(tmp_path):
    template = tmp_path / "run{epoch:02d}" / "model.keras"
    drive(ckpt(template), tiny_model(), [0.5, 0.4, 0.6, 0.7])
    model = tiny_model()
    cb = ckpt(template, load_weights_on_restart=True)
    cb.set_model(model)
    cb.on_train_begin()
    for w in model.get_weights():
        np.testing.assert_array_equal(w, 4.0)


def test_restart_works_for_a_model_built_during_fit(tmp_path, data):
    # A Sequential model without an Input is built by its first training
    # step, after on_train_begin.  The checkpoint fits it; resuming it is
    # what load_weights_on_restart is for.
    x, y = data

    def lazy_model():
        model = keras.Sequential([keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.0),
                      loss="mse")
        return model

    path = tmp_path / "m.keras"
    first = lazy_model()
    first.fit(x, y, epochs=1, verbose=0, callbacks=[ckpt(path,
                                                         monitor="loss")])
    saved = [w.copy() for w in first.get_weights()]
    second = lazy_model()
    second.fit(x, y, epochs=1, verbose=0, callbacks=[
        ckpt(path, monitor="loss", load_weights_on_restart=True)])
    for a, b in zip(second.get_weights(), saved):
        np.testing.assert_array_equal(a, b)


def test_restart_without_checkpoint_does_nothing(tmp_path, data):
    x, y = data
    model = tiny_model()
    before = [w.copy() for w in model.get_weights()]
    cb = ckpt(tmp_path / "sub" / "ep{epoch}.keras",
              load_weights_on_restart=True)
    cb.set_model(model)
    cb.on_train_begin()
    for a, b in zip(model.get_weights(), before):
        np.testing.assert_array_equal(a, b)
    pykeras3.fit(model, x, y, epochs=1, verbose=0, callbacks=[cb])
    assert visible(tmp_path / "sub") == ["ep1.keras"]


def test_restart_ignores_files_that_do_not_match_the_template(tmp_path):
    (tmp_path / "other.keras").write_bytes(b"not a checkpoint")
    (tmp_path / "ep1.weights.h5").write_bytes(b"not a checkpoint")
    model = tiny_model()
    cb = ckpt(tmp_path / "ep{epoch}.keras", load_weights_on_restart=True)
    cb.set_model(model)
    cb.on_train_begin()  # nothing to load, nothing raised


@pytest.mark.parametrize("content", [b"", b"garbage, not a zip archive",
                                     b"PK\x03\x04truncated"])
def test_restart_with_corrupt_checkpoint_raises_naming_it(tmp_path, data,
                                                          content):
    x, y = data
    path = tmp_path / "m.keras"
    path.write_bytes(content)
    cb = ckpt(path, load_weights_on_restart=True)
    with pytest.raises(ValueError, match=re.escape(str(path))):
        pykeras3.fit(tiny_model(), x, y, epochs=1, verbose=0,
                     callbacks=[cb])


def test_restart_with_truncated_real_checkpoint_raises(tmp_path, model):
    path = tmp_path / "ep{epoch}.keras"
    drive(ckpt(path), model, [0.5])
    real = tmp_path / "ep1.keras"
    real.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    cb = ckpt(path, load_weights_on_restart=True)
    cb.set_model(tiny_model())
    with pytest.raises(ValueError, match=re.escape(str(real))):
        cb.on_train_begin()


def test_restart_with_wrong_shapes_raises_naming_file(tmp_path):
    path = tmp_path / "m.keras"
    drive(ckpt(path), tiny_model(inputs=10), [0.5])
    cb = ckpt(path, load_weights_on_restart=True)
    cb.set_model(tiny_model(inputs=4))
    with pytest.raises(ValueError, match=re.escape(str(path))):
        cb.on_train_begin()


def test_restart_with_wrong_format_raises_naming_file(tmp_path, model):
    weights = tmp_path / "w.weights.h5"
    model.save_weights(weights)
    path = tmp_path / "m.keras"
    shutil.copy(weights, path)  # HDF5 weights under a '.keras' name
    cb = ckpt(path, load_weights_on_restart=True)
    cb.set_model(tiny_model())
    with pytest.raises(ValueError, match=re.escape(str(path))):
        cb.on_train_begin()


# ----------------------------------------------------------------------
# period and options

def test_period_saves_every_n_epochs_with_deprecation_warning(tmp_path,
                                                              model):
    with pytest.warns(DeprecationWarning, match="period"):
        cb = ckpt(tmp_path / "ep{epoch}.keras", period=2)
    drive(cb, model, [0.5] * 5)
    assert visible(tmp_path) == ["ep2.keras", "ep4.keras"]


def test_period_works_in_fit(tmp_path, model, data):
    x, y = data
    with pytest.warns(DeprecationWarning):
        cb = ckpt(tmp_path / "ep{epoch}.keras", period=3)
    pykeras3.fit(model, x, y, epochs=6, verbose=0, callbacks=[cb])
    assert visible(tmp_path) == ["ep3.keras", "ep6.keras"]


def test_options_none_is_accepted(tmp_path, model):
    cb = ckpt(tmp_path / "m.keras", options=None)
    drive(cb, model, [0.5])
    assert saved_epoch(tmp_path / "m.keras") == 1


# TensorFlow's option objects: imported only on the TensorFlow backend, so
# the JAX leg of CI runs this module without loading TensorFlow.
TF_ONLY = pytest.mark.skipif(
    keras.config.backend() != "tensorflow",
    reason="TensorFlow's save option objects; the tests on another Keras "
           "backend do not load TensorFlow")


def _tensorflow():
    import tensorflow
    return tensorflow


@pytest.mark.parametrize("options", [
    pytest.param(lambda: _tensorflow().saved_model.SaveOptions(),
                 marks=TF_ONLY, id="tf.saved_model.SaveOptions"),
    pytest.param(lambda: _tensorflow().train.CheckpointOptions(),
                 marks=TF_ONLY, id="tf.train.CheckpointOptions"),
    lambda: {},
    lambda: "io_device=/job:localhost",
])
def test_options_other_than_none_are_refused_with_advice(tmp_path, options):
    with pytest.raises(ValueError, match="options") as err:
        ckpt(tmp_path / "m.keras", options=options())
    message = str(err.value)
    # Says why (Keras 3's formats take no save options) and what to do.
    assert ".keras" in message and ".weights.h5" in message
    assert re.search(r"(?i)\b(instead|use|remove)\b", message)


# ----------------------------------------------------------------------
# Other invalid arguments

@pytest.mark.parametrize("kwargs", [
    dict(max_to_keep=0), dict(max_to_keep=-1), dict(max_to_keep=1.5),
    dict(max_to_keep="3"), dict(max_to_keep=True),
    dict(period=0), dict(period=-2), dict(period=1.5), dict(period="2"),
    dict(initial_value_threshold="0.5"),
    dict(monitor=None), dict(monitor=3), dict(monitor=""),
    dict(verbose="loud"),
    dict(save_weights_only="yes"),
    dict(save_best_only="no"),
    dict(load_weights_on_restart="yes"),
])
def test_invalid_arguments_are_refused_at_construction(tmp_path, kwargs):
    name = next(iter(kwargs))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises((ValueError, TypeError), match=name):
            ckpt(tmp_path / "m.keras", **kwargs)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("filepath", [None, 123, ""])
def test_invalid_filepath_is_refused(filepath):
    with pytest.raises((ValueError, TypeError), match="filepath"):
        pykeras3.callback_model_checkpoint(filepath)


# ----------------------------------------------------------------------
# Crash safety (the SIGKILL test is in test_checkpoint_processes.py)

def test_failed_save_leaves_previous_checkpoint_intact(tmp_path,
                                                       flaky_model):
    path = tmp_path / "m.keras"
    cb = ckpt(path, monitor="loss")
    cb.set_model(flaky_model)
    cb.on_train_begin()
    cb.on_epoch_end(0, {"loss": 0.5})
    cb.wait_until_finished()
    good = path.read_bytes()
    Flaky.fail = True
    with pytest.raises(RuntimeError, match="simulated"):
        cb.on_epoch_end(1, {"loss": 0.4})
    assert path.read_bytes() == good
    keras.models.load_model(path, custom_objects={"Flaky": Flaky},
                            compile=False)
    assert visible(tmp_path) == ["m.keras"]
    assert staging_leftovers(tmp_path) == []
    assert cb.last_filepath == str(path)


def test_failed_save_leaves_no_partial_file_and_prunes_nothing(tmp_path,
                                                               flaky_model):
    cb = ckpt(tmp_path / "ep{epoch}.keras", monitor="loss", max_to_keep=1)
    cb.set_model(flaky_model)
    cb.on_train_begin()
    cb.on_epoch_end(0, {"loss": 0.5})
    Flaky.fail = True
    with pytest.raises(RuntimeError):
        cb.on_epoch_end(1, {"loss": 0.4})
    # ep2 was never completed, so ep1 must survive the max_to_keep=1 rule.
    assert visible(tmp_path) == ["ep1.keras"]
    assert staging_leftovers(tmp_path) == []
    assert cb.filepaths == [str(tmp_path / "ep1.keras")]


def test_normal_saves_leave_no_staging_entries(tmp_path, data):
    x, y = data
    model = tiny_model()
    cbs = [ckpt(tmp_path / "a.keras", save_freq=1, monitor="loss"),
           ckpt(tmp_path / "b{epoch}-{batch}.weights.h5",
                save_weights_only=True, save_freq=1, max_to_keep=2)]
    model.fit(x, y, epochs=2, batch_size=8, verbose=0, callbacks=cbs)
    assert staging_leftovers(tmp_path) == []
    assert visible(tmp_path) == ["a.keras", "b2-3.weights.h5",
                                 "b2-4.weights.h5"]


# ----------------------------------------------------------------------
# NaN and infinite values

@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nonfinite_value_is_never_an_improvement(tmp_path, model, bad):
    cb = ckpt(tmp_path / "e{epoch}.keras", save_best_only=True)
    with pytest.warns(UserWarning):
        drive(cb, model, [0.5, bad, 0.4, 0.45])
    assert visible(tmp_path) == ["e1.keras", "e3.keras"]
    assert cb.best == 0.4
    assert cb.best_epoch == 2


def test_nonfinite_first_value_does_not_freeze_best(tmp_path, model):
    cb = ckpt(tmp_path / "best.keras", save_best_only=True)
    with pytest.warns(UserWarning):
        drive(cb, model, [math.nan, 0.9, 0.8])
    assert saved_epoch(tmp_path / "best.keras") == 3
    assert cb.best == 0.8


def test_infinity_does_not_freeze_best_in_max_mode(tmp_path, model):
    cb = ckpt(tmp_path / "best.keras", save_best_only=True,
              monitor="val_accuracy")
    with pytest.warns(UserWarning):
        drive(cb, model, [0.5, math.inf, 0.6], monitor="val_accuracy")
    assert saved_epoch(tmp_path / "best.keras") == 3
    assert cb.best == 0.6


def test_nonfinite_values_warn_once(tmp_path, model):
    cb = ckpt(tmp_path / "best.keras", save_best_only=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        drive(cb, model, [0.5, math.nan, math.nan, math.inf, 0.4,
                          -math.inf])
    mine = [w for w in caught if issubclass(w.category, CheckpointWarning)]
    assert len(mine) == 1
    assert re.search(r"(?i)nan|inf", str(mine[0].message))


def test_nonfinite_value_saved_every_epoch_does_not_become_best(tmp_path,
                                                                model):
    cb = ckpt(tmp_path / "e{epoch}.keras")
    with pytest.warns(UserWarning):
        drive(cb, model, [0.5, math.nan, 0.4, math.inf])
    assert visible(tmp_path) == [f"e{e}.keras" for e in range(1, 5)]
    assert cb.best == 0.4
    assert cb.best_epoch == 2
    assert cb.best_filepath == str(tmp_path / "e3.keras")


def test_nan_loss_in_real_fit_does_not_replace_best(tmp_path, data):
    x, y = data
    model = tiny_model(loss="mse", metrics=None)
    cb = ckpt(tmp_path / "best.keras", monitor="loss", save_best_only=True)
    pykeras3.fit(model, x, y, epochs=1, verbose=0, callbacks=[cb])
    good = (tmp_path / "best.keras").read_bytes()
    y_nan = y.copy()
    y_nan[0] = np.nan
    with pytest.warns(UserWarning, match=r"(?i)nan"):
        pykeras3.fit(model, x, y_nan, epochs=2, verbose=0, callbacks=[cb])
    assert (tmp_path / "best.keras").read_bytes() == good
    assert math.isfinite(cb.best)


# ----------------------------------------------------------------------
# Resume (the two-process version is in test_checkpoint_processes.py)

@pytest.mark.parametrize("monitor, run1, worse, better", [
    ("val_loss", [0.5, 0.3, 0.4], 0.35, 0.25),
    ("val_accuracy", [0.5, 0.8, 0.7], 0.75, 0.9),
])
def test_resume_keeps_better_checkpoint(tmp_path, monitor, run1, worse,
                                        better):
    path = tmp_path / "best.keras"
    cb1 = ckpt(path, save_best_only=True, monitor=monitor)
    drive(cb1, tiny_model(), run1, monitor=monitor)  # the run dies here
    assert saved_epoch(path) == 2
    before = path.read_bytes()

    model = tiny_model()
    cb2 = ckpt(path, save_best_only=True, monitor=monitor,
               load_weights_on_restart=True)
    cb2.set_model(model)
    cb2.on_train_begin()
    assert cb2.best == pytest.approx(run1[1])
    assert cb2.best_epoch == 1
    assert cb2.best_filepath == str(path)
    for w in model.get_weights():
        np.testing.assert_array_equal(w, 2.0)

    drive(cb2, model, [worse], monitor=monitor, first_epoch=3, begin=False)
    assert path.read_bytes() == before
    drive(cb2, model, [better], monitor=monitor, first_epoch=4, begin=False)
    assert saved_epoch(path) == 5
    assert cb2.best == pytest.approx(better)
    assert cb2.best_epoch == 4


@pytest.mark.parametrize("filepath", ["best.keras", "{epoch:02d}.keras",
                                      "ckpt/best.keras",
                                      "ckpt/{epoch:02d}.keras",
                                      "ckpt/run{epoch}/best.keras"])
def test_resume_with_relative_filepath(tmp_path, monkeypatch, filepath):
    monkeypatch.chdir(tmp_path)
    drive(ckpt(filepath, save_best_only=True), tiny_model(),
          [0.5, 0.3, 0.4])
    best = filepath.format(epoch=2)
    before = pathlib.Path(best).read_bytes()
    model = tiny_model()
    cb2 = ckpt(filepath, save_best_only=True, load_weights_on_restart=True)
    drive(cb2, model, [0.35], first_epoch=3)
    assert cb2.best == pytest.approx(0.3)
    assert os.path.normpath(cb2.best_filepath) == os.path.normpath(best)
    assert pathlib.Path(best).read_bytes() == before
    if "{" in filepath:
        assert not os.path.exists(filepath.format(epoch=4))


def test_without_restart_a_new_callback_starts_fresh(tmp_path):
    path = tmp_path / "best.keras"
    drive(ckpt(path, save_best_only=True), tiny_model(), [0.5, 0.3, 0.4])
    cb2 = ckpt(path, save_best_only=True)
    model = tiny_model()
    before = [w.copy() for w in model.get_weights()]
    cb2.set_model(model)
    cb2.on_train_begin()
    for a, b in zip(model.get_weights(), before):
        np.testing.assert_array_equal(a, b)
    assert cb2.best is None and cb2.best_filepath is None
    assert cb2.filepaths == []
    drive(cb2, model, [0.35], first_epoch=3, begin=False)
    assert saved_epoch(path) == 4


def test_fresh_callback_never_prunes_files_of_an_earlier_run(tmp_path):
    template = tmp_path / "ep{epoch}.keras"
    drive(ckpt(template), tiny_model(), [0.5, 0.4])
    cb = ckpt(template, max_to_keep=1)
    drive(cb, tiny_model(), [0.3, 0.2], first_epoch=2)
    assert visible(tmp_path) == ["ep1.keras", "ep2.keras", "ep4.keras"]
    assert cb.filepaths == [str(tmp_path / "ep4.keras")]


def test_resume_goes_on_counting_max_to_keep(tmp_path):
    template = tmp_path / "ep{epoch:02d}.keras"
    unrelated = tmp_path / "ep00.keras"
    drive(ckpt(tmp_path / "x.keras"), tiny_model(), [0.1])
    shutil.copy(tmp_path / "x.keras", unrelated)
    (tmp_path / "x.keras").unlink()
    (tmp_path / "notes.txt").write_text("keep me")

    drive(ckpt(template, max_to_keep=2), tiny_model(), [0.5, 0.4, 0.3])
    assert visible(tmp_path) == ["ep00.keras", "ep02.keras", "ep03.keras",
                                 "notes.txt"]
    cb2 = ckpt(template, max_to_keep=2, load_weights_on_restart=True)
    model = tiny_model()
    drive(cb2, model, [0.6], first_epoch=3)
    assert visible(tmp_path) == ["ep00.keras", "ep03.keras", "ep04.keras",
                                 "notes.txt"]
    assert cb2.filepaths == [str(tmp_path / "ep03.keras"),
                             str(tmp_path / "ep04.keras")]
    drive(cb2, model, [0.7], first_epoch=4, begin=False)
    assert visible(tmp_path) == ["ep00.keras", "ep04.keras", "ep05.keras",
                                 "notes.txt"]
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_resume_keeps_the_best_files_in_best_only_mode(tmp_path):
    template = tmp_path / "{epoch:02d}-{val_loss:.2f}.keras"
    drive(ckpt(template, save_best_only=True, max_to_keep=2), tiny_model(),
          [0.5, 0.3])
    cb2 = ckpt(template, save_best_only=True, max_to_keep=2,
               load_weights_on_restart=True)
    drive(cb2, tiny_model(), [0.4, 0.35, 0.2], first_epoch=2)
    assert visible(tmp_path) == ["02-0.30.keras", "05-0.20.keras"]
    assert cb2.best_filepath == str(tmp_path / "05-0.20.keras")


def test_state_file_is_hidden_json_beside_checkpoints(tmp_path, model):
    cb = ckpt(tmp_path / "ckpt" / "ep{epoch}.keras", save_best_only=True)
    drive(cb, model, [0.5, 0.3, 0.4])
    state_path = pathlib.Path(cb.state_filepath)
    assert state_path.parent == tmp_path / "ckpt"
    assert state_path.name.startswith(".")
    assert STAGING not in state_path.name
    json.loads(state_path.read_text(encoding="utf-8"))
    assert visible(tmp_path / "ckpt") == ["ep1.keras", "ep2.keras"]
    assert staging_leftovers(tmp_path / "ckpt") == []


def test_get_state_and_set_state_round_trip(tmp_path):
    path = tmp_path / "best.keras"
    cb1 = ckpt(path, save_best_only=True)
    drive(cb1, tiny_model(), [0.5, 0.3, 0.4])
    state = json.loads(json.dumps(cb1.get_state()))  # JSON-compatible

    cb2 = ckpt(path, save_best_only=True)
    cb2.set_state(state)
    assert cb2.best == cb1.best
    assert cb2.best_epoch == cb1.best_epoch == 1
    assert cb2.best_filepath == cb1.best_filepath == str(path)
    assert cb2.filepaths == cb1.filepaths
    before = path.read_bytes()
    model = tiny_model()
    cb2.set_model(model)
    drive(cb2, model, [0.35], first_epoch=3, begin=False)
    assert path.read_bytes() == before
    drive(cb2, model, [0.25], first_epoch=4, begin=False)
    assert saved_epoch(path) == 5


# ----------------------------------------------------------------------
# max_to_keep

def test_max_to_keep_keeps_most_recent_files(tmp_path, model):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "ep00.keras").write_bytes(b"user's own file")
    cb = ckpt(tmp_path / "ep{epoch:02d}.keras", max_to_keep=2)
    drive(cb, model, [0.1, 0.9, 0.2, 0.8, 0.5])
    assert visible(tmp_path) == ["ep00.keras", "ep04.keras", "ep05.keras",
                                 "notes.txt"]
    assert cb.filepaths == [str(tmp_path / "ep04.keras"),
                            str(tmp_path / "ep05.keras")]
    assert (tmp_path / "ep00.keras").read_bytes() == b"user's own file"
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_max_to_keep_keeps_best_files_in_best_only_mode(tmp_path, model):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "00-0.01.keras").write_bytes(b"user's own file")
    cb = ckpt(tmp_path / "{epoch:02d}-{val_loss:.2f}.keras",
              save_best_only=True, max_to_keep=2)
    drive(cb, model, [0.5, 0.4, 0.45, 0.3, 0.35])
    assert visible(tmp_path) == ["00-0.01.keras", "02-0.40.keras",
                                 "04-0.30.keras", "notes.txt"]
    assert cb.filepaths == [str(tmp_path / "02-0.40.keras"),
                            str(tmp_path / "04-0.30.keras")]
    assert cb.best_filepath == str(tmp_path / "04-0.30.keras")


def test_max_to_keep_in_max_mode_keeps_highest(tmp_path, model):
    cb = ckpt(tmp_path / "{epoch:02d}-{val_auc:.2f}.keras",
              monitor="val_auc", mode="max", save_best_only=True,
              max_to_keep=1)
    drive(cb, model, [0.6, 0.7, 0.65, 0.8], monitor="val_auc")
    assert visible(tmp_path) == ["04-0.80.keras"]


def test_max_to_keep_with_batch_saving_in_fit(tmp_path, model, data):
    x, y = data
    cb = ckpt(tmp_path / "e{epoch}-b{batch}.keras", save_freq=1,
              max_to_keep=3, monitor="loss")
    pykeras3.fit(model, x, y, epochs=2, batch_size=8, verbose=0,
                 callbacks=[cb])
    assert visible(tmp_path) == ["e2-b2.keras", "e2-b3.keras",
                                 "e2-b4.keras"]
    assert cb.filepaths == [str(tmp_path / f"e2-b{b}.keras")
                            for b in (2, 3, 4)]


# ----------------------------------------------------------------------
# Where things are

def test_reports_best_and_files_after_real_fit(tmp_path, model, data):
    x, y = data
    weights = {}
    record = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: weights.__setitem__(
            epoch, model.get_weights()))
    cb = ckpt(tmp_path / "{epoch:02d}-{val_loss:.4f}.keras",
              save_best_only=True)
    h = pykeras3.fit(model, x, y, epochs=4, verbose=0, validation_data=(
        x[:16], y[:16]), callbacks=[cb, record])
    losses = h.metrics["val_loss"]
    improved = [i for i, v in enumerate(losses) if v < min(losses[:i],
                                                           default=math.inf)]
    paths = [str(tmp_path / f"{h.epoch[i] + 1:02d}-{losses[i]:.4f}.keras")
             for i in improved]
    best = improved[-1]
    assert cb.best == pytest.approx(min(losses), rel=1e-6)
    assert cb.best_epoch == h.epoch[best]
    assert cb.best_filepath == paths[-1]
    assert cb.last_filepath == paths[-1]
    assert cb.filepaths == paths
    restored = pykeras3.load_model(cb.best_filepath)
    for a, b in zip(restored.get_weights(), weights[h.epoch[best]]):
        np.testing.assert_array_equal(a, b)


def test_reports_last_and_kept_files_when_saving_every_epoch(tmp_path,
                                                             model):
    cb = ckpt(tmp_path / "ep{epoch}.keras", max_to_keep=3)
    drive(cb, model, [0.5, 0.2, 0.4, 0.6])
    assert cb.last_filepath == str(tmp_path / "ep4.keras")
    assert cb.filepaths == [str(tmp_path / f"ep{e}.keras") for e in (2, 3, 4)]
    assert cb.best == 0.2
    assert cb.best_epoch == 1
    assert cb.best_filepath == str(tmp_path / "ep2.keras")
    assert saved_epoch(cb.best_filepath) == 2


def test_best_filepath_is_none_before_any_save(tmp_path):
    cb = ckpt(tmp_path / "m.keras", save_best_only=True)
    assert cb.best_filepath is None
    assert cb.last_filepath is None
    assert cb.filepaths == []


# ----------------------------------------------------------------------
# Cost that does not grow with history

def state_of(cb):
    with open(cb.state_filepath) as f:
        return json.load(f)


def test_without_max_to_keep_the_state_stays_small_and_a_restart_finds_the_files(
        tmp_path):
    template = tmp_path / "{epoch:03d}.weights.h5"
    model = tiny_model()
    cb = ckpt(template, monitor="loss", save_weights_only=True)
    sizes = []
    for epoch in range(40):      # improving every epoch: a state write each
        drive(cb, model, [1.0 - epoch * 0.01], monitor="loss",
              first_epoch=epoch, begin=epoch == 0)
        sizes.append(os.path.getsize(cb.state_filepath))
    assert len(cb.filepaths) == 40
    state = state_of(cb)
    assert state["files"] == []                 # nothing to prune: not kept
    assert state["pending"] is None or state["pending"]["state"]["files"] \
        == []
    assert max(sizes) < 2048
    assert max(sizes[20:]) <= max(sizes[:20]) + 16   # no growth
    # A restart knows the best and finds the kept files in the folder.
    again = ckpt(template, monitor="loss", save_weights_only=True,
                 load_weights_on_restart=True)
    drive(again, tiny_model(), [], monitor="loss")
    assert again.filepaths == cb.filepaths
    assert again.best == pytest.approx(cb.best)
    assert again.best_filepath == cb.best_filepath


def test_with_max_to_keep_the_state_lists_only_the_kept_files(tmp_path):
    cb = ckpt(tmp_path / "{epoch:03d}.weights.h5", monitor="loss",
              save_weights_only=True, max_to_keep=3)
    drive(cb, tiny_model(), [1.0 - e * 0.01 for e in range(12)],
          monitor="loss")
    state = state_of(cb)
    if state["pending"] is not None:   # the last save, moved into place
        state = state["pending"]["state"]
    listed = [record["path"] for record in state["files"]]
    assert listed == [os.path.basename(p) for p in cb.filepaths]
    assert len(listed) == 3


def test_a_restart_walks_the_folder_once(tmp_path, monkeypatch):
    from pykeras3.checkpoint import template as template_module

    template = tmp_path / "{epoch:03d}.weights.h5"
    drive(ckpt(template, monitor="loss", save_weights_only=True),
          tiny_model(), [0.5, 0.4, 0.3], monitor="loss")
    scans = []
    real = template_module.Template.scan

    def counted(self):
        scans.append(1)
        return real(self)

    monkeypatch.setattr(template_module.Template, "scan", counted)
    again = ckpt(template, monitor="loss", save_weights_only=True,
                 load_weights_on_restart=True)
    drive(again, tiny_model(), [], monitor="loss")
    assert len(scans) == 1
    assert again.last_filepath.endswith("003.weights.h5")
