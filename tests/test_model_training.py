"""compile, fit (and its history), evaluate, predict and the per-batch
verbs (spec: "Training verbs")."""

import re

import keras
import numpy as np
import pytest
import toolz

from pykeras3 import (compile, evaluate, fit, keras_input, keras_model,
                      keras_model_sequential, layer_dense, predict, predict_on_batch, train_on_batch)
from pykeras3 import test_on_batch as run_test_on_batch

from conftest import tiny_model


# --------------------------------------------------------------------------
# compile

def test_compile_returns_the_compiled_model():
    model = tiny_model(compile_it=False)
    assert not model.compiled
    assert compile(model, optimizer="adam", loss="mse") is model
    assert model.compiled
    assert isinstance(model.optimizer, keras.optimizers.Adam)


def test_compile_defaults_to_rmsprop():
    model = compile(tiny_model(compile_it=False), loss="mse")
    assert isinstance(model.optimizer, keras.optimizers.RMSprop)


@pytest.mark.parametrize("metrics, names", [
    ("mae", ["loss", "mae"]),
    (["mae", "mse"], ["loss", "mae", "mse"]),
])
def test_compile_metrics_may_be_one_string_or_a_list(data, metrics, names):
    x, y = data
    model = compile(tiny_model(compile_it=False), optimizer="sgd",
                    loss="binary_crossentropy", metrics=metrics)
    result = evaluate(model, x, y, verbose=0)
    assert sorted(result) == sorted(names)


def test_compile_run_eagerly_and_steps_per_execution_reach_keras():
    model = compile(tiny_model(compile_it=False), loss="mse",
                    run_eagerly=True, steps_per_execution=2,
                    jit_compile=False)
    assert model.run_eagerly is True
    assert model.steps_per_execution == 2
    assert model.jit_compile is False


# --------------------------------------------------------------------------
# fit and the history

def test_fit_returns_history_with_metrics_params_and_epoch(data):
    x, y = data
    model = tiny_model()
    h = fit(model, x, y, epochs=3, batch_size=8, verbose=0)
    assert set(h.metrics) == {"loss", "accuracy"}
    assert all(len(values) == 3 for values in h.metrics.values())
    assert all(isinstance(v, float) for v in h.metrics["loss"])
    assert h.epoch == [0, 1, 2]
    assert h.params["epochs"] == 3
    assert h.params["steps"] == 4  # 32 samples in batches of 8
    # Keras's own record is there too, with the same values
    assert set(h.history) == set(h.metrics)
    np.testing.assert_allclose(np.asarray(h.history["loss"], float),
                               h.metrics["loss"])
    # training actually happened: the loss went down
    assert h.metrics["loss"][-1] < h.metrics["loss"][0]


def test_fit_history_metrics_include_validation(data):
    x, y = data
    model = tiny_model()
    h = fit(model, x, y, epochs=2, validation_split=0.25, verbose=0)
    assert set(h.metrics) == {"loss", "accuracy", "val_loss",
                              "val_accuracy"}
    assert len(h.metrics["val_loss"]) == 2


def test_fit_accepts_validation_data_as_tuple_or_list(data):
    x, y = data
    for validation_data in [(x[:8], y[:8]), [x[:8], y[:8]]]:
        h = fit(tiny_model(), x, y, epochs=1,
                validation_data=validation_data, verbose=0)
        assert "val_loss" in h.metrics


def test_history_prints_final_epoch_metrics(data):
    x, y = data
    h = fit(tiny_model(), x, y, epochs=3, validation_split=0.25, verbose=0)
    text = str(h)
    assert text == repr(h)
    assert "Final epoch" in text
    for name, values in h.metrics.items():
        match = re.search(rf"^\s*{name}: (\S+)\s*$", text, re.MULTILINE)
        assert match, f"no line for {name} in:\n{text}"
        shown = float(match.group(1).replace(",", ""))
        assert shown == pytest.approx(values[-1], rel=1e-3, abs=1e-4)
    # not every epoch's value: only the final one
    assert len(text.splitlines()) <= len(h.metrics) + 2


def test_fit_initial_epoch_is_zero_based(data):
    x, y = data
    model = tiny_model()
    h = fit(model, x, y, epochs=3, initial_epoch=1, verbose=0)
    assert h.epoch == [1, 2]
    assert len(h.metrics["loss"]) == 2


def test_fit_takes_a_single_callback_or_a_list(data):
    x, y = data
    seen = []
    record = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: seen.append(epoch))
    fit(tiny_model(), x, y, epochs=2, callbacks=record, verbose=0)
    fit(tiny_model(), x, y, epochs=1, callbacks=[record], verbose=0)
    assert seen == [0, 1, 0]


def test_fit_sample_weight_changes_the_loss(data):
    x, y = data
    keras.utils.set_random_seed(3)
    plain = fit(tiny_model(), x, y, epochs=1, shuffle=False, verbose=0)
    keras.utils.set_random_seed(3)
    weights = np.where(y[:, 0] > 0, 5.0, 0.0)
    weighted = fit(tiny_model(), x, y, epochs=1, shuffle=False,
                   sample_weight=weights, verbose=0)
    assert plain.metrics["loss"][0] != pytest.approx(
        weighted.metrics["loss"][0])


def test_fit_deferred_in_a_pipe_returns_history(data):
    x, y = data
    h = toolz.pipe(tiny_model(), fit(x, y, epochs=2, verbose=0))
    assert h.epoch == [0, 1]


# --------------------------------------------------------------------------
# evaluate and predict

def test_evaluate_returns_dict_of_floats(data):
    x, y = data
    model = tiny_model()
    result = evaluate(model, x, y, verbose=0)
    assert set(result) == {"loss", "accuracy"}
    assert all(type(v) is float for v in result.values())
    predictions = model.predict(x, verbose=0)
    accuracy = float(((predictions > 0.5) == (y > 0.5)).mean())
    assert result["accuracy"] == pytest.approx(accuracy)


def test_evaluate_loss_matches_the_data():
    model = toolz.pipe(
        keras_model_sequential(input_shape=2),
        layer_dense(units=1, kernel_initializer="zeros",
                    bias_initializer="zeros"),
        compile(loss="mse"))
    result = evaluate(model, np.ones((4, 2)), np.full((4, 1), 3.0),
                      verbose=0)
    assert result["loss"] == pytest.approx(9.0)


def test_predict_returns_numpy_array(data):
    x, _ = data
    out = predict(tiny_model(), x, verbose=0)
    assert isinstance(out, np.ndarray)
    assert out.shape == (32, 1)
    assert ((out > 0) & (out < 1)).all()


def test_predict_returns_arrays_for_several_outputs():
    inputs = keras_input(shape=3)
    model = keras_model(inputs, [layer_dense(inputs, units=1),
                                 layer_dense(inputs, units=2)])
    out = predict(model, np.ones((4, 3)), verbose=0)
    assert len(out) == 2
    assert all(isinstance(o, np.ndarray) for o in out)
    assert [o.shape for o in out] == [(4, 1), (4, 2)]


def test_predict_on_batch_returns_numpy_array(data):
    x, _ = data
    model = tiny_model()
    out = predict_on_batch(model, x[:5])
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, model.predict(x[:5], verbose=0),
                               rtol=1e-5)


def test_train_on_batch_updates_weights_and_returns_dict(data):
    x, y = data
    model = tiny_model()
    before = [w.copy() for w in model.get_weights()]
    result = train_on_batch(model, x, y)
    assert set(result) == {"loss", "accuracy"}
    assert all(type(v) is float for v in result.values())
    after = model.get_weights()
    assert not np.array_equal(before[0], after[0])


def test_test_on_batch_returns_dict_without_training(data):
    x, y = data
    model = tiny_model()
    before = [w.copy() for w in model.get_weights()]
    result = run_test_on_batch(model, x, y)
    assert set(result) == {"loss", "accuracy"}
    assert all(type(v) is float for v in result.values())
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert result["loss"] == pytest.approx(
        evaluate(model, x, y, batch_size=32, verbose=0)["loss"], rel=1e-5)


def test_per_batch_verbs_defer_in_a_pipe(data):
    x, y = data
    model = tiny_model()
    assert set(toolz.pipe(model, train_on_batch(x, y))) == {"loss",
                                                            "accuracy"}
    assert set(toolz.pipe(model, run_test_on_batch(x, y))) == {"loss",
                                                           "accuracy"}
    assert toolz.pipe(model, predict_on_batch(x)).shape == (32, 1)


def test_evaluate_takes_return_dict_true_and_refuses_false():
    model = compile(layer_dense(keras_model_sequential(input_shape=2),
                                units=1, kernel_initializer="zeros"),
                    loss="mse")
    x, y = np.ones((4, 2)), np.ones((4, 1))
    assert evaluate(model, x, y, verbose=0, return_dict=True) == {
        "loss": 1.0}
    with pytest.raises(ValueError, match=r"always returns a dict.*"
                       r"Received: return_dict=False"):
        evaluate(model, x, y, verbose=0, return_dict=False)


def test_fit_on_a_dataset_does_not_warn_about_the_default_shuffle():
    import warnings

    import tensorflow as tf

    model = compile(layer_dense(keras_model_sequential(input_shape=3),
                                units=1), loss="mse")
    data = tf.data.Dataset.from_tensor_slices(
        (np.ones((8, 3), "float32"), np.ones((8, 1), "float32"))).batch(4)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        history = fit(model, data, epochs=2, verbose=0)
    assert len(history.epoch) == 2
