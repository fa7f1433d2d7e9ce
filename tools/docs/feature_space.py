"""Documentation of the feature space functions (`feature_*`, used with
`layer_feature_space()`) and of the recurrent cells (`rnn_cell_*`,
`rnn_cells_stack`).  Format: see common.py."""

SUMMARIES = {
    "feature_float": "Declare a numeric feature used as it is.",
    "feature_float_normalized":
        "Declare a numeric feature standardized to mean 0 and variance 1.",
    "feature_float_rescaled":
        "Declare a numeric feature rescaled as `x * scale + offset`.",
    "feature_float_discretized":
        "Declare a numeric feature cut into bins, encoded as categories.",
    "feature_integer_categorical":
        "Declare an integer feature whose values are categories.",
    "feature_integer_hashed":
        "Declare an integer feature hashed into a fixed number of bins.",
    "feature_string_categorical":
        "Declare a string feature whose values are categories.",
    "feature_string_hashed":
        "Declare a string feature hashed into a fixed number of bins.",
    "feature_cross":
        "Declare a crossing of categorical features, hashed into bins.",
    "feature_custom":
        "Declare a feature with your own preprocessing layer.",
    "rnn_cell_simple": "Create a fully connected recurrent cell.",
    "rnn_cell_gru": "Create a GRU (gated recurrent unit) cell.",
    "rnn_cell_lstm": "Create an LSTM (long short-term memory) cell.",
    "rnn_cells_stack":
        "Stack recurrent cells so that they work as one cell.",
}

DETAILS = {
    "feature_float": (
        "A feature declaration is a recipe, not a layer: give a dict of "
        "them, one per column of your data, to `layer_feature_space("
        "features=...)`, which adapts to the data and encodes every "
        "column at once."),
    "feature_float_normalized": (
        "The mean and variance are learned when the feature space adapts "
        "to the data (`adapt(space, dataset)`)."),
    "feature_float_discretized": (
        "Give either `num_bins` (boundaries learned from the data, so that "
        "each bin holds about as many values) or `bin_boundaries` (with "
        "`num_bins=None`)."),
    "feature_integer_categorical": (
        "The vocabulary of values is learned when the feature space adapts "
        "to the data; values never seen fall into the out-of-vocabulary "
        "bins."),
    "feature_string_categorical": (
        "The vocabulary of strings is learned when the feature space "
        "adapts to the data; strings never seen fall into the "
        "out-of-vocabulary bins."),
    "feature_integer_hashed": (
        "Hashing needs no vocabulary, at the price of distinct values "
        "sometimes sharing a bin."),
    "feature_string_hashed": (
        "Hashing needs no vocabulary, at the price of distinct strings "
        "sometimes sharing a bin."),
    "feature_cross": (
        "A cross lets a model see combinations (say, city and weekday) as "
        "categories of their own. The crossed features must be declared "
        "too, under the names given here."),
    "rnn_cell_simple": (
        "A cell computes one time step; wrap it in `layer_rnn(cell=...)` "
        "to run it over sequences (`layer_simple_rnn()` does both at "
        "once)."),
    "rnn_cell_gru": (
        "A cell computes one time step; wrap it in `layer_rnn(cell=...)` "
        "to run it over sequences (`layer_gru()` does both at once)."),
    "rnn_cell_lstm": (
        "A cell computes one time step; wrap it in `layer_rnn(cell=...)` "
        "to run it over sequences (`layer_lstm()` does both at once)."),
    "rnn_cells_stack": (
        "Each time step goes through the cells in order, the output of one "
        "feeding the next; wrap the stack in `layer_rnn(cell=...)`."),
}

PARAMS = {
    "feature space:name": (
        "a name for the feature's preprocessing layer (Keras calls it "
        "`<name>_preprocessor`), or `None` for a generated one. The data "
        "column a feature reads is its key in the dict given to "
        "`layer_feature_space()`."),
    "feature space:output_mode": (
        "how categories are encoded: `\"one_hot\"` (a vector with a 1 for "
        "the category) or `\"int\"` (the category's 0-based index)."),
    "feature space:max_tokens": (
        "the largest vocabulary to keep (the most frequent values), or "
        "`None` for all."),
    "feature space:num_oov_indices": (
        "how many bins hold values outside the vocabulary."),
    "feature space:num_bins": "the number of bins.",
    "feature_float_discretized:bin_boundaries": (
        "the bin edges, increasing, or `None` to learn `num_bins` bins from "
        "the data."),
    "feature_float_rescaled:scale": "what each value is multiplied by.",
    "feature_float_rescaled:offset": "what is added after scaling.",
    "feature_cross:feature_names": (
        "the names (keys) of the categorical features to cross, a tuple or "
        "list."),
    "feature_cross:crossing_dim": (
        "the number of bins the crossed combinations are hashed into."),
    "feature_custom:preprocessor": (
        "a Keras layer (or `layer_*()` result) that turns the raw column "
        "into the encoded feature."),
    "feature_custom:output_mode": (
        "what the preprocessor's output is: `\"float\"` (used as it is), "
        "`\"int\"` (category indices, kept as they are) or `\"one_hot\"` "
        "(category indices, one-hot encoded by the feature space)."),
    "feature_custom:dtype": "the dtype of the raw column, such as "
                            "`\"float32\"` or `\"string\"`.",
    "rnn_cells_stack:cells": (
        "a list of cells (from `rnn_cell_*()`), applied in that order at "
        "each time step."),
    "rnn_cells_stack:**kwargs": "other arguments of the Keras layer, such "
                                "as `name`.",
}

RETURNS = {
    "feature space": (
        "A feature declaration (a `keras.utils.FeatureSpace` feature), for "
        "the `features` of `layer_feature_space()`."),
}

EXAMPLES = {
    "feature_float_normalized": """
        >>> import numpy as np
        >>> import tensorflow as tf
        >>> from pykeras3 import (layer_feature_space, feature_float_normalized,
        ...                       feature_string_categorical)
        >>> space = layer_feature_space(features={
        ...     "age": feature_float_normalized(),
        ...     "city": feature_string_categorical()})
        >>> data = {"age": np.array([20.0, 40.0, 60.0]),
        ...         "city": np.array(["a", "b", "a"])}
        >>> space.adapt(tf.data.Dataset.from_tensor_slices(data))
        >>> tuple(space(data).shape)   # 1 age column + 3 city columns
        (3, 4)
    """,
    "rnn_cell_lstm": """
        >>> import numpy as np
        >>> from pykeras3 import layer_rnn, rnn_cell_lstm
        >>> layer = layer_rnn(cell=rnn_cell_lstm(units=4))
        >>> tuple(layer(np.zeros((2, 5, 3), dtype="float32")).shape)
        (2, 4)
    """,
    "rnn_cells_stack": """
        >>> import numpy as np
        >>> from pykeras3 import layer_rnn, rnn_cell_gru, rnn_cells_stack
        >>> cells = rnn_cells_stack([rnn_cell_gru(units=8),
        ...                          rnn_cell_gru(units=2)])
        >>> tuple(layer_rnn(cell=cells)(np.zeros((2, 5, 3))).shape)
        (2, 2)
    """,
}
