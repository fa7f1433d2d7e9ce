"""The shared file rules: suffix checks and the atomic writer."""

import os
import pathlib

import keras
import numpy as np
import pytest

from pykeras3._files import (STAGING_DIR, atomic_write, atomic_write_text,
                             file_clock,
                             check_suffix, suggest, write_sharded_weights)


@pytest.mark.parametrize("given, ending, fixed", [
    ("ckpt.h5", ".weights.h5", "ckpt.weights.h5"),
    ("ckpt.h5", ".keras", "ckpt.keras"),
    ("model", ".keras", "model.keras"),
    ("dir/model.hdf5", ".keras", "dir/model.keras"),
    ("m.weights.h5", ".keras", "m.keras"),
    ("m.keras", ".weights.h5", "m.weights.h5"),
    ("w.weights.h5", ".weights.json", "w.weights.json"),
    ("{epoch:02d}-{val_loss:.2f}.hdf5", ".keras",
     "{epoch:02d}-{val_loss:.2f}.keras"),
    ("{epoch:02d}-{val_loss:.2f}", ".keras",
     "{epoch:02d}-{val_loss:.2f}.keras"),
    ("config.yaml", ".json", "config.json"),
    ("out/", ".keras", "out/model.keras"),
    ("model.keras.zip", ".keras", "model.keras"),
    ("m.h5.bak", ".keras", "m.keras"),
    ("ckpt.weights.h5.old", ".weights.h5", "ckpt.weights.h5"),
])
def test_suggest_replaces_the_ending(given, ending, fixed):
    assert suggest(given, ending) == fixed


def test_check_suffix_error_names_argument_value_rule_and_fix():
    with pytest.raises(ValueError) as info:
        check_suffix("save_model_weights", "ckpt.h5", "weights")
    message = str(info.value)
    assert message.startswith("save_model_weights(): `filepath` must end in "
                              "'.weights.h5'")
    assert "HDF5 weights format" in message  # why
    assert "Received: filepath='ckpt.h5'. Did you mean 'ckpt.weights.h5'?" \
        in message


def test_check_suffix_accepts_path_objects_and_expands_home(monkeypatch,
                                                             tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert check_suffix("f", pathlib.Path("~/m.keras"), "model") == \
        str(tmp_path / "m.keras")
    with pytest.raises(TypeError, match="must be a path"):
        check_suffix("f", 42, "model")


def test_check_suffix_refuses_weights_file_for_load_model():
    with pytest.raises(ValueError, match="load_model_weights"):
        check_suffix("load_model", "w.weights.h5", "model_in", arg="model")


def test_atomic_write_replaces_the_target(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    atomic_write_text(str(target), "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_atomic_write_failure_keeps_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")

    def half_write(tmp):
        with open(tmp, "w") as f:
            f.write("partial")
        raise OSError("disk full (simulated by the writer)")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(str(target), half_write)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_atomic_write_stages_under_a_hidden_name_with_the_target_name(
        tmp_path):
    seen = []

    def write(tmp):
        seen.append(tmp)
        assert os.path.basename(tmp) == "m.keras"
        staging = os.path.dirname(os.path.dirname(tmp))
        assert os.path.basename(staging) == STAGING_DIR
        assert os.path.dirname(staging) == str(tmp_path)
        with open(tmp, "w") as f:
            f.write("x")

    atomic_write(str(tmp_path / "m.keras"), write)
    assert seen and not os.path.exists(seen[0])


def test_atomic_write_creates_missing_folders(tmp_path):
    atomic_write_text(str(tmp_path / "a" / "b" / "c.json"), "{}")
    assert (tmp_path / "a" / "b" / "c.json").read_text() == "{}"


def test_atomic_write_release_gets_the_replaced_file_open(tmp_path):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    released = []

    def write(tmp):
        with open(tmp, "wb") as f:
            f.write(b"new")

    atomic_write(str(target), write, release=released.append)
    assert target.read_bytes() == b"new"
    (fd,) = released
    assert os.read(fd, 10) == b"old"  # the replaced file, still readable
    os.close(fd)
    assert os.listdir(tmp_path) == ["a.bin"]  # nothing staged is left


def test_atomic_write_replaces_a_directory(tmp_path):
    target = tmp_path / "model_dir"
    target.mkdir()
    (target / "old.txt").write_text("old")

    def write(tmp):
        os.mkdir(tmp)
        with open(os.path.join(tmp, "new.txt"), "w") as f:
            f.write("new")

    atomic_write(str(target), write)
    assert os.listdir(target) == ["new.txt"]
    assert os.listdir(tmp_path) == ["model_dir"]


def _big_model():
    model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(256),
                              keras.layers.Dense(256), keras.layers.Dense(4)])
    return model


def test_sharded_weights_replace_the_whole_set(tmp_path):
    target = str(tmp_path / "w.weights.json")
    model = _big_model()
    # ~0.33 MB of weights in shards of at most 0.31 MB: several shards.
    write_sharded_weights(model, target, max_shard_size=0.0003)
    first = sorted(os.listdir(tmp_path))
    assert len(first) >= 3 and "w.weights.json" in first
    before = [w.copy() for w in model.get_weights()]
    model.set_weights([w + 1 for w in before])
    write_sharded_weights(model, target, max_shard_size=0.0003)
    assert sorted(os.listdir(tmp_path)) == first
    fresh = _big_model()
    fresh.load_weights(target)
    for got, want in zip(fresh.get_weights(), model.get_weights()):
        np.testing.assert_allclose(got, want)


def test_sharded_weights_failure_leaves_previous_set(tmp_path):
    target = str(tmp_path / "w.weights.json")
    model = _big_model()
    write_sharded_weights(model, target, max_shard_size=0.0003)
    listing = sorted(os.listdir(tmp_path))
    with pytest.raises(ValueError):
        write_sharded_weights(keras.Sequential([keras.layers.Dense(2)]),
                              target, max_shard_size=0.0003)  # unbuilt
    assert sorted(os.listdir(tmp_path)) == listing
    fresh = _big_model()
    fresh.load_weights(target)
    for got, want in zip(fresh.get_weights(), model.get_weights()):
        np.testing.assert_allclose(got, want)


def test_file_clock_orders_files_written_before_and_after(tmp_path):
    # Linux (6.13 and later) may give a file a fine-grained time stamp,
    # later than what its coarse clock reads: the checkpoint's "since"
    # must still come after every file written before it, or a user's
    # file could be taken for one of the run's (and pruned).
    for i in range(300):
        before = tmp_path / f"before{i}"
        before.write_bytes(b"x")
        os.stat(before)  # asking for a time stamp is what makes Linux
        #                  hand out fine-grained ones
        since = file_clock(str(tmp_path))
        after = tmp_path / f"after{i}"
        after.write_bytes(b"x")
        assert os.stat(before).st_mtime_ns <= since <= \
            os.stat(after).st_mtime_ns
    assert not (tmp_path / STAGING_DIR).exists()
    assert file_clock(str(tmp_path / "missing")) > 0
