"""Random numbers: random_uniform, random_normal, set_random_seed."""

from __future__ import annotations

import keras

from ._args import as_int, as_shape

__all__ = ["random_uniform", "random_normal", "set_random_seed"]


def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """Draw a tensor of numbers uniformly distributed in `[minval, maxval)`.

    keras3 R: ``random_uniform()``.

    Args:
        shape: the shape: an int, list or tuple (`(2, 10)`).
        minval: lower bound (included).
        maxval: upper bound (excluded).
        dtype: a float dtype; `None` means Keras's default float type.
        seed: an int (or a `keras.random.SeedGenerator`) for reproducible
            draws; `None` draws from Keras's global seed.

    Returns:
        A backend tensor.

    Example:
        >>> from pykeras3 import random_uniform
        >>> x = random_uniform((2, 10), seed=1)
        >>> tuple(x.shape), bool((x.numpy() < 1).all())
        ((2, 10), True)
    """
    return keras.random.uniform(as_shape("random_uniform", "shape", shape),
                                minval=minval, maxval=maxval, dtype=dtype,
                                seed=seed)


def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Draw a tensor of normally distributed numbers.

    keras3 R: ``random_normal()``.

    Args:
        shape: the shape: an int, list or tuple.
        mean: mean of the distribution.
        stddev: standard deviation of the distribution.
        dtype: a float dtype; `None` means Keras's default float type.
        seed: an int (or a `keras.random.SeedGenerator`) for reproducible
            draws.

    Returns:
        A backend tensor.

    Example:
        >>> from pykeras3 import random_normal
        >>> tuple(random_normal([3, 2], seed=7).shape)
        (3, 2)
    """
    return keras.random.normal(as_shape("random_normal", "shape", shape),
                               mean=mean, stddev=stddev, dtype=dtype,
                               seed=seed)


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
