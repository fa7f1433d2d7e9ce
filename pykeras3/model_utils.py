"""Inspecting and changing models: summary, weights, layers, freezing,
cloning."""

from __future__ import annotations

import keras

from ._args import ArgumentTypeError, is_int
from ._registry import export
from ._verbs import layer_verb, model_verb, sequential_verb


@export("model utilities")
@model_verb
def summary(model, line_length=None, positions=None, expand_nested=False,
            show_trainable=False, layer_range=None, print_fn=None):
    """Print a table of a model's layers, output shapes and parameters.

    keras3 R: ``summary()``; like R it returns the model (invisibly in R),
    so it can sit in the middle of a pipe.

    Args:
        model: the model.
        line_length: total width of the table, in characters.
        positions: where the columns end, as fractions or characters.
        expand_nested: also list the layers inside nested models.
        show_trainable: add a column saying whether each layer trains.
        layer_range: a pair of layer names (or patterns) limiting the rows.
        print_fn: a function called with each line, instead of `print`.

    Returns:
        The model.

    Example:
        >>> from pykeras3 import keras_model_sequential, layer_dense, summary
        >>> lines = []
        >>> model = summary(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=2), print_fn=lambda s, **k: lines.append(s))
        >>> "Total params: 8" in "\\n".join(lines)
        True
    """
    model.summary(line_length=line_length, positions=positions,
                  print_fn=print_fn, expand_nested=expand_nested,
                  show_trainable=show_trainable, layer_range=layer_range)
    return model


@export("model utilities")
@layer_verb
def get_weights(model, trainable=None):
    """Get the weights of a model or layer as NumPy arrays.

    keras3 R: ``get_weights()``; R's `trainable = NA` is `None` here.

    Args:
        model: a model or layer.
        trainable: `None` for all weights, `True` for the trainable ones
            only, `False` for the non-trainable ones only.

    Returns:
        A list of NumPy arrays.

    Example:
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import get_weights
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=2)
        >>> [w.shape for w in get_weights(model)]
        [(3, 2), (2,)]
    """
    if trainable is None:
        return model.get_weights()
    if not isinstance(trainable, bool):
        raise ArgumentTypeError(
            f"get_weights(): `trainable` must be None, True or False. "
            f"Received: trainable={trainable!r}")
    variables = model.trainable_weights if trainable else \
        model.non_trainable_weights
    return [keras.ops.convert_to_numpy(v) for v in variables]


@export("model utilities")
@layer_verb
def set_weights(model, weights):
    """Set the weights of a model or layer from NumPy arrays.

    keras3 R: ``set_weights()``.

    Args:
        model: a model or layer.
        weights: a list of arrays, in the order and shapes of
            `get_weights(model)`.

    Returns:
        The model (or layer), changed in place.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import get_weights, set_weights
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=2)
        >>> zeros = [np.zeros_like(w) for w in get_weights(model)]
        >>> float(get_weights(set_weights(model, zeros))[0].sum())
        0.0
    """
    model.set_weights(list(weights))
    return model


@export("model utilities")
@layer_verb
def count_params(model):
    """Count the weights (scalars) of a built model or layer.

    keras3 R: ``count_params()``.

    Args:
        model: a built model or layer.

    Returns:
        An int.

    Example:
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import count_params
        >>> count_params(layer_dense(keras_model_sequential(input_shape=10),
        ...                          units=1))
        11
    """
    return int(model.count_params())


@export("model utilities")
@model_verb
def get_layer(model, name=None, index=None):
    """Get one layer of a model, by name or by position.

    keras3 R: ``get_layer()``. `index` counts from 0 as in Python (R counts
    from 1); negative values count from the end.

    Args:
        model: the model.
        name: the layer's name.
        index: the layer's 0-based position in `model.layers`.

    Returns:
        The layer.

    Example:
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import get_layer
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=2, name="hidden")
        >>> get_layer(model, index=0).name
        'hidden'
    """
    if is_int(name) and index is None:
        raise ArgumentTypeError(
            f"get_layer(): `name` is a layer's name (a string), and "
            f"{name!r} is a number. Did you mean get_layer(model, "
            f"index={name})? (Positions count from 0.)")
    if (name is None) == (index is None):
        raise ValueError(
            "get_layer(): give exactly one of `name` or `index`. "
            f"Received: name={name!r}, index={index!r}")
    if index is not None:
        if not is_int(index):
            raise ArgumentTypeError(
                f"get_layer(): `index` must be an integer (0-based). "
                f"Received: index={index!r}")
        layers = model.layers
        if not -len(layers) <= index < len(layers):
            raise ValueError(
                f"get_layer(): the model has {len(layers)} layers, so "
                f"`index` must be in [{-len(layers)}, {len(layers) - 1}] "
                f"(0-based). Received: index={index}")
        return layers[index]
    return model.get_layer(name=name)


@export("model utilities")
@sequential_verb
def pop_layer(model, rebuild=True):
    """Remove the last layer of a Sequential model.

    keras3 R: ``pop_layer()``.

    Args:
        model: a Sequential model.
        rebuild: rebuild the model after removing the layer.

    Returns:
        The model, changed in place.

    Example:
        >>> import toolz
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import pop_layer
        >>> model = toolz.pipe(keras_model_sequential(input_shape=3),
        ...                    layer_dense(units=4), layer_dense(units=1),
        ...                    pop_layer())
        >>> len(model.layers)
        1
    """
    model.pop(rebuild=rebuild)
    return model


def _resolve_layer(fn, arg, layers, value):
    """A layer of `layers` from a 0-based index, a name or a layer."""
    if isinstance(value, keras.layers.Layer):
        if not any(value is layer for layer in layers):
            raise ValueError(
                f"{fn}(): the layer {value.name!r} given in `{arg}` is not a "
                f"layer of this model.")
        return value
    if is_int(value):
        if not -len(layers) <= value < len(layers):
            raise ValueError(
                f"{fn}(): the model has {len(layers)} layers, so `{arg}` "
                f"must be in [{-len(layers)}, {len(layers) - 1}] (0-based). "
                f"Received: {arg}={value}")
        return layers[value]
    if isinstance(value, str):
        for layer in layers:
            if layer.name == value:
                return layer
        raise ValueError(
            f"{fn}(): no layer is named {value!r}. The layers are: "
            f"{[layer.name for layer in layers]}")
    raise ArgumentTypeError(
        f"{fn}(): `{arg}` must be a 0-based index, a layer name or a layer. "
        f"Received: {arg}={value!r}")


def _select(fn, model, from_, to, which):
    """The set of layers (by identity) a freeze/unfreeze call names."""
    layers = list(getattr(model, "layers", []))
    if which is not None:
        if from_ is not None or to is not None:
            raise ValueError(
                f"{fn}(): give either `which` or `from_`/`to`, not both.")
        if callable(which) and not isinstance(which, keras.layers.Layer):
            which = [bool(which(layer)) for layer in layers]
        if isinstance(which, (str, keras.layers.Layer)) or is_int(which):
            which = [which]
        which = list(which)
        if which and all(isinstance(w, bool) for w in which):
            if len(which) != len(layers):
                raise ValueError(
                    f"{fn}(): a list of True/False in `which` needs one "
                    f"entry per layer ({len(layers)}). "
                    f"Received {len(which)} entries.")
            return {id(layer) for layer, w in zip(layers, which) if w}
        return {id(_resolve_layer(fn, "which", layers, w)) for w in which}
    start = 0 if from_ is None else \
        layers.index(_resolve_layer(fn, "from_", layers, from_))
    end = len(layers) - 1 if to is None else \
        layers.index(_resolve_layer(fn, "to", layers, to))
    return {id(layer) for layer in layers[start:end + 1]}


def _set_all(layer, trainable):
    """Set `trainable` on a layer and, explicitly, on every layer inside it
    (Keras does not always pass an unchanged value down to sublayers)."""
    layer.trainable = trainable
    for inner in getattr(layer, "layers", None) or []:
        _set_all(inner, trainable)


def _set_trainable(fn, model, from_, to, which, trainable):
    everything = from_ is None and to is None and which is None
    if everything:
        _set_all(model, trainable)
        return model
    if not getattr(model, "layers", None):
        raise ValueError(
            f"{fn}(): `from_`, `to` and `which` select layers of a model, "
            f"but {model.name!r} has no layers.")
    chosen = _select(fn, model, from_, to, which)
    model.trainable = True
    for layer in model.layers:
        _set_all(layer, (id(layer) in chosen) == trainable)
    return model


@export("model utilities")
@layer_verb
def freeze_weights(model, from_=None, to=None, which=None):
    """Freeze weights so training leaves them unchanged.

    With no selection the whole model (or layer) is frozen. With `from_`
    and/or `to` (both inclusive), or `which`, the selected layers are
    frozen and all other layers are made trainable. Compile the model again
    afterwards for the change to take effect in training.

    keras3 R: ``freeze_weights()``. R's `from` is `from_` here (`from` is a
    Python keyword) and positions count from 0 (R counts from 1); negative
    positions count from the end in both (`-1` is the last layer).

    Args:
        model: a model or layer.
        from_: first layer to freeze: a 0-based position, a name or a layer.
        to: last layer to freeze (inclusive), in the same forms.
        which: the layers to freeze: a list of positions, names or layers; a
            list of True/False, one per layer; or a function called with
            each layer that returns True to freeze it.

    Returns:
        The model, changed in place.

    Example:
        >>> import toolz
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import freeze_weights
        >>> model = toolz.pipe(keras_model_sequential(input_shape=3),
        ...                    layer_dense(units=4), layer_dense(units=1),
        ...                    freeze_weights(to=0))
        >>> [layer.trainable for layer in model.layers]
        [False, True]
    """
    return _set_trainable("freeze_weights", model, from_, to, which, False)


@export("model utilities")
@layer_verb
def unfreeze_weights(model, from_=None, to=None, which=None):
    """Make weights trainable again.

    With no selection the whole model (or layer) becomes trainable. With
    `from_`/`to` (inclusive) or `which`, the selected layers become
    trainable and all other layers are frozen. Compile again afterwards.

    keras3 R: ``unfreeze_weights()``; the same differences as
    `freeze_weights()` (`from_`, 0-based positions).

    Args:
        model: a model or layer.
        from_: first layer to unfreeze: a 0-based position, a name or a
            layer.
        to: last layer to unfreeze (inclusive).
        which: the layers to unfreeze, in the forms `freeze_weights()`
            takes.

    Returns:
        The model, changed in place.

    Example:
        >>> import toolz
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import freeze_weights, unfreeze_weights
        >>> model = toolz.pipe(keras_model_sequential(input_shape=3),
        ...                    layer_dense(units=4), layer_dense(units=1),
        ...                    freeze_weights(), unfreeze_weights(from_=-1))
        >>> [layer.trainable for layer in model.layers]
        [False, True]
    """
    return _set_trainable("unfreeze_weights", model, from_, to, which, True)


@export("model utilities")
@model_verb
def clone_model(model, input_tensors=None, clone_function=None,
                call_function=None, recursive=False, **kwargs):
    """Make a new model with the same architecture and fresh weights.

    The clone is not compiled and its weights are newly initialized; copy
    them with `set_weights(clone, get_weights(model))` if needed.

    keras3 R: ``clone_model()``.

    Args:
        model: the model to copy.
        input_tensors: new input tensors for the clone, or `None`.
        clone_function: a function called with each layer that returns the
            layer to use in the clone (by default, a fresh copy).
        call_function: a function that decides how each layer is called
            (functional models).
        recursive: also clone nested models layer by layer.
        **kwargs: other arguments for `keras.models.clone_model`.

    Returns:
        A new model.

    Example:
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> from pykeras3 import clone_model
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=2)
        >>> twin = clone_model(model)
        >>> twin is model, twin.count_params() == model.count_params()
        (False, True)
    """
    return keras.models.clone_model(
        model, input_tensors=input_tensors, clone_function=clone_function,
        call_function=call_function, recursive=recursive, **kwargs)
