"""The checkpoint state file: what a resumed run needs to know.

A hidden JSON file beside the checkpoints (`Template.state_path`) records
the best value, its epoch and file, the kept files and the lineage's start
time.  Paths in it are relative to the checkpoint folder.

Order of commit
    A save that changes the state writes it *before* the checkpoint is
    moved into place, with the new state under `pending` together with the
    identity (inode, size, modification time) of the staged file.  The
    top-level fields stay those of the last completed save.  On restart,
    `pending` is taken only if the file at its path is that very file (the
    move happened); otherwise it is ignored.  So the state never claims a
    file that is not on disk, and a kill between the move and the next
    state write loses nothing: not the new best value, and not the list of
    files to prune.

Validation
    Every field read from a file (or given to `set_state()`) is type- and
    range-checked.  A state that fails is set aside as `<name>.bad` with a
    warning and the callback starts fresh; no checkpoint is deleted.  Paths
    that are not names the template produces inside the checkpoint folder
    are dropped with a warning, so a hand-edited or hostile state can never
    make pruning delete anything else.

Format 1 (pykeras3 0.1, no `pending`, written before the move, under a
name distinct templates could share) is still read.
"""

from __future__ import annotations

import json
import math
import numbers
import os
import warnings

import numpy as np

from .._files import atomic_write_text
from .._monitor import MonitorWarning
from .template import FN

FORMAT = "pykeras3 checkpoint state"
VERSION = 2
_STATE_KEYS = ("best", "best_epoch", "best_filepath", "last_filepath",
               "last_epoch", "files")


class CheckpointWarning(MonitorWarning):
    """Warnings from pykeras3's checkpoint callback."""


class BadState(ValueError):
    """A state that fails validation."""


def warn(message, stacklevel=5):
    warnings.warn(f"{FN}(): {message}", CheckpointWarning,
                  stacklevel=stacklevel)


# ----------------------------------------------------------------------
# Field checks

def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(
        value, (bool, np.bool_))


def _finite_or_none(name, value):
    if value is None:
        return None
    if not _is_number(value) or not math.isfinite(value):
        raise BadState(f"{name} must be a finite number or null. "
                       f"Received: {name}={value!r}")
    return float(value)


def _int_or_none(name, value, minimum=None):
    if value is None:
        return None
    if not isinstance(value, numbers.Integral) or isinstance(
            value, (bool, np.bool_)) or (minimum is not None and
                                         value < minimum):
        kind = "an integer" if minimum is None else \
            "a non-negative integer"
        raise BadState(f"{name} must be {kind} or null. "
                       f"Received: {name}={value!r}")
    return int(value)


def _index_or_none(name, value):
    return _int_or_none(name, value, minimum=0)


def _str_or_none(name, value):
    if value is not None and not isinstance(value, str):
        raise BadState(f"{name} must be a string or null. "
                       f"Received: {name}={value!r}")
    return value


def _record(value, where):
    if not isinstance(value, dict):
        raise BadState(f"each entry of {where} must be an object with a "
                       f"'path'. Received: {value!r}")
    path = value.get("path")
    if not isinstance(path, str):
        raise BadState(f"each entry of {where} needs a 'path' string. "
                       f"Received: {value!r}")
    return {"path": path,
            "epoch": _index_or_none(f"{where}[].epoch", value.get("epoch")),
            "batch": _index_or_none(f"{where}[].batch", value.get("batch")),
            "value": _finite_or_none(f"{where}[].value",
                                     value.get("value"))}


def _core(raw, where):
    """The fields describing the saves (top level, or a pending state)."""
    if not isinstance(raw, dict):
        raise BadState(f"{where} must be an object. Received: {raw!r}")
    files = raw.get("files", [])
    if not isinstance(files, list):
        raise BadState(f"{where}.files must be a list. "
                       f"Received: files={files!r}")
    return {
        "best": _finite_or_none("best", raw.get("best")),
        "best_epoch": _index_or_none("best_epoch", raw.get("best_epoch")),
        "best_filepath": _str_or_none("best_filepath",
                                      raw.get("best_filepath")),
        "last_filepath": _str_or_none("last_filepath",
                                      raw.get("last_filepath")),
        "last_epoch": _index_or_none("last_epoch", raw.get("last_epoch")),
        "files": [_record(r, "files") for r in files],
    }


def check_mode(saved, mode, monitor):
    """Raise BadState when the saved direction contradicts the callback's
    own: an explicit `mode`, or, with mode='auto', a monitor whose name
    fixes the direction (a loss is minimised, an accuracy maximised)."""
    if saved is None:
        return
    if saved not in ("min", "max"):
        raise BadState(f"mode must be 'min', 'max' or null. "
                       f"Received: mode={saved!r}")
    expected = mode if mode in ("min", "max") else _fixed_direction(monitor)
    if expected is not None and saved != expected:
        raise BadState(f"the state's mode is {saved!r} but this callback "
                       f"{'has' if mode != 'auto' else 'needs'} "
                       f"mode={expected!r} for monitor={monitor!r}")


def _fixed_direction(monitor):
    name = monitor[4:] if monitor.startswith("val_") else monitor
    if name == "loss" or name.endswith("_loss"):
        return "min"
    if name in ("acc", "accuracy") or name.endswith(("_acc", "_accuracy")):
        return "max"
    return None


def validate(raw, *, mode, monitor, file=True):
    """A checked, normalised copy of a state dict (raises BadState).

    `file=True` for the content of a state file (relative paths, format
    and version, `pending`); `file=False` for `set_state()`.
    """
    if not isinstance(raw, dict):
        raise BadState(f"a state must be a JSON object. "
                       f"Received: {type(raw).__name__}")
    if file:
        if raw.get("format") != FORMAT:
            raise BadState(f"format must be {FORMAT!r}. "
                           f"Received: format={raw.get('format')!r}")
        version = raw.get("version")
        if version not in (1, VERSION) or isinstance(version, bool):
            raise BadState(f"version must be 1 or {VERSION}. "
                           f"Received: version={version!r}")
    else:
        missing = [k for k in ("filepath", "monitor", "mode", "best",
                               "best_epoch", "best_filepath",
                               "last_filepath", "files") if k not in raw]
        if missing:
            raise BadState(f"the state lacks {missing}")
    for key in ("filepath", "monitor"):
        if not isinstance(raw.get(key), str):
            raise BadState(f"{key} must be a string. "
                           f"Received: {key}={raw.get(key)!r}")
    check_mode(raw.get("mode"), mode, raw["monitor"])
    out = {"filepath": raw["filepath"], "monitor": raw["monitor"],
           "mode": raw.get("mode"),
           "since": _int_or_none("since", raw.get("since")),
           "version": raw.get("version", VERSION) if file else VERSION}
    out.update(_core(raw, "state"))
    pending = raw.get("pending") if file else None
    if pending is not None:
        if not isinstance(pending, dict):
            raise BadState(f"pending must be an object or null. "
                           f"Received: pending={pending!r}")
        check = pending.get("check")
        if not isinstance(check, dict) or not isinstance(
                check.get("path"), str) or not all(
                _int_or_none(k, check.get(k)) is not None
                for k in ("ino", "size", "mtime_ns")):
            raise BadState(f"pending.check must hold a path, ino, size and "
                           f"mtime_ns. Received: {check!r}")
        delete = pending.get("delete", [])
        if not isinstance(delete, list) or not all(
                isinstance(p, str) for p in delete):
            raise BadState(f"pending.delete must be a list of paths. "
                           f"Received: {delete!r}")
        out["pending"] = {"check": dict(check), "delete": list(delete),
                          "state": _core(pending.get("state"),
                                         "pending.state")}
    else:
        out["pending"] = None
    return out


# ----------------------------------------------------------------------
# Reading

def read(path, *, template_text, mode, monitor, legacy=False):
    """The validated content of the state file at `path`, or None.

    A missing file gives None.  A file that fails validation is set aside
    as `.bad` (with a warning) and gives None, except a legacy file
    (pykeras3 0.1's shared name) written for another template, which is
    simply not ours.
    """
    try:
        if os.path.islink(path):
            raise BadState("it is a symlink")
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except FileNotFoundError:
        return None
    except (IsADirectoryError, UnicodeDecodeError, ValueError) as err:
        return _set_aside(path, err)
    except OSError as err:
        warn(f"could not read the state file {path!r} ({err.strerror}); "
             f"starting with a fresh state.")
        return None
    if legacy and isinstance(raw, dict) and \
            raw.get("filepath") != template_text:
        return None
    try:
        state = validate(raw, mode=mode, monitor=monitor)
        if state["filepath"] != template_text:
            raise BadState(f"it belongs to filepath={state['filepath']!r}, "
                           f"not {template_text!r}")
    except BadState as err:
        return _set_aside(path, err)
    return state


def _set_aside(path, err):
    """Move an invalid state file out of the way, keeping it for a look."""
    for n in range(100):
        aside = f"{path}.bad" if n == 0 else f"{path}.bad{n}"
        if n and os.path.lexists(aside):
            continue
        try:
            os.replace(path, aside)
        except OSError:
            continue
        warn(f"the state file {path!r} is not valid ({err}); it was kept "
             f"as {aside!r} and the callback starts with a fresh state (no "
             f"checkpoint is deleted).")
        return None
    warn(f"the state file {path!r} is not valid ({err}) and could not be "
         f"set aside; the callback starts with a fresh state.")
    return None


# ----------------------------------------------------------------------
# Writing

def write(path, state):
    """Write a state dict (already in file form) atomically."""
    body = {"format": FORMAT, "version": VERSION}
    body.update(state)
    atomic_write_text(path, json.dumps(body, separators=(",", ":"),
                                       allow_nan=False), fn=FN)


def file_identity(stat_result):
    """What identifies one file across a rename: inode, size, mtime."""
    return {"ino": stat_result.st_ino, "size": stat_result.st_size,
            "mtime_ns": stat_result.st_mtime_ns}


def is_same_file(path, check):
    """True when the file at `path` is the one `check` describes."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return file_identity(st) == {k: check[k] for k in
                                 ("ino", "size", "mtime_ns")}
