"""The kinds of object pykeras3 verbs act on, as `verb()` decorators."""

import abc
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

# Adding to a Sequential model: one argument alone is what to add (itself
# maybe a Sequential model), in the deferred form.
adding_verb = verb(keras.Sequential, "a Sequential model", needs=2)

# A verb on a saved file (or the bytes from save_model()).
path_verb = verb((str, os.PathLike, bytes, bytearray),
                 "a file path (or the bytes returned by save_model())",
                 placeholder="path")


def layers_with(method):
    """A type for `isinstance()`: the Keras layers that have `method`.

    Keras's preprocessing layers share no base class that declares
    `adapt()` or `get_vocabulary()`, so the kind is told by the method."""
    class LayerWith(abc.ABC):
        @classmethod
        def __subclasshook__(cls, other):
            if issubclass(other, keras.layers.Layer) and callable(
                    getattr(other, method, None)):
                return True
            return NotImplemented

    LayerWith.__name__ = LayerWith.__qualname__ = f"LayerWith_{method}"
    return LayerWith


# A verb on preprocessing layers that learn from data (`adapt()`).  Any
# other layer counts as given, and fails clearly.
adapt_verb = verb(
    layers_with("adapt"),
    "a preprocessing layer that adapts to data (layer_normalization(), "
    "layer_discretization(), layer_string_lookup(), layer_integer_lookup(), "
    "layer_text_vectorization() or layer_feature_space())",
    placeholder="layer", dispatch=keras.layers.Layer)

# A verb on layers with a vocabulary.
vocabulary_verb = verb(
    layers_with("get_vocabulary"),
    "a layer with a vocabulary (layer_string_lookup(), "
    "layer_integer_lookup() or layer_text_vectorization())",
    placeholder="layer", dispatch=keras.layers.Layer)

# A verb on anything with state: models, layers and metrics (Keras 3's
# metrics are not layers).
state_verb = verb((keras.layers.Layer, keras.metrics.Metric),
                  "a Keras model, layer or metric", placeholder="object")
