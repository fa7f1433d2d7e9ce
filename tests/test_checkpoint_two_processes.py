"""One checkpoint writer across processes (issue 11), end to end (slow).

`vignettes/multi_process_training.py` runs a two-process JAX job on
127.0.0.1 (DataParallel, CPU collectives) with
`callback_model_checkpoint(save_best_only=True, load_weights_on_restart=
True, max_to_keep=2)` and `callback_early_stopping(patience=2)`, the
validation loss scripted by epoch.  Only process 0 may write under its
checkpoint folder; both processes must agree on `best`, on when training
stops, and on the final weights, also after the whole job is killed with
SIGKILL and resumed.  The script kills its workers itself when it times
out, and the tests give it a deadline as well."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "vignettes", "multi_process_training.py")
# Best 0.7 at epoch 3; two epochs without improvement: stop at epoch 5.
VAL_LOSS = "0.9,0.8,0.85,0.7,0.75,0.76,0.6,0.9"
STATE_SUFFIX = ".pykeras3-state.json"


def job(folder, *extra, timeout=240):
    """Run the two-process job; return its JSON lines, process 0 first."""
    command = [sys.executable, SCRIPT, "--processes", "2", "--dir",
               str(folder), "--epochs", "8", "--patience", "2",
               "--val-loss", VAL_LOSS, "--timeout", str(timeout - 30),
               *extra]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(command, capture_output=True, text=True,
                            timeout=timeout, env=env)
    assert result.returncode == 0, result.stderr[-5000:]
    lines = [json.loads(line) for line in result.stdout.splitlines()
             if line.startswith("{")]
    assert [r["index"] for r in lines] == [0, 1], result.stdout
    return lines


def files_under(folder):
    out = []
    for root, _, names in os.walk(folder):
        out += [os.path.relpath(os.path.join(root, n), folder)
                for n in names]
    return sorted(out)


def checkpoints(files):
    return [f for f in files if f.endswith(".weights.h5")
            and not f.startswith(".")]


def assert_agree(a, b):
    for key in ("best", "best_epoch", "stopped_epoch", "last_epoch",
                "weights", "restored"):
        assert a[key] == b[key], key


@pytest.mark.parametrize("mode", [[], ["--sync"]],
                         ids=["background", "sync"])
def test_only_the_chief_writes_and_both_agree(tmp_path, mode):
    a, b = job(tmp_path, *mode)
    assert_agree(a, b)
    assert (a["best"], a["best_epoch"]) == (0.7, 3)
    assert a["stopped_epoch"] == a["last_epoch"] == 5
    chief = files_under(tmp_path / "process-0")
    assert checkpoints(chief) == ["ckpt-02.weights.h5", "ckpt-04.weights.h5"]
    assert sum(f.endswith(STATE_SUFFIX) for f in chief) == 1
    assert files_under(tmp_path / "process-1") == [] == b["files"]


def test_a_killed_job_resumes_the_same_in_both_processes(tmp_path):
    killed = job(tmp_path, "--kill-after-epoch", "4")
    assert [k["killed_after_epoch"] for k in killed] == [4, 4]
    assert checkpoints(files_under(tmp_path / "process-0"))
    assert files_under(tmp_path / "process-1") == []

    a, b = job(tmp_path)
    assert_agree(a, b)
    # The chief's checkpoint is restored in both processes: the best of
    # epochs 0-3 (0.7 at 3; epoch 4's 0.75 is no better), or nothing
    # newer; training carries on from the epoch after it.
    assert (a["restored"]["best"], a["restored"]["best_epoch"]) == (0.7, 3)
    assert a["restored"]["initial_epoch"] == 4
    assert (a["best"], a["best_epoch"]) == (0.6, 6)
    assert files_under(tmp_path / "process-1") == []
    chief = files_under(tmp_path / "process-0")
    assert checkpoints(chief) == ["ckpt-04.weights.h5", "ckpt-07.weights.h5"]


def test_a_shared_folder_gets_one_writer(tmp_path):
    a, b = job(tmp_path, "--shared")
    assert_agree(a, b)
    assert (a["best"], a["best_epoch"]) == (0.7, 3)
    shared = files_under(tmp_path / "shared")
    assert checkpoints(shared) == ["ckpt-02.weights.h5", "ckpt-04.weights.h5"]
    assert sum(f.endswith(STATE_SUFFIX) for f in shared) == 1
    assert len(shared) == 3  # no staging entries or stray state left
    # A resumed run in the shared folder restores the chief's state.
    a, b = job(tmp_path, "--shared")
    assert_agree(a, b)
    assert (a["restored"]["best"], a["restored"]["best_epoch"]) == (0.7, 3)


@pytest.mark.parametrize("mode", [[], ["--sync"]],
                         ids=["background", "sync"])
def test_a_failed_save_on_the_chief_stops_every_process(tmp_path, mode):
    # The chief's file for epoch index 3 (an improvement) cannot be written:
    # a folder has its name.  Both processes must stop (no process waits
    # forever for the other), the chief with its own error, process 1
    # saying why.
    command = [sys.executable, SCRIPT, "--processes", "2", "--dir",
               str(tmp_path), "--epochs", "8", "--patience", "9",
               "--val-loss", VAL_LOSS, "--fail-at-epoch", "3",
               "--timeout", "150", *mode]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(command, capture_output=True, text=True,
                            timeout=200, env=env)
    assert "did not finish" not in result.stderr, result.stderr[-3000:]
    assert result.returncode != 0
    lines = [json.loads(line) for line in result.stdout.splitlines()
             if line.startswith("{")]
    assert [r["index"] for r in lines] == [0, 1], result.stdout
    assert "ckpt-04.weights.h5" in lines[0]["error"]
    assert "process 0" in lines[1]["error"]
    assert "ckpt-04.weights.h5" in lines[1]["error"]
    assert files_under(tmp_path / "process-1") == []
