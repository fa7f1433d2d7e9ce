"""The first hour of a learner: no silent mistakes, a quiet start-up,
errors with a next step, any layer or model composed into a Sequential
model, dependencies that match the README."""

import configparser
import os
import subprocess
import sys
import textwrap

import keras
import numpy as np
import pytest
import toolz

import pykeras3
from pykeras3 import (add_layer, compile, evaluate, fit, get_layer,
                      get_weights, keras_input, keras_model,
                      keras_model_sequential, layer_add, layer_dense,
                      load_model, load_model_weights, op_ones, pop_layer,
                      predict, random_normal, save_model, save_model_weights,
                      train_on_batch)
from conftest import ROOT, tiny_model

TENSORFLOW_START_UP = ("absl::InitializeLog", "I0000", "E0000", "W0000",
                       "cuda", "oneDNN", "cpu_feature_guard")


# ----------------------------------------------------------------------
# Swapped or misplaced objects are errors, one rule for every verb kind

@pytest.mark.parametrize("call, meant", [
    (lambda m: save_model("m.keras", m), "save_model(model, 'm.keras')"),
    (lambda m: save_model_weights("w.weights.h5", m),
     "save_model_weights(model, 'w.weights.h5')"),
    (lambda m: load_model_weights("w.weights.h5", m),
     "load_model_weights(model, 'w.weights.h5')"),
    (lambda m: fit(np.ones((4, 10)), m), "fit(model, <ndarray"),
    (lambda m: evaluate(np.ones((4, 10)), np.ones((4, 1)), callbacks=m),
     "evaluate(model, <ndarray"),
], ids=["save_model", "save_model_weights", "load_model_weights", "fit",
        "evaluate-keyword"])
def test_model_verbs_refuse_a_model_in_the_wrong_place(tmp_path, monkeypatch,
                                                       call, meant):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TypeError, match="comes first") as info:
        call(tiny_model())
    assert f"Did you mean {meant}" in str(info.value)
    assert os.listdir(tmp_path) == []     # and nothing was written


def test_layer_verbs_refuse_a_layer_in_the_wrong_place():
    model = tiny_model()
    with pytest.raises(TypeError, match="get_weights\\(model\\)"):
        get_weights(trainable=model)


def test_sequential_verbs_refuse_a_model_in_the_wrong_place():
    with pytest.raises(TypeError, match="comes first"):
        pop_layer(rebuild=tiny_model())


def test_layer_functions_refuse_a_model_in_the_wrong_place():
    model = keras_model_sequential(input_shape=3)
    with pytest.raises(TypeError, match=r"layer_dense\(model, 4\)"):
        layer_dense(4, model)
    assert model.layers == []
    with pytest.raises(TypeError, match="comes first"):
        layer_dense(units=4, activation=keras_input(shape=3))


def test_path_verbs_and_correct_calls_still_defer():
    deferred = fit(np.ones((4, 10)), np.ones((4, 1)), epochs=1, verbose=0)
    assert callable(deferred)
    assert "load_model(<path>, compile=False)" == repr(
        load_model(compile=False))
    h = toolz.pipe(tiny_model(), deferred)
    assert len(h.epoch) == 1
    a, b = keras_input(shape=2), keras_input(shape=2)
    assert callable(layer_add(b))        # one tensor: R's pipe form
    assert toolz.pipe(a, layer_add(b)).shape == (None, 2)


# ----------------------------------------------------------------------
# Quiet by default, never hidden

def python(code, env_extra=None, drop_level=True, **kwargs):
    env = dict(os.environ)
    if drop_level:
        env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=300,
                          env=env, **kwargs)


TRAIN = """
    import numpy as np
    import pykeras3
    model = pykeras3.compile(pykeras3.layer_dense(
        pykeras3.keras_model_sequential(input_shape=3), units=1), loss="mse")
    pykeras3.fit(model, np.ones((8, 3)), np.ones((8, 1)), verbose=0)
    print("trained")
"""


@pytest.mark.slow
def test_import_and_training_print_no_tensorflow_start_up_lines():
    result = python(TRAIN)
    assert result.returncode == 0, result.stderr
    assert "trained" in result.stdout
    for marker in TENSORFLOW_START_UP:
        assert marker not in result.stderr, result.stderr


@pytest.mark.slow
def test_processes_started_by_a_pykeras3_process_are_quiet_too():
    # pykeras3 sets TF_CPP_MIN_LOG_LEVEL in its own process; a child (a
    # Jupyter kernel, a worker) inherits it, and must not take it for the
    # user's choice.
    parent = f"""
        import os, subprocess, sys
        import pykeras3
        assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "3"
        child = subprocess.run(
            [sys.executable, "-c", {textwrap.dedent(TRAIN)!r}],
            capture_output=True, text=True)
        sys.stdout.write(child.stdout)
        sys.stderr.write(child.stderr)
    """
    result = python(parent)
    assert result.returncode == 0, result.stderr
    assert "trained" in result.stdout
    for marker in TENSORFLOW_START_UP:
        assert marker not in result.stderr, result.stderr


@pytest.mark.slow
def test_interactive_sessions_get_no_tensorflow_info_lines():
    # TensorFlow sets its Python logger to INFO when it sees a prompt
    # (sys.ps1, as in Jupyter), and a strategy then prints INFO lines.
    code = """
        import sys
        sys.ps1 = ">>> "
        import pykeras3
        import tensorflow as tf
        tf.distribute.MirroredStrategy(["/cpu:0"])
        print("made")
    """
    result = python(code)
    assert result.returncode == 0, result.stderr
    assert "made" in result.stdout
    assert "INFO:tensorflow" not in result.stdout + result.stderr
    shown = python(code, {"TF_CPP_MIN_LOG_LEVEL": "0"})
    assert "INFO:tensorflow" in shown.stdout + shown.stderr


@pytest.mark.slow
def test_setting_the_log_level_brings_the_lines_back():
    result = python(TRAIN, {"TF_CPP_MIN_LOG_LEVEL": "0"})
    assert result.returncode == 0, result.stderr
    assert any(marker in result.stderr for marker in TENSORFLOW_START_UP)


@pytest.mark.slow
def test_a_failing_tensorflow_import_shows_what_it_printed(tmp_path):
    fake = tmp_path / "tensorflow"
    fake.mkdir()
    (fake / "__init__.py").write_text(textwrap.dedent("""
        import os
        os.write(2, b"native library says: libcuda is broken\\n")
        raise ImportError("tensorflow could not load")
    """))
    result = python("""
        import pykeras3
        import tensorflow
    """, {"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"})
    assert result.returncode != 0
    assert "libcuda is broken" in result.stderr
    assert "tensorflow could not load" in result.stderr


def test_import_pykeras3_loads_neither_keras_nor_tensorflow():
    result = python("""
        import sys
        import pykeras3
        print(sorted(m for m in ("keras", "tensorflow") if m in sys.modules))
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_command_line_help_does_not_import_tensorflow():
    result = python("""
        import sys
        sys.argv = ["pykeras3", "--help"]
        import runpy
        try:
            runpy.run_module("pykeras3", run_name="__main__")
        except SystemExit:
            pass
        print("TF" if "tensorflow" in sys.modules else "no TF")
    """)
    assert "usage: python -m pykeras3" in result.stdout
    assert result.stdout.strip().endswith("no TF")
    assert result.stderr == ""


# ----------------------------------------------------------------------
# Dependencies match the README

def test_toolz_is_a_dependency_and_the_readme_stays_in_the_repository():
    config = configparser.ConfigParser()
    config.read(os.path.join(ROOT, "setup.cfg"))
    requires = config["options"]["install_requires"]
    assert "toolz" in requires
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    assert "../shared" not in readme
    assert "pip install toolz" not in readme


def test_readme_gives_the_quick_test_command_and_the_durations():
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    assert 'python -m pytest -m "not slow" -n 2' in readme
    assert "about 13\nminutes" in readme or "about 13 minutes" in readme
    assert "90 seconds" in readme
    # The test line runs the JAX leg as well.
    test_line = next(line for line in readme.splitlines()
                     if 'python -m pip install ".[test]"' in line)
    assert "KERAS_BACKEND=jax python -m pytest -m backends" in test_line


# ----------------------------------------------------------------------
# Errors with a next step

def test_fit_without_data_says_which_argument_is_missing():
    with pytest.raises(ValueError, match="`x` is None"):
        fit(tiny_model())


class Started(keras.callbacks.Callback):
    began = False

    def on_train_begin(self, logs=None):
        Started.began = True


@pytest.mark.parametrize("verb", ["fit", "evaluate", "predict",
                                  "train_on_batch"])
def test_input_shape_mismatch_is_caught_before_the_first_step(verb):
    model = tiny_model()
    x, y = np.ones((32, 8), "float32"), np.ones((32, 1), "float32")
    Started.began = False
    calls = {
        "fit": lambda: fit(model, x, y, verbose=0, callbacks=[Started()]),
        "evaluate": lambda: evaluate(model, x, y, verbose=0,
                                     callbacks=[Started()]),
        "predict": lambda: predict(model, x, verbose=0),
        "train_on_batch": lambda: train_on_batch(model, x, y),
    }
    with pytest.raises(ValueError) as info:
        calls[verb]()
    message = str(info.value)
    assert message.startswith(f"{verb}():")
    assert "(None, 10)" in message and "(32, 8)" in message
    assert not Started.began


@pytest.mark.parametrize("units, loss, y_shape", [
    (1, "binary_crossentropy", (32, 3)),
    (2, "mse", (32, 3)),
])
def test_target_shape_mismatch_names_both_shapes(units, loss, y_shape):
    model = compile(layer_dense(keras_model_sequential(input_shape=10),
                                units=units), loss=loss)
    with pytest.raises(ValueError) as info:
        fit(model, np.ones((32, 10)), np.ones(y_shape), verbose=0)
    message = str(info.value)
    assert f"{y_shape}" in message and f"(None, {units})" in message
    assert info.value.__cause__ is not None   # Keras's own error, chained


def test_class_ids_for_a_softmax_output_are_not_refused():
    model = compile(layer_dense(keras_model_sequential(input_shape=10),
                                units=3, activation="softmax"),
                    loss="sparse_categorical_crossentropy")
    h = fit(model, np.ones((8, 10)), np.zeros((8,)), verbose=0)
    assert len(h.epoch) == 1


def test_weight_mismatch_names_the_variable_and_shapes_without_values(
        tmp_path):
    path = str(tmp_path / "w.weights.h5")
    save_model_weights(tiny_model(units=2), path)
    with pytest.raises(ValueError) as info:
        load_model_weights(tiny_model(units=1), path)
    message = str(info.value)
    assert "kernel" in message and "(10, 1)" in message and \
        "(10, 2)" in message
    assert "value=" not in message and "[[" not in message
    assert "skip_mismatch=True" in message
    assert isinstance(info.value.__cause__, ValueError)


@pytest.mark.parametrize("content", [b"not a zip at all", b""])
def test_a_damaged_keras_file_says_it_exists_but_is_not_an_archive(
        tmp_path, content):
    path = tmp_path / "m.keras"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="exists .* not a valid Keras "
                                         "archive"):
        load_model(str(path))
    with pytest.raises(ValueError, match="not a valid Keras archive"):
        load_model_weights(tiny_model(), str(path))
    (tmp_path / "w.weights.h5").write_bytes(b"junk")
    with pytest.raises(OSError, match="exists but is not a readable HDF5"):
        load_model_weights(tiny_model(), str(tmp_path / "w.weights.h5"))


def test_get_layer_with_a_number_suggests_index():
    with pytest.raises(TypeError, match=r"get_layer\(model, index=0\)"):
        get_layer(tiny_model(), 0)


@pytest.mark.parametrize("call, match", [
    (lambda: op_ones(3, 3), "shape written as separate numbers"),
    (lambda: op_ones((2, 2), "flaot32"), "Did you mean 'float32'"),
    (lambda: random_normal((2,), dtype=True), "must be a data type"),
])
def test_dtype_arguments_are_validated(call, match):
    with pytest.raises(TypeError, match=match):
        call()


# ----------------------------------------------------------------------
# Any layer or model composed into a Sequential model

def test_add_layer_composes_models_and_plain_layers_in_a_pipe(tmp_path):
    base = toolz.pipe(keras_model_sequential(input_shape=3, name="base"),
                      layer_dense(units=4, activation="relu"))
    inputs = keras_input(shape=4)
    functional = keras_model(inputs, layer_dense(inputs, units=2),
                             name="head")
    model = toolz.pipe(keras_model_sequential(input_shape=3),
                       add_layer(base),
                       add_layer(keras.layers.Dropout(0.1)),
                       add_layer(functional),
                       layer_dense(units=1))
    assert [layer.name for layer in model.layers][:3] == \
        ["base", "dropout", "head"]
    assert model.output_shape == (None, 1)
    path = str(tmp_path / "stacked.keras")
    save_model(model, path)
    restored = keras.models.load_model(path)
    x = np.ones((2, 3), "float32")
    np.testing.assert_allclose(restored.predict(x, verbose=0),
                               model.predict(x, verbose=0), rtol=1e-6)


def test_add_layer_forms_and_errors():
    seq = keras_model_sequential(input_shape=3)
    assert add_layer(seq, keras.layers.Dense(2)) is seq
    other = toolz.pipe(keras_model_sequential(input_shape=2),
                       layer_dense(units=3))
    deferred = add_layer(other)            # one argument: always deferred
    assert callable(deferred) and "add_layer(<model>" in repr(deferred)
    with pytest.raises(TypeError, match="must be a Keras layer"):
        add_layer(seq, "dense")
    with pytest.raises(TypeError, match="comes first"):
        add_layer(keras.layers.ReLU(), seq)
