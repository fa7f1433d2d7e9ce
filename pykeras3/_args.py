"""Argument checks and conversions shared by every pykeras3 function.

Errors say which argument, what was received, and what is expected,
following Keras's `Received: name=value` convention.
"""

from __future__ import annotations

import math
import numbers

import numpy as np


class ArgumentTypeError(TypeError, ValueError):
    """An argument of the wrong type.

    It is both a TypeError (the Python convention) and a ValueError (what
    Keras raises for bad arguments), so either `except` clause catches it.
    """


def received(name, value):
    return f"Received: {name}={value!r}"


def is_int(value):
    """True for Python and NumPy integers, False for bools."""
    return isinstance(value, numbers.Integral) and not isinstance(
        value, (bool, np.bool_))


def as_int(fn, name, value, minimum=None, allow_none=False):
    """An integer argument: ints, or floats with an integral value (R users
    write `10` and mean an integer)."""
    if value is None and allow_none:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, numbers.Real):
        raise ArgumentTypeError(
            f"{fn}(): `{name}` must be an integer. {received(name, value)}")
    if not is_int(value):
        if not (math.isfinite(value) and float(value).is_integer()):
            raise ValueError(
                f"{fn}(): `{name}` must be a whole number. "
                f"{received(name, value)}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(
            f"{fn}(): `{name}` must be an integer >= {minimum}. "
            f"{received(name, value)}")
    return value


def as_bool(fn, name, value):
    """A flag: True/False (NumPy bools and 0/1 are accepted)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if is_int(value) and value in (0, 1):
        return bool(value)
    raise ArgumentTypeError(
        f"{fn}(): `{name}` must be True or False. {received(name, value)}")


def as_shape(fn, name, value, allow_none=False):
    """A shape: an int, list or tuple of ints (or None for unknown sizes)
    becomes a tuple.  `10` -> `(10,)`, `[None, 10]` -> `(None, 10)`."""
    if value is None:
        if allow_none:
            return None
        raise ArgumentTypeError(
            f"{fn}(): `{name}` must be a shape such as 10, [10] or (None, 10)."
            f" {received(name, value)}")
    if is_int(value) or (isinstance(value, float) and value.is_integer()):
        return (int(value),)
    if hasattr(value, "as_list"):  # tf.TensorShape
        value = value.as_list()
    if isinstance(value, (list, tuple, np.ndarray)):
        out = []
        for dim in list(value):
            if dim is None:
                out.append(None)
            elif is_int(dim) or (isinstance(dim, float) and dim.is_integer()):
                out.append(int(dim))
            else:
                raise ArgumentTypeError(
                    f"{fn}(): every entry of `{name}` must be an integer or "
                    f"None. {received(name, value)}")
        return tuple(out)
    raise ArgumentTypeError(
        f"{fn}(): `{name}` must be a shape such as 10, [10] or (None, 10). "
        f"{received(name, value)}")


def as_tuple_arg(value):
    """Lists become tuples (for kernel sizes, strides, ...); other values
    are returned unchanged."""
    if isinstance(value, list):
        return tuple(value)
    return value
