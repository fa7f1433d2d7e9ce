"""Custom classes: Keras's base classes re-exported, classes built from
functions by new_*_class(), and custom_metric(); on real Keras, with real
.keras files."""

import json
import sys
import zipfile

import keras
import numpy as np
import pytest

import pykeras3
from pykeras3 import (Callback, Constraint, Layer, Loss, Metric, Model,
                      compile, custom_metric, evaluate, fit,
                      keras_model_sequential, layer_dense, load_model,
                      new_callback_class, new_layer_class,
                      new_learning_rate_schedule_class, new_loss_class,
                      new_metric_class, new_model_class, op_abs, op_mean,
                      op_sum, optimizer_sgd, predict,
                      register_keras_serializable, save_model)


@pytest.fixture(autouse=True)
def registry():
    """Leave Keras's registry of custom objects as it was."""
    module = sys.modules[keras.saving.get_custom_objects.__module__]
    objects = dict(module.GLOBAL_CUSTOM_OBJECTS)
    names = dict(module.GLOBAL_CUSTOM_NAMES)
    yield
    module.GLOBAL_CUSTOM_OBJECTS.clear()
    module.GLOBAL_CUSTOM_OBJECTS.update(objects)
    module.GLOBAL_CUSTOM_NAMES.clear()
    module.GLOBAL_CUSTOM_NAMES.update(names)


X = np.arange(12, dtype="float32").reshape(4, 3) / 10
Y = np.array([[0.0], [1.0], [1.0], [0.0]], dtype="float32")


# ---------------------------------------------------------------- base classes

@pytest.mark.parametrize("name, cls", [
    ("Callback", keras.callbacks.Callback), ("Layer", keras.layers.Layer),
    ("Loss", keras.losses.Loss), ("Metric", keras.metrics.Metric),
    ("Model", keras.Model), ("Constraint", keras.constraints.Constraint)])
def test_base_classes_are_keras_own(name, cls):
    assert getattr(pykeras3, name) is cls
    assert pykeras3._registry.FAMILY_OF[name] == "custom classes"
    assert name in pykeras3.__all__


# The same layer twice: a class statement and new_layer_class().

class ScaleByClass(Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],),
                                 initializer="random_normal", name="w")

    def call(self, inputs):
        return inputs * self.w * self.factor


def _initialize(self, factor=2.0, **kwargs):
    Layer.__init__(self, **kwargs)
    self.factor = factor


def _build(self, input_shape):
    self.w = self.add_weight(shape=(input_shape[-1],),
                             initializer="random_normal", name="w")


ScaleByFunctions = new_layer_class(
    "ScaleByFunctions", initialize=_initialize, build=_build,
    call=lambda self, inputs: inputs * self.w * self.factor)


def test_new_layer_class_builds_a_named_subclass_of_the_calling_module():
    cls = ScaleByFunctions
    assert issubclass(cls, keras.layers.Layer)
    assert cls.__name__ == cls.__qualname__ == "ScaleByFunctions"
    assert cls.__module__ == __name__
    assert cls.__init__ is _initialize  # keras3's `initialize`
    layer = cls(factor=3.0, name="s")
    out = np.asarray(layer(X))
    np.testing.assert_allclose(out, X * np.asarray(layer.w) * 3, rtol=1e-6)
    # No get_config given: Keras records the keyword arguments itself.
    assert layer.get_config()["factor"] == 3.0
    assert keras.saving.get_registered_name(cls) == "ScaleByFunctions"


def _model(layer_cls):
    model = keras_model_sequential(input_shape=3)
    model.add(layer_cls(factor=1.5))
    return layer_dense(model, units=1)


@pytest.mark.parametrize("layer_cls", [ScaleByClass, ScaleByFunctions])
@pytest.mark.parametrize("route", ["custom_objects", "registered"])
def test_custom_layer_model_saves_and_loads(layer_cls, route, tmp_path):
    model = _model(layer_cls)
    expected = predict(model, X, verbose=0)
    path = tmp_path / "model.keras"
    if route == "registered":
        register_keras_serializable(layer_cls, package="pykeras3_tests")
    save_model(model, str(path))
    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("config.json"))
    recorded = config["config"]["layers"][1]  # after the InputLayer
    assert recorded["class_name"] == layer_cls.__name__
    assert recorded["module"] == __name__
    if route == "registered":
        assert recorded["registered_name"] == \
            f"pykeras3_tests>{layer_cls.__name__}"
        loaded = load_model(str(path))
    else:
        assert recorded["registered_name"] == layer_cls.__name__
        with pytest.raises(TypeError, match=layer_cls.__name__):
            load_model(str(path))
        loaded = load_model(str(path),
                            custom_objects={layer_cls.__name__: layer_cls})
    assert type(loaded.layers[0]) is layer_cls
    assert loaded.layers[0].factor == 1.5
    np.testing.assert_allclose(predict(loaded, X, verbose=0), expected,
                               rtol=1e-6)


def test_get_config_and_from_config_given_as_functions():
    def initialize(self, units, **kwargs):
        Layer.__init__(self, **kwargs)
        self.units = units

    def get_config(self):
        return {**Layer.get_config(self), "size": self.units}

    def from_config(cls, config):  # becomes a classmethod
        config = dict(config)
        return cls(units=config.pop("size"), **config)

    Sized = new_layer_class("Sized", initialize=initialize,
                            call=lambda self, x: x, get_config=get_config,
                            from_config=from_config)
    assert isinstance(Sized.__dict__["from_config"], classmethod)
    layer = Sized(4, name="sized")
    copy = Sized.from_config(layer.get_config())
    assert (copy.units, copy.name) == (4, "sized")


def test_further_methods_and_attributes_go_in_kwargs():
    Doubler = new_layer_class(
        "Doubler", call=lambda self, x: self.twice(x) + self.offset,
        twice=lambda self, x: x * 2, offset=1.0,
        helper=staticmethod(lambda: "static"),
        compute_output_shape=lambda self, shape: shape)
    layer = Doubler()
    np.testing.assert_allclose(np.asarray(layer(np.ones((1, 2)))), 3.0)
    assert Doubler.offset == 1.0 and Doubler.helper() == "static"
    assert layer.compute_output_shape((None, 2)) == (None, 2)


def test_inherit_subclasses_another_keras_class():
    Halved = new_layer_class(
        "Halved", inherit=keras.layers.Dense,
        call=lambda self, x: keras.layers.Dense.call(self, x) / 2)
    assert issubclass(Halved, keras.layers.Dense)
    layer = Halved(units=2, kernel_initializer="ones")
    np.testing.assert_allclose(np.asarray(layer(np.ones((1, 3)))), 1.5)


def test_classes_of_the_other_families_have_their_base():
    assert issubclass(new_loss_class("L", call=lambda s, a, b: a), Loss)
    assert issubclass(new_metric_class("M"), Metric)
    assert issubclass(new_model_class("Mo"), Model)
    assert issubclass(new_callback_class("C"), Callback)
    assert issubclass(new_learning_rate_schedule_class("S"),
                      keras.optimizers.schedules.LearningRateSchedule)


@pytest.mark.parametrize("classname", [None, 3, "", "my layer", "1st"])
def test_classname_must_be_a_class_name(classname):
    with pytest.raises(TypeError, match="`classname` must be a string"):
        new_layer_class(classname)


def test_inherit_must_subclass_the_family_base():
    with pytest.raises(TypeError, match="`inherit` must be Layer or a "
                                        "subclass"):
        new_layer_class("Bad", inherit=keras.losses.Loss)
    with pytest.raises(TypeError, match="`inherit` must be Callback"):
        new_callback_class("Bad", inherit="Callback")


def test_methods_are_checked():
    with pytest.raises(TypeError, match="`call` must be a function taking "
                                        "`self` first"):
        new_layer_class("Bad", call=3)
    with pytest.raises(ValueError, match="`call` becomes a method, so it "
                                         "must take `self`"):
        new_layer_class("Bad", call=lambda: 1)
    with pytest.raises(ValueError, match="`helper` becomes a method"):
        new_layer_class("Bad", helper=lambda: 1)
    with pytest.raises(TypeError, match="the method '__init__' is given "
                                        "twice"):
        new_layer_class("Bad", initialize=_initialize, __init__=_initialize)
    with pytest.raises(ValueError, match="`on_epoch_end` becomes a method"):
        new_callback_class("Bad", on_epoch_end=lambda: None)


# ------------------------------------------------------------------ callbacks

def _compiled(**compile_args):
    model = layer_dense(keras_model_sequential(input_shape=3), units=1)
    args = dict(optimizer="sgd", loss="mse")
    args.update(compile_args)
    return compile(model, **args)


def test_callback_methods_get_0_based_numbers_and_may_take_fewer():
    def initialize(self):
        Callback.__init__(self)
        self.events = []

    Recorder = new_callback_class(
        "Recorder", initialize=initialize,
        on_train_begin=lambda self: self.events.append("begin"),
        on_epoch_begin=lambda self, epoch: self.events.append(("e", epoch)),
        on_epoch_end=lambda self, epoch, logs: self.events.append(
            ("loss" in logs, epoch)),
        on_train_batch_end=lambda self, batch, logs=None:
            self.events.append(("b", batch)),
        on_test_end=lambda self, logs: self.events.append("test"))
    recorder = Recorder()
    fit(_compiled(), X, Y, epochs=2, batch_size=2, verbose=0,
        callbacks=[recorder])
    assert recorder.events == [
        "begin", ("e", 0), ("b", 0), ("b", 1), (True, 0),
        ("e", 1), ("b", 0), ("b", 1), (True, 1)]
    evaluate(_compiled(), X, Y, verbose=0, callbacks=[recorder])
    assert recorder.events[-1] == "test"


def test_callback_can_stop_training():
    def stop(self, epoch, logs=None):
        if epoch == 1:
            self.model.stop_training = True

    history = fit(_compiled(), X, Y, epochs=10, verbose=0,
                  callbacks=[new_callback_class("Stop", on_epoch_end=stop)()])
    assert len(history.history["loss"]) == 2


def test_callback_subclass_by_class_statement():
    class Count(Callback):
        def __init__(self):
            super().__init__()
            self.epochs = []

        def on_epoch_end(self, epoch, logs=None):
            self.epochs.append(epoch)

    count = Count()
    fit(_compiled(), X, Y, epochs=3, verbose=0, callbacks=[count])
    assert count.epochs == [0, 1, 2]


# ------------------------------------------------------- losses and metrics

def test_new_loss_class_trains_and_reduces_as_keras():
    Absolute = new_loss_class(
        "Absolute", call=lambda self, y_true, y_pred: op_abs(y_true - y_pred))
    loss = Absolute()
    assert float(loss(np.zeros((4, 1)), np.full((4, 1), 0.5))) == 0.5
    model = _compiled(loss=loss)
    result = evaluate(model, X, Y, verbose=0)
    expected = np.mean(np.abs(Y - predict(model, X, verbose=0)))
    np.testing.assert_allclose(result["loss"], expected, rtol=1e-5)


def _metric_class():
    def initialize(self, name="total_error", **kwargs):
        Metric.__init__(self, name=name, **kwargs)
        self.total = self.add_variable(shape=(), initializer="zeros",
                                       name="total")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign_add(op_sum(op_abs(y_true - y_pred)))

    return new_metric_class("TotalError", initialize=initialize,
                            update_state=update_state,
                            result=lambda self: self.total)


def test_new_metric_class_is_reset_each_epoch_and_named_in_history():
    TotalError = _metric_class()
    model = _compiled(metrics=[TotalError()], optimizer=optimizer_sgd(0.0))
    history = fit(model, X, Y, epochs=2, verbose=0, batch_size=4)
    values = history.history["total_error"]
    # The learning rate is 0, so each epoch sees the same errors: the
    # state is reset between epochs, not accumulated.
    expected = np.sum(np.abs(Y - predict(model, X, verbose=0)))
    np.testing.assert_allclose(values, [expected, expected], rtol=1e-5)


# ------------------------------------------------------------------- models

def _model_class():
    def initialize(self, units=4, **kwargs):
        Model.__init__(self, **kwargs)
        self.units = units
        self.hidden = layer_dense(units=units, activation="relu")
        self.out = layer_dense(units=1)

    # Keras cannot record a subclassed model's arguments by itself (it
    # does for layers), so a model to be saved needs get_config().
    return new_model_class(
        "TwoLayers", initialize=initialize,
        call=lambda self, inputs: self.out(self.hidden(inputs)),
        get_config=lambda self: {"units": self.units, "name": self.name})


def test_new_model_class_fits_saves_and_loads(tmp_path):
    TwoLayers = _model_class()
    model = compile(TwoLayers(units=3), optimizer="adam", loss="mse")
    fit(model, X, Y, epochs=1, verbose=0)
    expected = predict(model, X, verbose=0)
    path = str(tmp_path / "model.keras")
    save_model(model, path)
    loaded = load_model(path, custom_objects={"TwoLayers": TwoLayers})
    assert type(loaded) is TwoLayers and loaded.units == 3
    np.testing.assert_allclose(predict(loaded, X, verbose=0), expected,
                               rtol=1e-6)


def test_new_model_class_custom_train_step():
    TwoLayers = _model_class()
    steps = []

    def train_step(self, data):
        steps.append(1)
        return Model.train_step(self, data)

    Counting = new_model_class("Counting", inherit=TwoLayers,
                               train_step=train_step)
    model = compile(Counting(), optimizer="sgd", loss="mse",
                    run_eagerly=True)
    fit(model, X, Y, epochs=1, batch_size=2, verbose=0)
    assert len(steps) == 2


# --------------------------------------------------- learning rate schedules

def test_new_learning_rate_schedule_class_drives_the_optimizer():
    def initialize(self, initial=0.1):
        self.initial = initial

    Inverse = new_learning_rate_schedule_class(
        "Inverse", initialize=initialize,
        call=lambda self, step: self.initial / (op_mean(step) + 1.0),
        get_config=lambda self: {"initial": self.initial})
    schedule = Inverse(initial=0.5)
    assert float(schedule(0)) == 0.5  # steps are 0-based
    optimizer = optimizer_sgd(learning_rate=schedule)
    model = _compiled(optimizer=optimizer)
    fit(model, X, Y, epochs=1, batch_size=2, verbose=0)
    # After 2 steps, the rate for step 2.
    assert float(optimizer.learning_rate) == pytest.approx(0.5 / 3)
    config = keras.saving.serialize_keras_object(optimizer)
    again = keras.saving.deserialize_keras_object(
        config, custom_objects={"Inverse": Inverse})
    assert isinstance(again._learning_rate, Inverse)
    assert again._learning_rate.initial == 0.5


def test_constraint_subclass_applies_after_updates():
    class NonPositive(Constraint):
        def __call__(self, w):
            return keras.ops.minimum(w, 0.0)

    model = keras_model_sequential(input_shape=3)
    model = layer_dense(model, units=1, kernel_constraint=NonPositive(),
                        kernel_initializer="ones")
    fit(compile(model, optimizer="sgd", loss="mse"), X, Y, epochs=1,
        verbose=0)
    assert np.all(np.asarray(model.layers[0].kernel) <= 0)


# ------------------------------------------------------------- custom_metric

def _max_error(y_true, y_pred):
    return keras.ops.max(keras.ops.abs(y_true - y_pred))


def test_custom_metric_names_the_history_entry(tmp_path):
    metric = custom_metric("worst", _max_error)
    assert metric.__name__ == "worst" and _max_error.__name__ == "_max_error"
    model = _compiled(metrics=[metric])
    history = fit(model, X, Y, epochs=1, verbose=0, validation_data=(X, Y))
    assert {"worst", "val_worst"} <= set(history.history)
    # A lambda gets a name too.
    named = custom_metric("mean_abs", lambda t, p: op_mean(op_abs(t - p)))
    history = fit(_compiled(metrics=[named]), X, Y, epochs=1, verbose=0)
    assert "mean_abs" in history.history
    # The compiled model saves and loads back with the metric by name.
    path = str(tmp_path / "model.keras")
    save_model(model, path)
    loaded = load_model(path, custom_objects={"worst": metric})
    assert "worst" in evaluate(loaded, X, Y, verbose=0)


def test_custom_metric_checks_its_arguments():
    with pytest.raises(TypeError, match="`name` must be a non-empty string"):
        custom_metric(None, _max_error)
    with pytest.raises(TypeError, match="`metric_fn` must be a function"):
        custom_metric("worst", "max")
