"""The one pipe mechanism shared by every verb (spec: "One pipe mechanism
for every verb")."""

import keras
import numpy as np
import pytest
import toolz

import pykeras3
from pykeras3 import (compile, count_params, evaluate, fit, freeze_weights,
                      get_layer, get_weights, keras_input, keras_model,
                      keras_model_sequential, layer_dense, load_model,
                      load_model_weights, pop_layer, predict, save_model,
                      save_model_weights, summary, unfreeze_weights)

from conftest import tiny_model


# --------------------------------------------------------------------------
# Object first, keras3 argument names

def test_verb_called_with_model_first_acts_immediately(data):
    x, y = data
    model = tiny_model()
    history = fit(model, x, y, epochs=2, verbose=0)
    assert len(history.metrics["loss"]) == 2


def test_verb_accepts_the_object_by_its_keras3_name(data):
    x, y = data
    model = tiny_model()
    result = evaluate(model=model, x=x, y=y, verbose=0)
    assert set(result) == {"loss", "accuracy"}


# --------------------------------------------------------------------------
# The deferred form

def test_verb_without_object_returns_a_one_argument_callable(data):
    x, y = data
    deferred = fit(x, y, epochs=1, verbose=0)
    assert callable(deferred)
    history = deferred(tiny_model())
    assert history.epoch == [0]


def test_pipe_builds_compiles_fits_and_evaluates(data):
    x, y = data
    model = toolz.pipe(
        keras_model_sequential(input_shape=10),
        layer_dense(units=4, activation="relu"),
        layer_dense(units=1, activation="sigmoid"),
        compile(optimizer="adam", loss="binary_crossentropy",
                metrics="accuracy"))
    assert isinstance(model, keras.Sequential)
    assert [layer.units for layer in model.layers] == [4, 1]
    assert model.compiled

    history = toolz.pipe(model, fit(x, y, epochs=2, batch_size=16,
                                    verbose=0))
    assert history.epoch == [0, 1]
    assert history.params["epochs"] == 2

    result = toolz.pipe(model, evaluate(x, y, verbose=0))
    assert set(result) == {"loss", "accuracy"}
    # evaluate() after training reports the trained model's loss
    direct = model.evaluate(x, y, verbose=0, return_dict=True)
    assert result["loss"] == pytest.approx(direct["loss"], rel=1e-5)


def test_pipe_loads_weights_into_a_freshly_built_model(tmp_path):
    path = tmp_path / "w.weights.h5"
    saved = toolz.pipe(
        keras_model_sequential(input_shape=3),
        layer_dense(units=2),
        save_model_weights(path))
    fresh = toolz.pipe(
        keras_model_sequential(input_shape=3),
        layer_dense(units=2),
        load_model_weights(path))
    assert isinstance(fresh, keras.Sequential)
    for a, b in zip(get_weights(saved), get_weights(fresh)):
        np.testing.assert_array_equal(a, b)


def test_positional_arguments_work_in_immediate_and_deferred_forms(data):
    x, y = data
    keras.utils.set_random_seed(7)
    first = tiny_model()
    keras.utils.set_random_seed(7)
    second = tiny_model()
    h1 = fit(first, x, y, epochs=1, shuffle=False, verbose=0)
    h2 = fit(x, y, epochs=1, shuffle=False, verbose=0)(second)
    assert h1.metrics["loss"] == pytest.approx(h2.metrics["loss"])
    p1 = predict(first, x, verbose=0)
    p2 = toolz.pipe(second, predict(x, verbose=0))
    np.testing.assert_allclose(p1, p2, rtol=1e-6)


def test_positional_compile_arguments_follow_keras3_order():
    model = toolz.pipe(tiny_model(compile_it=False),
                       compile("sgd", "mse", ["mae"]))
    assert isinstance(model.optimizer, keras.optimizers.SGD)
    assert model.loss == "mse"


def test_form_is_decided_by_type_not_by_argument_count():
    # `layer_dense(4)` is units=4, not a layer applied to the object 4.
    layer = layer_dense(4)
    assert isinstance(layer, keras.layers.Dense)
    assert layer.units == 4
    # Two positional arrays: still the deferred form of fit(model, x, y).
    x = np.zeros((4, 10), "float32")
    assert callable(fit(x, x[:, :1]))
    # A string first is a layer name, so get_layer("dense") is deferred.
    model = tiny_model()
    name = model.layers[0].name
    assert toolz.pipe(model, get_layer(name)) is model.layers[0]
    assert get_layer(model, name) is model.layers[0]
    # One argument (the model) is the immediate form.
    assert count_params(model) == 11
    assert toolz.pipe(model, count_params()) == 11


# --------------------------------------------------------------------------
# How a deferred call prints

def test_deferred_call_prints_as_what_it_will_do():
    x = np.zeros((100, 10), dtype="float32")
    assert repr(fit(x, epochs=5)) == \
        "fit(<model>, x=<ndarray float32 (100, 10)>, epochs=5)"


def test_deferred_call_print_shows_each_argument_given():
    text = repr(compile(optimizer="adam", loss="mse", metrics=["mae"]))
    assert text.startswith("compile(<model>")
    for part in ("optimizer='adam'", "loss='mse'", "metrics=['mae']"):
        assert part in text
    text = repr(save_model_weights("w.weights.h5", overwrite=True))
    assert text.startswith("save_model_weights(<model>")
    assert "'w.weights.h5'" in text and "overwrite=True" in text


# --------------------------------------------------------------------------
# Wrong object

@pytest.mark.parametrize("bad, type_name", [
    ("not a model", "str"),
    (np.ones(3), "ndarray"),
    (42, "int"),
])
def test_deferred_call_on_wrong_object_raises_type_error_naming_verb(
        bad, type_name):
    deferred = fit(np.ones((4, 10)), np.ones((4, 1)))
    with pytest.raises(TypeError) as info:
        deferred(bad)
    message = str(info.value)
    assert "fit" in message
    assert "model" in message.lower()
    assert type_name in message


def test_deferred_compile_on_wrong_object_names_compile_and_received_type():
    with pytest.raises(TypeError, match=r"compile.*list"):
        toolz.pipe([1, 2], compile(loss="mse"))


def test_deferred_load_on_wrong_object_names_load_model_and_type():
    with pytest.raises(TypeError) as info:
        toolz.pipe(42, load_model())
    message = str(info.value)
    assert "load_model" in message
    assert "path" in message
    assert "int" in message


def test_deferred_sequential_only_verb_refuses_functional_model():
    inputs = keras_input(shape=3)
    functional = keras_model(inputs, layer_dense(inputs, units=1))
    with pytest.raises(TypeError) as info:
        toolz.pipe(functional, pop_layer())
    message = str(info.value)
    assert "pop_layer" in message
    assert "Sequential" in message
    assert "Functional" in message


# --------------------------------------------------------------------------
# Verbs that return the model so the pipe goes on

def test_verbs_returning_the_model_let_the_pipe_go_on(tmp_path, capsys):
    model = tiny_model(compile_it=False)
    weights = tmp_path / "w.weights.h5"
    archive = tmp_path / "m.keras"
    out = toolz.pipe(
        model,
        compile(optimizer="adam", loss="mse"),
        summary(),
        save_model(archive),
        save_model_weights(weights),
        load_model_weights(weights),
        freeze_weights(),
        unfreeze_weights())
    assert out is model
    assert archive.exists() and weights.exists()
    assert "Total params" in capsys.readouterr().out


@pytest.mark.parametrize("verb_call", [
    lambda m, p: compile(m, optimizer="adam", loss="mse"),
    lambda m, p: save_model(m, p / "m.keras"),
    lambda m, p: save_model_weights(m, p / "m.weights.h5"),
    lambda m, p: load_model_weights(
        save_model_weights(m, p / "x.weights.h5"), p / "x.weights.h5"),
    lambda m, p: freeze_weights(m),
    lambda m, p: unfreeze_weights(m),
    lambda m, p: summary(m, print_fn=lambda *a, **k: None),
    lambda m, p: pykeras3.save_model_config(m, p / "m.json"),
], ids=["compile", "save_model", "save_model_weights", "load_model_weights",
        "freeze_weights", "unfreeze_weights", "summary",
        "save_model_config"])
def test_invisible_verbs_return_the_same_model(tmp_path, verb_call):
    model = tiny_model(compile_it=False)
    assert verb_call(model, tmp_path) is model


def test_load_model_defers_for_a_pipe_of_bytes():
    model = tiny_model()
    loaded = toolz.pipe(model, save_model(), load_model(compile=False))
    assert isinstance(loaded, keras.Model) and loaded is not model
    for a, b in zip(model.get_weights(), loaded.get_weights()):
        np.testing.assert_array_equal(a, b)


# --------------------------------------------------------------------------
# Argument names: the object first, then keras3's names and defaults

_ANY = object()

SIGNATURES = {
    "keras_model_sequential": [
        ("input_shape", None), ("name", None), ("input_dtype", None),
        ("input_batch_size", None), ("input_sparse", None),
        ("input_ragged", None), ("input_batch_shape", None),
        ("input_name", None), ("input_tensor", None),
        ("input_optional", False), ("trainable", True), ("layers", None)],
    "keras_model": [("inputs", _ANY), ("outputs", _ANY), ("name", None)],
    "keras_input": [("shape", _ANY), ("batch_size", None), ("dtype", None),
                    ("sparse", None), ("ragged", None),
                    ("batch_shape", None), ("name", None)],
    "layer_dense": [("object", _ANY), ("units", _ANY)],
    "layer_concatenate": [("inputs", _ANY)],
    "layer_add": [("inputs", _ANY)],
    "compile": [
        ("model", _ANY), ("optimizer", "rmsprop"), ("loss", None),
        ("metrics", None), ("run_eagerly", False),
        ("steps_per_execution", 1), ("jit_compile", "auto")],
    "fit": [
        ("model", _ANY), ("x", None), ("y", None), ("batch_size", None),
        ("epochs", 1), ("callbacks", None), ("validation_split", 0),
        ("validation_data", None), ("shuffle", True),
        ("class_weight", None), ("sample_weight", None),
        ("initial_epoch", 0), ("steps_per_epoch", None),
        ("validation_steps", None), ("validation_batch_size", None),
        ("validation_freq", 1), ("verbose", "auto")],
    "evaluate": [("model", _ANY), ("x", _ANY), ("y", _ANY)],
    "predict": [("model", _ANY), ("x", _ANY)],
    "get_layer": [("model", _ANY), ("name", None), ("index", None)],
    "freeze_weights": [("model", _ANY), ("from_", None), ("to", None),
                       ("which", None)],
    "save_model": [("model", _ANY), ("filepath", None), ("overwrite", False),
                   ("zipped", None)],
    "load_model": [("model", _ANY), ("custom_objects", None),
                   ("compile", True), ("safe_mode", True)],
    "save_model_weights": [("model", _ANY), ("filepath", _ANY),
                           ("overwrite", False), ("max_shard_size", None)],
    "load_model_weights": [("model", _ANY), ("filepath", _ANY),
                           ("skip_mismatch", False)],
    "save_model_config": [("model", _ANY), ("filepath", _ANY),
                          ("overwrite", False)],
    "load_model_config": [("filepath", _ANY), ("custom_objects", None)],
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_functions_use_keras3_argument_names_and_defaults(name):
    import inspect
    params = inspect.signature(getattr(pykeras3, name)).parameters
    names = list(params)
    expected = SIGNATURES[name]
    # the object (or first argument) comes first
    assert names[0] == expected[0][0]
    positions = []
    for arg, default in expected:
        assert arg in params, f"{name}() has no argument {arg!r}"
        positions.append(names.index(arg))
        if default is not _ANY:
            assert params[arg].default == default, (name, arg)
    assert positions == sorted(positions), f"{name}(): order {names}"
