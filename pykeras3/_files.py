"""File rules shared by every verb that reads or writes, and the checkpoint
callback: names, the suffix rules, and the atomic writer.

Names
    `as_path()` turns a `str`/`os.PathLike` into a path string and refuses,
    before anything is created, names no file system can hold: a NUL byte,
    text that cannot be encoded, a component longer than the file system's
    limit (`NAME_MAX`, 255 bytes on most).

Suffix rules
    One table (`RULES`) says which names each kind of file must have and
    why.  `check_suffix()` is the only place that enforces it; it raises a
    ValueError before anything is read or written, naming the argument,
    quoting what was received and suggesting a corrected name that is
    itself valid.

Atomic writes
    `atomic_write()` is the only way pykeras3 writes a file.  The content
    is written in a private staging entry inside the hidden folder
    `.pykeras3-staging` beside the target, flushed to disk (fsync), and
    only then moved into place: replacing the target in one rename, or,
    with `overwrite=False`, with an operation that refuses an existing
    target (so of two concurrent saves to one new path exactly one
    succeeds).  A failure part way leaves the earlier file intact and
    removes the staging entry.

    Each staging entry is locked (`flock`) by its writer for as long as it
    exists.  A process killed mid-write leaves its entry behind, unlocked;
    every later write into that folder (and a restarting checkpoint
    callback) sweeps such dead entries, and never touches a live one.
    Staging names are short and fixed-length, so any name Keras can save,
    pykeras3 can.

    Errors from the operating system name the user's path, never the
    staging path.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import secrets
import shutil
import stat
import sys
import time
from dataclasses import dataclass

try:  # POSIX: staging entries are locked while their writer lives.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from ._args import ArgumentTypeError

STAGING_DIR = ".pykeras3-staging"
_DEFAULT_NAME_MAX = 255
_DEFAULT_PATH_MAX = 4096


# --------------------------------------------------------------------------
# Names

def as_path(fn, value, arg="filepath"):
    """A `str` or `os.PathLike` as a string, with `~` expanded.

    Raises (nothing created yet) for a value that is not a path, and for
    names the operating system cannot hold (see `check_name()`).
    """
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        if isinstance(text, bytes):
            text = os.fsdecode(text)
        if text.strip():
            check_name(fn, text, arg)
            return os.path.expanduser(text)
    raise ArgumentTypeError(
        f"{fn}(): `{arg}` must be a path (a str or pathlib.Path). "
        f"Received: {arg}={value!r}")


def name_max(path):
    """The longest file name (in bytes) the file system holding `path`
    (or its nearest existing ancestor) allows."""
    probe = os.path.abspath(path)
    while True:
        try:
            return os.pathconf(probe, "PC_NAME_MAX")
        except (OSError, ValueError, AttributeError):
            parent = os.path.dirname(probe)
            if parent == probe:
                return _DEFAULT_NAME_MAX
            probe = parent


def name_problem(path):
    """Why the OS cannot hold `path`, and a corrected name (or None); or
    None when it can."""
    if "\0" in path:
        return ("contains a NUL byte ('\\x00'), which no file system "
                "allows in a name", path.replace("\0", ""))
    try:
        encoded = os.fsencode(path)
    except UnicodeError:
        return ("contains characters that cannot be encoded as a file name "
                "on this system", None)
    limit = name_max(os.path.dirname(path) or ".")
    for part in encoded.split(os.fsencode(os.sep)):
        if len(part) > limit:
            shown = os.fsdecode(part)
            return (f"has a component of {len(part)} bytes "
                    f"({shown[:24]!r}...); this file system allows at most "
                    f"{limit} bytes per name", None)
    if len(encoded) >= _DEFAULT_PATH_MAX:
        return (f"is {len(encoded)} bytes long; paths must be shorter than "
                f"{_DEFAULT_PATH_MAX} bytes", None)
    return None


def check_name(fn, path, arg="filepath"):
    """Refuse a name the operating system cannot hold (ValueError)."""
    problem = name_problem(path)
    if problem is not None:
        why, fixed = problem
        message = f"{fn}(): `{arg}` {why}. Received: {arg}={path!r}."
        if fixed is not None and fixed.strip() and name_problem(fixed) is \
                None:
            message += f" Did you mean {fixed!r}?"
        raise ValueError(message)
    return path


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
    "savedmodel": Rule(
        ("",),
        "a TensorFlow SavedModel is a folder (saved_model.pb and "
        "variables/)",
        refused=((".keras",
                  "Keras reads a '.keras' name as a zipped Keras model. "
                  "Export to a folder name without '.keras', or save the "
                  "whole model with save_model(model, {path!r})"),)),
    "litert": Rule(
        (".tflite",),
        "a LiteRT (TensorFlow Lite) model is one '.tflite' file"),
    "onnx": Rule(
        (".onnx",),
        "an ONNX model is one '.onnx' file"),
    "torch_program": Rule(
        (".pt2",),
        "a PyTorch exported program is one '.pt2' file"),
    "figure": Rule(
        (".png", ".svg", ".pdf", ".jpg", ".jpeg"),
        "a figure is written as a PNG, SVG, PDF or JPEG image, the format "
        "named by the ending"),
    "graph": Rule(
        (".png", ".svg", ".pdf", ".jpg", ".jpeg", ".dot", ".gv"),
        "a model's graph is drawn as a PNG, SVG, PDF or JPEG image, or "
        "written as Graphviz DOT text ('.dot' or '.gv'), the format named "
        "by the ending"),
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
    """`path` with its current ending replaced by `ending`, as a valid name.

    `'ckpt.h5'` -> `'ckpt.weights.h5'`; `'{epoch:02d}-{val_loss:.2f}.hdf5'`
    -> `'{epoch:02d}-{val_loss:.2f}.keras'`; `'model'` -> `'model.keras'`;
    `'m.keras '` -> `'m.keras'`; `'m.keras/'` -> `'m.keras'`;
    `'m.keras.zip'` -> `'m.keras'`.  A stem too
    long for the new ending is shortened so the suggestion fits.
    """
    path = path.replace("\0", "").strip()
    trimmed = path.rstrip("/" + os.sep)
    if trimmed != path and trimmed and os.path.basename(trimmed):
        # 'm.keras/' -> 'm.keras'; 'out/' stays a folder to put a file in.
        if any(trimmed.lower().endswith(k) for k in _KNOWN_ENDINGS):
            path = trimmed
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
    # Two endings: 'm.keras.zip' -> 'm.keras', 'm.h5.bak' -> 'm.keras'.
    for known in (ending,) + tuple(_KNOWN_ENDINGS):
        if known and stem.lower().endswith(known.lower()) and \
                len(stem) > len(known):
            stem = stem[:-len(known)]
            break
    if not stem or stem.endswith(("/", os.sep)):
        stem += "model"
    folder, base = os.path.split(stem)
    limit = name_max(folder or ".")
    while base and len(os.fsencode(base + ending)) > limit:
        base = base[:-1]
    return os.path.join(folder, base or "model") + ending if folder else \
        (base or "model") + ending


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
    if rule.accepted == ("",):  # a folder: 'out/' is 'out'
        path = path.rstrip("/\\") or path
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


def check_target(fn, path, overwrite, directory=False):
    """Refuse, before writing, what the commit would refuse anyway.

    * an existing path with `overwrite=False` (FileExistsError);
    * a file to be written where a folder is (IsADirectoryError):
      pykeras3 never removes a folder to write a file;
    * a parent path that is a file (NotADirectoryError).
    """
    _check_parents(fn, path)
    if not directory and os.path.isdir(path):
        raise _is_a_directory(fn, path)
    if not overwrite and os.path.lexists(path):
        raise os_error(FileExistsError, errno.EEXIST,
            f"{fn}(): {path!r} already exists and overwrite=False. "
            f"Pass overwrite=True to replace it (the replacement is atomic: "
            f"the old file stays intact if the save fails).")


def check_readable(fn, path, arg="filepath"):
    if not os.path.exists(path):
        raise os_error(FileNotFoundError, errno.ENOENT,
            f"{fn}(): no file at {path!r}. Received: {arg}={path!r}.")


def _is_a_directory(fn, path):
    return _reported(os_error(IsADirectoryError, errno.EISDIR,
        f"{fn}(): cannot write the file {path!r}: a folder of that name "
        f"exists. pykeras3 never removes a folder to write a file; remove "
        f"or rename the folder, or choose another name."))


def _check_parents(fn, path):
    """NotADirectoryError when an existing ancestor of `path` is not a
    folder (instead of the OS's 'File exists' from makedirs)."""
    folder = os.path.dirname(path)
    probe = folder
    while probe and not os.path.lexists(probe):
        parent = os.path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    if probe and os.path.lexists(probe) and not os.path.isdir(probe):
        raise _reported(os_error(NotADirectoryError, errno.ENOTDIR,
            f"{fn}(): cannot write {path!r}: {probe!r} is a file, not a "
            f"folder, so nothing can be created inside it."))


def make_parents(fn, path):
    """Create the missing folders above `path`."""
    folder = os.path.dirname(path)
    if not folder or os.path.isdir(folder):
        return
    _check_parents(fn, path)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as err:
        raise user_error(fn, path, err, created=False) from err


# --------------------------------------------------------------------------
# Errors that name the user's path

_REASONS = {
    errno.EACCES: "permission denied (is the folder read-only, or owned by "
                  "someone else?)",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file is larger than this process may write",
    errno.ENAMETOOLONG: "the name is too long for the file system",
}


def user_error(fn, target, err, staged=None, created=False):
    """`err` (an OSError) as an error of the same type whose message names
    `target` instead of any staging path, and says what was kept."""
    reason = _REASONS.get(err.errno) or err.strerror or str(err)
    if staged:
        reason = reason.replace(staged, target)
    kept = ("" if created else
            f" Nothing was replaced: {target!r} is as it was.")
    message = f"{fn}(): cannot write {target!r}: {reason}.{kept}"
    if err.errno is not None:
        return _reported(OSError(err.errno, message))
    return _reported(OSError(message))


def os_error(cls, code, message):
    """An OSError of class `cls` with errno `code` whose text is just
    `message` (Python would print "[Errno 17] ..." before it)."""
    err = cls(message)
    err.errno = code
    return err


def _reported(err):
    """Mark an OSError whose message is already written for the user."""
    err.pykeras3_reported = True
    return err


# --------------------------------------------------------------------------
# Staging entries

def staging_root(folder):
    return os.path.join(folder, STAGING_DIR) if folder else STAGING_DIR


def is_staging_path(path):
    """True for paths inside a staging folder."""
    return STAGING_DIR in path.replace(os.sep, "/").split("/")


class _Stage:
    """A private, locked staging entry `<folder>/.pykeras3-staging/<id>/`.

    The writer holds an exclusive `flock` on the entry's directory from
    just after creating it until after removing it; the lock dies with the
    process, which is how a sweep tells a dead writer's leftovers from a
    live one's.
    """

    def __init__(self, fn, target):
        self.fn = fn
        self.target = target
        self.folder = os.path.dirname(target)
        self.root = staging_root(self.folder)
        self.path = None
        self._fd = None

    def __enter__(self):
        for _attempt in range(50):
            try:
                os.mkdir(self.root)
            except FileExistsError:
                pass
            try:
                st = os.lstat(self.root)
            except FileNotFoundError:  # a sweep removed it just now
                continue
            if not stat.S_ISDIR(st.st_mode):
                raise _reported(os_error(FileExistsError, errno.EEXIST,
                    f"{self.fn}(): cannot write {self.target!r}: "
                    f"{self.root!r} should be pykeras3's hidden staging "
                    f"folder but is not a folder. Remove it and retry."))
            path = os.path.join(self.root, secrets.token_hex(6))
            try:
                os.mkdir(path)
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY",
                                                         0))
            except FileNotFoundError:  # a sweep removed the root or entry
                continue
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:  # a sweep may have removed it before the lock was taken
                same = os.path.samestat(os.stat(path), os.fstat(fd))
            except FileNotFoundError:
                same = False
            if same:
                self.path, self._fd = path, fd
                return self
            os.close(fd)
        raise RuntimeError(
            f"{self.fn}(): could not create a staging entry in "
            f"{self.root!r} (it kept disappearing).")

    def __exit__(self, *exc):
        try:
            shutil.rmtree(self.path, ignore_errors=True)
        finally:
            os.close(self._fd)
        _remove_if_empty(self.root)
        return False


def file_clock(folder):
    """The time stamp the file system gives an entry created in `folder`
    now (in ns), read from the file system itself: every file written
    there before this call has a modification time at or before it, and
    every file written after, at or after it.

    The clocks a program can read do not promise both: Linux stamps files
    from a coarse clock, except (since 6.13) when it hands out a
    fine-grained stamp, which can be later than the coarse clock reads.
    So a staging entry is created and its time read.  Without the folder
    (nothing written there yet) the coarse clock is a lower bound for
    later files, which is all that is needed."""
    if os.path.isdir(folder or "."):
        try:
            with _Stage("pykeras3", os.path.join(folder, "clock")) as stage:
                return os.fstat(stage._fd).st_mtime_ns
        except (OSError, RuntimeError):
            pass
    if _COARSE_CLOCK is not None:
        try:
            return time.clock_gettime_ns(_COARSE_CLOCK)
        except OSError:  # pragma: no cover
            pass
    return time.time_ns()


_COARSE_CLOCK = 5 if sys.platform.startswith("linux") else None  # its id


def _remove_if_empty(root):
    try:
        os.rmdir(root)
    except OSError:
        pass


def sweep(folder):
    """Remove staging entries in `folder` whose writer has died.

    An entry is removed only while holding its lock, which a living
    writer never gives up, so a write in progress (in this process or
    another) is never touched.  Without `flock` (Windows) nothing is
    swept.  Returns the entries removed.
    """
    root = staging_root(folder)
    try:
        names = os.listdir(root)
    except OSError:
        return []
    removed = []
    if fcntl is not None:
        for name in names:
            path = os.path.join(root, name)
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW |
                             getattr(os, "O_DIRECTORY", 0))
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue  # a living writer holds it
            try:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
            finally:
                os.close(fd)
    _remove_if_empty(root)
    return removed


# --------------------------------------------------------------------------
# Durability

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


# --------------------------------------------------------------------------
# Publishing: replace, or create only if absent

_RENAME_NOREPLACE = 1
_AT_FDCWD = -100
_renameat2 = None


def _load_renameat2():
    global _renameat2
    if _renameat2 is None:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            function = libc.renameat2
            function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                                 ctypes.c_char_p, ctypes.c_uint]
            function.restype = ctypes.c_int
            _renameat2 = function
        except (AttributeError, OSError, TypeError):
            _renameat2 = False
    return _renameat2


def publish_new(src, dst):
    """Move `src` to `dst` only if nothing exists at `dst` (FileExistsError
    otherwise), atomically: `renameat2(RENAME_NOREPLACE)` where the system
    has it, else a hard link (which refuses an existing name) then unlink.
    """
    function = _load_renameat2()
    if function:
        if function(_AT_FDCWD, os.fsencode(src), _AT_FDCWD,
                    os.fsencode(dst), _RENAME_NOREPLACE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP,
                        errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), dst)
    if os.path.isdir(src):
        # Folders cannot be hard-linked; a rename refuses a non-empty
        # folder or a file, and only an empty folder could be replaced.
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST),
                                  dst)
        os.rename(src, dst)
        return
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except OSError as err:  # no hard links here (e.g. some FUSE mounts)
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP,
                             errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST),
                                  dst) from None
        os.rename(src, dst)
        return
    os.unlink(src)


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


def _commit(fn, tmp, target, overwrite, aside, release):
    """Move the staged `tmp` to `target`."""
    is_dir = os.path.isdir(tmp)
    if not is_dir and os.path.isdir(target):
        raise _is_a_directory(fn, target)
    if not overwrite:
        try:
            publish_new(tmp, target)
        except FileExistsError:
            raise _reported(os_error(FileExistsError, errno.EEXIST,
                f"{fn}(): {target!r} appeared while this save was being "
                f"written (another process?), and overwrite=False: nothing "
                f"was replaced and this save was discarded. Pass "
                f"overwrite=True to replace it.")) from None
        return
    if is_dir:
        _replace_directory(tmp, target, aside)
        return
    old = _hold_open(target) if release is not None else None
    try:
        os.replace(tmp, target)
    finally:
        if old is not None:
            release(old)


# --------------------------------------------------------------------------
# The atomic writer

def atomic_write(target, write, *, fn="pykeras3", overwrite=True,
                 before_replace=None, release=None):
    """Write `target` atomically.

    Args:
        target: the final path.
        write: a function called with a temporary path that writes the new
            content there. The path lies in a private staging entry beside
            `target` and has the same file name as `target` (Keras picks
            the format from the name).
        fn: the public function's name, for error messages.
        overwrite: with `False`, the new content is published only if
            nothing exists at `target` at that moment (FileExistsError
            otherwise), so two concurrent writers cannot both succeed.
        before_replace: optional function called with the staged path
            after the new content is on disk and before it is moved to
            `target`.
        release: optional function given an open descriptor of the file
            being replaced. Freeing a large file's blocks makes a rename over
            it take milliseconds; holding the old file open moves that work
            to whenever `release` closes the descriptor (the checkpoint
            callback does it in a background thread). POSIX only.

    Missing parent folders are created.  If anything fails before the
    move, the staging entry is removed and `target` is as it was.  A file
    is never written over a folder (IsADirectoryError).  A directory target
    (an unzipped model) cannot be swapped in one step: the old one is moved
    into the staging entry, the new one moved in, then the old one deleted.
    """
    make_parents(fn, target)
    folder = os.path.dirname(target)
    sweep(folder)
    tmp = None
    try:
        with _Stage(fn, target) as stage:
            tmp = os.path.join(stage.path, os.path.basename(target))
            write(tmp)
            if not os.path.lexists(tmp):
                raise RuntimeError(
                    f"{fn}(): internal error: nothing was written for "
                    f"{target!r}")
            fsync_tree(tmp)
            if before_replace is not None:
                before_replace(tmp)
            _commit(fn, tmp, target, overwrite,
                    os.path.join(stage.path, ".old"), release)
            fsync_dir(folder)
    except OSError as err:
        if getattr(err, "pykeras3_reported", False):
            raise
        raise user_error(fn, target, err, staged=tmp) from err
    return target


def atomic_write_text(target, text, *, fn="pykeras3", overwrite=True):
    """Write text (UTF-8) atomically."""
    def write(tmp):
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
    return atomic_write(target, write, fn=fn, overwrite=overwrite)


def write_sharded_weights(model, target, max_shard_size, *,
                          fn="save_model_weights", overwrite=True):
    """Save sharded weights: an index file `target` plus its shard files.

    Keras names the shards after the index (`w.weights.json` ->
    `w_00000.weights.h5`, ...), so the set cannot change in one rename.
    The new set is written and flushed in a staging entry first (under
    its final names).  Then the previous index and shards are moved into
    the staging entry, the new shards and finally the new index are
    moved into place, and only then is the previous set deleted.  A failure
    while writing leaves the previous set untouched; a failure during the
    moves puts the previous set back.  With `overwrite=False` every name
    is published only if absent.
    """
    make_parents(fn, target)
    folder = os.path.dirname(target)
    base = os.path.basename(target)
    sweep(folder)
    staged = None
    try:
        with _Stage(fn, target) as stage:
            staged = os.path.join(stage.path, base)
            model.save_weights(staged, max_shard_size=max_shard_size)
            shards = sorted(_shards_of(staged))
            for name in shards + [base]:
                _fsync_file(os.path.join(stage.path, name))
            old = os.path.join(stage.path, ".old")
            os.mkdir(old)
            moved, placed = [], []
            try:
                if overwrite:
                    for name in [base] + sorted(_shards_of(target)):
                        if os.path.lexists(os.path.join(folder, name)):
                            os.replace(os.path.join(folder, name),
                                       os.path.join(old, name))
                            moved.append(name)
                for name in shards + [base]:
                    _commit(fn, os.path.join(stage.path, name),
                            os.path.join(folder, name), overwrite, None,
                            None)
                    placed.append(name)
                fsync_dir(folder)
            except BaseException:
                for name in placed:
                    os.remove(os.path.join(folder, name))
                for name in moved:
                    os.replace(os.path.join(old, name),
                               os.path.join(folder, name))
                raise
    except OSError as err:
        if getattr(err, "pykeras3_reported", False):
            raise
        raise user_error(fn, target, err, staged=staged) from err
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
