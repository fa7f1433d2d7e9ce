"""Serialization: configs and full configs, the registry of custom objects
and custom object scopes; on real Keras, with real .keras files."""

import copy
import json
import pickle
import sys

import keras
import numpy as np
import pytest

from pykeras3 import (Layer, deserialize_keras_object, from_config,
                      get_config, get_custom_objects, get_registered_name,
                      get_registered_object, keras_input, keras_model,
                      keras_model_sequential, layer_dense, layer_lambda,
                      load_model, new_layer_class, optimizer_adam, predict,
                      register_keras_serializable, save_model,
                      serialize_keras_object, set_custom_objects,
                      with_custom_object_scope)
from pykeras3.serialization import KerasConfig


@pytest.fixture(autouse=True)
def registry():
    """Leave Keras's registry of custom objects as it was."""
    module = sys.modules[keras.saving.get_custom_objects.__module__]
    objects = dict(module.GLOBAL_CUSTOM_OBJECTS)
    names = dict(module.GLOBAL_CUSTOM_NAMES)
    yield module
    module.GLOBAL_CUSTOM_OBJECTS.clear()
    module.GLOBAL_CUSTOM_OBJECTS.update(objects)
    module.GLOBAL_CUSTOM_NAMES.clear()
    module.GLOBAL_CUSTOM_NAMES.update(names)


X = np.arange(6, dtype="float32").reshape(2, 3)


class Shift(Layer):
    def __init__(self, by=1.0, **kwargs):
        super().__init__(**kwargs)
        self.by = by

    def call(self, inputs):
        return inputs + self.by

    def get_config(self):
        return {**super().get_config(), "by": self.by}


def _initialize(self, by=1.0, **kwargs):
    Layer.__init__(self, **kwargs)
    self.by = by


Scale = new_layer_class("Scale", initialize=_initialize,
                        call=lambda self, inputs: inputs * self.by)


def double(x):
    return x * 2


def _custom_model():
    model = keras_model_sequential(input_shape=3)
    model.add(Shift(by=2.0))
    model.add(Scale(by=3.0))
    return layer_dense(model, units=1)


# ----------------------------------------------------------- full configs

def test_serialize_and_deserialize_builtin_objects_through_json():
    layer = layer_dense(units=3, activation="relu", name="d")
    config = json.loads(json.dumps(serialize_keras_object(layer)))
    assert config["class_name"] == "Dense"
    again = deserialize_keras_object(config)
    assert type(again) is keras.layers.Dense
    assert (again.units, again.name) == (3, "d")
    assert again.activation is keras.activations.relu
    optimizer = deserialize_keras_object(
        serialize_keras_object(optimizer_adam(learning_rate=0.01)))
    assert float(optimizer.learning_rate) == pytest.approx(0.01)
    assert deserialize_keras_object([1, "two"]) == [1, "two"]


@pytest.mark.parametrize("objects", [
    {"Shift": Shift, "Scale": Scale}, [Shift, Scale], (Shift, Scale)])
def test_deserialize_custom_objects_in_keras3_forms(objects):
    model = _custom_model()
    config = json.loads(json.dumps(serialize_keras_object(model)))
    with pytest.raises(TypeError, match="Could not locate class"):
        deserialize_keras_object(config)
    again = deserialize_keras_object(config, custom_objects=objects)
    assert [type(layer) for layer in again.layers[:2]] == [Shift, Scale]
    assert again.layers[1].by == 3.0


def test_deserialize_one_custom_object_alone():
    config = serialize_keras_object(Shift(by=4.0))
    assert deserialize_keras_object(config, custom_objects=Shift).by == 4.0


def test_deserialize_safe_mode_refuses_lambda_code():
    layer = layer_lambda(f=lambda x: x + 1)
    config = json.loads(json.dumps(serialize_keras_object(layer)))
    with pytest.raises(ValueError, match="lambda"):
        deserialize_keras_object(config)
    again = deserialize_keras_object(config, safe_mode=False)
    np.testing.assert_allclose(np.asarray(again(X)), X + 1)


def test_deserialize_checks_its_arguments():
    with pytest.raises(TypeError, match="`config` must be a dict"):
        deserialize_keras_object(keras.layers.Dense(2))
    with pytest.raises(TypeError, match="`safe_mode` must be True or False"):
        deserialize_keras_object("relu", safe_mode="yes")
    with pytest.raises(TypeError, match="names in `custom_objects` must be "
                                        "strings"):
        deserialize_keras_object("relu", custom_objects={1: Shift})
    with pytest.raises(TypeError, match="has no name"):
        deserialize_keras_object("relu", custom_objects=[3])


# ---------------------------------------------------- get_config / from_config

def test_get_config_remembers_the_class_and_from_config_rebuilds():
    layer = layer_dense(units=3, name="d")
    config = get_config(layer)
    assert isinstance(config, dict) and isinstance(config, KerasConfig)
    # The plain class, also for pykeras3's composable layers.
    assert config == layer.get_config()
    assert config.keras_class is keras.layers.Dense
    for kept in (copy.copy(config), copy.deepcopy(config),
                 pickle.loads(pickle.dumps(config))):
        assert kept.keras_class is keras.layers.Dense and kept == config
    again = from_config(config)
    assert type(again) is keras.layers.Dense and again is not layer
    assert (again.units, again.name) == (3, "d")


def test_from_config_rebuilds_models_without_their_weights():
    inputs = keras_input(shape=3)
    model = keras_model(inputs, layer_dense(inputs, units=2))
    again = from_config(get_config(model))
    assert type(again) is type(model)
    assert again.count_params() == model.count_params() == 8
    sequential = layer_dense(keras_model_sequential(input_shape=3), units=2)
    assert type(from_config(get_config(sequential))) is keras.Sequential


def test_from_config_needs_custom_objects_for_custom_layers_inside():
    model = _custom_model()
    config = get_config(model)
    with pytest.raises(TypeError, match="Could not locate class 'Shift'"):
        from_config(config)
    again = from_config(config, custom_objects=[Shift, Scale])
    assert [type(layer) for layer in again.layers[:2]] == [Shift, Scale]
    # A custom layer's own config needs no custom objects: it remembers
    # its class.
    assert from_config(get_config(Scale(by=5.0))).by == 5.0


def test_from_config_takes_full_configs_after_json():
    config = json.loads(json.dumps(serialize_keras_object(Scale(by=2.0))))
    assert from_config(config, custom_objects={"Scale": Scale}).by == 2.0


def test_from_config_refuses_a_config_without_its_class():
    plain = json.loads(json.dumps(get_config(layer_dense(units=3))))
    with pytest.raises(ValueError, match=r"`config` must be a config from "
                                         r"get_config\(\)") as err:
        from_config(plain)
    assert "MyLayer.from_config(config)" in str(err.value)
    with pytest.raises(ValueError, match="Received: config="):
        from_config("Dense")


def test_get_config_checks_its_argument():
    with pytest.raises(TypeError, match="`object` must be a Keras object "
                                        "with a get_config"):
        get_config(keras.layers.Dense)
    with pytest.raises(TypeError, match="`object` must be a Keras object"):
        get_config([1, 2])


# ----------------------------------------------------------- registration

def test_register_as_call_and_model_loads_without_custom_objects(tmp_path):
    assert register_keras_serializable(Shift, package="pk3") is Shift
    register_keras_serializable(Scale, name="Scaler", package="pk3")
    assert get_registered_name(Shift) == "pk3>Shift"
    assert get_registered_name(Scale) == "pk3>Scaler"
    assert get_registered_object("pk3>Scaler") is Scale
    model = _custom_model()
    path = str(tmp_path / "model.keras")
    save_model(model, path)
    loaded = load_model(path)
    assert [type(layer) for layer in loaded.layers[:2]] == [Shift, Scale]
    np.testing.assert_allclose(predict(loaded, X, verbose=0),
                               predict(model, X, verbose=0), rtol=1e-6)


def test_register_as_decorator_bare_and_with_arguments():
    @register_keras_serializable
    class Bare(Layer):
        pass

    @register_keras_serializable(package="pk3", name="WithArgs")
    class Named(Layer):
        pass

    @register_keras_serializable(package="pk3")
    def triple(x):
        return x * 3

    assert get_registered_name(Bare) == "Custom>Bare"
    assert get_registered_name(Named) == "pk3>WithArgs"
    assert get_registered_object("pk3>triple") is triple


def test_register_checks_its_arguments():
    with pytest.raises(TypeError, match=r"give the package by name: "
                                        r"register_keras_serializable\("
                                        r"package='my_package'\)"):
        register_keras_serializable("my_package")
    with pytest.raises(ValueError, match="has no get_config"):
        register_keras_serializable(int)
    with pytest.raises(TypeError, match="`object` must be a class or a "
                                        "function"):
        register_keras_serializable(Shift(), package="pk3")
    with pytest.raises(TypeError, match="`package` must be a non-empty "
                                        "string"):
        register_keras_serializable(Shift, package=3)


def test_registered_function_round_trips_in_a_config():
    register_keras_serializable(double, package="pk3")
    layer = layer_dense(units=2, activation=double)
    config = json.loads(json.dumps(serialize_keras_object(layer)))
    assert deserialize_keras_object(config).activation is double


# ---------------------------------------------------------- the registry

def test_get_custom_objects_is_a_copy(registry):
    objects = get_custom_objects()
    assert objects == registry.GLOBAL_CUSTOM_OBJECTS
    objects["intruder"] = double
    assert "intruder" not in get_custom_objects()


def test_set_custom_objects_replaces_adds_and_restores(registry):
    register_keras_serializable(Shift, package="pk3")
    previous = set_custom_objects({"Scale": Scale})
    assert "pk3>Shift" in previous
    assert get_custom_objects() == {"Scale": Scale}
    # Both directions of the registry agree.
    assert registry.GLOBAL_CUSTOM_NAMES == {Scale: "Scale"}
    assert get_registered_name(Shift) == "Shift"
    set_custom_objects([double], clear=False)
    assert get_custom_objects() == {"Scale": Scale, "double": double}
    assert get_registered_name(double) == "double"
    set_custom_objects(previous)
    assert get_custom_objects() == previous
    assert get_registered_name(Shift) == "pk3>Shift"
    set_custom_objects()
    assert get_custom_objects() == {}


def test_set_custom_objects_lets_a_model_load(tmp_path):
    model = _custom_model()
    path = str(tmp_path / "model.keras")
    save_model(model, path)
    set_custom_objects([Shift, Scale], clear=False)
    assert [type(x) for x in load_model(path).layers[:2]] == [Shift, Scale]


def test_set_custom_objects_checks_its_arguments():
    with pytest.raises(TypeError, match="`objects` must be a dict"):
        set_custom_objects("Shift")
    with pytest.raises(TypeError, match="`clear` must be True or False"):
        set_custom_objects({}, clear="no")


# ------------------------------------------------------------------ scopes

def test_scope_lets_a_model_load_and_changes_no_registry(tmp_path):
    model = _custom_model()
    path = str(tmp_path / "model.keras")
    save_model(model, path)
    before = get_custom_objects()
    with with_custom_object_scope({"Shift": Shift, "Scale": Scale}):
        loaded = load_model(path)
        assert get_registered_object("Shift") is Shift
    assert [type(x) for x in loaded.layers[:2]] == [Shift, Scale]
    assert get_custom_objects() == before
    assert get_registered_object("Shift") is None
    with pytest.raises(TypeError, match="Shift"):
        load_model(path)


def test_scopes_nest_by_adding(tmp_path):
    model = _custom_model()
    path = str(tmp_path / "model.keras")
    save_model(model, path)
    with with_custom_object_scope([Shift]):
        with with_custom_object_scope(Scale):
            loaded = load_model(path)
            # Custom objects given to a call add to the scope too.
            config = serialize_keras_object(model)
            again = deserialize_keras_object(config,
                                             custom_objects=[double])
        assert get_registered_object("Scale") is None
        assert get_registered_object("Shift") is Shift
    assert [type(x) for x in loaded.layers[:2]] == [Shift, Scale]
    assert [type(x) for x in again.layers[:2]] == [Shift, Scale]


def test_scope_runs_expr_and_returns_its_value():
    config = serialize_keras_object(Shift(by=7.0))
    layer = with_custom_object_scope(
        [Shift], lambda: deserialize_keras_object(config))
    assert type(layer) is Shift and layer.by == 7.0
    assert get_registered_object("Shift") is None
    with pytest.raises(TypeError, match="`expr` must be a function"):
        with_custom_object_scope([Shift], "deserialize")


# ------------------------------------------------------ registered names

def test_get_registered_name_of_plain_and_registered_objects():
    assert get_registered_name(Scale) == "Scale"
    assert get_registered_name(double) == "double"
    register_keras_serializable(double, name="twice", package="pk3")
    assert get_registered_name(double) == "pk3>twice"
    with pytest.raises(TypeError, match=r"give its class: type\(obj\)"):
        get_registered_name(Scale())


def test_get_registered_object_looks_in_every_place():
    assert get_registered_object("double") is None
    assert get_registered_object("double", custom_objects=[double]) is double
    assert get_registered_object(
        "d", custom_objects={"d": double}) is double
    assert get_registered_object(
        "double", module_objects={"double": double}) is double
    register_keras_serializable(double, package="pk3")
    assert get_registered_object("pk3>double") is double
    with pytest.raises(TypeError, match="`name` must be a string"):
        get_registered_object(double)
