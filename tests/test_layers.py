"""Layer functions (keras3's composition rule), merging layers, and the
tensor / random helpers (spec: "Model creation and layers")."""

import keras
import numpy as np
import pytest
import toolz

import pykeras3
from pykeras3 import (keras_input, keras_model, keras_model_sequential,
                      layer_add, layer_concatenate, layer_dense,
                      layer_dropout, op_ones, op_zeros, random_normal,
                      random_uniform, set_random_seed)

# name, arguments, Keras class, sample input shape, output sample shape,
# input dtype
LAYERS = [
    ("layer_dense", dict(units=3), keras.layers.Dense, (5,), (3,), None),
    ("layer_dropout", dict(rate=0.5), keras.layers.Dropout, (5,), (5,),
     None),
    ("layer_flatten", {}, keras.layers.Flatten, (2, 3), (6,), None),
    ("layer_activation", dict(activation="relu"), keras.layers.Activation,
     (5,), (5,), None),
    ("layer_reshape", dict(target_shape=[3, 2]), keras.layers.Reshape,
     (6,), (3, 2), None),
    ("layer_conv_1d", dict(filters=2, kernel_size=3), keras.layers.Conv1D,
     (8, 2), (6, 2), None),
    ("layer_conv_2d", dict(filters=2, kernel_size=[3, 3]),
     keras.layers.Conv2D, (6, 6, 1), (4, 4, 2), None),
    ("layer_max_pooling_2d", dict(pool_size=2), keras.layers.MaxPooling2D,
     (4, 4, 3), (2, 2, 3), None),
    ("layer_global_average_pooling_2d", {},
     keras.layers.GlobalAveragePooling2D, (4, 4, 3), (3,), None),
    ("layer_batch_normalization", {}, keras.layers.BatchNormalization,
     (4,), (4,), None),
    ("layer_layer_normalization", {}, keras.layers.LayerNormalization,
     (3, 4), (3, 4), None),
    ("layer_embedding", dict(input_dim=10, output_dim=4),
     keras.layers.Embedding, (5,), (5, 4), "int32"),
    ("layer_lstm", dict(units=3), keras.layers.LSTM, (5, 2), (3,), None),
    ("layer_gru", dict(units=3, return_sequences=True), keras.layers.GRU,
     (5, 2), (5, 3), None),
]
IDS = [row[0] for row in LAYERS]


@pytest.mark.parametrize("name, args, cls, shape, out, dtype", LAYERS,
                         ids=IDS)
def test_layer_function_without_object_returns_real_keras_layer(
        name, args, cls, shape, out, dtype):
    layer = getattr(pykeras3, name)(**args)
    assert isinstance(layer, cls)
    assert isinstance(layer, keras.layers.Layer)


@pytest.mark.parametrize("name, args, cls, shape, out, dtype", LAYERS,
                         ids=IDS)
def test_layer_function_on_tensor_returns_layer_output(
        name, args, cls, shape, out, dtype):
    inputs = keras_input(shape=shape, dtype=dtype)
    outputs = getattr(pykeras3, name)(inputs, **args)
    assert isinstance(outputs, keras.KerasTensor)
    assert tuple(outputs.shape) == (None,) + out
    model = keras_model(inputs, outputs)
    assert isinstance(model.layers[-1], cls)


@pytest.mark.parametrize("name, args, cls, shape, out, dtype", LAYERS,
                         ids=IDS)
def test_layer_function_on_sequential_adds_layer_and_returns_model(
        name, args, cls, shape, out, dtype):
    model = keras_model_sequential(input_shape=shape, input_dtype=dtype)
    result = getattr(pykeras3, name)(model, **args)
    assert result is model
    assert len(model.layers) == 1
    assert isinstance(model.layers[0], cls)
    assert tuple(model.output_shape) == (None,) + out


@pytest.mark.parametrize("name, args, cls, shape, out, dtype", LAYERS,
                         ids=IDS)
def test_layer_returned_alone_still_composes_in_a_pipe(
        name, args, cls, shape, out, dtype):
    model = toolz.pipe(keras_model_sequential(input_shape=shape,
                                              input_dtype=dtype),
                       getattr(pykeras3, name)(**args))
    assert isinstance(model, keras.Sequential)
    assert isinstance(model.layers[-1], cls)
    assert tuple(model.output_shape) == (None,) + out


def test_pipe_of_layer_functions_builds_the_model():
    model = toolz.pipe(keras_model_sequential(input_shape=10),
                       layer_dense(units=4, activation="relu"),
                       layer_dense(units=1))
    assert isinstance(model, keras.Sequential)
    assert [layer.units for layer in model.layers] == [4, 1]
    assert model.layers[0].activation is keras.activations.relu
    assert model.output_shape == (None, 1)
    assert model.count_params() == 10 * 4 + 4 + 4 + 1


def test_pipe_of_layer_functions_builds_model_without_input_shape():
    model = toolz.pipe(keras_model_sequential(),
                       layer_dense(units=4), layer_dense(units=1))
    out = model.predict(np.ones((2, 7), "float32"), verbose=0)
    assert out.shape == (2, 1)
    assert model.count_params() == 7 * 4 + 4 + 4 + 1


def test_layer_returned_alone_is_instance_of_plain_keras_class():
    layer = layer_dense(units=1)
    assert isinstance(layer, keras.layers.Dense)
    model = toolz.pipe(keras_model_sequential(input_shape=2), layer)
    # once part of a model, the layer is exactly Keras's class
    assert type(model.layers[0]) is keras.layers.Dense


def test_layer_returned_alone_applies_to_a_tensor():
    inputs = keras_input(shape=6)
    outputs = toolz.pipe(inputs, layer_dense(units=2))
    assert tuple(outputs.shape) == (None, 2)


def test_layer_function_applies_to_an_eager_tensor():
    kernel_init = keras.initializers.Constant(1.0)
    out = layer_dense(op_ones((2, 3)), units=4,
                      kernel_initializer=kernel_init)
    np.testing.assert_allclose(keras.ops.convert_to_numpy(out),
                               np.full((2, 4), 3.0))
    out = layer_dense(np.ones((2, 3), "float32"), units=4)
    assert tuple(out.shape) == (2, 4)


def test_layer_function_with_none_object_returns_the_layer():
    layer = layer_dense(None, 3)
    assert isinstance(layer, keras.layers.Dense) and layer.units == 3
    assert isinstance(layer_concatenate(None), keras.layers.Concatenate)


def test_layer_function_positional_arguments_after_object():
    model = layer_dense(keras_model_sequential(input_shape=3), 5, "tanh")
    assert model.layers[0].units == 5
    assert model.layers[0].activation is keras.activations.tanh
    assert layer_dropout(0.25).rate == 0.25


def test_layer_function_converts_shape_lists_to_tuples():
    layer = pykeras3.layer_reshape(target_shape=[3, 4])
    assert layer.target_shape == (3, 4)
    conv = pykeras3.layer_conv_2d(filters=1, kernel_size=[3, 3])
    assert conv.kernel_size == (3, 3)


def test_layer_function_uses_keras_defaults():
    layer = layer_dense(units=2)
    reference = keras.layers.Dense(2)
    assert layer.get_config() | {"name": None} == \
        reference.get_config() | {"name": None}


def test_layers_cannot_be_added_to_a_functional_model():
    inputs = keras_input(shape=3)
    functional = keras_model(inputs, layer_dense(inputs, units=2))
    with pytest.raises(TypeError, match="layer_dense"):
        layer_dense(functional, units=1)


# --------------------------------------------------------------------------
# Merging layers

def test_concatenate_joins_a_list_of_inputs():
    a, b = keras_input(shape=3), keras_input(shape=5)
    out = layer_concatenate([a, b])
    assert tuple(out.shape) == (None, 8)
    model = keras_model([a, b], out)
    result = model.predict([np.zeros((2, 3)), np.ones((2, 5))], verbose=0)
    np.testing.assert_array_equal(result, np.hstack(
        [np.zeros((2, 3)), np.ones((2, 5))]))


def test_concatenate_along_a_given_axis():
    a, b = keras_input(shape=(2, 3)), keras_input(shape=(4, 3))
    assert tuple(layer_concatenate([a, b], axis=1).shape) == (None, 6, 3)


def test_add_sums_a_list_of_inputs():
    a, b = keras_input(shape=4), keras_input(shape=4)
    out = layer_add([a, b])
    assert tuple(out.shape) == (None, 4)
    model = keras_model([a, b], out)
    result = model.predict([np.full((1, 4), 2.0), np.full((1, 4), 3.0)],
                           verbose=0)
    np.testing.assert_allclose(result, np.full((1, 4), 5.0))


def test_merging_layers_without_inputs_return_the_layer():
    concat = layer_concatenate()
    add = layer_add()
    assert isinstance(concat, keras.layers.Concatenate)
    assert isinstance(add, keras.layers.Add)
    a, b = keras_input(shape=2), keras_input(shape=2)
    assert tuple(toolz.pipe([a, b], concat).shape) == (None, 4)
    assert tuple(add([a, b]).shape) == (None, 2)


def test_merging_layer_unnamed_arguments_are_inputs_options_by_name():
    layer = layer_concatenate(axis=1)
    assert isinstance(layer, keras.layers.Concatenate)
    assert layer.axis == 1
    with pytest.raises(TypeError, match="by name"):
        layer_concatenate(1)


# --------------------------------------------------------------------------
# Tensors and random numbers

@pytest.mark.parametrize("shape, expected", [
    (3, (3,)), ([2, 1], (2, 1)), ((2, 3), (2, 3))])
def test_op_ones_and_op_zeros_accept_int_list_or_tuple_shape(shape,
                                                             expected):
    ones = keras.ops.convert_to_numpy(op_ones(shape))
    zeros = keras.ops.convert_to_numpy(op_zeros(shape))
    assert ones.shape == expected and zeros.shape == expected
    assert (ones == 1).all() and (zeros == 0).all()


def test_op_ones_respects_dtype():
    assert keras.backend.standardize_dtype(
        op_ones((2,), dtype="int32").dtype) == "int32"


def test_random_uniform_draws_in_the_given_range():
    values = keras.ops.convert_to_numpy(
        random_uniform((50, 20), minval=2.0, maxval=3.0, seed=1))
    assert values.shape == (50, 20)
    assert values.min() >= 2.0 and values.max() < 3.0
    assert values.std() > 0.1


def test_random_normal_draws_with_given_mean_and_stddev():
    values = keras.ops.convert_to_numpy(
        random_normal([20000], mean=5.0, stddev=2.0, seed=3))
    assert values.mean() == pytest.approx(5.0, abs=0.1)
    assert values.std() == pytest.approx(2.0, abs=0.1)


def test_random_draws_with_same_seed_repeat():
    a = keras.ops.convert_to_numpy(random_uniform(5, seed=11))
    b = keras.ops.convert_to_numpy(random_uniform(5, seed=11))
    c = keras.ops.convert_to_numpy(random_uniform(5, seed=12))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_set_random_seed_makes_draws_and_initialization_repeat():
    set_random_seed(42)
    a = keras.ops.convert_to_numpy(random_normal(4))
    w1 = layer_dense(keras_model_sequential(input_shape=3),
                     units=2).get_weights()[0]
    set_random_seed(42)
    b = keras.ops.convert_to_numpy(random_normal(4))
    w2 = layer_dense(keras_model_sequential(input_shape=3),
                     units=2).get_weights()[0]
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(w1, w2)
    set_random_seed(43)
    c = keras.ops.convert_to_numpy(random_normal(4))
    assert not np.array_equal(a, c)
