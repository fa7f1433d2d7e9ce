"""Keras's built-in datasets, as keras3 returns them: nested dicts
`ds["train"]["x"]`, `ds["train"]["y"]`, `ds["test"]["x"]`,
`ds["test"]["y"]` of NumPy arrays.

Written by hand: pykeras3 downloads each file through Keras
(`keras.utils.get_file`, which checks its hash after the download) but
reads it itself.  Keras would check a file already in its cache against
its hash and download it again on a mismatch; here a file in the cache is
used as it is, so a file copied there by hand (on a machine without
network) is always used.  The reading follows Keras's loaders: the same
arrays, dtypes, shuffles and filters.

Without network, the error says which file is missing, where Keras looks
for it, the URL to fetch it from on another machine and where to copy it.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import struct
import zipfile

import keras
import numpy as np

from ._args import as_int
from ._download import fetch, file_name, folder_arg, same_type
from ._registry import export

_STORAGE = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_CIFAR = "https://www.cs.toronto.edu/~kriz/"

# Keras's sha256 (md5 for the word indexes) of each file it downloads:
# get_file() checks the download against it.
_HASHES = {
    "mnist.npz":
        "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1",
    "imdb.npz":
        "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f",
    "imdb_word_index.json": "bfafd718b763782e994055a2d397834f",
    "reuters.npz":
        "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916",
    "reuters_word_index.json": "4d44cc38712099c9e383dc6e5f11a921",
    "boston_housing.npz":
        "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5",
    "california_housing.npz":
        "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f",
    "cifar-10-python.tar.gz":
        "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
    "cifar-100-python.tar.gz":
        "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7",
}


def _train_test(x_train, y_train, x_test, y_test):
    return {"train": {"x": x_train, "y": y_train},
            "test": {"x": x_test, "y": y_test}}


def _storage_file(fn, path, original, cache_dir):
    """The cached file `path` (a file name), downloaded from Keras's
    storage (its file `original`) when missing."""
    return fetch(fn, file_name(fn, path), _STORAGE + original,
                 cache_dir=folder_arg(fn, cache_dir),
                 file_hash=_HASHES[original])


# --------------------------------------------------------------------------
# Reading the files

class _ArraysOnly(pickle.Unpickler):
    """Unpickles NumPy arrays, lists, dicts, strings and numbers, and
    nothing else: unpickling a file that names other classes or functions
    could run code, so such a file is refused."""

    # _codecs.encode: how Python 3 writes bytes in pickle protocol 2.
    _ALLOWED = {("numpy", "ndarray"), ("numpy", "dtype"),
                ("_codecs", "encode")} | {
        (f"numpy.{core}.{module}", name)
        for core in ("core", "_core")
        for module, name in (("multiarray", "_reconstruct"),
                             ("numeric", "_frombuffer"))}

    def find_class(self, module, name):
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(
                f"a dataset file should hold only arrays and plain values, "
                f"but this one refers to {module}.{name}")
        return super().find_class(module, name)


def _read_npy(stream):
    """One array of an .npz file. Numeric arrays are read as data; arrays
    of Python objects (the ragged word-id lists of IMDB and Reuters) are a
    pickle after the header, read with `_ArraysOnly`."""
    fmt = np.lib.format
    version = fmt.read_magic(stream)
    read_header = fmt.read_array_header_1_0 if version == (1, 0) \
        else fmt.read_array_header_2_0  # 2.0 and 3.0 share the layout
    _shape, _fortran, dtype = read_header(stream)
    if dtype.hasobject:
        return _ArraysOnly(stream).load()
    stream.seek(0)
    return fmt.read_array(stream, allow_pickle=False)


def _read_npz(path, names):
    """{name: array} for `names` from the .npz file `path`."""
    with zipfile.ZipFile(path) as archive:
        members = {m[:-len(".npy")]: m for m in archive.namelist()
                   if m.endswith(".npy")}
        missing = [n for n in names if n not in members]
        if missing:
            raise ValueError(f"it has no arrays named {missing}; it has "
                             f"{sorted(members)}")
        out = {}
        for name in names:
            with archive.open(members[name]) as f:
                out[name] = _read_npy(io.BytesIO(f.read()))
    return out


def _read_idx(path):
    """A gzipped IDX file of Fashion-MNIST as a uint8 array: its header is
    a big-endian magic number whose last byte counts the axes, then the
    size of each axis; the bytes follow."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    sizes = struct.unpack(f">{dims}I", data[4:4 + 4 * dims])
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(sizes)


def _read_cifar(path, label_key):
    """One CIFAR batch (a Python 2 pickle of a dict): images as
    (n, 3, 32, 32) uint8 and the labels as a list."""
    with open(path, "rb") as f:
        batch = _ArraysOnly(f, encoding="bytes").load()
    batch = {(k.decode() if isinstance(k, bytes) else k): v
             for k, v in batch.items()}
    if "data" not in batch or label_key not in batch:
        raise ValueError(f"a CIFAR batch holds 'data' and {label_key!r}; "
                         f"this one holds {sorted(batch)}")
    images = np.asarray(batch["data"], dtype="uint8")
    return images.reshape(len(images), 3, 32, 32), batch[label_key]


def _read(fn, path, reader, *args):
    """reader(path, *args); an error names the file and says how to get a
    good one."""
    try:
        return reader(path, *args)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile,
            pickle.UnpicklingError, struct.error) as err:
        raise same_type(
            err, f"{fn}(): cannot read {path!r}: {err}. The file may be "
            f"damaged or incomplete: delete it, and {fn}() downloads it "
            f"again (or copy a good one there).") from err


# --------------------------------------------------------------------------
# Shared processing, as Keras's loaders do it

def _shuffled(seed, *arrays):
    """`arrays` reordered by one permutation drawn from
    `np.random.RandomState(seed)` (as Keras's loaders do)."""
    order = np.arange(len(arrays[0]))
    np.random.RandomState(seed).shuffle(order)
    return [a[order] for a in arrays]


def _split(x, y, test_split):
    """The first `1 - test_split` of the samples for training."""
    cut = int(len(x) * (1 - test_split))
    return _train_test(np.array(x[:cut]), np.array(y[:cut]),
                       np.array(x[cut:]), np.array(y[cut:]))


def _check_split(fn, test_split):
    if isinstance(test_split, (bool, np.bool_)) or not isinstance(
            test_split, (int, float, np.integer, np.floating)) or not (
            0 <= test_split < 1):
        raise ValueError(
            f"{fn}(): `test_split` must be a fraction in [0, 1), the share "
            f"of samples kept for testing. Received: test_split="
            f"{test_split!r}")
    return float(test_split)


def _word_ids(fn, num_words, skip_top, maxlen, seed, start_char, oov_char,
              index_from):
    """The checked integer arguments of dataset_imdb/dataset_reuters."""
    return dict(
        num_words=as_int(fn, "num_words", num_words, minimum=1,
                         allow_none=True),
        skip_top=as_int(fn, "skip_top", skip_top, minimum=0),
        maxlen=as_int(fn, "maxlen", maxlen, minimum=1, allow_none=True),
        seed=as_int(fn, "seed", seed, minimum=0),
        start_char=as_int(fn, "start_char", start_char, allow_none=True),
        oov_char=as_int(fn, "oov_char", oov_char, allow_none=True),
        index_from=as_int(fn, "index_from", index_from, minimum=0))


def _shift(seqs, start_char, index_from):
    """Word ids moved up by `index_from`, after `start_char` (if any)."""
    head = [] if start_char is None else [start_char]
    return [head + [int(w) + index_from for w in s] for s in seqs]


def _shorter_than(maxlen, seqs, labels):
    """Only the sequences shorter than `maxlen` (all when None)."""
    if not maxlen:
        return seqs, labels
    keep = [i for i, s in enumerate(seqs) if len(s) < maxlen]
    return [seqs[i] for i in keep], labels[keep]


def _vocabulary(seqs, num_words, skip_top, oov_char):
    """Ids outside [skip_top, num_words) become `oov_char`, or are dropped
    when it is None.  Without `num_words` the limit is the largest id,
    which is then itself out of range (as in Keras)."""
    if not num_words:
        num_words = max((max(s) for s in seqs if s), default=0)
    if oov_char is None:
        return [[w for w in s if skip_top <= w < num_words] for s in seqs]
    return [[w if skip_top <= w < num_words else oov_char for w in s]
            for s in seqs]


def _ragged(seqs):
    """A 1-D NumPy array of lists (dtype object), as Keras returns them."""
    out = np.empty(len(seqs), dtype=object)
    for i, s in enumerate(seqs):
        out[i] = s
    return out


# --------------------------------------------------------------------------
# The datasets

@export("datasets")
def dataset_mnist(path="mnist.npz", *, cache_dir=None):
    """Load MNIST: 28x28 grayscale images of handwritten digits.

    60,000 training and 10,000 test images with their digit, 0 to 9.
    Keras downloads the file (11 MB) once into its cache folder
    (`KERAS_HOME`, else `~/.keras`, subfolder `datasets`). Without
    network, download
    https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz
    elsewhere and copy it there as `path`; the error says where.

    keras3 R: ``dataset_mnist()``. The labels are digits as in R; R's
    `convert` (to R arrays) does not apply. `cache_dir` is pykeras3's
    addition. A file already in the cache is used without checking its
    hash.

    Args:
        path: the file's name in Keras's cache folder.
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict: `ds["train"]["x"]` (uint8, (60000, 28, 28), pixel values
        0 to 255), `ds["train"]["y"]` (uint8, (60000,)), and
        `ds["test"]["x"]`, `ds["test"]["y"]` (10,000 images).

    Example:
        >>> import os, numpy as np
        >>> from pykeras3 import dataset_mnist
        >>> os.makedirs("datasets")  # a tiny stand-in for the real file
        >>> np.savez("datasets/mnist.npz",
        ...          x_train=np.zeros((3, 28, 28), "uint8"),
        ...          y_train=np.array([5, 0, 4], "uint8"),
        ...          x_test=np.zeros((1, 28, 28), "uint8"),
        ...          y_test=np.array([7], "uint8"))
        >>> mnist = dataset_mnist(cache_dir=".")
        >>> mnist["train"]["x"].shape, mnist["test"]["y"]
        ((3, 28, 28), array([7], dtype=uint8))
    """
    fn = "dataset_mnist"
    file = _storage_file(fn, path, "mnist.npz", cache_dir)
    a = _read(fn, file, _read_npz, ["x_train", "y_train", "x_test",
                                     "y_test"])
    return _train_test(a["x_train"], a["y_train"], a["x_test"], a["y_test"])


_FASHION = ["train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz"]


@export("datasets")
def dataset_fashion_mnist(*, cache_dir=None):
    """Load Fashion-MNIST: 28x28 grayscale images of clothing.

    60,000 training and 10,000 test images in 10 classes (0 T-shirt/top,
    1 trouser, 2 pullover, 3 dress, 4 coat, 5 sandal, 6 shirt, 7 sneaker,
    8 bag, 9 ankle boot). Keras downloads four files (30 MB) once into its
    cache folder, subfolder `datasets/fashion-mnist`:
    `train-labels-idx1-ubyte.gz`, `train-images-idx3-ubyte.gz`,
    `t10k-labels-idx1-ubyte.gz` and `t10k-images-idx3-ubyte.gz`, each from
    https://storage.googleapis.com/tensorflow/tf-keras-datasets/ followed
    by its name.

    keras3 R: ``dataset_fashion_mnist()``. Labels count from 0, as in R;
    R's `convert` does not apply. `cache_dir` is pykeras3's addition.

    Args:
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets/fashion-mnist`).

    Returns:
        A dict: `ds["train"]["x"]` (uint8, (60000, 28, 28)),
        `ds["train"]["y"]` (uint8, (60000,)), `ds["test"]["x"]` and
        `ds["test"]["y"]` (10,000 images).

    Example:
        >>> import gzip, os, struct
        >>> from pykeras3 import dataset_fashion_mnist
        >>> folder = os.path.join("datasets", "fashion-mnist")
        >>> os.makedirs(folder)  # tiny stand-ins: 2 images per set
        >>> for part in ["train", "t10k"]:
        ...     with gzip.open(f"{folder}/{part}-labels-idx1-ubyte.gz",
        ...                    "wb") as f:
        ...         _ = f.write(struct.pack(">II", 2049, 2) + bytes([9, 0]))
        ...     with gzip.open(f"{folder}/{part}-images-idx3-ubyte.gz",
        ...                    "wb") as f:
        ...         _ = f.write(struct.pack(">IIII", 2051, 2, 28, 28)
        ...                     + bytes(2 * 28 * 28))
        >>> ds = dataset_fashion_mnist(cache_dir=".")
        >>> ds["train"]["x"].shape, ds["test"]["y"]
        ((2, 28, 28), array([9, 0], dtype=uint8))
    """
    fn = "dataset_fashion_mnist"
    subdir = os.path.join("datasets", "fashion-mnist")
    files = [fetch(fn, name, _STORAGE + name,
                   cache_dir=folder_arg(fn, cache_dir), cache_subdir=subdir,
                   siblings=_FASHION)
             for name in _FASHION]
    y_train, x_train, y_test, x_test = [_read(fn, file, _read_idx)
                                         for file in files]
    return _train_test(x_train, y_train, x_test, y_test)


def _cifar(fn, name, archive, train, test, label_key, cache_dir):
    """The training and test images (channels as Keras is set) and labels
    (lists) of CIFAR's batch files `train` and `test`."""
    folder = fetch(fn, f"{name}-target", _CIFAR + archive,
                   cache_dir=folder_arg(fn, cache_dir),
                   file_hash=_HASHES[archive],
                   unpacked=f"the folder {name!r} with the files "
                            f"{train + test}")
    out = []
    for batches in (train, test):
        parts = [_read(fn, os.path.join(folder, name, batch), _read_cifar,
                       label_key) for batch in batches]
        x = np.concatenate([images for images, _ in parts])
        if keras.config.image_data_format() == "channels_last":
            x = x.transpose(0, 2, 3, 1)
        out += [x, [label for _, labels in parts for label in labels]]
    return out


@export("datasets")
def dataset_cifar10(*, cache_dir=None):
    """Load CIFAR-10: 32x32 colour images in 10 classes.

    50,000 training and 10,000 test images; the classes are 0 airplane,
    1 automobile, 2 bird, 3 cat, 4 deer, 5 dog, 6 frog, 7 horse, 8 ship,
    9 truck. Keras downloads
    https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz (163 MB) once
    into its cache folder (subfolder `datasets`), as
    `cifar-10-batches-py-target_archive`, and unpacks it into the folder
    `cifar-10-batches-py-target`. Images are channels-last unless Keras's
    image data format says otherwise.

    keras3 R: ``dataset_cifar10()``. Labels count from 0, as in R; R's
    `convert` does not apply. `cache_dir` is pykeras3's addition.

    Args:
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict: `ds["train"]["x"]` (uint8, (50000, 32, 32, 3)),
        `ds["train"]["y"]` (uint8, (50000, 1)), `ds["test"]["x"]` and
        `ds["test"]["y"]` (10,000 images).

    Example:
        >>> import os, pickle, numpy as np
        >>> from pykeras3 import dataset_cifar10
        >>> folder = os.path.join("datasets", "cifar-10-batches-py-target",
        ...                       "cifar-10-batches-py")
        >>> os.makedirs(folder)  # tiny stand-ins: 2 images per batch
        >>> batch = {b"data": np.zeros((2, 3072), "uint8"),
        ...          b"labels": [3, 8]}
        >>> for name in ["data_batch_1", "data_batch_2", "data_batch_3",
        ...              "data_batch_4", "data_batch_5", "test_batch"]:
        ...     with open(os.path.join(folder, name), "wb") as f:
        ...         pickle.dump(batch, f)
        >>> ds = dataset_cifar10(cache_dir=".")
        >>> ds["train"]["x"].shape, ds["test"]["y"].ravel()
        ((10, 32, 32, 3), array([3, 8], dtype=uint8))
    """
    fn = "dataset_cifar10"
    x_train, y_train, x_test, y_test = _cifar(
        fn, "cifar-10-batches-py", "cifar-10-python.tar.gz",
        [f"data_batch_{i}" for i in range(1, 6)], ["test_batch"], "labels",
        cache_dir)
    return _train_test(x_train, np.array(y_train, "uint8").reshape(-1, 1),
                       x_test, np.array(y_test, "uint8").reshape(-1, 1))


@export("datasets")
def dataset_cifar100(label_mode="fine", *, cache_dir=None):
    """Load CIFAR-100: 32x32 colour images in 100 classes (20 groups).

    50,000 training and 10,000 test images, labelled with one of 100 fine
    classes, or one of the 20 coarse groups of classes. Keras downloads
    https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz (169 MB) once
    into its cache folder (subfolder `datasets`), as
    `cifar-100-python-target_archive`, and unpacks it into the folder
    `cifar-100-python-target`.

    keras3 R: ``dataset_cifar100()``. Labels count from 0, as in R; R's
    `convert` does not apply. `cache_dir` is pykeras3's addition.

    Args:
        label_mode: `"fine"` (100 classes) or `"coarse"` (20 groups).
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict: `ds["train"]["x"]` (uint8, (50000, 32, 32, 3)),
        `ds["train"]["y"]` (int64, (50000, 1)), `ds["test"]["x"]` and
        `ds["test"]["y"]` (10,000 images).

    Example:
        >>> import os, pickle, numpy as np
        >>> from pykeras3 import dataset_cifar100
        >>> folder = os.path.join("datasets", "cifar-100-python-target",
        ...                       "cifar-100-python")
        >>> os.makedirs(folder)  # tiny stand-ins: 2 images per set
        >>> batch = {b"data": np.zeros((2, 3072), "uint8"),
        ...          b"fine_labels": [42, 99], b"coarse_labels": [8, 19]}
        >>> for name in ["train", "test"]:
        ...     with open(os.path.join(folder, name), "wb") as f:
        ...         pickle.dump(batch, f)
        >>> ds = dataset_cifar100(label_mode="coarse", cache_dir=".")
        >>> ds["train"]["x"].shape, ds["train"]["y"].ravel().tolist()
        ((2, 32, 32, 3), [8, 19])
    """
    fn = "dataset_cifar100"
    if label_mode not in ("fine", "coarse"):
        raise ValueError(
            f"{fn}(): `label_mode` must be 'fine' or 'coarse'. "
            f"Received: label_mode={label_mode!r}")
    x_train, y_train, x_test, y_test = _cifar(
        fn, "cifar-100-python", "cifar-100-python.tar.gz", ["train"],
        ["test"], f"{label_mode}_labels", cache_dir)
    return _train_test(x_train, np.reshape(y_train, (-1, 1)),
                       x_test, np.reshape(y_test, (-1, 1)))


@export("datasets")
def dataset_imdb(path="imdb.npz", num_words=None, skip_top=0, maxlen=None,
                 seed=113, start_char=1, oov_char=2, index_from=3, *,
                 cache_dir=None):
    """Load the IMDB movie reviews, as word ids, labelled by sentiment.

    25,000 training and 25,000 test reviews, each a list of word ids
    (a word's id is its frequency rank, plus `index_from`), labelled 1
    (positive) or 0 (negative). Each set is shuffled with `seed`. Keras
    downloads
    https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb.npz
    (17 MB) once into its cache folder, subfolder `datasets`;
    `dataset_imdb_word_index()` maps the words to their rank.

    keras3 R: ``dataset_imdb()``. Word ids are Keras's, as in R; R's
    `convert` does not apply. `cache_dir` is pykeras3's addition. A file
    already in the cache is used without checking its hash.

    Args:
        path: the file's name in Keras's cache folder.
        num_words: keep the `num_words` most frequent words (ids below
            `num_words`); rarer words become `oov_char`. `None` keeps all
            but the largest id (as Keras does).
        skip_top: also treat the `skip_top` most frequent words (ids below
            it, such as "the") as rare.
        maxlen: drop reviews of `maxlen` ids or more (the start mark
            counts); `None` keeps all.
        seed: seed of the shuffle.
        start_char: the id put at the start of every review; `None` for
            none.
        oov_char: the id that replaces rare words; `None` drops them.
        index_from: added to every word's rank (0 is left for padding,
            1 and 2 for the start and rare-word marks).
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict: `ds["train"]["x"]` and `ds["test"]["x"]` (1-D object
        arrays of lists of ints), `ds["train"]["y"]` and `ds["test"]["y"]`
        (int arrays of 0 and 1).

    Example:
        >>> import os, numpy as np
        >>> from pykeras3 import dataset_imdb
        >>> reviews = np.array([[1, 2, 9], [4]], dtype=object)  # ranks
        >>> os.makedirs("datasets")
        >>> np.savez("datasets/imdb.npz", x_train=reviews,
        ...          y_train=np.array([1, 0]), x_test=reviews,
        ...          y_test=np.array([1, 0]))
        >>> ds = dataset_imdb(num_words=10, cache_dir=".")
        >>> sorted(ds["train"]["x"].tolist())  # 1, rank + 3; 12 is rare: 2
        [[1, 4, 5, 2], [1, 7]]
    """
    fn = "dataset_imdb"
    options = _word_ids(fn, num_words, skip_top, maxlen, seed, start_char,
                        oov_char, index_from)
    file = _storage_file(fn, path, "imdb.npz", cache_dir)
    a = _read(fn, file, _read_npz, ["x_train", "y_train", "x_test",
                                     "y_test"])
    parts = []
    rng = np.random.RandomState(options["seed"])
    for x, y in ((a["x_train"], a["y_train"]), (a["x_test"], a["y_test"])):
        order = np.arange(len(x))
        rng.shuffle(order)  # one generator: the test order follows
        x = _shift(x[order], options["start_char"], options["index_from"])
        parts.append(_shorter_than(options["maxlen"], x, y[order]))
    if options["maxlen"] and not (parts[0][0] and parts[1][0]):
        raise ValueError(
            f"{fn}(): no review is shorter than maxlen={options['maxlen']} "
            f"in one of the sets; increase `maxlen`.")
    seqs = _vocabulary(parts[0][0] + parts[1][0], options["num_words"],
                       options["skip_top"], options["oov_char"])
    cut = len(parts[0][0])
    return _train_test(_ragged(seqs[:cut]), parts[0][1],
                       _ragged(seqs[cut:]), parts[1][1])


@export("datasets")
def dataset_imdb_word_index(path="imdb_word_index.json", *, cache_dir=None):
    """Load the word index of the IMDB dataset: each word's frequency rank.

    The id of a word in `dataset_imdb()` is its rank plus `index_from`
    (3 by default). Keras downloads `imdb_word_index.json`
    from https://storage.googleapis.com/tensorflow/tf-keras-datasets/
    once into its cache folder, subfolder `datasets`.

    keras3 R: ``dataset_imdb_word_index()``. `cache_dir` is pykeras3's
    addition.

    Args:
        path: the file's name in Keras's cache folder.
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict word -> rank (1 is the most frequent word).

    Example:
        >>> import json, os
        >>> from pykeras3 import dataset_imdb_word_index
        >>> os.makedirs("datasets")  # a tiny stand-in
        >>> with open("datasets/imdb_word_index.json", "w") as f:
        ...     json.dump({"the": 1, "and": 2}, f)
        >>> dataset_imdb_word_index(cache_dir=".")["and"]
        2
    """
    fn = "dataset_imdb_word_index"
    file = _storage_file(fn, path, "imdb_word_index.json", cache_dir)
    return _read(fn, file, _read_json)


def _read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@export("datasets")
def dataset_reuters(path="reuters.npz", num_words=None, skip_top=0,
                    maxlen=None, test_split=0.2, seed=113, start_char=1,
                    oov_char=2, index_from=3, *, cache_dir=None):
    """Load the Reuters newswires, as word ids, labelled by topic.

    11,228 newswires in 46 topics (0 to 45), each a list of word ids (a
    word's id is its frequency rank, plus `index_from`). They are shuffled
    with `seed`, then the last `test_split` of them are the test set.
    Keras downloads
    https://storage.googleapis.com/tensorflow/tf-keras-datasets/reuters.npz
    (2 MB) once into its cache folder, subfolder `datasets`;
    `dataset_reuters_word_index()` maps the words to their rank.

    keras3 R: ``dataset_reuters()``. Topics count from 0, as in R; R's
    `convert` does not apply. `cache_dir` is pykeras3's addition. A file
    already in the cache is used without checking its hash.

    Args:
        path: the file's name in Keras's cache folder.
        num_words: keep the `num_words` most frequent words (ids below
            `num_words`); rarer words become `oov_char`. `None` keeps all
            but the largest id (as Keras does).
        skip_top: also treat the `skip_top` most frequent words (ids below
            it) as rare.
        maxlen: drop newswires of `maxlen` ids or more (the start mark
            counts); `None` keeps all.
        test_split: the share of newswires for testing, in [0, 1).
        seed: seed of the shuffle.
        start_char: the id put at the start of every newswire; `None` for
            none.
        oov_char: the id that replaces rare words; `None` drops them.
        index_from: added to every word's rank (0 is left for padding,
            1 and 2 for the start and rare-word marks).
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict: `ds["train"]["x"]` and `ds["test"]["x"]` (1-D object
        arrays of lists of ints), `ds["train"]["y"]` and `ds["test"]["y"]`
        (int arrays of topics).

    Example:
        >>> import os, numpy as np
        >>> from pykeras3 import dataset_reuters
        >>> wires = np.array([[1], [2, 2], [3], [4, 5], [6]],
        ...                  dtype=object)  # a tiny stand-in
        >>> os.makedirs("datasets")
        >>> np.savez("datasets/reuters.npz", x=wires, y=np.arange(5))
        >>> ds = dataset_reuters(test_split=0.4, cache_dir=".")
        >>> len(ds["train"]["x"]), len(ds["test"]["x"])
        (3, 2)
    """
    fn = "dataset_reuters"
    options = _word_ids(fn, num_words, skip_top, maxlen, seed, start_char,
                        oov_char, index_from)
    test_split = _check_split(fn, test_split)
    file = _storage_file(fn, path, "reuters.npz", cache_dir)
    a = _read(fn, file, _read_npz, ["x", "y"])
    x, y = _shuffled(options["seed"], a["x"], a["y"])
    x = _shift(x, options["start_char"], options["index_from"])
    x, y = _shorter_than(options["maxlen"], x, y)
    x = _vocabulary(x, options["num_words"], options["skip_top"],
                    options["oov_char"])
    cut = int(len(x) * (1 - test_split))
    return _train_test(_ragged(x[:cut]), np.array(y[:cut]),
                       _ragged(x[cut:]), np.array(y[cut:]))


@export("datasets")
def dataset_reuters_word_index(path="reuters_word_index.json", *,
                               cache_dir=None):
    """Load the word index of the Reuters dataset: each word's rank.

    The id of a word in `dataset_reuters()` is its frequency rank plus
    `index_from` (3 by default). Keras downloads `reuters_word_index.json`
    from https://storage.googleapis.com/tensorflow/tf-keras-datasets/
    once into its cache folder, subfolder `datasets`.

    keras3 R: ``dataset_reuters_word_index()``. keras3's default `path`,
    `"reuters_word_index.pkl"`, is Keras 2's name for the file; the file is
    JSON, and the default here is Keras 3's name,
    `"reuters_word_index.json"`. `cache_dir` is pykeras3's addition.

    Args:
        path: the file's name in Keras's cache folder.
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict word -> rank (1 is the most frequent word).

    Example:
        >>> import json, os
        >>> from pykeras3 import dataset_reuters_word_index
        >>> os.makedirs("datasets")  # a tiny stand-in
        >>> with open("datasets/reuters_word_index.json", "w") as f:
        ...     json.dump({"the": 1, "of": 2}, f)
        >>> dataset_reuters_word_index(cache_dir=".")["of"]
        2
    """
    fn = "dataset_reuters_word_index"
    file = _storage_file(fn, path, "reuters_word_index.json", cache_dir)
    return _read(fn, file, _read_json)


@export("datasets")
def dataset_boston_housing(path="boston_housing.npz", test_split=0.2,
                           seed=113, *, cache_dir=None):
    """Load the Boston housing prices (1970s; 13 features per district).

    506 districts, each with 13 features and the median home value in
    thousands of dollars. They are shuffled with `seed`, then the last
    `test_split` of them are the test set. Keras downloads `boston_housing.npz`
    from https://storage.googleapis.com/tensorflow/tf-keras-datasets/
    once into its cache folder, subfolder `datasets`. The dataset has an
    ethical problem (a feature built on the share of Black residents);
    `dataset_california_housing()` is the usual replacement.

    keras3 R: ``dataset_boston_housing()``. R's `convert` does not apply.
    `cache_dir` is pykeras3's addition.

    Args:
        path: the file's name in Keras's cache folder.
        test_split: the share of districts for testing, in [0, 1).
        seed: seed of the shuffle.
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict: `ds["train"]["x"]` (float64, (404, 13)), `ds["train"]["y"]`
        (float64, (404,)), `ds["test"]["x"]`, `ds["test"]["y"]` (102).

    Example:
        >>> import os, numpy as np
        >>> from pykeras3 import dataset_boston_housing
        >>> os.makedirs("datasets")  # a tiny stand-in
        >>> np.savez("datasets/boston_housing.npz", x=np.ones((10, 13)),
        ...          y=np.arange(10.0))
        >>> ds = dataset_boston_housing(cache_dir=".")
        >>> ds["train"]["x"].shape, ds["test"]["y"].shape
        ((8, 13), (2,))
    """
    fn = "dataset_boston_housing"
    test_split = _check_split(fn, test_split)
    seed = as_int(fn, "seed", seed, minimum=0)
    file = _storage_file(fn, path, "boston_housing.npz", cache_dir)
    a = _read(fn, file, _read_npz, ["x", "y"])
    return _split(*_shuffled(seed, a["x"], a["y"]), test_split)


@export("datasets")
def dataset_california_housing(version="large",
                               path="california_housing.npz",
                               test_split=0.2, seed=113, *, cache_dir=None):
    """Load the California housing prices (1990 census; 8 features).

    20,640 block groups, each with 8 features (median income, house age,
    rooms, bedrooms, population, occupancy, latitude, longitude) and the
    median house value in dollars. `version="small"` keeps the first 600.
    They are shuffled with `seed`, then the last `test_split` of them are
    the test set. Keras downloads `california_housing.npz`
    from https://storage.googleapis.com/tensorflow/tf-keras-datasets/
    once into its cache folder, subfolder `datasets`.

    keras3 R: ``dataset_california_housing()``. R's `convert` does not
    apply. `cache_dir` is pykeras3's addition.

    Args:
        version: `"large"` (all 20,640) or `"small"` (the first 600).
        path: the file's name in Keras's cache folder.
        test_split: the share of block groups for testing, in [0, 1).
        seed: seed of the shuffle.
        cache_dir: the cache folder to use instead of Keras's (it holds
            the subfolder `datasets`).

    Returns:
        A dict: `ds["train"]["x"]` (float32, (n, 8)), `ds["train"]["y"]`
        (float32, (n,)), `ds["test"]["x"]` and `ds["test"]["y"]`.

    Example:
        >>> import os, numpy as np
        >>> from pykeras3 import dataset_california_housing
        >>> os.makedirs("datasets")  # a tiny stand-in
        >>> np.savez("datasets/california_housing.npz",
        ...          x=np.ones((5, 8), "float32"),
        ...          y=np.arange(5, dtype="float32"))
        >>> ds = dataset_california_housing(test_split=0.4, cache_dir=".")
        >>> ds["train"]["x"].shape, ds["test"]["y"].dtype
        ((3, 8), dtype('float32'))
    """
    fn = "dataset_california_housing"
    if version not in ("large", "small"):
        raise ValueError(
            f"{fn}(): `version` must be 'large' or 'small'. "
            f"Received: version={version!r}")
    test_split = _check_split(fn, test_split)
    seed = as_int(fn, "seed", seed, minimum=0)
    file = _storage_file(fn, path, "california_housing.npz", cache_dir)
    a = _read(fn, file, _read_npz, ["x", "y"])
    x, y = a["x"], a["y"]
    if version == "small":
        x, y = x[:600], y[:600]
    return _split(*_shuffled(seed, x, y), test_split)
