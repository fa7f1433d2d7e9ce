"""Callbacks: callback_model_checkpoint."""

from __future__ import annotations

from ._registry import export
from .checkpoint import ModelCheckpoint


@export("callbacks")
def callback_model_checkpoint(filepath, monitor="val_loss", verbose=0,
                              save_best_only=False, save_weights_only=False,
                              mode="auto", save_freq="epoch",
                              initial_value_threshold=None, *,
                              max_to_keep=None, load_weights_on_restart=False,
                              options=None, period=None):
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
    * It says where things are: `cb.best`, `cb.best_epoch` (0-based),
      `cb.best_filepath`, `cb.last_filepath`, `cb.filepaths` (kept files,
      oldest first), so `load_model(cb.best_filepath)` just works.
      `cb.get_state()` and `cb.set_state()` expose the state.

    With `verbose=1` it prints one line per save point, e.g.
    `Epoch 3: val_loss improved from 0.51234 to 0.49000, saving model to
    ckpt.keras`, `Epoch 4: val_loss did not improve from 0.49000`, or
    `Epoch 5: saving model to ckpt.keras`.

    keras3 R: ``callback_model_checkpoint()``. Differences: `max_to_keep`,
    `load_weights_on_restart`, `options` and `period` are keyword-only
    additions; `best_epoch` is 0-based while `{epoch}` in file names and in
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
        period=period)
