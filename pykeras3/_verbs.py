"""The kinds of object pykeras3 verbs act on, as `verb()` decorators."""

import os

import keras

from ._pipe import verb

# A verb on models.  Any Keras layer counts as "the object was given", so a
# layer passed by mistake fails clearly instead of starting a deferred call.
model_verb = verb(keras.Model, "a Keras model (keras.Model)",
                  dispatch=keras.layers.Layer)

# A verb on models or single layers (weights, freezing).
layer_verb = verb(keras.layers.Layer, "a Keras model or layer")

# A verb only Sequential models support.
sequential_verb = verb(keras.Sequential, "a Sequential model",
                       dispatch=keras.layers.Layer)

# A verb on a saved file (or the bytes from save_model()).
path_verb = verb((str, os.PathLike, bytes, bytearray),
                 "a file path (or the bytes returned by save_model())",
                 placeholder="path")
