"""Regularization layers: dropout."""

import keras

from ._layers import layer_function

__all__ = ["layer_dropout"]

layer_dropout = layer_function(
    "layer_dropout", keras.layers.Dropout, ["rate", "noise_shape", "seed"],
    summary="Add a layer that randomly zeroes inputs during training.",
    notes="""
        During training each input is set to 0 with probability `rate` and
        the others are scaled by `1 / (1 - rate)`; at inference the layer
        passes inputs through unchanged.
    """,
    docs={
        "rate": "fraction of the inputs to drop, between 0 and 1.",
        "noise_shape": "shape of the drop mask, to drop whole slices "
                       "together (e.g. `(batch, 1, features)`), or `None`.",
    },
    shapes=("noise_shape",),
    example="""
        >>> from pykeras3 import keras_model_sequential, layer_dropout
        >>> model = layer_dropout(keras_model_sequential(input_shape=8),
        ...                       rate=0.25)
        >>> model.layers[-1].rate
        0.25
    """)
