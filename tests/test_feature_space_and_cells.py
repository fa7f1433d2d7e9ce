"""The feature space declarations (`feature_*`) and the recurrent cells
(`rnn_cell_*`, `rnn_cells_stack`), on real Keras.

Every feature declaration is used in a `layer_feature_space()`, adapted to
a tiny `tf.data` dataset, and its encoded output checked against values
worked out by hand or by the plain Keras layer that does the same job.
Every cell is run by `layer_rnn()` and compared with the recurrent layer
that has it built in, given the same weights."""

import keras
import numpy as np
import pytest
import tensorflow as tf
import toolz

import pykeras3
from pykeras3 import (adapt, compile, feature_cross, feature_custom,
                      feature_float, feature_float_discretized,
                      feature_float_normalized, feature_float_rescaled,
                      feature_integer_categorical, feature_integer_hashed,
                      feature_string_categorical, feature_string_hashed, fit,
                      get_weights, keras_model_sequential,
                      layer_feature_space, layer_gru, layer_lstm,
                      layer_rescaling, layer_rnn, layer_simple_rnn,
                      rnn_cell_gru, rnn_cell_lstm, rnn_cell_simple,
                      rnn_cells_stack, set_weights)

X = np.array([0.0, 1.0, 2.0, 3.0], "float32")
N = np.array([1, 2, 1, 3], "int64")
S = np.array(["a", "b", "a", "c"])


def adapted(features, data, crosses=None):
    """A feature space of `features` adapted to `data` (a dict of
    columns, read in batches of 2), giving a dict of encoded features."""
    space = layer_feature_space(features=features, crosses=crosses,
                                output_mode="dict")
    adapt(space, tf.data.Dataset.from_tensor_slices(data).batch(2))
    return space


def encode(space, data):
    return {k: np.asarray(v) for k, v in space(data).items()}


def one_hot_rows(out, width):
    assert out.shape == (len(out), width)
    assert set(np.unique(out)) <= {0.0, 1.0}
    assert (out.sum(axis=1) == 1).all()
    return out.argmax(axis=1)


def same_iff_equal(columns, values):
    """Equal values share a column, different values do not."""
    for i in range(len(values)):
        for j in range(len(values)):
            assert (columns[i] == columns[j]) == (values[i] == values[j])


# --------------------------------------------------------------------------
# Feature declarations, one check each

def check_float():
    space = adapted({"f": feature_float()}, {"f": X})
    np.testing.assert_array_equal(encode(space, {"f": X})["f"], X[:, None])


def check_float_rescaled():
    space = adapted({"f": feature_float_rescaled(scale=2.0, offset=1.0)},
                    {"f": X})
    np.testing.assert_allclose(encode(space, {"f": X})["f"],
                               2.0 * X[:, None] + 1.0)


def check_float_normalized():
    space = adapted({"f": feature_float_normalized()}, {"f": X})
    np.testing.assert_allclose(encode(space, {"f": X})["f"],
                               ((X - X.mean()) / X.std())[:, None],
                               rtol=1e-5)


def check_float_discretized():
    space = adapted({"f": feature_float_discretized(num_bins=2),
                     "i": feature_float_discretized(num_bins=2,
                                                    output_mode="int")},
                    {"f": X, "i": X})
    out = encode(space, {"f": X, "i": X})
    bins = one_hot_rows(out["f"], 2)
    assert bins[0] == 0 and bins[-1] == 1
    assert (np.diff(bins) >= 0).all()  # bins follow the values
    np.testing.assert_array_equal(out["i"].ravel(), bins)


def check_integer_categorical():
    space = adapted({"f": feature_integer_categorical(),
                     "i": feature_integer_categorical(num_oov_indices=0,
                                                      output_mode="int")},
                    {"f": N, "i": N})
    columns = one_hot_rows(encode(space, {"f": N, "i": N})["f"], 1 + 3)
    same_iff_equal(columns, N)
    assert 0 not in columns  # column 0 is for values never seen
    unseen = encode(space, {"f": np.array([99]), "i": np.array([1])})
    assert unseen["f"].argmax() == 0
    assert set(encode(space, {"f": N, "i": N})["i"].ravel()) == {0, 1, 2}


def check_string_categorical():
    space = adapted({"f": feature_string_categorical(max_tokens=3)},
                    {"f": S})
    columns = one_hot_rows(encode(space, {"f": S})["f"], 3)
    # max_tokens=3: [UNK] and the two most frequent ("a", then a tie)
    assert columns[0] == columns[2] != 0
    assert encode(space, {"f": np.array(["zebra"])})["f"].argmax() == 0


def check_integer_hashed():
    space = adapted({"f": feature_integer_hashed(num_bins=8)}, {"f": N})
    columns = one_hot_rows(encode(space, {"f": N})["f"], 8)
    expected = keras.layers.Hashing(num_bins=8)(N[:, None])
    np.testing.assert_array_equal(columns, np.asarray(expected).ravel())


def check_string_hashed():
    space = adapted({"f": feature_string_hashed(num_bins=8)}, {"f": S})
    columns = one_hot_rows(encode(space, {"f": S})["f"], 8)
    expected = keras.layers.Hashing(num_bins=8)(S[:, None])
    np.testing.assert_array_equal(columns, np.asarray(expected).ravel())


def check_cross():
    space = adapted({"s": feature_string_categorical(),
                     "n": feature_integer_categorical()},
                    {"s": S, "n": N},
                    crosses=[feature_cross(("s", "n"), crossing_dim=8)])
    out = encode(space, {"s": S, "n": N})
    crossed = one_hot_rows(out["s_X_n"], 8)
    # the cross hashes the pair of category indices of its features
    indices = (out["s"].argmax(axis=1)[:, None],
               out["n"].argmax(axis=1)[:, None])
    expected = keras.layers.HashedCrossing(num_bins=8)(indices)
    np.testing.assert_array_equal(crossed, np.asarray(expected).ravel())
    assert crossed[0] == crossed[2]  # ("a", 1) twice


def check_custom():
    space = adapted({"f": feature_custom(dtype="float32",
                                         preprocessor=layer_rescaling(
                                             scale=10.0),
                                         output_mode="float")}, {"f": X})
    np.testing.assert_allclose(encode(space, {"f": X})["f"],
                               10.0 * X[:, None])


FEATURE_SAMPLES = {
    "feature_float": check_float,
    "feature_float_rescaled": check_float_rescaled,
    "feature_float_normalized": check_float_normalized,
    "feature_float_discretized": check_float_discretized,
    "feature_integer_categorical": check_integer_categorical,
    "feature_string_categorical": check_string_categorical,
    "feature_integer_hashed": check_integer_hashed,
    "feature_string_hashed": check_string_hashed,
    "feature_cross": check_cross,
    "feature_custom": check_custom,
}


@pytest.mark.introspection
def test_every_feature_space_function_has_a_sample():
    exported = set(pykeras3.FAMILIES["feature space"])
    assert exported, "no feature space functions found"
    missing = exported - set(FEATURE_SAMPLES)
    assert not missing, f"add samples to FEATURE_SAMPLES: {sorted(missing)}"
    assert not set(FEATURE_SAMPLES) - exported, "samples of no function"


@pytest.mark.parametrize("name", sorted(FEATURE_SAMPLES))
def test_feature_declaration_encodes_as_expected(name):
    FEATURE_SAMPLES[name]()


def test_all_features_concatenated_in_declaration_order_of_names():
    features = {"x": feature_float(), "n": feature_integer_categorical(),
                "s": feature_string_hashed(num_bins=4)}
    data = {"x": X, "n": N, "s": S}
    space = layer_feature_space(features=features, output_mode="concat")
    adapt(space, tf.data.Dataset.from_tensor_slices(data).batch(4))
    out = np.asarray(space(data))
    assert out.shape == (4, 1 + 4 + 4)
    # features are joined in the order of their names: n, s, x
    np.testing.assert_array_equal(out[:, -1], X)


def test_feature_space_adapts_to_a_dict_of_arrays():
    space = layer_feature_space(features={"f": feature_float_normalized()})
    adapt(space, {"f": X})
    np.testing.assert_allclose(np.asarray(space({"f": X})).ravel(),
                               (X - X.mean()) / X.std(), rtol=1e-5)


@pytest.mark.xfail(raises=ValueError, strict=False,
                   reason="Keras 3.15's FeatureSpace.adapt() adapts a "
                          "Discretization given bin_boundaries, which it "
                          "refuses")
def test_discretized_feature_with_given_boundaries():
    space = adapted({"f": feature_float_discretized(
        num_bins=None, bin_boundaries=[1.5])}, {"f": X})
    assert one_hot_rows(encode(space, {"f": X})["f"], 2).tolist() == [
        0, 0, 1, 1]


def test_feature_arguments_are_checked():
    assert feature_integer_hashed(num_bins=8.0).preprocessor.num_bins == 8
    with pytest.raises(ValueError, match="whole number"):
        feature_string_hashed(num_bins=2.5)
    with pytest.raises(ValueError, match="output_mode"):
        feature_custom(dtype="float32", preprocessor=layer_rescaling(
            scale=1.0), output_mode="dict")


# --------------------------------------------------------------------------
# Recurrent cells: layer_rnn(cell) against the layer with the cell built in

CELL_SAMPLES = {
    "rnn_cell_simple": (lambda: rnn_cell_simple(units=3),
                        lambda: [layer_simple_rnn(units=3,
                                                  return_sequences=True)]),
    "rnn_cell_gru": (lambda: rnn_cell_gru(units=3),
                     lambda: [layer_gru(units=3, return_sequences=True)]),
    "rnn_cell_lstm": (lambda: rnn_cell_lstm(units=3),
                      lambda: [layer_lstm(units=3, return_sequences=True)]),
    "rnn_cells_stack": (
        lambda: rnn_cells_stack([rnn_cell_simple(units=4),
                                 rnn_cell_gru(units=2),
                                 rnn_cell_lstm(units=3)]),
        lambda: [layer_simple_rnn(units=4, return_sequences=True),
                 layer_gru(units=2, return_sequences=True),
                 layer_lstm(units=3, return_sequences=True)]),
}


@pytest.mark.introspection
def test_every_recurrent_cell_function_has_a_sample():
    cells = {name for name in pykeras3.FAMILIES["recurrent layers"]
             if name.startswith("rnn_cell")}
    assert cells == set(CELL_SAMPLES)


@pytest.mark.parametrize("name", sorted(CELL_SAMPLES))
def test_cell_in_layer_rnn_computes_what_its_layer_computes(name):
    make_cell, make_layers = CELL_SAMPLES[name]
    x = np.random.default_rng(0).normal(size=(2, 5, 4)).astype("float32")
    rnn = layer_rnn(cell=make_cell(), return_sequences=True)
    ours = np.asarray(rnn(x))
    layers = make_layers()
    out = x
    for layer in layers:
        out = layer(out)
    weights = get_weights(rnn)
    assert [w.shape for w in weights] == [
        w.shape for layer in layers for w in get_weights(layer)]
    for layer in layers:
        count = len(get_weights(layer))
        set_weights(layer, weights[:count])
        weights = weights[count:]
    out = x
    for layer in layers:
        out = layer(out)
    np.testing.assert_allclose(ours, np.asarray(out), rtol=1e-5, atol=1e-6)
    assert ours.shape == (2, 5, layers[-1].units)


def test_cells_take_their_arguments():
    cell = rnn_cell_lstm(units=4.0, activation="relu", dropout=0.5, seed=3,
                         unit_forget_bias=False)
    assert isinstance(cell, keras.layers.LSTMCell)
    assert (cell.units, cell.dropout, cell.unit_forget_bias) == (4, 0.5,
                                                                 False)
    assert cell.activation is keras.activations.relu
    assert rnn_cell_gru(units=2, reset_after=False).reset_after is False
    assert isinstance(rnn_cell_simple(units=1), keras.layers.SimpleRNNCell)
    with pytest.raises(ValueError, match="whole number"):
        rnn_cell_gru(units=2.5)
    stack = rnn_cells_stack([rnn_cell_simple(units=2)], name="stack")
    assert isinstance(stack, keras.layers.StackedRNNCells)
    assert stack.name == "stack"


def test_layer_rnn_with_cells_in_a_pipe_trains():
    model = toolz.pipe(
        keras_model_sequential(input_shape=(5, 4)),
        layer_rnn(cell=rnn_cells_stack([rnn_cell_gru(units=3),
                                        rnn_cell_lstm(units=2)])),
        compile(optimizer="sgd", loss="mse"))
    x = np.random.default_rng(0).normal(size=(8, 5, 4)).astype("float32")
    history = fit(model, x, np.zeros((8, 2)), epochs=2, verbose=0)
    losses = history.history["loss"]
    assert len(losses) == 2 and losses[1] < losses[0]
