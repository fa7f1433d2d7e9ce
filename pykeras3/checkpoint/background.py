"""Saving in the background: a snapshot taken on the training thread, and
one writer thread that turns it into a file.

`Snapshot.take(model, weights_only)` walks the model exactly as Keras's own
save does (`saving_lib._save_state`: the layers, the optimizer, metrics,
with their paths and metadata), but into a store that only records: every
variable is copied to a NumPy array on the spot, so the snapshot is
consistent however training goes on afterwards.  For a whole model the
configuration, the metadata and any assets are taken at the same moment.
`snapshot.write(path)` then writes the file Keras would have written
(`.weights.h5`, or the `.keras` zip), from those copies, on any thread.

The walk uses Keras's saving internals (`keras.src.saving.saving_lib`),
whose layout is what `load_model()`/`load_weights()` read back.  When a
Keras version lacks them, `available()` says why, and the checkpoint
callback saves synchronously instead.

`Writer` runs one job at a time on its own (non-daemon) thread, so the
interpreter's exit waits for the last write; an error in a job is kept
and raised by `check()`/`wait()` on the training thread.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import os
import shutil
import sys
import threading
import weakref
import zipfile

__all__ = ["Snapshot", "Writer", "available"]


def _saving_lib():
    from keras.src.saving import saving_lib
    return saving_lib


def available():
    """None when background saving can work with the installed Keras,
    otherwise the reason it cannot."""
    try:
        lib = _saving_lib()
    except ImportError as err:  # pragma: no cover - Keras layout changed
        return f"keras.src.saving.saving_lib cannot be imported ({err})"
    missing = [name for name in ("_save_state", "H5IOStore", "DiskIOStore",
                                 "_serialize_model_as_json",
                                 "_write_to_zip_recursively")
               if not hasattr(lib, name)]
    if missing:  # pragma: no cover - Keras layout changed
        return (f"this Keras version's saving module lacks "
                f"{', '.join(missing)}")
    return None


def _recording_store_class():
    lib = _saving_lib()
    from keras.src import backend

    class RecordingStore(lib.H5IOStore):
        """Stands in for Keras's H5 weights store during a save: records
        the entries and copies each value to a NumPy array (what the H5
        store would have written), without touching any file."""

        def __init__(self, spare):  # no file: the base opens one
            self.mode = "w"
            self.ops = []
            self.nbytes = 0
            self.pending = []
            self.spare = spare

        def __bool__(self):
            return True

        def make(self, path, metadata=None):
            self.ops.append(("make", path, metadata))
            return self

        def __setitem__(self, key, value):
            array = _copy_of(value, backend, self.pending, self.spare)
            self.nbytes += array.nbytes
            self.ops.append(("set", key, array))

        def finish(self):
            """Wait for the copies still running (large arrays are copied
            in pieces, in parallel, while the walk goes on)."""
            for job in self.pending:
                job.result()
            self.pending = []

        def close(self):
            pass

        def recycle(self):
            """Give the large arrays back to `spare`, for the next
            snapshot."""
            for op, _name, value in self.ops:
                if op == "set" and value.nbytes > _PIECE:
                    self.spare.setdefault((value.shape, value.dtype.str),
                                          []).append(value)
            self.ops = []

        def replay(self, store):
            for op, name, value in self.ops:
                if op == "make":
                    store.make(name, metadata=value)
                else:
                    store[name] = value

    return RecordingStore


_RECORDING = None
_COPIERS = None
# Arrays larger than this are copied in pieces of this size, in parallel:
# a snapshot is a memory copy, and training waits for it, so it may use
# every core.
_PIECE = 8 << 20


def _copy_of(value, backend, pending, spare):
    """A private NumPy copy of a variable's (or tensor's) value, as
    Keras's H5 store would write it.  Large arrays are read without a
    first copy (a view of the host buffer) and copied in pieces on a
    thread pool, into an array of the previous snapshot when `spare`
    has one (memory already mapped: a fresh one costs as much again in
    page faults); the jobs are added to `pending`."""
    global _COPIERS
    import numpy as np

    source = None
    try:
        raw = getattr(value, "value", value)
        source = np.asarray(raw)
    except Exception:  # not viewable: let Keras convert it
        source = None
    if source is None or source.dtype == object or \
            not source.flags.c_contiguous or source.nbytes <= _PIECE:
        array = backend.convert_to_numpy(value)
        if not array.flags.owndata:  # a view of a live buffer
            array = array.copy()
        return array
    if _COPIERS is None:
        _COPIERS = concurrent.futures.ThreadPoolExecutor(
            max_workers=min(4, os.cpu_count() or 1),
            thread_name_prefix="pykeras3-snapshot")
    reusable = spare.get((source.shape, source.dtype.str))
    copy = reusable.pop() if reusable else np.empty_like(source)
    flat_source, flat_copy = source.reshape(-1), copy.reshape(-1)
    step = max(_PIECE // source.itemsize, 1)
    for start in range(0, flat_source.size, step):
        piece = slice(start, start + step)
        pending.append(_COPIERS.submit(np.copyto, flat_copy[piece],
                                       flat_source[piece]))
    return copy


class Snapshot:
    """What one checkpoint saves, copied to host memory."""

    def __init__(self, weights, config_json=None, metadata_json=None,
                 assets_dir=None):
        self.weights = weights
        self.config_json = config_json
        self.metadata_json = metadata_json
        self.assets_dir = assets_dir

    @property
    def nbytes(self):
        return self.weights.nbytes

    @classmethod
    def take(cls, model, weights_only, spare=None):
        """Copy what `model.save_weights()` (or, with `weights_only` False,
        `model.save()`) would save.  Runs on the training thread.  `spare`:
        a dict where written snapshots leave their arrays for the next one
        (its owner clears it when training ends)."""
        global _RECORDING
        lib = _saving_lib()
        if _RECORDING is None:
            _RECORDING = _recording_store_class()
        weights = _RECORDING({} if spare is None else spare)
        if weights_only:
            try:
                lib._save_state(model, weights_store=weights,
                                assets_store=None, inner_path="",
                                visited_saveables=set())
            finally:
                weights.finish()
            return cls(weights)
        config_json, metadata_json = lib._serialize_model_as_json(model)
        assets = lib.DiskIOStore("assets", mode="w")  # a temporary folder
        try:
            lib._save_state(model, weights_store=weights,
                            assets_store=assets, inner_path="",
                            visited_saveables=set())
        except BaseException:
            shutil.rmtree(assets.tmp_dir, ignore_errors=True)
            raise
        finally:
            weights.finish()
        return cls(weights, config_json, metadata_json, assets)

    def write(self, path):
        """Write the file Keras would have written at `path` (its name
        ends in `.weights.h5` or `.keras`).  Afterwards the snapshot's
        arrays go back to its `spare` dict."""
        lib = _saving_lib()
        try:
            if self.config_json is None:
                store = lib.H5IOStore(path, mode="w")
                try:
                    self.weights.replay(store)
                finally:
                    store.close()
                return
            with open(path, "wb") as f, zipfile.ZipFile(f, "w") as archive:
                archive.writestr("metadata.json", self.metadata_json)
                archive.writestr("config.json", self.config_json)
                store = lib.H5IOStore("model.weights.h5", archive=archive,
                                      mode="w")
                try:
                    self.weights.replay(store)
                finally:
                    store.close()
                lib._write_to_zip_recursively(
                    archive, self.assets_dir.working_dir, "assets")
        finally:
            self.discard()

    def discard(self):
        """Free what the snapshot holds: its arrays go back to `spare`;
        a whole model's temporary assets folder is deleted."""
        self.weights.recycle()
        if self.assets_dir is not None and self.assets_dir.tmp_dir and \
                os.path.exists(self.assets_dir.tmp_dir):
            shutil.rmtree(self.assets_dir.tmp_dir, ignore_errors=True)


_WRITERS = weakref.WeakSet()


@atexit.register
def _report_lost_errors():
    """At exit (after the last writes, which non-daemon threads finish
    first): say so on stderr if a write failed and no hook was left to
    raise its error, e.g. when training stopped with an exception."""
    for writer in list(_WRITERS):
        err = writer._error
        if err is not None:
            print(f"pykeras3: the background write of {writer._what} "
                  f"failed and training ended before the error could be "
                  f"raised: {type(err).__name__}: {err}", file=sys.stderr)


class Writer:
    """Runs checkpoint writes on a background thread, one at a time."""

    def __init__(self, name="pykeras3-checkpoint-writer"):
        self._name = name
        self._thread = None
        self._error = None
        self._what = None
        _WRITERS.add(self)

    @property
    def busy(self):
        return self._thread is not None and self._thread.is_alive()

    def submit(self, job, what):
        """Start `job()` on a new writer thread, after the previous one has
        finished.  `what` names the write in an error's note."""
        self.wait()
        self._what = what

        def run():
            try:
                job()
            except BaseException as err:  # kept for the training thread
                self._error = err

        # Not a daemon: the interpreter's exit waits for the write.
        self._thread = threading.Thread(target=run, name=self._name,
                                        daemon=False)
        self._thread.start()

    def wait(self, raise_error=True):
        """Wait for the write in flight, then raise its error, if any
        (with `raise_error` False it stays for `take_error()`)."""
        thread = self._thread
        if thread is not None:
            thread.join()
            self._thread = None
        if raise_error:
            self.check()

    def take_error(self):
        """The error of a finished write, handed over (None if none)."""
        if self.busy:
            return None
        err, self._error = self._error, None
        if err is not None and hasattr(err, "add_note"):
            err.add_note(f"(raised by the background write of {self._what})")
        return err

    def check(self):
        """Raise the error of a finished write (once); never blocks."""
        err = self.take_error()
        if err is not None:
            raise err
