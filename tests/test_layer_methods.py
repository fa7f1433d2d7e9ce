"""The layer methods as verbs (adapt, vocabularies, reset_state,
quantize_weights, state trees) and export_savedmodel, on real Keras and
real files."""

import importlib.util
import os

import keras
import numpy as np
import pytest
import tensorflow as tf
import toolz

import pykeras3
from pykeras3 import (adapt, compile, export_savedmodel, fit, get_state_tree,
                      get_vocabulary, get_weights, keras_input, keras_model,
                      keras_model_sequential, layer_dense,
                      layer_discretization, layer_feature_space, layer_gru,
                      layer_integer_lookup, layer_normalization,
                      layer_string_lookup, layer_text_vectorization,
                      layer_tfsm, metric_mean, optimizer_adam, predict,
                      quantize_weights,
                      reset_state, save_model, load_model, set_state_tree,
                      set_vocabulary)
from pykeras3._pipe import Deferred

from conftest import tiny_model


def listing(folder):
    """Every name under `folder`, hidden ones included."""
    found = []
    for root, dirs, files in os.walk(folder):
        rel = os.path.relpath(root, folder)
        found += [os.path.normpath(os.path.join(rel, n)) for n in dirs + files]
    return sorted(found)


def snapshot(folder):
    """{name: bytes or None for folders} of everything under `folder`."""
    out = {}
    for name in listing(folder):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                out[name] = f.read()
        else:
            out[name] = None
    return out


# --------------------------------------------------------------------------
# adapt()

def test_adapt_normalization_learns_mean_and_variance():
    data = np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 50.0]], "float32")
    layer = layer_normalization()
    assert adapt(layer, data) is layer
    np.testing.assert_allclose(np.asarray(layer.mean).ravel(),
                               data.mean(axis=0), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(layer.variance).ravel(),
                               data.var(axis=0), rtol=1e-5)
    out = np.asarray(layer(data))
    np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-6)


def test_adapt_reads_a_list_of_values_as_one_array():
    # keras3's adapt(layer, c(0, 2)); Keras alone refuses a list of floats
    layer = adapt(layer_normalization(axis=None), [0.0, 2.0])
    np.testing.assert_allclose(np.asarray(layer([0.0, 1.0, 2.0])),
                               [-1.0, 0.0, 1.0], atol=1e-6)
    lookup = adapt(layer_integer_lookup(), (7, 7, 9))
    assert get_vocabulary(lookup) == [-1, 7, 9]


def test_adapt_learns_a_vocabulary_and_bins():
    words = np.array(["b", "a", "b", "c", "b", "a"])
    lookup = adapt(layer_string_lookup(), words)
    assert get_vocabulary(lookup) == ["[UNK]", "b", "a", "c"]
    bins = adapt(layer_discretization(num_bins=2),
                 np.array([0.0, 1.0, 2.0, 3.0]))
    out = np.asarray(bins(np.array([0.0, 3.0])))
    assert out.tolist() == [0, 1]


def test_adapt_passes_batch_size_and_steps_to_layers_that_take_them():
    text = np.array(["a b", "c d", "e f", "g h"])
    full = adapt(layer_text_vectorization(), text, batch_size=1)
    assert len(get_vocabulary(full)) == 2 + 8
    batches = tf.data.Dataset.from_tensor_slices(text).batch(1)
    first_two = adapt(layer_text_vectorization(), batches, steps=2.0)
    assert sorted(get_vocabulary(first_two)[2:]) == ["a", "b", "c", "d"]
    words = tf.data.Dataset.from_tensor_slices(
        np.array([["a", "b"], ["c", "d"]])).batch(1)
    lookup = adapt(layer_string_lookup(), words, steps=1)
    assert sorted(get_vocabulary(lookup)[1:]) == ["a", "b"]


def test_adapt_refuses_an_argument_the_layers_adapt_does_not_take():
    layer = layer_normalization(axis=None)
    with pytest.raises(TypeError, match=r"Normalization layer's adapt\(\) "
                       r"does not take `batch_size`.*Received: batch_size=2"):
        adapt(layer, np.array([1.0, 2.0]), batch_size=2)
    assert layer.mean is None  # refused before adapting
    with pytest.raises(ValueError, match="`steps` must be an integer >= 1"):
        adapt(layer_string_lookup(), np.array(["a"]), steps=0)
    with pytest.raises(TypeError, match="`batch_size` must be an integer"):
        adapt(layer_text_vectorization(), np.array(["a"]), batch_size="2")


def test_adapt_a_feature_space_to_a_dataset_and_in_a_pipe():
    data = {"age": np.array([20.0, 40.0, 60.0], "float32"),
            "city": np.array(["x", "y", "x"])}
    space = layer_feature_space(features={
        "age": pykeras3.feature_float_normalized(),
        "city": pykeras3.feature_string_categorical()})
    call = adapt(tf.data.Dataset.from_tensor_slices(data).batch(2))
    assert isinstance(call, Deferred)
    assert repr(call).startswith("adapt(<layer>, data=")
    assert toolz.pipe(space, call) is space
    out = np.asarray(space(data))
    assert out.shape == (3, 4)  # age, then city's [UNK], x, y
    np.testing.assert_allclose(out[:, 0], [-1.2247449, 0.0, 1.2247449],
                               rtol=1e-5)


def test_adapt_in_a_pipe_returns_the_layer():
    layer = toolz.pipe(layer_normalization(axis=None),
                       adapt(np.array([2.0, 4.0])))
    assert isinstance(layer, keras.layers.Normalization)
    assert np.asarray(layer.mean).ravel().tolist() == [3.0]


def test_adapt_on_a_layer_without_adapt_names_what_it_needs():
    with pytest.raises(TypeError, match=r"adapt\(\) acts on a preprocessing "
                       r"layer that adapts to data.*received keras\.Dense"):
        adapt(layer_dense(units=2), np.ones((2, 2)))


def test_adapted_layer_in_a_model_predicts_with_its_statistics():
    layer = adapt(layer_normalization(axis=None), np.array([0.0, 2.0]))
    model = toolz.pipe(keras_model_sequential(input_shape=1), layer)
    out = predict(model, np.array([[0.0], [1.0], [2.0]]), verbose=0)
    np.testing.assert_allclose(out.ravel(), [-1.0, 0.0, 1.0], atol=1e-6)


# --------------------------------------------------------------------------
# get_vocabulary(), set_vocabulary()

def test_get_vocabulary_gives_python_values():
    layer = adapt(layer_string_lookup(), np.array(["cat", "dog", "cat"]))
    vocabulary = get_vocabulary(layer)
    assert vocabulary == ["[UNK]", "cat", "dog"]
    assert all(type(term) is str for term in vocabulary)
    numbers = get_vocabulary(adapt(layer_integer_lookup(),
                                   np.array([5, 5, 6])))
    assert numbers == [-1, 5, 6] and all(type(t) is int for t in numbers)
    text = adapt(layer_text_vectorization(), np.array(["b a b"]))
    assert get_vocabulary(text) == ["", "[UNK]", "b", "a"]
    assert get_vocabulary(text, include_special_tokens=False) == ["b", "a"]


def test_set_vocabulary_replaces_the_vocabulary_and_returns_the_layer():
    layer = adapt(layer_string_lookup(), np.array(["x", "y"]))
    assert set_vocabulary(layer, ("red", "blue")) is layer
    assert get_vocabulary(layer) == ["[UNK]", "red", "blue"]
    assert np.asarray(layer(["blue", "x"])).tolist() == [2, 0]


def test_set_vocabulary_from_a_file_and_with_idf_weights(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("sun\nmoon\n", encoding="utf-8")
    layer = set_vocabulary(layer_string_lookup(), str(path))
    assert get_vocabulary(layer) == ["[UNK]", "sun", "moon"]
    tfidf = set_vocabulary(layer_text_vectorization(output_mode="tf_idf"),
                           ["a", "b"], idf_weights=[0.5, 2.0])
    out = np.asarray(tfidf(np.array(["a b b"])))
    # [UNK] gets the mean weight; "a" once * 0.5, "b" twice * 2.0
    np.testing.assert_allclose(out[0, 1:], [0.5, 4.0])


def test_vocabulary_verbs_in_a_pipe():
    vocabulary = toolz.pipe(layer_string_lookup(),
                            set_vocabulary(["p", "q"]),
                            get_vocabulary(include_special_tokens=False))
    assert vocabulary == ["p", "q"]


def test_vocabulary_verbs_refuse_other_layers_and_bad_flags():
    with pytest.raises(TypeError, match=r"get_vocabulary\(\) acts on a "
                       r"layer with a vocabulary.*Normalization"):
        get_vocabulary(layer_normalization())
    with pytest.raises(TypeError, match="`include_special_tokens` must be "
                       "True or False"):
        get_vocabulary(layer_string_lookup(vocabulary=["a"]),
                       include_special_tokens="no")


# --------------------------------------------------------------------------
# reset_state()

def test_reset_state_of_a_metric():
    mean = metric_mean()
    mean.update_state([2.0, 4.0])
    assert float(mean.result()) == 3.0
    assert reset_state(mean) is mean
    assert float(mean.result()) == 0.0
    mean.update_state([10.0])
    assert float(toolz.pipe(mean, reset_state()).result()) == 0.0


def _stateful_model():
    keras.utils.set_random_seed(3)
    inputs = keras_input(batch_shape=(2, 3, 2))
    outputs = layer_gru(inputs, units=4, stateful=True)
    return keras_model(inputs, outputs)


def test_reset_state_of_a_stateful_recurrent_layer():
    model = _stateful_model()
    x = np.random.default_rng(0).random((2, 3, 2)).astype("float32")
    first = np.asarray(model(x))
    second = np.asarray(model(x))
    assert not np.allclose(first, second)  # the state carried over
    layer = model.layers[-1]
    assert reset_state(layer) is layer
    np.testing.assert_allclose(np.asarray(model(x)), first, rtol=1e-6)


def test_reset_state_of_a_model_resets_its_stateful_layers_nested_too():
    inner = _stateful_model()
    inputs = keras_input(batch_shape=(2, 3, 2))
    model = keras_model(inputs, layer_dense(inner(inputs), units=1))
    x = np.random.default_rng(1).random((2, 3, 2)).astype("float32")
    first = np.asarray(model(x))
    model(x)
    assert reset_state(model) is model
    np.testing.assert_allclose(np.asarray(model(x)), first, rtol=1e-6)


def test_reset_state_refuses_what_has_no_state():
    with pytest.raises(ValueError, match="has no stateful recurrent layer"):
        reset_state(tiny_model())
    with pytest.raises(ValueError, match="a Dense layer has no state"):
        reset_state(layer_dense(units=1))
    with pytest.raises(TypeError, match="model, layer or metric"):
        reset_state()(np.zeros(2))


# --------------------------------------------------------------------------
# quantize_weights()

def _dense_model():
    keras.utils.set_random_seed(5)
    return toolz.pipe(keras_model_sequential(input_shape=8),
                      layer_dense(units=16, name="a"),
                      layer_dense(units=2, name="b"))


@pytest.mark.filterwarnings("ignore:Layer InputLayer does not have")
@pytest.mark.parametrize("mode, kernel_dtype, tolerance", [
    ("int8", "int8", 0.05), ("int4", "int8", 0.5), ("float8", "float32", 0.5)])
def test_quantize_weights_modes_that_work_on_the_cpu(mode, kernel_dtype,
                                                     tolerance):
    model = _dense_model()
    x = np.random.default_rng(0).normal(size=(4, 8)).astype("float32")
    before = predict(model, x, verbose=0)
    assert quantize_weights(model, mode) is model
    layer = model.get_layer("a")
    assert layer.dtype_policy.quantization_mode == mode
    assert keras.backend.standardize_dtype(layer.kernel.dtype) == \
        kernel_dtype
    after = predict(model, x, verbose=0)
    np.testing.assert_allclose(after, before, atol=tolerance)


@pytest.mark.filterwarnings("ignore:Layer InputLayer does not have")
def test_quantized_model_saves_and_loads(tmp_path):
    model = quantize_weights(_dense_model(), "int8")
    path = tmp_path / "q.keras"
    save_model(model, path)
    loaded = load_model(path)
    assert str(loaded.get_layer("a").kernel.dtype) == "int8"
    x = np.ones((2, 8), "float32")
    np.testing.assert_allclose(predict(loaded, x, verbose=0),
                               predict(model, x, verbose=0), rtol=1e-6)


@pytest.mark.filterwarnings("ignore:Layer InputLayer does not have")
def test_quantize_weights_in_a_pipe_with_filters_and_on_a_layer():
    model = toolz.pipe(_dense_model(), quantize_weights("int8", filters="a"))
    assert model.get_layer("a").dtype_policy.quantization_mode == "int8"
    assert model.get_layer("b").dtype_policy.quantization_mode is None
    layer = layer_dense(units=3)
    layer.build((None, 4))
    assert quantize_weights(layer, "int8") is layer
    assert keras.backend.standardize_dtype(layer.kernel.dtype) == "int8"


def test_quantize_weights_refuses_bad_modes_and_unbuilt_models():
    with pytest.raises(ValueError, match="give a `mode`"):
        quantize_weights(_dense_model())
    with pytest.raises(TypeError, match="`mode` must be a string"):
        quantize_weights(_dense_model(), 8)
    with pytest.raises(ValueError, match="Invalid quantization mode"):
        quantize_weights(_dense_model(), "int9")
    unbuilt = keras.Sequential([keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="isn't yet built"):
        quantize_weights(unbuilt, "int8")


# --------------------------------------------------------------------------
# get_state_tree(), set_state_tree()

def _trained(seed, optimizer="adam"):
    keras.utils.set_random_seed(seed)
    model = toolz.pipe(
        keras_model_sequential(input_shape=3, name="net"),
        layer_dense(units=2, name="out"),
        compile(optimizer=optimizer, loss="mse", metrics=["mae"]))
    rng = np.random.default_rng(seed)
    fit(model, rng.random((8, 3)), rng.random((8, 2)), epochs=1, verbose=0)
    return model


def test_get_state_tree_has_the_four_branches():
    model = _trained(0)
    tree = get_state_tree(model)
    assert set(tree) == {"trainable_variables", "non_trainable_variables",
                         "optimizer_variables", "metrics_variables"}
    kernel = tree["trainable_variables"]["net"]["out"]["kernel"]
    np.testing.assert_array_equal(np.asarray(kernel), get_weights(model)[0])
    for fmt in ("numpy_array", "array"):
        leaves = keras.tree.flatten(get_state_tree(model, value_format=fmt))
        assert leaves and all(isinstance(v, (np.ndarray, np.generic))
                              for v in leaves)


def test_state_tree_round_trip_between_models():
    # variables are matched by path: the optimizers need the same name
    source = _trained(0, optimizer_adam(name="opt"))
    target = _trained(1, optimizer_adam(name="opt"))
    x = np.ones((2, 3), "float32")
    assert not np.allclose(predict(source, x, verbose=0),
                           predict(target, x, verbose=0))
    tree = get_state_tree(source, value_format="numpy_array")
    result = toolz.pipe(target, set_state_tree(tree))
    assert result is target
    np.testing.assert_allclose(predict(target, x, verbose=0),
                               predict(source, x, verbose=0), rtol=1e-6)
    again = get_state_tree(target, value_format="numpy_array")
    for a, b in zip(keras.tree.flatten(again["optimizer_variables"]),
                    keras.tree.flatten(tree["optimizer_variables"])):
        np.testing.assert_array_equal(a, b)


def test_state_tree_argument_checks():
    model = _trained(0)
    with pytest.raises(ValueError, match="Received: value_format='list'"):
        get_state_tree(model, value_format="list")
    with pytest.raises(ValueError, match="is not compiled"):
        get_state_tree(tiny_model(compile_it=False))
    with pytest.raises(TypeError, match="`state_tree` must be a dict"):
        set_state_tree(model, [1, 2])
    with pytest.raises(ValueError, match="Unknown variable name"):
        set_state_tree(model, {"weights": {}})


def test_set_state_tree_refuses_paths_that_match_no_variable():
    # Keras would skip these silently; the second model's optimizer is
    # named 'adam_1', so the first one's optimizer state would be lost.
    source, target = _trained(0), _trained(1)
    tree = get_state_tree(source, value_format="numpy_array")
    before = get_weights(target)
    with pytest.raises(ValueError, match=r"no variable of the model has the "
                       r"path 'adam/iteration' \(in 'optimizer_variables', "
                       r"and 5 more\).*adam_1/iteration"):
        set_state_tree(target, tree)
    for a, b in zip(get_weights(target), before):
        np.testing.assert_array_equal(a, b)  # nothing was set
    tree["trainable_variables"]["net"]["out"]["scale"] = np.ones(2)
    del tree["optimizer_variables"]
    with pytest.raises(ValueError, match="'net/out/scale'"):
        set_state_tree(target, tree)


# --------------------------------------------------------------------------
# export_savedmodel()

@pytest.fixture
def two_models():
    """Two models of the same shape with different weights, and data."""
    keras.utils.set_random_seed(7)
    first = tiny_model(inputs=3, compile_it=False)
    second = tiny_model(inputs=3, compile_it=False)
    x = np.random.default_rng(0).random((5, 3)).astype("float32")
    return first, second, x


def test_export_loads_with_layer_tfsm_and_tf_saved_model(tmp_path,
                                                         two_models):
    model, _, x = two_models
    path = tmp_path / "exported"
    assert export_savedmodel(model, path, verbose=False) is model
    expected = predict(model, x, verbose=0)
    np.testing.assert_allclose(np.asarray(layer_tfsm(filepath=str(path))(x)),
                               expected, rtol=1e-6)
    reloaded = tf.saved_model.load(str(path))
    np.testing.assert_allclose(reloaded.serve(x).numpy(), expected,
                               rtol=1e-6)
    assert os.listdir(tmp_path) == ["exported"]  # no staging left behind


def test_export_in_a_pipe_creates_missing_folders(tmp_path, two_models):
    model, _, x = two_models
    path = tmp_path / "a" / "b" / "served"
    assert toolz.pipe(model, export_savedmodel(str(path) + "/",
                                               verbose=False)) is model
    assert os.path.isfile(path / "saved_model.pb")


def test_export_verbose_names_the_users_path_not_the_staging_one(
        tmp_path, two_models, capsys):
    model, _, _ = two_models
    path = tmp_path / "loud"
    export_savedmodel(model, path, verbose=True)
    out = capsys.readouterr().out
    assert f"Saved artifact at '{path}'" in out
    assert ".pykeras3-staging" not in out


def test_export_does_not_replace_an_existing_export_by_default(tmp_path,
                                                               two_models):
    first, second, x = two_models
    path = tmp_path / "exported"
    export_savedmodel(first, path, verbose=False)
    before = snapshot(tmp_path)
    with pytest.raises(FileExistsError, match="overwrite=True"):
        export_savedmodel(second, path, verbose=False)
    assert snapshot(tmp_path) == before


def test_export_overwrite_replaces_a_saved_model_folder_whole(tmp_path,
                                                              two_models):
    first, second, x = two_models
    path = tmp_path / "exported"
    export_savedmodel(first, path, verbose=False)
    (path / "assets" / "old-note.txt").write_text("from the first export")
    export_savedmodel(second, path, verbose=False, overwrite=True)
    np.testing.assert_allclose(
        np.asarray(layer_tfsm(filepath=str(path))(x)),
        predict(second, x, verbose=0), rtol=1e-6)
    assert not (path / "assets" / "old-note.txt").exists()
    assert os.listdir(tmp_path) == ["exported"]


def test_export_never_replaces_another_folder_or_a_file(tmp_path,
                                                        two_models):
    model, _, _ = two_models
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8 a cat")
    file = tmp_path / "notes"
    file.write_text("keep me")
    before = snapshot(tmp_path)
    for path in (folder, file):
        with pytest.raises(FileExistsError, match="overwrite=False"):
            export_savedmodel(model, path, verbose=False)
    with pytest.raises(IsADirectoryError, match="not a TensorFlow "
                       "SavedModel.*replaces only a SavedModel folder"):
        export_savedmodel(model, folder, verbose=False, overwrite=True)
    with pytest.raises(FileExistsError, match="existing file that is not"):
        export_savedmodel(model, file, verbose=False, overwrite=True)
    assert snapshot(tmp_path) == before


class Fails(keras.layers.Layer):
    """Passes its input through; tracing it for an export fails while
    `fail` is set (a real layer used to break an export part way)."""

    fail = False

    def call(self, inputs):
        if Fails.fail:
            raise RuntimeError("injected failure while exporting")
        return inputs


def test_failed_export_leaves_the_earlier_export_intact(tmp_path):
    inputs = keras_input(shape=3)
    model = keras_model(inputs, Fails()(layer_dense(inputs, units=2)))
    path = tmp_path / "exported"
    export_savedmodel(model, path, verbose=False)
    before = snapshot(tmp_path)
    Fails.fail = True
    try:
        with pytest.raises(RuntimeError, match="injected failure"):
            export_savedmodel(model, path, verbose=False, overwrite=True)
    finally:
        Fails.fail = False
    assert snapshot(tmp_path) == before


def test_export_names_are_checked_before_anything_is_written(tmp_path,
                                                             two_models):
    model, _, _ = two_models
    with pytest.raises(ValueError, match=r"`export_dir_base` cannot be "
                       r".*m\.keras.*save_model\(model"):
        export_savedmodel(model, tmp_path / "new" / "m.keras")
    with pytest.raises(ValueError, match=r"must end in '\.tflite'.*"
                       r"Did you mean '.*m\.tflite'\?"):
        export_savedmodel(model, tmp_path / "new" / "m.lite",
                          format="litert")
    with pytest.raises(ValueError, match="must end in '.onnx'"):
        export_savedmodel(model, tmp_path / "new" / "m", format="onnx")
    with pytest.raises(ValueError, match=r"model\.export\(path, "
                       r"format='openvino'\)"):
        export_savedmodel(model, tmp_path / "new" / "m.xml",
                          format="openvino")
    with pytest.raises(ValueError, match="Received: format='tflite'"):
        export_savedmodel(model, tmp_path / "new" / "m", format="tflite")
    assert os.listdir(tmp_path) == []


@pytest.mark.filterwarnings("ignore:.*tf.lite.Interpreter is deprecated")
def test_export_litert_file_runs_in_the_tflite_interpreter(tmp_path,
                                                           two_models):
    model, _, x = two_models
    path = tmp_path / "m.tflite"
    export_savedmodel(model, path, format="litert", verbose=False)
    assert os.listdir(tmp_path) == ["m.tflite"]
    interpreter = tf.lite.Interpreter(model_path=str(path))
    interpreter.resize_tensor_input(
        interpreter.get_input_details()[0]["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(interpreter.get_input_details()[0]["index"], x)
    interpreter.invoke()
    out = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])
    np.testing.assert_allclose(out, predict(model, x, verbose=0), rtol=1e-5)


def test_export_with_a_missing_package_leaves_nothing(tmp_path, two_models):
    if importlib.util.find_spec("onnx"):  # not a pykeras3 dependency
        pytest.skip("onnx is installed")
    model, _, x = two_models
    predict(model, x, verbose=0)  # Keras exports to ONNX called models only
    with pytest.raises(ImportError, match="onnx"):
        export_savedmodel(model, tmp_path / "m.onnx", format="onnx",
                          verbose=False)
    assert listing(tmp_path) == []


def test_export_refuses_what_is_not_a_model(tmp_path):
    with pytest.raises(TypeError, match=r"export_savedmodel\(\) acts on a "
                       r"Keras model"):
        export_savedmodel(layer_dense(units=1), tmp_path / "x")
