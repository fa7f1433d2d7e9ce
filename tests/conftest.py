"""Shared test set-up: tiny models, seeded data, subprocess helpers.

pykeras3 is imported before Keras so that its quiet start-up applies to
the test processes too (TensorFlow's start-up lines stay out of the
output, unless TF_CPP_MIN_LOG_LEVEL is set in the environment)."""

import os
import subprocess
import sys

# Figures are drawn off-screen, by matplotlib's Agg backend.
os.environ.setdefault("MPLBACKEND", "Agg")

import pykeras3  # noqa: I001  (first: see above)

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The suites that CI runs on the JAX backend as well (README's test line:
# `KERAS_BACKEND=jax python -m pytest -m backends`); tests elsewhere join
# them with `@pytest.mark.backends`.
BACKEND_SUITES = {"test_callback_model_checkpoint.py",
                  "test_checkpoint_background.py",
                  "test_checkpoint_processes.py", "test_file_safety.py",
                  "test_files.py", "test_model_persistence.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in BACKEND_SUITES:
            item.add_marker(pytest.mark.backends)


@pytest.fixture(autouse=True)
def _seed(request):
    """Seeded randomness and a fresh Keras session (names, global state)
    for each test, except tests marked `introspection` (they only read
    signatures and files, and there are hundreds of them).  The session is
    cleared without Keras's garbage collection (`free_memory=False`), which
    would cost a fifth of a second a test across more than a thousand."""
    if request.node.get_closest_marker("introspection"):
        yield
        return
    keras.utils.set_random_seed(1234)
    yield
    keras.backend.clear_session(free_memory=False)


@pytest.fixture
def data():
    """32 samples, 10 features, a binary target."""
    rng = np.random.default_rng(0)
    x = rng.random((32, 10), dtype=np.float32)
    y = (x.sum(axis=1, keepdims=True) > 5).astype("float32")
    return x, y


def tiny_model(inputs=10, units=1, compile_it=True, **compile_args):
    """A small compiled binary classifier."""
    model = pykeras3.keras_model_sequential(input_shape=inputs)
    model = pykeras3.layer_dense(model, units=units, activation="sigmoid")
    if compile_it:
        args = dict(optimizer="adam", loss="binary_crossentropy",
                    metrics=["accuracy"])
        args.update(compile_args)
        model = pykeras3.compile(model, **args)
    return model


@pytest.fixture
def model():
    return tiny_model()


def run_python(code, *, cwd=None, timeout=300, env=None):
    """Run `code` in a fresh Python process; return CompletedProcess."""
    full_env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-c", code], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout,
                          env=full_env)


def run_offline(code, tmp_path, marker="RESULTS"):
    """Run `code` in a fresh process with an empty Keras cache
    (`KERAS_HOME` under `tmp_path`) and every download going through a
    proxy on a closed local port, so that real download attempts fail at
    once, as without network.  `code` prints one line starting with
    `marker` followed by JSON; returns (that JSON, the cache folder)."""
    import json
    home = tmp_path / "keras_home"
    home.mkdir(exist_ok=True)
    proxy = "http://127.0.0.1:9"
    env = {"KERAS_HOME": str(home), "PYTHONPATH": ROOT,
           "HTTPS_PROXY": proxy, "HTTP_PROXY": proxy,
           "https_proxy": proxy, "http_proxy": proxy,
           "NO_PROXY": "", "no_proxy": ""}
    result = run_python(code, cwd=str(tmp_path), env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines()
                if line.startswith(marker))
    return json.loads(line[len(marker):]), home
