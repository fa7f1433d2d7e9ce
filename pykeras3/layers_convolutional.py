"""Convolution layers: conv_1d, conv_2d."""

import keras

from ._layers import layer_function

__all__ = ["layer_conv_1d", "layer_conv_2d"]

_CONV_PARAMS = [
    "filters", "kernel_size", "strides", "padding", "data_format",
    "dilation_rate", "groups", "activation", "use_bias",
    "kernel_initializer", "bias_initializer", "kernel_regularizer",
    "bias_regularizer", "activity_regularizer", "kernel_constraint",
    "bias_constraint"]

_TUPLES = ("kernel_size", "strides", "dilation_rate")

layer_conv_1d = layer_function(
    "layer_conv_1d", keras.layers.Conv1D, _CONV_PARAMS,
    summary="Add a 1D convolution layer (over time steps or positions).",
    notes="""
        Input shape `(batch, steps, channels)`; `filters` kernels of width
        `kernel_size` slide along the steps.
    """,
    tuples=_TUPLES,
    example="""
        >>> from pykeras3 import keras_input, layer_conv_1d
        >>> layer_conv_1d(keras_input(shape=(20, 3)), filters=8,
        ...               kernel_size=5).shape
        (None, 16, 8)
    """)

layer_conv_2d = layer_function(
    "layer_conv_2d", keras.layers.Conv2D, _CONV_PARAMS,
    summary="Add a 2D convolution layer (over images).",
    notes="""
        Input shape `(batch, height, width, channels)` by default;
        `kernel_size`, `strides` and `dilation_rate` take an int or a pair
        (a list such as `[3, 3]` is accepted).
    """,
    tuples=_TUPLES,
    example="""
        >>> from pykeras3 import keras_input, layer_conv_2d
        >>> layer_conv_2d(keras_input(shape=(28, 28, 1)), filters=4,
        ...               kernel_size=[3, 3], padding="same").shape
        (None, 28, 28, 4)
    """)
