"""Training verbs: compile, fit, evaluate, predict and the per-batch ones."""

from __future__ import annotations

import numbers

import keras
import numpy as np

from ._args import ArgumentTypeError, as_bool, as_int
from ._checks import check_inputs, explaining_targets, require_data
from ._registry import export
from ._verbs import model_verb
from .history import KerasHistory
from .view_metrics import viewer_for_fit


def _as_list(value):
    """keras3 accepts one metric or several; Keras wants a list."""
    if isinstance(value, str) or callable(value):
        return [value]
    return value


def _callbacks(fn, callbacks):
    if callbacks is None:
        return None
    if isinstance(callbacks, keras.callbacks.Callback):
        return [callbacks]
    callbacks = list(callbacks)
    for cb in callbacks:
        if not isinstance(cb, keras.callbacks.Callback):
            raise ArgumentTypeError(
                f"{fn}(): every entry of `callbacks` must be a Keras "
                f"callback, such as callback_model_checkpoint(...). "
                f"Received: {type(cb).__name__} {cb!r}")
    return callbacks


def _floats(logs):
    return {name: float(np.asarray(value)) for name, value in logs.items()}


@export("model training")
@model_verb
def compile(model, optimizer="rmsprop", loss=None, metrics=None, *,
            loss_weights=None, weighted_metrics=None, run_eagerly=False,
            steps_per_execution=1, jit_compile="auto", auto_scale_loss=True,
            **kwargs):
    """Configure a model for training: optimizer, loss and metrics.

    The model is changed in place and returned, so the pipe goes on.

    keras3 R: ``compile()``. R's `...` becomes keyword-only arguments.

    Args:
        model: the model to configure.
        optimizer: an optimizer name (`"adam"`, `"rmsprop"`, `"sgd"`, ...)
            or a `keras.optimizers.Optimizer`.
        loss: a loss name (`"mse"`, `"binary_crossentropy"`, ...), a loss
            object or function, or a list/dict of them for several outputs.
        metrics: one metric (`"accuracy"`) or a list of them, or a dict per
            output.
        loss_weights: weights of each output's loss, for several outputs.
        weighted_metrics: metrics that take `sample_weight` into account.
        run_eagerly: run step by step in Python (slow; for debugging).
        steps_per_execution: batches run per call into the compiled graph.
        jit_compile: whether to compile with XLA (`"auto"` decides).
        auto_scale_loss: scale the loss under mixed precision.
        **kwargs: other arguments for `keras.Model.compile`.

    Returns:
        The model, compiled.

    Example:
        >>> from pykeras3 import keras_model_sequential, layer_dense, compile
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="adam", loss="mse",
        ...     metrics="mae")
        >>> model.optimizer.name
        'adam'
    """
    model.compile(
        optimizer=optimizer, loss=loss, metrics=_as_list(metrics),
        loss_weights=loss_weights,
        weighted_metrics=_as_list(weighted_metrics),
        run_eagerly=as_bool("compile", "run_eagerly", run_eagerly),
        steps_per_execution=as_int("compile", "steps_per_execution",
                                   steps_per_execution, minimum=1),
        jit_compile=jit_compile, auto_scale_loss=auto_scale_loss, **kwargs)
    return model


@export("model training")
@model_verb
def fit(model, x=None, y=None, *, batch_size=None, epochs=1, callbacks=None,
        validation_split=0.0, validation_data=None, shuffle=True,
        class_weight=None, sample_weight=None, initial_epoch=0,
        steps_per_epoch=None, validation_steps=None,
        validation_batch_size=None, validation_freq=1, verbose="auto",
        view_metrics="auto", **kwargs):
    """Train a model for a number of epochs.

    keras3 R: ``fit()``. Differences: `initial_epoch` counts from 0 as in
    Python Keras (R counts from 1); `validation_data` is a tuple
    `(x_val, y_val)` (a list is accepted too); `view_metrics` draws the
    live curves in a Jupyter notebook (or an image file) where keras3 uses
    RStudio's viewer.

    Args:
        model: a compiled model.
        x: input data: a NumPy array or tensor, a list/dict of them for
            several inputs, a `tf.data.Dataset` or a `keras.utils.PyDataset`.
        y: targets, like `x`; leave `None` when `x` yields `(x, y)` pairs.
        batch_size: samples per gradient update (default 32 for arrays).
        epochs: index of the epoch to stop after; with
            `initial_epoch=0`, the number of epochs.
        callbacks: a callback or list of callbacks, e.g.
            `callback_model_checkpoint(...)`.
        validation_split: fraction of the training arrays (taken from the
            end, before shuffling) held out for validation.
        validation_data: `(x_val, y_val)` or `(x_val, y_val, weights)` to
            validate on, instead of `validation_split`.
        shuffle: shuffle the training data before each epoch. A
            `tf.data` dataset (or a torch DataLoader) shuffles itself
            (`.shuffle(buffer_size)`): for it this is ignored, without
            Keras's warning.
        class_weight: a dict of class index -> weight for the loss.
        sample_weight: an array of per-sample loss weights.
        initial_epoch: epoch to start from, 0-based (to resume training).
        steps_per_epoch: batches per epoch, for data without a length.
        validation_steps: batches to validate on at each epoch end.
        validation_batch_size: batch size for validation.
        validation_freq: validate every this many epochs, or a list of
            the epochs to validate after, numbered from 1 as Keras and the
            progress bar number them (`[1, 5, 10]`).
        verbose: `"auto"`, 0 (silent), 1 (progress bar) or 2 (a line per
            epoch).
        view_metrics: live training curves, redrawn after each epoch (the
            drawing of `plot(history)`). `"auto"`: in a Jupyter notebook,
            when `verbose` is on and more than one epoch runs (and
            matplotlib is installed). `True`: in a Jupyter notebook (one
            image in the cell's output, updated in place; outside Jupyter
            nothing is drawn). A file path ending in '.png', '.svg', '.pdf'
            or '.jpg': that file, rewritten after each epoch. `False`:
            never. The same callback is `callback_view_metrics()`.
        **kwargs: other arguments for `keras.Model.fit`.

    Returns:
        A `KerasHistory`: `h.metrics` maps each metric name to its value at
        every epoch (NaN for an epoch without one, such as validation
        skipped by `validation_freq`), `h.params` and `h.epoch` describe the
        run, and `print(h)` shows the final epoch. `plot(h)` draws it and
        `as_data_frame(h)` tabulates it.

    Example:
        >>> import numpy as np, toolz
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import compile, fit
        >>> x, y = np.ones((8, 3)), np.zeros((8, 1))
        >>> h = toolz.pipe(
        ...     keras_model_sequential(input_shape=3), layer_dense(units=1),
        ...     compile(loss="mse"), fit(x, y, epochs=2, verbose=0))
        >>> list(h.metrics), len(h.metrics["loss"])
        (['loss'], 2)
    """
    fn = "fit"
    if isinstance(validation_data, list):
        validation_data = tuple(validation_data)
    if not isinstance(validation_split, numbers.Real) or isinstance(
            validation_split, bool) or not 0 <= validation_split < 1:
        raise ValueError(
            f"{fn}(): `validation_split` must be a number in [0, 1). "
            f"Received: validation_split={validation_split!r}")
    require_data(fn, x, y)
    check_inputs(fn, model, x)
    if isinstance(validation_data, tuple) and validation_data:
        check_inputs(fn, model, validation_data[0], "validation_data[0]")
    validation_freq = _validation_freq(fn, validation_freq)
    callbacks = _callbacks(fn, callbacks) or []
    viewer = viewer_for_fit(
        fn, view_metrics, verbose,
        as_int(fn, "epochs", epochs, minimum=0),
        as_int(fn, "initial_epoch", initial_epoch, minimum=0), callbacks)
    if viewer is not None:
        callbacks = callbacks + [viewer]
    with explaining_targets(fn, model, y):
        history = _fit(model, fn, x, y, batch_size, epochs, verbose,
                       callbacks or None, validation_split, validation_data,
                       shuffle, class_weight, sample_weight, initial_epoch,
                       steps_per_epoch, validation_steps,
                       validation_batch_size, validation_freq, kwargs)
    return KerasHistory(history, validation_freq=validation_freq)


def _shuffled_by_its_source(x):
    """True for data Keras cannot shuffle (a `tf.data` dataset, a torch
    DataLoader, a Grain dataset): it ignores `shuffle=True` for them with a
    warning, which keras3's default `shuffle=True` would give every such
    `fit()`."""
    try:
        from keras.src.trainers import data_adapters
    except ImportError:  # pragma: no cover - Keras moved it
        return False
    checks = ("is_tf_dataset", "is_torch_dataloader", "is_grain_dataset")
    return any(getattr(data_adapters, name, lambda _: False)(x)
               for name in checks)


def _validation_freq(fn, value):
    """An integer, or a list of 1-based epoch numbers (Keras's two
    forms)."""
    if isinstance(value, (list, tuple)):
        return [as_int(fn, "validation_freq", v, minimum=1) for v in value]
    return as_int(fn, "validation_freq", value, minimum=1)


def _fit(model, fn, x, y, batch_size, epochs, verbose, callbacks,
         validation_split, validation_data, shuffle, class_weight,
         sample_weight, initial_epoch, steps_per_epoch, validation_steps,
         validation_batch_size, validation_freq, kwargs):
    return model.fit(
        x=x, y=y,
        batch_size=as_int(fn, "batch_size", batch_size, minimum=1,
                          allow_none=True),
        epochs=as_int(fn, "epochs", epochs, minimum=0),
        verbose=verbose, callbacks=callbacks,
        validation_split=validation_split, validation_data=validation_data,
        shuffle=shuffle and not _shuffled_by_its_source(x),
        class_weight=class_weight, sample_weight=sample_weight,
        initial_epoch=as_int(fn, "initial_epoch", initial_epoch, minimum=0),
        steps_per_epoch=as_int(fn, "steps_per_epoch", steps_per_epoch,
                               minimum=1, allow_none=True),
        validation_steps=as_int(fn, "validation_steps", validation_steps,
                                minimum=1, allow_none=True),
        validation_batch_size=as_int(fn, "validation_batch_size",
                                     validation_batch_size, minimum=1,
                                     allow_none=True),
        validation_freq=validation_freq,
        **kwargs)


@export("model training")
@model_verb
def evaluate(model, x=None, y=None, *, batch_size=None, verbose="auto",
             sample_weight=None, steps=None, callbacks=None, **kwargs):
    """Compute the loss and metrics of a model on data.

    keras3 R: ``evaluate()``.

    Args:
        model: a compiled model.
        x: input data (as for `fit()`).
        y: targets.
        batch_size: samples per batch (default 32 for arrays).
        verbose: `"auto"`, 0 (silent) or 1 (progress bar).
        sample_weight: per-sample weights for the loss.
        steps: number of batches to evaluate, for data without a length.
        callbacks: a callback or list of callbacks.
        **kwargs: other arguments for `keras.Model.evaluate`
            (`return_dict=True` is accepted and changes nothing).

    Returns:
        A dict of metric name -> float, e.g. `{"loss": 0.12, "mae": 0.3}`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import compile, evaluate
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=2), units=1, kernel_initializer="zeros"),
        ...     loss="mse")
        >>> evaluate(model, np.ones((4, 2)), np.ones((4, 1)), verbose=0)
        {'loss': 1.0}
    """
    fn = "evaluate"
    if kwargs.pop("return_dict", True) is not True:
        raise ValueError(
            f"{fn}(): pykeras3's evaluate() always returns a dict of metric "
            f"name -> value (as keras3 returns a named list); for Keras's "
            f"list, call list(evaluate(...).values()) or model.evaluate(). "
            f"Received: return_dict=False")
    require_data(fn, x, y)
    check_inputs(fn, model, x)
    with explaining_targets(fn, model, y):
        results = model.evaluate(
            x=x, y=y,
            batch_size=as_int(fn, "batch_size", batch_size, minimum=1,
                              allow_none=True),
            verbose=verbose, sample_weight=sample_weight,
            steps=as_int(fn, "steps", steps, minimum=1, allow_none=True),
            callbacks=_callbacks(fn, callbacks), return_dict=True,
            **kwargs)
    return _floats(results)


@export("model training")
@model_verb
def predict(model, x, *, batch_size=None, verbose="auto", steps=None,
            callbacks=None, **kwargs):
    """Compute a model's outputs for input data.

    keras3 R: ``predict()``.

    Args:
        model: the model.
        x: input data (as for `fit()`).
        batch_size: samples per batch (default 32 for arrays).
        verbose: `"auto"`, 0 (silent) or 1 (progress bar).
        steps: number of batches, for data without a length.
        callbacks: a callback or list of callbacks.
        **kwargs: other arguments for `keras.Model.predict`.

    Returns:
        A NumPy array (a list or dict of arrays for several outputs).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense, predict
        >>> model = layer_dense(keras_model_sequential(input_shape=2),
        ...                     units=3)
        >>> predict(model, np.ones((5, 2)), verbose=0).shape
        (5, 3)
    """
    fn = "predict"
    require_data(fn, x)
    check_inputs(fn, model, x)
    return model.predict(
        x, batch_size=as_int(fn, "batch_size", batch_size, minimum=1,
                             allow_none=True),
        verbose=verbose,
        steps=as_int(fn, "steps", steps, minimum=1, allow_none=True),
        callbacks=_callbacks(fn, callbacks), **kwargs)


def _to_numpy(value):
    return keras.tree.map_structure(keras.ops.convert_to_numpy, value)


@export("model training")
@model_verb
def predict_on_batch(model, x):
    """Compute a model's outputs for one batch of inputs.

    keras3 R: ``predict_on_batch()``.

    Args:
        model: the model.
        x: one batch of input data.

    Returns:
        A NumPy array (or a structure of arrays for several outputs).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import predict_on_batch
        >>> model = layer_dense(keras_model_sequential(input_shape=2),
        ...                     units=1)
        >>> predict_on_batch(model, np.ones((3, 2))).shape
        (3, 1)
    """
    check_inputs("predict_on_batch", model, x)
    return _to_numpy(model.predict_on_batch(x))


@export("model training")
@model_verb
def train_on_batch(model, x, y=None, sample_weight=None, class_weight=None):
    """Run one gradient update on one batch.

    keras3 R: ``train_on_batch()``.

    Args:
        model: a compiled model.
        x: one batch of input data.
        y: its targets.
        sample_weight: per-sample loss weights.
        class_weight: a dict of class index -> loss weight.

    Returns:
        A dict of metric name -> float after the update.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import compile, train_on_batch
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=2), units=1), loss="mse")
        >>> sorted(train_on_batch(model, np.ones((4, 2)), np.ones((4, 1))))
        ['loss']
    """
    check_inputs("train_on_batch", model, x)
    with explaining_targets("train_on_batch", model, y):
        return _floats(model.train_on_batch(
            x, y, sample_weight=sample_weight, class_weight=class_weight,
            return_dict=True))


@export("model training")
@model_verb
def test_on_batch(model, x, y=None, sample_weight=None):
    """Compute the loss and metrics on one batch, without training.

    keras3 R: ``test_on_batch()``.

    Args:
        model: a compiled model.
        x: one batch of input data.
        y: its targets.
        sample_weight: per-sample loss weights.

    Returns:
        A dict of metric name -> float.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import compile, test_on_batch
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=2), units=1, kernel_initializer="zeros"),
        ...     loss="mse")
        >>> test_on_batch(model, np.ones((4, 2)), np.ones((4, 1)))
        {'loss': 1.0}
    """
    check_inputs("test_on_batch", model, x)
    with explaining_targets("test_on_batch", model, y):
        return _floats(model.test_on_batch(
            x, y, sample_weight=sample_weight, return_dict=True))
