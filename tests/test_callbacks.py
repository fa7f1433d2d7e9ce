"""The callbacks other than the checkpoint (tested in
test_callback_model_checkpoint.py), and the one monitor core that the
checkpoint, early stopping and reduce-on-plateau share.

Early stopping and reduce-on-plateau are pykeras3's own classes: their
decisions are compared with Keras's callbacks driven by the same scripted
logs.  The others are Keras's callbacks with keras3's arguments, tested
through real `fit()` runs and real files.
"""

import csv
import http.server
import json
import os
import threading

import keras
import numpy as np
import pytest

import pykeras3
from pykeras3 import (callback_backup_and_restore, callback_csv_logger,
                      callback_early_stopping, callback_lambda,
                      callback_learning_rate_scheduler,
                      callback_model_checkpoint,
                      callback_reduce_lr_on_plateau,
                      callback_remote_monitor, callback_swap_ema_weights,
                      callback_tensorboard, callback_terminate_on_nan,
                      compile, fit)
from pykeras3._monitor import MonitorCallback, MonitorWarning
from conftest import tiny_model


def data(n=16, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, 10), dtype=np.float32)
    y = (x.sum(axis=1, keepdims=True) > 5).astype("float32")
    return x, y


def drive(cb, model, values, monitor="val_loss", epochs=None):
    """Run `cb`'s epoch hooks with logs {monitor: value}; returns the epoch
    at which the model was told to stop (or None)."""
    cb.set_model(model)
    cb.set_params({"epochs": epochs or len(values), "steps": 1,
                   "verbose": 0})
    model.stop_training = False
    cb.on_train_begin()
    stopped = None
    for epoch, value in enumerate(values):
        cb.on_epoch_begin(epoch)
        logs = {"loss": 1.0}
        if value is not None:
            logs[monitor] = value
        cb.on_epoch_end(epoch, logs)
        if model.stop_training:
            stopped = epoch
            break
    cb.on_train_end()
    return stopped


# ----------------------------------------------------------------------
# One monitor core

def test_checkpoint_early_stopping_and_plateau_share_one_monitor_core(
        tmp_path):
    for cb in (callback_model_checkpoint(str(tmp_path / "m.keras")),
               callback_early_stopping(),
               callback_reduce_lr_on_plateau()):
        assert isinstance(cb, MonitorCallback)
        assert isinstance(cb, keras.callbacks.Callback)
        for method in ("improves", "better", "monitored"):
            assert getattr(type(cb), method) is getattr(MonitorCallback,
                                                        method)


@pytest.mark.parametrize("make", [
    lambda tmp: callback_model_checkpoint(str(tmp / "m.keras"),
                                          monitor="val_auc"),
    lambda tmp: callback_early_stopping(monitor="val_auc"),
    lambda tmp: callback_reduce_lr_on_plateau(monitor="val_auc"),
])
def test_auto_mode_reads_the_metrics_own_direction_in_all_three(tmp_path,
                                                                 make):
    model = tiny_model(metrics=[keras.metrics.AUC(name="auc")])
    x, y = data()
    model.fit(x, y, epochs=1, verbose=0)  # builds the metrics
    cb = make(tmp_path)
    cb.set_model(model)
    assert cb.direction == "max"


@pytest.mark.parametrize("make", [
    lambda: callback_early_stopping(mode="largest"),
    lambda: callback_reduce_lr_on_plateau(mode="largest"),
])
def test_bad_mode_is_refused_at_construction(make):
    with pytest.raises(ValueError, match="mode"):
        make()


# ----------------------------------------------------------------------
# Early stopping: the same decisions as Keras's, NaN-proof

SCRIPTS = [
    [0.5, 0.4, 0.45, 0.42, 0.41, 0.3],
    [0.5, 0.5, 0.5, 0.5],
    [0.9, 0.8, 0.7, 0.6, 0.5],
    [0.3, 0.31, 0.32, 0.2, 0.33, 0.34, 0.35],
]
SETTINGS = [
    dict(patience=0), dict(patience=1), dict(patience=2),
    dict(patience=1, min_delta=0.05), dict(patience=2, baseline=0.35),
    dict(patience=1, start_from_epoch=2),
    dict(patience=1, mode="max"),
]


def _keras_stop(values, settings):
    cb = keras.callbacks.EarlyStopping(monitor="val_loss", **settings)
    model = tiny_model()
    return drive(cb, model, values), cb


@pytest.mark.parametrize("values", SCRIPTS)
@pytest.mark.parametrize("settings", SETTINGS)
def test_early_stopping_decides_as_keras_does(values, settings):
    ours = callback_early_stopping(**settings)
    stopped = drive(ours, tiny_model(), values)
    theirs_stopped, theirs = _keras_stop(values, settings)
    assert stopped == theirs_stopped
    assert ours.stopped_epoch == theirs.stopped_epoch
    assert ours.best == pytest.approx(
        None if theirs.best is None else float(theirs.best))
    assert ours.best_epoch == theirs.best_epoch


def test_early_stopping_nan_is_never_an_improvement():
    cb = callback_early_stopping(patience=2)
    with pytest.warns(MonitorWarning, match="never count"):
        stopped = drive(cb, tiny_model(), [0.5, float("nan"), float("nan"),
                                           0.1])
    assert stopped == 2
    assert cb.best == 0.5 and cb.best_epoch == 0


def test_early_stopping_restores_the_best_weights():
    model = tiny_model()
    cb = callback_early_stopping(patience=1, restore_best_weights=True)
    cb.set_model(model)
    cb.set_params({"epochs": 5, "steps": 1, "verbose": 0})
    cb.on_train_begin()
    for epoch, value in enumerate([0.5, 0.2, 0.6, 0.7]):
        model.set_weights([np.full_like(w, epoch + 1)
                           for w in model.get_weights()])
        cb.on_epoch_end(epoch, {"val_loss": value})
        if model.stop_training:
            break
    cb.on_train_end()
    assert all(np.all(w == 2) for w in model.get_weights())


def test_early_stopping_in_fit_with_a_missing_metric_warns_and_goes_on():
    x, y = data()
    cb = callback_early_stopping(monitor="val_acc", patience=0)
    with pytest.warns(MonitorWarning, match="Available keys"):
        h = fit(tiny_model(), x, y, epochs=3, verbose=0, callbacks=[cb])
    assert len(h.epoch) == 3


def test_early_stopping_stops_a_real_fit(capsys):
    x, y = data()
    cb = callback_early_stopping(monitor="loss", patience=1, min_delta=100,
                                 verbose=1)
    h = fit(tiny_model(), x, y, epochs=10, verbose=0, callbacks=[cb])
    assert h.epoch == [0, 1]
    assert "Epoch 2: early stopping" in capsys.readouterr().out


@pytest.mark.parametrize("kwargs, match", [
    (dict(patience=2.5), "patience"), (dict(patience=-1), "patience"),
    (dict(min_delta="a"), "min_delta"), (dict(baseline=float("nan")),
                                         "baseline"),
    (dict(restore_best_weights="yes"), "restore_best_weights"),
    (dict(start_from_epoch=-1), "start_from_epoch"), (dict(monitor=3),
                                                      "monitor"),
])
def test_early_stopping_refuses_bad_arguments(kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        callback_early_stopping(**kwargs)


# ----------------------------------------------------------------------
# Reduce on plateau: the same learning rates as Keras's

def _rates(cb, values):
    model = tiny_model(optimizer=keras.optimizers.SGD(learning_rate=1.0))
    model.optimizer.build(model.trainable_variables)
    cb.set_model(model)
    cb.set_params({"epochs": len(values), "steps": 1, "verbose": 0})
    cb.on_train_begin()
    rates = []
    for epoch, value in enumerate(values):
        cb.on_epoch_end(epoch, {"val_loss": value})
        rates.append(float(model.optimizer.learning_rate.numpy()))
    return rates


@pytest.mark.parametrize("settings", [
    dict(patience=0), dict(patience=1), dict(patience=1, cooldown=1),
    dict(patience=1, min_lr=0.3), dict(patience=2, factor=0.5),
    dict(patience=1, min_delta=0.05),
])
@pytest.mark.parametrize("values", SCRIPTS)
def test_reduce_lr_on_plateau_sets_the_rates_keras_does(settings, values):
    ours = _rates(callback_reduce_lr_on_plateau(**settings), values)
    keras_settings = dict(settings)
    theirs = _rates(keras.callbacks.ReduceLROnPlateau(
        monitor="val_loss", **keras_settings), values)
    np.testing.assert_allclose(ours, theirs, rtol=1e-6)


def test_reduce_lr_on_plateau_in_fit_logs_the_learning_rate():
    x, y = data()
    model = tiny_model(optimizer=keras.optimizers.SGD(learning_rate=0.1))
    cb = callback_reduce_lr_on_plateau(monitor="loss", patience=0,
                                       factor=0.5, min_delta=100)
    h = fit(model, x, y, epochs=3, verbose=0, callbacks=[cb])
    # The rate each epoch ran with: lowered after epochs 1 and 2.
    np.testing.assert_allclose(h.metrics["learning_rate"],
                               [0.1, 0.1, 0.05], rtol=1e-6)


@pytest.mark.parametrize("kwargs, match", [
    (dict(factor=1.0), "factor"), (dict(factor=0), "factor"),
    (dict(min_lr=-1), "min_lr"), (dict(patience=1.5), "patience"),
    (dict(epsilon=0.1), "unexpected"),
])
def test_reduce_lr_on_plateau_refuses_bad_arguments(kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        callback_reduce_lr_on_plateau(**kwargs)


def test_reduce_lr_on_plateau_refuses_a_scheduled_rate_at_train_begin():
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.9)
    model = tiny_model(optimizer=keras.optimizers.SGD(
        learning_rate=schedule))
    x, y = data()
    with pytest.raises(ValueError, match="schedule"):
        fit(model, x, y, epochs=1, verbose=0,
            callbacks=[callback_reduce_lr_on_plateau(monitor="loss")])


# ----------------------------------------------------------------------
# The checkpoint's hooks: only those that do something

def test_checkpoint_overrides_only_hooks_that_do_something(tmp_path):
    from keras.src import utils
    cb = callback_model_checkpoint(str(tmp_path / "m.keras"))
    # Saving at epoch ends: no batch hook, no epoch-begin hook.
    for hook in ("on_test_batch_end", "on_predict_batch_end",
                 "on_test_begin", "on_predict_begin",
                 "on_train_batch_begin", "on_train_batch_end",
                 "on_batch_end", "on_epoch_begin"):
        assert utils.is_default(getattr(cb, hook)), hook
    batch_saves = callback_model_checkpoint(str(tmp_path / "b.keras"),
                                            save_freq=2)
    for hook in ("on_train_batch_end", "on_batch_end", "on_epoch_begin"):
        assert not utils.is_default(getattr(batch_saves, hook)), hook
    assert utils.is_default(batch_saves.on_test_batch_end)
    if keras.src.backend.IS_THREAD_SAFE:  # Keras dispatches async there
        model = tiny_model()
        lists = keras.callbacks.CallbackList([cb], model=model)
        assert lists._async_train and lists._async_test
        lists = keras.callbacks.CallbackList([batch_saves], model=model)
        assert not lists._async_train and lists._async_test


# ----------------------------------------------------------------------
# Lambda and scheduler: 0-based epochs, functions of fewer arguments

def test_lambda_hands_0_based_epochs_and_batches():
    seen = {"epochs": [], "batches": [], "begin": [], "end": []}
    cb = callback_lambda(
        on_epoch_begin=lambda epoch, logs: seen["epochs"].append(epoch),
        on_train_batch_end=lambda batch: seen["batches"].append(batch),
        on_train_begin=lambda: seen["begin"].append(True),
        on_train_end=lambda logs: seen["end"].append(sorted(logs)))
    x, y = data(16)
    fit(tiny_model(), x, y, epochs=2, batch_size=8, verbose=0,
        callbacks=[cb])
    assert seen["epochs"] == [0, 1]
    assert seen["batches"] == [0, 1, 0, 1]
    assert seen["begin"] == [True]
    assert seen["end"] == [["accuracy", "loss"]]


def test_lambda_takes_other_hooks_by_name_and_refuses_unknown_ones():
    tested = []
    cb = callback_lambda(on_test_end=lambda logs: tested.append(True))
    x, y = data()
    fit(tiny_model(), x, y, epochs=1, verbose=0, validation_data=(x, y),
        callbacks=[cb])
    assert tested == [True]
    with pytest.raises(TypeError, match="not a callback hook"):
        callback_lambda(on_epoch_finish=print)
    with pytest.raises(TypeError, match="must be a function"):
        callback_lambda(on_epoch_end=3)


def test_learning_rate_scheduler_gets_0_based_epochs():
    epochs = []

    def schedule(epoch):
        epochs.append(epoch)
        return 0.1 / (epoch + 1)

    x, y = data()
    h = fit(tiny_model(), x, y, epochs=3, verbose=0,
            callbacks=[callback_learning_rate_scheduler(schedule)])
    assert epochs == [0, 1, 2]
    np.testing.assert_allclose(h.metrics["learning_rate"],
                               [0.1, 0.05, 0.1 / 3], rtol=1e-6)


# ----------------------------------------------------------------------
# Files: CSV, backups, TensorBoard

def test_csv_logger_writes_a_row_per_epoch_and_appends(tmp_path):
    path = tmp_path / "logs" / "training.csv"
    x, y = data()
    model = tiny_model()
    fit(model, x, y, epochs=2, verbose=0,
        callbacks=[callback_csv_logger(str(path))])
    fit(model, x, y, epochs=1, verbose=0,
        callbacks=[callback_csv_logger(path, append=True)])
    with open(path) as f:
        rows = list(csv.DictReader(f))
    assert [row["epoch"] for row in rows] == ["0", "1", "0"]
    assert {"loss", "accuracy"} <= set(rows[0])
    with pytest.raises(TypeError, match="separator"):
        callback_csv_logger(str(path), separator="")


def test_backup_and_restore_resumes_an_interrupted_fit(tmp_path):
    backup = tmp_path / "backup"
    x, y = data()

    class Crash(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if epoch == 1:
                raise RuntimeError("simulated crash")

    model = tiny_model()
    with pytest.raises(RuntimeError, match="simulated crash"):
        fit(model, x, y, epochs=4, verbose=0,
            callbacks=[callback_backup_and_restore(str(backup)), Crash()])
    assert os.listdir(backup)
    resumed = tiny_model()
    h = fit(resumed, x, y, epochs=4, verbose=0,
            callbacks=[callback_backup_and_restore(str(backup))])
    assert h.epoch == [2, 3]      # the epochs after the last backup
    assert not os.path.exists(backup) or not os.listdir(backup)
    with pytest.raises(ValueError, match="save_freq"):
        callback_backup_and_restore(str(backup), save_freq=0)


def test_tensorboard_writes_event_files(tmp_path):
    x, y = data()
    logs = tmp_path / "tb"
    fit(tiny_model(), x, y, epochs=1, verbose=0, validation_data=(x, y),
        callbacks=[callback_tensorboard(str(logs))])
    assert sorted(os.listdir(logs)) == ["train", "validation"]
    assert any(name.startswith("events") for name in
               os.listdir(logs / "train"))


# ----------------------------------------------------------------------
# Remote monitor, EMA weights, NaN

def test_remote_monitor_posts_each_epochs_metrics():
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        root = f"http://127.0.0.1:{server.server_address[1]}"
        x, y = data()
        fit(tiny_model(), x, y, epochs=2, verbose=0, callbacks=[
            callback_remote_monitor(root=root, path="/metrics",
                                    send_as_json=True)])
    finally:
        server.shutdown()
    assert [r["epoch"] for r in received] == [0, 1]
    assert "loss" in received[0]


def test_swap_ema_weights_saves_the_averaged_weights(tmp_path):
    x, y = data(32)
    model = tiny_model(optimizer=keras.optimizers.SGD(
        learning_rate=0.5, use_ema=True, ema_momentum=0.5))
    path = tmp_path / "ema.weights.h5"
    trained = []
    fit(model, x, y, epochs=2, batch_size=8, verbose=0, callbacks=[
        callback_lambda(on_epoch_end=lambda epoch: trained.append(
            model.get_weights())),
        callback_swap_ema_weights(swap_on_epoch=True),
        callback_model_checkpoint(str(path), save_weights_only=True,
                                  monitor="loss")])
    saved = tiny_model(compile_it=False)
    saved.load_weights(str(path))
    averaged = [v.numpy()
                for v in model.optimizer._model_variables_moving_average]
    for a, b in zip(saved.get_weights(), averaged):
        np.testing.assert_allclose(a, b, rtol=1e-6)
    assert not all(np.allclose(a, b) for a, b in zip(saved.get_weights(),
                                                      trained[-1]))


def test_terminate_on_nan_stops_or_raises():
    x, y = data()
    x[:] = np.nan
    h = fit(tiny_model(), x, y, epochs=3, verbose=0,
            callbacks=[callback_terminate_on_nan()])
    assert len(h.epoch) == 1
    with pytest.raises(RuntimeError):
        fit(tiny_model(), x, y, epochs=3, verbose=0,
            callbacks=[callback_terminate_on_nan(raise_error=True)])


def test_every_callback_is_a_keras_callback():
    for name in pykeras3.FAMILIES["callbacks"]:
        fn = getattr(pykeras3, name)
        required = {"callback_model_checkpoint": ("m.keras",),
                    "callback_backup_and_restore": ("backup",),
                    "callback_csv_logger": ("log.csv",),
                    "callback_learning_rate_scheduler": (lambda e: 0.1,)}
        cb = fn(*required.get(name, ()))
        assert isinstance(cb, keras.callbacks.Callback), name
