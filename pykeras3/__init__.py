"""pykeras3: the R package keras3's functional API, in Python, on Keras 3.

Every function mirrors its keras3 namesake.  Verbs take the object they act
on first (`fit(model, x, y)`); called without it they return a deferred call
for `toolz.pipe`.  Layer functions compose with a Sequential model, a tensor,
or nothing.  See README.md and `man/` for the full reference.
"""

from .callbacks import callback_model_checkpoint
from .layers_convolutional import layer_conv_1d, layer_conv_2d
from .layers_core import layer_activation, layer_dense, layer_embedding
from .layers_merging import layer_add, layer_concatenate
from .layers_normalization import (layer_batch_normalization,
                                   layer_layer_normalization)
from .layers_pooling import (layer_global_average_pooling_2d,
                             layer_max_pooling_2d)
from .layers_recurrent import layer_gru, layer_lstm
from .layers_regularization import layer_dropout
from .layers_reshaping import layer_flatten, layer_reshape
from .model_creation import keras_input, keras_model, keras_model_sequential
from .model_persistence import (load_model, load_model_config,
                                load_model_weights, save_model,
                                save_model_config, save_model_weights)
from .model_training import (compile, evaluate, fit, predict,
                             predict_on_batch, test_on_batch, train_on_batch)
from .model_utils import (clone_model, count_params, freeze_weights,
                          get_layer, get_weights, pop_layer, set_weights,
                          summary, unfreeze_weights)
from .ops import op_ones, op_zeros
from .ops_random import random_normal, random_uniform, set_random_seed

__version__ = "0.1.0"

# The public names, by family (the order `man/index.md` uses).
FAMILIES = {
    "model creation": ["keras_model_sequential", "keras_model",
                       "keras_input"],
    "core layers": ["layer_dense", "layer_activation", "layer_embedding"],
    "regularization layers": ["layer_dropout"],
    "reshaping layers": ["layer_flatten", "layer_reshape"],
    "convolutional layers": ["layer_conv_1d", "layer_conv_2d"],
    "pooling layers": ["layer_max_pooling_2d",
                       "layer_global_average_pooling_2d"],
    "normalization layers": ["layer_batch_normalization",
                             "layer_layer_normalization"],
    "recurrent layers": ["layer_lstm", "layer_gru"],
    "merging layers": ["layer_concatenate", "layer_add"],
    "model training": ["compile", "fit", "evaluate", "predict",
                       "predict_on_batch", "train_on_batch",
                       "test_on_batch"],
    "model utilities": ["summary", "get_weights", "set_weights",
                        "count_params", "get_layer", "pop_layer",
                        "freeze_weights", "unfreeze_weights", "clone_model"],
    "model persistence": ["save_model", "load_model", "save_model_weights",
                          "load_model_weights", "save_model_config",
                          "load_model_config"],
    "callbacks": ["callback_model_checkpoint"],
    "tensor operations": ["op_ones", "op_zeros"],
    "random": ["random_uniform", "random_normal", "set_random_seed"],
}

__all__ = [name for names in FAMILIES.values() for name in names]
