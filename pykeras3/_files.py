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
import pathlib
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
    return path.lower().endswith(ending) if ending else True


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
        if path.lower().rstrip("/\\").endswith(".keras"):
            fixed = path.rstrip("/\\")[:-len(".keras")]
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
    """True for the hidden temporary names `atomic_write()` uses."""
    return TEMP_MARKER in os.path.basename(name)


def temp_name(target, ending):
    """A hidden temporary path beside `target` that still ends in
    `ending` (Keras decides the format from the file name)."""
    folder, base = os.path.split(target)
    token = secrets.token_hex(4)
    return os.path.join(folder, f".{base}{TEMP_MARKER}{token}{ending}")


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
            shutil.rmtree(path)
        else:
            os.remove(path)
    except FileNotFoundError:
        pass


def atomic_write(target, write, ending, before_replace=None):
    """Write `target` atomically.

    Args:
        target: the final path.
        write: a function called with a temporary path (beside `target`,
            ending in `ending`) that writes the content there.
        ending: the ending the temporary name needs ("" for directories).
        before_replace: optional function called after the content is on
            disk and before it replaces `target`.

    Missing parent directories are created.  If `write` (or anything before
    the rename) fails, the temporary file is removed and `target` is left as
    it was.  A directory target (an unzipped model) cannot be swapped in one
    step: the old one is moved aside, the new one moved in, then the old one
    removed.
    """
    folder = os.path.dirname(target)
    if folder:
        os.makedirs(folder, exist_ok=True)
    tmp = temp_name(target, ending)
    try:
        write(tmp)
        if not os.path.lexists(tmp):
            raise RuntimeError(
                f"internal error: nothing was written for {target!r}")
        fsync_tree(tmp)
        if before_replace is not None:
            before_replace()
        if os.path.isdir(tmp) or os.path.isdir(target):
            _replace_directory(tmp, target)
        else:
            os.replace(tmp, target)
        fsync_dir(folder)
    except BaseException:
        remove_path(tmp)
        raise
    return target


def _replace_directory(tmp, target):
    old = None
    if os.path.lexists(target):
        old = temp_name(target, ".old")
        os.replace(target, old)
    try:
        os.replace(tmp, target)
    except BaseException:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        remove_path(old)


def atomic_write_text(target, text):
    """Write text (UTF-8) atomically."""
    def write(tmp):
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
    return atomic_write(target, write, "")


def atomic_write_bytes(target, data):
    def write(tmp):
        with open(tmp, "wb") as f:
            f.write(data)
    return atomic_write(target, write, "")


def write_sharded_weights(model, target, max_shard_size):
    """Save sharded weights: an index file `target` plus its shard files.

    Keras names the shards after the index (`w.weights.json` ->
    `w_00000.weights.h5`, ...), so the set cannot change in one rename.
    The new set is written and flushed under temporary names first.  Then
    the previous index and shards are moved aside (renames), the new shards
    and index are renamed into place (the index last), and only then is the
    previous set deleted.  A failure while writing leaves the previous set
    untouched; a crash during the renames leaves the previous set complete
    under its hidden temporary names, so nothing is lost.
    """
    folder = os.path.dirname(target)
    if folder:
        os.makedirs(folder, exist_ok=True)
    final_base = _shard_base(target)
    staged = temp_name(target, ".weights.json")
    staged_base = _shard_base(staged)
    try:
        model.save_weights(staged, max_shard_size=max_shard_size)
        with open(staged, encoding="utf-8") as f:
            index = json.load(f)
        renames = {}
        for key, names in index.get("weight_map", {}).items():
            single = isinstance(names, str)
            fixed = []
            for name in ([names] if single else names):
                new = final_base + name[len(staged_base):]
                renames[name] = new
                fixed.append(new)
            index["weight_map"][key] = fixed[0] if single else fixed
        for name in renames:
            _fsync_file(os.path.join(folder, name))
    except BaseException:
        for name in _shards_of(staged):
            remove_path(os.path.join(folder, name))
        remove_path(staged)
        raise
    remove_path(staged)
    previous = [target] + [os.path.join(folder, n)
                           for n in sorted(_shards_of(target))]
    aside = []
    try:
        for path in previous:
            if os.path.lexists(path):
                backup = temp_name(path, ".old")
                os.replace(path, backup)
                aside.append((path, backup))
        for name, new in renames.items():
            os.replace(os.path.join(folder, name), os.path.join(folder, new))
        atomic_write_text(target, json.dumps(index, indent=4))
    except BaseException:
        for path, backup in aside:
            os.replace(backup, path)
        for name in renames:
            remove_path(os.path.join(folder, name))
        raise
    for _path, backup in aside:
        remove_path(backup)
    return target


def _shard_base(index_path):
    """The prefix Keras gives the shards of an index file."""
    return pathlib.Path(index_path).stem.replace(".weights", "")


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
