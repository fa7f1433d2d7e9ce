"""Errors a learner can act on: checks made before Keras starts working,
and Keras's own errors restated with the shapes and names that matter.

Where Keras raises, its exception type is kept and its error chained
(`raise ... from err`), so nothing is lost; where pykeras3 can tell early
(missing data, inputs of the wrong width, a file that is not an archive),
it says so before a graph is traced or an epoch started.
"""

from __future__ import annotations

import contextlib
import os
import re
import zipfile


def _shape(value):
    shape = getattr(value, "shape", None)
    if shape is None:
        return None
    try:
        return tuple(None if d is None else int(d) for d in shape)
    except (TypeError, ValueError):
        return None


def _described(shape):
    return "(" + ", ".join("None" if d is None else str(d)
                           for d in shape) + ("," if len(shape) == 1 else "") \
        + ")"


# --------------------------------------------------------------------------
# Training data

def require_data(fn, x, y=None):
    """`x` must be given (a learner who writes `fit(model)` gets told what
    is missing rather than Keras's `KeyError`)."""
    if x is None:
        extra = " (`y` was given, but not `x`)" if y is not None else ""
        raise ValueError(
            f"{fn}(): no data{extra}: `x` is None. Give the inputs and the "
            f"targets, as {fn}(model, x, y), or a tf.data.Dataset (or "
            f"keras.utils.PyDataset) yielding (x, y) pairs as `x`.")


def model_input_shapes(model):
    """The input shapes the model declares (batch axis included), or None
    when it does not know them yet."""
    try:
        inputs = model.inputs
    except (AttributeError, ValueError):
        return None
    if not inputs:
        return None
    return [_shape(t) for t in inputs]


def check_inputs(fn, model, x, arg="x"):
    """Refuse inputs whose shape the model cannot take, naming both, before
    Keras traces a graph (one array for a one-input model)."""
    expected = model_input_shapes(model)
    if not expected or len(expected) != 1 or isinstance(x, (list, tuple,
                                                            dict)):
        return
    want, got = expected[0], _shape(x)
    if want is None or got is None:
        return
    if len(got) != len(want) or any(
            w is not None and w != g for w, g in zip(want[1:], got[1:])):
        hint = ""
        if len(want) == 2 and len(got) == 2:
            hint = (f" That is {got[1]} features per sample where the model "
                    f"takes {want[1]}: give `{arg}` {want[1]} columns, or "
                    f"build the model with input_shape={got[1]}.")
        raise ValueError(
            f"{fn}(): the model takes inputs of shape {_described(want)}, "
            f"but `{arg}` has shape {_described(got)}.{hint}")


def targets_mismatch(model, y):
    """(y's shape, the output's shape) when `y` cannot be the targets of a
    one-output model (not even class ids for a softmax output), or None."""
    got = _shape(y)
    try:
        outputs = model.outputs
    except (AttributeError, ValueError):
        return None
    if got is None or not outputs or len(outputs) != 1:
        return None
    want = _shape(outputs[0])
    if want is None:
        return None
    same = len(got) == len(want) and all(
        w is None or w == g for w, g in zip(want[1:], got[1:]))
    class_ids = (len(got) in (len(want), len(want) - 1) and all(
        w is None or w == g for w, g in zip(want[1:-1], got[1:]))
        and (len(got) == len(want) - 1 or got[-1] == 1))
    return None if same or class_ids else (got, want)


def explain_targets(fn, model, y, err):
    """Keras's error about the targets, restated with both shapes (same
    exception type, chained), or None when it was not about them."""
    mismatch = targets_mismatch(model, y)
    if mismatch is None:
        return None
    got, want = mismatch
    first = str(err).strip().splitlines()[0] if str(err).strip() else ""
    message = (
        f"{fn}(): the targets `y` have shape {_described(got)}, but the "
        f"model's output has shape {_described(want)}: each sample needs a "
        f"target of shape {_described(want[1:])} (or one class id, with a "
        f"sparse loss). Check the last layer's units and the targets' "
        f"columns. (Keras: {first})")
    return _same_type(err, message)


class explaining_targets:
    """`with explaining_targets(fn, model, y): model.fit(...)`: an error
    Keras raises because the targets do not fit the output is raised again
    with both shapes named (same type, chained)."""

    def __init__(self, fn, model, y):
        self.fn, self.model, self.y = fn, model, y

    def __enter__(self):
        return self

    def __exit__(self, kind, err, traceback):
        if err is None or not isinstance(err, Exception):
            return False
        new = explain_targets(self.fn, self.model, self.y, err)
        if new is None:
            return False
        raise new from err


def _same_type(err, message):
    """A new exception of `err`'s type carrying `message`."""
    try:
        return type(err)(message)
    except TypeError:  # e.g. TensorFlow's OpError(node_def, op, message)
        try:
            return type(err)(getattr(err, "node_def", None),
                             getattr(err, "op", None), message)
        except TypeError:
            return ValueError(message)


# --------------------------------------------------------------------------
# Files

def check_keras_archive(fn, path, arg="filepath"):
    """A `.keras` file that exists but is not a Keras archive gets said so
    (Keras reports it as "File not found")."""
    if not os.path.isfile(path) or not path.endswith(".keras"):
        return
    size = os.path.getsize(path)
    if not zipfile.is_zipfile(path):
        raise ValueError(
            f"{fn}(): {path!r} exists ({size} bytes) but is not a valid "
            f"Keras archive: '.keras' files are zip archives, and this one "
            f"is not. Was it cut short (an interrupted copy or download, a "
            f"full disk) or written by another tool? Received: "
            f"{arg}={path!r}.")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
    if "config.json" not in names:
        raise ValueError(
            f"{fn}(): {path!r} is a zip archive but not a Keras model: it "
            f"has no config.json (its files: "
            f"{', '.join(sorted(names)[:5]) or 'none'}). Received: "
            f"{arg}={path!r}.")


def explain_weights(fn, path, err):
    """Keras's error while loading weights, restated without the values it
    dumps: which variable, and both shapes.  Returns an exception of the
    same type, or None to keep Keras's own."""
    text = str(err)
    if isinstance(err, OSError) and ("signature" in text or
                                     "Unable to" in text):
        new = OSError(
            f"{fn}(): {path!r} exists but is not a readable HDF5 weights "
            f"file ({text.splitlines()[0]}). Was it cut short, or written "
            f"by another tool?")
        return new
    shapes = re.search(r"variable\.shape=(\([^)]*\)).*?value\.shape="
                       r"(\([^)]*\))", text, re.S)
    if shapes:
        where = re.search(r"path=([^,>\s]+)", text)
        variable = where.group(1) if where else "a weight"
        return _same_type(err, (
            f"{fn}(): the weights in {path!r} do not fit the model: "
            f"{variable} has shape {shapes.group(1)} in the model but "
            f"{shapes.group(2)} in the file. Was the file saved from a "
            f"model of another architecture? With skip_mismatch=True, the "
            f"layers that fit are loaded and the others left as they "
            f"are."))
    if "value=[" in text or "value=array" in text:
        return _same_type(err, re.sub(r",? value=[\[a].*?(?=>)", "", text,
                                      flags=re.S))
    return None


# --------------------------------------------------------------------------
# Custom objects and optimizer state

@contextlib.contextmanager
def explaining_custom_objects(fn, arg):
    """Keras's "Could not locate class" (with the whole model configuration
    dumped) restated as the name that is missing and the three ways to
    give it."""
    try:
        yield
    except TypeError as err:
        found = re.search(r"Could not locate (class|function) '([^']+)'",
                          str(err))
        if not found:
            raise
        kind, name = found.groups()
        raise TypeError(
            f"{fn}(): the saved model uses the {kind} {name!r}, which this "
            f"Python session does not know. Define it (import the module "
            f"that defines it), then pass custom_objects={{{name!r}: "
            f"{name}}}, or load inside `with with_custom_object_scope("
            f"{{{name!r}: {name}}}):`, or decorate its definition with "
            f"@register_keras_serializable().") from err


def saved_optimizer_variables(path):
    """How many optimizer variables the weights in `path` (a `.keras` or
    `.weights.h5` file) hold, or None when that cannot be told cheaply."""
    try:
        import h5py
    except ImportError:  # pragma: no cover - Keras needs h5py
        return None

    def count(handle):
        with h5py.File(handle, "r") as f:
            group = f.get("optimizer")
            variables = group.get("vars") if group is not None else None
            return 0 if variables is None else len(variables)

    try:
        if path.endswith(".weights.h5"):
            return count(path)
        if path.endswith(".keras") and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                if "model.weights.h5" not in archive.namelist():
                    return None
                with archive.open("model.weights.h5") as member:
                    return count(member)
    except (OSError, ValueError, KeyError):
        return None
    return None


def build_optimizer_for(model, path):
    """Build the model's optimizer before loading a file that holds
    optimizer state, so that state is restored (Keras skips it, with a
    warning, into an optimizer that is not built yet)."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None or getattr(optimizer, "built", True) or \
            not model.built:
        return
    saved = saved_optimizer_variables(path)
    # More than an unbuilt optimizer holds (its step count and rate): the
    # file has the state of a built one.
    if saved and saved > len(optimizer.variables):
        optimizer.build(model.trainable_variables)
