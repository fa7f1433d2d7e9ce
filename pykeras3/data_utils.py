"""Data utilities: image files and arrays, datasets read from folders of
files, windows over time series, padding, one-hot labels, downloads.

Written by hand: paths are checked before Keras is called (a missing
folder names itself), images need the package Pillow and say so at once,
class labels and axes are 0-based as everywhere in Python, and a failed
download says how to do without network.
"""

from __future__ import annotations

import numbers
import os
import urllib.parse

import keras
import numpy as np

from ._args import (ArgumentTypeError, as_axis, as_bool, as_int,
                    as_integer, is_int)
from ._download import (cache_root, check_origin, download_error, file_name,
                        folder_arg)
from ._files import as_path, atomic_write
from ._optional import need
from ._registry import export


def _pillow(fn):
    """Fail at once, naming the package, when Pillow is missing."""
    need("PIL.Image", fn, "reading and writing images", package="pillow")


def _existing(fn, value, arg, folder):
    """The path `value`, which must exist (a folder when `folder`)."""
    path = as_path(fn, value, arg)
    if not os.path.exists(path):
        raise FileNotFoundError(
            f"{fn}(): {'folder' if folder else 'file'} not found: {path!r} "
            f"(from `{arg}`; the working folder is {os.getcwd()!r}).")
    if folder and not os.path.isdir(path):
        raise NotADirectoryError(
            f"{fn}(): `{arg}` must be a folder (of class subfolders). "
            f"Received: {arg}={value!r}, a file.")
    if not folder and os.path.isdir(path):
        raise IsADirectoryError(
            f"{fn}(): `{arg}` must be a file. Received: {arg}={value!r}, "
            f"a folder.")
    return path


def _size(fn, arg, value):
    """A (height, width) pair of positive integers."""
    size = as_integer(fn, arg, value)
    if not (isinstance(size, (list, tuple)) and len(size) == 2 and all(
            is_int(v) and v > 0 for v in size)):
        raise ValueError(
            f"{fn}(): `{arg}` must be (height, width), two positive "
            f"integers. Received: {arg}={value!r}")
    return tuple(size)


# --------------------------------------------------------------------------
# Images

@export("data utilities")
def image_load(path, color_mode="rgb", target_size=None,
               interpolation="nearest", keep_aspect_ratio=False):
    """Load an image file (PNG, JPEG, BMP, GIF, ...) as a PIL image.

    Needs the package Pillow (`pip install pillow`). `image_to_array()`
    turns the result into an array.

    keras3 R: ``image_load()``.

    Args:
        path: the image file (or an open binary file object).
        color_mode: `"rgb"`, `"rgba"` or `"grayscale"`.
        target_size: `None` for the file's size, or (height, width) to
            resize to.
        interpolation: how to resize: `"nearest"`, `"bilinear"`,
            `"bicubic"`, `"lanczos"`, `"box"` or `"hamming"`.
        keep_aspect_ratio: crop the image to the aspect ratio of
            `target_size` (centred) before resizing, instead of stretching
            it.

    Returns:
        A `PIL.Image.Image`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import image_array_save, image_load
        >>> _ = image_array_save(np.zeros((4, 6, 3)), "black.png")
        >>> image = image_load("black.png", target_size=(2, 3))
        >>> image.size  # PIL says (width, height)
        (3, 2)
    """
    fn = "image_load"
    _pillow(fn)
    if not hasattr(path, "read"):
        path = _existing(fn, path, "path", folder=False)
    if target_size is not None:
        target_size = _size(fn, "target_size", target_size)
    return keras.utils.load_img(
        path, color_mode=color_mode, target_size=target_size,
        interpolation=interpolation,
        keep_aspect_ratio=as_bool(fn, "keep_aspect_ratio",
                                  keep_aspect_ratio))


@export("data utilities")
def image_to_array(img, data_format=None, dtype=None):
    """Turn a PIL image into a 3-D NumPy array.

    keras3 R: ``image_to_array()``.

    Args:
        img: a PIL image (from `image_load()`), or an array.
        data_format: `"channels_last"` (height, width, channels) or
            `"channels_first"`; `None` uses Keras's setting.
        dtype: the array's dtype; `None` uses Keras's float type
            (`"float32"`).

    Returns:
        A NumPy array of pixel values (0 to 255).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import image_from_array, image_to_array
        >>> image = image_from_array(np.zeros((4, 6, 3)), scale=False)
        >>> image_to_array(image).shape
        (4, 6, 3)
    """
    return keras.utils.img_to_array(img, data_format=data_format,
                                    dtype=dtype)


@export("data utilities")
def image_from_array(x, data_format=None, scale=True, dtype=None):
    """Turn a 3-D array into a PIL image.

    Needs the package Pillow (`pip install pillow`).

    keras3 R: ``image_from_array()``.

    Args:
        x: an array of shape (height, width, channels) (or channels first),
            with 1 (grayscale), 3 (RGB) or 4 (RGBA) channels.
        data_format: `"channels_last"` or `"channels_first"`; `None` uses
            Keras's setting.
        scale: stretch the values to span 0 to 255 (the smallest becomes
            0, the largest 255); with `False` they are used as they are.
        dtype: the dtype the values pass through; `None` uses Keras's
            float type.

    Returns:
        A `PIL.Image.Image`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import image_from_array
        >>> image = image_from_array(np.random.default_rng(0).random(
        ...     (4, 6, 1)))
        >>> image.mode, image.size
        ('L', (6, 4))
    """
    _pillow("image_from_array")
    return keras.utils.array_to_img(
        x, data_format=data_format,
        scale=as_bool("image_from_array", "scale", scale), dtype=dtype)


@export("data utilities")
def image_array_save(x, path, data_format=None, file_format=None,
                     scale=True, **kwargs):
    """Save a 3-D array as an image file.

    The format follows the file name's extension (`.png`, `.jpg`, ...)
    unless `file_format` is given. The file is written in a staging file
    beside it and moved into place, so a crash never leaves half an image.
    Needs the package Pillow (`pip install pillow`).

    keras3 R: ``image_array_save()``; like R it returns `x`.

    Args:
        x: an array of shape (height, width, channels) (or channels first),
            with 1, 3 or 4 channels.
        path: the file to write (or an open binary file object, with
            `file_format`).
        data_format: `"channels_last"` or `"channels_first"`; `None` uses
            Keras's setting.
        file_format: the format, such as `"png"` or `"jpeg"`; `None` takes
            it from the extension.
        scale: stretch the values to span 0 to 255; with `False` they are
            used as they are.
        **kwargs: passed on to `PIL.Image.Image.save()` (`quality=90`,
            ...).

    Returns:
        `x`, unchanged.

    Example:
        >>> import os, numpy as np
        >>> from pykeras3 import image_array_save
        >>> x = image_array_save(np.zeros((4, 6, 3)), "black.png")
        >>> os.path.exists("black.png")
        True
    """
    fn = "image_array_save"
    _pillow(fn)
    scale = as_bool(fn, "scale", scale)

    def write(target):
        keras.utils.save_img(target, x, data_format=data_format,
                             file_format=file_format, scale=scale, **kwargs)

    if hasattr(path, "write"):
        if file_format is None:
            raise ValueError(
                f"{fn}(): writing to a file object needs `file_format` (such "
                f"as 'png'). Received: file_format=None")
        write(path)
        return x
    path = as_path(fn, path, "path")
    if file_format is None and not os.path.splitext(path)[1]:
        raise ValueError(
            f"{fn}(): `path` has no extension to tell the image format: "
            f"add one ('.png', '.jpg') or pass `file_format`. "
            f"Received: path={path!r}")
    atomic_write(path, write, fn=fn)
    return x


@export("data utilities")
def image_smart_resize(x, size, interpolation="bilinear",
                       data_format="channels_last", backend_module=None):
    """Resize images to a size without distorting them (crop, then scale).

    The largest centred part of each image with the aspect ratio of `size`
    is cut out, then scaled to `size`.

    keras3 R: ``image_smart_resize()``.

    Args:
        x: an image (3-D) or a batch of images (4-D), array or tensor.
        size: (height, width) of the result.
        interpolation: `"bilinear"`, `"nearest"`, `"bicubic"`, `"lanczos3"`,
            `"lanczos5"` or `"area"`.
        data_format: `"channels_last"` or `"channels_first"`.
        backend_module: the Keras backend module that computes the
            resize, when it is not Keras's backend (inside a `tf.data`
            pipeline: `keras.src.backend.tensorflow`); `None` uses Keras's
            backend.

    Returns:
        The resized images, a tensor of the backend.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import image_smart_resize
        >>> wide = np.ones((20, 40, 3))
        >>> tuple(image_smart_resize(wide, size=(10, 10)).shape)
        (10, 10, 3)
    """
    extra = {} if backend_module is None else {
        "backend_module": backend_module}
    return keras.preprocessing.image.smart_resize(
        x, _size("image_smart_resize", "size", size),
        interpolation=interpolation, data_format=data_format, **extra)


# --------------------------------------------------------------------------
# Datasets read from folders

def _labels(fn, labels):
    """"inferred", None, or a list of 0-based integer labels."""
    if isinstance(labels, np.ndarray):
        labels = labels.tolist()
    if isinstance(labels, str) or labels is None:
        return labels
    if isinstance(labels, (list, tuple)):
        return [as_int(fn, "labels", v, minimum=0) for v in labels]
    raise ArgumentTypeError(
        f"{fn}(): `labels` must be 'inferred' (from the subfolders), None, "
        f"or a list of 0-based integer labels, one per file in the order "
        f"of the sorted file paths. Received: labels={labels!r}")


def _from_folder(fn, directory, labels, batch_size, seed, follow_links,
                 shuffle, verbose):
    """The arguments every *_dataset_from_directory() checks alike."""
    return dict(
        directory=_existing(fn, directory, "directory", folder=True),
        labels=_labels(fn, labels),
        batch_size=as_int(fn, "batch_size", batch_size, minimum=1,
                          allow_none=True),
        seed=as_int(fn, "seed", seed, minimum=0, allow_none=True),
        follow_links=as_bool(fn, "follow_links", follow_links),
        shuffle=as_bool(fn, "shuffle", shuffle),
        verbose=as_bool(fn, "verbose", verbose))


@export("data utilities")
def image_dataset_from_directory(
        directory, labels="inferred", label_mode="int", class_names=None,
        color_mode="rgb", batch_size=32, image_size=(256, 256),
        shuffle=True, seed=None, validation_split=None, subset=None,
        interpolation="bilinear", follow_links=False,
        crop_to_aspect_ratio=False, pad_to_aspect_ratio=False,
        data_format=None, verbose=True):
    """Make a dataset of images from a folder with a subfolder per class.

    With `directory/cat/*.png` and `directory/dog/*.jpg`, cats are class 0
    and dogs class 1 (subfolders in alphabetical order, or the order of
    `class_names`). Images (JPEG, PNG, BMP, GIF) are decoded and resized to
    `image_size`; the dataset yields batches of `(images, labels)`.

    keras3 R: ``image_dataset_from_directory()``. Labels are 0-based class
    ids, as in R (keras3 passes them through).

    Args:
        directory: the folder; it must exist.
        labels: `"inferred"` (from the subfolders), `None` (images only),
            or a list of 0-based integer labels, one per image in the
            order of the sorted file paths.
        label_mode: `"int"` (class ids), `"categorical"` (one-hot),
            `"binary"` (0 or 1, for two classes) or `None` (no labels).
        class_names: the subfolders to use, in the order of their class
            ids (with `labels="inferred"`).
        color_mode: `"rgb"`, `"rgba"` or `"grayscale"`.
        batch_size: images per batch; `None` yields single images.
        image_size: (height, width) every image is resized to.
        shuffle: shuffle the images (else they come class by class, each
            class's files in alphanumeric order).
        seed: seed of the shuffle and of the validation split.
        validation_split: a fraction in (0, 1) of the images to keep
            for validation.
        subset: with `validation_split`: `"training"`, `"validation"` or
            `"both"`.
        interpolation: how to resize: `"bilinear"`, `"nearest"`,
            `"bicubic"`, `"area"`, `"lanczos3"`, `"lanczos5"`,
            `"gaussian"` or `"mitchellcubic"`.
        follow_links: also visit subfolders that are symbolic links.
        crop_to_aspect_ratio: crop (centred) to the aspect ratio of
            `image_size` before resizing, instead of stretching.
        pad_to_aspect_ratio: pad (centred) to the aspect ratio of
            `image_size` before resizing, instead of stretching.
        data_format: `"channels_last"` or `"channels_first"`; `None` uses
            Keras's setting.
        verbose: print how many files and classes were found.

    Returns:
        A `tf.data.Dataset`; with `subset="both"`, a list of two (training,
        validation). Its `class_names` attribute lists the classes.

    Example:
        >>> import os, numpy as np
        >>> from pykeras3 import image_array_save
        >>> from pykeras3 import image_dataset_from_directory
        >>> for i, label in enumerate(["cat", "dog", "dog"]):
        ...     os.makedirs(f"pets/{label}", exist_ok=True)
        ...     _ = image_array_save(np.full((8, 8, 3), 50.0 * i),
        ...                          f"pets/{label}/{i}.png", scale=False)
        >>> ds = image_dataset_from_directory("pets", image_size=(4, 4),
        ...                                   shuffle=False, verbose=False)
        >>> ds.class_names
        ['cat', 'dog']
        >>> images, labels = next(iter(ds))
        >>> tuple(images.shape), labels.numpy().tolist()
        ((3, 4, 4, 3), [0, 1, 1])
    """
    fn = "image_dataset_from_directory"
    return keras.utils.image_dataset_from_directory(
        label_mode=label_mode, class_names=class_names,
        color_mode=color_mode, image_size=_size(fn, "image_size",
                                                image_size),
        validation_split=validation_split, subset=subset,
        interpolation=interpolation,
        crop_to_aspect_ratio=as_bool(fn, "crop_to_aspect_ratio",
                                     crop_to_aspect_ratio),
        pad_to_aspect_ratio=as_bool(fn, "pad_to_aspect_ratio",
                                    pad_to_aspect_ratio),
        data_format=data_format,
        **_from_folder(fn, directory, labels, batch_size, seed,
                       follow_links, shuffle, verbose))


@export("data utilities")
def text_dataset_from_directory(
        directory, labels="inferred", label_mode="int", class_names=None,
        batch_size=32, max_length=None, shuffle=True, seed=None,
        validation_split=None, subset=None, follow_links=False,
        verbose=True):
    """Make a dataset of texts from a folder with a subfolder per class.

    With `directory/neg/*.txt` and `directory/pos/*.txt`, `neg` is class 0
    and `pos` class 1 (subfolders in alphabetical order, or the order of
    `class_names`). Only `.txt` files are read; the dataset yields batches
    of `(texts, labels)`, texts as byte strings.

    keras3 R: ``text_dataset_from_directory()``. Labels are 0-based class
    ids, as in R.

    Args:
        directory: the folder; it must exist.
        labels: `"inferred"` (from the subfolders), `None` (texts only),
            or a list of 0-based integer labels, one per file in the order
            of the sorted file paths.
        label_mode: `"int"`, `"categorical"` (one-hot), `"binary"` (two
            classes) or `None` (no labels).
        class_names: the subfolders to use, in the order of their class
            ids (with `labels="inferred"`).
        batch_size: texts per batch; `None` yields single texts.
        max_length: cut texts to at most this many characters; `None`
            keeps them whole.
        shuffle: shuffle the texts (else class by class, in alphanumeric
            order).
        seed: seed of the shuffle and of the validation split.
        validation_split: a fraction in (0, 1) of the texts to keep
            for validation.
        subset: with `validation_split`: `"training"`, `"validation"` or
            `"both"`.
        follow_links: also visit subfolders that are symbolic links.
        verbose: print how many files and classes were found.

    Returns:
        A `tf.data.Dataset`; with `subset="both"`, a list of two (training,
        validation). Its `class_names` attribute lists the classes.

    Example:
        >>> import os
        >>> from pykeras3 import text_dataset_from_directory
        >>> for label, text in [("neg", "dull"), ("pos", "great fun")]:
        ...     os.makedirs(f"reviews/{label}")
        ...     with open(f"reviews/{label}/1.txt", "w") as f:
        ...         _ = f.write(text)
        >>> ds = text_dataset_from_directory("reviews", shuffle=False,
        ...                                  verbose=False)
        >>> texts, labels = next(iter(ds))
        >>> texts.numpy().tolist(), labels.numpy().tolist()
        ([b'dull', b'great fun'], [0, 1])
    """
    fn = "text_dataset_from_directory"
    return keras.utils.text_dataset_from_directory(
        label_mode=label_mode, class_names=class_names,
        max_length=as_int(fn, "max_length", max_length, minimum=1,
                          allow_none=True),
        validation_split=validation_split, subset=subset,
        **_from_folder(fn, directory, labels, batch_size, seed,
                       follow_links, shuffle, verbose))


@export("data utilities")
def audio_dataset_from_directory(
        directory, labels="inferred", label_mode="int", class_names=None,
        batch_size=32, sampling_rate=None, output_sequence_length=None,
        ragged=False, shuffle=True, seed=None, validation_split=None,
        subset=None, follow_links=False, verbose=True):
    """Make a dataset of sounds from a folder with a subfolder per class.

    With `directory/no/*.wav` and `directory/yes/*.wav`, `no` is class 0
    and `yes` class 1. Only `.wav` files are read; each becomes a
    (samples, channels) float32 tensor with values in [-1, 1]. Shorter
    clips are padded with zeros to the longest of their batch (or to
    `output_sequence_length`).

    keras3 R: ``audio_dataset_from_directory()``. Labels are 0-based class
    ids, as in R.

    Args:
        directory: the folder; it must exist.
        labels: `"inferred"` (from the subfolders), `None` (sounds only),
            or a list of 0-based integer labels, one per file in the order
            of the sorted file paths.
        label_mode: `"int"`, `"categorical"` (one-hot), `"binary"` (two
            classes) or `None` (no labels).
        class_names: the subfolders to use, in the order of their class
            ids (with `labels="inferred"`).
        batch_size: clips per batch; `None` yields single clips.
        sampling_rate: resample every clip to this many samples per second
            (needs the package tensorflow-io); `None` keeps the files'
            rates.
        output_sequence_length: cut or pad every clip to this many
            samples; `None` pads each batch to its longest clip.
        ragged: yield ragged tensors (clips keep their lengths) instead of
            padding.
        shuffle: shuffle the clips (else class by class, in alphanumeric
            order).
        seed: seed of the shuffle and of the validation split.
        validation_split: a fraction in (0, 1) of the clips to keep
            for validation.
        subset: with `validation_split`: `"training"`, `"validation"` or
            `"both"`.
        follow_links: also visit subfolders that are symbolic links.
        verbose: print how many files and classes were found.

    Returns:
        A `tf.data.Dataset`; with `subset="both"`, a list of two (training,
        validation). Its `class_names` attribute lists the classes.

    Example:
        >>> import os, wave
        >>> from pykeras3 import audio_dataset_from_directory
        >>> for label, frames in [("no", 4), ("yes", 6)]:
        ...     os.makedirs(f"words/{label}")
        ...     with wave.open(f"words/{label}/1.wav", "wb") as w:
        ...         w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        ...         w.writeframes(bytes(2 * frames))
        >>> ds = audio_dataset_from_directory("words", shuffle=False,
        ...                                   verbose=False)
        >>> clips, labels = next(iter(ds))
        >>> tuple(clips.shape), labels.numpy().tolist()
        ((2, 6, 1), [0, 1])
    """
    fn = "audio_dataset_from_directory"
    return keras.utils.audio_dataset_from_directory(
        label_mode=label_mode, class_names=class_names,
        sampling_rate=as_int(fn, "sampling_rate", sampling_rate, minimum=1,
                             allow_none=True),
        output_sequence_length=as_int(fn, "output_sequence_length",
                                      output_sequence_length, minimum=1,
                                      allow_none=True),
        ragged=as_bool(fn, "ragged", ragged),
        validation_split=validation_split, subset=subset,
        **_from_folder(fn, directory, labels, batch_size, seed,
                       follow_links, shuffle, verbose))


# --------------------------------------------------------------------------
# Arrays and datasets

@export("data utilities")
def timeseries_dataset_from_array(
        data, targets, sequence_length, sequence_stride=1, sampling_rate=1,
        batch_size=128, shuffle=False, seed=None, start_index=None,
        end_index=None):
    """Make a dataset of sliding windows over a time series.

    Window `i` holds the rows `data[s], data[s + sampling_rate], ...`
    (`sequence_length` of them) starting at `s = start_index +
    i * sequence_stride`; its target is `targets[s]` (the row the window
    starts at: to predict what follows a window, pass `targets` shifted by
    `sequence_length`, e.g. `data[sequence_length:]`).

    keras3 R: ``timeseries_dataset_from_array()``. `start_index` and
    `end_index` count rows from 0, in R too (keras3 passes them to Keras
    unchanged).

    Args:
        data: an array (or tensor) of rows, time along the first axis.
        targets: the target of each row (same first axis), or `None` for a
            dataset of windows only.
        sequence_length: rows per window.
        sequence_stride: rows between the starts of two windows.
        sampling_rate: take every `sampling_rate`-th row within a window.
        batch_size: windows per batch; `None` yields single windows.
        shuffle: shuffle the windows.
        seed: seed of the shuffle.
        start_index: the first row windows may use (0-based); `None`: 0.
        end_index: rows from this one on (0-based) are not used; `None`:
            all rows.

    Returns:
        A `tf.data.Dataset` of `(windows, targets)` batches (windows alone
        when `targets` is `None`).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import timeseries_dataset_from_array
        >>> x = np.arange(10)
        >>> ds = timeseries_dataset_from_array(x[:-3], x[3:],
        ...                                    sequence_length=3)
        >>> windows, targets = next(iter(ds))
        >>> windows.numpy()[:2].tolist(), targets.numpy()[:2].tolist()
        ([[0, 1, 2], [1, 2, 3]], [3, 4])
    """
    fn = "timeseries_dataset_from_array"
    return keras.utils.timeseries_dataset_from_array(
        data, targets,
        sequence_length=as_int(fn, "sequence_length", sequence_length,
                               minimum=1),
        sequence_stride=as_int(fn, "sequence_stride", sequence_stride,
                               minimum=1),
        sampling_rate=as_int(fn, "sampling_rate", sampling_rate, minimum=1),
        batch_size=as_int(fn, "batch_size", batch_size, minimum=1,
                          allow_none=True),
        shuffle=as_bool(fn, "shuffle", shuffle),
        seed=as_int(fn, "seed", seed, minimum=0, allow_none=True),
        start_index=as_int(fn, "start_index", start_index, minimum=0,
                           allow_none=True),
        end_index=as_int(fn, "end_index", end_index, minimum=0,
                         allow_none=True))


def _part_size(fn, arg, value):
    """An integer count or a float fraction (NumPy scalars accepted)."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return value
    if is_int(value):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise ArgumentTypeError(
        f"{fn}(): `{arg}` must be a number of samples (an int), a fraction "
        f"(a float in (0, 1)) or None. Received: {arg}={value!r}")


@export("data utilities")
def split_dataset(dataset, left_size=None, right_size=None, shuffle=False,
                  seed=None):
    """Split a dataset (or arrays) into two `tf.data.Dataset`s.

    Give the size of one part, as a number of samples (an int) or a
    fraction (a float); the other part gets the rest.

    keras3 R: ``split_dataset()``.

    Args:
        dataset: a `tf.data.Dataset` of single samples, a PyTorch dataset,
            an array, or a list or tuple of arrays with the same first
            axis (split together).
        left_size: size of the first part: an int count, or a float in
            (0, 1); `None` for the rest after `right_size`.
        right_size: size of the second part, in the same forms; `None` for
            the rest.
        shuffle: shuffle the samples before splitting.
        seed: seed of the shuffle.

    Returns:
        A tuple of two `tf.data.Dataset`s (left, right).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import split_dataset
        >>> left, right = split_dataset(np.arange(10), left_size=0.8)
        >>> len(list(left)), len(list(right))
        (8, 2)
    """
    fn = "split_dataset"
    return keras.utils.split_dataset(
        dataset, left_size=_part_size(fn, "left_size", left_size),
        right_size=_part_size(fn, "right_size", right_size),
        shuffle=as_bool(fn, "shuffle", shuffle),
        seed=as_int(fn, "seed", seed, minimum=0, allow_none=True))


@export("data utilities")
def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre",
                  truncating="pre", value=0):
    """Pad (or cut) sequences of different lengths into one 2-D array.

    keras3 R: ``pad_sequences()``.

    Args:
        sequences: a list of sequences (lists or arrays of numbers).
        maxlen: the length of every row; `None` uses the longest sequence.
        dtype: the array's dtype.
        padding: `"pre"` (pad at the start) or `"post"` (at the end).
        truncating: from longer sequences, drop values at the start
            (`"pre"`) or at the end (`"post"`).
        value: the padding value.

    Returns:
        A NumPy array of shape `(len(sequences), maxlen)`.

    Example:
        >>> from pykeras3 import pad_sequences
        >>> pad_sequences([[1, 2, 3], [4]], maxlen=2).tolist()
        [[2, 3], [0, 4]]
        >>> pad_sequences([[1, 2, 3], [4]], padding="post").tolist()
        [[1, 2, 3], [4, 0, 0]]
    """
    fn = "pad_sequences"
    for arg, given in (("padding", padding), ("truncating", truncating)):
        if given not in ("pre", "post"):
            raise ValueError(f"{fn}(): `{arg}` must be 'pre' or 'post'. "
                             f"Received: {arg}={given!r}")
    return keras.utils.pad_sequences(
        sequences, maxlen=as_int(fn, "maxlen", maxlen, minimum=0,
                                 allow_none=True),
        dtype=dtype, padding=padding, truncating=truncating, value=value)


@export("data utilities")
def to_categorical(x, num_classes=None):
    """Turn 0-based class labels into one-hot rows.

    Label `k` becomes a row of `num_classes` zeros with a 1 at position
    `k`; a last axis of size 1 is dropped first ((n, 1) labels give
    (n, num_classes)).

    keras3 R: ``to_categorical()``. The labels are 0-based, as in Keras
    and keras3 alike: R users subtract 1 from R's 1-based factor codes,
    Python's class ids already start at 0 (`0` -> `[1, 0, 0]`). Labels are
    checked: a negative label, one of `num_classes` or more, or a fraction,
    is an error (Keras would wrap negatives to the last classes, fail
    later, or cut fractions silently).

    Args:
        x: class labels: integers from 0, any shape; an array, list or
            tensor.
        num_classes: how many classes; `None` uses the largest label + 1.

    Returns:
        A float NumPy array (a tensor for a tensor input) with a last axis
        of `num_classes`.

    Example:
        >>> from pykeras3 import to_categorical
        >>> to_categorical([0, 2, 1], num_classes=3).tolist()
        [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    fn = "to_categorical"
    labels = np.asarray(x)
    if labels.size and not (np.issubdtype(labels.dtype, np.integer) or (
            np.issubdtype(labels.dtype, np.floating)
            and np.all(np.isfinite(labels))
            and np.all(labels == np.round(labels)))):
        raise ValueError(
            f"{fn}(): `x` must hold whole-number class labels (0-based). "
            f"Received values of dtype {labels.dtype}: "
            f"{labels.ravel()[:5].tolist()}")
    num_classes = as_int(fn, "num_classes", num_classes, minimum=1,
                         allow_none=True)
    if labels.size:
        low, high = int(labels.min()), int(labels.max())
        if num_classes is None:
            num_classes = high + 1
        if low < 0 or high >= num_classes:
            raise ValueError(
                f"{fn}(): class labels are 0-based, from 0 to "
                f"num_classes - 1 = {num_classes - 1} (keras3 R users "
                f"subtract 1 from R's labels; Python's start at 0). "
                f"Received labels from {low} to {high}, num_classes="
                f"{num_classes}.")
    return keras.utils.to_categorical(x, num_classes=num_classes)


@export("data utilities")
def normalize(x, axis=-1, order=2):
    """Scale vectors to length 1 (in the norm of `order`).

    Every slice along `axis` is divided by its norm; all-zero slices stay
    zero.

    keras3 R: ``normalize()``. `axis` counts from 0 (R counts from 1);
    `-1`, the last axis, is the default in both. `axis=0` works on NumPy
    arrays (Keras 3.15 takes it for the last axis there).

    Args:
        x: an array or tensor.
        axis: the axis (0-based) along which the norm is taken.
        order: the norm: 2 (Euclidean length), 1 (sum of absolute
            values), ...

    Returns:
        An array (a tensor for a tensor input) of the shape of `x`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import normalize
        >>> normalize(np.array([[3.0, 4.0], [0.0, 0.0]])).tolist()
        [[0.6, 0.8], [0.0, 0.0]]
    """
    fn = "normalize"
    axis = as_axis(fn, "axis", axis)
    if not is_int(axis):
        raise ArgumentTypeError(
            f"{fn}(): `axis` must be one axis (an integer, 0-based). "
            f"Received: axis={axis!r}")
    ndim = len(np.shape(x))
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"{fn}(): `x` has {ndim} axes, so `axis` must be in "
            f"[{-ndim}, {ndim - 1}] (0-based). Received: axis={axis}")
    # Counted from the end: Keras takes axis 0 of an array for the last.
    return keras.utils.normalize(x, axis=axis - ndim if axis >= 0 else axis,
                                 order=as_int(fn, "order", order, minimum=1))


# --------------------------------------------------------------------------
# Downloads

def _download_name(fname, origin, extract):
    """The name of the file Keras downloads to, in the cache subfolder."""
    name = fname or os.path.basename(urllib.parse.urlsplit(origin).path)
    if extract and not (fname and "." in fname):
        return f"{name}_archive"
    return name


@export("data utilities")
def get_file(fname=None, origin=None, *, file_hash=None,
             cache_subdir="datasets", hash_algorithm="auto", extract=False,
             archive_format="auto", cache_dir=None, force_download=False):
    """Download a file into Keras's cache folder, unless it is there.

    The file lands in `cache_dir/cache_subdir/fname`: by default
    `~/.keras/datasets/` (or `$KERAS_HOME/datasets/`). A file already there
    is used without downloading, after checking `file_hash` when given (a
    mismatch downloads it again). `origin` may be a `file://` URL. Without
    network, the error says where to copy the file by hand.

    keras3 R: ``get_file()``. `KERAS_HOME` is read at each call (Keras
    reads it once, at import), and a `cache_dir` that does not exist yet
    is created (Keras would use `/tmp/.keras` instead). Keras's deprecated
    `untar` and `md5_hash` are left out (use `extract` and `file_hash`).

    Args:
        fname: the file's name in the cache folder (no folders); `None`
            takes the name from `origin`. With `extract`, a name without a
            dot names the folder the archive is unpacked into.
        origin: the URL to download from.
        file_hash: the expected SHA-256 (or MD5) hash of the file; `None`
            skips the check.
        cache_subdir: the subfolder of the cache folder (an absolute path
            is used as it is).
        hash_algorithm: `"sha256"`, `"md5"` or `"auto"` (known by the
            hash's length).
        extract: unpack the file (a tar or zip archive).
        archive_format: `"auto"`, `"tar"`, `"zip"` or `None` (with
            `extract`).
        cache_dir: the cache folder; `None` uses `KERAS_HOME` when set,
            else `~/.keras`.
        force_download: download even when the file is in the cache.

    Returns:
        The path of the file (of the unpacked folder with `extract`), a
        string.

    Example:
        >>> import os, pathlib
        >>> from pykeras3 import get_file
        >>> _ = pathlib.Path("notes.txt").write_text("hello")
        >>> url = pathlib.Path("notes.txt").absolute().as_uri()
        >>> path = get_file("notes.txt", url, cache_dir="cache")
        Downloading data from file://...
        >>> os.path.relpath(path), open(path).read()
        ('cache/datasets/notes.txt', 'hello')
    """
    fn = "get_file"
    origin = check_origin(fn, origin)
    if fname is not None:
        fname = file_name(fn, fname, "fname")
    root = cache_root(folder_arg(fn, cache_dir))
    if not isinstance(cache_subdir, (str, os.PathLike)):
        raise ArgumentTypeError(
            f"{fn}(): `cache_subdir` must be a folder name. "
            f"Received: cache_subdir={cache_subdir!r}")
    cache_subdir = os.fspath(cache_subdir)
    extract = as_bool(fn, "extract", extract)
    try:
        os.makedirs(root, exist_ok=True)
    except OSError:
        pass
    name = _download_name(fname, origin, extract)
    try:
        return keras.utils.get_file(
            fname=fname, origin=origin, file_hash=file_hash,
            cache_subdir=cache_subdir, hash_algorithm=hash_algorithm,
            extract=extract, archive_format=archive_format, cache_dir=root,
            force_download=as_bool(fn, "force_download", force_download))
    except Exception as err:
        if os.path.exists(os.path.join(root, cache_subdir, name)):
            raise  # downloaded (or there before): not a download failure
        raise download_error(fn, err, origin, root, cache_subdir, name,
                             given=cache_dir is not None) from err
