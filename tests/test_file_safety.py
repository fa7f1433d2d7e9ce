"""File safety under attack (issue 6): one section per defect found by
attacking pykeras3 as a hostile user would.  Every test works on real
files; the cases with several processes use real subprocesses, killed with
SIGKILL or held mid-save by a real Keras layer that waits while Keras
saves its variables.

1. pruning can only delete the callback's own files;
2. no folder is removed to write a file;
3. one state file per checkpoint name;
4. a restart never deletes a live writer's staging entry;
5. no phantom best after a kill;
6. overwrite=False holds at the commit, between processes;
7. files orphaned by a kill are adopted and pruned;
8. names of up to 255 bytes work; errors name the user's path;
9. the state file is validated; a bad one is set aside;
10. NUL bytes are refused before anything is created;
11. dead writers' leftovers are swept by any save; hints are valid names.
"""

import json
import os
import pathlib
import re
import signal
import subprocess
import sys
import textwrap
import time
import warnings
import zipfile

import h5py
import keras
import numpy as np
import pytest

import pykeras3
from checkpoint_helpers import ckpt, drive, saved_epoch, visible
from conftest import run_python, tiny_model
from pykeras3.checkpoint import CheckpointWarning

STAGING = ".pykeras3-staging"


# ----------------------------------------------------------------------
# Helpers

def leftovers(folder):
    """Staging entries (of any writer) anywhere under `folder`."""
    found = []
    for root, dirs, files in os.walk(folder):
        if os.path.basename(root) == STAGING:
            found += dirs + files
    return found


def wait_for(predicate, timeout=120, proc=None):
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc is not None and proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"child exited early:\n{out}\n{err[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def child_env():
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONUNBUFFERED="1")


def spawn(code):
    return subprocess.Popen([sys.executable, "-c", code],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=child_env())


def finish(proc, timeout=180):
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return proc.returncode, out, err


def state_of(cb):
    with open(cb.state_filepath, encoding="utf-8") as f:
        return json.load(f)


def write_state(cb, state):
    with open(cb.state_filepath, "w", encoding="utf-8") as f:
        json.dump(state, f)


# A real Keras layer that stops inside Keras's save until told to go on:
# the child writes `saving-<pid>` in SYNC when it is mid-save, then waits
# for `go` (or, with BARRIER set, for every expected writer to be there).
GATE = textwrap.dedent("""
    import os, sys, time
    import numpy as np
    import keras

    SYNC = {sync!r}
    BARRIER = {barrier!r}

    @keras.saving.register_keras_serializable(package="test")
    class Gate(keras.layers.Layer):
        def build(self, input_shape):
            self.w = self.add_weight(shape=(input_shape[-1],),
                                     initializer="ones")

        def call(self, x):
            return x * self.w

        def save_own_variables(self, store):
            open(os.path.join(SYNC, f"saving-{{os.getpid()}}"), "w").close()
            while True:
                here = [n for n in os.listdir(SYNC) if n.startswith("saving")]
                if BARRIER and len(here) >= BARRIER:
                    break
                if not BARRIER and os.path.exists(os.path.join(SYNC, "go")):
                    break
                time.sleep(0.01)
            super().save_own_variables(store)

    def gated_model(value):
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2),
                                  Gate()])
        model.set_weights([np.full_like(w, value)
                           for w in model.get_weights()])
        return model
""")


# ----------------------------------------------------------------------
# 1. Pruning deletes only what the callback can prove it wrote

def test_pruning_never_follows_state_entries_outside_its_folder(tmp_path):
    folder = tmp_path / "ckpt"
    template = folder / "ep{epoch}.keras"
    cb = ckpt(template, max_to_keep=2)
    drive(cb, tiny_model(), [0.5, 0.4], end=True)
    assert visible(folder) == ["ep1.keras", "ep2.keras"]

    # Things a shared, synced or hand-edited state could point at.
    outside = tmp_path / "ep9.keras"            # absolute, outside
    outside.write_bytes(b"the user's model")
    sibling = tmp_path / "ep8.keras"            # reached with ../
    sibling.write_bytes(b"another user file")
    tree = folder / "ep7.keras"                 # a folder the template names
    tree.mkdir()
    (tree / "results.csv").write_text("a,b\n1,2\n")
    target = tmp_path / "precious.keras"        # behind a symlink
    target.write_bytes(b"precious")
    (folder / "ep6.keras").symlink_to(target)

    state = state_of(cb)
    injected = [str(outside), "../ep8.keras", "ep7.keras", "ep6.keras"]
    state["files"] = [{"path": p, "epoch": 0, "batch": None, "value": None}
                      for p in injected] + state["files"]
    write_state(cb, state)

    cb2 = ckpt(template, max_to_keep=2, load_weights_on_restart=True)
    with pytest.warns(CheckpointWarning, match="ignored"):
        drive(cb2, tiny_model(), [0.3, 0.2, 0.1], first_epoch=2)
    assert outside.read_bytes() == b"the user's model"
    assert sibling.read_bytes() == b"another user file"
    assert (tree / "results.csv").read_text() == "a,b\n1,2\n"
    assert target.read_bytes() == b"precious"
    assert os.path.islink(folder / "ep6.keras")
    assert sorted(os.path.basename(p) for p in cb2.filepaths) == \
        ["ep4.keras", "ep5.keras"]
    assert os.path.isfile(folder / "ep5.keras")


def test_pruning_refuses_a_file_reached_through_a_symlinked_folder(
        tmp_path):
    # The template puts the epoch in a folder name; one such folder is a
    # symlink to somewhere else.  Its file is never deleted.
    folder = tmp_path / "runs"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "m.keras").write_bytes(b"not a checkpoint of this run")
    cb = ckpt(folder / "run{epoch}" / "m.keras", max_to_keep=1)
    drive(cb, tiny_model(), [0.5], end=True)
    (folder / "run9").symlink_to(elsewhere, target_is_directory=True)
    state = state_of(cb)
    state["files"].insert(0, {"path": "run9/m.keras", "epoch": 0,
                              "batch": None, "value": None})
    write_state(cb, state)
    cb2 = ckpt(folder / "run{epoch}" / "m.keras", max_to_keep=1,
               load_weights_on_restart=True)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        drive(cb2, tiny_model(), [0.4, 0.3], first_epoch=1)
    assert (elsewhere / "m.keras").read_bytes() == \
        b"not a checkpoint of this run"
    assert cb2.filepaths == [str(folder / "run3" / "m.keras")]


def test_a_state_naming_an_older_user_file_cannot_get_it_deleted(tmp_path):
    mine = tmp_path / "ep0.keras"      # matches the template, but is older
    mine.write_bytes(b"the user's own model")
    os.utime(mine, ns=(time.time_ns() - 10**10, time.time_ns() - 10**10))
    template = tmp_path / "ep{epoch}.keras"
    cb = ckpt(template, max_to_keep=1)
    drive(cb, tiny_model(), [0.5], end=True)
    state = state_of(cb)
    state["files"].insert(0, {"path": "ep0.keras", "epoch": 0,
                              "batch": None, "value": None})
    write_state(cb, state)
    resumed = ckpt(template, max_to_keep=1, load_weights_on_restart=True)
    with pytest.warns(CheckpointWarning, match="older than this run"):
        drive(resumed, tiny_model(), [0.4, 0.3], first_epoch=1)
    assert mine.read_bytes() == b"the user's own model"
    assert visible(tmp_path) == ["ep0.keras", "ep3.keras"]


# ----------------------------------------------------------------------
# 2. Never remove a folder to write a file

@pytest.mark.parametrize("name, save", [
    ("results.keras", lambda m, p: pykeras3.save_model(m, p, overwrite=True)),
    ("w.weights.h5",
     lambda m, p: pykeras3.save_model_weights(m, p, overwrite=True)),
    ("config.json",
     lambda m, p: pykeras3.save_model_config(m, p, overwrite=True)),
])
def test_overwrite_true_onto_a_folder_raises_and_keeps_it(tmp_path, name,
                                                          save):
    folder = tmp_path / name
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "data.csv").write_text("1,2,3\n")
    with pytest.raises(IsADirectoryError, match=re.escape(str(folder))):
        save(tiny_model(), str(folder))
    assert (folder / "sub" / "data.csv").read_text() == "1,2,3\n"
    assert os.listdir(tmp_path) == [name]


def test_zipped_false_replaces_a_model_folder_but_no_other_folder(tmp_path):
    model = tiny_model()
    target = tmp_path / "exported"
    pykeras3.save_model(model, str(target), zipped=False)
    pykeras3.save_model(model, str(target), zipped=False, overwrite=True)
    assert keras.models.load_model(str(target)).count_params() == \
        model.count_params()
    results = tmp_path / "results"
    results.mkdir()
    (results / "table.csv").write_text("x\n")
    with pytest.raises(IsADirectoryError, match="not an unzipped Keras"):
        pykeras3.save_model(model, str(results), zipped=False,
                            overwrite=True)
    assert (results / "table.csv").read_text() == "x\n"


# ----------------------------------------------------------------------
# 3. One state file per checkpoint name

@pytest.mark.parametrize("first, second", [
    ("a b.keras", "a_b.keras"),
    ("{epoch}.keras", "epoch.keras"),
    ("モデル.keras", "权重.keras"),
])
def test_distinct_names_never_share_a_state_file(tmp_path, first, second):
    one, two = tmp_path / first, tmp_path / second
    cb1 = ckpt(one, save_best_only=True, monitor="val_acc", mode="max")
    cb2 = ckpt(two, save_best_only=True, monitor="val_acc", mode="max")
    assert cb1.state_filepath != cb2.state_filepath
    drive(cb1, tiny_model(), [0.10], monitor="val_acc", end=True)
    drive(cb2, tiny_model(), [0.70], monitor="val_acc", end=True)
    first_best = cb1.best_filepath
    before = pathlib.Path(first_best).read_bytes()

    resumed = ckpt(one, save_best_only=True, monitor="val_acc", mode="max",
                   load_weights_on_restart=True)
    drive(resumed, tiny_model(), [0.5, 0.05], monitor="val_acc",
          first_epoch=1)
    assert resumed.best == pytest.approx(0.5)     # 0.5 beat its own 0.10
    if "{" not in first:
        assert pathlib.Path(first_best).read_bytes() != before
    assert saved_epoch(resumed.best_filepath) == 2


def test_state_file_name_is_short_for_a_long_checkpoint_name(tmp_path):
    cb = ckpt(tmp_path / ("x" * 240 + ".keras"), save_best_only=True)
    name = os.path.basename(cb.state_filepath)
    assert name.startswith(".") and len(name.encode()) <= 100


def test_old_format_state_file_is_still_read(tmp_path):
    path = tmp_path / "best.keras"
    drive(ckpt(path, save_best_only=True), tiny_model(), [0.5, 0.3],
          end=True)
    cb = ckpt(path, save_best_only=True)
    os.remove(cb.state_filepath)
    legacy = tmp_path / ".best.keras.pykeras3-state.json"
    legacy.write_text(json.dumps({
        "format": "pykeras3 checkpoint state", "version": 1,
        "filepath": "best.keras", "monitor": "val_loss", "mode": "min",
        "best": 0.3, "best_epoch": 1, "best_filepath": "best.keras",
        "last_filepath": "best.keras", "last_epoch": 1,
        "files": [{"path": "best.keras", "epoch": 1, "batch": None,
                   "value": 0.3}]}))
    resumed = ckpt(path, save_best_only=True, load_weights_on_restart=True)
    drive(resumed, tiny_model(), [0.35], first_epoch=2)
    assert resumed.best == pytest.approx(0.3)
    assert resumed.best_epoch == 1
    assert saved_epoch(path) == 2          # 0.35 did not replace 0.3
    drive(resumed, tiny_model(), [0.2], first_epoch=3, begin=False,
          end=True)
    assert saved_epoch(path) == 4
    assert json.loads(pathlib.Path(resumed.state_filepath).read_text())[
        "best"] == pytest.approx(0.2)


# ----------------------------------------------------------------------
# 4. A restart never deletes a live writer's staging entry

LIVE_WRITER = GATE + textwrap.dedent("""
    import pykeras3
    model = gated_model(1.0)
    model.compile(optimizer="sgd", loss="mse")
    # Synchronous: the gate holds the save inside the staging entry.
    cb = pykeras3.callback_model_checkpoint({path!r}, monitor="loss",
                                            save_on_background=False)
    cb.set_model(model)
    cb.on_train_begin()
    cb.on_epoch_end(0, {{"loss": 0.5}})
    cb.on_train_end()
    print("SAVED", cb.last_filepath, flush=True)
""")


@pytest.mark.slow
def test_restart_beside_a_run_that_is_still_writing(tmp_path):
    sync = tmp_path / "sync"
    sync.mkdir()
    path = tmp_path / "ckpt" / "m.keras"
    proc = spawn(LIVE_WRITER.format(sync=str(sync), barrier=0,
                                    path=str(path)))
    try:
        wait_for(lambda: any(n.startswith("saving") for n in
                             os.listdir(sync)), proc=proc)
        assert leftovers(tmp_path / "ckpt")   # the live writer's entry
        # A new run on the same filepath restarts beside it...
        cb = ckpt(path, monitor="loss", load_weights_on_restart=True)
        cb.set_model(tiny_model(inputs=3))
        cb.on_train_begin()
        # ...and a save into the same folder sweeps dead writers only.
        pykeras3.save_model(tiny_model(), str(tmp_path / "ckpt" /
                                               "other.keras"))
        assert leftovers(tmp_path / "ckpt")
        (sync / "go").touch()
        code, out, err = finish(proc)
    finally:
        (sync / "go").touch()
        if proc.poll() is None:
            proc.kill()
    assert code == 0, err[-3000:]
    assert "SAVED" in out
    with zipfile.ZipFile(path) as archive:   # complete: a valid archive
        assert archive.testzip() is None
        assert "model.weights.h5" in archive.namelist()
    assert leftovers(tmp_path / "ckpt") == []


# ----------------------------------------------------------------------
# 5. No phantom best: the state never claims a file that is not on disk

KILL_AT = textwrap.dedent("""
    import json, os, signal
    import numpy as np
    import keras
    import pykeras3

    path = {path!r}
    scripted = {scripted!r}
    kill_epoch = {kill_epoch!r}
    kill_when = {kill_when!r}   # "state": after the state file is replaced;
                                # "file": after the checkpoint is replaced
    hits = [0]                  # every save here replaces both, in order,
    real_replace = os.replace   # on whichever thread writes

    def replace(src, dst, *a, **k):
        real_replace(src, dst, *a, **k)
        name = os.path.basename(os.fspath(dst))
        hit = (name.endswith(".pykeras3-state.json") if kill_when == "state"
               else os.fspath(dst) == path)
        if hit:
            hits[0] += 1
            if hits[0] == kill_epoch + 1:
                os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace

    model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.optimizer.build(model.trainable_variables)
    cb = pykeras3.callback_model_checkpoint(
        path, save_best_only=True, save_on_background={background!r})
    cb.set_model(model)
    cb.set_params({{"epochs": len(scripted), "steps": 1, "verbose": 0}})
    cb.on_train_begin()
    for epoch, value in enumerate(scripted):
        model.set_weights([np.full_like(w, epoch + 1)
                           for w in model.get_weights()])
        cb.on_epoch_end(epoch, {{"loss": 1.0, "val_loss": value}})
    cb.on_train_end()
""")


def dense_epoch(path):
    model = keras.models.load_model(str(path), compile=False)
    values = np.concatenate([w.ravel() for w in model.get_weights()])
    return float(values[0])


def resume_dense(path, values, first_epoch):
    model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    cb = ckpt(path, save_best_only=True, load_weights_on_restart=True)
    drive(cb, model, values, first_epoch=first_epoch)
    return cb


@pytest.mark.slow
@pytest.mark.parametrize("background", [False, True],
                         ids=["sync", "background"])
def test_kill_after_state_write_leaves_no_phantom_best(tmp_path, background):
    path = tmp_path / "best.keras"
    result = run_python(KILL_AT.format(path=str(path), scripted=[0.5, 0.3],
                                       kill_epoch=1, kill_when="state",
                                       background=background))
    assert result.returncode == -signal.SIGKILL, result.stderr[-3000:]
    held = dense_epoch(path)
    cb = resume_dense(path, [], first_epoch=2)
    # Whatever the kill interrupted, the state agrees with the file.
    assert cb.best == {1.0: 0.5, 2.0: 0.3}[held]
    # An improvement over the file's real value is saved.
    drive(cb, cb.model, [cb.best - 0.05], first_epoch=2, begin=False)
    assert dense_epoch(path) == 3


@pytest.mark.slow
@pytest.mark.parametrize("background", [False, True],
                         ids=["sync", "background"])
def test_kill_right_after_the_checkpoint_is_moved_keeps_its_best(
        tmp_path, background):
    path = tmp_path / "best.keras"
    result = run_python(KILL_AT.format(path=str(path), scripted=[0.5, 0.3],
                                       kill_epoch=1, kill_when="file",
                                       background=background))
    assert result.returncode == -signal.SIGKILL, result.stderr[-3000:]
    assert dense_epoch(path) == 2
    cb = resume_dense(path, [0.4], first_epoch=2)
    assert cb.best == pytest.approx(0.3)
    assert dense_epoch(path) == 2       # 0.4 is worse than the file's 0.3


def test_state_without_its_best_file_forgets_the_best_value(tmp_path):
    template = tmp_path / "{epoch}-{val_loss:.2f}.keras"
    cb = ckpt(template, save_best_only=True)
    drive(cb, tiny_model(), [0.5, 0.3], end=True)
    os.remove(tmp_path / "2-0.30.keras")
    resumed = ckpt(template, save_best_only=True,
                   load_weights_on_restart=True)
    with pytest.warns(CheckpointWarning, match="no longer exists"):
        drive(resumed, tiny_model(), [0.4], first_epoch=2)
    assert resumed.best == pytest.approx(0.4)
    assert os.path.exists(tmp_path / "3-0.40.keras")


# ----------------------------------------------------------------------
# 6. overwrite=False holds at the commit, between processes

RACE = GATE + textwrap.dedent("""
    import pykeras3
    model = gated_model({value})
    try:
        pykeras3.{verb}(model, {path!r})
    except FileExistsError as err:
        print("REFUSED", err, flush=True)
    else:
        print("SAVED", flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("verb, name", [("save_model", "m.keras"),
                                        ("save_model_weights",
                                         "w.weights.h5")])
def test_concurrent_saves_with_overwrite_false_exactly_one_wins(tmp_path,
                                                                verb, name):
    sync = tmp_path / "sync"
    sync.mkdir()
    path = tmp_path / "out" / name
    procs = [spawn(RACE.format(sync=str(sync), barrier=2, value=v,
                               verb=verb, path=str(path)))
             for v in (1.0, 2.0)]
    results = [finish(p) for p in procs]
    for code, _out, err in results:
        assert code == 0, err[-3000:]
    outcomes = sorted(out.split()[0] for _code, out, _err in results)
    assert outcomes == ["REFUSED", "SAVED"]
    refused = next(out for _c, out, _e in results if "REFUSED" in out)
    assert str(path) in refused and "overwrite=False" in refused
    winner = [1.0, 2.0][[("SAVED" in out) for _c, out, _e in
                         results].index(True)]
    # The file is the winner's, complete, and nothing was left behind.
    if verb == "save_model":
        with zipfile.ZipFile(path) as archive:
            weights = tmp_path / "inner.weights.h5"
            weights.write_bytes(archive.read("model.weights.h5"))
        path = weights
    with h5py.File(path) as f:
        arrays = []
        f.visititems(lambda n, o: arrays.append(np.asarray(o))
                     if isinstance(o, h5py.Dataset) else None)
    assert arrays and all(np.all(a == winner) for a in arrays)
    assert visible(tmp_path / "out") == [name]
    assert leftovers(tmp_path / "out") == []


def test_overwrite_false_refuses_a_file_that_appears_during_the_save(
        tmp_path):
    path = tmp_path / "m.keras"
    model = tiny_model()

    class Intruder(keras.layers.Layer):
        def call(self, x):
            return x

        def save_own_variables(self, store):
            path.write_bytes(b"written by someone else meanwhile")

    model.add(Intruder())
    with pytest.raises(FileExistsError, match="overwrite=False"):
        pykeras3.save_model(model, str(path))
    assert path.read_bytes() == b"written by someone else meanwhile"
    assert leftovers(tmp_path) == []


# ----------------------------------------------------------------------
# 7. Files orphaned by a kill are adopted and pruned

ORPHAN = textwrap.dedent("""
    import os, signal
    import numpy as np
    import keras
    import pykeras3

    template = {template!r}
    kill_at = {kill_at!r}
    initial_epoch = {initial_epoch!r}
    deletions = [0]
    real_unlink, real_remove = os.unlink, os.remove

    def deleting(path, *a, **k):
        if os.path.basename(os.fspath(path)).startswith("e"):
            deletions[0] += 1
            if deletions[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        return real_unlink(path, *a, **k)

    os.unlink = os.remove = deleting
    model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    x = np.random.default_rng(0).random((64, 10), dtype=np.float32)
    y = x.sum(axis=1, keepdims=True)
    cb = pykeras3.callback_model_checkpoint(
        template, monitor="loss", save_freq=1, max_to_keep=2,
        save_weights_only=True, load_weights_on_restart=True)
    model.fit(x, y, batch_size=16, epochs=initial_epoch + 3,
              initial_epoch=initial_epoch, verbose=0, callbacks=[cb])
    print("DONE", len(cb.filepaths), flush=True)
""")


def matching(folder):
    return sorted(n for n in os.listdir(folder)
                  if re.fullmatch(r"e\d+-b\d+\.weights\.h5", n))


@pytest.mark.slow
def test_files_orphaned_by_a_kill_before_pruning_are_pruned_later(
        tmp_path):
    template = str(tmp_path / "e{epoch}-b{batch}.weights.h5")
    first = run_python(ORPHAN.format(template=template, kill_at=3,
                                     initial_epoch=0))
    assert first.returncode == -signal.SIGKILL, first.stderr[-3000:]
    # Killed just before deleting a file that max_to_keep condemned.
    assert matching(tmp_path) == ["e1-b3.weights.h5", "e1-b4.weights.h5",
                                  "e2-b1.weights.h5"]
    # The resumed run writes other names (epochs 4 to 6).
    second = run_python(ORPHAN.format(template=template, kill_at=-1,
                                      initial_epoch=3))
    assert second.returncode == 0, second.stderr[-3000:]
    assert matching(tmp_path) == ["e6-b3.weights.h5", "e6-b4.weights.h5"]


def test_files_missing_from_the_state_are_adopted_and_pruned(tmp_path):
    (tmp_path / "ep00.keras").write_bytes(b"the user's, from before")
    template = tmp_path / "ep{epoch:02d}.keras"
    cb = ckpt(template, max_to_keep=2)
    drive(cb, tiny_model(), [0.5, 0.4, 0.3], end=True)
    assert visible(tmp_path) == ["ep00.keras", "ep02.keras", "ep03.keras"]
    # A save whose state write never happened: the state lacks ep03.
    state = state_of(cb)
    state["files"] = [r for r in state["files"] if r["path"] != "ep03.keras"]
    write_state(cb, state)
    resumed = ckpt(template, max_to_keep=2, load_weights_on_restart=True)
    drive(resumed, tiny_model(), [0.2], first_epoch=3)
    assert visible(tmp_path) == ["ep00.keras", "ep03.keras", "ep04.keras"]
    assert resumed.filepaths == [str(tmp_path / "ep03.keras"),
                                 str(tmp_path / "ep04.keras")]
    assert (tmp_path / "ep00.keras").read_bytes() == \
        b"the user's, from before"


# ----------------------------------------------------------------------
# 8. Long names; errors name the user's path

@pytest.mark.parametrize("length", [233, 250, 255])
def test_names_up_to_255_bytes_save_and_load(tmp_path, length):
    model = tiny_model()
    name = "m" * (length - len(".keras")) + ".keras"
    pykeras3.save_model(model, str(tmp_path / name))
    assert pykeras3.load_model(str(tmp_path / name)).count_params() == \
        model.count_params()
    wname = "w" * (length - len(".weights.h5")) + ".weights.h5"
    pykeras3.save_model_weights(model, str(tmp_path / wname))
    pykeras3.load_model_weights(tiny_model(), str(tmp_path / wname))
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("length", [212, 240, 255])
def test_best_only_checkpoint_with_a_long_name(tmp_path, length):
    path = tmp_path / ("c" * (length - len(".keras")) + ".keras")
    cb = ckpt(path, save_best_only=True)
    drive(cb, tiny_model(), [0.5, 0.3, 0.4], end=True)
    assert saved_epoch(path) == 2
    resumed = ckpt(path, save_best_only=True, load_weights_on_restart=True)
    drive(resumed, tiny_model(), [0.35], first_epoch=3)
    assert resumed.best == pytest.approx(0.3)


def test_a_name_too_long_for_the_file_system_is_refused_first(tmp_path):
    path = tmp_path / "sub" / ("m" * 300 + ".keras")
    with pytest.raises(ValueError, match="bytes per name"):
        pykeras3.save_model(tiny_model(), str(path))
    with pytest.raises(ValueError, match="bytes per name"):
        ckpt(path)
    assert not (tmp_path / "sub").exists()


@pytest.mark.slow
def test_write_errors_name_the_users_path_not_the_staging_path(tmp_path):
    target = tmp_path / "m.keras"
    code = textwrap.dedent(f"""
        import resource, signal
        import keras, pykeras3
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        model = keras.Sequential([keras.Input((64,)),
                                  keras.layers.Dense(256)])
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
        try:
            pykeras3.save_model(model, {str(target)!r})
        except OSError as err:
            print(type(err).__name__, "|", err)
    """)
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-3000:]
    assert str(target) in result.stdout
    assert STAGING not in result.stdout
    assert not target.exists()


def test_a_parent_that_is_a_file_is_named(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(NotADirectoryError, match="notes.txt.*is a file"):
        pykeras3.save_model(tiny_model(),
                            str(tmp_path / "notes.txt" / "m.keras"))
    with pytest.raises(NotADirectoryError, match="is a file"):
        drive(ckpt(tmp_path / "notes.txt" / "sub" / "m.keras"),
              tiny_model(), [0.5])
    assert (tmp_path / "notes.txt").read_text() == "x"


# ----------------------------------------------------------------------
# 9. State validation

@pytest.mark.parametrize("damage", [
    lambda s: s["files"][0].update(value="abc"),
    lambda s: s.update(best=True),
    lambda s: s.update(best="0.3"),
    lambda s: s.update(best=float("nan")),
    lambda s: s.update(mode="max"),
    lambda s: s.update(best_epoch=-1),
    lambda s: s.update(files="ep1.keras"),
    lambda s: s["files"].append(["ep1.keras"]),
    lambda s: s["files"][0].update(epoch=1.5),
    lambda s: s.update(monitor=3),
    lambda s: s.update(format="something else"),
], ids=["non-numeric value", "best true", "best string", "best nan",
        "flipped mode", "negative epoch", "files not a list",
        "entry not an object", "fractional epoch", "monitor not a string",
        "wrong format"])
def test_a_damaged_state_is_set_aside_and_training_goes_on(tmp_path,
                                                           damage):
    template = tmp_path / "ep{epoch}.keras"
    cb = ckpt(template, save_best_only=True, max_to_keep=1)
    drive(cb, tiny_model(), [0.5, 0.3], end=True)
    state = state_of(cb)
    damage(state)
    with open(cb.state_filepath, "w") as f:
        f.write(json.dumps(state))   # NaN written as JSON's NaN token
    damaged = pathlib.Path(cb.state_filepath).read_text()

    resumed = ckpt(template, save_best_only=True, max_to_keep=1,
                   load_weights_on_restart=True)
    with pytest.warns(CheckpointWarning, match=r"kept as .*\.bad"):
        drive(resumed, tiny_model(), [0.9, 0.8], first_epoch=2)
    assert pathlib.Path(cb.state_filepath + ".bad").read_text() == damaged
    # It started fresh: 0.9 was its first best; nothing earlier deleted.
    assert resumed.best == pytest.approx(0.8)
    assert visible(tmp_path) == ["ep2.keras", "ep4.keras"]
    json.loads(pathlib.Path(cb.state_filepath).read_text())


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe",
                                     b"[1, 2, 3]", b"null"])
def test_an_unreadable_state_file_is_set_aside(tmp_path, content):
    path = tmp_path / "best.keras"
    cb = ckpt(path, save_best_only=True)
    drive(cb, tiny_model(), [0.5], end=True)
    pathlib.Path(cb.state_filepath).write_bytes(content)
    resumed = ckpt(path, save_best_only=True, load_weights_on_restart=True)
    with pytest.warns(CheckpointWarning, match="not valid"):
        drive(resumed, tiny_model(), [0.7], first_epoch=1)
    assert resumed.best == pytest.approx(0.7)
    assert os.path.exists(cb.state_filepath + ".bad")


def test_set_state_checks_every_field(tmp_path):
    cb = ckpt(tmp_path / "ep{epoch}.keras", save_best_only=True)
    drive(cb, tiny_model(), [0.5])
    good = cb.get_state()
    for key, value in [("best", True), ("mode", "sideways"),
                       ("best_epoch", "1"), ("files", [{"path": 1}])]:
        with pytest.raises(ValueError, match=key.rstrip("s")):
            cb.set_state(dict(good, **{key: value}))
    with pytest.raises(ValueError, match="cannot be one of"):
        cb.set_state(dict(good, files=[{"path": "/etc/passwd"}]))
    cb.set_state(good)


# ----------------------------------------------------------------------
# 10. NUL bytes and other impossible names, refused before anything

VERBS = {
    "save_model": lambda p: pykeras3.save_model(tiny_model(), p),
    "save_model_weights": lambda p: pykeras3.save_model_weights(
        tiny_model(), p.replace(".keras", ".weights.h5")),
    "save_model_config": lambda p: pykeras3.save_model_config(
        tiny_model(), p.replace(".keras", ".json")),
    "load_model": pykeras3.load_model,
    "load_model_weights": lambda p: pykeras3.load_model_weights(
        tiny_model(), p),
    "load_model_config": lambda p: pykeras3.load_model_config(
        p.replace(".keras", ".json")),
    "callback_model_checkpoint": pykeras3.callback_model_checkpoint,
}


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_nul_byte_is_refused_before_anything_is_created(tmp_path, verb):
    path = str(tmp_path / "new" / "a\0b" / "m.keras")
    with pytest.raises(ValueError, match="NUL byte") as info:
        VERBS[verb](path)
    assert os.listdir(tmp_path) == []
    hint = re.search(r"Did you mean '(.*)'\?", str(info.value))
    assert hint and "\0" not in hint.group(1)


def test_unencodable_name_is_refused(tmp_path):
    with pytest.raises(ValueError, match="cannot be encoded"):
        pykeras3.save_model(tiny_model(), str(tmp_path / "\ud800.keras"))
    assert os.listdir(tmp_path) == []


# ----------------------------------------------------------------------
# 11. Dead writers' leftovers; hints that are valid names

KILLED_MID_SAVE = GATE + textwrap.dedent("""
    import pykeras3
    pykeras3.save_model(gated_model(1.0), {path!r})
""")


@pytest.mark.slow
def test_any_later_save_sweeps_a_killed_writers_leftovers(tmp_path):
    sync = tmp_path / "sync"
    sync.mkdir()
    folder = tmp_path / "models"
    proc = spawn(KILLED_MID_SAVE.format(sync=str(sync), barrier=0,
                                        path=str(folder / "a.keras")))
    try:
        wait_for(lambda: any(n.startswith("saving") for n in
                             os.listdir(sync)), proc=proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert leftovers(folder)
    assert visible(folder) == []
    # A save of another file into the folder (no restart involved).
    pykeras3.save_model(tiny_model(), str(folder / "b.keras"))
    assert leftovers(folder) == []
    assert os.listdir(folder) == ["b.keras"]


@pytest.mark.parametrize("given, fixed", [
    ("m.keras ", "m.keras"),
    ("m.keras/", "m.keras"),
    ("ckpt.h5", "ckpt.keras"),
    ("out/", "out/model.keras"),
    ("m.KERAS", "m.keras"),
])
def test_did_you_mean_hint_is_a_valid_name(tmp_path, given, fixed):
    with pytest.raises(ValueError) as info:
        pykeras3.save_model(tiny_model(), given)
    hint = re.search(r"Did you mean '(.*)'\?", str(info.value)).group(1)
    assert hint == fixed
    pykeras3.save_model(tiny_model(), str(tmp_path / hint))


def test_did_you_mean_hint_fits_the_name_limit(tmp_path):
    given = "w" * 250 + ".h5"
    with pytest.raises(ValueError) as info:
        pykeras3.save_model_weights(tiny_model(), str(tmp_path / given))
    hint = re.search(r"Did you mean '(.*)'\?", str(info.value)).group(1)
    assert hint.endswith(".weights.h5")
    pykeras3.save_model_weights(tiny_model(), hint)
    assert os.path.exists(hint)
