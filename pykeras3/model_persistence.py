"""Saving and loading models, weights and configurations.

Every write goes through `pykeras3._files.atomic_write` (crash-safe) and
every file name through `pykeras3._files.check_suffix` (checked before
anything is read or written).
"""

from __future__ import annotations

import contextlib
import errno
import io
import numbers
import os
import sys
import tempfile
import zipfile

import keras

from ._args import ArgumentTypeError, as_bool
from ._checks import (build_optimizer_for, check_keras_archive,
                      explain_weights, explaining_custom_objects)
from ._files import (as_path, atomic_write, atomic_write_text, os_error,
                     check_readable, check_suffix, check_target,
                     write_sharded_weights)
from ._registry import export
from ._verbs import model_verb, path_verb


_WEIGHTS_HINT = ("To save only the weights, use save_model_weights() with a "
                 "'.weights.h5' name.")


@export("model persistence")
@model_verb
def save_model(model, filepath=None, overwrite=False, zipped=None,
               **kwargs):
    """Save a whole model (architecture, weights, optimizer state).

    The file is written atomically: in a hidden staging folder beside
    `filepath`, flushed to disk, then renamed over it. If saving fails, any
    earlier file at `filepath` is left intact. With `overwrite=False` the
    rule holds at the final rename too: of two processes saving to one new
    path, exactly one succeeds. A folder is never removed to write a file.

    keras3 R: ``save_model()``. Like R, `overwrite` defaults to `False` and
    `filepath = None` returns the model as raw bytes.

    Args:
        model: the model to save.
        filepath: where to save; must end in `.keras`. `None` returns the
            archive as `bytes` instead (load it with `load_model(bytes)`).
        overwrite: replace an existing file. With `False` an existing file
            raises FileExistsError and nothing changes on disk. With `True`
            an existing folder still raises IsADirectoryError.
        zipped: `None` or `True` write a `.keras` zip archive. `False`
            writes Keras's unzipped model directory instead, whose name
            must not end in `.keras`; with `overwrite=True` it replaces an
            existing unzipped model directory, never another folder.
        **kwargs: other arguments for `keras.Model.save`.

    Returns:
        The model (so the pipe goes on), or `bytes` when `filepath` is
        `None`.

    Example:
        >>> import os, tempfile
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import save_model, load_model
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=1)
        >>> path = os.path.join(tempfile.mkdtemp(), "model.keras")
        >>> save_model(model, path) is model
        True
        >>> load_model(path).count_params()
        4
        >>> type(save_model(model))
        <class 'bytes'>
    """
    fn = "save_model"
    overwrite = as_bool(fn, "overwrite", overwrite)
    if zipped is not None:
        zipped = as_bool(fn, "zipped", zipped)
    if filepath is None:
        if zipped is False:
            raise ValueError(
                f"{fn}(): without a `filepath` the model is returned as the "
                f"bytes of a zipped '.keras' archive, so zipped=False needs "
                f"a `filepath` (a directory). Received: zipped=False")
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "model.keras")
            model.save(path, **kwargs)
            with open(path, "rb") as f:
                return f.read()
    if zipped is False:
        path = check_suffix(fn, filepath, "model_dir")
        check_target(fn, path, overwrite, directory=True)
        _check_model_dir_target(fn, path)
    else:
        path = check_suffix(fn, filepath, "model", hint=_WEIGHTS_HINT)
        check_target(fn, path, overwrite)
    extra = dict(kwargs)
    if zipped is not None:
        extra["zipped"] = zipped
    atomic_write(path, lambda tmp: model.save(tmp, **extra), fn=fn,
                 overwrite=overwrite)
    return model


def _check_model_dir_target(fn, path):
    """With zipped=False an existing folder is replaced only when it is an
    unzipped Keras model, never an unrelated folder that shares its name."""
    if os.path.isdir(path) and not (
            os.path.isfile(os.path.join(path, "config.json"))
            and os.path.isfile(os.path.join(path, "metadata.json"))):
        raise os_error(IsADirectoryError, errno.EISDIR,
            f"{fn}(): {path!r} is an existing folder that is not an "
            f"unzipped Keras model (it lacks config.json and "
            f"metadata.json); pykeras3 replaces only a model folder with "
            f"zipped=False. Choose another name, or remove the folder.")


@export("model persistence")
@path_verb
def load_model(model, custom_objects=None, compile=True, safe_mode=True):
    """Load a whole model saved by `save_model()` (or by Keras).

    keras3 R: ``load_model()``; like R, the first argument is named `model`
    and is the saved file.

    Args:
        model: the path of a `.keras` file (or of a legacy `.h5` model file,
            or of an unzipped model directory), or the `bytes` returned by
            `save_model(model)`.
        custom_objects: a dict of name -> class or function, for custom
            layers, losses or metrics used by the model.
        compile: compile the model with the loss, metrics and optimizer it
            was saved with.
        safe_mode: refuse to load `lambda` code stored in the file (turn off
            only for files you trust).

    Returns:
        The model.

    Example:
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import save_model, load_model
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=1)
        >>> load_model(save_model(model)).count_params()
        4
    """
    fn = "load_model"
    with explaining_custom_objects(fn, "model"):
        return _load_model(fn, model, custom_objects, compile, safe_mode)


def _load_model(fn, model, custom_objects, compile, safe_mode):
    options = dict(custom_objects=custom_objects,
                   compile=as_bool(fn, "compile", compile),
                   safe_mode=as_bool(fn, "safe_mode", safe_mode))
    if isinstance(model, (bytes, bytearray)):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "model.keras")
            with open(path, "wb") as f:
                f.write(model)
            if not zipfile.is_zipfile(path):
                raise ValueError(
                    f"{fn}(): the bytes given are not a '.keras' archive "
                    f"(use the bytes returned by save_model(model)). "
                    f"Received: model=<{len(model)} bytes>")
            return keras.saving.load_model(path, **options)
    path = as_path(fn, model, "model")
    if os.path.isdir(path):
        if not os.path.exists(os.path.join(path, "config.json")):
            raise ValueError(
                f"{fn}(): {path!r} is a directory but not an unzipped Keras "
                f"model (it has no config.json). Received: model={path!r}")
        return keras.saving.load_model(path, **options)
    path = check_suffix(fn, model, "model_in", arg="model")
    check_readable(fn, path, "model")
    check_keras_archive(fn, path, "model")
    return keras.saving.load_model(path, **options)


@export("model persistence")
@model_verb
def save_model_weights(model, filepath, overwrite=False,
                       max_shard_size=None):
    """Save a model's weights (not its architecture) to a file.

    The write is atomic, as for `save_model()`.

    keras3 R: ``save_model_weights()``.

    Args:
        model: the model.
        filepath: where to save; must end in `.weights.h5`, or in
            `.weights.json` when `max_shard_size` is given.
        overwrite: replace an existing file (otherwise FileExistsError).
        max_shard_size: split the weights into shard files of at most this
            many gigabytes, listed by a `.weights.json` index. A new save
            replaces the index in one step and only then removes the
            previous save's shards.

    Returns:
        The model.

    Example:
        >>> import os, tempfile
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import save_model_weights, load_model_weights
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=1)
        >>> path = os.path.join(tempfile.mkdtemp(), "model.weights.h5")
        >>> model = save_model_weights(model, path)
        >>> load_model_weights(model, path) is model
        True
    """
    fn = "save_model_weights"
    overwrite = as_bool(fn, "overwrite", overwrite)
    if max_shard_size is None:
        path = check_suffix(fn, filepath, "weights")
    else:
        if not isinstance(max_shard_size, numbers.Real) or isinstance(
                max_shard_size, bool) or not max_shard_size > 0:
            raise ArgumentTypeError(
                f"{fn}(): `max_shard_size` must be a positive number of "
                f"gigabytes. Received: max_shard_size={max_shard_size!r}")
        path = check_suffix(fn, filepath, "sharded_weights")
    check_target(fn, path, overwrite)
    if max_shard_size is None:
        atomic_write(path, model.save_weights, fn=fn, overwrite=overwrite)
    else:
        write_sharded_weights(model, path, max_shard_size, fn=fn,
                              overwrite=overwrite)
    return model


@export("model persistence")
@model_verb
def load_model_weights(model, filepath, skip_mismatch=False):
    """Load weights from a file into a model.

    keras3 R: ``load_model_weights()``.

    Args:
        model: a model with the same architecture as the saved one.
        filepath: a `.weights.h5` file, a sharded `.weights.json` index, or a
            `.keras` model file (its weights are used).
        skip_mismatch: skip layers whose weights do not match in number or
            shape, instead of raising an error.

    Returns:
        The model, with the loaded weights.

    Example:
        >>> import os, tempfile, toolz
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import save_model_weights, load_model_weights
        >>> path = os.path.join(tempfile.mkdtemp(), "w.weights.h5")
        >>> model = toolz.pipe(keras_model_sequential(input_shape=3),
        ...                    layer_dense(units=1), save_model_weights(path))
        >>> fresh = toolz.pipe(keras_model_sequential(input_shape=3),
        ...                    layer_dense(units=1), load_model_weights(path))
        >>> bool((fresh.get_weights()[0] == model.get_weights()[0]).all())
        True
    """
    fn = "load_model_weights"
    path = check_suffix(fn, filepath, "weights_in")
    check_readable(fn, path)
    check_keras_archive(fn, path)
    build_optimizer_for(model, path)
    try:
        model.load_weights(path, skip_mismatch=as_bool(fn, "skip_mismatch",
                                                       skip_mismatch))
    except (ValueError, OSError) as err:
        clearer = explain_weights(fn, path, err)
        if clearer is None:
            raise
        raise clearer from err
    return model


@export("model persistence")
@model_verb
def save_model_config(model, filepath, overwrite=False):
    """Save a model's architecture (no weights) as JSON.

    keras3 R: ``save_model_config()``.

    Args:
        model: the model.
        filepath: where to save; must end in `.json`.
        overwrite: replace an existing file (otherwise FileExistsError).

    Returns:
        The model.

    Example:
        >>> import os, tempfile
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import save_model_config, load_model_config
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=2)
        >>> path = os.path.join(tempfile.mkdtemp(), "model.json")
        >>> model = save_model_config(model, path)
        >>> os.path.exists(path)
        True
    """
    fn = "save_model_config"
    path = check_suffix(fn, filepath, "config")
    overwrite = as_bool(fn, "overwrite", overwrite)
    check_target(fn, path, overwrite)
    atomic_write_text(path, model.to_json(), fn=fn, overwrite=overwrite)
    return model


@export("model persistence")
@path_verb
def load_model_config(filepath, custom_objects=None):
    """Create a model from a JSON configuration (with fresh weights).

    keras3 R: ``load_model_config()``.

    Args:
        filepath: a `.json` file written by `save_model_config()`.
        custom_objects: a dict of name -> class or function, for custom
            layers used by the model.

    Returns:
        A new model with newly initialized weights. If the model was
        compiled when its configuration was saved, it comes back compiled
        the same way, with a new optimizer (no training state).

    Example:
        >>> import os, tempfile
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import save_model_config, load_model_config
        >>> path = os.path.join(tempfile.mkdtemp(), "model.json")
        >>> _ = save_model_config(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=2), path)
        >>> load_model_config(path).count_params()
        8
    """
    fn = "load_model_config"
    path = check_suffix(fn, filepath, "config")
    check_readable(fn, path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with explaining_custom_objects(fn, "filepath"):
        return keras.models.model_from_json(text,
                                            custom_objects=custom_objects)


# Export formats: the suffix rule (`_files.RULES`) of each one's artifact.
_EXPORT_FORMATS = {"tf_saved_model": "savedmodel", "litert": "litert",
                   "onnx": "onnx", "torch": "torch_program"}


@export("model persistence")
@model_verb
def export_savedmodel(model, export_dir_base, *, format="tf_saved_model",
                      verbose=None, input_signature=None, overwrite=False,
                      **kwargs):
    """Export a model for inference, by default as a TensorFlow SavedModel.

    The export holds the model's forward pass and its weights, nothing to
    train with: load it with `layer_tfsm(filepath=...)` (a layer to use in
    other models), or with `tf.saved_model.load(path)` in any TensorFlow
    program (call its `serve()`), without pykeras3 or the model's code.

    The artifact is written atomically, as by `save_model()`: in a hidden
    staging folder beside it, flushed to disk, then renamed into place. If
    the export fails, nothing is left behind and an earlier export at
    `export_dir_base` is intact. With `overwrite=True` an existing SavedModel
    folder is replaced in one step, but never another folder or a file.

    keras3 R: ``export_savedmodel()``. Differences: R's export writes into
    an existing folder; here an existing path is an error unless
    `overwrite=True` (pykeras3's addition). Names are checked before
    anything is written: a SavedModel folder must not end in `.keras`, and
    each other format has its ending. `format="openvino"` is refused: its
    export is two files (`.xml` and `.bin`) that cannot be replaced in one
    step; call Keras's `model.export(path, format="openvino")` for it.
    Returns the model (R returns nothing), so a pipe goes on.

    Args:
        model: the model, built (it has run on data, or has an input
            shape).
        export_dir_base: where to write: a folder for `"tf_saved_model"`
            (created, with its missing parents); a `.tflite` file for
            `"litert"`, a `.onnx` file for `"onnx"`, a `.pt2` file for
            `"torch"`.
        format: `"tf_saved_model"`, `"litert"` (TensorFlow Lite), `"onnx"`
            (needs the `onnx` package) or `"torch"` (needs the PyTorch
            backend).
        verbose: print where the artifact went and its endpoints; `None`
            uses Keras's default for the format (on for SavedModels).
        input_signature: the inputs' shapes and dtypes (`keras_input()`
            tensors, `tf.TensorSpec`s or `keras.InputSpec`s, in the
            structure of the model's inputs); `None` takes them from the
            model.
        overwrite: replace an existing export at `export_dir_base`.
            With `False` an existing path raises FileExistsError and
            nothing changes on disk.
        **kwargs: other arguments for `keras.Model.export` (options of
            the format).

    Returns:
        The model.

    Example:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import export_savedmodel, layer_tfsm
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=2)
        >>> path = os.path.join(tempfile.mkdtemp(), "exported")
        >>> model = export_savedmodel(model, path, verbose=False)
        >>> x = np.ones((4, 3), "float32")
        >>> reloaded = layer_tfsm(filepath=path)
        >>> bool(np.allclose(reloaded(x), model(x)))
        True
    """
    fn = "export_savedmodel"
    overwrite = as_bool(fn, "overwrite", overwrite)
    if format == "openvino":
        raise ValueError(
            f"{fn}(): the OpenVINO export is two files ('.xml' and '.bin') "
            f"that pykeras3 cannot replace in one step; call Keras for it: "
            f"model.export(path, format='openvino'). Received: "
            f"format='openvino'")
    if format not in _EXPORT_FORMATS:
        raise ValueError(
            f"{fn}(): `format` must be one of {sorted(_EXPORT_FORMATS)}. "
            f"Received: format={format!r}")
    kind = _EXPORT_FORMATS[format]
    path = check_suffix(fn, export_dir_base, kind, arg="export_dir_base")
    check_target(fn, path, overwrite, directory=kind == "savedmodel")
    if kind == "savedmodel":
        _check_savedmodel_target(fn, path)
    printed, staged = io.StringIO(), []

    def write(tmp):
        staged.append(tmp)
        with contextlib.redirect_stdout(printed), \
                _tensorflow_log(tmp, path, quiet=verbose is False):
            model.export(tmp, format=format, verbose=verbose,
                         input_signature=input_signature, **kwargs)

    atomic_write(path, write, fn=fn, overwrite=overwrite)
    # Keras names the staging path it wrote to: say where the export is.
    sys.stdout.write(printed.getvalue().replace(staged[0], path))
    return model


@contextlib.contextmanager
def _tensorflow_log(staged, path, quiet):
    """TensorFlow logs where it writes a SavedModel's assets: name the
    user's path rather than the staging one, and say nothing when
    `verbose=False`."""
    import logging

    class Rewrite(logging.Filter):
        def filter(self, record):
            if quiet and record.levelno < logging.WARNING:
                return False
            message = record.getMessage()
            if staged in message:
                record.msg, record.args = message.replace(staged, path), ()
            return True

    logger = logging.getLogger("tensorflow")
    rewrite = Rewrite()
    logger.addFilter(rewrite)
    try:
        yield
    finally:
        logger.removeFilter(rewrite)


def _check_savedmodel_target(fn, path):
    """An existing path is replaced only when it is a SavedModel folder."""
    if os.path.lexists(path) and not os.path.isfile(
            os.path.join(path, "saved_model.pb")):
        folder = os.path.isdir(path)
        error = IsADirectoryError if folder else FileExistsError
        raise os_error(
            error, errno.EISDIR if folder else errno.EEXIST,
            f"{fn}(): {path!r} is an existing "
            f"{'folder' if folder else 'file'} that is not a TensorFlow "
            f"SavedModel (it has no saved_model.pb); pykeras3 replaces only "
            f"a SavedModel folder. Choose another name, or remove it.")
