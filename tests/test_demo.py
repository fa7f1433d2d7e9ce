"""`python -m pykeras3 demo`: keras3's checkpoint example, in Python."""

import os
import re
import subprocess
import sys

import keras

from conftest import ROOT


def test_demo_prints_best_checkpoints_and_values(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pykeras3", "demo", "--dir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
        env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"))
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    model_path = os.path.join(str(tmp_path), "checkpoint-model.keras")
    weights_path = os.path.join(str(tmp_path), "checkpoint.weights.h5")
    assert f"Best model checkpoint: {model_path}" in out
    assert f"Best weights checkpoint: {weights_path}" in out
    values = re.findall(r"best val_accuracy = (\d\.\d{4}) \(epoch (\d+) of 10",
                        out)
    assert len(values) == 2
    assert 'Model: "sequential"' in out and "Total params: 35" in out
    # The checkpoint is a real, loadable Keras model.
    loaded = keras.saving.load_model(model_path)
    assert loaded.count_params() == 11
    assert os.path.getsize(weights_path) > 0


def test_demo_run_returns_callbacks_that_know_the_best(tmp_path, capsys):
    from pykeras3.demo import run
    model_cb, weights_cb = run(str(tmp_path), epochs=3)
    assert model_cb.best_filepath == str(tmp_path / "checkpoint-model.keras")
    assert weights_cb.best_filepath == str(
        tmp_path / "checkpoint.weights.h5")
    assert 0.0 <= model_cb.best <= 1.0
    assert "Best model checkpoint" in capsys.readouterr().out
