"""Every layer function of the generated layer families, on real Keras.

A sample table (`SAMPLES`, keyed by function name) gives each function
arguments and an input; the parametrized tests build each layer both ways
(through pykeras3, and as the plain Keras class with the same arguments)
and check that they agree: the class, the configuration, the output shape
on a symbolic input, and the values on an eager one (with the same
weights).  Hand-written tests below cover what differs in meaning from a
straight call: keras3's composition rule, merging layers, attention
layers, the wrapping layers, preprocessing layers that adapt, and layers
that stay plain Keras for Keras's serializer, pickle and copies."""

import copy
import os
import pickle
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf
import toolz

import pykeras3
from pykeras3 import (keras_input, keras_model, keras_model_sequential,
                      layer_dense)
from conftest import ROOT, run_python

sys.path.insert(0, os.path.join(ROOT, "tools"))
import generate  # noqa: E402

PLANS = {plan.name: plan for plan in generate.plan_all()[0]}
PLAN_PARAMS = {name: {p.name for p in plan.params}
               for name, plan in PLANS.items()}

LAYER_FAMILIES = [family for family in pykeras3.FAMILIES
                  if family.endswith(" layers")]
IMAGE = (8, 8, 3)


def sample(kwargs=None, shape=(4,), dtype=None, *, keras_kwargs=None,
           inputs=None, data=None, prepare=None, values=True):
    """One row of the table.

    kwargs: the arguments (a dict, or a function returning a fresh dict,
    for arguments that are layers); keras_kwargs: the same for the plain
    Keras class where names differ; shape and dtype: one input, or
    `inputs`, a list of (shape, dtype) for several; data: a function
    returning the eager input (else random data of that shape); prepare:
    called with each layer before it is applied (adapt); values:
    "inference" to compare eager values in inference mode only (for
    layers whose draws a seed does not fix)."""
    return dict(kwargs=kwargs or {}, keras_kwargs=keras_kwargs, shape=shape,
                dtype=dtype, inputs=inputs, data=data, prepare=prepare,
                values=values)


def _feature_space_kwargs():
    return dict(features={"x": keras.utils.FeatureSpace.float(),
                          "c": keras.utils.FeatureSpace.integer_categorical(
                              num_oov_indices=0)},
                output_mode="concat")


def _adapt_feature_space(layer):
    layer.adapt(tf.data.Dataset.from_tensor_slices(_feature_space_data()))


def _feature_space_data():
    return {"x": np.array([0.5, 1.5, 2.5], "float32"),
            "c": np.array([5, 5, 7], "int64")}


SAMPLES = {
    # core layers
    "layer_dense": sample(dict(units=3)),
    "layer_einsum_dense": sample(dict(equation="ab,bc->ac", output_shape=3,
                                      bias_axes="c")),
    "layer_embedding": sample(dict(input_dim=10, output_dim=3), (5,),
                              "int32"),
    "layer_identity": sample(),
    "layer_lambda": sample(dict(f=lambda x: x * 2.0),
                           keras_kwargs=dict(function=lambda x: x * 2.0)),
    "layer_masking": sample(dict(mask_value=0.0), (3, 4)),
    # activation layers
    "layer_activation": sample(dict(activation="tanh")),
    "layer_activation_elu": sample(dict(alpha=0.5)),
    "layer_activation_leaky_relu": sample(dict(negative_slope=0.1)),
    "layer_activation_parametric_relu": sample(
        dict(alpha_initializer="ones")),
    "layer_activation_relu": sample(dict(max_value=0.5)),
    "layer_activation_softmax": sample(dict(axis=-1)),
    # convolutional layers
    "layer_conv_1d": sample(dict(filters=2, kernel_size=3), (8, 2)),
    "layer_conv_1d_transpose": sample(dict(filters=2, kernel_size=3),
                                      (8, 2)),
    "layer_conv_2d": sample(dict(filters=2, kernel_size=(3, 3)), (6, 6, 1)),
    "layer_conv_2d_transpose": sample(dict(filters=2, kernel_size=3),
                                      (4, 4, 1)),
    "layer_conv_3d": sample(dict(filters=2, kernel_size=2), (3, 3, 3, 1)),
    "layer_conv_3d_transpose": sample(dict(filters=2, kernel_size=2),
                                      (3, 3, 3, 1)),
    "layer_depthwise_conv_1d": sample(dict(kernel_size=3,
                                           depth_multiplier=2), (8, 2)),
    "layer_depthwise_conv_2d": sample(dict(kernel_size=3), (6, 6, 2)),
    "layer_separable_conv_1d": sample(dict(filters=3, kernel_size=3),
                                      (8, 2)),
    "layer_separable_conv_2d": sample(dict(filters=3, kernel_size=3),
                                      (6, 6, 2)),
    # pooling layers
    "layer_average_pooling_1d": sample(dict(pool_size=2), (6, 2)),
    "layer_average_pooling_2d": sample(dict(pool_size=2), (4, 4, 2)),
    "layer_average_pooling_3d": sample(dict(pool_size=2), (4, 4, 4, 1)),
    "layer_max_pooling_1d": sample(dict(pool_size=3, strides=1), (6, 2)),
    "layer_max_pooling_2d": sample(dict(padding="same"), (5, 5, 2)),
    "layer_max_pooling_3d": sample({}, (4, 4, 4, 1)),
    "layer_global_average_pooling_1d": sample({}, (6, 2)),
    "layer_global_average_pooling_2d": sample(dict(keepdims=True),
                                              (4, 4, 2)),
    "layer_global_average_pooling_3d": sample({}, (2, 2, 2, 3)),
    "layer_global_max_pooling_1d": sample({}, (6, 2)),
    "layer_global_max_pooling_2d": sample({}, (4, 4, 2)),
    "layer_global_max_pooling_3d": sample({}, (2, 2, 2, 3)),
    # normalization layers
    "layer_batch_normalization": sample(dict(momentum=0.9)),
    "layer_group_normalization": sample(dict(groups=2), (3, 4)),
    "layer_layer_normalization": sample({}, (3, 4)),
    "layer_rms_normalization": sample({}, (3, 4)),
    "layer_spectral_normalization": sample(
        lambda: dict(layer=keras.layers.Dense(2))),
    "layer_unit_normalization": sample(),
    # regularization layers
    "layer_activity_regularization": sample(dict(l1=0.01)),
    "layer_alpha_dropout": sample(dict(rate=0.2)),
    "layer_dropout": sample(dict(rate=0.5)),
    "layer_gaussian_dropout": sample(dict(rate=0.2)),
    "layer_gaussian_noise": sample(dict(stddev=0.1)),
    "layer_spatial_dropout_1d": sample(dict(rate=0.5), (5, 3)),
    "layer_spatial_dropout_2d": sample(dict(rate=0.5), (4, 4, 3)),
    "layer_spatial_dropout_3d": sample(dict(rate=0.5), (2, 2, 2, 3)),
    # reshaping layers
    "layer_cropping_1d": sample(dict(cropping=(1, 2)), (6, 2)),
    "layer_cropping_2d": sample(dict(cropping=((1, 1), (0, 2))), (6, 6, 2)),
    "layer_cropping_3d": sample({}, (4, 4, 4, 1)),
    "layer_flatten": sample({}, (2, 3)),
    "layer_permute": sample(dict(dims=(2, 1)), (2, 3)),
    "layer_repeat_vector": sample(dict(n=3)),
    "layer_reshape": sample(dict(target_shape=(3, 2)), (6,)),
    "layer_upsampling_1d": sample(dict(size=3), (3, 2)),
    "layer_upsampling_2d": sample(dict(size=(2, 3)), (2, 2, 1)),
    "layer_upsampling_3d": sample({}, (2, 2, 2, 1)),
    "layer_zero_padding_1d": sample(dict(padding=2), (3, 2)),
    "layer_zero_padding_2d": sample({}, (2, 2, 1)),
    "layer_zero_padding_3d": sample({}, (2, 2, 2, 1)),
    # merging layers: a list of inputs
    "layer_add": sample(inputs=[((4,), None), ((4,), None)]),
    "layer_subtract": sample(inputs=[((4,), None), ((4,), None)]),
    "layer_multiply": sample(inputs=[((4,), None), ((4,), None)]),
    "layer_average": sample(inputs=[((4,), None), ((4,), None)]),
    "layer_maximum": sample(inputs=[((4,), None), ((4,), None)]),
    "layer_minimum": sample(inputs=[((4,), None), ((4,), None)]),
    "layer_concatenate": sample(dict(axis=1),
                                inputs=[((2, 3), None), ((4, 3), None)]),
    "layer_dot": sample(dict(axes=1), inputs=[((4,), None), ((4,), None)]),
    # attention layers: [query, value]
    "layer_attention": sample(inputs=[((3, 4), None), ((5, 4), None)]),
    "layer_additive_attention": sample(
        inputs=[((3, 4), None), ((5, 4), None)]),
    "layer_multi_head_attention": sample(
        dict(num_heads=2, key_dim=3), inputs=[((3, 4), None),
                                              ((5, 4), None)]),
    "layer_group_query_attention": sample(
        dict(head_dim=2, num_query_heads=2, num_key_value_heads=1),
        inputs=[((3, 4), None), ((5, 4), None)]),
    # recurrent layers
    "layer_simple_rnn": sample(dict(units=3), (5, 2)),
    "layer_gru": sample(dict(units=3, return_sequences=True), (5, 2)),
    "layer_lstm": sample(dict(units=3, return_state=True), (5, 2)),
    "layer_rnn": sample(lambda: dict(cell=keras.layers.SimpleRNNCell(3)),
                        (5, 2)),
    "layer_conv_lstm_1d": sample(dict(filters=2, kernel_size=3), (3, 6, 1)),
    "layer_conv_lstm_2d": sample(dict(filters=2, kernel_size=3),
                                 (3, 5, 5, 1)),
    "layer_conv_lstm_3d": sample(dict(filters=1, kernel_size=2),
                                 (2, 3, 3, 3, 1)),
    "layer_bidirectional": sample(
        lambda: dict(layer=keras.layers.LSTM(2)), (5, 2)),
    "layer_time_distributed": sample(
        lambda: dict(layer=keras.layers.Dense(2)), (5, 3)),
    # image preprocessing layers (inference: the random ones pass the
    # images through, the others transform them)
    "layer_aug_mix": sample({}, IMAGE, values="inference"),
    "layer_auto_contrast": sample({}, IMAGE),
    "layer_center_crop": sample(dict(height=4, width=6), IMAGE),
    "layer_cut_mix": sample({}, IMAGE),
    "layer_equalization": sample(dict(bins=16), IMAGE),
    "layer_max_num_bounding_boxes": sample(dict(max_number=2), IMAGE),
    "layer_mix_up": sample({}, IMAGE),
    "layer_rand_augment": sample({}, IMAGE),
    "layer_random_brightness": sample(dict(factor=0.2), IMAGE),
    "layer_random_color_degeneration": sample(dict(factor=0.5), IMAGE),
    "layer_random_color_jitter": sample(dict(brightness_factor=0.2), IMAGE),
    "layer_random_contrast": sample(dict(factor=0.2), IMAGE),
    "layer_random_crop": sample(dict(height=4, width=4), IMAGE),
    "layer_random_elastic_transform": sample({}, IMAGE),
    "layer_random_erasing": sample({}, IMAGE),
    "layer_random_flip": sample(dict(mode="horizontal"), IMAGE),
    "layer_random_gaussian_blur": sample({}, IMAGE),
    "layer_random_grayscale": sample({}, IMAGE),
    "layer_random_hue": sample(dict(factor=0.2), IMAGE),
    "layer_random_invert": sample({}, IMAGE),
    "layer_random_perspective": sample({}, IMAGE),
    "layer_random_posterization": sample(dict(factor=4), IMAGE),
    "layer_random_rotation": sample(dict(factor=0.1), IMAGE),
    "layer_random_saturation": sample(dict(factor=0.5), IMAGE),
    "layer_random_sharpness": sample(dict(factor=0.5), IMAGE),
    "layer_random_shear": sample(dict(x_factor=0.2), IMAGE),
    "layer_random_translation": sample(dict(height_factor=0.1,
                                            width_factor=0.1), IMAGE),
    "layer_random_zoom": sample(dict(height_factor=0.2), IMAGE),
    "layer_rescaling": sample(dict(scale=1 / 255, offset=-0.5), IMAGE),
    "layer_resizing": sample(dict(height=4, width=5), IMAGE),
    "layer_solarization": sample(dict(threshold_factor=0.5), IMAGE),
    # feature preprocessing layers
    "layer_category_encoding": sample(dict(num_tokens=4), (2,), "int32"),
    "layer_discretization": sample(dict(bin_boundaries=[0.25, 0.5]), (3,)),
    "layer_hashing": sample(dict(num_bins=4), (2,), "int64"),
    "layer_hashed_crossing": sample(
        dict(num_bins=5), inputs=[((1,), "int64"), ((1,), "int64")]),
    "layer_integer_lookup": sample(dict(vocabulary=[3, 5, 7]), (2,),
                                   "int64"),
    "layer_string_lookup": sample(dict(vocabulary=["a", "b", "c"]), (2,),
                                  "string"),
    "layer_text_vectorization": sample(
        dict(vocabulary=["a", "b", "c"], output_sequence_length=4), (1,),
        "string"),
    "layer_normalization": sample(dict(mean=2.0, variance=4.0), (3,)),
    "layer_pipeline": sample(
        lambda: dict(layers=[keras.layers.Rescaling(2.0),
                             keras.layers.CenterCrop(2, 2)]), IMAGE),
    "layer_feature_space": sample(
        _feature_space_kwargs, data=_feature_space_data,
        prepare=_adapt_feature_space),
    # audio preprocessing layers
    "layer_mel_spectrogram": sample(
        dict(fft_length=32, sequence_stride=16, num_mel_bins=8,
             sampling_rate=8000), (128,)),
    "layer_stft_spectrogram": sample(
        dict(frame_length=16, frame_step=8, fft_length=16, window=None),
        (64, 1)),
    # wrapping layers (the other three need JAX, Flax or PyTorch: see
    # NEEDS_OTHER_PACKAGES)
    "layer_tfsm": sample(dict(filepath="<exported>"), (3,)),
}

# Functions that cannot build a layer on this machine (TensorFlow backend,
# without JAX, Flax or PyTorch installed): the error each must raise.
NEEDS_OTHER_PACKAGES = {
    "layer_flax_module_wrapper": (dict(module=object()), "flax"),
    "layer_jax_model_wrapper": (dict(call_fn=lambda params, x: x), "jax"),
    "layer_torch_module_wrapper": (dict(module=object()), "torch"),
}

# Recurrent cells are not applied to inputs: `layer_rnn()` runs them.
# tests/test_feature_space_and_cells.py compares each with its layer.
CELLS = {"rnn_cell_gru", "rnn_cell_lstm", "rnn_cell_simple",
         "rnn_cells_stack"}

NAMES = sorted(SAMPLES)
NO_OBJECT = {"layer_pipeline"}  # keras3's layer_pipeline(layers, name)


def keras_class(name):
    """The Keras class a generated layer function wraps (its tether in
    the generator's plan)."""
    return generate.resolve(PLANS[name].tether)


@pytest.fixture(scope="module")
def saved_model_dir(tmp_path_factory):
    """A tiny model (3 inputs, 2 outputs) exported as a TensorFlow
    SavedModel, for `layer_tfsm`."""
    keras.utils.set_random_seed(1)
    inputs = keras.Input((3,))
    model = keras.Model(inputs, keras.layers.Dense(2)(inputs))
    path = str(tmp_path_factory.mktemp("tfsm") / "exported")
    model.export(path, verbose=False)
    x = np.arange(6, dtype="float32").reshape(2, 3)
    return path, x, model.predict(x, verbose=0)


def arguments(name, request=None):
    """(pykeras3 kwargs, Keras kwargs) for one sample, built fresh."""
    row = SAMPLES[name]
    kwargs = row["kwargs"]() if callable(row["kwargs"]) else dict(
        row["kwargs"])
    if row["keras_kwargs"] is not None:
        keras_kwargs = dict(row["keras_kwargs"])
    else:
        again = row["kwargs"]() if callable(row["kwargs"]) else kwargs
        keras_kwargs = dict(again)
    if name == "layer_tfsm":
        path = request.getfixturevalue("saved_model_dir")[0]
        kwargs["filepath"] = keras_kwargs["filepath"] = path
    if "seed" in PLAN_PARAMS[name] and "seed" not in kwargs:
        # the same seed both ways: random layers draw the same values
        kwargs["seed"] = keras_kwargs["seed"] = 7
    return kwargs, keras_kwargs


def symbolic_inputs(name):
    row = SAMPLES[name]
    if row["inputs"]:
        return [keras_input(shape=shape, dtype=dtype)
                for shape, dtype in row["inputs"]]
    return keras_input(shape=row["shape"], dtype=row["dtype"])


def _random_array(shape, dtype, rng):
    shape = (2,) + tuple(shape)
    if dtype == "string":
        words = np.array(["a", "b", "c", "d"])
        return words[rng.integers(0, 4, shape)]
    if dtype and "int" in dtype:
        return rng.integers(0, 4, shape).astype(dtype)
    return rng.random(shape).astype("float32")


def eager_inputs(name):
    row = SAMPLES[name]
    rng = np.random.default_rng(0)
    if row["data"] is not None:
        return row["data"]()
    if row["inputs"]:
        return [_random_array(shape, dtype, rng)
                for shape, dtype in row["inputs"]]
    return _random_array(row["shape"], row["dtype"], rng)


def apply(name, layer_fn, inputs, kwargs):
    """Apply `name` the pykeras3 way: the inputs as its object."""
    if name in NO_OBJECT:
        return layer_fn(**kwargs)(inputs)
    return layer_fn(inputs, **kwargs)


def apply_plain(cls, inputs, kwargs):
    layer = cls(**kwargs)
    if cls in (keras.layers.MultiHeadAttention,
               keras.layers.GroupQueryAttention):
        return layer(*inputs)
    return layer(inputs)


def shapes(outputs):
    return [tuple(t.shape) for t in keras.tree.flatten(outputs)]


def config_without_name(layer):
    """A layer's configuration without the names Keras numbers (its own
    and those of the layers inside it)."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "name"}
        if isinstance(value, (list, tuple)):
            return type(value)(strip(v) for v in value)
        return value
    return strip(layer.get_config())


# --------------------------------------------------------------------------
# The table covers the families

def test_every_layer_function_has_a_sample():
    aliases = pykeras3._registry.ALIASES
    listed = {name for family in LAYER_FAMILIES
              for name in pykeras3.FAMILIES[family]}
    covered = set(SAMPLES) | set(NEEDS_OTHER_PACKAGES) | CELLS
    missing = {name for name in listed
               if aliases.get(name, name) not in covered}
    assert not missing, f"add samples for {sorted(missing)}"
    assert covered <= listed, sorted(covered - listed)
    assert len(listed) == 135


def test_aliases_of_the_layer_families_are_the_same_functions():
    assert pykeras3.bidirectional is pykeras3.layer_bidirectional
    assert pykeras3.time_distributed is pykeras3.layer_time_distributed


# --------------------------------------------------------------------------
# Per function: the class, the configuration, shapes and values

@pytest.mark.parametrize("name", NAMES)
def test_unapplied_layer_is_the_keras_class_with_the_same_config(
        name, request):
    cls = keras_class(name)
    kwargs, keras_kwargs = arguments(name, request)
    layer = getattr(pykeras3, name)(**kwargs)
    assert isinstance(layer, cls)
    assert layer.__class__ is cls
    plain = cls(**keras_kwargs)
    ours, theirs = config_without_name(layer), config_without_name(plain)
    if name == "layer_lambda":  # two different lambdas
        ours.pop("function"), theirs.pop("function")
    assert ours == theirs


@pytest.mark.parametrize("name", NAMES)
def test_applied_to_keras_input_gives_the_plain_classs_shape(name, request):
    cls = keras_class(name)
    kwargs, keras_kwargs = arguments(name, request)
    if name == "layer_feature_space":
        pytest.skip("a feature space takes data, not keras_input() tensors: "
                    "see test_feature_space_adapts_and_encodes_...")
    inputs = symbolic_inputs(name)
    outputs = apply(name, getattr(pykeras3, name), inputs, kwargs)
    expected = apply_plain(cls, inputs, keras_kwargs)
    assert shapes(outputs) == shapes(expected)
    assert all(isinstance(t, keras.KerasTensor)
               for t in keras.tree.flatten(outputs))


@pytest.mark.parametrize("name", NAMES)
def test_applied_to_eager_data_gives_the_plain_classs_values(name, request):
    cls = keras_class(name)
    kwargs, keras_kwargs = arguments(name, request)
    row = SAMPLES[name]
    x = eager_inputs(name)
    layer = getattr(pykeras3, name)(**kwargs)
    plain = cls(**keras_kwargs)
    if row["prepare"]:
        row["prepare"](layer)
        row["prepare"](plain)
    options = {"training": False} if row["values"] == "inference" else {}
    first = _call(layer, x, **options)
    _call(plain, x, **options)
    plain.set_weights(layer.get_weights())
    ours, theirs = _call(layer, x, **options), _call(plain, x, **options)
    assert type(layer) is cls  # plain Keras once called
    for a, b in zip(keras.tree.flatten(ours), keras.tree.flatten(theirs)):
        np.testing.assert_allclose(keras.ops.convert_to_numpy(a),
                                   keras.ops.convert_to_numpy(b),
                                   rtol=1e-5, atol=1e-6)
    assert shapes(first) == shapes(ours)


def _call(layer, x, **options):
    if isinstance(layer, (keras.layers.MultiHeadAttention,
                          keras.layers.GroupQueryAttention)):
        return layer(*x, **options)
    return layer(x, **options)


@pytest.mark.parametrize("name", [
    n for n in NAMES if not SAMPLES[n]["inputs"] and not SAMPLES[n]["data"]
    # Keras's own Sequential model cannot hold these two: an LSTM with
    # return_state=True gives several outputs, and an Equalization layer
    # makes a cycle ("is part of a cycle", Keras 3.15).
    and n not in ("layer_lstm", "layer_equalization")])
def test_added_to_a_sequential_model_in_a_pipe(name, request):
    cls = keras_class(name)
    kwargs, _ = arguments(name, request)
    row = SAMPLES[name]
    model = keras_model_sequential(input_shape=row["shape"],
                                   input_dtype=row["dtype"])
    result = toolz.pipe(model, getattr(pykeras3, name)(**kwargs))
    assert result is model
    assert type(model.layers[-1]) is cls


@pytest.mark.parametrize("name", sorted(NEEDS_OTHER_PACKAGES))
def test_wrappers_of_other_frameworks_name_the_missing_package(name):
    import importlib.util
    kwargs, package = NEEDS_OTHER_PACKAGES[name]
    if importlib.util.find_spec(package) is not None:
        # jax comes with the test extra (CI runs tests on JAX too).
        pytest.skip(f"{package} is installed here: nothing is missing")
    with pytest.raises(ImportError, match=package):
        getattr(pykeras3, name)(**kwargs)


# --------------------------------------------------------------------------
# keras3's composition rule

def test_layer_composes_with_a_sequential_model_a_tensor_or_nothing():
    # a Sequential model, in a pipe: the layers are added, the model returned
    model = toolz.pipe(keras_model_sequential(input_shape=3),
                       layer_dense(4, activation="relu"),
                       pykeras3.layer_dropout(0.5),
                       layer_dense(units=2))
    assert isinstance(model, keras.Sequential)
    assert [type(layer) for layer in model.layers] == [
        keras.layers.Dense, keras.layers.Dropout, keras.layers.Dense]
    assert model.output_shape == (None, 2)
    # a tensor: the layer is applied, its output returned
    inputs = keras_input(shape=3)
    outputs = layer_dense(inputs, 4)
    assert isinstance(outputs, keras.KerasTensor)
    assert tuple(outputs.shape) == (None, 4)
    eager = layer_dense(np.ones((2, 3), "float32"), 4,
                        kernel_initializer="ones")
    np.testing.assert_allclose(keras.ops.convert_to_numpy(eager),
                               np.full((2, 4), 3.0))
    # nothing (or None): the layer
    for layer in (layer_dense(4), layer_dense(None, 4), layer_dense(units=4)):
        assert isinstance(layer, keras.layers.Dense) and layer.units == 4


def test_first_argument_of_another_type_is_the_next_parameter():
    assert layer_dense(4).units == 4
    conv = pykeras3.layer_conv_2d(8, 3)
    assert (conv.filters, conv.kernel_size) == (8, (3, 3))
    assert pykeras3.layer_dropout(0.25).rate == 0.25
    assert pykeras3.layer_lstm(5).units == 5
    # a tuple or list of numbers is an argument, not inputs
    assert pykeras3.layer_reshape((2, 3)).target_shape == (2, 3)
    assert pykeras3.layer_permute([2, 1]).dims == (2, 1)
    assert pykeras3.layer_discretization(
        [0.0, 1.0]).bin_boundaries == [0.0, 1.0]
    f = np.sqrt
    assert pykeras3.layer_lambda(f).function is f


def test_a_list_of_tensors_is_the_inputs_of_the_layer():
    a = keras_input(shape=(1,), dtype="int64")
    b = keras_input(shape=(1,), dtype="int64")
    crossed = pykeras3.layer_hashed_crossing([a, b], num_bins=5)
    assert isinstance(crossed, keras.KerasTensor)
    assert tuple(crossed.shape) == (None, 1)
    values = pykeras3.layer_hashed_crossing(
        (np.array([1, 2]), np.array([3, 3])), num_bins=5)
    plain = keras.layers.HashedCrossing(num_bins=5)(
        (np.array([1, 2]), np.array([3, 3])))
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(values),
                                  keras.ops.convert_to_numpy(plain))


def test_layers_can_not_be_added_to_a_functional_model():
    inputs = keras_input(shape=3)
    functional = keras_model(inputs, layer_dense(inputs, 2))
    with pytest.raises(TypeError, match="only be added to a Sequential"):
        pykeras3.layer_flatten(functional)


# --------------------------------------------------------------------------
# Plain Keras to Keras's serializer, pickle and copies

PLAIN = [
    ("layer_dense", dict(units=3)),
    ("layer_conv_2d", dict(filters=2, kernel_size=3)),
    ("layer_max_pooling_2d", {}),
    ("layer_batch_normalization", {}),
    ("layer_dropout", dict(rate=0.5)),
    ("layer_reshape", dict(target_shape=(2, 2))),
    ("layer_lstm", dict(units=2)),
    ("layer_embedding", dict(input_dim=5, output_dim=2)),
    ("layer_multi_head_attention", dict(num_heads=2, key_dim=2)),
    ("layer_add", {}),
    ("layer_activation_relu", {}),
    ("layer_random_flip", dict(seed=1)),
    ("layer_rescaling", dict(scale=0.5)),
]


@pytest.mark.parametrize("name, kwargs", PLAIN, ids=[p[0] for p in PLAIN])
def test_unapplied_layer_serializes_as_the_plain_keras_class(name, kwargs):
    cls = keras_class(name)
    layer = getattr(pykeras3, name)(**kwargs)
    ours = keras.saving.serialize_keras_object(layer)
    theirs = keras.saving.serialize_keras_object(cls(**kwargs))
    assert ours["module"] == theirs["module"] == "keras.layers"
    assert ours["class_name"] == theirs["class_name"] == cls.__name__
    assert ours["registered_name"] == theirs["registered_name"]
    rebuilt = keras.saving.deserialize_keras_object(ours)
    assert type(rebuilt) is cls


@pytest.mark.parametrize("name, kwargs", PLAIN, ids=[p[0] for p in PLAIN])
def test_unapplied_layer_pickles_and_copies_as_the_plain_keras_class(
        name, kwargs):
    cls = keras_class(name)
    layer = getattr(pykeras3, name)(**kwargs)
    assert type(pickle.loads(pickle.dumps(layer))) is cls
    assert type(copy.deepcopy(layer)) is cls
    assert type(copy.copy(layer)) is cls
    # the original still composes afterwards
    assert type(layer) is not cls and isinstance(layer, cls)


def test_unapplied_layer_still_composes_after_pickling():
    layer = layer_dense(units=2)
    pickle.dumps(layer)
    model = toolz.pipe(keras_model_sequential(input_shape=3), layer)
    assert model.layers == [layer] and type(layer) is keras.layers.Dense


@pytest.mark.slow
def test_model_of_wrapped_layers_loads_without_pykeras3(tmp_path):
    inputs = keras_input(shape=(5, 3))
    steps = pykeras3.layer_time_distributed(
        inputs, layer=layer_dense(units=2))
    outputs = pykeras3.layer_bidirectional(
        steps, layer=pykeras3.layer_lstm(units=4))
    model = keras_model(inputs, outputs)
    x = np.random.default_rng(0).random((2, 5, 3)).astype("float32")
    expected = model.predict(x, verbose=0)
    assert expected.shape == (2, 8)
    path = tmp_path / "wrapped.keras"
    model.save(path)
    np.save(tmp_path / "x.npy", x)
    np.save(tmp_path / "expected.npy", expected)
    code = (
        "import sys, numpy as np, keras\n"
        "model = keras.saving.load_model('wrapped.keras')\n"
        "x, expected = np.load('x.npy'), np.load('expected.npy')\n"
        "np.testing.assert_allclose(model.predict(x, verbose=0), expected,"
        " rtol=1e-5, atol=1e-6)\n"
        "kinds = [type(layer).__name__ for layer in model.layers]\n"
        "assert kinds == ['InputLayer', 'TimeDistributed', 'Bidirectional'],"
        " kinds\n"
        "assert 'pykeras3' not in sys.modules\n"
        "print('loaded')\n")
    result = run_python(code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "loaded" in result.stdout


# --------------------------------------------------------------------------
# Merging layers

MERGES = {
    "layer_add": ({}, lambda a, b: a + b),
    "layer_subtract": ({}, lambda a, b: a - b),
    "layer_multiply": ({}, lambda a, b: a * b),
    "layer_average": ({}, lambda a, b: (a + b) / 2),
    "layer_maximum": ({}, np.maximum),
    "layer_minimum": ({}, np.minimum),
    "layer_concatenate": ({}, lambda a, b: np.concatenate([a, b], -1)),
    "layer_dot": (dict(axes=1),
                  lambda a, b: (a * b).sum(axis=1, keepdims=True)),
}
RNG = np.random.default_rng(3)
A = RNG.normal(size=(2, 4)).astype("float32")
B = RNG.normal(size=(2, 4)).astype("float32")


def to_numpy(x):
    return keras.ops.convert_to_numpy(x)


@pytest.mark.parametrize("name", sorted(MERGES))
def test_merging_layer_merges_a_list_like_numpy(name):
    kwargs, numpy_fn = MERGES[name]
    fn = getattr(pykeras3, name)
    np.testing.assert_allclose(to_numpy(fn([A, B], **kwargs)),
                               numpy_fn(A, B), rtol=1e-5, atol=1e-6)
    # the same on symbolic inputs, in a model
    a, b = keras_input(shape=4), keras_input(shape=4)
    model = keras_model([a, b], fn([a, b], **kwargs))
    np.testing.assert_allclose(model.predict([A, B], verbose=0),
                               numpy_fn(A, B), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", sorted(MERGES))
def test_merging_layer_takes_inputs_as_separate_arguments(name):
    kwargs, numpy_fn = MERGES[name]
    fn = getattr(pykeras3, name)
    np.testing.assert_allclose(to_numpy(fn(A, B, **kwargs)),
                               numpy_fn(A, B), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", sorted(MERGES))
def test_merging_layer_single_tensor_is_the_pipe_form(name):
    kwargs, numpy_fn = MERGES[name]
    fn = getattr(pykeras3, name)
    # R's x |> layer_subtract(y) merges [x, y], in that order
    np.testing.assert_allclose(to_numpy(toolz.pipe(A, fn(B, **kwargs))),
                               numpy_fn(A, B), rtol=1e-5, atol=1e-6)
    a, b = keras_input(shape=4), keras_input(shape=4)
    out = toolz.pipe(a, fn(b, **kwargs))
    assert tuple(out.shape) == tuple(fn([a, b], **kwargs).shape)


@pytest.mark.parametrize("name", sorted(MERGES))
def test_merging_layer_without_inputs_is_the_layer(name):
    kwargs, numpy_fn = MERGES[name]
    layer = getattr(pykeras3, name)(**kwargs)
    assert isinstance(layer, keras_class(name))
    np.testing.assert_allclose(to_numpy(layer([A, B])), numpy_fn(A, B),
                               rtol=1e-5, atol=1e-6)


def test_concatenate_of_three_separate_arguments_along_an_axis():
    a, b, c = (keras_input(shape=(2, 3)) for _ in range(3))
    assert tuple(pykeras3.layer_concatenate(a, b, c, axis=-1).shape) == \
        (None, 2, 9)
    assert tuple(pykeras3.layer_concatenate(a, b, c, axis=1).shape) == \
        (None, 6, 3)
    total = pykeras3.layer_add(A, B, A)
    np.testing.assert_allclose(to_numpy(total), A + B + A, rtol=1e-6)


@pytest.mark.parametrize("name", sorted(MERGES))
def test_merging_into_a_sequential_model_is_a_clear_type_error(name):
    kwargs, _ = MERGES[name]
    fn = getattr(pykeras3, name)
    model = keras_model_sequential(input_shape=4)
    with pytest.raises(TypeError, match="cannot be added to a model"):
        fn(model, **kwargs)
    with pytest.raises(TypeError, match="merges tensors"):
        toolz.pipe(model, fn(keras_input(shape=4), **kwargs))


def test_merging_layer_refuses_a_list_and_more_inputs():
    with pytest.raises(TypeError, match="either as one list"):
        pykeras3.layer_add([A, B], A)
    with pytest.raises(TypeError, match="by name"):
        pykeras3.layer_concatenate(None, 1)


# --------------------------------------------------------------------------
# Attention layers: a list of [query, value] or [query, value, key]

Q = RNG.normal(size=(2, 3, 4)).astype("float32")
V = RNG.normal(size=(2, 5, 4)).astype("float32")
K = RNG.normal(size=(2, 5, 4)).astype("float32")


def _same_weights(plain, layer, *args):
    plain(*args)
    plain.set_weights(layer.get_weights())
    return to_numpy(plain(*args))


def test_multi_head_attention_takes_a_list_of_query_value_key():
    q, v = keras_input(shape=(3, 4)), keras_input(shape=(5, 4))
    out = pykeras3.layer_multi_head_attention([q, v], num_heads=2, key_dim=3)
    assert tuple(out.shape) == (None, 3, 4)
    model = keras_model([q, v], out)
    layer = model.layers[-1]
    assert type(layer) is keras.layers.MultiHeadAttention
    plain = keras.layers.MultiHeadAttention(num_heads=2, key_dim=3)
    np.testing.assert_allclose(model.predict([Q, V], verbose=0),
                               _same_weights(plain, layer, Q, V),
                               rtol=1e-5, atol=1e-6)
    # with a key, eagerly; the list's elements are query, value, key
    layer = pykeras3.layer_multi_head_attention(num_heads=2, key_dim=3)
    out = toolz.pipe([Q, V, K], layer)  # the pipe form
    plain = keras.layers.MultiHeadAttention(num_heads=2, key_dim=3)
    np.testing.assert_allclose(to_numpy(out),
                               _same_weights(plain, layer, Q, V, K),
                               rtol=1e-5, atol=1e-6)
    direct = pykeras3.layer_multi_head_attention((Q, V, K), num_heads=2,
                                                 key_dim=3)
    assert tuple(direct.shape) == (2, 3, 4)


def test_multi_head_attention_needs_a_value():
    with pytest.raises(TypeError, match="value"):
        pykeras3.layer_multi_head_attention(keras_input(shape=(3, 4)),
                                            num_heads=2, key_dim=3)


def test_attention_layers_take_a_list_as_their_object():
    q, v = keras_input(shape=(3, 4)), keras_input(shape=(5, 4))
    for name in ("layer_attention", "layer_additive_attention"):
        out = getattr(pykeras3, name)([q, v])
        assert tuple(out.shape) == (None, 3, 4)
    out = pykeras3.layer_group_query_attention(
        [q, v], head_dim=2, num_query_heads=2, num_key_value_heads=1)
    assert tuple(out.shape) == (None, 3, 4)
    # use_scale is not mistaken for the inputs
    layer = pykeras3.layer_attention(use_scale=True)
    assert layer.use_scale is True
    values = pykeras3.layer_attention([Q, V, K])
    plain = keras.layers.Attention()([Q, V, K])
    np.testing.assert_allclose(to_numpy(values), to_numpy(plain), rtol=1e-5)


# --------------------------------------------------------------------------
# Wrapping layers

def test_layer_tfsm_loads_an_exported_saved_model(saved_model_dir):
    path, x, expected = saved_model_dir
    out = pykeras3.layer_tfsm(x, filepath=path)
    np.testing.assert_allclose(to_numpy(out), expected, rtol=1e-5)
    inputs = keras_input(shape=3)
    model = keras_model(inputs, pykeras3.layer_tfsm(inputs, filepath=path))
    np.testing.assert_allclose(model.predict(x, verbose=0), expected,
                               rtol=1e-5)
    layer = pykeras3.layer_tfsm(filepath=path, trainable=False)
    assert isinstance(layer, keras.layers.TFSMLayer)
    assert not layer.trainable


def test_layer_tfsm_of_a_missing_folder_fails():
    with pytest.raises((OSError, ValueError)):
        pykeras3.layer_tfsm(filepath="no-such-saved-model")


# --------------------------------------------------------------------------
# Preprocessing layers that learn from data, and the others by name

def test_feature_space_adapts_and_encodes_a_dict_of_features():
    space = pykeras3.layer_feature_space(**_feature_space_kwargs())
    assert isinstance(space, keras.utils.FeatureSpace)
    _adapt_feature_space(space)
    out = to_numpy(space(_feature_space_data()))
    # features in the order of their names: a one-hot column per
    # category of c (the most frequent first), then x as it is
    np.testing.assert_allclose(out, [[1, 0, 0.5], [1, 0, 1.5], [0, 1, 2.5]])
    # its symbolic side, for a model on the encoded features
    model = keras_model(space.get_inputs(),
                        layer_dense(space.get_encoded_features(), 1))
    assert model.output_shape == (None, 1)


def test_pipeline_chains_layers():
    pipeline = pykeras3.layer_pipeline(
        [pykeras3.layer_rescaling(scale=2.0),
         pykeras3.layer_center_crop(height=2, width=2)])
    assert isinstance(pipeline, keras.layers.Pipeline)
    x = np.random.default_rng(0).random((1, 8, 8, 3)).astype("float32")
    np.testing.assert_allclose(to_numpy(pipeline(x)), 2 * x[:, 3:5, 3:5, :],
                               rtol=1e-6)
    # it composes like any layer returned alone
    model = toolz.pipe(keras_model_sequential(input_shape=(8, 8, 3)),
                       pykeras3.layer_pipeline(
                           [pykeras3.layer_resizing(height=4, width=4)]))
    assert model.output_shape == (None, 4, 4, 3)


def test_text_vectorization_adapts_to_a_vocabulary():
    layer = pykeras3.layer_text_vectorization(output_sequence_length=4)
    layer.adapt(["the cat sat", "the dog", "The cat!"])
    assert layer.get_vocabulary() == ["", "[UNK]", "the", "cat", "sat",
                                      "dog"]
    out = to_numpy(layer(["the dog sat", "a cat"]))
    np.testing.assert_array_equal(out, [[2, 5, 4, 0], [1, 3, 0, 0]])


def test_string_and_integer_lookup_adapt_to_a_tiny_vocabulary():
    strings = pykeras3.layer_string_lookup()
    strings.adapt(["b", "c", "c", "a", "c", "b"])
    # most frequent first, after the out-of-vocabulary token; indices are
    # 0-based and 0 is that token
    assert strings.get_vocabulary() == ["[UNK]", "c", "b", "a"]
    np.testing.assert_array_equal(to_numpy(strings(["a", "c", "z"])),
                                  [3, 1, 0])
    back = pykeras3.layer_string_lookup(
        vocabulary=strings.get_vocabulary()[1:], invert=True)
    assert [v.decode() for v in to_numpy(back([1, 3]))] == ["c", "a"]
    integers = pykeras3.layer_integer_lookup()
    integers.adapt(np.array([7, 7, 3, 7, 3, 9]))
    assert integers.get_vocabulary() == [-1, 7, 3, 9]
    np.testing.assert_array_equal(to_numpy(integers(np.array([3, 5]))),
                                  [2, 0])


def test_normalization_adapts_to_mean_and_variance():
    layer = pykeras3.layer_normalization()
    layer.adapt(np.array([[1.0, 10.0], [3.0, 30.0]], "float32"))
    np.testing.assert_allclose(to_numpy(layer.mean), [[2.0, 20.0]])
    out = to_numpy(layer(np.array([[1.0, 30.0]], "float32")))
    np.testing.assert_allclose(out, [[-1.0, 1.0]], rtol=1e-5)
    undo = pykeras3.layer_normalization(mean=2.0, variance=4.0, invert=True)
    np.testing.assert_allclose(to_numpy(undo(np.array([[1.0]]))), [[4.0]])


def test_lambda_takes_keras3s_parameter_f():
    inputs = keras_input(shape=3)
    outputs = pykeras3.layer_lambda(inputs, f=lambda x: x * 10.0 + 1.0)
    model = keras_model(inputs, outputs)
    np.testing.assert_allclose(model.predict(np.ones((1, 3)), verbose=0),
                               [[11.0, 11.0, 11.0]])
    layer = pykeras3.layer_lambda(f=keras.ops.square)
    assert layer.function is keras.ops.square
    # Keras's name for it is not keras3's
    with pytest.raises(TypeError, match="`f` is required"):
        pykeras3.layer_lambda(function=keras.ops.square)


# --------------------------------------------------------------------------
# Clear errors

@pytest.mark.parametrize("call, message", [
    (lambda: layer_dense(units=2.5), "`units` must be a whole number"),
    (lambda: layer_dense(), "`units` is required"),
    (lambda: pykeras3.layer_conv_2d(filters=2, kernel_size=(3, 2.5)),
     "`kernel_size` must be a whole number"),
    (lambda: pykeras3.layer_concatenate(axis="last"),
     "`axis` must be an axis"),
    (lambda: pykeras3.layer_dropout(), "`rate` is required"),
    (lambda: pykeras3.layer_multi_head_attention(num_heads=2),
     "`key_dim` is required"),
    (lambda: pykeras3.layer_bidirectional(), "`layer` is required"),
])
def test_bad_arguments_fail_early_naming_the_argument(call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call()


def _boxed_images():
    return {"images": np.random.default_rng(0).random(
                (2, 8, 8, 3)).astype("float32"),
            "bounding_boxes": {
                "boxes": np.array([[[0, 0, 4, 4]], [[1, 1, 5, 5]]],
                                  "float32"),
                "labels": np.array([[1], [2]], "int32")}}


def test_image_layers_take_a_dict_of_images_and_bounding_boxes():
    out = pykeras3.layer_max_num_bounding_boxes(
        _boxed_images(), max_number=3, bounding_box_format="xyxy")
    boxes = to_numpy(out["bounding_boxes"]["boxes"])
    labels = to_numpy(out["bounding_boxes"]["labels"])
    np.testing.assert_array_equal(boxes[:, 0], [[0, 0, 4, 4], [1, 1, 5, 5]])
    assert (boxes[:, 1:] == -1).all() and labels.tolist() == [[1, -1, -1],
                                                             [2, -1, -1]]
    flipped = pykeras3.layer_random_flip(
        _boxed_images(), mode="horizontal", seed=1,
        bounding_box_format="xyxy")
    plain = keras.layers.RandomFlip(mode="horizontal", seed=1,
                                    bounding_box_format="xyxy")(
        _boxed_images())
    for a, b in zip(keras.tree.flatten(flipped), keras.tree.flatten(plain)):
        np.testing.assert_allclose(to_numpy(a), to_numpy(b))
