"""keras_model_sequential, keras_model, keras_input (spec: "Model creation
and layers")."""

import keras
import numpy as np
import pytest
import toolz

from pykeras3 import (keras_input, keras_model, keras_model_sequential,
                      layer_concatenate, layer_dense)


# --------------------------------------------------------------------------
# keras_input

@pytest.mark.parametrize("shape, expected", [
    (10, (None, 10)),
    ([10], (None, 10)),
    ((10,), (None, 10)),
    ([28, 28, 1], (None, 28, 28, 1)),
    ((None, 10), (None, None, 10)),
])
def test_keras_input_shape_may_be_int_list_or_tuple(shape, expected):
    tensor = keras_input(shape=shape)
    assert isinstance(tensor, keras.KerasTensor)
    assert isinstance(tensor.shape, tuple)
    assert tensor.shape == expected


def test_keras_input_positional_arguments_follow_keras3_order():
    # keras3: keras_input(shape, batch_size, dtype, sparse, ragged,
    # batch_shape, name, tensor, optional)
    tensor = keras_input(4, 8, "int32", False, None, None, "tokens")
    assert tensor.shape == (8, 4)
    assert tensor.dtype == "int32"
    assert tensor.name == "tokens"


def test_keras_input_keyword_arguments():
    tensor = keras_input(shape=[3], batch_size=2, dtype="float64",
                         name="features")
    assert tensor.shape == (2, 3)
    assert tensor.dtype == "float64"
    assert tensor.name == "features"


# --------------------------------------------------------------------------
# keras_model_sequential

@pytest.mark.parametrize("shape, expected", [
    (10, (None, 10)),
    ([10], (None, 10)),
    ((10,), (None, 10)),
    ((None, 10), (None, None, 10)),
])
def test_sequential_input_shape_may_be_int_list_or_tuple(shape, expected):
    model = layer_dense(keras_model_sequential(input_shape=shape), units=2)
    assert isinstance(model, keras.Sequential)
    assert model.input_shape == expected
    assert model.output_shape == expected[:-1] + (2,)


def test_sequential_without_input_shape_is_built_by_its_first_call():
    model = layer_dense(keras_model_sequential(), units=2)
    assert not model.built
    out = model.predict(np.ones((3, 5), "float32"), verbose=0)
    assert out.shape == (3, 2)
    assert model.built


def test_sequential_name_and_positional_arguments():
    model = keras_model_sequential(4, "stack")
    model = layer_dense(model, units=1)
    assert model.name == "stack"
    assert model.input_shape == (None, 4)


def test_sequential_starts_with_given_layers():
    first, second = layer_dense(units=3), keras.layers.Dense(1)
    model = keras_model_sequential(input_shape=5, layers=[first, second])
    assert model.layers == [first, second]
    assert model.output_shape == (None, 1)


def test_sequential_input_options_describe_the_input():
    model = keras_model_sequential(input_shape=[6], input_dtype="float64",
                                   input_batch_size=4, input_name="x_in")
    model = layer_dense(model, units=2)
    (inp,) = model.inputs
    assert inp.shape == (4, 6)
    assert inp.dtype == "float64"
    assert inp.name == "x_in"


def test_sequential_can_start_not_trainable():
    model = layer_dense(keras_model_sequential(input_shape=3,
                                               trainable=False), units=2)
    assert model.trainable is False
    assert model.trainable_weights == []
    assert len(model.non_trainable_weights) == 2


def test_sequential_is_trainable_by_default():
    model = layer_dense(keras_model_sequential(input_shape=3), units=2)
    assert model.trainable is True
    assert len(model.trainable_weights) == 2


# --------------------------------------------------------------------------
# keras_model

def test_keras_model_wraps_inputs_and_outputs():
    inputs = keras_input(shape=3)
    hidden = layer_dense(inputs, units=4, activation="relu")
    outputs = layer_dense(hidden, units=2)
    model = keras_model(inputs, outputs, name="net")
    assert isinstance(model, keras.Model)
    assert not isinstance(model, keras.Sequential)
    assert model.name == "net"
    assert model.count_params() == 3 * 4 + 4 + 4 * 2 + 2
    assert model.predict(np.ones((5, 3)), verbose=0).shape == (5, 2)


def test_keras_model_with_several_inputs_and_outputs():
    a, b = keras_input(shape=2, name="a"), keras_input(shape=3, name="b")
    joined = layer_concatenate([a, b])
    out1 = layer_dense(joined, units=1)
    out2 = layer_dense(joined, units=4)
    model = keras_model([a, b], [out1, out2])
    p1, p2 = model.predict([np.ones((2, 2)), np.ones((2, 3))], verbose=0)
    assert p1.shape == (2, 1) and p2.shape == (2, 4)


def test_keras_model_built_in_a_pipe():
    inputs = keras_input(shape=10)
    outputs = toolz.pipe(inputs, layer_dense(units=4, activation="relu"),
                         layer_dense(units=1))
    model = keras_model(inputs=inputs, outputs=outputs)
    assert [layer.__class__ for layer in model.layers[1:]] == \
        [keras.layers.Dense, keras.layers.Dense]
    assert model.output_shape == (None, 1)
