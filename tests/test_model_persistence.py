"""Saving and loading: suffix rules, overwrite refusal, bytes, plain-Keras
compatibility, atomic writes (spec: "Persistence with enforced suffixes and
crash-safe writes")."""

import json
import errno
import os
import pathlib
import textwrap

import keras
import numpy as np
import pytest
import toolz

import pykeras3
from pykeras3 import (compile, fit, get_weights, keras_input, keras_model,
                      keras_model_sequential, layer_add,
                      layer_batch_normalization, layer_concatenate,
                      layer_conv_1d, layer_conv_2d, layer_dense,
                      layer_dropout, layer_embedding, layer_flatten,
                      layer_global_average_pooling_2d, layer_gru,
                      layer_layer_normalization, layer_lstm,
                      layer_max_pooling_2d, layer_reshape, layer_activation,
                      load_model, load_model_config, load_model_weights,
                      predict, save_model, save_model_config,
                      save_model_weights, set_weights)

from conftest import run_python, tiny_model


class Boom(keras.layers.Layer):
    """Multiplies by a weight; saving its variables fails while `fail` is
    set on the class (a real Keras layer used to break a save part way)."""

    fail = False
    fail_config = False

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],),
                                     initializer="ones", name="scale")

    def call(self, inputs):
        return inputs * self.scale

    def save_own_variables(self, store):
        if Boom.fail:
            raise RuntimeError("injected failure while saving")
        super().save_own_variables(store)

    def get_config(self):
        if Boom.fail_config:
            raise RuntimeError("injected failure in get_config")
        return super().get_config()


CUSTOM = {"Boom": Boom}


@pytest.fixture
def boom_model():
    Boom.fail = False
    model = toolz.pipe(keras_model_sequential(input_shape=3),
                       layer_dense(units=2))
    model.add(Boom())
    yield model
    Boom.fail = Boom.fail_config = False


def listing(folder):
    """Every name in `folder`, hidden ones included, recursively."""
    found = []
    for root, dirs, files in os.walk(folder):
        rel = os.path.relpath(root, folder)
        for name in dirs + files:
            found.append(os.path.normpath(os.path.join(rel, name)))
    return sorted(found)


def change_weights(model, value):
    set_weights(model, [np.full_like(w, value) for w in get_weights(model)])


def kernel(model):
    return get_weights(model)[0]


def assert_suffix_error(info, arg, received, required, suggestion):
    message = str(info.value)
    assert isinstance(info.value, ValueError)
    assert f"`{arg}`" in message or f"{arg}=" in message
    assert f"Received: {arg}={received!r}" in message
    assert f"'{required}'" in message
    assert f"Did you mean {suggestion!r}?" in message


# --------------------------------------------------------------------------
# Round trips

def test_save_model_writes_keras_file_and_returns_model(tmp_path, data):
    x, y = data
    model = tiny_model()
    fit(model, x, y, epochs=1, verbose=0)
    path = tmp_path / "model.keras"
    assert save_model(model, path) is model
    loaded = load_model(path)
    np.testing.assert_allclose(predict(loaded, x, verbose=0),
                               predict(model, x, verbose=0), rtol=1e-6)
    # compiled state comes back with compile=True (the default)
    assert loaded.compiled
    assert int(loaded.optimizer.iterations) == int(model.optimizer.iterations)


def test_load_model_compile_false_gives_uncompiled_model(tmp_path):
    path = tmp_path / "model.keras"
    save_model(tiny_model(), path)
    assert not load_model(path, compile=False).compiled


def test_save_model_without_filepath_returns_bytes_that_load(data):
    x, y = data
    model = tiny_model()
    fit(model, x, y, epochs=1, verbose=0)
    raw = save_model(model)
    assert isinstance(raw, bytes)
    for blob in (raw, bytearray(raw)):
        loaded = load_model(blob)
        assert isinstance(loaded, keras.Model)
        np.testing.assert_allclose(predict(loaded, x, verbose=0),
                                   predict(model, x, verbose=0), rtol=1e-6)
        assert int(loaded.optimizer.iterations) == 1


def test_load_model_refuses_bytes_that_are_not_a_model():
    with pytest.raises(ValueError, match="bytes"):
        load_model(b"this is not a keras archive")


def test_load_model_custom_objects_and_safe_mode(tmp_path):
    inputs = keras_input(shape=2)
    outputs = keras.layers.Lambda(lambda t: t * 2.0)(inputs)
    path = tmp_path / "lambda.keras"
    save_model(keras_model(inputs, outputs), path)
    with pytest.raises(ValueError, match="(?i)lambda|safe_mode"):
        load_model(path)
    loaded = load_model(path, safe_mode=False)
    np.testing.assert_allclose(predict(loaded, np.ones((1, 2)), verbose=0),
                               [[2.0, 2.0]])


def test_load_model_with_custom_objects(tmp_path, boom_model):
    path = tmp_path / "custom.keras"
    save_model(boom_model, path)
    loaded = load_model(path, custom_objects=CUSTOM)
    assert isinstance(loaded.layers[-1], Boom)


def test_load_model_reads_legacy_h5_model_file(tmp_path):
    model = tiny_model()
    legacy = tmp_path / "legacy.h5"
    model.save(str(legacy))  # written by Keras itself, legacy format
    loaded = load_model(legacy)
    for a, b in zip(get_weights(model), get_weights(loaded)):
        np.testing.assert_array_equal(a, b)


def test_save_model_zipped_false_writes_directory_that_loads(tmp_path):
    model = tiny_model()
    folder = tmp_path / "unzipped"
    assert save_model(model, folder, zipped=False) is model
    assert folder.is_dir()
    loaded = load_model(folder)
    np.testing.assert_array_equal(kernel(loaded), kernel(model))


def test_save_model_zipped_false_accepts_directory_name_with_slash(
        tmp_path):
    model = tiny_model()
    target = str(tmp_path / "unzipped") + os.sep
    save_model(model, target, zipped=False)
    assert (tmp_path / "unzipped").is_dir()
    loaded = load_model(tmp_path / "unzipped")
    np.testing.assert_array_equal(kernel(loaded), kernel(model))


def test_weights_round_trip_and_load_returns_model(tmp_path):
    model = tiny_model()
    path = tmp_path / "w.weights.h5"
    assert save_model_weights(model, path) is model
    fresh = tiny_model()
    assert not np.array_equal(kernel(fresh), kernel(model))
    assert load_model_weights(fresh, path) is fresh
    for a, b in zip(get_weights(model), get_weights(fresh)):
        np.testing.assert_array_equal(a, b)


def test_sharded_weights_round_trip(tmp_path):
    model = toolz.pipe(keras_model_sequential(input_shape=64),
                       layer_dense(units=64), layer_dense(units=64))
    index = tmp_path / "big.weights.json"
    # each 64 x 64 kernel is 16 kB; shards of at most about 20 kB
    save_model_weights(model, index, max_shard_size=2e-5)
    assert index.exists()
    shards = [n for n in os.listdir(tmp_path) if n.endswith(".weights.h5")]
    assert len(shards) >= 2
    fresh = toolz.pipe(keras_model_sequential(input_shape=64),
                       layer_dense(units=64), layer_dense(units=64),
                       load_model_weights(index))
    for a, b in zip(get_weights(model), get_weights(fresh)):
        np.testing.assert_array_equal(a, b)


def test_load_model_weights_from_keras_model_file(tmp_path):
    model = tiny_model()
    path = tmp_path / "m.keras"
    save_model(model, path)
    fresh = load_model_weights(tiny_model(), path)
    np.testing.assert_array_equal(kernel(fresh), kernel(model))


def test_load_model_weights_skip_mismatch(tmp_path):
    path = tmp_path / "w.weights.h5"
    save_model_weights(tiny_model(units=1), path)
    other = tiny_model(units=2)
    with pytest.raises(Exception):
        load_model_weights(other, path)
    assert load_model_weights(other, path, skip_mismatch=True) is other


def test_config_round_trip_gives_same_architecture(tmp_path):
    model = toolz.pipe(keras_model_sequential(input_shape=5),
                       layer_dense(units=3, activation="relu"),
                       layer_dense(units=1))
    path = tmp_path / "arch.json"
    assert save_model_config(model, path) is model
    json.loads(path.read_text())  # JSON text
    rebuilt = load_model_config(path)
    assert [type(l) for l in rebuilt.layers] == [type(l) for l in
                                                  model.layers]
    assert [l.units for l in rebuilt.layers] == [3, 1]
    assert rebuilt.count_params() == model.count_params()
    assert rebuilt is not model


def test_load_model_config_with_custom_objects(tmp_path, boom_model):
    path = tmp_path / "arch.json"
    save_model_config(boom_model, path)
    rebuilt = load_model_config(path, custom_objects=CUSTOM)
    assert isinstance(rebuilt.layers[-1], Boom)


# --------------------------------------------------------------------------
# Suffix rules

@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_save_model_refuses_h5_and_suggests_keras(in_tmp):
    with pytest.raises(ValueError) as info:
        save_model(tiny_model(), "ckpt.h5")
    assert_suffix_error(info, "filepath", "ckpt.h5", ".keras", "ckpt.keras")
    assert listing(in_tmp) == []


@pytest.mark.parametrize("name, suggestion", [
    ("model", "model.keras"),
    ("model.hdf5", "model.keras"),
    ("model.weights.h5", "model.keras"),
    ("model.pt", "model.keras"),
])
def test_save_model_refuses_other_suffixes(in_tmp, name, suggestion):
    with pytest.raises(ValueError) as info:
        save_model(tiny_model(), name)
    assert_suffix_error(info, "filepath", name, ".keras", suggestion)
    assert listing(in_tmp) == []


def test_save_model_zipped_false_refuses_keras_directory_name(in_tmp):
    with pytest.raises(ValueError) as info:
        save_model(tiny_model(), "saved.keras", zipped=False)
    message = str(info.value)
    assert "Received: filepath='saved.keras'" in message
    assert "'saved'" in message
    assert listing(in_tmp) == []


def test_save_model_weights_refuses_h5_and_suggests_weights_h5(in_tmp):
    with pytest.raises(ValueError,
                       match=r"Received: filepath='ckpt\.h5'\. Did you mean "
                             r"'ckpt\.weights\.h5'\?") as info:
        save_model_weights(tiny_model(), "ckpt.h5")
    assert_suffix_error(info, "filepath", "ckpt.h5", ".weights.h5",
                        "ckpt.weights.h5")
    assert listing(in_tmp) == []


def test_save_model_weights_refuses_keras_suffix(in_tmp):
    with pytest.raises(ValueError) as info:
        save_model_weights(tiny_model(), "w.keras")
    assert_suffix_error(info, "filepath", "w.keras", ".weights.h5",
                        "w.weights.h5")


def test_sharded_weights_need_weights_json(in_tmp):
    with pytest.raises(ValueError) as info:
        save_model_weights(tiny_model(), "w.weights.h5", max_shard_size=1)
    assert_suffix_error(info, "filepath", "w.weights.h5", ".weights.json",
                        "w.weights.json")
    assert listing(in_tmp) == []


def test_save_model_config_needs_json(in_tmp):
    with pytest.raises(ValueError) as info:
        save_model_config(tiny_model(), "arch.yaml")
    assert_suffix_error(info, "filepath", "arch.yaml", ".json", "arch.json")
    assert listing(in_tmp) == []


def test_load_model_config_needs_json(in_tmp):
    with pytest.raises(ValueError) as info:
        load_model_config("arch.yaml")
    assert_suffix_error(info, "filepath", "arch.yaml", ".json", "arch.json")


def test_load_model_refuses_weights_file_before_reading(in_tmp):
    model = tiny_model()
    save_model_weights(model, "w.weights.h5")
    before = (in_tmp / "w.weights.h5").read_bytes()
    with pytest.raises(ValueError) as info:
        load_model("w.weights.h5")
    message = str(info.value)
    assert "Received: model='w.weights.h5'" in message
    assert "load_model_weights" in message
    assert (in_tmp / "w.weights.h5").read_bytes() == before


def test_load_model_refuses_unknown_suffix(in_tmp):
    (in_tmp / "model.pt").write_bytes(b"whatever")
    with pytest.raises(ValueError) as info:
        load_model("model.pt")
    assert_suffix_error(info, "model", "model.pt", ".keras", "model.keras")


def test_load_model_suffix_error_comes_before_file_lookup(in_tmp):
    # no such file: the suffix is still the first thing reported
    with pytest.raises(ValueError, match="Did you mean 'missing.keras'"):
        load_model("missing.sav")


def test_load_model_weights_refuses_plain_h5(in_tmp):
    with pytest.raises(ValueError) as info:
        load_model_weights(tiny_model(), "ckpt.h5")
    assert_suffix_error(info, "filepath", "ckpt.h5", ".weights.h5",
                        "ckpt.weights.h5")


def test_suffix_error_creates_no_parent_directory(tmp_path):
    target = tmp_path / "new_folder" / "model.h5"
    with pytest.raises(ValueError):
        save_model(tiny_model(), target)
    assert not (tmp_path / "new_folder").exists()


def test_suffix_error_in_a_pipe_happens_before_writing(in_tmp):
    with pytest.raises(ValueError, match="Did you mean 'w.weights.h5'"):
        toolz.pipe(tiny_model(), save_model_weights("w.h5"))
    assert listing(in_tmp) == []


def test_upper_case_suffix_is_saved_or_refused_with_the_suffix_rule(
        tmp_path):
    """'M.KERAS' either works, or is refused up front with the suffix error
    (quoting the name given and suggesting one), not by Keras later on a
    temporary name."""
    target = tmp_path / "M.KERAS"
    try:
        save_model(tiny_model(), target)
    except ValueError as err:
        message = str(err)
        assert f"Received: filepath={str(target)!r}" in message, message
        assert "Did you mean" in message, message
        assert listing(tmp_path) == []
    else:
        assert isinstance(load_model(target), keras.Model)


def test_upper_case_weights_suffix_is_saved_or_refused_with_the_rule(
        tmp_path):
    target = tmp_path / "W.WEIGHTS.H5"
    try:
        save_model_weights(tiny_model(), target)
    except ValueError as err:
        message = str(err)
        assert f"Received: filepath={str(target)!r}" in message, message
        assert "Did you mean" in message, message
    else:
        load_model_weights(tiny_model(), target)


def test_upper_case_model_name_loads_or_is_refused_with_the_suffix_rule(
        tmp_path):
    path = tmp_path / "M.KERAS"
    path.write_bytes(save_model(tiny_model()))
    try:
        loaded = load_model(path)
    except ValueError as err:
        message = str(err)
        assert f"Received: model={str(path)!r}" in message, message
        assert "Did you mean" in message, message
    else:
        assert isinstance(loaded, keras.Model)


# --------------------------------------------------------------------------
# Refusing to overwrite

def snapshot(folder):
    out = {}
    for name in listing(folder):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                out[name] = (f.read(), os.stat(path).st_mtime_ns)
        else:
            out[name] = None
    return out


@pytest.mark.parametrize("name, save", [
    ("m.keras", lambda m, p, **k: save_model(m, p, **k)),
    ("m_dir", lambda m, p, **k: save_model(m, p, zipped=False, **k)),
    ("m.weights.h5", lambda m, p, **k: save_model_weights(m, p, **k)),
    ("m.weights.json",
     lambda m, p, **k: save_model_weights(m, p, max_shard_size=1, **k)),
    ("m.json", lambda m, p, **k: save_model_config(m, p, **k)),
], ids=["model", "model_dir", "weights", "sharded", "config"])
def test_existing_file_is_not_overwritten_by_default(tmp_path, name, save):
    path = tmp_path / name
    save(tiny_model(units=1), path)
    before = snapshot(tmp_path)
    with pytest.raises(FileExistsError) as info:
        save(tiny_model(units=2), path)
    message = str(info.value)
    assert str(path) in message
    assert "overwrite=True" in message
    # The message is the user's text, not "[Errno 17] ..."; errno is kept.
    assert message.startswith(("save_model", "save_model_weights",
                               "save_model_config")), message
    assert info.value.errno == errno.EEXIST
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("name, save, load", [
    ("m.keras", lambda m, p, **k: save_model(m, p, **k),
     lambda p: load_model(p)),
    ("m_dir", lambda m, p, **k: save_model(m, p, zipped=False, **k),
     lambda p: load_model(p)),
    ("m.weights.h5", lambda m, p, **k: save_model_weights(m, p, **k),
     lambda p: load_model_weights(tiny_model(units=2), p)),
    ("m.json", lambda m, p, **k: save_model_config(m, p, **k),
     lambda p: load_model_config(p)),
], ids=["model", "model_dir", "weights", "config"])
def test_overwrite_true_replaces_the_file(tmp_path, name, save, load):
    path = tmp_path / name
    save(tiny_model(units=1), path)
    save(tiny_model(units=2), path, overwrite=True)
    assert load(path).layers[-1].units == 2
    assert listing(tmp_path) == listing_of_single(tmp_path, name)


def test_overwriting_sharded_weights_leaves_no_stale_shards(tmp_path):
    index = tmp_path / "s.weights.json"
    big = toolz.pipe(keras_model_sequential(input_shape=64),
                     layer_dense(units=64), layer_dense(units=64))
    save_model_weights(big, index, max_shard_size=2e-5)
    assert len(os.listdir(tmp_path)) >= 3  # index and 2+ shards
    small = toolz.pipe(keras_model_sequential(input_shape=64),
                       layer_dense(units=64), layer_dense(units=64))
    save_model_weights(small, index, max_shard_size=1, overwrite=True)
    shards = [n for n in os.listdir(tmp_path) if n != "s.weights.json"]
    assert len(shards) == 1, sorted(os.listdir(tmp_path))
    fresh = toolz.pipe(keras_model_sequential(input_shape=64),
                       layer_dense(units=64), layer_dense(units=64),
                       load_model_weights(index))
    np.testing.assert_array_equal(kernel(fresh), kernel(small))


def listing_of_single(folder, name):
    return [n for n in listing(folder)
            if n == name or n.startswith(name + os.sep)]


# --------------------------------------------------------------------------
# str, pathlib.Path and ~

def test_str_and_path_are_both_accepted(tmp_path):
    model = tiny_model()
    for make in (str, pathlib.Path):
        sub = tmp_path / make.__name__
        sub.mkdir()
        save_model(model, make(sub / "m.keras"))
        save_model_weights(model, make(sub / "w.weights.h5"))
        save_model_config(model, make(sub / "c.json"))
        assert isinstance(load_model(make(sub / "m.keras")), keras.Model)
        load_model_weights(tiny_model(), make(sub / "w.weights.h5"))
        load_model_weights(tiny_model(), make(sub / "m.keras"))
        assert isinstance(load_model_config(make(sub / "c.json")),
                          keras.Model)
        assert sorted(os.listdir(sub)) == ["c.json", "m.keras",
                                           "w.weights.h5"]


def test_tilde_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    model = tiny_model()
    save_model(model, "~/m.keras")
    save_model_weights(model, pathlib.Path("~/w.weights.h5"))
    save_model_config(model, "~/c.json")
    assert sorted(os.listdir(tmp_path)) == ["c.json", "m.keras",
                                            "w.weights.h5"]
    assert not os.path.exists("~")
    np.testing.assert_array_equal(kernel(load_model("~/m.keras")),
                                  kernel(model))
    fresh = load_model_weights(tiny_model(), "~/w.weights.h5")
    np.testing.assert_array_equal(kernel(fresh), kernel(model))
    assert load_model_config(pathlib.Path("~/c.json")).count_params() == 11
    with pytest.raises(FileExistsError, match="overwrite=True"):
        save_model(model, "~/m.keras")


# --------------------------------------------------------------------------
# Atomic writes: a failure part way leaves the earlier file intact

def test_failed_model_save_leaves_earlier_file_intact(tmp_path, boom_model):
    path = tmp_path / "m.keras"
    change_weights(boom_model, 1.0)
    save_model(boom_model, path)
    before = listing(tmp_path)
    change_weights(boom_model, 7.0)
    Boom.fail = True
    with pytest.raises(RuntimeError, match="injected failure"):
        save_model(boom_model, path, overwrite=True)
    Boom.fail = False
    assert listing(tmp_path) == before == ["m.keras"]
    loaded = load_model(path, custom_objects=CUSTOM)
    assert (kernel(loaded) == 1.0).all()


def test_failed_weights_save_leaves_earlier_file_intact(tmp_path,
                                                        boom_model):
    path = tmp_path / "w.weights.h5"
    change_weights(boom_model, 1.0)
    save_model_weights(boom_model, path)
    change_weights(boom_model, 7.0)
    Boom.fail = True
    with pytest.raises(RuntimeError, match="injected failure"):
        save_model_weights(boom_model, path, overwrite=True)
    Boom.fail = False
    assert listing(tmp_path) == ["w.weights.h5"]
    load_model_weights(boom_model, path)
    assert all((w == 1.0).all() for w in get_weights(boom_model))


def test_failed_first_save_leaves_nothing(tmp_path, boom_model):
    Boom.fail = True
    with pytest.raises(RuntimeError, match="injected failure"):
        save_model(boom_model, tmp_path / "m.keras")
    with pytest.raises(RuntimeError, match="injected failure"):
        save_model_weights(boom_model, tmp_path / "sub" / "w.weights.h5")
    assert [n for n in listing(tmp_path) if n != "sub"] == []


def test_failed_config_save_leaves_earlier_file_intact(tmp_path,
                                                       boom_model):
    path = tmp_path / "arch.json"
    save_model_config(boom_model, path)
    before = snapshot(tmp_path)
    Boom.fail_config = True
    with pytest.raises(RuntimeError, match="injected failure"):
        save_model_config(boom_model, path, overwrite=True)
    Boom.fail_config = False
    assert snapshot(tmp_path) == before


def test_failed_directory_save_leaves_earlier_directory_intact(tmp_path,
                                                               boom_model):
    path = tmp_path / "saved"
    change_weights(boom_model, 1.0)
    save_model(boom_model, path, zipped=False)
    before = listing(tmp_path)
    change_weights(boom_model, 7.0)
    Boom.fail = True
    with pytest.raises(RuntimeError, match="injected failure"):
        save_model(boom_model, path, zipped=False, overwrite=True)
    Boom.fail = False
    assert listing(tmp_path) == before
    loaded = load_model(path, custom_objects=CUSTOM)
    assert (kernel(loaded) == 1.0).all()


def test_failed_sharded_save_leaves_earlier_set_intact(tmp_path,
                                                       boom_model):
    index = tmp_path / "s.weights.json"
    change_weights(boom_model, 1.0)
    save_model_weights(boom_model, index, max_shard_size=1)
    before = snapshot(tmp_path)
    change_weights(boom_model, 7.0)
    Boom.fail = True
    with pytest.raises(RuntimeError, match="injected failure"):
        save_model_weights(boom_model, index, max_shard_size=1,
                           overwrite=True)
    Boom.fail = False
    assert snapshot(tmp_path) == before
    load_model_weights(boom_model, index)
    assert all((w == 1.0).all() for w in get_weights(boom_model))


@pytest.mark.slow
@pytest.mark.parametrize("killed", ["m.keras", "w.weights.h5"])
def test_killed_or_disk_full_save_leaves_earlier_file_intact(tmp_path,
                                                             killed):
    """In a separate process: a model save that hits the file size limit
    (as on a full disk) raises and leaves the earlier file and no temporary
    file; then a save killed part way (os._exit inside a real layer's
    save) leaves the earlier file intact."""
    code = textwrap.dedent(f"""
        import os, resource, sys
        import numpy as np
        import keras
        import pykeras3

        class Boom(keras.layers.Layer):
            kill = False
            def build(self, input_shape):
                self.scale = self.add_weight(shape=(input_shape[-1],),
                                             initializer="ones",
                                             name="scale")
            def call(self, inputs):
                return inputs * self.scale
            def save_own_variables(self, store):
                if Boom.kill:
                    os._exit(17)
                super().save_own_variables(store)

        folder = {str(tmp_path)!r}
        model = keras.Sequential([keras.Input((3,)),
                                  keras.layers.Dense(40), Boom()])
        model.set_weights([np.full_like(w, 1.0)
                           for w in model.get_weights()])
        pykeras3.save_model(model, os.path.join(folder, "m.keras"))
        pykeras3.save_model_weights(model,
                                    os.path.join(folder, "w.weights.h5"))
        model.set_weights([np.full_like(w, 7.0)
                           for w in model.get_weights()])

        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, hard))
        try:
            pykeras3.save_model(model, os.path.join(folder, "m.keras"),
                                overwrite=True)
        except Exception as err:
            print("FAILED", type(err).__name__)
        else:
            print("SAVED")
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        print("LISTING", sorted(os.listdir(folder)))
        sys.stdout.flush()

        Boom.kill = True
        if {killed!r} == "m.keras":
            pykeras3.save_model(model, os.path.join(folder, "m.keras"),
                                overwrite=True)
        else:
            pykeras3.save_model_weights(
                model, os.path.join(folder, "w.weights.h5"), overwrite=True)
        print("NOT KILLED")
    """)
    result = run_python(code)
    out = result.stdout
    assert result.returncode == 17, out + result.stderr[-3000:]
    assert "FAILED OSError" in out, out
    assert "LISTING ['m.keras', 'w.weights.h5']" in out, out
    assert "NOT KILLED" not in out
    # after the kill, the earlier complete files are still at their paths
    loaded = load_model(tmp_path / "m.keras", custom_objects=CUSTOM)
    assert all((w == 1.0).all() for w in get_weights(loaded))
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(40),
                              Boom()])
    load_model_weights(model, tmp_path / "w.weights.h5")
    assert all((w == 1.0).all() for w in get_weights(model))


# --------------------------------------------------------------------------
# Plain Keras reads what pykeras3 writes

@pytest.mark.slow
def test_plain_keras_loads_pykeras3_files_without_pykeras3(tmp_path):
    rng = np.random.default_rng(0)
    # A Sequential model built with deferred layers and no input shape.
    x_seq = rng.random((16, 10), dtype=np.float32)
    y_seq = rng.random((16, 1), dtype=np.float32)
    seq = toolz.pipe(keras_model_sequential(),
                     layer_dense(units=4, activation="relu"),
                     layer_dropout(rate=0.1),
                     layer_batch_normalization(),
                     layer_dense(units=1),
                     compile(optimizer="adam", loss="mse"))
    fit(seq, x_seq, y_seq, epochs=1, verbose=0)

    # A functional model using every other layer function.
    image = keras_input(shape=(6, 6, 1), name="image")
    tokens = keras_input(shape=(5,), dtype="int32", name="tokens")
    series = keras_input(shape=(8, 2), name="series")
    a = toolz.pipe(image, layer_conv_2d(filters=2, kernel_size=3),
                   layer_max_pooling_2d(pool_size=2), layer_flatten())
    b = layer_global_average_pooling_2d(image)
    c = toolz.pipe(tokens, layer_embedding(input_dim=10, output_dim=3),
                   layer_lstm(units=3, return_sequences=True),
                   layer_gru(units=3))
    d = toolz.pipe(series, layer_conv_1d(filters=3, kernel_size=3),
                   layer_layer_normalization(), layer_flatten(),
                   layer_dense(units=3))
    cd = layer_add([c, d])
    e = layer_reshape(layer_dense(cd, units=4), target_shape=[2, 2])
    joined = layer_concatenate([a, b, layer_flatten(e)])
    out = layer_activation(layer_dense(joined, units=1), "sigmoid")
    func = keras_model([image, tokens, series], out, name="mix")
    func_x = [rng.random((4, 6, 6, 1), dtype=np.float32),
              rng.integers(0, 10, (4, 5)).astype("int32"),
              rng.random((4, 8, 2), dtype=np.float32)]

    save_model(seq, tmp_path / "seq.keras")
    save_model_weights(seq, tmp_path / "seq.weights.h5")
    save_model(func, tmp_path / "func.keras")
    save_model_weights(func, tmp_path / "func.weights.h5")
    save_model_config(func, tmp_path / "func.json")
    np.save(tmp_path / "x_seq.npy", x_seq)
    np.save(tmp_path / "p_seq.npy", predict(seq, x_seq, verbose=0))
    for i, part in enumerate(func_x):
        np.save(tmp_path / f"x_func{i}.npy", part)
    np.save(tmp_path / "p_func.npy", predict(func, func_x, verbose=0))

    code = textwrap.dedent(f"""
        import os, sys
        import numpy as np
        import keras
        folder = {str(tmp_path)!r}
        p = lambda name: os.path.join(folder, name)

        seq = keras.saving.load_model(p("seq.keras"))
        np.testing.assert_allclose(
            seq.predict(np.load(p("x_seq.npy")), verbose=0),
            np.load(p("p_seq.npy")), rtol=1e-5, atol=1e-6)
        assert seq.optimizer is not None and int(seq.optimizer.iterations) == 1
        twin = keras.models.clone_model(seq)
        twin.load_weights(p("seq.weights.h5"))
        np.testing.assert_allclose(
            twin.predict(np.load(p("x_seq.npy")), verbose=0),
            np.load(p("p_seq.npy")), rtol=1e-5, atol=1e-6)

        xs = [np.load(p(f"x_func{{i}}.npy")) for i in range(3)]
        func = keras.saving.load_model(p("func.keras"))
        np.testing.assert_allclose(func.predict(xs, verbose=0),
                                   np.load(p("p_func.npy")),
                                   rtol=1e-5, atol=1e-6)
        with open(p("func.json")) as f:
            rebuilt = keras.models.model_from_json(f.read())
        rebuilt.load_weights(p("func.weights.h5"))
        np.testing.assert_allclose(rebuilt.predict(xs, verbose=0),
                                   np.load(p("p_func.npy")),
                                   rtol=1e-5, atol=1e-6)
        assert not any(m.split(".")[0] == "pykeras3" for m in sys.modules)
        print("PLAIN KERAS OK")
    """)
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "PLAIN KERAS OK" in result.stdout


# ----------------------------------------------------------------------
# Loading: optimizer state, unknown classes

@pytest.mark.parametrize("name, save", [
    ("w.weights.h5", save_model_weights), ("m.keras", save_model)])
def test_load_model_weights_restores_the_optimizer_state(tmp_path, name,
                                                         save):
    import warnings

    trained = tiny_model(inputs=3)
    x = np.ones((16, 3), "float32")
    fit(trained, x, np.ones((16, 1)), epochs=2, batch_size=8, verbose=0)
    save(trained, tmp_path / name)
    fresh = tiny_model(inputs=3)   # compiled, optimizer not built yet
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # Keras warns when it skips it
        load_model_weights(fresh, tmp_path / name)
    assert int(fresh.optimizer.iterations.numpy()) == 4
    for mine, theirs in zip(fresh.optimizer.variables,
                            trained.optimizer.variables):
        np.testing.assert_array_equal(np.asarray(mine), np.asarray(theirs))


class Doubler(keras.layers.Layer):
    def call(self, x):
        return x * 2


@pytest.mark.parametrize("verb", ["load_model", "load_model_config"])
def test_an_unknown_custom_class_names_itself_and_the_fix(tmp_path, verb):
    model = toolz.pipe(pykeras3.keras_model_sequential(input_shape=2),
                       pykeras3.add_layer(Doubler()))
    save_model(model, tmp_path / "d.keras")
    save_model_config(model, tmp_path / "d.json")
    path = tmp_path / ("d.keras" if verb == "load_model" else "d.json")
    with pytest.raises(TypeError) as info:
        getattr(pykeras3, verb)(path)
    message = str(info.value)
    assert message.startswith(f"{verb}(): ")
    assert "'Doubler'" in message
    assert "custom_objects={'Doubler': Doubler}" in message
    assert "register_keras_serializable" in message
    assert "Full object config" not in message   # no config dump
    loaded = getattr(pykeras3, verb)(path, custom_objects={"Doubler": Doubler})
    assert type(loaded.layers[0]) is Doubler


def test_export_savedmodel_quiet_logs_nothing_and_never_the_staging_path(
        tmp_path, caplog):
    import logging

    model = pykeras3.layer_dense(pykeras3.keras_model_sequential(
        input_shape=3), units=1)
    with caplog.at_level(logging.INFO, logger="tensorflow"):
        pykeras3.export_savedmodel(model, tmp_path / "quiet", verbose=False)
    assert not [r for r in caplog.records if r.name == "tensorflow"]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="tensorflow"):
        pykeras3.export_savedmodel(model, tmp_path / "loud", verbose=True)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert ".pykeras3-staging" not in logged
