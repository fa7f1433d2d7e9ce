"""Callbacks: objects that `fit()` calls at the start and end of training,
of each epoch and of each batch.

The checkpoint, early stopping and reduce-on-plateau callbacks are
pykeras3's own classes on one monitor core (`_monitor.py`); the others are
Keras's callbacks with keras3's arguments.  Epoch and batch numbers handed
to your functions (`callback_lambda()`, your own `Callback` subclasses,
`new_callback_class()`) are 0-based, as Keras passes them; keras3 passes
them 1-based.  A `callback_learning_rate_scheduler()` schedule gets 0-based
epochs in both.
"""

from __future__ import annotations

import inspect
import os

import keras

from ._args import ArgumentTypeError, as_bool, as_int
from ._files import as_path, make_parents
from ._optional import need
from ._registry import export
from .checkpoint import ModelCheckpoint
from .early_stopping import EarlyStopping
from .reduce_lr import ReduceLROnPlateau
from .view_metrics import MetricsViewer


@export("callbacks")
def callback_model_checkpoint(filepath, monitor="val_loss", verbose=0,
                              save_best_only=False, save_weights_only=False,
                              mode="auto", save_freq="epoch",
                              initial_value_threshold=None, *,
                              max_to_keep=None, load_weights_on_restart=False,
                              options=None, period=None,
                              save_on_background=True):
    """Save the model (or its weights) during training, crash-safely.

    Pass the result to `fit(model, ..., callbacks=[cb])` (or to Keras's own
    `model.fit(callbacks=[cb])`). It accepts the arguments of
    `keras.callbacks.ModelCheckpoint` with the same meaning, plus
    `max_to_keep`, `load_weights_on_restart`, `options` and `period` from
    earlier Keras versions; its rules are stricter in two places: a whole
    model must go to a `.keras` file (not `.h5`), and a placeholder missing
    from the logs is an error that names the keys available.

    What it adds to Keras's callback:

    * Crash safety. Each file is written in a private staging entry of the
      hidden folder `.pykeras3-staging` beside it, flushed to disk, and
      renamed into place, so a process killed at any moment leaves every
      checkpoint path absent, holding the previous complete file, or
      holding the new complete file. A killed writer's leftovers are
      removed by the next save into that folder; a live writer's never.
    * NaN and infinite values never count as an improvement (a warning
      says so once), so one bad epoch cannot freeze the best value.
    * Resume. The best value, its epoch and file, and the files written
      are kept in a small JSON state file beside the checkpoints
      (`cb.state_filepath`, one per `filepath`). With
      `load_weights_on_restart=True`, a new callback on the same `filepath`
      (in a new process, after a crash) loads the latest checkpoint into
      the model and restores that state, so a resumed run never replaces
      a better checkpoint with a worse one. The state never claims a file
      that is not on disk, whenever the process was killed. A damaged
      state file is set aside as `<name>.bad` with a warning, and the run
      starts fresh without deleting anything.
    * Pruning with `max_to_keep`, which only ever deletes regular files
      inside the checkpoint folder whose names this `filepath` produces
      (never a folder, never through a symlink, whatever the state file
      says), and only after the new file is safely in place. Files such a
      run wrote but a kill kept out of the state are found on restart and
      counted; files older than the run are never touched.
    * Saving in the background (`save_on_background=True`, the default):
      at a save point the weights, the optimizer's variables and the
      configuration are copied to memory, which stalls training a fraction
      of what a whole save does, and a writer thread writes the file with
      the same crash-safe steps. One write runs at a time; a save point
      that comes while one is running waits for it (or, with
      `save_on_background="skip"`, is skipped). `cb.best`,
      `cb.filepaths`, the state file and `max_to_keep` only ever see
      completed files. An error in the writer is raised at the callback's
      next hook or at the end of training; `fit()` returns, and the
      interpreter exits, only after the last write. Call
      `cb.wait_until_finished()` when driving the hooks yourself.
    * It says where things are: `cb.best`, `cb.best_epoch` (0-based),
      `cb.best_filepath`, `cb.last_filepath`, `cb.filepaths` (kept files,
      oldest first), so `load_model(cb.best_filepath)` just works.
      `cb.get_state()` and `cb.set_state()` expose the state.

    With `verbose=1` it prints one line per save point, e.g.
    `Epoch 3: val_loss improved from 0.51234 to 0.49000, saving model to
    ckpt.keras`, `Epoch 4: val_loss did not improve from 0.49000`, or
    `Epoch 5: saving model to ckpt.keras`.

    keras3 R: ``callback_model_checkpoint()``. Differences: `max_to_keep`,
    `load_weights_on_restart`, `options`, `period` and
    `save_on_background` are keyword-only additions; `best_epoch` is 0-based while `{epoch}` in file names and in
    messages is 1-based (as in Keras).

    Args:
        filepath: where to save: a str or pathlib.Path ending in `.keras`
            (or in `.weights.h5` with `save_weights_only=True`). It may hold
            placeholders filled at each save: `{epoch}` (1-based), `{batch}`
            (1-based within the epoch; only with an integer `save_freq`) and
            any key of the logs, with Python formats, e.g.
            `"ckpt/{epoch:02d}-{val_loss:.2f}.keras"`. Missing directories
            are created.
        monitor: the logged metric that decides what is "best", e.g.
            `"val_loss"` or `"val_accuracy"` (the names in `h.metrics`).
        verbose: 0 (silent) or 1 (a line for each save point).
        save_best_only: save only when `monitor` improves. When `monitor` is
            absent from the logs nothing is saved, with a warning (once per
            fit) that lists the keys available.
        save_weights_only: save only the weights (`.weights.h5`) instead
            of the whole model (`.keras`).
        mode: `"min"`, `"max"` or `"auto"`. Auto uses the metric's own
            direction where Keras knows it (AUC, precision, recall and
            accuracy are maximised; losses minimised), otherwise `"max"` for
            names containing "acc" or starting with "fmeasure", otherwise
            `"min"`.
        save_freq: `"epoch"` to save at the end of each epoch, or a positive
            integer N to save every N training batches, counted across
            epochs (and correctly with `steps_per_execution`). Validation
            metrics exist only at epoch ends.
        initial_value_threshold: a starting "best" value: only values better
            than it are saved.
        max_to_keep: keep at most this many checkpoint files. With
            `save_best_only=False`, the most recent ones; with
            `save_best_only=True` and a templated `filepath`, the best ones.
        load_weights_on_restart: at the start of `fit()`, load the most
            recent checkpoint matching `filepath` (templated or not) into the
            model and restore the callback's state. Nothing happens when
            there is no checkpoint yet; a checkpoint that cannot be loaded
            (corrupt file, wrong format or shapes) raises a ValueError
            naming it.
        options: only `None` is accepted: Keras 3's formats take no save
            options (see `model.export()` for TensorFlow SavedModels).
        period: deprecated (TF 1.x): save every `period` epochs. Accepted
            with a DeprecationWarning.
        save_on_background: `True` (the default): take a snapshot at each
            save point and write the file on a background thread; `False`:
            write it on the training thread, as Keras's callback does;
            `"skip"`: in the background, skipping a save point that comes
            while the previous write is still running. The README's "What
            it costs" gives the measurements behind the default.

    Returns:
        A callback (pykeras3's `ModelCheckpoint`, a subclass of
        `keras.callbacks.Callback`).

    Example:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, load_model, callback_model_checkpoint)
        >>> folder = tempfile.mkdtemp()
        >>> cb = callback_model_checkpoint(
        ...     os.path.join(folder, "{epoch:02d}.keras"), monitor="loss",
        ...     save_best_only=True, max_to_keep=2)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> h = fit(model, np.ones((16, 3)), np.zeros((16, 1)), epochs=4,
        ...         verbose=0, callbacks=[cb])
        >>> len(cb.filepaths) <= 2, cb.best_filepath == cb.filepaths[-1]
        (True, True)
        >>> load_model(cb.best_filepath).count_params()
        4
    """
    return ModelCheckpoint(
        filepath, monitor=monitor, verbose=verbose,
        save_best_only=save_best_only, save_weights_only=save_weights_only,
        mode=mode, save_freq=save_freq,
        initial_value_threshold=initial_value_threshold,
        max_to_keep=max_to_keep,
        load_weights_on_restart=load_weights_on_restart, options=options,
        period=period, save_on_background=save_on_background)


@export("callbacks")
def callback_early_stopping(monitor="val_loss", min_delta=0, patience=0,
                            verbose=0, mode="auto", baseline=None,
                            restore_best_weights=False, start_from_epoch=0):
    """Stop training when the monitored value has stopped improving.

    After each epoch the callback compares `monitor` with the best value so
    far; after `patience` epochs without an improvement of more than
    `min_delta`, it stops `fit()`. NaN and infinite values never count as
    an improvement. It shares its notion of "better" (mode, direction of
    metrics, NaN) with `callback_model_checkpoint()`.

    keras3 R: ``callback_early_stopping()``. Epochs are 0-based in the
    callback's attributes (`best_epoch`, `stopped_epoch`) and 1-based in
    its messages, as in Keras.

    Args:
        monitor: the logged metric to watch, e.g. `"val_loss"`.
        min_delta: how much the value must improve to count; smaller
            changes count as no improvement (its sign is ignored).
        patience: how many epochs without improvement to allow before
            stopping.
        verbose: 0 (silent) or 1 (say when training stops and when weights
            are restored).
        mode: `"min"`, `"max"` or `"auto"` (from the metric: losses are
            minimised, accuracy, AUC and the like maximised).
        baseline: a value the monitored metric must beat: while it does
            not, epochs count towards `patience` even when they improve on
            each other.
        restore_best_weights: at the end of training, put back the weights
            of the best epoch (otherwise the model keeps the last epoch's).
        start_from_epoch: the number of epochs to wait before watching
            (a warm-up during which nothing counts).

    Returns:
        A callback (pykeras3's `EarlyStopping`, a
        `keras.callbacks.Callback`) for `fit(callbacks=[...])`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_early_stopping)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> stop = callback_early_stopping(monitor="loss", patience=1,
        ...                                min_delta=10.0)
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=20,
        ...         verbose=0, callbacks=[stop])
        >>> len(h.epoch) < 20, stop.stopped_epoch
        (True, 1)
    """
    return EarlyStopping(monitor=monitor, min_delta=min_delta,
                         patience=patience, verbose=verbose, mode=mode,
                         baseline=baseline,
                         restore_best_weights=restore_best_weights,
                         start_from_epoch=start_from_epoch)


@export("callbacks")
def callback_reduce_lr_on_plateau(monitor="val_loss", factor=0.1,
                                  patience=10, verbose=0, mode="auto",
                                  min_delta=1e-4, cooldown=0, min_lr=0.0,
                                  **kwargs):
    """Lower the learning rate when the monitored value stops improving.

    After `patience` epochs without an improvement of more than
    `min_delta`, the optimizer's learning rate is multiplied by `factor`
    (never below `min_lr`), then `cooldown` epochs pass before counting
    again. The learning rate each epoch ran with is added to the logs as
    `learning_rate` (so a reduction shows from the next epoch on). It
    shares its notion of "better" with `callback_early_stopping()` and
    `callback_model_checkpoint()`.

    keras3 R: ``callback_reduce_lr_on_plateau()``.

    Args:
        monitor: the logged metric to watch, e.g. `"val_loss"`.
        factor: what the learning rate is multiplied by, between 0 and 1.
        patience: how many epochs without improvement to allow before
            lowering the rate.
        verbose: 0 (silent) or 1 (a line each time the rate is lowered).
        mode: `"min"`, `"max"` or `"auto"` (from the metric).
        min_delta: how much the value must improve to count.
        cooldown: epochs to wait after lowering the rate before counting
            epochs without improvement again.
        min_lr: the lowest learning rate allowed.
        **kwargs: none are accepted (keras3's `...` is kept for the
            arguments of older Keras versions, which Keras 3 refuses).

    Returns:
        A callback (pykeras3's `ReduceLROnPlateau`) for
        `fit(callbacks=[...])`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_reduce_lr_on_plateau)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> lower = callback_reduce_lr_on_plateau(
        ...     monitor="loss", factor=0.5, patience=1, min_delta=10.0)
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=4,
        ...         verbose=0, callbacks=[lower])
        >>> [round(r, 4) for r in h.metrics["learning_rate"]]
        [0.01, 0.01, 0.005, 0.0025]
    """
    return ReduceLROnPlateau(monitor=monitor, factor=factor,
                             patience=patience, verbose=verbose, mode=mode,
                             min_delta=min_delta, cooldown=cooldown,
                             min_lr=min_lr, **kwargs)


@export("callbacks")
def callback_backup_and_restore(backup_dir, save_freq="epoch",
                                double_checkpoint=False,
                                delete_checkpoint=True):
    """Back up the whole training state so an interrupted `fit()` resumes.

    The model, optimizer and epoch counter are saved in `backup_dir` (at
    each epoch end, or every `save_freq` batches). When `fit()` starts
    again with the same callback folder after a crash, it continues from
    the backup instead of from the start; after a complete run the backup
    is deleted. For keeping the best models, use
    `callback_model_checkpoint()` (whose files are crash-safe and kept).

    keras3 R: ``callback_backup_and_restore()``.

    Args:
        backup_dir: the folder for the backup (created if missing); give
            each training run its own.
        save_freq: `"epoch"` or an integer number of batches between
            backups (or `False` for backups only at epoch ends, as
            `"epoch"`).
        double_checkpoint: keep the previous backup too, so that a crash
            while backing up still leaves one to resume from.
        delete_checkpoint: delete the backup when training finishes.

    Returns:
        A `keras.callbacks.BackupAndRestore` callback.

    Example:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_backup_and_restore)
        >>> folder = os.path.join(tempfile.mkdtemp(), "backup")
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=2,
        ...         verbose=0, callbacks=[callback_backup_and_restore(folder)])
        >>> len(h.epoch)
        2
    """
    fn = "callback_backup_and_restore"
    folder = as_path(fn, backup_dir, "backup_dir")
    if not (save_freq == "epoch" or save_freq is False or (
            isinstance(save_freq, int) and not isinstance(save_freq, bool)
            and save_freq > 0)):
        raise ValueError(
            f"{fn}(): `save_freq` must be 'epoch' or a positive number of "
            f"batches. Received: save_freq={save_freq!r}")
    return keras.callbacks.BackupAndRestore(
        folder, save_freq=save_freq,
        double_checkpoint=as_bool(fn, "double_checkpoint",
                                  double_checkpoint),
        delete_checkpoint=as_bool(fn, "delete_checkpoint",
                                  delete_checkpoint))


@export("callbacks")
def callback_csv_logger(filename, separator=",", append=False):
    """Write each epoch's metrics as a row of a CSV file.

    The first row names the columns (`epoch`, each metric, and its `val_`
    counterpart, empty when there is no validation); `epoch` counts from
    0, as Keras writes it. The file can be read back with
    `pandas.read_csv()`.

    keras3 R: ``callback_csv_logger()``. Epochs in the file are 0-based.

    Args:
        filename: the CSV file to write (its folder is created if
            missing).
        separator: the character between columns.
        append: add to an existing file (for a resumed run) instead of
            replacing it.

    Returns:
        A `keras.callbacks.CSVLogger` callback.

    Example:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_csv_logger)
        >>> path = os.path.join(tempfile.mkdtemp(), "log.csv")
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=2,
        ...         verbose=0, callbacks=[callback_csv_logger(path)])
        >>> open(path).read().splitlines()[0]
        'epoch,loss,val_loss'
    """
    fn = "callback_csv_logger"
    path = as_path(fn, filename, "filename")
    if not isinstance(separator, str) or not separator:
        raise ArgumentTypeError(
            f"{fn}(): `separator` must be a character such as ','. "
            f"Received: separator={separator!r}")
    make_parents(fn, path)
    return keras.callbacks.CSVLogger(path, separator=separator,
                                     append=as_bool(fn, "append", append))


# Keras's callback hooks and the arguments Keras gives them (after
# `self`); also used by `new_callback_class()`.
HOOK_ARGUMENTS = {
    "on_epoch_begin": ("epoch", "logs"), "on_epoch_end": ("epoch", "logs"),
    "on_batch_begin": ("batch", "logs"), "on_batch_end": ("batch", "logs"),
    "on_train_batch_begin": ("batch", "logs"),
    "on_train_batch_end": ("batch", "logs"),
    "on_test_batch_begin": ("batch", "logs"),
    "on_test_batch_end": ("batch", "logs"),
    "on_predict_batch_begin": ("batch", "logs"),
    "on_predict_batch_end": ("batch", "logs"),
    "on_train_begin": ("logs",), "on_train_end": ("logs",),
    "on_test_begin": ("logs",), "on_test_end": ("logs",),
    "on_predict_begin": ("logs",), "on_predict_end": ("logs",),
}


def fit_arity(fn, hook, function, names):
    """`function` called with as many of the arguments `names` (which Keras
    may pass by position or by name) as it takes, as keras3 does with R
    functions that leave out `logs`."""
    if function is None:
        return None
    if not callable(function):
        raise ArgumentTypeError(
            f"{fn}(): `{hook}` must be a function. "
            f"Received: {hook}={function!r}")
    try:
        params = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return function
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return function
    takes = sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY,
                                                p.POSITIONAL_OR_KEYWORD))
    if takes >= len(names):
        return function

    def call(*args, **kwargs):
        values = list(args) + [kwargs[n] for n in names[len(args):]
                               if n in kwargs]
        return function(*values[:takes])
    return call


@export("callbacks")
def callback_lambda(on_epoch_begin=None, on_epoch_end=None,
                    on_train_begin=None, on_train_end=None,
                    on_train_batch_begin=None, on_train_batch_end=None,
                    **kwargs):
    """Make a callback from plain functions, one per moment of training.

    Each function gets what Keras gives that moment: `(epoch, logs)` for
    the epoch hooks, `(batch, logs)` for the batch hooks, `(logs)` for the
    begin and end of training; a function may take fewer (say, only
    `epoch`), as in keras3. Epoch and batch numbers are 0-based.

    keras3 R: ``callback_lambda()``. Epochs and batches are 0-based here
    (keras3 passes 1-based numbers); other hooks (`on_test_begin`,
    `on_predict_batch_end`, ...) are keyword arguments.

    Args:
        on_epoch_begin: called as `f(epoch, logs)` when an epoch starts.
        on_epoch_end: called as `f(epoch, logs)` when an epoch ends; `logs`
            holds that epoch's metrics.
        on_train_begin: called as `f(logs)` when training starts.
        on_train_end: called as `f(logs)` when training ends.
        on_train_batch_begin: called as `f(batch, logs)` before each batch.
        on_train_batch_end: called as `f(batch, logs)` after each batch.
        **kwargs: other hooks by name (`on_test_begin`, `on_test_end`,
            `on_test_batch_begin`, `on_test_batch_end`, `on_predict_begin`,
            `on_predict_end`, `on_predict_batch_begin`,
            `on_predict_batch_end`).

    Returns:
        A `keras.callbacks.LambdaCallback`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_lambda)
        >>> seen = []
        >>> cb = callback_lambda(on_epoch_end=lambda epoch: seen.append(epoch))
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=3,
        ...         verbose=0, callbacks=[cb])
        >>> seen
        [0, 1, 2]
    """
    fn = "callback_lambda"
    hooks = dict(on_epoch_begin=on_epoch_begin, on_epoch_end=on_epoch_end,
                 on_train_begin=on_train_begin, on_train_end=on_train_end,
                 on_train_batch_begin=on_train_batch_begin,
                 on_train_batch_end=on_train_batch_end)
    for name in kwargs:
        if name not in HOOK_ARGUMENTS:
            raise TypeError(
                f"{fn}(): {name!r} is not a callback hook. Hooks: "
                f"{', '.join(sorted(HOOK_ARGUMENTS))}.")
    hooks.update(kwargs)
    adapted = {name: fit_arity(fn, name, function, HOOK_ARGUMENTS[name])
               for name, function in hooks.items()}
    return keras.callbacks.LambdaCallback(
        **{k: v for k, v in adapted.items() if v is not None})


@export("callbacks")
def callback_learning_rate_scheduler(schedule, verbose=0):
    """Set the learning rate at the start of each epoch from a function.

    `schedule(epoch, lr)` gets the 0-based epoch and the current learning
    rate and returns the new rate (a function of `epoch` alone works too).
    For rates that change every step, pass a `learning_rate_schedule_*()`
    object as the optimizer's `learning_rate` instead.

    keras3 R: ``callback_learning_rate_scheduler()``. The epoch given to
    `schedule` is 0-based in keras3 too (keras3 passes the function to
    Keras unchanged, unlike `callback_lambda()`'s functions, which it gives
    1-based epochs).

    Args:
        schedule: a function `(epoch, lr) -> new lr` (or `(epoch) -> lr`).
        verbose: 0 (silent) or 1 (a line each epoch with the rate set).

    Returns:
        A `keras.callbacks.LearningRateScheduler` callback.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_learning_rate_scheduler)
        >>> halve = callback_learning_rate_scheduler(
        ...     lambda epoch, lr: 0.1 / 2 ** epoch)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=3,
        ...         verbose=0, callbacks=[halve])
        >>> [round(r, 3) for r in h.metrics["learning_rate"]]
        [0.1, 0.05, 0.025]
    """
    fn = "callback_learning_rate_scheduler"
    return keras.callbacks.LearningRateScheduler(
        fit_arity(fn, "schedule", schedule, ("epoch", "lr")),
        verbose=as_int(fn, "verbose", verbose, minimum=0))


@export("callbacks")
def callback_remote_monitor(root="http://localhost:9000",
                            path="/publish/epoch/end/", field="data",
                            headers=None, send_as_json=False):
    """Send each epoch's metrics to a web server, as an HTTP POST.

    At the end of each epoch, the logs (with `epoch`, 0-based) are posted
    to `root + path`, as a form field named `field` holding JSON, or as a
    JSON body with `send_as_json=True`. A server that cannot be reached
    gives a warning, not an error.

    keras3 R: ``callback_remote_monitor()``.

    Args:
        root: the server's address, e.g. `"http://localhost:9000"`.
        path: the path on the server to post to.
        field: the name of the form field holding the metrics (ignored with
            `send_as_json=True`).
        headers: a dict of extra HTTP headers, or `None`.
        send_as_json: post the metrics as a JSON body instead of a form.

    Returns:
        A `keras.callbacks.RemoteMonitor` callback.

    Example:
        >>> from pykeras3 import callback_remote_monitor
        >>> cb = callback_remote_monitor(root="http://localhost:9000",
        ...                              send_as_json=True)
        >>> cb.root + cb.path
        'http://localhost:9000/publish/epoch/end/'
    """
    fn = "callback_remote_monitor"
    for name, value in (("root", root), ("path", path), ("field", field)):
        if not isinstance(value, str):
            raise ArgumentTypeError(f"{fn}(): `{name}` must be a string. "
                                    f"Received: {name}={value!r}")
    if headers is not None and not isinstance(headers, dict):
        raise ArgumentTypeError(f"{fn}(): `headers` must be a dict or None. "
                                f"Received: headers={headers!r}")
    return keras.callbacks.RemoteMonitor(
        root=root, path=path, field=field, headers=headers,
        send_as_json=as_bool(fn, "send_as_json", send_as_json))


@export("callbacks")
def callback_swap_ema_weights(swap_on_epoch=False):
    """Evaluate and save with the optimizer's averaged (EMA) weights.

    With an optimizer made with `use_ema=True`, which keeps an exponential
    moving average of each weight, this callback swaps the averages in
    during evaluation (and, with `swap_on_epoch=True`, during the other
    callbacks of each epoch end, so checkpoints hold them), then swaps the
    trained weights back.

    keras3 R: ``callback_swap_ema_weights()``.

    Args:
        swap_on_epoch: also swap for the epoch-end callbacks that follow
            it in the list (such as a checkpoint); put this callback before
            them.

    Returns:
        A `keras.callbacks.SwapEMAWeights` callback.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, optimizer_sgd, callback_swap_ema_weights)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), loss="mse",
        ...     optimizer=optimizer_sgd(use_ema=True))
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=2,
        ...         verbose=0, validation_split=0.25,
        ...         callbacks=[callback_swap_ema_weights()])
        >>> len(h.metrics["val_loss"])
        2
    """
    return keras.callbacks.SwapEMAWeights(
        swap_on_epoch=as_bool("callback_swap_ema_weights", "swap_on_epoch",
                              swap_on_epoch))


@export("callbacks")
def callback_tensorboard(log_dir="logs", histogram_freq=0, write_graph=True,
                         write_images=False, write_steps_per_second=False,
                         update_freq="epoch", profile_batch=0,
                         embeddings_freq=0, embeddings_metadata=None):
    """Write logs for TensorBoard: metrics, graphs, weight histograms.

    Run `tensorboard --logdir logs` to watch the curves while training or
    after. The logs of training and validation go to `train/` and
    `validation/` under `log_dir`. Needs the `tensorboard` package
    (`python -m pip install tensorboard`); without it the error comes at
    once, not in the middle of `fit()`.

    keras3 R: ``callback_tensorboard()``.

    Args:
        log_dir: the folder to write the logs in.
        histogram_freq: every how many epochs to write histograms of the
            weights (0 for never).
        write_graph: write the model's graph.
        write_images: write the weights as images.
        write_steps_per_second: also log the training speed.
        update_freq: `"epoch"` to write metrics at each epoch end,
            `"batch"` after each batch, or an integer number of batches.
        profile_batch: which batch (or `(start, stop)` range of batches) to
            profile; 0 for none.
        embeddings_freq: every how many epochs to write the embedding
            layers' weights for the projector (0 for never).
        embeddings_metadata: a dict of embedding layer name -> metadata
            file, or `None`.

    Returns:
        A `keras.callbacks.TensorBoard` callback.

    Example:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_tensorboard)
        >>> logs = os.path.join(tempfile.mkdtemp(), "logs")
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> h = fit(model, np.ones((8, 3)), np.zeros((8, 1)), epochs=1,
        ...         verbose=0, callbacks=[callback_tensorboard(logs)])
        >>> os.listdir(logs)
        ['train']
    """
    fn = "callback_tensorboard"
    need("tensorboard", fn, "writing TensorBoard logs", load=False)
    return keras.callbacks.TensorBoard(
        log_dir=os.fspath(as_path(fn, log_dir, "log_dir")),
        histogram_freq=as_int(fn, "histogram_freq", histogram_freq,
                              minimum=0),
        write_graph=as_bool(fn, "write_graph", write_graph),
        write_images=as_bool(fn, "write_images", write_images),
        write_steps_per_second=as_bool(fn, "write_steps_per_second",
                                       write_steps_per_second),
        update_freq=update_freq, profile_batch=profile_batch,
        embeddings_freq=as_int(fn, "embeddings_freq", embeddings_freq,
                               minimum=0),
        embeddings_metadata=embeddings_metadata)


@export("callbacks")
def callback_terminate_on_nan(*, raise_error=False):
    """Stop training as soon as the loss becomes NaN or infinite.

    keras3 R: ``callback_terminate_on_nan()``. `raise_error` is Keras's
    newer option, keyword-only here.

    Args:
        raise_error: raise an error instead of stopping quietly.

    Returns:
        A `keras.callbacks.TerminateOnNaN` callback.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...     compile, fit, callback_terminate_on_nan)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> x = np.full((8, 3), np.nan, dtype="float32")
        >>> h = fit(model, x, np.zeros((8, 1)), epochs=5, verbose=0,
        ...         callbacks=[callback_terminate_on_nan()])
        Batch 0: Invalid loss, terminating training
        >>> len(h.epoch)
        1
    """
    return keras.callbacks.TerminateOnNaN(
        raise_error=as_bool("callback_terminate_on_nan", "raise_error",
                            raise_error))


@export("callbacks")
def callback_view_metrics(to_file=None, metrics=None, smooth=True,
                          dpi=None):
    """Redraw the training curves after every epoch, live.

    keras3 R: none; keras3's `fit(view_metrics=)` shows live metrics in
    RStudio's viewer, and pykeras3's `fit(view_metrics=)` adds this
    callback. Use it directly with Keras's own `model.fit()`, or to choose
    the panels or the file. The drawing is that of `plot(history)`. Needs
    matplotlib (`pip install "pykeras3[plot]"`) when it draws.

    Args:
        to_file: an image file ('.png', '.svg', '.pdf' or '.jpg') to
            rewrite, atomically, after each epoch, e.g. to watch from an
            image viewer or a browser. `None`: in a Jupyter notebook, one
            image in the cell's output is updated in place after each
            epoch; outside Jupyter nothing is drawn.
        metrics: the panels to draw: a metric name or a list of names
            without `val_` (default: all).
        smooth: with 10 or more epochs, draw each line as a smoothed trend
            through the points.
        dpi: resolution of the image (default: matplotlib's).

    Returns:
        A `keras.callbacks.Callback` (pykeras3's `MetricsViewer`): its
        `epochs` and `metrics` hold the current run's values.

    Example:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...                       compile, callback_view_metrics)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), loss="mse")
        >>> curves = os.path.join(tempfile.mkdtemp(), "curves.png")
        >>> viewer = callback_view_metrics(to_file=curves)
        >>> _ = model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=3,
        ...               verbose=0, callbacks=[viewer])
        >>> os.path.exists(curves), viewer.epochs
        (True, [0, 1, 2])
    """
    return MetricsViewer(to_file=to_file, metrics=metrics, smooth=smooth,
                         dpi=dpi)
