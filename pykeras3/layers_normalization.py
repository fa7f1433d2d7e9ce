"""Normalization layers: batch_normalization, layer_normalization."""

import keras

from ._layers import layer_function

__all__ = ["layer_batch_normalization", "layer_layer_normalization"]

layer_batch_normalization = layer_function(
    "layer_batch_normalization", keras.layers.BatchNormalization,
    ["axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
     "gamma_initializer", "moving_mean_initializer",
     "moving_variance_initializer", "beta_regularizer", "gamma_regularizer",
     "beta_constraint", "gamma_constraint", "synchronized"],
    summary="Add a layer that normalizes each feature over the batch.",
    notes="""
        In training the layer uses the batch's mean and variance and updates
        running averages of them; at inference it uses those averages.
    """,
    docs={
        "momentum": "weight of the old value when updating the running "
                    "averages.",
        "moving_mean_initializer": "how the running mean starts.",
        "moving_variance_initializer": "how the running variance starts.",
        "synchronized": "with a distribution strategy, average the "
                        "statistics across replicas.",
    },
    example="""
        >>> from pykeras3 import keras_model_sequential
        >>> from pykeras3 import layer_batch_normalization
        >>> model = layer_batch_normalization(keras_model_sequential(
        ...     input_shape=6))
        >>> len(model.layers[-1].non_trainable_weights)
        2
    """)

layer_layer_normalization = layer_function(
    "layer_layer_normalization", keras.layers.LayerNormalization,
    ["axis", "epsilon", "center", "scale", "beta_initializer",
     "gamma_initializer", "beta_regularizer", "gamma_regularizer",
     "beta_constraint", "gamma_constraint"],
    summary="Add a layer that normalizes each sample over its features.",
    notes="""
        Unlike batch normalization, the statistics come from each sample
        alone, so training and inference behave the same.
    """,
    example="""
        >>> from pykeras3 import keras_input, layer_layer_normalization
        >>> layer_layer_normalization(keras_input(shape=(5, 6))).shape
        (None, 5, 6)
    """)
