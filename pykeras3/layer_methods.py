"""Methods of layers, models and metrics as verbs: adapting preprocessing
layers, vocabularies, resetting state, quantizing weights, state trees."""

from __future__ import annotations

import inspect

import keras
import numpy as np

from ._args import ArgumentTypeError, as_bool, as_int
from ._layers import make_plain
from ._registry import export
from ._verbs import adapt_verb, layer_verb, model_verb, state_verb, \
    vocabulary_verb


@export("layer methods")
@adapt_verb
def adapt(object, data, *, batch_size=None, steps=None, **kwargs):
    """Fit a preprocessing layer's state (statistics, vocabulary) to data.

    The layer reads `data` once and keeps what it learned: the mean and
    variance of `layer_normalization()`, the bin edges of
    `layer_discretization()`, the vocabulary of `layer_string_lookup()`,
    `layer_integer_lookup()` and `layer_text_vectorization()`, or all of
    those for the features of `layer_feature_space()`. Training does not
    change that state afterwards.

    keras3 R: ``adapt()``. A list or tuple of plain values is read as one
    array (`[0.0, 2.0]` as R's `c(0, 2)`); arrays, tensors, lists of arrays
    and `tf.data.Dataset`s are passed on as they are. A feature space
    adapts to a `tf.data.Dataset` of dicts, or to a dict of arrays, one
    per feature.

    Args:
        object: the preprocessing layer.
        data: the data: a NumPy array, a tensor, a list of values, or a
            `tf.data.Dataset` (of batches); for a feature space, a dataset
            of dicts or a dict of arrays.
        batch_size: accepted by `layer_text_vectorization()` only, whose
            adapt ignores it in Keras 3 (batch a `tf.data.Dataset`
            instead); kept for keras3's code.
        steps: how many batches to read from a `tf.data.Dataset` (or other
            iterable of batches), for layers whose adapt takes it (lookups,
            text vectorization, discretization); `None` reads them all.
            Arrays are read whole.
        **kwargs: other arguments for the layer's own `adapt()`.

    Returns:
        The layer, adapted (changed in place).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import adapt, layer_normalization
        >>> layer = adapt(layer_normalization(axis=None), [0.0, 2.0])
        >>> np.asarray(layer(np.array([0.0, 1.0, 2.0]))).tolist()
        [-1.0, 0.0, 1.0]
    """
    fn = "adapt"
    options = dict(kwargs)
    for name, value in (("batch_size", batch_size), ("steps", steps)):
        if value is not None:
            options[name] = as_int(fn, name, value, minimum=1)
    takes = inspect.signature(object.adapt).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in takes.values()):
        for name, value in options.items():
            if name not in takes:
                raise TypeError(
                    f"{fn}(): a {type(object).__name__} layer's adapt() "
                    f"does not take `{name}` (it takes "
                    f"{', '.join(takes) or 'only the data'}). "
                    f"Received: {name}={value!r}")
    if isinstance(data, (list, tuple)) and not any(
            hasattr(v, "shape") for v in data):
        data = np.asarray(data)
    object.adapt(data, **options)
    return object


def _python_value(value):
    """A NumPy scalar as the Python value it holds (`np.str_('a')` ->
    `'a'`); anything else unchanged."""
    return value.item() if isinstance(value, np.generic) else value


@export("layer methods")
@vocabulary_verb
def get_vocabulary(object, include_special_tokens=True):
    """Get the vocabulary of a lookup or text vectorization layer.

    keras3 R: ``get_vocabulary()``. The terms are Python values (`str`, or
    `int` for `layer_integer_lookup()`), never NumPy scalars.

    Args:
        object: a `layer_string_lookup()`, `layer_integer_lookup()` or
            `layer_text_vectorization()` layer, adapted or given a
            vocabulary.
        include_special_tokens: `True` includes the padding and
            out-of-vocabulary terms, so that a term's position in the list
            is the index the layer maps it to; `False` lists the learned or
            given terms only.

    Returns:
        A list of terms, in index order.

    Example:
        >>> from pykeras3 import get_vocabulary, layer_string_lookup
        >>> layer = layer_string_lookup(vocabulary=["cat", "dog"])
        >>> get_vocabulary(layer)
        ['[UNK]', 'cat', 'dog']
        >>> get_vocabulary(layer, include_special_tokens=False)
        ['cat', 'dog']
    """
    include = as_bool("get_vocabulary", "include_special_tokens",
                      include_special_tokens)
    return [_python_value(term) for term in
            object.get_vocabulary(include_special_tokens=include)]


@export("layer methods")
@vocabulary_verb
def set_vocabulary(object, vocabulary, idf_weights=None, **kwargs):
    """Give a lookup or text vectorization layer its vocabulary.

    Replaces what the layer learned by `adapt()` or was given before.

    keras3 R: ``set_vocabulary()``; like R it returns the layer (invisibly
    in R).

    Args:
        object: a `layer_string_lookup()`, `layer_integer_lookup()` or
            `layer_text_vectorization()` layer.
        vocabulary: the terms, without the special (padding and
            out-of-vocabulary) terms: a list, tuple, 1-D array or tensor, or
            the path of a text file with one term per line.
        idf_weights: with `output_mode="tf_idf"` (and only then), the
            inverse document frequency of each term: one number per term.
        **kwargs: other arguments for the layer's own `set_vocabulary()`.

    Returns:
        The layer, changed in place.

    Example:
        >>> from pykeras3 import get_vocabulary, layer_string_lookup
        >>> from pykeras3 import set_vocabulary
        >>> layer = set_vocabulary(layer_string_lookup(), ["red", "blue"])
        >>> layer(["blue", "green"]).numpy().tolist()
        [2, 0]
    """
    if isinstance(vocabulary, tuple):
        vocabulary = list(vocabulary)
    object.set_vocabulary(vocabulary, idf_weights=idf_weights, **kwargs)
    return object


def _stateful_layers(model):
    """The stateful recurrent layers of a model, nested models included."""
    for layer in model.layers:
        if isinstance(layer, (keras.layers.RNN, keras.layers.Bidirectional)):
            if layer.stateful:
                yield layer
        elif getattr(layer, "layers", None):
            yield from _stateful_layers(layer)


@export("layer methods")
@state_verb
def reset_state(object):
    """Reset the state of a layer, a model or a metric.

    A metric forgets what it accumulated; a stateful recurrent layer sets
    its carried states back to zeros; an adaptable preprocessing layer
    drops what an unfinished `adapt()` gathered. A model (Keras 3 models
    have no state of their own to reset) resets every stateful recurrent
    layer inside it, as Keras 2's `model.reset_states()` did. Anything else
    has no state and raises an error.

    keras3 R: ``reset_state()``. keras3 calls the object's own
    `reset_state()`, which Keras 3 models lack; here a model resets its
    stateful recurrent layers.

    Args:
        object: a metric, a layer with state, or a model with stateful
            recurrent layers.

    Returns:
        The object, changed in place.

    Example:
        >>> from pykeras3 import metric_mean, reset_state
        >>> mean = metric_mean()
        >>> mean.update_state([1.0, 3.0])
        >>> float(mean.result())
        2.0
        >>> float(reset_state(mean).result())
        0.0
    """
    if callable(getattr(object, "reset_state", None)):
        object.reset_state()
        return object
    if isinstance(object, keras.Model):
        layers = list(_stateful_layers(object))
        if layers:
            for layer in layers:
                layer.reset_state()
            return object
        raise ValueError(
            f"reset_state(): the model {object.name!r} has no state to "
            f"reset: it has no stateful recurrent layer (layer_lstm(), "
            f"layer_gru(), ... with stateful=True).")
    raise ValueError(
        f"reset_state(): a {type(object).__name__} layer has no state to "
        f"reset. Metrics, stateful recurrent layers and adaptable "
        f"preprocessing layers have one. Received: object={object.name!r}")


@export("layer methods")
@layer_verb
def quantize_weights(object, mode=None, **kwargs):
    """Quantize the weights of a model or layer, to save memory and time.

    Every layer that supports it (dense, einsum dense and embedding
    layers) stores its weights in the lower precision of `mode` and
    computes with them; other layers are left as they are, with a warning.
    The model must be built first. Predictions change slightly.

    keras3 R: ``quantize_weights()``. `mode` may be `None` when a
    quantization `config` is given in `**kwargs`.

    Args:
        object: a built model or layer.
        mode: `"int8"`, `"int4"` or `"float8"` (these work on the CPU), or
            `"gptq"` or `"awq"`, which also need a `config` with
            calibration data.
        **kwargs: other arguments for Keras's `quantize()`: `config` (a
            `keras.quantizers.QuantizationConfig`) and `filters` (a regular
            expression, a list of them, or a function of a layer, choosing
            the layers to quantize).

    Returns:
        The model (or layer), changed in place.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import quantize_weights
        >>> model = layer_dense(keras_model_sequential(input_shape=4),
        ...                     units=2)
        >>> model = quantize_weights(model, "int8")
        >>> str(model.layers[0].kernel.dtype)
        'int8'
    """
    if mode is None and "config" not in kwargs:
        raise ValueError(
            "quantize_weights(): give a `mode` (such as 'int8'), or a "
            "quantization `config`. Received: mode=None")
    if mode is not None and not isinstance(mode, str):
        raise ArgumentTypeError(
            f"quantize_weights(): `mode` must be a string such as 'int8'. "
            f"Received: mode={mode!r}")
    # Keras's quantize() refuses subclasses, such as the composable class
    # of an unapplied layer from a layer_*() function.
    make_plain(object).quantize(mode, **kwargs)
    return object


_VALUE_FORMATS = {"backend_tensor": "backend_tensor",
                  "numpy_array": "numpy_array", "array": "numpy_array"}


@export("layer methods")
@model_verb
def get_state_tree(model, value_format="backend_tensor"):
    """Get every variable of a model as nested dicts, by path.

    The tree has four branches: `"trainable_variables"`,
    `"non_trainable_variables"`, `"optimizer_variables"` and
    `"metrics_variables"`, each a dict nested by the names in the
    variables' paths (model, layer, variable). Give it, or a part of it,
    to `set_state_tree()` to restore those values. The model must be
    compiled (the tree holds its optimizer's variables).

    keras3 R: ``get_state_tree()``. keras3's `"array"` (R arrays) is
    accepted and gives NumPy arrays, as `"numpy_array"` does.

    Args:
        model: a compiled model.
        value_format: `"backend_tensor"` for the backend's tensors (which
            may be the model's live variables), or `"numpy_array"` for
            NumPy copies.

    Returns:
        A dict of dicts whose leaves are the values.

    Example:
        >>> from pykeras3 import compile, keras_model_sequential
        >>> from pykeras3 import get_state_tree, layer_dense
        >>> model = layer_dense(keras_model_sequential(
        ...     input_shape=3, name="net"), units=2, name="out")
        >>> model = compile(model, optimizer="adam", loss="mse")
        >>> tree = get_state_tree(model, value_format="numpy_array")
        >>> tree["trainable_variables"]["net"]["out"]["kernel"].shape
        (3, 2)
    """
    if value_format not in _VALUE_FORMATS:
        raise ValueError(
            f"get_state_tree(): `value_format` must be 'backend_tensor' or "
            f"'numpy_array'. Received: value_format={value_format!r}")
    if getattr(model, "optimizer", None) is None:
        raise ValueError(
            f"get_state_tree(): the model {model.name!r} is not compiled. "
            f"Its state tree includes the optimizer's variables: compile "
            f"it first (compile(model, optimizer=..., loss=...)).")
    return model.get_state_tree(_VALUE_FORMATS[value_format])


@export("layer methods")
@model_verb
def set_state_tree(model, state_tree):
    """Set a model's variables from a state tree.

    The tree has the layout `get_state_tree()` returns; branches and
    variables left out keep their values. Variables are matched by path,
    which holds the names of the model, its layers and its optimizer: to
    move state between two models, give those the same names.

    keras3 R: ``set_state_tree()``. It returns the model, so a pipe goes
    on. A value whose path matches no variable of the model is an error
    (Keras skips it silently, leaving the variable as it was).

    Args:
        model: the model.
        state_tree: a dict with some of the branches
            `"trainable_variables"`, `"non_trainable_variables"`,
            `"optimizer_variables"` and `"metrics_variables"`, nested by
            the variables' paths, with arrays or tensors as leaves.

    Returns:
        The model, changed in place.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import get_state_tree, set_state_tree, get_weights
        >>> model = layer_dense(keras_model_sequential(
        ...     input_shape=3, name="net"), units=2, name="out")
        >>> tree = {"trainable_variables": {"net": {"out": {
        ...     "kernel": np.ones((3, 2)), "bias": np.zeros(2)}}}}
        >>> get_weights(set_state_tree(model, tree))[0].tolist()
        [[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]
    """
    if not isinstance(state_tree, dict):
        raise ArgumentTypeError(
            f"set_state_tree(): `state_tree` must be a dict, as "
            f"get_state_tree() returns. Received: state_tree="
            f"{type(state_tree).__name__}")
    variables = {
        "trainable_variables": model.trainable_variables,
        "non_trainable_variables": model.non_trainable_variables,
        "optimizer_variables": getattr(
            getattr(model, "optimizer", None), "variables", []),
        "metrics_variables": getattr(model, "metrics_variables", []),
    }
    for branch, values in state_tree.items():
        known = {v.path for v in variables.get(branch, ())}
        unknown = [p for p in _paths(values) if p not in known]
        if branch in variables and unknown:
            raise ValueError(
                f"set_state_tree(): no variable of the model has the path "
                f"{unknown[0]!r} (in {branch!r}"
                f"{f', and {len(unknown) - 1} more' if unknown[1:] else ''}"
                f"). The model's {branch} are {sorted(known)}.")
    model.set_state_tree(state_tree)
    return model


def _paths(tree, prefix=""):
    """The variable paths of a (branch of a) state tree."""
    if not isinstance(tree, dict):
        yield prefix.rstrip("/")
        return
    for key, value in tree.items():
        yield from _paths(value, f"{prefix}{key}/")
