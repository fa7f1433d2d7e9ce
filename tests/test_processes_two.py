"""`pykeras3._processes` across two real processes (slow).

Two Python processes on 127.0.0.1 form one JAX job (gloo collectives on
CPU) with Keras's DataParallel distribution, and check what each process
gets from the chief.  A hang fails the test: both processes are killed
(SIGKILL: JAX's runtime catches SIGTERM) when the time is up."""

import json
import os
import socket
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.slow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPORT = "@@"

# What every worker runs first: join the job, set DataParallel.
PRELUDE = textwrap.dedent("""
    import json, os, sys
    os.environ["KERAS_BACKEND"] = "jax"
    import jax
    jax.config.update("jax_cpu_collectives_implementation", "gloo")
    import pykeras3, keras
    import numpy as np
    from pykeras3 import _processes as P
    INDEX, PORT = int(sys.argv[1]), sys.argv[2]
    ARGS = json.loads(sys.argv[3])
    before = (P.process_index(), P.process_count(), P.is_chief())
    keras.distribution.initialize(f"127.0.0.1:{PORT}", 2, INDEX)
    keras.utils.set_random_seed(0)

    def report(**values):
        print("@@" + json.dumps(values), flush=True)
    """)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_job(code, args=None, processes=2, timeout=120):
    """Run `code` (after PRELUDE) in `processes` processes forming one
    job; return each process's reports (a list of dicts, one list per
    process).  Any failure or a hang past `timeout` seconds fails the
    test, with the processes' output."""
    script = PRELUDE + textwrap.dedent(code)
    port = str(free_port())
    env = dict(os.environ, KERAS_BACKEND="jax", JAX_PLATFORMS="cpu",
               TF_CPP_MIN_LOG_LEVEL="3", PYTHONUNBUFFERED="1",
               PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH",
                                                             ""))
    procs = [subprocess.Popen(
        [sys.executable, "-c", script, str(i), port, json.dumps(args or {})],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for i in range(processes)]
    deadline = time.monotonic() + timeout
    outputs = []
    try:
        for p in procs:
            left = max(1.0, deadline - time.monotonic())
            outputs.append(p.communicate(timeout=left))
    except subprocess.TimeoutExpired:
        for p in procs:
            p.kill()
        texts = [p.communicate()[1][-2000:] for p in procs]
        pytest.fail(f"the job did not finish in {timeout} s: "
                    + "\n----\n".join(texts))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, f"{out[-2000:]}\n{err[-4000:]}"
    return [[json.loads(line[len(REPORT):]) for line in out.splitlines()
             if line.startswith(REPORT)] for out, _ in outputs]


def test_indices_and_from_chief():
    code = """
        keras.distribution.set_distribution(
            keras.distribution.DataParallel(auto_shard_dataset=False))
        big = "x" * 5000 + str(INDEX)
        got = P.from_chief({"me": INDEX, "big": big, "nan": float("nan"),
                            "tuple": (1, 2), "none": None})
        report(before=before, index=P.process_index(),
               count=P.process_count(), chief=P.is_chief(),
               multi=P.is_multi_process(), got=got,
               small=P.from_chief(INDEX * 10),
               none=P.from_chief(None if INDEX == 0 else "mine"))
        P.barrier("end")
        """
    (a,), (b,) = run_job(code)
    # Before the job is joined, each process sees itself alone.
    assert a["before"] == b["before"] == [0, 1, True]
    assert (a["index"], b["index"]) == (0, 1)
    assert a["count"] == b["count"] == 2
    assert (a["chief"], b["chief"]) == (True, False)
    assert a["multi"] and b["multi"]
    for r in (a, b):
        got = r["got"]
        assert got["me"] == 0 and got["big"] == "x" * 5000 + "0"
        assert got["nan"] != got["nan"]  # NaN
        assert got["tuple"] == [1, 2] and got["none"] is None
        assert r["small"] == 0 and r["none"] is None


def test_file_from_chief_only_the_chief_has_it(tmp_path):
    code = """
        import hashlib
        folder = ARGS["dirs"][INDEX]
        path = os.path.join(folder, "w.weights.h5")
        if INDEX == 0:
            with open(path, "wb") as f:
                f.write(bytes(range(256)) * 4000)
        seen = []
        with P.file_from_chief(path) as local:
            data = open(local, "rb").read()
            seen = [local == path, os.path.basename(local),
                    hashlib.sha256(data).hexdigest()]
        gone = not os.path.exists(local) if INDEX else os.path.exists(local)
        with P.file_from_chief(os.path.join(folder, "missing.h5")) as none:
            pass
        report(seen=seen, gone=gone, none=none,
               listing=sorted(os.listdir(folder)))
        """
    dirs = [str(tmp_path / "p0"), str(tmp_path / "p1")]
    for d in dirs:
        os.makedirs(d)
    (a,), (b,) = run_job(code, {"dirs": dirs})
    assert a["seen"][0] is True and b["seen"][0] is False
    assert a["seen"][1:] == b["seen"][1:] and b["seen"][1] == "w.weights.h5"
    assert a["gone"] and b["gone"]  # the chief's file stays, the copy goes
    assert a["none"] is None and b["none"] is None
    assert a["listing"] == ["w.weights.h5"] and b["listing"] == []


def test_weights_from_chief_without_distribution():
    """Without a Keras distribution each process's variables are its own
    and can differ; afterwards they are the chief's, optimizer included."""
    code = """
        keras.utils.set_random_seed(INDEX)  # different weights per process
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
        model.compile("adam", "mse")
        x = np.random.default_rng(INDEX).random((16, 4), dtype=np.float32)
        model.fit(x, x[:, :3], epochs=1 + INDEX, verbose=0)
        before = [a.tolist() for a in P.snapshot(model)]
        P.weights_from_chief(model)
        after = [a.tolist() for a in P.snapshot(model)]
        report(before=before, after=after,
               names=[v.path for v in P.model_variables(model)])
        """
    (a,), (b,) = run_job(code)
    assert a["before"] != b["before"]
    assert a["after"] == b["after"] == a["before"]
    assert any(n.startswith("adam/") for n in a["names"])


def test_weights_from_chief_refuses_different_models():
    code = """
        model = keras.Sequential([keras.Input((4,)),
                                  keras.layers.Dense(2 + INDEX)])
        try:
            P.weights_from_chief(model)
            report(error=None)
        except ValueError as e:
            report(error=str(e))
        """
    (a,), (b,) = run_job(code)
    assert "same variables" in a["error"] and "same variables" in b["error"]


def test_data_parallel_chief_alone_saves_and_all_resume(tmp_path):
    """Under DataParallel the chief saves alone (no_distribution), only
    its folder gets the file, training goes on in step, and a fresh model
    in every process loads the chief's file through file_from_chief."""
    code = """
        keras.distribution.set_distribution(
            keras.distribution.DataParallel(auto_shard_dataset=False))
        rng = np.random.default_rng(0)
        x = rng.random((64, 4), dtype=np.float32)
        y = x.sum(axis=1, keepdims=True)
        xs, ys = x[INDEX::2], y[INDEX::2]   # each process its own shard

        def new_model():
            model = keras.Sequential([keras.Input((4,)),
                                      keras.layers.Dense(1)])
            model.compile("adam", "mse")
            return model

        model = new_model()
        logs = []
        class Log(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, l=None):
                logs.append({k: float(v) for k, v in l.items()})
        model.fit(xs, ys, batch_size=8, epochs=2, verbose=0,
                  validation_data=(xs[:8], ys[:8]), callbacks=[Log()])
        path = os.path.join(ARGS["dirs"][INDEX], "m.weights.h5")
        saved = [a.tolist() for a in P.snapshot(model.weights)]
        if P.is_chief():
            with P.no_distribution():
                model.save_weights(path)
                model.save(path.replace(".weights.h5", ".keras"))
        model.fit(xs, ys, batch_size=8, epochs=1, verbose=0)
        trained = [a.tolist() for a in P.snapshot(model)]
        fresh = new_model()
        fresh.optimizer.build(fresh.trainable_variables)
        with P.file_from_chief(path) as local:
            fresh.load_weights(local)
        P.weights_from_chief(fresh)  # runs under DataParallel as well
        report(logs=logs, trained=trained, saved=saved,
               loaded=[a.tolist() for a in P.snapshot(fresh.weights)],
               listing=sorted(os.listdir(ARGS["dirs"][INDEX])))
        """
    dirs = [str(tmp_path / "p0"), str(tmp_path / "p1")]
    for d in dirs:
        os.makedirs(d)
    (a,), (b,) = run_job(code, {"dirs": dirs})
    assert a["logs"] == b["logs"]  # the logs are global, the same in both
    assert a["trained"] == b["trained"]
    assert a["listing"] == ["m.keras", "m.weights.h5"] and b["listing"] == []
    assert a["loaded"] == b["loaded"] == a["saved"] == b["saved"]
    assert a["loaded"] != a["trained"][:2]  # training went on after


def test_early_stopping_follows_the_chief():
    """Each process sees a different val_loss (a callback before early
    stopping sets it); both stop at the chief's epoch with the chief's
    best.  Process 1 alone would never stop: it would train on, waiting
    for process 0 in the next step."""
    code = """
        import pykeras3
        keras.distribution.set_distribution(
            keras.distribution.DataParallel(auto_shard_dataset=False))
        x = np.random.default_rng(INDEX).random((16, 4), dtype=np.float32)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
        model.compile("sgd", "mse")
        chief = [0.9, 0.8, 0.85, 0.86, 0.87, 0.5, 0.4, 0.3]
        other = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]
        script = chief if INDEX == 0 else other
        class Script(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                logs["val_loss"] = script[epoch]
        stopping = pykeras3.callback_early_stopping(patience=2)
        history = model.fit(x, x[:, :1], epochs=8, verbose=0,
                            callbacks=[Script(), stopping])
        report(epochs=history.epoch, best=stopping.best,
               best_epoch=stopping.best_epoch,
               stopped_epoch=stopping.stopped_epoch)
        """
    (a,), (b,) = run_job(code)
    assert a == b
    assert a["epochs"] == [0, 1, 2, 3]
    assert (a["best"], a["best_epoch"], a["stopped_epoch"]) == (0.8, 1, 3)
