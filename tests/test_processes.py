"""`pykeras3._processes` in a single process: everything is local, cheap,
and makes no cross-process call (the two-process behaviour is in
test_processes_two.py)."""

import os
import time

import keras
import numpy as np
import pytest

from pykeras3 import _processes as P
from conftest import tiny_model


def test_a_single_process_is_the_chief():
    assert P.process_index() == 0
    assert P.process_count() == 1
    assert P.is_chief() and not P.is_multi_process()


def test_from_chief_returns_the_object_itself():
    obj = {"best": float("nan"), "files": ("a", "b")}
    assert P.from_chief(obj) is obj
    assert P.from_chief(None) is None


def test_from_chief_is_cheap():
    start = time.perf_counter()
    for _ in range(1000):
        P.from_chief(1)
    assert time.perf_counter() - start < 0.5


def test_file_from_chief_is_the_file_itself(tmp_path):
    path = tmp_path / "w.weights.h5"
    path.write_bytes(b"data")
    with P.file_from_chief(str(path)) as local:
        assert local == str(path)
    assert path.read_bytes() == b"data"
    with P.file_from_chief(str(tmp_path / "missing.h5")) as local:
        assert local is None
    with P.file_from_chief(None) as local:
        assert local is None
    assert os.listdir(tmp_path) == ["w.weights.h5"]


def test_weights_from_chief_leaves_the_model_alone(data):
    model = tiny_model()
    x, y = data
    model.fit(x, y, epochs=1, verbose=0)
    before = P.snapshot(model)
    P.weights_from_chief(model)
    after = P.snapshot(model)
    assert len(before) == len(after) > len(model.weights)
    for a, b in zip(before, after):
        np.testing.assert_array_equal(a, b)


def test_model_variables_and_snapshot(data):
    model = tiny_model()
    # The optimizer is not built yet: only the model's weights.
    assert P.model_variables(model) == list(model.weights)
    x, y = data
    model.fit(x, y, epochs=1, verbose=0)
    variables = P.model_variables(model)
    assert variables[:len(model.weights)] == list(model.weights)
    assert len(variables) == len(model.weights) + len(
        model.optimizer.variables)
    values = P.snapshot(model)
    assert all(isinstance(v, np.ndarray) for v in values)
    np.testing.assert_array_equal(values[0], model.weights[0].numpy())
    # A copy: changing the model later does not change the snapshot.
    model.weights[0].assign(np.zeros(model.weights[0].shape))
    assert np.any(values[0] != 0)


def test_no_distribution_without_a_distribution_changes_nothing(
        tmp_path, model):
    with P.no_distribution():
        model.save_weights(str(tmp_path / "a.weights.h5"))
    assert (tmp_path / "a.weights.h5").exists()


@pytest.mark.skipif(keras.backend.backend() != "jax",
                    reason="Keras distributions run on JAX")
def test_no_distribution_unsets_and_restores_the_distribution():
    dist = keras.distribution.DataParallel(
        devices=keras.distribution.list_devices()[:1])
    keras.distribution.set_distribution(dist)
    try:
        with P.no_distribution():
            assert keras.distribution.distribution() is None
        assert keras.distribution.distribution() is dist
        with pytest.raises(RuntimeError):
            with P.no_distribution():
                raise RuntimeError
        assert keras.distribution.distribution() is dist
    finally:
        keras.distribution.set_distribution(None)


def test_barrier_is_a_no_op():
    P.barrier("x")
