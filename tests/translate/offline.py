"""Run a translated script with keras3's dataset downloads replaced by
small random arrays of the same shapes and types:

    python tests/translate/offline.py script.py

The translator keeps `dataset_mnist()` as it is; this runner (used by
tests/test_translate.py and benchmarks/translate_share.py) gives the
script data without the network.  Each dataset keeps its real layout
((x_train, y_train), (x_test, y_test)), dtype and label range; only the
number of samples is small.
"""

import runpy
import sys

import numpy as np

import pykeras3

_rng = np.random.default_rng(0)


def _images(shape, classes, label_shape=()):
    def dataset(*args, **kwargs):
        def part(n):
            return (_rng.integers(0, 256, (n, *shape)).astype("uint8"),
                    _rng.integers(0, classes, (n, *label_shape))
                    .astype("uint8"))
        return part(256), part(64)
    return dataset


def _sequences(classes):
    def dataset(*args, num_words=None, **kwargs):
        words = num_words or 1000

        def part(n):
            x = np.empty(n, dtype=object)
            for i in range(n):
                x[i] = list(_rng.integers(1, words, _rng.integers(5, 40)))
            return x, _rng.integers(0, classes, n).astype("int64")
        return part(256), part(64)
    return dataset


def _boston_housing(*args, **kwargs):
    def part(n):
        return (_rng.normal(size=(n, 13)).astype("float64"),
                _rng.uniform(5, 50, n).astype("float64"))
    return part(256), part(64)


STUBS = {
    "dataset_mnist": _images((28, 28), 10),
    "dataset_fashion_mnist": _images((28, 28), 10),
    "dataset_cifar10": _images((32, 32, 3), 10, (1,)),
    "dataset_cifar100": _images((32, 32, 3), 100, (1,)),
    "dataset_imdb": _sequences(2),
    "dataset_reuters": _sequences(46),
    "dataset_boston_housing": _boston_housing,
}


def main(path):
    for name, stub in STUBS.items():
        setattr(pykeras3, name, stub)
    runpy.run_path(path, run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1])
