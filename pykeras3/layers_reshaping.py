"""Reshaping layers: flatten, reshape."""

import keras

from ._layers import layer_function

__all__ = ["layer_flatten", "layer_reshape"]

layer_flatten = layer_function(
    "layer_flatten", keras.layers.Flatten, ["data_format"],
    summary="Add a layer that flattens each sample into one vector.",
    notes="""
        The batch axis is kept: an input of shape `(batch, 4, 5)` becomes
        `(batch, 20)`.
    """,
    example="""
        >>> from pykeras3 import keras_input, layer_flatten
        >>> layer_flatten(keras_input(shape=(4, 5))).shape
        (None, 20)
    """)

layer_reshape = layer_function(
    "layer_reshape", keras.layers.Reshape, ["target_shape"],
    summary="Add a layer that gives each sample a new shape.",
    docs={"target_shape": (
        "the new shape of one sample, without the batch axis: an int, list "
        "or tuple (`[3, 4]` becomes `(3, 4)`). One entry may be `-1` to be "
        "inferred.")},
    shapes=("target_shape",),
    example="""
        >>> from pykeras3 import keras_input, layer_reshape
        >>> layer_reshape(keras_input(shape=12), target_shape=[3, 4]).shape
        (None, 3, 4)
    """)
