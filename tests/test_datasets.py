"""The dataset_*() functions, on small files of the real formats planted in
a temporary Keras cache (no network), and their error without network."""

import gzip
import json
import os
import pathlib
import pickle
import struct
import tarfile

import keras
import numpy as np
import pytest

import pykeras3
from pykeras3 import (dataset_boston_housing, dataset_california_housing,
                      dataset_cifar10, dataset_cifar100,
                      dataset_fashion_mnist, dataset_imdb,
                      dataset_imdb_word_index, dataset_mnist,
                      dataset_reuters, dataset_reuters_word_index)
from pykeras3 import _download

from conftest import run_offline


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty Keras cache: KERAS_HOME, set after Keras was imported (as
    pykeras3 reads it at each call); returns its `datasets` folder."""
    home = tmp_path / "keras_home"
    monkeypatch.setenv("KERAS_HOME", str(home))
    folder = home / "datasets"
    folder.mkdir(parents=True)
    return folder


def ragged(seqs):
    """A 1-D object array of lists of Python ints (as in imdb.npz)."""
    out = np.empty(len(seqs), dtype=object)
    for i, s in enumerate(seqs):
        out[i] = list(s)
    return out


def assert_structure(ds):
    assert set(ds) == {"train", "test"}
    for part in ds.values():
        assert set(part) == {"x", "y"}
        assert all(isinstance(v, np.ndarray) for v in part.values())
        assert len(part["x"]) == len(part["y"])


def permutation(seed, n):
    order = np.arange(n)
    np.random.RandomState(seed).shuffle(order)
    return order


# --------------------------------------------------------------------------
# Images

def test_mnist_reads_the_cached_file(cache):
    rng = np.random.default_rng(0)
    arrays = dict(x_train=rng.integers(0, 256, (5, 28, 28), dtype=np.uint8),
                  y_train=np.array([5, 0, 4, 1, 9], np.uint8),
                  x_test=rng.integers(0, 256, (2, 28, 28), dtype=np.uint8),
                  y_test=np.array([7, 2], np.uint8))
    np.savez(cache / "mnist.npz", **arrays)
    ds = dataset_mnist()
    assert_structure(ds)
    for part in ("train", "test"):
        for key in ("x", "y"):
            got, want = ds[part][key], arrays[f"{key}_{part}"]
            assert got.dtype == np.uint8 and got.shape == want.shape
            np.testing.assert_array_equal(got, want)


def test_mnist_path_and_cache_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("KERAS_HOME", raising=False)
    folder = tmp_path / "elsewhere" / "datasets"
    folder.mkdir(parents=True)
    zeros = np.zeros((1, 28, 28), np.uint8)
    np.savez(folder / "digits.npz", x_train=zeros, y_train=[1],
             x_test=zeros, y_test=[2])
    ds = dataset_mnist("digits.npz",
                       cache_dir=pathlib.Path(tmp_path / "elsewhere"))
    assert ds["test"]["y"].tolist() == [2]
    with pytest.raises(ValueError, match="without folders"):
        dataset_mnist(path=str(folder / "digits.npz"))


def test_a_damaged_file_names_itself_and_how_to_recover(cache):
    (cache / "mnist.npz").write_bytes(b"not a zip file")
    with pytest.raises(Exception, match="delete it") as info:
        dataset_mnist()
    assert str(cache / "mnist.npz") in str(info.value)
    np.savez(cache / "mnist.npz", x_train=np.zeros(1))
    with pytest.raises(ValueError, match="no arrays named"):
        dataset_mnist()


def write_idx(path, array):
    """A gzipped IDX file: magic (0x08 = ubyte, then the number of axes),
    the sizes, the bytes."""
    header = struct.pack(">I", 0x0800 + array.ndim) + struct.pack(
        ">" + "I" * array.ndim, *array.shape)
    with gzip.open(path, "wb") as f:
        f.write(header + array.astype(np.uint8).tobytes())


def test_fashion_mnist_reads_the_four_idx_files(cache):
    folder = cache / "fashion-mnist"
    folder.mkdir()
    rng = np.random.default_rng(1)
    x = {"train": rng.integers(0, 256, (3, 28, 28)),
         "t10k": rng.integers(0, 256, (2, 28, 28))}
    y = {"train": np.array([9, 0, 3]), "t10k": np.array([8, 1])}
    for part in ("train", "t10k"):
        write_idx(folder / f"{part}-images-idx3-ubyte.gz", x[part])
        write_idx(folder / f"{part}-labels-idx1-ubyte.gz", y[part])
    ds = dataset_fashion_mnist()
    assert_structure(ds)
    assert ds["train"]["x"].shape == (3, 28, 28)
    assert ds["train"]["x"].dtype == ds["test"]["y"].dtype == np.uint8
    np.testing.assert_array_equal(ds["train"]["x"], x["train"])
    np.testing.assert_array_equal(ds["test"]["x"], x["t10k"])
    assert ds["train"]["y"].tolist() == [9, 0, 3]
    assert ds["test"]["y"].tolist() == [8, 1]


def write_cifar(folder, batches):
    """CIFAR batch files: pickled dicts with bytes keys."""
    folder.mkdir(parents=True)
    for name, batch in batches.items():
        with open(folder / name, "wb") as f:
            pickle.dump({k.encode(): v for k, v in batch.items()}, f,
                        protocol=2 if name == "test_batch" else 4)


def test_cifar10_concatenates_the_batches_channels_last(cache):
    rng = np.random.default_rng(2)
    data = {name: rng.integers(0, 256, (2, 3072), dtype=np.uint8)
            for name in [f"data_batch_{i}" for i in range(1, 6)] +
            ["test_batch"]}
    labels = {name: [i, 9 - i] for i, name in enumerate(data)}
    write_cifar(cache / "cifar-10-batches-py-target" / "cifar-10-batches-py",
                {n: {"data": data[n], "labels": labels[n]} for n in data})
    ds = dataset_cifar10()
    assert_structure(ds)
    x, y = ds["train"]["x"], ds["train"]["y"]
    assert x.shape == (10, 32, 32, 3) and x.dtype == np.uint8
    assert y.shape == (10, 1) and y.dtype == np.uint8
    assert y.ravel().tolist() == [0, 9, 1, 8, 2, 7, 3, 6, 4, 5]
    # A row is 1024 red, 1024 green, 1024 blue values, row-major.
    first = data["data_batch_1"][0]
    assert x[0, 3, 5, 2] == first[2 * 1024 + 3 * 32 + 5]
    np.testing.assert_array_equal(
        ds["test"]["x"][1], data["test_batch"][1].reshape(3, 32, 32)
        .transpose(1, 2, 0))
    assert ds["test"]["y"].ravel().tolist() == [5, 4]


def test_cifar_follows_the_channels_first_setting(cache):
    batch = {"data": np.arange(2 * 3072).astype(np.uint8).reshape(2, 3072),
             "fine_labels": [1, 2], "coarse_labels": [0, 0]}
    write_cifar(cache / "cifar-100-python-target" / "cifar-100-python",
                {"train": batch, "test": batch})
    keras.config.set_image_data_format("channels_first")
    try:
        ds = dataset_cifar100()
    finally:
        keras.config.set_image_data_format("channels_last")
    assert ds["train"]["x"].shape == (2, 3, 32, 32)
    np.testing.assert_array_equal(ds["train"]["x"].reshape(2, 3072),
                                  batch["data"])


def test_cifar100_label_modes(cache):
    rng = np.random.default_rng(3)
    train = {"data": rng.integers(0, 256, (3, 3072), dtype=np.uint8),
             "fine_labels": [42, 0, 99], "coarse_labels": [8, 0, 19]}
    test = {"data": rng.integers(0, 256, (1, 3072), dtype=np.uint8),
            "fine_labels": [7], "coarse_labels": [3]}
    write_cifar(cache / "cifar-100-python-target" / "cifar-100-python",
                {"train": train, "test": test})
    fine = dataset_cifar100()
    assert_structure(fine)
    assert fine["train"]["x"].shape == (3, 32, 32, 3)
    assert fine["train"]["y"].shape == (3, 1)
    assert fine["train"]["y"].ravel().tolist() == [42, 0, 99]
    coarse = dataset_cifar100(label_mode="coarse")
    assert coarse["train"]["y"].ravel().tolist() == [8, 0, 19]
    assert coarse["test"]["y"].ravel().tolist() == [3]
    with pytest.raises(ValueError, match="'fine' or 'coarse'"):
        dataset_cifar100(label_mode="medium")


def test_cifar_names_a_missing_batch_file(cache):
    write_cifar(cache / "cifar-10-batches-py-target" / "cifar-10-batches-py",
                {"data_batch_1": {"data": np.zeros((1, 3072), np.uint8),
                                  "labels": [0]}})
    with pytest.raises(FileNotFoundError, match="data_batch_2"):
        dataset_cifar10()


# --------------------------------------------------------------------------
# Word sequences

@pytest.fixture
def imdb(cache):
    """Six training and four test reviews (word ranks), labels 0/1."""
    x_train = [[1, 2, 3], [4, 5], [6], [7, 8, 9, 10], [11, 12], [2, 2]]
    x_test = [[3, 1], [5, 5, 5], [20], [1, 2, 3, 4, 5]]
    np.savez(cache / "imdb.npz", x_train=ragged(x_train),
             y_train=np.array([1, 0, 1, 0, 1, 0]), x_test=ragged(x_test),
             y_test=np.array([0, 1, 0, 1]))
    return x_train, x_test


def test_imdb_shuffles_each_set_with_the_seed(imdb):
    x_train, x_test = imdb
    ds = dataset_imdb()
    assert_structure(ds)
    assert ds["train"]["x"].dtype == object and ds["train"]["x"].ndim == 1
    rng = np.random.RandomState(113)  # one generator, train then test
    train_order = np.arange(6)
    rng.shuffle(train_order)
    test_order = np.arange(4)
    rng.shuffle(test_order)
    assert ds["train"]["y"].tolist() == [[1, 0, 1, 0, 1, 0][i]
                                         for i in train_order]
    # start_char 1, each rank + index_from 3; no num_words: the largest id
    # (20 + 3) is treated as rare (oov_char 2), as in Keras.
    want = [[1] + [w + 3 for w in x_train[i]] for i in train_order]
    assert ds["train"]["x"].tolist() == want
    test_want = [[1] + [w + 3 if w + 3 < 23 else 2 for w in x_test[i]]
                 for i in test_order]
    assert ds["test"]["x"].tolist() == test_want
    other = dataset_imdb(seed=7)
    assert sorted(map(tuple, other["train"]["x"])) == sorted(map(tuple, want))


def test_imdb_vocabulary_options(imdb):
    ds = dataset_imdb(num_words=8, skip_top=5, start_char=None,
                      index_from=0)
    words = [w for seq in ds["train"]["x"] for w in seq]
    # Ids below skip_top 5 or from num_words 8 on become oov_char 2.
    assert set(words) <= {2, 5, 6, 7}
    assert sorted(map(len, ds["train"]["x"])) == [1, 2, 2, 2, 3, 4]
    dropped = dataset_imdb(num_words=8, skip_top=5, start_char=None,
                           index_from=0, oov_char=None)
    assert sorted(map(sorted, dropped["train"]["x"])) == [
        [], [], [], [5], [6], [7]]


def test_imdb_maxlen_drops_long_reviews(imdb):
    ds = dataset_imdb(maxlen=3)  # start char + 1 word only
    assert sorted(ds["train"]["x"].tolist()) == [[1, 9]]
    assert ds["train"]["y"].tolist() == [1]
    assert ds["test"]["x"].tolist() == [[1, 2]]  # 23, the largest: rare
    with pytest.raises(ValueError, match="increase `maxlen`"):
        dataset_imdb(maxlen=2)


def test_imdb_checks_its_arguments_before_reading(cache):
    with pytest.raises(ValueError, match="num_words"):
        dataset_imdb(num_words=0)
    with pytest.raises(TypeError, match="seed"):
        dataset_imdb(seed="113")
    with pytest.raises(ValueError, match="skip_top"):
        dataset_imdb(skip_top=-1)


def test_word_sequences_refuse_a_pickle_that_runs_code(cache, tmp_path):
    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'ran'}",))

    x = np.empty(1, dtype=object)
    x[0] = Payload()
    np.savez(cache / "imdb.npz", x_train=x, y_train=[0], x_test=x,
             y_test=[0])
    with pytest.raises(pickle.UnpicklingError, match="system"):
        dataset_imdb()
    assert not (tmp_path / "ran").exists()


def test_reuters_shuffles_then_splits(cache):
    xs = [[i + 1] * (1 + i % 3) for i in range(10)]
    np.savez(cache / "reuters.npz", x=ragged(xs), y=np.arange(10))
    ds = dataset_reuters(test_split=0.3, seed=5)
    assert_structure(ds)
    order = permutation(5, 10)
    assert ds["train"]["y"].tolist() == order[:7].tolist()
    assert ds["test"]["y"].tolist() == order[7:].tolist()
    # start_char 1, ranks + 3; without num_words the largest id (13) is
    # itself rare (oov_char 2), as in Keras.
    assert ds["train"]["x"].tolist() == [
        [1] + [w + 3 if w + 3 < 13 else 2 for w in xs[i]]
        for i in order[:7]]
    short = dataset_reuters(maxlen=3, test_split=0.0)
    assert len(short["test"]["x"]) == 0
    assert all(len(s) < 3 for s in short["train"]["x"])
    assert len(short["train"]["x"]) == sum(1 + len(s) < 3 for s in xs)
    limited = dataset_reuters(num_words=6)
    words = {w for part in limited.values() for s in part["x"] for w in s}
    assert max(words) < 6
    for bad in (1, -0.1, "0.2"):
        with pytest.raises(ValueError, match="test_split"):
            dataset_reuters(test_split=bad)


def test_word_indexes_are_dicts(cache):
    with open(cache / "imdb_word_index.json", "w") as f:
        json.dump({"the": 1, "movie": 17}, f)
    with open(cache / "reuters_word_index.json", "w") as f:
        json.dump({"the": 1, "said": 3}, f)
    assert dataset_imdb_word_index() == {"the": 1, "movie": 17}
    assert dataset_reuters_word_index()["said"] == 3


# --------------------------------------------------------------------------
# Regression

def test_boston_housing_shuffles_then_splits(cache):
    x = np.arange(20 * 13, dtype=np.float64).reshape(20, 13)
    y = np.arange(20, dtype=np.float64)
    np.savez(cache / "boston_housing.npz", x=x, y=y)
    ds = dataset_boston_housing()
    assert_structure(ds)
    order = permutation(113, 20)
    np.testing.assert_array_equal(ds["train"]["x"], x[order[:16]])
    np.testing.assert_array_equal(ds["test"]["y"], y[order[16:]])
    assert ds["train"]["x"].dtype == np.float64
    half = dataset_boston_housing(test_split=0.5, seed=1)
    assert half["test"]["y"].tolist() == y[permutation(1, 20)[10:]].tolist()
    assert len(dataset_boston_housing(test_split=0)["test"]["x"]) == 0
    with pytest.raises(ValueError, match="test_split"):
        dataset_boston_housing(test_split=1.0)


def test_california_housing_versions(cache):
    x = np.random.default_rng(4).random((700, 8)).astype(np.float32)
    y = np.arange(700, dtype=np.float32)
    np.savez(cache / "california_housing.npz", x=x, y=y)
    large = dataset_california_housing()
    assert_structure(large)
    assert len(large["train"]["x"]) == 560 and len(large["test"]["x"]) == 140
    assert large["train"]["x"].dtype == np.float32
    small = dataset_california_housing(version="small", test_split=0.25)
    assert len(small["train"]["x"]) == 450 and len(small["test"]["x"]) == 150
    both = np.concatenate([small["train"]["y"], small["test"]["y"]])
    assert sorted(both.tolist()) == list(range(600))  # the first 600
    order = permutation(113, 600)
    np.testing.assert_array_equal(small["train"]["x"], x[order[:450]])
    with pytest.raises(ValueError, match="'large' or 'small'"):
        dataset_california_housing(version="medium")


# --------------------------------------------------------------------------
# Downloads

def test_fetch_downloads_once_then_uses_the_cached_file(tmp_path):
    source = tmp_path / "data.txt"
    source.write_text("original")
    url = source.as_uri()
    import hashlib
    digest = hashlib.sha256(b"original").hexdigest()
    path = _download.fetch("f", "data.txt", url, cache_dir=tmp_path / "c",
                           file_hash=digest)
    assert path == str(tmp_path / "c" / "datasets" / "data.txt")
    assert open(path).read() == "original"
    with open(path, "w") as f:
        f.write("copied by hand")  # no longer matches the hash
    source.unlink()  # and the origin is gone
    again = _download.fetch("f", "data.txt", url, cache_dir=tmp_path / "c",
                            file_hash=digest)
    assert open(again).read() == "copied by hand"


def test_fetch_unpacks_an_archive_as_for_cifar(tmp_path):
    inner = tmp_path / "src" / "batches"
    inner.mkdir(parents=True)
    (inner / "test_batch").write_text("x")
    archive = tmp_path / "batches.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(inner, arcname="batches")
    folder = _download.fetch("f", "batches-target", archive.as_uri(),
                             cache_dir=tmp_path / "c", unpacked="...")
    assert folder == str(tmp_path / "c" / "datasets" / "batches-target")
    assert open(os.path.join(folder, "batches", "test_batch")).read() == "x"


OFFLINE = """
import json, os, pykeras3
results = {}
for name in sorted(pykeras3.FAMILIES["datasets"]):
    try:
        getattr(pykeras3, name)()
        results[name] = ["no error", "", ""]
    except Exception as err:
        results[name] = [type(err).__name__, str(err),
                         type(err.__cause__).__name__]
print("RESULTS" + json.dumps(results))
"""

FILES = {
    "dataset_mnist": ("mnist.npz", "tf-keras-datasets/mnist.npz"),
    "dataset_fashion_mnist": (os.path.join("fashion-mnist",
                                           "train-labels-idx1-ubyte.gz"),
                              "tf-keras-datasets/train-labels-idx1-ubyte.gz"),
    "dataset_cifar10": ("cifar-10-batches-py-target_archive",
                        "~kriz/cifar-10-python.tar.gz"),
    "dataset_cifar100": ("cifar-100-python-target_archive",
                         "~kriz/cifar-100-python.tar.gz"),
    "dataset_imdb": ("imdb.npz", "tf-keras-datasets/imdb.npz"),
    "dataset_imdb_word_index": ("imdb_word_index.json",
                                "tf-keras-datasets/imdb_word_index.json"),
    "dataset_reuters": ("reuters.npz", "tf-keras-datasets/reuters.npz"),
    "dataset_reuters_word_index": (
        "reuters_word_index.json",
        "tf-keras-datasets/reuters_word_index.json"),
    "dataset_boston_housing": ("boston_housing.npz",
                               "tf-keras-datasets/boston_housing.npz"),
    "dataset_california_housing": (
        "california_housing.npz",
        "tf-keras-datasets/california_housing.npz"),
}


@pytest.mark.slow
def test_without_network_the_error_says_where_to_put_the_file(tmp_path):
    """Real download attempts, through a proxy on a closed local port, in
    a fresh process with an empty cache."""
    results, home = run_offline(OFFLINE, tmp_path)
    assert set(results) == set(FILES)
    folder = str(home / "datasets")
    for name, (file, url) in FILES.items():
        kind, message, cause = results[name]
        # Keras raises a plain Exception for a failed fetch: kept, chained.
        assert (kind, cause) == ("Exception", "Exception"), (name, message)
        assert message.startswith(f"{name}(): could not download https://")
        assert url in message, message
        where, base = os.path.split(os.path.join(folder, file))
        assert where in message and base in message, message
        if name != "dataset_fashion_mnist":  # names its folder only
            assert os.path.join(folder, file) in message, message
        assert "KERAS_HOME" in message and "copy" in message
        assert "URL fetch failure" in message  # Keras's own words
    assert "train-images-idx3-ubyte.gz" in results["dataset_fashion_mnist"][1]
    assert os.path.join(folder, "cifar-10-batches-py-target") + "'" in \
        results["dataset_cifar10"][1]  # or unpack it there
    leftovers = [p for p in (home / "datasets").rglob("*") if p.is_file()]
    assert not leftovers


# --------------------------------------------------------------------------
# Every function of the family has a test

@pytest.mark.introspection
def test_every_dataset_function_is_tested():
    names = set(pykeras3.FAMILIES["datasets"])
    assert names == set(FILES)
    source = open(__file__, encoding="utf-8").read()
    for name in names:
        assert f"{name}(" in source, name
