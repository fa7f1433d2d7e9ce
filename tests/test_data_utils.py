"""Data utilities on real files built in tmp_path (PNG images, text files,
WAV files) and real arrays, checked against NumPy or Keras."""

import hashlib
import importlib.util
import io
import json
import os
import tarfile
import wave

import keras
import numpy as np
import pytest
import tensorflow as tf

import pykeras3
from pykeras3 import (audio_dataset_from_directory, get_file,
                      image_array_save, image_dataset_from_directory,
                      image_from_array, image_load, image_smart_resize,
                      image_to_array, normalize, pad_sequences,
                      split_dataset, text_dataset_from_directory,
                      timeseries_dataset_from_array, to_categorical)

from conftest import run_offline

PIL = pytest.importorskip("PIL.Image")


def pixels(seed, shape=(6, 8, 3)):
    return np.random.default_rng(seed).integers(0, 256, shape).astype(
        "float32")


# --------------------------------------------------------------------------
# Image files and arrays

def test_image_save_and_load_round_trip(tmp_path):
    x = pixels(0)
    path = tmp_path / "a.png"
    assert image_array_save(x, path, scale=False) is x
    assert sorted(os.listdir(tmp_path)) == ["a.png"]  # no staging left
    image = image_load(path)
    assert image.size == (8, 6) and image.mode == "RGB"
    np.testing.assert_array_equal(image_to_array(image), x)
    gray = image_to_array(image_load(str(path), color_mode="grayscale"))
    assert gray.shape == (6, 8, 1)
    small = image_load(path, target_size=[3, 4], interpolation="bilinear")
    assert small.size == (4, 3)
    kept = image_load(path, target_size=(6, 3), keep_aspect_ratio=True)
    assert kept.size == (3, 6)


def test_image_array_save_formats_and_file_objects(tmp_path):
    x = pixels(1)
    image_array_save(x, tmp_path / "noext", file_format="png", scale=False)
    assert PIL.open(tmp_path / "noext").format == "PNG"
    image_array_save(x, tmp_path / "a.jpg", quality=95)
    assert PIL.open(tmp_path / "a.jpg").format == "JPEG"
    buffer = io.BytesIO()
    image_array_save(x, buffer, file_format="png", scale=False)
    np.testing.assert_array_equal(
        image_to_array(image_load(io.BytesIO(buffer.getvalue()))), x)
    with pytest.raises(ValueError, match="no extension"):
        image_array_save(x, tmp_path / "noext2")
    with pytest.raises(ValueError, match="file_format"):
        image_array_save(x, io.BytesIO())


def test_image_load_names_a_missing_file(tmp_path):
    missing = tmp_path / "nope.png"
    with pytest.raises(FileNotFoundError, match="nope.png"):
        image_load(missing)
    with pytest.raises(IsADirectoryError, match="must be a file"):
        image_load(tmp_path)
    with pytest.raises(TypeError, match="`path` must be a path"):
        image_load(3)
    image_array_save(pixels(2), tmp_path / "a.png")
    with pytest.raises(ValueError, match="target_size"):
        image_load(tmp_path / "a.png", target_size=(3,))


def test_image_to_and_from_array_match_pil(tmp_path):
    x = pixels(3)
    image = image_from_array(x, scale=False)
    np.testing.assert_array_equal(np.asarray(image), x.astype("uint8"))
    first = image_to_array(image, data_format="channels_first",
                           dtype="uint8")
    assert first.shape == (3, 6, 8) and first.dtype == np.uint8
    scaled = np.asarray(image_from_array(x / 1000.0 + 5))  # scale=True
    assert scaled.min() == 0 and scaled.max() == 255
    gray = image_from_array(np.ones((2, 3, 1)) * 7, scale=False)
    assert gray.mode == "L" and np.asarray(gray).tolist() == [[7] * 3] * 2


def test_image_smart_resize_crops_the_centre_then_resizes():
    x = np.zeros((20, 40, 1), "float32")
    x[:, 10:30] = 1.0  # the centred square is all ones
    out = keras.ops.convert_to_numpy(image_smart_resize(x, size=[10, 10]))
    assert out.shape == (10, 10, 1)
    np.testing.assert_allclose(out, 1.0)
    batch = np.random.default_rng(0).random((2, 8, 8, 3)).astype("float32")
    want = keras.ops.image.resize(batch, (4, 4), interpolation="nearest")
    got = image_smart_resize(batch, (4, 4), interpolation="nearest")
    np.testing.assert_allclose(keras.ops.convert_to_numpy(got),
                               keras.ops.convert_to_numpy(want))
    first = image_smart_resize(np.zeros((3, 20, 40)), (5, 5),
                               data_format="channels_first")
    assert tuple(first.shape) == (3, 5, 5)
    from keras.src.backend import tensorflow as tf_backend
    in_graph = tf.function(lambda t: image_smart_resize(
        t, (10, 10), backend_module=tf_backend))(tf.constant(x))
    np.testing.assert_allclose(in_graph.numpy(), 1.0)
    with pytest.raises(ValueError, match="size"):
        image_smart_resize(x, size=10)


# --------------------------------------------------------------------------
# Datasets from folders

@pytest.fixture
def pets(tmp_path):
    """pets/cat: 2 images, pets/dog: 3 images, 6x8 RGB PNGs of known
    values (image i is filled with 10 * i)."""
    values = {}
    for i, label in enumerate(["cat", "cat", "dog", "dog", "dog"]):
        folder = tmp_path / "pets" / label
        folder.mkdir(parents=True, exist_ok=True)
        image_array_save(np.full((6, 8, 3), 10.0 * i), folder / f"{i}.png",
                         scale=False)
        values[f"{label}/{i}"] = 10.0 * i
    return tmp_path / "pets"


def batches(ds):
    xs, ys = zip(*[(x.numpy(), y.numpy()) for x, y in ds])
    return np.concatenate(xs), np.concatenate(ys)


def test_image_dataset_infers_classes_from_subfolders(pets):
    ds = image_dataset_from_directory(pets, image_size=(6, 8),
                                      batch_size=2, shuffle=False,
                                      verbose=False)
    assert ds.class_names == ["cat", "dog"]
    x, y = batches(ds)
    assert x.shape == (5, 6, 8, 3) and x.dtype == np.float32
    assert y.tolist() == [0, 0, 1, 1, 1]
    assert x[:, 0, 0, 0].tolist() == [0, 10, 20, 30, 40]
    one_hot = image_dataset_from_directory(
        str(pets), label_mode="categorical", image_size=[3, 4],
        color_mode="grayscale", shuffle=False, verbose=False)
    x, y = batches(one_hot)
    assert x.shape == (5, 3, 4, 1)
    assert y.tolist() == [[1, 0], [1, 0], [0, 1], [0, 1], [0, 1]]
    dogs_first = image_dataset_from_directory(
        pets, class_names=["dog", "cat"], label_mode="binary",
        image_size=(6, 8), shuffle=False, verbose=False)
    x, y = batches(dogs_first)  # class by class, in the order given
    assert y.ravel().tolist() == [0, 0, 0, 1, 1]
    assert x[:, 0, 0, 0].tolist() == [20, 30, 40, 0, 10]


def test_image_dataset_labels_split_and_checks(pets, tmp_path, capsys):
    ds = image_dataset_from_directory(pets, labels=np.array([4, 3, 2, 1, 0]),
                                      image_size=(6, 8), shuffle=False)
    assert "Found 5 files" in capsys.readouterr().out  # verbose=True
    assert batches(ds)[1].tolist() == [4, 3, 2, 1, 0]
    unlabelled = image_dataset_from_directory(
        pets, labels=None, image_size=(6, 8), verbose=False)
    assert next(iter(unlabelled)).shape == (5, 6, 8, 3)
    train, val = image_dataset_from_directory(
        pets, image_size=(6, 8), validation_split=0.4, subset="both",
        seed=1, verbose=False)
    assert len(batches(train)[1]) == 3 and len(batches(val)[1]) == 2
    seen = sorted(batches(train)[0][:, 0, 0, 0].tolist() +
                  batches(val)[0][:, 0, 0, 0].tolist())
    assert seen == [0, 10, 20, 30, 40]
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        image_dataset_from_directory(tmp_path / "no_such_folder")
    with pytest.raises(NotADirectoryError, match="must be a folder"):
        image_dataset_from_directory(pets / "cat" / "0.png")
    with pytest.raises(TypeError, match="labels"):
        image_dataset_from_directory(pets, labels=3)
    with pytest.raises(ValueError, match="batch_size"):
        image_dataset_from_directory(pets, batch_size=0)


def test_text_dataset_reads_txt_files(tmp_path):
    texts = {"neg": ["dull", "too long"], "pos": ["great fun"]}
    for label, items in texts.items():
        (tmp_path / "reviews" / label).mkdir(parents=True)
        for i, text in enumerate(items):
            (tmp_path / "reviews" / label / f"{i}.txt").write_text(text)
    (tmp_path / "reviews" / "pos" / "notes.md").write_text("ignored")
    ds = text_dataset_from_directory(tmp_path / "reviews", shuffle=False,
                                     verbose=False)
    x, y = batches(ds)
    assert x.tolist() == [b"dull", b"too long", b"great fun"]
    assert y.tolist() == [0, 0, 1]
    cut = text_dataset_from_directory(tmp_path / "reviews", max_length=4,
                                      class_names=["pos", "neg"],
                                      shuffle=False, verbose=False)
    x, y = batches(cut)
    assert x.tolist() == [b"grea", b"dull", b"too "]
    assert y.tolist() == [0, 1, 1]
    shuffled = text_dataset_from_directory(tmp_path / "reviews", seed=3,
                                           verbose=False)
    assert sorted(batches(shuffled)[0].tolist()) == sorted(
        [b"dull", b"too long", b"great fun"])
    with pytest.raises(FileNotFoundError, match="nothing_here"):
        text_dataset_from_directory(tmp_path / "nothing_here")


def write_wav(path, samples, rate=8000):
    """A mono 16-bit WAV file of int16 `samples`."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.asarray(samples, "<i2").tobytes())


def test_audio_dataset_reads_wav_files(tmp_path):
    clips = {"no": [[1000, -1000, 2000]], "yes": [[16384] * 5, [-8192]]}
    for label, items in clips.items():
        (tmp_path / "words" / label).mkdir(parents=True)
        for i, samples in enumerate(items):
            write_wav(tmp_path / "words" / label / f"{i}.wav", samples)
    ds = audio_dataset_from_directory(tmp_path / "words", shuffle=False,
                                      verbose=False)
    x, y = batches(ds)
    assert x.shape == (3, 5, 1) and x.dtype == np.float32
    assert y.tolist() == [0, 1, 1]
    np.testing.assert_allclose(x[0, :, 0],
                               np.array([1000, -1000, 2000, 0, 0]) / 32768)
    np.testing.assert_allclose(x[1, :, 0], 0.5)
    fixed = audio_dataset_from_directory(
        tmp_path / "words", output_sequence_length=2,
        label_mode="categorical", shuffle=False, verbose=False)
    x, y = batches(fixed)
    assert x.shape == (3, 2, 1) and y.tolist() == [[1, 0], [0, 1], [0, 1]]
    ragged = audio_dataset_from_directory(tmp_path / "words", ragged=True,
                                          shuffle=False, verbose=False)
    clips_batch, _ = next(iter(ragged))
    assert isinstance(clips_batch, tf.RaggedTensor)
    assert [len(c) for c in clips_batch.to_list()] == [3, 5, 1]
    with pytest.raises(FileNotFoundError, match="no_words"):
        audio_dataset_from_directory(tmp_path / "no_words")
    if importlib.util.find_spec("tensorflow_io") is None:
        with pytest.raises(ImportError, match="tensorflow-io"):
            audio_dataset_from_directory(tmp_path / "words",
                                         sampling_rate=16000)


# --------------------------------------------------------------------------
# Arrays and datasets

def test_timeseries_windows_match_numpy():
    data = np.arange(30).reshape(15, 2)
    targets = np.arange(100, 115)
    ds = timeseries_dataset_from_array(
        data, targets, sequence_length=3, sequence_stride=2,
        sampling_rate=2, batch_size=4, start_index=1, end_index=13)
    x, y = batches(ds)
    starts = list(range(1, 13 - (3 - 1) * 2, 2))  # windows end before 13
    want = np.stack([data[s:s + 5:2] for s in starts])
    np.testing.assert_array_equal(x, want)
    assert y.tolist() == [100 + s for s in starts]
    windows = timeseries_dataset_from_array(data, None, 4, batch_size=None)
    first = next(iter(windows)).numpy()
    np.testing.assert_array_equal(first, data[:4])
    shuffled = timeseries_dataset_from_array(data, targets, 3, shuffle=True,
                                             seed=2)
    assert sorted(batches(shuffled)[1].tolist()) == list(range(100, 113))
    with pytest.raises(ValueError, match="sequence_length"):
        timeseries_dataset_from_array(data, targets, sequence_length=0)


def test_split_dataset_sizes_and_contents():
    x = np.arange(20)
    left, right = split_dataset(x, left_size=0.75)
    left, right = [e.numpy() for e in left], [e.numpy() for e in right]
    assert left == list(range(15)) and right == list(range(15, 20))
    a, b = split_dataset((x, x * 10), right_size=np.int64(4), shuffle=True,
                         seed=1)
    pairs = [(p.numpy(), q.numpy()) for p, q in a]
    assert len(pairs) == 16 and all(q == 10 * p for p, q in pairs)
    assert len(list(b)) == 4
    assert sorted(p for p, _ in pairs) != list(range(16))  # shuffled
    with pytest.raises(TypeError, match="left_size"):
        split_dataset(x, left_size="half")


def test_pad_sequences_matches_numpy():
    seqs = [[1, 2, 3, 4], [5], [6, 7]]
    got = pad_sequences(seqs)
    want = np.zeros((3, 4), "int32")
    for i, s in enumerate(seqs):
        want[i, 4 - len(s):] = s
    np.testing.assert_array_equal(got, want)
    assert got.dtype == np.int32
    post = pad_sequences(seqs, maxlen=3, padding="post", truncating="post",
                         value=-1)
    assert post.tolist() == [[1, 2, 3], [5, -1, -1], [6, 7, -1]]
    assert pad_sequences(seqs, maxlen=2).tolist() == [[3, 4], [0, 5], [6, 7]]
    floats = pad_sequences([[0.5]], maxlen=2, dtype="float32")
    assert floats.tolist() == [[0.0, 0.5]]
    with pytest.raises(ValueError, match="'pre' or 'post'"):
        pad_sequences(seqs, padding="after")


def test_to_categorical_takes_0_based_labels():
    y = np.array([0, 2, 1, 2])
    np.testing.assert_array_equal(to_categorical(y), np.eye(3)[y])
    np.testing.assert_array_equal(to_categorical(y.reshape(4, 1), 5),
                                  np.eye(5)[y])
    assert to_categorical([[0, 1], [1, 1]]).shape == (2, 2, 2)
    assert to_categorical(np.array([1.0, 0.0])).tolist() == [[0, 1], [1, 0]]
    tensor = to_categorical(tf.constant([1, 0]), num_classes=2)
    assert keras.ops.is_tensor(tensor)
    with pytest.raises(ValueError, match="0-based"):
        to_categorical([1, 2, 3], num_classes=3)  # R's 1-based labels
    with pytest.raises(ValueError, match="from -1 to 1"):
        to_categorical([-1, 0, 1])
    with pytest.raises(ValueError, match="whole-number"):
        to_categorical([0.5, 1.0])
    with pytest.raises(ValueError, match="num_classes"):
        to_categorical([0], num_classes=0)


def test_normalize_matches_numpy():
    x = np.random.default_rng(0).normal(size=(4, 3))
    np.testing.assert_allclose(
        normalize(x), x / np.linalg.norm(x, axis=1, keepdims=True))
    np.testing.assert_allclose(
        normalize(x, axis=0, order=1),
        x / np.abs(x).sum(axis=0, keepdims=True))
    np.testing.assert_allclose(normalize(np.zeros((1, 2))), 0.0)
    np.testing.assert_allclose(  # a tensor: the same result
        keras.ops.convert_to_numpy(normalize(tf.constant(x), axis=0)),
        x / np.linalg.norm(x, axis=0, keepdims=True))
    with pytest.raises(ValueError, match="must be in"):
        normalize(x, axis=2)
    with pytest.raises(ValueError, match="axis"):
        normalize(x, axis=0.5)


# --------------------------------------------------------------------------
# get_file

def test_get_file_downloads_into_the_cache_once(tmp_path, monkeypatch):
    source = tmp_path / "source.txt"
    source.write_text("v1")
    home = tmp_path / "home"
    monkeypatch.setenv("KERAS_HOME", str(home))  # read at the call
    path = get_file(origin=source.as_uri())
    assert path == str(home / "datasets" / "source.txt")
    source.write_text("v2")
    assert open(get_file(origin=source.as_uri())).read() == "v1"
    forced = get_file(origin=source.as_uri(), force_download=True)
    assert open(forced).read() == "v2"
    named = get_file("copy.txt", source.as_uri(),
                     cache_dir=tmp_path / "other", cache_subdir="sub")
    assert named == str(tmp_path / "other" / "sub" / "copy.txt")


def test_get_file_checks_hashes_and_extracts(tmp_path):
    source = tmp_path / "data.json"
    source.write_text(json.dumps([1, 2]))
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    path = get_file(origin=source.as_uri(), file_hash=digest,
                    cache_dir=tmp_path / "c")
    assert json.load(open(path)) == [1, 2]
    with pytest.raises(ValueError, match="hash"):
        get_file("bad.json", source.as_uri(), file_hash="0" * 64,
                 cache_dir=tmp_path / "c")
    archive = tmp_path / "pack.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(source, arcname="inner/data.json")
    folder = get_file("pack", archive.as_uri(), extract=True,
                      cache_dir=tmp_path / "c")
    assert folder == str(tmp_path / "c" / "datasets" / "pack")
    assert json.load(open(os.path.join(folder, "inner", "data.json"))) == \
        [1, 2]


def test_get_file_checks_arguments_and_explains_failures(tmp_path):
    with pytest.raises(TypeError, match="origin"):
        get_file("a.txt")
    with pytest.raises(ValueError, match="without folders"):
        get_file("sub/a.txt", "file:///nothing")
    missing = (tmp_path / "gone.txt").as_uri()
    with pytest.raises(Exception, match="could not download") as info:
        get_file(origin=missing, cache_dir=tmp_path / "c")
    message = str(info.value)
    assert str(tmp_path / "c" / "datasets" / "gone.txt") in message
    assert "`cache_dir`" in message and missing in message
    assert type(info.value) is type(info.value.__cause__)


OFFLINE = """
import sys
sys.modules["PIL"] = None  # as if Pillow were not installed
import json, numpy as np, pykeras3
results = {}
for name, call in [
        ("image_load", lambda: pykeras3.image_load("a.png")),
        ("image_from_array", lambda: pykeras3.image_from_array(
            np.zeros((2, 2, 3)))),
        ("image_array_save", lambda: pykeras3.image_array_save(
            np.zeros((2, 2, 3)), "a.png")),
        ("get_file", lambda: pykeras3.get_file(
            origin="https://example.com/data/table.csv"))]:
    try:
        call()
        results[name] = ["no error", "", ""]
    except Exception as err:
        results[name] = [type(err).__name__, str(err),
                         type(err.__cause__).__name__]
print("RESULTS" + json.dumps(results))
"""


@pytest.mark.slow
def test_without_pillow_or_network_the_errors_say_what_to_do(tmp_path):
    results, home = run_offline(OFFLINE, tmp_path)
    for name in ("image_load", "image_from_array", "image_array_save"):
        kind, message, _ = results[name]
        assert kind in ("ImportError", "ModuleNotFoundError"), message
        assert message.startswith(f"{name}()")
        assert "pip install pillow" in message
    assert not (tmp_path / "a.png").exists()
    kind, message, cause = results["get_file"]
    assert (kind, cause) == ("Exception", "Exception"), message
    assert "https://example.com/data/table.csv" in message
    assert str(home / "datasets" / "table.csv") in message
    assert "KERAS_HOME" in message and "URL fetch failure" in message


@pytest.mark.introspection
def test_every_data_utility_is_tested():
    source = open(__file__, encoding="utf-8").read()
    for name in pykeras3.FAMILIES["data utilities"]:
        assert f"{name}(" in source, name
