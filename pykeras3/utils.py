"""Utilities: set_random_seed."""

from __future__ import annotations

import keras

from ._args import as_int
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
