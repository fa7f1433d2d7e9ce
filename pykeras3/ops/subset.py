"""Indexing ops written by hand: op_subset, op_subset_set.

In Python, `x[...]` already indexes a tensor; these are keras3's names for
it, for pipes and for code translated from R.  Indices follow Python:
0-based, slices `slice(start, stop)` with `stop` excluded, `None` for a new
axis, `...` for the remaining axes.
"""

from __future__ import annotations

import math

import keras
import numpy as np

from .._registry import export


def _key(indices):
    return indices[0] if len(indices) == 1 else tuple(indices)


def _is_array_index(index):
    """True for a list, array or tensor of positions or flags (what
    NumPy calls advanced indexing); False for integers, slices, None, ...
    and scalar tensors, which the tensor's own indexing takes."""
    if isinstance(index, list):
        return True
    if isinstance(index, np.ndarray) or keras.ops.is_tensor(index):
        return len(index.shape) > 0 or \
            keras.backend.standardize_dtype(index.dtype) == "bool"
    return False


def _positions(fn, x, indices):
    """The flat positions of `x` that `indices` select, with NumPy's
    meaning of every kind of index, worked out on a grid of positions."""
    shape = tuple(x.shape)
    if any(d is None for d in shape):
        raise ValueError(
            f"{fn}(): `x` needs a fully known shape"
            + (" for array indices" if fn == "op_subset" else "")
            + f". Received: x.shape={shape}")
    return np.arange(math.prod(shape)).reshape(shape)[_key(
        tuple(np.asarray(i) if keras.ops.is_tensor(i) else i
              for i in indices))]


@export("core ops")
def op_subset(x, *indices):
    """Select part of a tensor by index, as `x[indices]` does.

    keras3 R: ``op_subset()`` (``x@r[...]``). Differences: indices are
    Python's, 0-based, with `slice(start, stop)` for ranges (`stop`
    excluded) instead of R's `start:stop`; negative numbers count from the
    end instead of dropping elements.

    Args:
        x: a tensor or array.
        *indices: one index per axis: an integer, a `slice`, `None` (a new
            axis), `...` (all remaining axes), or a list, array or tensor
            of integers (gathers those positions, as NumPy does) or of
            booleans (a mask). Lists, arrays and tensors need `x` to have
            a fully known shape.

    Returns:
        A tensor.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import op_subset
        >>> x = np.arange(12).reshape(3, 4)
        >>> op_subset(x, 1).numpy().tolist()
        [4, 5, 6, 7]
        >>> op_subset(x, slice(0, 2), -1).numpy().tolist()
        [3, 7]
    """
    x = keras.ops.convert_to_tensor(x)
    if not any(_is_array_index(i) for i in indices):
        return x[_key(indices)]
    # The tensor's own indexing takes no lists or arrays of positions on
    # every backend: gather the positions NumPy would select.
    return keras.ops.take(keras.ops.reshape(x, (-1,)),
                          _positions("op_subset", x, indices))


@export("core ops")
def op_subset_set(x, *indices, value):
    """A copy of a tensor with the part selected by `indices` replaced.

    The functional form of `x[indices] = value` (tensors cannot be changed
    in place): it returns a new tensor and leaves `x` as it was.

    keras3 R: ``op_subset_set()`` (``x@r[...] <- value``). Differences:
    Python's 0-based indices (see `op_subset()`); `value` is
    keyword-only.

    Args:
        x: a tensor or array with a known shape.
        *indices: the part to replace, as for `op_subset()`.
        value: the new values: a scalar or anything that broadcasts to the
            selected part's shape.

    Returns:
        A tensor with the shape and dtype of `x`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import op_subset_set
        >>> x = np.zeros((2, 3), dtype="float32")
        >>> op_subset_set(x, 0, slice(1, 3), value=1.0).numpy().tolist()
        [[0.0, 1.0, 1.0], [0.0, 0.0, 0.0]]
    """
    x = keras.ops.convert_to_tensor(x)
    shape = tuple(x.shape)
    # Which flat positions the indices select; then one scatter of the
    # broadcast values into them.
    grid = _positions("op_subset_set", x, indices)
    positions = np.reshape(grid, (-1, 1))
    values = keras.ops.broadcast_to(
        keras.ops.cast(value, x.dtype), np.shape(grid))
    flat = keras.ops.scatter_update(keras.ops.reshape(x, (-1,)), positions,
                                    keras.ops.reshape(values, (-1,)))
    return keras.ops.reshape(flat, shape)
