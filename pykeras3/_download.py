"""Keras's download cache, shared by `get_file()` and the `dataset_*()`
functions: where a file lives, and what to say when it cannot be
downloaded.

Keras keeps downloads in its cache folder: `$KERAS_HOME`, else `~/.keras`
(`/tmp/.keras` when the home folder cannot be written), each kind in a
subfolder (`datasets`, `models`).  Keras reads `KERAS_HOME` once, when it
is imported; pykeras3 reads it at every call and hands the folder to Keras
explicitly, so both always agree, and setting `KERAS_HOME` later (a test,
a notebook) takes effect.
"""

from __future__ import annotations

import os

import keras

from ._args import ArgumentTypeError
from ._files import as_path


def cache_root(cache_dir=None):
    """The folder Keras keeps downloads in: `cache_dir` when given, else
    `$KERAS_HOME`, else `~/.keras` (`/tmp/.keras` when the home folder
    cannot be written, as Keras decides)."""
    if cache_dir is not None:
        return os.path.expanduser(os.fspath(cache_dir))
    home = os.environ.get("KERAS_HOME")
    if home:
        return os.path.expanduser(home)
    base = os.path.expanduser("~")
    if not os.access(base, os.W_OK):
        base = "/tmp"
    return os.path.join(base, ".keras")


def file_name(fn, value, arg="path"):
    """A file name inside the cache folder (Keras refuses folders in it)."""
    text = as_path(fn, value, arg)
    if os.path.basename(text) != text or text in (".", ".."):
        raise ValueError(
            f"{fn}(): `{arg}` is the name of a file inside Keras's cache "
            f"folder, without folders (pass `cache_dir` to use another "
            f"folder). Received: {arg}={value!r}")
    return text


def folder_arg(fn, value, arg="cache_dir"):
    """An optional folder argument as a path string."""
    return None if value is None else as_path(fn, value, arg)


def fetch(fn, name, origin, *, cache_dir=None, cache_subdir="datasets",
          file_hash=None, unpacked=None, siblings=None):
    """The local path of the cached file `name`, downloading it through
    `keras.utils.get_file` only when it is not in the cache yet.

    A file already in the cache is used as it is (Keras would check its
    hash, and download it again when that differs).  With `unpacked` (what
    the unpacked archive holds), the download is an archive Keras unpacks
    into the folder `name`: the folder is returned when it exists, else
    the archive (`name` + `"_archive"`, which Keras checks against its
    hash) is unpacked, or downloaded and unpacked.  `siblings`: all the
    files, `name` among them, that come from the same folder of `origin`
    and are needed together (named in the error).

    A failed download raises the error Keras raised, of the same type,
    with what could not be downloaded, where Keras looks for it, and how to
    put it there by hand (see `download_error`).
    """
    root = cache_root(cache_dir)
    target = os.path.join(root, cache_subdir, name)
    if os.path.exists(target):
        return target
    try:
        os.makedirs(root, exist_ok=True)  # else Keras falls back to /tmp
    except OSError:
        pass
    try:
        return keras.utils.get_file(
            fname=name, origin=origin, file_hash=file_hash,
            cache_subdir=cache_subdir, cache_dir=root,
            extract=unpacked is not None)
    except Exception as err:
        raise download_error(fn, err, origin, root, cache_subdir, name,
                             given=cache_dir is not None, unpacked=unpacked,
                             siblings=siblings) from err


def download_error(fn, err, origin, root, cache_subdir, name, *,
                   given=False, unpacked=None, siblings=None):
    """`err`'s type, with the way to do without network: which file, where
    Keras looks for it, where to download it and where to put it, then
    Keras's message.  `given`: the cache folder came from `cache_dir`."""
    folder = os.path.join(root, cache_subdir)
    target = os.path.join(folder, name)
    looks = f"the file {name!r}"
    if unpacked is not None:
        looks = (f"the folder {name!r} (or the archive "
                 f"{name + '_archive'!r})")
        place = (f"download {origin} on a machine that has network, and "
                 f"either copy it to {target + '_archive'!r} (Keras checks "
                 f"it and unpacks it), or unpack it yourself into the "
                 f"folder {target!r} so that it holds {unpacked}.")
    elif siblings:
        base = origin[:-len(name)]
        place = (f"download the {len(siblings)} files of this dataset, "
                 f"{', '.join(siblings)}, from {base} (that address "
                 f"followed by the file name) on a machine that has "
                 f"network, and copy them into {folder!r}; they are then "
                 f"used without downloading.")
    else:
        place = (f"download {origin} on a machine that has network and copy "
                 f"it to {target!r}; it is then used without downloading.")
    which = "given as `cache_dir`" if given else \
        "`KERAS_HOME` when set, else ~/.keras"
    message = (
        f"{fn}(): could not download {origin}. Keras looks for {looks} in "
        f"{folder!r}: the subfolder {cache_subdir!r} of its cache folder "
        f"{root!r} ({which}). To work without network, {place} "
        f"Keras's error: {err}")
    return same_type(err, message)


def same_type(err, message):
    """An exception of `err`'s type with `message`; for a type that is not
    made from a message alone, its nearest base class that is."""
    for kind in type(err).__mro__:
        try:
            new = kind(message)
        except Exception:
            continue
        if str(new) == message:
            return new
    return Exception(message)


def check_origin(fn, origin):
    if not isinstance(origin, str) or not origin.strip():
        raise ArgumentTypeError(
            f"{fn}(): `origin` must be the URL to download the file from "
            f"(`file://` URLs work too). Received: origin={origin!r}")
    return origin
