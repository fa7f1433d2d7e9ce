"""Tensor operations: op_ones, op_zeros."""

from __future__ import annotations

import keras

from ._args import as_shape

__all__ = ["op_ones", "op_zeros"]


def op_ones(shape, dtype=None):
    """Create a tensor filled with ones.

    keras3 R: ``op_ones()``.

    Args:
        shape: the shape: an int, list or tuple (`(2, 1)`, `[2, 1]`, `3`).
        dtype: the dtype, e.g. `"float32"`; `None` means Keras's default
            float type.

    Returns:
        A backend tensor (a `tf.Tensor` with the TensorFlow backend).

    Example:
        >>> from pykeras3 import op_ones
        >>> op_ones((2, 1)).shape
        TensorShape([2, 1])
    """
    return keras.ops.ones(as_shape("op_ones", "shape", shape), dtype=dtype)


def op_zeros(shape, dtype=None):
    """Create a tensor filled with zeros.

    keras3 R: ``op_zeros()``.

    Args:
        shape: the shape: an int, list or tuple.
        dtype: the dtype; `None` means Keras's default float type.

    Returns:
        A backend tensor.

    Example:
        >>> from pykeras3 import op_zeros
        >>> float(op_zeros([2, 3]).numpy().sum())
        0.0
    """
    return keras.ops.zeros(as_shape("op_zeros", "shape", shape), dtype=dtype)
