"""Recurrent layers: lstm, gru."""

import keras

from ._layers import layer_function

__all__ = ["layer_lstm", "layer_gru"]

_RNN_PARAMS = [
    "units", "activation", "recurrent_activation", "use_bias",
    "kernel_initializer", "recurrent_initializer", "bias_initializer",
    "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
    "activity_regularizer", "kernel_constraint", "recurrent_constraint",
    "bias_constraint", "dropout", "recurrent_dropout", "seed",
    "return_sequences", "return_state", "go_backwards", "stateful",
    "unroll"]

layer_lstm = layer_function(
    "layer_lstm", keras.layers.LSTM,
    _RNN_PARAMS[:7] + ["unit_forget_bias"] + _RNN_PARAMS[7:],
    summary="Add a long short-term memory (LSTM) recurrent layer.",
    notes="""
        Input shape `(batch, steps, features)`.
    """,
    docs={"unit_forget_bias": "add 1 to the forget gate's bias at "
                              "initialization."},
    example="""
        >>> from pykeras3 import keras_input, layer_lstm
        >>> layer_lstm(keras_input(shape=(10, 3)), units=4).shape
        (None, 4)
    """)

layer_gru = layer_function(
    "layer_gru", keras.layers.GRU, _RNN_PARAMS + ["reset_after"],
    summary="Add a gated recurrent unit (GRU) layer.",
    notes="""
        Input shape `(batch, steps, features)`.
    """,
    docs={"reset_after": "apply the reset gate after the matrix "
                         "multiplication (the variant cuDNN supports)."},
    example="""
        >>> from pykeras3 import keras_input, layer_gru
        >>> layer_gru(keras_input(shape=(10, 3)), units=4,
        ...           return_sequences=True).shape
        (None, 10, 4)
    """)
