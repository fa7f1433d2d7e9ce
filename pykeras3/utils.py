"""Utilities: random seeds, Keras's session, shapes, variables and the
inputs behind a symbolic tensor."""

from __future__ import annotations

import math
import numbers
import operator

import keras
import numpy as np

from ._args import ArgumentTypeError, as_bool, as_int, as_optional_shape
from ._pipe import describe
from ._registry import export


@export("utilities")
def set_random_seed(seed):
    """Seed every random number generator Keras uses, for repeatable runs.

    Sets the seeds of Python's `random`, NumPy and the backend (TensorFlow)
    at once, so weight initialization, shuffling and dropout repeat.

    keras3 R: ``set_random_seed()``.

    Args:
        seed: a non-negative integer.

    Returns:
        `None`.

    Example:
        >>> from pykeras3 import random_uniform, set_random_seed
        >>> set_random_seed(42); a = random_uniform(3).numpy()
        >>> set_random_seed(42); b = random_uniform(3).numpy()
        >>> bool((a == b).all())
        True
    """
    keras.utils.set_random_seed(as_int("set_random_seed", "seed", seed,
                                       minimum=0))


@export("utilities")
def clear_session(free_memory=True):
    """Reset Keras's global state: layer names, and memory of old models.

    Keras keeps global state to build functional models and to number the
    names of new layers (`dense`, `dense_1`, ...). Clearing it, for example
    between models built in a loop, frees what old models hold and starts
    the names afresh. Models and layers made before keep working.

    keras3 R: ``clear_session()``.

    Args:
        free_memory: also run Python's garbage collector, so that memory
            is released at once (this can take a moment; `False` skips it).

    Returns:
        `None`.

    Example:
        >>> from pykeras3 import clear_session, layer_dense
        >>> first = layer_dense(units=1)
        >>> clear_session()
        >>> layer_dense(units=1).name
        'dense'
    """
    keras.utils.clear_session(
        free_memory=as_bool("clear_session", "free_memory", free_memory))


def _is_tensor(value):
    return isinstance(value, (keras.KerasTensor, np.ndarray)) or \
        keras.ops.is_tensor(value)


def _dimensions(value):
    """The dimensions one argument of `shape()` stands for, as a list."""
    if value is None:
        return [None]
    if isinstance(value, (list, tuple)):
        return [d for v in value for d in _dimensions(v)]
    if hasattr(value, "as_list") and not _is_tensor(value):  # TensorShape
        return list(value.as_list())
    if _is_tensor(value):
        dims = tuple(keras.ops.shape(value))
        integer = "int" in str(getattr(value, "dtype", ""))
        if dims or not integer:
            return [None if d is None else d for d in dims]
        try:  # a scalar integer tensor is a size, as keras3 reads it
            value = operator.index(value)
        except TypeError:  # symbolic (traced): keep the tensor itself
            return [value]
    if isinstance(value, numbers.Real) and not isinstance(
            value, (bool, np.bool_)) and math.isfinite(value) and \
            float(value).is_integer() and int(value) >= -1:
        return [None if int(value) == -1 else int(value)]
    raise ArgumentTypeError(
        f"shape(): every argument must be a size (an integer >= 0; None or "
        f"-1 for an unknown size), a list or tuple of sizes, or a tensor. "
        f"Received: {describe(value)}")


@export("utilities")
def shape(*args):
    """Build a shape (a tuple of sizes), or read the shape of a tensor.

    Each argument gives one size or several, joined in order: an integer
    is a size; `None` or `-1` is an unknown size (`None` in the result); a
    list, tuple or `tf.TensorShape` gives its sizes; a tensor (NumPy array,
    backend tensor or `keras_input()` tensor) gives the sizes of its shape.
    So `shape(10, None)` is `(10, None)` and `shape(x, 4)` is `x`'s shape
    with a 4 added. A scalar integer tensor counts as a size, not as a
    tensor (use `op_shape()` for its shape, `()`): a size computed in a
    traced function stays a tensor there.

    keras3 R: ``shape()``. keras3 returns a list of class `keras_shape`;
    here it is a plain tuple, which Keras takes wherever a shape goes.
    R's `NA` for an unknown size is Python's `None`.

    Args:
        *args: sizes, lists or tuples of sizes, or tensors, in order.

    Returns:
        A tuple of integers and `None`s.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import keras_input, shape
        >>> shape(10, None)
        (10, None)
        >>> shape(-1, [28, 28])
        (None, 28, 28)
        >>> shape(keras_input(shape=(5, 3)))
        (None, 5, 3)
        >>> shape(np.zeros((2, 3)), 4)
        (2, 3, 4)
    """
    return tuple(d for value in args for d in _dimensions(value))


@export("utilities")
def keras_variable(initializer, shape=None, dtype=None, trainable=True,
                   autocast=True, aggregation="none",
                   synchronization="auto", name=None, **kwargs):
    """Create a Keras variable: a tensor whose value can be changed.

    Variables hold the weights of layers and other state. Change the value
    with `v.assign(value)` (or `assign_add()`, `assign_sub()`); read it with
    `v.value` or `v.numpy()`. A layer of your own tracks the variables you
    assign to its attributes.

    keras3 R: ``keras_variable()``.

    Args:
        initializer: the first value (an array, a list of numbers, a
            number), or what makes it: an initializer (`initializer_ones()`,
            a name such as `"zeros"`, or a function of `shape` and `dtype`),
            which then needs `shape`.
        shape: the shape, when `initializer` is not a value: an integer, a
            tuple or list of integers, or `shape(...)`.
        dtype: the data type, such as `"float32"`; `None` takes the value's
            type, or Keras's default float type (`config_floatx()`).
        trainable: whether training changes it (a layer's `trainable_weights`
            list it).
        autocast: whether a layer computing in another precision (mixed
            precision) reads it cast to that precision.
        aggregation: how values from several devices are combined when
            training is distributed: `"none"`, `"mean"`, `"sum"` or
            `"only_first_replica"`.
        synchronization: when values from several devices are synchronized:
            `"auto"`, `"none"`, `"on_read"` or `"on_write"`.
        name: a name, or `None` for a generated one.
        **kwargs: other arguments for `keras.Variable`.

    Returns:
        A `keras.Variable`.

    Example:
        >>> from pykeras3 import initializer_ones, keras_variable
        >>> v = keras_variable(initializer_ones(), shape=(2, 2),
        ...                    trainable=False, name="counts")
        >>> v.assign_add([[1.0, 2.0], [3.0, 4.0]]).numpy().tolist()
        [[2.0, 3.0], [4.0, 5.0]]
        >>> v.name, v.trainable
        ('counts', False)
    """
    fn = "keras_variable"
    return keras.Variable(
        initializer=initializer,
        shape=as_optional_shape(fn, "shape", shape),
        dtype=dtype,
        trainable=as_bool(fn, "trainable", trainable),
        autocast=as_bool(fn, "autocast", autocast),
        aggregation=aggregation,
        synchronization=synchronization,
        name=name,
        **kwargs)


@export("utilities")
def get_source_inputs(tensor):
    """Find the inputs a symbolic tensor is computed from.

    Follows the layers that produced `tensor` back to the `keras_input()`
    tensors at their start, e.g. to build a model from an output alone.

    keras3 R: ``get_source_inputs()``.

    Args:
        tensor: a symbolic tensor: a `keras_input()` tensor, or the output
            of layers applied to such tensors.

    Returns:
        A list of the input tensors (each once, in the order found).

    Example:
        >>> from pykeras3 import get_source_inputs, keras_input, layer_add
        >>> from pykeras3 import layer_dense
        >>> a, b = keras_input(shape=3), keras_input(shape=3)
        >>> out = layer_dense(layer_add([a, b]), units=1)
        >>> [t is a or t is b for t in get_source_inputs(out)]
        [True, True]
    """
    if not isinstance(tensor, keras.KerasTensor):
        raise ArgumentTypeError(
            f"get_source_inputs(): `tensor` must be a symbolic tensor (from "
            f"keras_input(), or layers applied to one). Received: "
            f"tensor={describe(tensor)}")
    return keras.utils.get_source_inputs(tensor)
