"""Core layers: dense, activation, embedding."""

import keras

from ._layers import layer_function

__all__ = ["layer_dense", "layer_activation", "layer_embedding"]

layer_dense = layer_function(
    "layer_dense", keras.layers.Dense,
    ["units", "activation", "use_bias", "kernel_initializer",
     "bias_initializer", "kernel_regularizer", "bias_regularizer",
     "activity_regularizer", "kernel_constraint", "bias_constraint",
     "lora_rank"],
    summary="Add a densely connected (fully connected) layer.",
    notes="""
        Each output unit is a weighted sum of all inputs plus a bias, passed
        through `activation`: `activation(inputs @ kernel + bias)`.
    """,
    example="""
        >>> import toolz
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> model = toolz.pipe(
        ...     keras_model_sequential(input_shape=10),
        ...     layer_dense(units=4, activation="relu"),
        ...     layer_dense(units=1))
        >>> [layer.units for layer in model.layers]
        [4, 1]
    """)

layer_activation = layer_function(
    "layer_activation", keras.layers.Activation, ["activation"],
    summary="Add a layer that applies an activation function.",
    docs={"activation": "activation function: a name such as `\"relu\"` "
                        "or `\"softmax\"`, or a callable."},
    example="""
        >>> from pykeras3 import keras_model_sequential, layer_activation
        >>> model = layer_activation(keras_model_sequential(input_shape=3),
        ...                          "softmax")
        >>> model.layers[-1].activation.__name__
        'softmax'
    """)

layer_embedding = layer_function(
    "layer_embedding", keras.layers.Embedding,
    ["input_dim", "output_dim", "embeddings_initializer",
     "embeddings_regularizer", "embeddings_constraint", "mask_zero",
     "lora_rank"],
    summary="Add a layer that turns integer indices into dense vectors.",
    notes="""
        Index `i` is replaced by row `i` of a learned matrix of shape
        `(input_dim, output_dim)`.
    """,
    docs={
        "input_dim": "size of the vocabulary: the largest index plus one.",
        "output_dim": "length of each embedding vector.",
        "embeddings_initializer": "how the embedding matrix starts.",
        "embeddings_regularizer": "penalty on the embedding matrix, or "
                                  "`None`.",
        "embeddings_constraint": "constraint on the embedding matrix, or "
                                 "`None`.",
        "mask_zero": "whether index 0 is padding to be masked out of later "
                     "layers (then `input_dim` must leave room for it).",
    },
    example="""
        >>> from pykeras3 import keras_input, layer_embedding
        >>> tokens = keras_input(shape=(5,), dtype="int32")
        >>> layer_embedding(tokens, input_dim=100, output_dim=8).shape
        (None, 5, 8)
    """)
