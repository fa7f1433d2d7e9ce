"""pykeras3's checkpoint callback: `ModelCheckpoint`, its hooks and saving.

It does what the ModelCheckpoint callbacks of TF 1.x, TF 2.x and Keras 3
did (filepath templates, best-only saving with min/max/auto modes, saving
every N batches, thresholds, `period`, restoring on restart), and fixes
what they did not:

* crash-safe: every file is written in a private staging entry beside its
  target, flushed, then moved into place (`pykeras3._files.atomic_write`),
  so a killed process never leaves a partial checkpoint;
* NaN or infinite values never count as an improvement;
* resumable: the best value, its epoch and file, and the files written are
  kept in a small JSON state file beside the checkpoints (`state.py`).
  With `load_weights_on_restart=True` a new callback (in a new process)
  restores it, so a resumed run never replaces a better checkpoint with a
  worse one;
* `max_to_keep`: prunes old (or worse) files it wrote, and can only delete
  files its own template produces (`template.py`);
* it says where things are: `best`, `best_epoch`, `best_filepath`,
  `last_filepath`, `filepaths`.

Users create it with `pykeras3.callback_model_checkpoint()`.  Epoch numbers
in file names (`{epoch}`) and in messages are 1-based, as in Keras; the
`best_epoch` attribute and the state file use Python's 0-based epoch
index, as `history.epoch` does.
"""

from __future__ import annotations

import concurrent.futures
import json
import math
import os
import warnings
import zipfile

import numpy as np

from .. import _processes
from .._args import as_bool, is_int
from .._checks import build_optimizer_for, explain_weights
from .._files import atomic_write, check_suffix, file_clock, sweep
from .._monitor import MonitorCallback, missing_message, scalar_logs
from . import background as _background
from . import state as _state
from .state import CheckpointWarning
from .template import FN as _FN
from .template import Template

__all__ = ["ModelCheckpoint", "CheckpointWarning", "BACKGROUND_DEFAULT"]

# The default of `save_on_background` (see the README's "What it costs").
BACKGROUND_DEFAULT = True


class ModelCheckpoint(MonitorCallback):
    """Save a model (or its weights) during training, crash-safely.

    Create it with `callback_model_checkpoint()`; the arguments are
    described there.
    """

    FN = _FN
    WARNING = CheckpointWarning

    def __init__(self, filepath, monitor="val_loss", verbose=0,
                 save_best_only=False, save_weights_only=False, mode="auto",
                 save_freq="epoch", initial_value_threshold=None, *,
                 max_to_keep=None, load_weights_on_restart=False,
                 options=None, period=None,
                 save_on_background=BACKGROUND_DEFAULT):
        super().__init__(monitor, mode, 0.0, initial_value_threshold,
                         baseline_name="initial_value_threshold")
        self.save_weights_only = as_bool(_FN, "save_weights_only",
                                         save_weights_only)
        self.filepath = check_suffix(
            _FN, filepath, "weights" if self.save_weights_only else "model",
            hint=("Or pass save_weights_only=True to keep a '.weights.h5' "
                  "name." if not self.save_weights_only else
                  "Or pass save_weights_only=False to save the whole model "
                  "to a '.keras' file."))
        if not (is_int(verbose) or isinstance(verbose, (bool, np.bool_))) \
                or verbose < 0:
            raise ValueError(
                f"{_FN}(): `verbose` must be 0 (silent) or 1 (a line per "
                f"save point). Received: verbose={verbose!r}")
        self.verbose = int(verbose)
        self.save_best_only = as_bool(_FN, "save_best_only", save_best_only)
        if save_freq != "epoch" and not (is_int(save_freq) and
                                         save_freq > 0):
            raise ValueError(
                f"{_FN}(): unrecognized save_freq; expected 'epoch' or a "
                f"positive integer number of batches. "
                f"Received: save_freq={save_freq!r}")
        self.save_freq = save_freq if save_freq == "epoch" else \
            int(save_freq)
        if max_to_keep is not None and not (is_int(max_to_keep) and
                                            max_to_keep >= 1):
            raise ValueError(
                f"{_FN}(): `max_to_keep` must be a positive integer or None. "
                f"Received: max_to_keep={max_to_keep!r}")
        self.max_to_keep = None if max_to_keep is None else int(max_to_keep)
        self.load_weights_on_restart = as_bool(
            _FN, "load_weights_on_restart", load_weights_on_restart)
        if options is not None:
            raise ValueError(
                f"{_FN}(): `options` is not supported: Keras 3's '.keras' and "
                f"'.weights.h5' formats take no save options "
                f"(tf.train.CheckpointOptions and tf.saved_model.SaveOptions "
                f"belonged to TF 2's formats). Remove the argument; to export "
                f"a TensorFlow SavedModel use model.export(path). "
                f"Received: options={options!r}")
        self.options = None
        if period is not None:
            if not (is_int(period) and period >= 1):
                raise ValueError(
                    f"{_FN}(): `period` must be a positive integer number of "
                    f"epochs. Received: period={period!r}")
            if self.save_freq != "epoch":
                raise ValueError(
                    f"{_FN}(): `period` (epochs between saves) cannot be "
                    f"combined with an integer save_freq (batches between "
                    f"saves). Received: period={period!r}, "
                    f"save_freq={save_freq!r}")
            warnings.warn(
                f"{_FN}(): `period` is deprecated (it comes from TF 1.x); it "
                f"still saves every {period} epochs here. Use "
                f"save_freq='epoch' (every epoch) or an integer save_freq "
                f"(every N batches) instead.", DeprecationWarning,
                stacklevel=3)
        self.period = 1 if period is None else int(period)
        self.save_on_background = _background_mode(save_on_background)
        self._writer = None
        self._spare = {}          # arrays of written snapshots, for reuse
        if self.save_on_background:
            reason = _background.available()
            if reason is None:
                self._writer = _background.Writer()
            else:  # pragma: no cover - Keras's layout changed
                warnings.warn(
                    f"{_FN}(): saving on the training thread: background "
                    f"saving cannot work with this Keras ({reason}).",
                    CheckpointWarning, stacklevel=3)
                self.save_on_background = False

        self._template = Template(self.filepath)
        if "batch" in self._template.fields and self.save_freq == "epoch":
            raise ValueError(
                f"{_FN}(): `filepath` uses {{batch}}, which only has a value "
                f"when saving every N batches; pass an integer save_freq or "
                f"remove {{batch}}. Received: filepath={self.filepath!r}, "
                f"save_freq='epoch'")
        if not self._template.fields and os.path.isdir(self.filepath):
            raise ValueError(
                f"{_FN}(): `filepath` is an existing directory; give a file "
                f"name inside it. Received: filepath={self.filepath!r}")
        self.state_filepath = self._template.state_path

        # What the callback knows (the state that is saved and restored).
        self.best = self.initial_value_threshold
        self.best_epoch = None
        self.best_filepath = None
        self.last_filepath = None
        self._last_epoch = None
        self._records = []        # kept files, oldest first
        self._record_paths = set()  # their paths
        self._state_key = None    # what the state file on disk holds
        self._pending_path = None  # the file a pending state identifies
        self._since = None        # when this run's history began (ns)
        self._reaper = None       # closes replaced files in the background
        self._chief = True        # the process that writes (see on_train_begin)
        self._multi = False       # one of several processes
        # Per-fit counters.
        self._current_epoch = 0
        self._batches_in_epoch = 0
        self._batches_total = 0
        self._saves_by_batch = 0
        self._epochs_since_save = 0
        if self.save_freq != "epoch":
            # Per-batch work only when saving every N batches: a callback
            # that overrides no batch hook lets Keras dispatch them
            # asynchronously, and costs nothing per batch.
            self.on_epoch_begin = self._epoch_begins
            self.on_train_batch_end = self._train_batch_ends
            self.on_batch_end = self._train_batch_ends  # TF 1.x's name

    # ------------------------------------------------------------------
    # What it says about itself

    @property
    def filepaths(self):
        """The checkpoint files kept, oldest first."""
        return [record["path"] for record in self._records]

    def wait_until_finished(self):
        """Wait for the checkpoint being written in the background, if any,
        and raise its error, if it failed.  Training calls it at its end;
        call it when driving the callback's hooks yourself, before reading
        the files.  Returns the callback."""
        if self._writer is not None:
            self._writer.wait()
        return self

    def __repr__(self):
        best = "None" if self.best is None else f"{self.best:.5g}"
        return (f"<pykeras3 ModelCheckpoint filepath={self.filepath!r} "
                f"monitor={self.monitor!r} best={best} "
                f"best_filepath={self.best_filepath!r}>")

    # ------------------------------------------------------------------
    # Keras hooks.  Only those that do something are overridden; the batch
    # hooks only for an integer `save_freq` (bound in `__init__`), so with
    # saves at epoch ends the others stay Keras's own no-ops.

    def on_train_begin(self, logs=None):
        if self._writer is not None:  # a fit that ended without train end
            self._writer.wait()
        self._warned = set()
        self._batches_in_epoch = 0
        self._batches_total = 0
        self._saves_by_batch = 0
        self._epochs_since_save = 0
        if (self.save_best_only and self.save_freq != "epoch"
                and self.monitor.startswith("val_")):
            warnings.warn(
                f"{_FN}(): monitor={self.monitor!r} with "
                f"save_freq={self.save_freq}: validation metrics are "
                f"computed only at the end of an epoch, so they are not in "
                f"the logs when saving every {self.save_freq} batches and "
                f"nothing will be saved. Monitor a training metric (e.g. "
                f"'loss') or use save_freq='epoch'.",
                CheckpointWarning, stacklevel=2)
        # In a job of several processes, only the chief (process 0) touches
        # the checkpoint folder; the others follow its state.
        self._chief = _processes.is_chief()
        self._multi = _processes.process_count() > 1
        if self._chief:
            sweep(self._template.root)  # entries of writers that died
        if self.load_weights_on_restart:
            self._restore()
        if self._since is None and self._chief:
            self._since = file_clock(self._template.root)

    def on_train_end(self, logs=None):
        failure = None
        try:
            failure = self._last_write()
        finally:
            self._spare.clear()      # give the snapshot memory back
            self._wait_for_releases()
            if self._pending_path is not None:
                self._write_state()  # settle: the last save is in place
        if self._multi:
            self._agree_on_failure(failure)


    def on_epoch_end(self, epoch, logs=None):
        if self._writer is not None and not self._multi:
            self._writer.check()
        self._current_epoch = epoch
        if self.save_freq != "epoch":
            return
        self._epochs_since_save += 1
        if self._epochs_since_save >= self.period:
            self._epochs_since_save = 0
            self._save(epoch, None, logs)

    def _epoch_begins(self, epoch, logs=None):
        """`on_epoch_begin`, when saving every N batches."""
        self._current_epoch = epoch
        self._batches_in_epoch = 0

    def _train_batch_ends(self, batch, logs=None):
        """`on_train_batch_end` (and TF 1.x's `on_batch_end`), when saving
        every N batches."""
        if self._writer is not None and not self._multi:
            self._writer.check()
        seen = batch + 1
        steps = (self.params or {}).get("steps")
        if steps:
            # With steps_per_execution, Keras reports the last step of the
            # execution, which can run past the end of the epoch.
            seen = min(seen, steps)
        if seen <= self._batches_in_epoch:  # a new epoch began unannounced
            self._batches_in_epoch = 0
        self._batches_total += seen - self._batches_in_epoch
        self._batches_in_epoch = seen
        due = self._batches_total // self.save_freq
        if due > self._saves_by_batch:
            self._saves_by_batch = due
            self._save(self._current_epoch, seen - 1, logs)

    # ------------------------------------------------------------------
    # Saving

    def _save(self, epoch, batch, logs):
        logs = scalar_logs(logs)
        current = logs.get(self.monitor)
        skip = (self._writer is not None and self._writer.busy
                and self.save_on_background == "skip")
        # At most one write in flight; what is decided below depends on
        # the completed saves (`best`, the files kept).
        failure = None if skip else self._last_write()
        # In a job of several processes every process decides on the
        # chief's value and skip, and stops if the chief's last write
        # failed (one call: process 0's values).
        current, skip, failed = self.agreed(
            [current, skip, _failure_text(failure)])
        if failed is not None:
            self._raise_failure(failure, failed)
        if skip:
            self.say(f"Epoch {epoch + 1}: the previous checkpoint is still "
                      f"being written; skipping this save point")
            return
        path = self._template.format(epoch, batch, logs)
        improved = self.improves(current, self.best,
                                 self.initial_value_threshold)
        if self.save_best_only:
            if current is None:
                self.warn_once("missing", missing_message(
                    f"Can save best model only with {self.monitor} "
                    f"available, skipping.", self.monitor, logs))
                return
            if not math.isfinite(current):
                self._warn_nonfinite(current)
                self.say(f"Epoch {epoch + 1}: {self.monitor} was "
                          f"{current}, which is never an improvement; not "
                          f"saving")
                return
            if not improved:
                self.say(f"Epoch {epoch + 1}: {self.monitor} did not "
                          f"improve from {self.value_text(self.best)}")
                return
            self.say(f"Epoch {epoch + 1}: {self.monitor} improved from "
                      f"{self.value_text(self.best)} to {current:.5f}, saving model "
                      f"to {path}")
        else:
            if current is not None and not math.isfinite(current):
                self._warn_nonfinite(current)
            self.say(f"Epoch {epoch + 1}: saving model to {path}")
        if not self._multi:
            self._write(path, epoch, batch, current, improved)
            return
        failure = None
        try:
            self._write(path, epoch, batch, current, improved)
        except Exception as err:  # the chief's; agreed on below
            failure = err
        self._agree_on_failure(failure)

    def _last_write(self):
        """Wait for the background write in flight, if any.  Its error is
        raised here in a single process; in a job of several it is
        returned, for every process to agree on (`_agree_on_failure`)."""
        if self._writer is None:
            return None
        self._writer.wait(raise_error=not self._multi)
        return self._writer.take_error()

    def _agree_on_failure(self, failure):
        """In a job of several processes: every process calls it; if the
        chief's save failed, every process raises (the chief its own
        error), so that none goes on alone and waits for the others."""
        failed = self.agreed(_failure_text(failure))
        if failed is not None:
            self._raise_failure(failure, failed)

    def _raise_failure(self, failure, text):
        if failure is not None:
            raise failure
        raise RuntimeError(
            f"{_FN}(): process 0, which writes the checkpoints of this job, "
            f"could not save ({text}); every process stops here.")

    def _write(self, path, epoch, batch, current, improved):
        chief = self._chief
        if self._since is None and chief:  # hooks driven without
            self._since = file_clock(self._template.root)  # on_train_begin
        if chief and os.path.isdir(path):
            raise IsADirectoryError(
                f"{_FN}(): cannot save the checkpoint to {path!r}: it is an "
                f"existing directory. Give `filepath` a file name.")
        value = current if current is not None and math.isfinite(current) \
            else None
        record = {"path": path, "epoch": epoch, "batch": batch,
                  "value": value}
        if self.max_to_keep is None:
            # Nothing is pruned, so nothing here depends on the files
            # written before: the save costs the same after 10 or 10,000
            # of them (`_set` appends the record).
            victims, kept = [], None
        else:
            records = [r for r in self._records if r["path"] != path]
            records.append(record)
            victims = self._victims(records)
            kept = [r for r in records if r not in victims]

        best = (self.best, self.best_epoch, self.best_filepath)
        if improved:
            best = (value, epoch, path)
        elif best[2] == path or (kept is not None and not any(
                r["path"] == best[2] for r in kept)):
            # The file that held the best model was replaced or pruned.
            best = (best[0], best[1], None)
        new = dict(best=best[0], best_epoch=best[1], best_filepath=best[2],
                   last_filepath=path, last_epoch=epoch, records=kept,
                   record=record)

        if not chief:
            # Another process of the job: it writes nothing, and agrees
            # with the chief on what was saved.
            self._set(new)
            return
        if self._writer is not None:
            with _processes.no_distribution():
                save = _background.Snapshot.take(
                    self.model, weights_only=self.save_weights_only,
                    spare=self._spare).write
        else:
            def save(tmp):
                with _processes.no_distribution():
                    if self.save_weights_only:
                        self.model.save_weights(tmp)
                    else:
                        self.model.save(tmp)

        # The state is written only when something a resumed run relies on
        # changes (see `_durable`), which keeps most saves as cheap as
        # Keras's.  It is written before the file is moved into place, with
        # the new state as `pending` beside the identity of the staged
        # file (see `state.py`): the state never claims a file that is not
        # on disk, and a kill right after the move loses nothing.
        key = self._durable(new)
        if key != self._state_key:
            def before_replace(tmp):
                self._write_state(pending=(new, path, os.stat(tmp),
                                           victims))
        elif self._pending_path == path:
            # The file the pending state identifies is about to be
            # replaced: settle the state first (nothing else changed).
            def before_replace(tmp):
                self._write_state()
        else:
            before_replace = None
        def commit(release):
            atomic_write(path, save, fn=_FN, before_replace=before_replace,
                         release=release)
            # Only now do `best`, `filepaths` and pruning see the file.
            self._set(new)
            for victim in victims:
                self._delete(victim["path"])

        if self._writer is None:
            commit(self._release)
        else:  # the same steps, on the writer thread
            self._writer.submit(lambda: commit(None), what=repr(path))

    def _delete(self, path):
        """Delete one of this callback's checkpoints, after checking that
        it is one (see `Template.owned`)."""
        problem = self._template.owned(path)
        if problem == "missing":
            return
        if problem is None and self._since is not None and \
                os.lstat(path).st_mtime_ns < self._since:
            problem = "older than this run's history"
        if problem is not None:
            self.warn_once(("not-deleted", path),
                            f"{_FN}(): max_to_keep: not deleting {path!r}: "
                            f"it is {problem}, so it cannot be one of this "
                            f"callback's checkpoints.")
            return
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        except OSError as err:
            self.warn_once(("not-deleted", path),
                            f"{_FN}(): max_to_keep: could not delete "
                            f"{path!r} ({err.strerror}); it is kept.")

    def _durable(self, new):
        """What a resumed run relies on: the best (value, epoch, file) and,
        when `max_to_keep` prunes, the kept files in order (with their
        values where pruning ranks them)."""
        files = ()
        if self.max_to_keep is not None:
            files = tuple((r["path"], r["value"] if self.save_best_only
                           else None) for r in new["records"])
        return (new["best"], new["best_epoch"], new["best_filepath"], files)

    def _release(self, fd):
        """Close the replaced checkpoint's last descriptor in the background:
        freeing a large file's blocks takes milliseconds, and training need
        not wait for it. Waited for at train end."""
        if self._reaper is None:
            self._reaper = concurrent.futures.ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="pykeras3-checkpoint")
        self._reaper.submit(os.close, fd)

    def _wait_for_releases(self):
        if self._reaper is not None:
            self._reaper.shutdown(wait=True)
            self._reaper = None

    def _victims(self, records):
        """Records to delete so that at most `max_to_keep` files remain."""
        if self.max_to_keep is None or len(records) <= self.max_to_keep:
            return []
        if not self.save_best_only:
            return records[:-self.max_to_keep]
        sign = 1 if self.direction == "max" else -1
        order = sorted(
            range(len(records)),
            key=lambda i: (records[i]["value"] is not None,
                           sign * (records[i]["value"] or 0.0), i),
            reverse=True)
        keep = set(order[:self.max_to_keep])
        return [r for i, r in enumerate(records) if i not in keep]

    @property
    def initial_value_threshold(self):
        """The value a first save must beat (keras3's name for the
        baseline of the monitor core)."""
        return self.baseline

    def _warn_nonfinite(self, current):
        self.warn_once("nonfinite", (
            f"{_FN}(): {self.monitor} is {current}; NaN and infinite values "
            f"never count as an improvement, so the best value stays "
            f"{self.value_text(self.best)}."))

    # ------------------------------------------------------------------
    # State: what is saved beside the checkpoints and restored on restart

    def get_state(self):
        """The callback's state as a JSON-compatible dict.

        Keys: `best`, `best_epoch` (0-based), `best_filepath`,
        `last_filepath`, `last_epoch` (0-based), `files` (a list of
        `{"path", "epoch", "batch", "value"}`, oldest first), `since` (when
        this run's history began, in nanoseconds), and the settings it
        depends on (`filepath`, `monitor`, `mode`).
        """
        return {
            "filepath": self.filepath,
            "monitor": self.monitor,
            "mode": self._direction,
            "since": self._since,
            "best": self.best,
            "best_epoch": self.best_epoch,
            "best_filepath": self.best_filepath,
            "last_filepath": self.last_filepath,
            "last_epoch": self._last_epoch,
            "files": [dict(r) for r in self._records],
        }

    def set_state(self, state):
        """Restore a state from `get_state()` (of a callback with the same
        `filepath` and `monitor`).  Every field is checked; a path that is
        not one of this callback's file names raises ValueError.  Files
        that no longer exist are dropped.
        """
        try:
            checked = _state.validate(state, mode=self.mode,
                                      monitor=self.monitor, file=False)
        except _state.BadState as err:
            raise ValueError(f"set_state(): {err}.") from None
        if checked["filepath"] != self.filepath:
            raise ValueError(
                f"set_state(): the state belongs to filepath="
                f"{checked['filepath']!r}, not {self.filepath!r}.")
        if checked["monitor"] != self.monitor:
            raise ValueError(
                f"set_state(): the state monitored {checked['monitor']!r} "
                f"but this callback monitors {self.monitor!r}, so its best "
                f"value is not comparable.")
        for path in self._paths_of(checked):
            problem = self._template.name_problem(
                self._template.relative(path))
            if problem:
                raise ValueError(
                    f"set_state(): {path!r} is {problem}, so it cannot be "
                    f"one of this callback's checkpoints.")
        self._apply_state(checked, checked)
        self._pending_path = None
        self._state_key = None
        self._settle_since()

    @staticmethod
    def _paths_of(core):
        paths = [core["best_filepath"], core["last_filepath"]]
        paths += [r["path"] for r in core["files"]]
        return [p for p in paths if p is not None]

    def _set(self, new):
        self.best = new["best"]
        self.best_epoch = new["best_epoch"]
        self.best_filepath = new["best_filepath"]
        self.last_filepath = new["last_filepath"]
        self._last_epoch = new["last_epoch"]
        if new["records"] is not None:
            self._records = list(new["records"])
            self._record_paths = {r["path"] for r in self._records}
            return
        record = new["record"]   # no pruning: append, in constant time
        if record["path"] in self._record_paths:
            self._records = [r for r in self._records
                             if r["path"] != record["path"]]
        self._records.append(record)
        self._record_paths.add(record["path"])

    def _core_to_file(self, core):
        """A state core in file form.  The files are listed only when
        `max_to_keep` prunes them: otherwise a restart finds them in the
        folder (`_adopt`), and the state stays the same small size however
        many checkpoints were written."""
        rel = self._template.relative
        files = []
        if self.max_to_keep is not None:
            files = [dict(r, path=rel(r["path"])) for r in core["records"]]
        return {
            "best": core["best"],
            "best_epoch": core["best_epoch"],
            "best_filepath": rel(core["best_filepath"]),
            "last_filepath": rel(core["last_filepath"]),
            "last_epoch": core["last_epoch"],
            "files": files,
        }

    def _write_state(self, pending=None):
        """Write the state file: the completed saves, plus, for a save about
        to be moved into place, `pending` = (new state, its path, the stat
        of its staged file, the files it will delete)."""
        current = dict(best=self.best, best_epoch=self.best_epoch,
                       best_filepath=self.best_filepath,
                       last_filepath=self.last_filepath,
                       last_epoch=self._last_epoch, records=self._records)
        body = {"filepath": self._template.relative_template,
                "monitor": self.monitor, "mode": self._direction,
                "since": self._since}
        body.update(self._core_to_file(current))
        body["pending"] = None
        if pending is not None:
            new, path, staged, victims = pending
            check = {"path": self._template.relative(path)}
            check.update(_state.file_identity(staged))
            body["pending"] = {
                "check": check, "state": self._core_to_file(new),
                "delete": [self._template.relative(v["path"])
                           for v in victims]}
        _state.write(self.state_filepath, body)
        self._pending_path = None if pending is None else pending[1]
        self._state_key = self._durable(pending[0] if pending else current)

    def _read_state(self):
        """The state file's content (validated), or None.  The file of
        pykeras3 0.1 (an older name) is read when no current one exists."""
        options = dict(template_text=self._template.relative_template,
                       mode=self.mode, monitor=self.monitor)
        state = _state.read(self.state_filepath, **options)
        if state is None and not os.path.lexists(self.state_filepath) and \
                self._template.legacy_state_path != self.state_filepath:
            state = _state.read(self._template.legacy_state_path,
                                legacy=True, **options)
        return state

    def _core_from_file(self, core):
        """A state core with paths made usable, or dropped (with a warning)
        when they are not names this template produces in its folder."""
        def usable(rel, what):
            if rel is None:
                return None
            problem = self._template.name_problem(rel)
            if problem:
                _state.warn(f"the state file {self.state_filepath!r} lists "
                            f"{rel!r} as {what}, which is {problem}; the "
                            f"entry is ignored.")
                return None
            return self._template.absolute(rel)

        files = []
        for record in core["files"]:
            path = usable(record["path"], "a checkpoint")
            if path is not None:
                files.append(dict(record, path=path))
        out = dict(core, files=files,
                   best_filepath=usable(core["best_filepath"],
                                        "the best checkpoint"),
                   last_filepath=usable(core["last_filepath"],
                                        "the last checkpoint"))
        if core["best_filepath"] is not None and out["best_filepath"] is None:
            out["best"] = out["best_epoch"] = None
        return out

    def _apply_state(self, meta, core):
        """Take over a validated state (`meta` for monitor and mode, `core`
        for the saves, with usable paths).  Files that are missing are
        dropped, and so, with a warning, are entries that are not regular
        files (folders, symlinks); a best value whose file is gone is
        forgotten."""
        def kept(path, what):
            problem = self._template.owned(path)
            if problem is not None and problem != "missing":
                _state.warn(f"the state lists {path!r} as {what}, but it is "
                            f"{problem}; the entry is ignored.")
            return problem is None

        records = [r for r in core["files"] if kept(r["path"],
                                                     "a checkpoint")]
        best = (self.initial_value_threshold, None, None)
        if meta["monitor"] != self.monitor:
            _state.warn(
                f"the saved state monitored {meta['monitor']!r} but this "
                f"callback monitors {self.monitor!r}, so its best value is "
                f"not comparable; restoring the list of files only.")
        else:
            if meta["mode"] is not None:
                self._direction = meta["mode"]
            best_path = core["best_filepath"]
            if best_path is not None and not kept(best_path,
                                                  "the best checkpoint"):
                _state.warn(
                    f"the best checkpoint {best_path!r} recorded in the "
                    f"state no longer exists; its value "
                    f"{core['best']!r} is forgotten.")
            elif core["best"] is not None:
                best = (core["best"], core["best_epoch"], best_path)
        last = core["last_filepath"]
        self._set(dict(best=best[0], best_epoch=best[1],
                       best_filepath=best[2],
                       last_filepath=last if last and self._template.owned(
                           last) is None else None,
                       last_epoch=core["last_epoch"], records=records))
        self._since = meta.get("since")

    # ------------------------------------------------------------------
    # Restart

    def _restore(self):
        """Restore the state and the latest checkpoint: the chief reads
        them from its folder; in a job of several processes it sends both
        to the others (whose disks need not hold them)."""
        latest = self._restore_state() if self._chief else None
        if _processes.process_count() > 1:
            shared = _processes.from_chief(
                {"state": self.get_state(), "latest": latest})
            if not self._chief:
                self._follow(shared["state"])
            latest = shared["latest"]
            with _processes.file_from_chief(latest) as local:
                if local is not None:
                    self._load_latest(local)
        elif latest is not None:
            self._load_latest(latest)
        if latest is None:
            self.say("No checkpoint to restore from; starting fresh")
            return
        self.last_filepath = latest
        self.say(f"Restored the model's weights from {latest}")

    def _follow(self, state):
        """Take over the chief's state as it is (another process: its
        files live on the chief's disk)."""
        self.best = state["best"]
        self.best_epoch = state["best_epoch"]
        self.best_filepath = state["best_filepath"]
        self.last_filepath = state["last_filepath"]
        self._last_epoch = state["last_epoch"]
        self._since = state["since"]
        self._records = [dict(r) for r in state["files"]]
        self._record_paths = {r["path"] for r in self._records}
        if state["mode"] is not None and state["monitor"] == self.monitor:
            self._direction = state["mode"]

    def _restore_state(self):
        """Read the state file and the folder; returns the latest
        checkpoint's path, or None."""
        state = self._read_state()
        deletions = []
        if state is not None:
            core = self._core_from_file(state)
            pending = state["pending"]
            if pending is not None:
                rel = pending["check"]["path"]
                if self._template.name_problem(rel) is None and \
                        _state.is_same_file(self._template.absolute(rel),
                                            pending["check"]):
                    # The pending save was moved into place before the run
                    # ended: it is the state.
                    core = self._core_from_file(pending["state"])
                    deletions = [self._template.absolute(p)
                                 for p in pending["delete"]
                                 if self._template.name_problem(p) is None]
            self._apply_state(state, core)
        found = self._template.scan()   # one walk of the folder
        for folder in self._template.folders(found):
            sweep(folder)
        if deletions:
            for path in deletions:
                self._delete(path)
            found = [item for item in found if item[0] not in deletions]
        if self._since is None:
            self._settle_since()
        else:
            self._adopt(found)
        order = {path: i for i, path in enumerate(self.filepaths)}
        return self._template.latest(found, order)

    def _load_latest(self, latest):
        """Load the checkpoint at `latest` into the model (with its
        optimizer's state)."""
        if not self.model.built:
            self._build_from(latest)
        # Build the optimizer so its saved state (step count, moments) is
        # restored too, and training resumes where it stopped.
        build_optimizer_for(self.model, latest)
        try:
            self.model.load_weights(latest)
        except Exception as err:
            clearer = explain_weights(_FN, latest, err)
            reason = str(clearer or err).removeprefix(f"{_FN}(): ")
            raise ValueError(
                f"{_FN}(): load_weights_on_restart=True, but the checkpoint "
                f"{latest!r} could not be loaded into the model "
                f"({type(err).__name__}: {reason}). Remove or replace that "
                f"file, or make sure the model has the architecture it was "
                f"saved from.") from err

    def _settle_since(self):
        """Without a recorded start (a state of pykeras3 0.1, or one given
        to `set_state()` without it), the run's history began with its
        oldest kept file, or now."""
        if self._since is None:
            times = []
            for record in self._records:
                try:
                    times.append(os.lstat(record["path"]).st_mtime_ns)
                except OSError:
                    pass
            self._since = min(times, default=file_clock(self._template.root))

    def _adopt(self, found):
        """Count files this template produced since the run began that the
        state does not list (written by a save that left no state, or
        removed from the state by hand), so `max_to_keep` prunes them.
        Files older than the run, such as the user's own, are never
        adopted.  `found`: the folder's `scan()`."""
        known = {r["path"] for r in self._records}
        times = {path: st.st_mtime_ns for path, st in found}
        adopted = []
        for path, st in found:
            if path in known or st.st_mtime_ns <= self._since:
                continue
            fields = self._template.fields_of(path)
            adopted.append({"path": path,
                            "epoch": _index_from(fields.get("epoch")),
                            "batch": _index_from(fields.get("batch")),
                            "value": _number_from(fields.get(self.monitor))})
        if not adopted:
            return
        self._records = sorted(self._records + adopted,
                               key=lambda r: times.get(r["path"], 0))
        self._record_paths = {r["path"] for r in self._records}
        if self.max_to_keep is not None:   # otherwise they are only listed
            self.say(f"Adopted {len(adopted)} checkpoint(s) missing from "
                      f"the state: " + ", ".join(r["path"] for r in adopted))

    def _build_from(self, path):
        """Build a model that would only be built by its first training
        step (no input shape yet), from the shapes a '.keras' checkpoint
        records, so its weights can be loaded before training starts."""
        build_config = None
        try:
            with zipfile.ZipFile(path) as archive:
                config = json.loads(archive.read("config.json"))
            build_config = config.get("build_config")
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            pass
        if build_config:
            try:
                self.model.build_from_config(build_config)
            except Exception:  # the load below reports the problem
                pass
        if not self.model.built:
            raise ValueError(
                f"{_FN}(): load_weights_on_restart=True, but the model is not "
                f"built yet (it has no input shape), so the weights in "
                f"{path!r} cannot be loaded before training starts. Give the "
                f"model an input shape (e.g. keras_model_sequential("
                f"input_shape=...)) or call model.build(...) before fit().")


def _failure_text(err):
    return None if err is None else f"{type(err).__name__}: {err}"


def _background_mode(value):
    """`save_on_background`: False, True, or "skip" (a save point that
    comes while the previous write runs is skipped instead of waited
    for)."""
    if isinstance(value, str) and value == "skip":
        return "skip"
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise ValueError(
        f"{_FN}(): `save_on_background` must be True (write each checkpoint "
        f"on a background thread), False (write it on the training thread) "
        f"or 'skip' (in the background, skipping a save point that comes "
        f"while the previous write is still running). "
        f"Received: save_on_background={value!r}")


def _index_from(text):
    """A 0-based index from the 1-based number a template wrote."""
    try:
        return max(int(str(text).strip()) - 1, 0)
    except (TypeError, ValueError):
        return None


def _number_from(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None
