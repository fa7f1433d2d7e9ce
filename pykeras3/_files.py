"""File rules shared by every verb that reads or writes, and the checkpoint
callback: path normalisation, the suffix rules, and the atomic writer.

Suffix rules
    One table (`RULES`) says which names each kind of file must have and
    why.  `check_suffix()` is the only place that enforces it; it raises a
    ValueError before anything is read or written, naming the argument,
    quoting what was received and suggesting the corrected name.

Atomic writes
    `atomic_write()` is the only way pykeras3 writes a file.  The content
    goes to a hidden temporary file in the target's directory, is flushed to
    disk (fsync), and only then renamed over the target (an atomic step on
    POSIX and Windows).  A failure part way leaves the earlier file intact;
    after an exception the temporary file is removed.  A process killed
    mid-write leaves at most a hidden temporary file (named with
    `TEMP_MARKER`) next to an intact target.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from dataclasses import dataclass

from ._args import ArgumentTypeError

TEMP_MARKER = ".pykeras3-tmp-"


# --------------------------------------------------------------------------
# Paths

def as_path(fn, value, arg="filepath"):
    """A `str` or `os.PathLike` as a string, with `~` expanded."""
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        if isinstance(text, bytes):
            text = os.fsdecode(text)
        if text.strip():
            return os.path.expanduser(text)
    raise ArgumentTypeError(
        f"{fn}(): `{arg}` must be a path (a str or pathlib.Path). "
        f"Received: {arg}={value!r}")


# --------------------------------------------------------------------------
# Suffix rules

@dataclass(frozen=True)
class Rule:
    accepted: tuple          # endings that are accepted ("" = a directory)
    why: str                 # one sentence: why this ending
    refused: tuple = ()      # (ending, advice) pairs refused despite `accepted`


RULES = {
    "model": Rule(
        (".keras",),
        "a whole model (architecture, weights and optimizer state) is "
        "written as a Keras 3 '.keras' archive; weights alone go to a "
        "'.weights.h5' file"),
    "model_dir": Rule(
        ("",),
        "with zipped=False Keras writes an unzipped model directory, whose "
        "name must not end in '.keras' (Keras only reads '.keras' as a zip "
        "archive)"),
    "weights": Rule(
        (".weights.h5",),
        "Keras 3 writes weights in its HDF5 weights format, whose file "
        "names end in '.weights.h5'"),
    "sharded_weights": Rule(
        (".weights.json",),
        "with max_shard_size, Keras writes an index file ending in "
        "'.weights.json' beside its '.weights.h5' shards"),
    "config": Rule(
        (".json",),
        "a model configuration is JSON text"),
    "model_in": Rule(
        (".keras", ".h5", ".hdf5"),
        "whole models are read from Keras 3 '.keras' archives or legacy "
        "'.h5' model files",
        refused=((".weights.h5",
                  "that name holds weights only: load it into a model with "
                  "load_model_weights(model, {path!r})"),)),
    "weights_in": Rule(
        (".weights.h5", ".weights.json", ".keras"),
        "weights are read from '.weights.h5' files, sharded "
        "'.weights.json' indexes, or the weights inside a '.keras' model"),
}

# Endings recognised when suggesting a corrected name (longest first).
_KNOWN_ENDINGS = (
    ".weights.h5", ".weights.json", ".weights.keras", ".weights.hdf5",
    ".weights", ".keras", ".hdf5", ".h5", ".json", ".ckpt", ".tf", ".pb",
    ".savedmodel", ".model", ".zip", ".pt", ".pth", ".pkl", ".index",
)


def _ends(path, ending):
    # Case-sensitive, as Keras is: 'M.KERAS' is refused (with 'M.keras'
    # suggested) rather than passed on to a Keras error.
    return path.endswith(ending) if ending else True


def suggest(path, ending):
    """`path` with its current ending replaced by `ending`.

    `'ckpt.h5'` -> `'ckpt.weights.h5'`; `'{epoch:02d}-{val_loss:.2f}.hdf5'`
    -> `'{epoch:02d}-{val_loss:.2f}.keras'`; `'model'` -> `'model.keras'`.
    """
    stem = path
    for known in _KNOWN_ENDINGS:
        if path.lower().endswith(known):
            stem = path[:-len(known)]
            break
    else:
        base = os.path.basename(path)
        if "." in base.lstrip("."):
            ext = base.rsplit(".", 1)[1]
            if ext and ext.isalnum() and len(ext) <= 12:
                stem = path[:-(len(ext) + 1)]
    if not stem or stem.endswith(("/", os.sep)):
        stem += "model"
    return stem + ending


def _ending_text(endings):
    quoted = [f"'{e}'" for e in endings]
    return quoted[0] if len(quoted) == 1 else \
        ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check_suffix(fn, value, kind, arg="filepath", hint=None):
    """Check `value` against the rule `kind`; return it as a path string.

    Raises ValueError (nothing read or written yet) with the argument, the
    value received, the rule and why, and a suggested corrected name.
    """
    path = as_path(fn, value, arg)
    shown = os.fspath(value)
    rule = RULES[kind]
    for ending, advice in rule.refused:
        if _ends(path, ending):
            raise ValueError(
                f"{fn}(): `{arg}` cannot be {shown!r}: "
                f"{advice.format(path=shown)}. "
                f"Received: {arg}={shown!r}.")
    if kind == "model_dir":
        path = path.rstrip("/\\") or path
        if path.lower().endswith(".keras"):
            fixed = path[:-len(".keras")]
            raise ValueError(
                f"{fn}(): `{arg}` must be a directory name without '.keras' "
                f"({rule.why}). Received: {arg}={shown!r}. "
                f"Did you mean {fixed!r}, or zipped=True?")
        return path
    if any(_ends(path, e) for e in rule.accepted):
        return path
    fixed = suggest(shown, rule.accepted[0])
    message = (
        f"{fn}(): `{arg}` must end in {_ending_text(rule.accepted)} "
        f"({rule.why}). Received: {arg}={shown!r}. "
        f"Did you mean {fixed!r}?")
    if hint:
        message += " " + hint
    raise ValueError(message)


def check_overwrite(fn, path, overwrite):
    """Refuse to replace an existing file unless `overwrite=True`."""
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(
            f"{fn}(): {path!r} already exists and overwrite=False. "
            f"Pass overwrite=True to replace it (the replacement is atomic: "
            f"the old file stays intact if the save fails).")


def check_readable(fn, path, arg="filepath"):
    if not os.path.exists(path):
        raise FileNotFoundError(
            f"{fn}(): no file at {path!r}. Received: {arg}={path!r}.")


# --------------------------------------------------------------------------
# Atomic writes

def is_temp_name(name):
    """True for the hidden staging names `atomic_write()` uses."""
    return TEMP_MARKER in os.path.basename(name)


def staging_dir(target):
    """Create and return a new hidden staging directory beside `target`.

    The new content is written inside it under the target's own file name
    (Keras picks the format from the name), so nothing partial ever sits in
    the target's folder under a name that looks like a checkpoint.
    """
    folder, base = os.path.split(target)
    path = os.path.join(folder, f".{base}{TEMP_MARKER}{secrets.token_hex(4)}")
    os.mkdir(path)
    return path


def _fsync_file(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder):
    """Make a rename inside `folder` durable (no-op where unsupported)."""
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def fsync_tree(path):
    """Flush a file, or every file of a directory tree, to disk."""
    if os.path.isdir(path):
        for root, _dirs, files in os.walk(path):
            for name in files:
                _fsync_file(os.path.join(root, name))
            fsync_dir(root)
    else:
        _fsync_file(path)


def remove_path(path):
    """Remove a file or directory tree; a missing path is fine."""
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.remove(path)
    except FileNotFoundError:
        pass


def atomic_write(target, write, before_replace=None, release=None):
    """Write `target` atomically.

    Args:
        target: the final path.
        write: a function called with a temporary path that writes the new
            content there. The path lies in a hidden staging directory
            beside `target` and has the same file name as `target`.
        before_replace: optional function called after the new content is
            on disk and before it replaces `target`.
        release: optional function given an open descriptor of the file
            being replaced. Freeing a large file's blocks makes a rename over
            it take milliseconds; holding the old file open moves that work
            to whenever `release` closes the descriptor (the checkpoint
            callback does it in a background thread). POSIX only.

    Missing parent directories are created.  If anything fails before the
    rename, the staging directory is removed and `target` is as it was.  A
    directory target (an unzipped model) cannot be swapped in one step: the
    old one is moved into the staging directory, the new one moved in, then
    the old one deleted.
    """
    folder = os.path.dirname(target)
    if folder:
        os.makedirs(folder, exist_ok=True)
    stage = staging_dir(target)
    tmp = os.path.join(stage, os.path.basename(target))
    try:
        write(tmp)
        if not os.path.lexists(tmp):
            raise RuntimeError(
                f"internal error: nothing was written for {target!r}")
        fsync_tree(tmp)
        if before_replace is not None:
            before_replace()
        if os.path.isdir(tmp) or os.path.isdir(target):
            _replace_directory(tmp, target, os.path.join(stage, ".old"))
        else:
            old = _hold_open(target) if release is not None else None
            try:
                os.replace(tmp, target)
            finally:
                if old is not None:
                    release(old)
        fsync_dir(folder)
    finally:
        remove_path(stage)
    return target


def _hold_open(path):
    """An open read-only descriptor of an existing regular file, or None."""
    if os.name != "posix" or not os.path.isfile(path):
        return None
    try:
        return os.open(path, os.O_RDONLY)
    except OSError:
        return None


def _replace_directory(tmp, target, aside):
    moved = False
    if os.path.lexists(target):
        os.replace(target, aside)
        moved = True
    try:
        os.replace(tmp, target)
    except BaseException:
        if moved:
            os.replace(aside, target)
        raise


def atomic_write_text(target, text):
    """Write text (UTF-8) atomically."""
    def write(tmp):
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
    return atomic_write(target, write)


def write_sharded_weights(model, target, max_shard_size):
    """Save sharded weights: an index file `target` plus its shard files.

    Keras names the shards after the index (`w.weights.json` ->
    `w_00000.weights.h5`, ...), so the set cannot change in one rename.
    The new set is written and flushed in a staging directory first (under
    its final names).  Then the previous index and shards are moved into
    the staging directory, the new shards and finally the new index are
    moved into place, and only then is the previous set deleted.  A failure
    while writing leaves the previous set untouched; a crash during the
    renames leaves it complete inside the hidden staging directory, so
    nothing is lost.
    """
    folder = os.path.dirname(target)
    if folder:
        os.makedirs(folder, exist_ok=True)
    stage = staging_dir(target)
    staged = os.path.join(stage, os.path.basename(target))
    old = os.path.join(stage, ".old")
    moved = []
    try:
        model.save_weights(staged, max_shard_size=max_shard_size)
        shards = sorted(_shards_of(staged))
        for name in shards + [os.path.basename(target)]:
            _fsync_file(os.path.join(stage, name))
        os.mkdir(old)
        previous = [os.path.basename(target)] + sorted(_shards_of(target))
        for name in previous:
            if os.path.lexists(os.path.join(folder, name)):
                os.replace(os.path.join(folder, name), os.path.join(old, name))
                moved.append(name)
        for name in shards + [os.path.basename(target)]:
            os.replace(os.path.join(stage, name), os.path.join(folder, name))
        fsync_dir(folder)
    except BaseException:
        for name in moved:
            os.replace(os.path.join(old, name), os.path.join(folder, name))
        remove_path(stage)
        raise
    remove_path(stage)
    return target


def _shards_of(index_path):
    """The shard file names an index file refers to (empty if unreadable)."""
    try:
        with open(index_path, encoding="utf-8") as f:
            weight_map = json.load(f).get("weight_map", {})
    except (OSError, ValueError, AttributeError):
        return set()
    names = set()
    for value in weight_map.values():
        names.update([value] if isinstance(value, str) else value)
    return {os.path.basename(n) for n in names}
