"""Merging layers: concatenate, add."""

import keras

from ._layers import layer_function

__all__ = ["layer_concatenate", "layer_add"]

layer_concatenate = layer_function(
    "layer_concatenate", keras.layers.Concatenate, ["axis"], merge=True,
    summary="Join a list of tensors along one axis.",
    example="""
        >>> from pykeras3 import keras_input, layer_concatenate
        >>> a, b = keras_input(shape=3), keras_input(shape=5)
        >>> layer_concatenate([a, b]).shape
        (None, 8)
    """)

layer_add = layer_function(
    "layer_add", keras.layers.Add, [], merge=True,
    summary="Add a list of tensors of the same shape element by element.",
    example="""
        >>> from pykeras3 import keras_input, layer_add
        >>> a, b = keras_input(shape=4), keras_input(shape=4)
        >>> layer_add([a, b]).shape
        (None, 4)
    """)
