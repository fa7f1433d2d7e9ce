"""Argument checks and conversions shared by every pykeras3 function.

Errors say which argument, what was received, and what is expected,
following Keras's `Received: name=value` convention.
"""

from __future__ import annotations

import difflib
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


# --------------------------------------------------------------------------
# The conversion table
#
# keras3 converts some arguments before calling Keras (its `converters` in
# api.json).  Each of its converters has a Python counterpart here, or
# none where the conversion only bridges R and Python (R vectors to
# arrays, R functions to callables).  `tools/generate.py` writes a call to
# the counterpart into every generated function, and fails on a converter
# this table does not know.  Every converter lets `None` through (Keras's
# "not given"); indices and axes are 0-based, as everywhere in Python.

def as_integer(fn, name, value):
    """Numbers must be whole: `10`, `10.0` and `np.int64(10)` become `10`;
    `2.5` is refused, naming the argument.  Lists and tuples are converted
    element by element (and keep their type).  Anything else (flags,
    strings, arrays, layers, seed generators) is passed on unchanged, as
    keras3's converter does."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return value
    if isinstance(value, (list, tuple)):
        return type(value)(as_integer(fn, name, v) for v in value)
    if isinstance(value, numbers.Real):
        if is_int(value):
            return int(value)
        if math.isfinite(value) and float(value).is_integer():
            return int(value)
        raise ArgumentTypeError(
            f"{fn}(): `{name}` must be a whole number. "
            f"{received(name, value)}")
    return value


def as_index(fn, name, value):
    """A 0-based index (or several), checked as by `as_integer`."""
    return as_integer(fn, name, value)


def as_axis(fn, name, value):
    """An axis or a tuple of axes, 0-based (`-1` is the last axis)."""
    if isinstance(value, list):
        value = tuple(value)
    if isinstance(value, tuple):
        return tuple(as_axis(fn, name, v) for v in value)
    if value is None or is_int(value) or (
            isinstance(value, numbers.Real)
            and not isinstance(value, (bool, np.bool_))
            and math.isfinite(value) and float(value).is_integer()):
        return None if value is None else int(value)
    if isinstance(value, (bool, np.bool_, str, numbers.Real)):
        raise ArgumentTypeError(
            f"{fn}(): `{name}` must be an axis (an integer, 0-based; -1 is "
            f"the last axis) or a tuple of axes. {received(name, value)}")
    return value


def as_optional_shape(fn, name, value):
    """A shape (see `as_shape`); `None`, and values that are not written
    shapes (a tensor holding one), are passed on unchanged."""
    if value is None or not (is_int(value) or isinstance(
            value, (float, list, tuple)) or hasattr(value, "as_list")):
        return value
    return as_shape(fn, name, value)


def as_integer_tuple(fn, name, value):
    """An integer, or a list or tuple of integers (kernel sizes, strides,
    pool sizes), checked as by `as_integer`."""
    return as_integer(fn, name, value)


def as_tuple(fn, name, value):
    """A list becomes a tuple; other values are unchanged."""
    return tuple(value) if isinstance(value, list) else value


def as_list(fn, name, value):
    """A tuple becomes a list; other values are unchanged."""
    return list(value) if isinstance(value, tuple) else value


_DTYPES = ("float16", "float32", "float64", "bfloat16", "int8", "int16",
           "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool",
           "string", "complex64", "complex128", "mixed_float16",
           "mixed_bfloat16")


def as_dtype(fn, name, value):
    """A data type: a name (`"float32"`), a NumPy or backend dtype, or a
    Keras dtype policy (`"mixed_float16"`); `None` for Keras's default.
    Numbers are refused: `op_ones(3, 3)` gives the shape as two numbers,
    and the second would silently have been the dtype."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_, numbers.Number)):
        raise ArgumentTypeError(
            f"{fn}(): `{name}` must be a data type such as 'float32' or "
            f"'int32'. {received(name, value)}. (A number here usually "
            f"means a shape written as separate numbers: a shape is one "
            f"argument, such as (2, 3).)")
    if isinstance(value, str):
        import keras
        for check in (keras.backend.standardize_dtype,
                      keras.dtype_policies.get):
            try:
                check(value)
                return value
            except (ValueError, TypeError):
                pass
        close = difflib.get_close_matches(value, _DTYPES, n=1)
        raise ArgumentTypeError(
            f"{fn}(): `{name}` is not a data type Keras knows. "
            f"{received(name, value)}."
            + (f" Did you mean {close[0]!r}?" if close else
               f" Known types: {', '.join(_DTYPES)}."))
    return value


def require(fn, **arguments):
    """Raise TypeError for a required argument left at `None`."""
    for name, value in arguments.items():
        if value is None:
            raise TypeError(f"{fn}(): `{name}` is required. "
                            f"{received(name, value)}")


# keras3 converter -> the name of its counterpart above (None: nothing to
# do in Python).
CONVERTERS = {
    "as_integer": "as_integer",
    "as_nullable_integer": "as_integer",
    "as_index": "as_index",
    "as_py_index": "as_index",
    "as_axis": "as_axis",
    "normalize_shape": "as_optional_shape",
    "as_integer_tuple": "as_integer_tuple",
    "as_tuple": "as_tuple",
    "tuple": "as_tuple",
    "as_scalar_or_tuple": "as_tuple",
    "as_list": "as_list",
    "as.list": "as_list",
    # Bridges between R and Python values: nothing to convert here.
    "as_py_array": None,
    "as_array": None,
    "as.array": None,
    "keras_array": None,
    "as_integer_array": None,
    "function": None,
    # keras3 subtracts 1 from indices unless zero_indexed=TRUE: Python's
    # indices are already 0-based.
    "if": None,
}

# Parameters converted by name in every generated function, whatever
# keras3's table says.
CONVERTERS_BY_NAME = {"dtype": "as_dtype"}
