"""The utilities: clear_session, shape, keras_variable, get_source_inputs
(set_random_seed is tested with the random functions)."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from pykeras3 import (clear_session, get_source_inputs, initializer_ones,
                      keras_input, keras_model, keras_variable, layer_add,
                      layer_dense, shape)


# --------------------------------------------------------------------------
# clear_session()

@pytest.mark.parametrize("free_memory", [True, False])
def test_clear_session_restarts_layer_names(free_memory):
    clear_session()          # whatever earlier tests in this process made
    layer_dense(units=1), layer_dense(units=1)
    assert layer_dense(units=1).name == "dense_2"
    assert clear_session(free_memory=free_memory) is None
    assert layer_dense(units=1).name == "dense"


def test_models_made_before_clear_session_keep_working():
    inputs = keras_input(shape=2)
    model = keras_model(inputs, layer_dense(inputs, units=1,
                                            kernel_initializer="ones"))
    clear_session()
    np.testing.assert_allclose(model.predict(np.ones((1, 2)), verbose=0),
                               [[2.0]])


def test_clear_session_checks_its_flag():
    with pytest.raises(TypeError, match="`free_memory` must be True or "
                       "False. Received: free_memory='yes'"):
        clear_session("yes")


# --------------------------------------------------------------------------
# shape()

@pytest.mark.parametrize("args, expected", [
    ((10, None), (10, None)),
    ((None, 2, 3), (None, 2, 3)),
    ((-1, 2), (None, 2)),
    ((2.0, np.int64(3)), (2, 3)),
    (([28, 28], 1), (28, 28, 1)),
    (((None, 4), [5]), (None, 4, 5)),
    ((), ()),
    ((0,), (0,)),
])
def test_shape_of_sizes(args, expected):
    result = shape(*args)
    assert result == expected
    assert type(result) is tuple
    assert all(d is None or type(d) is int for d in result)


def test_shape_of_tensors_and_tensor_shapes():
    assert shape(keras_input(shape=(5, 3))) == (None, 5, 3)
    assert shape(np.zeros((2, 3))) == (2, 3)
    assert shape(tf.ones((4, 1))) == (4, 1)
    assert shape(tf.TensorShape([None, 7])) == (None, 7)
    # tensors and sizes together
    assert shape(3, keras_input(shape=(2,)), 4) == (3, None, 2, 4)


def test_shape_reads_a_scalar_integer_tensor_as_a_size():
    assert shape(tf.constant(6), 2) == (6, 2)
    assert shape(np.array(3)) == (3,)
    assert shape(tf.constant(2.5)) == ()  # a float scalar: its shape
    seen = []

    @tf.function(input_signature=[tf.TensorSpec((None, 4))])
    def traced(x):
        size = tf.shape(x)[0]  # unknown while tracing
        seen.append(shape(size, 4))
        return x

    traced(tf.ones((2, 4)))
    (size, four), = seen
    assert tf.is_tensor(size) and four == 4


def test_shape_is_accepted_where_keras_takes_a_shape():
    assert tuple(keras_input(shape=shape(3, 2)).shape) == (None, 3, 2)
    assert tuple(keras.ops.zeros(shape(2, 3)).shape) == (2, 3)


@pytest.mark.parametrize("bad", [2.5, "3", True, -2, float("nan"), {"a": 1}])
def test_shape_refuses_what_is_not_a_size(bad):
    with pytest.raises(TypeError, match=r"shape\(\): every argument must be "
                       r"a size.*Received:"):
        shape(4, bad)


# --------------------------------------------------------------------------
# keras_variable()

def test_keras_variable_from_a_value():
    v = keras_variable(np.array([[1.0, 2.0]], "float32"))
    assert isinstance(v, keras.Variable)
    assert v.shape == (1, 2) and v.dtype == "float32" and v.trainable
    v.assign([[3.0, 4.0]])
    np.testing.assert_array_equal(v.numpy(), [[3.0, 4.0]])
    assert keras_variable([1, 2], dtype="int32").dtype == "int32"


def test_keras_variable_from_an_initializer_and_a_shape():
    v = keras_variable(initializer_ones(), shape=shape(2, 3),
                       dtype="float16", trainable=False, name="counts")
    assert v.shape == (2, 3) and v.dtype == "float16"
    assert v.name == "counts" and v.trainable is False
    np.testing.assert_array_equal(v.numpy(), np.ones((2, 3)))
    assert keras_variable("zeros", shape=[2.0]).shape == (2,)
    assert keras_variable("zeros", shape=4).shape == (4,)


def test_keras_variable_passes_its_options_on():
    v = keras_variable(1.0, aggregation="mean", synchronization="on_read")
    assert v.aggregation == "mean"
    assert v.synchronization == "on_read"


@pytest.mark.parametrize("autocast, seen", [(True, "float16"),
                                            (False, "float32")])
def test_keras_variable_autocast_in_a_mixed_precision_layer(autocast, seen):
    dtypes = []

    class Reads(keras.layers.Layer):
        def build(self, input_shape):
            self.v = keras_variable(np.ones(2, "float32"), autocast=autocast)

        def call(self, x):
            dtypes.append(keras.backend.standardize_dtype(self.v.dtype))
            return x

    Reads(dtype="mixed_float16")(np.ones((1, 2), "float32"))
    assert dtypes == [seen]


def test_variables_of_a_custom_layer_are_tracked():
    class Scale(keras.layers.Layer):
        def build(self, input_shape):
            self.factor = keras_variable(initializer_ones(),
                                         shape=input_shape[-1:])

        def call(self, x):
            return x * self.factor

    layer = Scale()
    layer(np.ones((1, 3), "float32"))
    assert [tuple(w.shape) for w in layer.trainable_weights] == [(3,)]


def test_keras_variable_argument_checks():
    with pytest.raises(ValueError, match="`shape` argument should be "
                       "specified"):
        keras_variable(initializer_ones())
    with pytest.raises(TypeError, match="`trainable` must be True or False"):
        keras_variable(1.0, trainable="no")
    with pytest.raises(TypeError, match="every entry of `shape` must be an "
                       "integer"):
        keras_variable("zeros", shape=(2.5,))
    with pytest.raises(ValueError, match="aggregation"):
        keras_variable(1.0, aggregation="median")


# --------------------------------------------------------------------------
# get_source_inputs()

def test_get_source_inputs_follows_layers_back_to_the_inputs():
    a, b, c = (keras_input(shape=3) for _ in range(3))
    out = layer_dense(layer_add([layer_dense(a, units=3), b]), units=1)
    found = get_source_inputs(out)
    assert len(found) == 2
    assert found[0] is a and found[1] is b
    assert get_source_inputs(c) == [c]
    model = keras_model(get_source_inputs(out), out)
    assert model.count_params() == 12 + 4


def test_get_source_inputs_needs_a_symbolic_tensor():
    with pytest.raises(TypeError, match=r"must be a symbolic tensor.*"
                       r"Received: tensor=<ndarray float64 \(2,\)>"):
        get_source_inputs(np.zeros(2))
