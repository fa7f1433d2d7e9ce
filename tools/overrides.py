"""Hand-kept decisions for `tools/generate.py`: everything the keras3 table
(`pykeras3/_keras3/api.json`) does not say, or says for R only.

Each table says why it exists.  Keep entries few: a rule that covers many
functions belongs in the generator.
"""

# ----------------------------------------------------------------------
# Where each function goes

# keras3's family tag (its first @family) -> pykeras3's family.  The
# module of each family is in GENERATED_MODULES.
FAMILY_OF_TAG = {
    "core layers": "core layers",
    "activation layers": "activation layers",
    "convolutional layers": "convolutional layers",
    "pooling layers": "pooling layers",
    "normalization layers": "normalization layers",
    "regularization layers": "regularization layers",
    "spatial dropout regularization layers": "regularization layers",
    "reshaping layers": "reshaping layers",
    "add merging layers": "merging layers",
    "average merging layers": "merging layers",
    "concatenate merging layers": "merging layers",
    "dot merging layers": "merging layers",
    "maximum merging layers": "merging layers",
    "minimum merging layers": "merging layers",
    "multiply merging layers": "merging layers",
    "subtract merging layers": "merging layers",
    "attention layers": "attention layers",
    "rnn layers": "recurrent layers",
    "rnn cells": "recurrent layers",
    "gru rnn layers": "recurrent layers",
    "lstm rnn layers": "recurrent layers",
    "simple rnn layers": "recurrent layers",
    "image preprocessing layers": "image preprocessing layers",
    "image augmentation layers": "image preprocessing layers",
    "categorical features preprocessing layers":
        "feature preprocessing layers",
    "numerical features preprocessing layers":
        "feature preprocessing layers",
    "preprocessing layers": "feature preprocessing layers",
    "audio preprocessing layers": "audio preprocessing layers",
    "wrapping layers": "wrapping layers",
    "layers": "wrapping layers",
    "core ops": "core ops",
    "numpy ops": "numpy ops",
    "nn ops": "nn ops",
    "math ops": "math ops",
    "linear algebra ops": "linear algebra ops",
    "image ops": "image ops",
    "activations": "activations",
    "losses": "losses",
    "optimizers": "optimizers",
    "optimizer learning rate schedules": "learning rate schedules",
    "random initializers": "initializers",
    "constant initializers": "initializers",
    "initializers": "initializers",
    "regularizers": "regularizers",
    "constraints": "constraints",
    "random": "random",
    "config": "config",
    "config backend": "config",
    "io utils": "config",
    "traceback utils": "config",
    "saving": "config",
}

# Name prefixes decide where the rest go (checked after the tag, except
# that every metric_ function goes to metrics whatever its tags say).
FAMILY_OF_PREFIX = {
    "metric_": "metrics",
    "feature_": "feature space",
    "application_": "applications",
    "config_": "config",
    "activation_": "activations",
    "loss_": "losses",
}

# Functions without a keras3 family tag, by name.
FAMILY_OF_NAME = {
    "layer_pipeline": "feature preprocessing layers",
    "op_convert_to_array": "core ops",
    "op_hard_swish": "nn ops",
    "op_image_elastic_transform": "image ops",
}

# pykeras3 family -> generated module (relative to the package).
GENERATED_MODULES = {
    "core layers": "layers/core.py",
    "activation layers": "layers/activation.py",
    "convolutional layers": "layers/convolutional.py",
    "pooling layers": "layers/pooling.py",
    "normalization layers": "layers/normalization.py",
    "regularization layers": "layers/regularization.py",
    "reshaping layers": "layers/reshaping.py",
    "merging layers": "layers/merging.py",
    "attention layers": "layers/attention.py",
    "recurrent layers": "layers/recurrent.py",
    "image preprocessing layers": "layers/image_preprocessing.py",
    "feature preprocessing layers": "layers/feature_preprocessing.py",
    "audio preprocessing layers": "layers/audio_preprocessing.py",
    "wrapping layers": "layers/wrapping.py",
    "core ops": "ops/core.py",
    "numpy ops": "ops/numpy.py",
    "nn ops": "ops/nn.py",
    "math ops": "ops/math.py",
    "linear algebra ops": "ops/linalg.py",
    "image ops": "ops/image.py",
    "activations": "activations.py",
    "losses": "losses.py",
    "metrics": "metrics.py",
    "optimizers": "optimizers.py",
    "learning rate schedules": "learning_rate_schedules.py",
    "initializers": "initializers.py",
    "regularizers": "regularizers.py",
    "constraints": "constraints.py",
    "random": "random.py",
    "config": "config.py",
    "applications": "applications.py",
    "feature space": "feature_space.py",
}

# The generated families, by the prefixes of their names.
GENERATED_PREFIXES = (
    "layer_", "op_", "activation_", "loss_", "metric_", "optimizer_",
    "initializer_", "regularizer_", "constraint_",
    "learning_rate_schedule_", "random_", "config_", "application_",
    "imagenet_", "feature_", "rnn_cell")

# Names of those families written by hand, and where.  They differ in
# meaning from a straight call to one Keras object.
HAND_WRITTEN = {
    "layer_input": "model_creation.py: another name of keras_input",
    "op_subset": "ops/subset.py: indexing, written x[...] in Python",
    "op_subset_set": "ops/subset.py: indexed assignment",
    "application_preprocess_inputs":
        "application_utils.py: finds the preprocessing of a model's "
        "application",
    "application_decode_predictions":
        "application_utils.py: finds the decoder of a model's application",
    "imagenet_preprocess_input": "application_utils.py",
    "imagenet_decode_predictions":
        "application_utils.py: downloads the class index",
    "config_set_backend":
        "config_utils.py: pykeras3's modules follow the reloaded Keras",
}

# Not generated: keras3 exports belonging to other families (issue 8).
OTHER_FAMILIES = set()

# ----------------------------------------------------------------------
# What each function wraps

# Tethers keras3 lacks or that are another object here.
TETHERS = {
    "op_convert_to_array": "keras.ops.convert_to_numpy",
    "op_hard_swish": "keras.ops.hard_swish",
    "activation_hard_silu": "keras.activations.hard_silu",
    "activation_hard_swish": "keras.activations.hard_swish",
    "application_nasnetlarge": "keras.applications.NASNetLarge",
    "application_nasnetmobile": "keras.applications.NASNetMobile",
}

# Exports that keras3 defines as another export (beyond its `aliases`).
ALIASES = {
    "application_nasnetlarge": "application_nasnet_large",
    "application_nasnetmobile": "application_nasnet_mobile",
}

# Functions keras3 exports without formals in the table: their formals.
FORMALS = {
    "activation_hard_silu": [["x", None]],
    "activation_hard_swish": [["x", None]],
}

# keras3 parameter -> the Keras parameter it is passed as.
KERAS_NAMES = {
    "layer_lambda": {"f": "function"},
    "op_vectorize": {"func": "pyfunc"},
    "op_vectorized_map": {"f": "function"},
    "op_arange": {"end": "stop"},
}

# Merging layers: the inputs are a list or separate arguments.
MERGING = {"layer_add", "layer_subtract", "layer_multiply", "layer_average",
           "layer_maximum", "layer_minimum", "layer_concatenate",
           "layer_dot"}

# R's `...` collects more of the first argument's kind (a list of arrays).
JOIN_VARARGS = {"op_hstack", "op_vstack"}

# ----------------------------------------------------------------------
# Parameters

# keras3 parameters that pykeras3 leaves out or renames are listed, with
# the reason, in pykeras3/_keras3/parameters.tsv (the coverage report reads
# them too).

# Converters by function, over keras3's own ({param: keras3
# converter name}, or None for no conversion).  keras3 leaves these
# arguments to R's own checks, or converts more strictly than Python
# needs.
CONVERTERS_BY_FUNCTION = {
    # numpy ops: integers and axes checked (2.5 or 1.5 refused, naming the
    # argument; 2.0 accepted) where Keras fails obscurely or not at all.
    "op_identity": {"n": "as_integer"},
    "op_tile": {"repeats": "as_integer"},
    "op_repeat": {"repeats": "as_integer"},
    "op_reshape": {"newshape": "normalize_shape"},
    "op_split": {"indices_or_sections": "as_integer", "axis": "as_axis"},
    "op_swapaxes": {"axis1": "as_axis", "axis2": "as_axis"},
    "op_moveaxis": {"source": "as_axis", "destination": "as_axis"},
    "op_take": {"indices": "as_index"},
    "op_bartlett": {"x": "as_integer"},
    "op_blackman": {"x": "as_integer"},
    "op_hamming": {"x": "as_integer"},
    "op_hanning": {"x": "as_integer"},
    "op_kaiser": {"x": "as_integer"},
    # numpy ops: keras3 makes these integers; Keras and NumPy take any
    # number (a base of e, a default of 0.5).
    "op_logspace": {"base": None},
    "op_select": {"default": None},
    # image ops: a fill value may be any number (0.5 for float images) and
    # images are arrays of any dtype, not integers.
    "op_image_affine_transform": {"fill_value": None},
    "op_image_map_coordinates": {"fill_value": None},
    "op_image_perspective_transform": {"fill_value": None},
    "op_image_pad": {"images": None},
    # losses: keras3 makes Circle loss's gamma an integer; it is a scale
    # (Keras's default is 80.0).
    "loss_circle": {"gamma": None},
    # constraints: a maximum norm may be any positive number.
    "constraint_maxnorm": {"max_value": None},
}

# Keras parameters keras3 does not expose (newer than keras3's table, or
# internal), by function name pattern.  The drift test fails on any other
# Keras parameter missing from a generated signature.  Layers still take
# these through **kwargs.
IGNORED_KERAS_PARAMS = {
    "initializer_*": {"input_axes", "output_axes"},      # newer than keras3
    "layer_batch_normalization": {"renorm", "renorm_clipping",
                                  "renorm_momentum"},     # newer
    "layer_dense": {"quantization_config"},               # newer
    "layer_embedding": {"quantization_config"},           # newer
    "layer_einsum_dense": {"quantization_config",
                           "gptq_unpacked_column_size"},  # newer, internal
    "layer_*_attention": {"sliding_window", "use_gate"},  # newer
    "layer_*_lookup": {"oov_method", "salt"},             # newer
    "layer_jax_model_wrapper": {"native_serialization_platforms"},
    "op_cholesky": {"upper"},                             # newer
    "op_scatter_update": {"reduction"},                   # newer
    "optimizer_muon": {"adam_weight_decay", "rms_rate"},  # newer
}
