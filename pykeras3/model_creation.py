"""Creating models: keras_model_sequential, keras_model, keras_input."""

from __future__ import annotations

import keras

from ._args import ArgumentTypeError, as_bool, as_int, as_shape
from ._registry import alias, export
from ._verbs import adding_verb


@export("model creation")
def keras_model_sequential(input_shape=None, name=None, *, input_dtype=None,
                           input_batch_size=None, input_sparse=None,
                           input_ragged=None, input_batch_shape=None,
                           input_name=None, input_tensor=None,
                           input_optional=False, trainable=True, layers=None,
                           **kwargs):
    """Create a Sequential model: a plain stack of layers.

    Layers are added by piping the model into `layer_*()` functions, or
    listed in `layers`. Giving `input_shape` (or `input_batch_shape`) starts
    the model with an input of that shape, so it is built at once and
    `summary()` can show every shape.

    keras3 R: ``keras_model_sequential()``. R's `...` becomes keyword-only
    arguments here; `layers` takes a Python list.

    Args:
        input_shape: shape of one sample, without the batch axis: an int,
            list or tuple (`10`, `[28, 28]`, `(None, 3)`), or `None` to let
            the first layer call decide.
        name: name of the model.
        input_dtype: dtype of the input, e.g. `"int32"` (needs
            `input_shape`).
        input_batch_size: fixed batch size of the input, or `None`.
        input_sparse: whether the input is a sparse tensor.
        input_ragged: whether the input is a ragged tensor (TensorFlow
            only).
        input_batch_shape: full input shape including the batch axis,
            instead of `input_shape`.
        input_name: name of the input.
        input_tensor: an existing tensor to use as the input.
        input_optional: whether the input may be `None`.
        trainable: whether the model's weights are updated by training.
        layers: a layer or list of layers to start with.
        **kwargs: other arguments for `keras.Input`.

    Returns:
        A `keras.Sequential` model.

    Example:
        >>> import toolz
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> model = toolz.pipe(keras_model_sequential(input_shape=10),
        ...                    layer_dense(units=1))
        >>> model.built, model.count_params()
        (True, 11)
    """
    fn = "keras_model_sequential"
    if layers is None:
        layers = []
    elif isinstance(layers, keras.layers.Layer):
        layers = [layers]
    else:
        layers = list(layers)
    input_args = {}
    if input_shape is not None:
        input_args["shape"] = as_shape(fn, "input_shape", input_shape)
    if input_batch_shape is not None:
        input_args["batch_shape"] = as_shape(fn, "input_batch_shape",
                                             input_batch_shape)
    extra = {"dtype": input_dtype, "name": input_name,
             "sparse": input_sparse, "ragged": input_ragged,
             "tensor": input_tensor,
             "batch_size": as_int(fn, "input_batch_size", input_batch_size,
                                  minimum=1, allow_none=True)}
    extra = {k: v for k, v in extra.items() if v is not None}
    if input_optional:
        extra["optional"] = True
    extra.update(kwargs)
    if extra and not input_args:
        raise ValueError(
            f"{fn}(): {', '.join(sorted(extra))} describe the model's input, "
            f"which needs `input_shape` (or `input_batch_shape`). "
            f"Received: input_shape=None.")
    if input_args:
        layers.insert(0, keras.Input(**input_args, **extra))
    return keras.Sequential(layers=layers, name=name,
                            trainable=as_bool(fn, "trainable", trainable))


@export("model creation")
def keras_model(inputs, outputs, *, name=None, **kwargs):
    """Create a functional model from its input and output tensors.

    Build the graph by applying layer functions to tensors from
    `keras_input()`, then wrap the ends into a model.

    keras3 R: ``keras_model()``. `name` and other arguments of
    `keras.Model` are keyword-only, as after R's `...`.

    Args:
        inputs: an input tensor from `keras_input()`, or a list or dict of
            them.
        outputs: the output tensor(s) computed from `inputs`.
        name: name of the model.
        **kwargs: other arguments for `keras.Model` (e.g. `trainable`).

    Returns:
        A functional `keras.Model`.

    Example:
        >>> from pykeras3 import keras_input, keras_model, layer_dense
        >>> inputs = keras_input(shape=3)
        >>> outputs = layer_dense(inputs, units=2)
        >>> keras_model(inputs, outputs).count_params()
        8
    """
    return keras.Model(inputs=inputs, outputs=outputs, name=name, **kwargs)


@export("model creation")
def keras_input(shape=None, batch_size=None, dtype=None, sparse=None,
                ragged=None, batch_shape=None, name=None, tensor=None,
                optional=False, **kwargs):
    """Create a symbolic input tensor, the start of a functional model.

    keras3 R: ``keras_input()``.

    Args:
        shape: shape of one sample, without the batch axis: an int, list or
            tuple (`10`, `[28, 28, 1]`, `(None, 3)`).
        batch_size: fixed batch size, or `None` for any.
        dtype: dtype of the input, e.g. `"float32"` or `"int32"`.
        sparse: whether the input is a sparse tensor.
        ragged: whether the input is a ragged tensor (TensorFlow only).
        batch_shape: full shape including the batch axis, instead of
            `shape`.
        name: name of the input.
        tensor: an existing tensor to wrap instead of making a new one.
        optional: whether the input may be `None`.
        **kwargs: other arguments for `keras.Input`.

    Returns:
        A symbolic `keras.KerasTensor`.

    Example:
        >>> from pykeras3 import keras_input
        >>> keras_input(shape=[28, 28, 1]).shape
        (None, 28, 28, 1)
    """
    fn = "keras_input"
    args = dict(kwargs)
    if shape is not None:
        args["shape"] = as_shape(fn, "shape", shape)
    if batch_shape is not None:
        args["batch_shape"] = as_shape(fn, "batch_shape", batch_shape)
    if batch_size is not None:
        args["batch_size"] = as_int(fn, "batch_size", batch_size, minimum=1)
    for key, value in (("dtype", dtype), ("name", name), ("sparse", sparse),
                       ("ragged", ragged), ("tensor", tensor)):
        if value is not None:
            args[key] = value
    if optional:
        args["optional"] = True
    return keras.Input(**args)


@export("model creation")
@adding_verb
def add_layer(model, layer):
    """Add any layer or whole model to a Sequential model, in a pipe.

    `layer_*()` functions compose with a Sequential model by themselves;
    `add_layer()` does the same for anything else: a plain Keras layer, a
    layer of your own class, or a whole model (a pretrained base, or
    another Sequential model), which then acts as one layer. It is
    pykeras3's spelling of keras3's `model |> base_model()`:
    `toolz.pipe(keras_model_sequential(input_shape=3), add_layer(base),
    layer_dense(units=1))`.

    keras3 R: none; keras3 writes `model |> base_model()` (calling a model
    on a Sequential model adds it). Called with one argument,
    `add_layer(layer)` is always the deferred form for a pipe.

    Args:
        model: the Sequential model to add to.
        layer: a Keras layer or model.

    Returns:
        The Sequential model, with `layer` added.

    Example:
        >>> import keras, toolz
        >>> from pykeras3 import add_layer, keras_model_sequential
        >>> from pykeras3 import layer_dense
        >>> base = keras_model_sequential(input_shape=3, name="base")
        >>> base = layer_dense(base, units=4)
        >>> model = toolz.pipe(keras_model_sequential(input_shape=3),
        ...                    add_layer(base), add_layer(keras.layers.ReLU()),
        ...                    layer_dense(units=1))
        >>> [layer.name for layer in model.layers][:2]
        ['base', 're_lu']
    """
    if not isinstance(layer, keras.layers.Layer):
        raise ArgumentTypeError(
            f"add_layer(): `layer` must be a Keras layer or model. "
            f"Received: layer={layer!r}")
    model.add(layer)
    return model


# keras3's second name for keras_input().
layer_input = alias("layer_input", keras_input)
