"""Pooling layers: max_pooling_2d, global_average_pooling_2d."""

import keras

from ._layers import layer_function

__all__ = ["layer_max_pooling_2d", "layer_global_average_pooling_2d"]

layer_max_pooling_2d = layer_function(
    "layer_max_pooling_2d", keras.layers.MaxPooling2D,
    ["pool_size", "strides", "padding", "data_format"],
    summary="Add a layer that keeps the maximum of each 2D window.",
    docs={
        "pool_size": "window size: an int or a pair (`2` halves height and "
                     "width).",
        "strides": "step between windows; `None` means `pool_size`.",
    },
    tuples=("pool_size", "strides"),
    example="""
        >>> from pykeras3 import keras_input, layer_max_pooling_2d
        >>> layer_max_pooling_2d(keras_input(shape=(28, 28, 4))).shape
        (None, 14, 14, 4)
    """)

layer_global_average_pooling_2d = layer_function(
    "layer_global_average_pooling_2d", keras.layers.GlobalAveragePooling2D,
    ["data_format", "keepdims"],
    summary="Add a layer that averages each channel over height and width.",
    docs={"keepdims": "keep the pooled axes with size 1 instead of "
                      "dropping them."},
    example="""
        >>> from pykeras3 import keras_input, layer_global_average_pooling_2d
        >>> layer_global_average_pooling_2d(
        ...     keras_input(shape=(7, 7, 16))).shape
        (None, 16)
    """)
