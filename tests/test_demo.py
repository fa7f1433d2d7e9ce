"""`python -m pykeras3 demo`: keras3's checkpoint example, in Python, on
data large enough for its numbers to mean something."""

import os
import re
import subprocess
import sys

import keras
import pytest

from conftest import ROOT

TENSORFLOW_START_UP = ("absl::InitializeLog", "I0000", "E0000", "W0000",
                       "cuda", "oneDNN", "cpu_feature_guard")


def run_demo(tmp_path, *args):
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    env["TMPDIR"] = str(tmp_path / "tmp")
    os.makedirs(env["TMPDIR"], exist_ok=True)
    return subprocess.run([sys.executable, "-m", "pykeras3", "demo", *args],
                          capture_output=True, text=True, timeout=300,
                          cwd=str(tmp_path), env=env)


@pytest.mark.slow
def test_demo_teaches_and_leaves_no_files(tmp_path):
    result = run_demo(tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "3000 samples" in out
    values = [float(v) for v in re.findall(
        r"best val_accuracy = (\d\.\d{4}) \(epoch \d+ of 10", out)]
    assert len(values) == 2
    assert all(0.75 < v < 1.0 for v in values), values   # means something
    test = float(re.search(r"on 1000 new samples: accuracy (\d\.\d{4})",
                           out).group(1))
    assert test > 0.75
    assert "kept the model of the best epoch" in out
    assert "Total params: 581" in out
    # Nothing left behind: the temporary folder is gone.
    assert os.listdir(tmp_path / "tmp") == []
    assert "now removed" in out
    # And no TensorFlow start-up lines.
    for marker in TENSORFLOW_START_UP:
        assert marker not in result.stderr, result.stderr


@pytest.mark.slow
def test_demo_with_a_folder_keeps_loadable_checkpoints(tmp_path):
    folder = tmp_path / "kept"
    result = run_demo(tmp_path, "--dir", str(folder))
    assert result.returncode == 0, result.stderr[-3000:]
    model_path = folder / "checkpoint-model.keras"
    weights_path = folder / "checkpoint.weights.h5"
    assert f"Best model checkpoint: {model_path}" in result.stdout
    assert f"Best weights checkpoint: {weights_path}" in result.stdout
    assert keras.saving.load_model(str(model_path)).count_params() == 193
    assert os.path.getsize(weights_path) > 0
    assert "now removed" not in result.stdout


def test_demo_run_returns_callbacks_that_know_the_best(tmp_path, capsys):
    from pykeras3.demo import run
    model_cb, weights_cb = run(str(tmp_path), epochs=2)
    assert model_cb.best_filepath == str(tmp_path / "checkpoint-model.keras")
    assert weights_cb.best_filepath == str(
        tmp_path / "checkpoint.weights.h5")
    assert 0.5 < model_cb.best <= 1.0
    assert "Best model checkpoint" in capsys.readouterr().out
