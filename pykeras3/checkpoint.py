"""pykeras3's checkpoint callback: `ModelCheckpoint`.

It does what the ModelCheckpoint callbacks of TF 1.x, TF 2.x and Keras 3
did (filepath templates, best-only saving with min/max/auto modes, saving
every N batches, thresholds, `period`, restoring on restart), and fixes
what they did not:

* crash-safe: every file is written to a temporary file beside its target,
  flushed, then renamed into place (`pykeras3._files.atomic_write`), so a
  killed process never leaves a partial checkpoint;
* NaN or infinite values never count as an improvement;
* resumable: the best value, its epoch and file, and the files written are
  kept in a small JSON state file beside the checkpoints.  With
  `load_weights_on_restart=True` a new callback (in a new process) restores
  it, so a resumed run never replaces a better checkpoint with a worse one;
* `max_to_keep`: prunes old (or worse) files it wrote, never anything else;
* it says where things are: `best`, `best_epoch`, `best_filepath`,
  `last_filepath`, `filepaths`.

Users create it with `pykeras3.callback_model_checkpoint()`.  Epoch numbers
in file names (`{epoch}`) and in messages are 1-based, as in Keras; the
`best_epoch` attribute and the state file use Python's 0-based epoch
index, as `history.epoch` does.
"""

from __future__ import annotations

import concurrent.futures
import difflib
import json
import math
import numbers
import os
import re
import string
import warnings
import zipfile

import keras
import numpy as np

from ._args import ArgumentTypeError, as_bool, is_int
from ._files import (TEMP_MARKER, atomic_write, atomic_write_text,
                     check_suffix, is_temp_name, remove_path)

__all__ = ["ModelCheckpoint", "CheckpointWarning"]

_FN = "callback_model_checkpoint"
_STATE_SUFFIX = ".pykeras3-state.json"
_STATE_VERSION = 1


class CheckpointWarning(UserWarning):
    """Warnings from pykeras3's checkpoint callback."""


class ModelCheckpoint(keras.callbacks.Callback):
    """Save a model (or its weights) during training, crash-safely.

    Create it with `callback_model_checkpoint()`; the arguments are
    described there.
    """

    def __init__(self, filepath, monitor="val_loss", verbose=0,
                 save_best_only=False, save_weights_only=False, mode="auto",
                 save_freq="epoch", initial_value_threshold=None, *,
                 max_to_keep=None, load_weights_on_restart=False,
                 options=None, period=None):
        super().__init__()
        self.save_weights_only = as_bool(_FN, "save_weights_only",
                                         save_weights_only)
        self.filepath = check_suffix(
            _FN, filepath, "weights" if self.save_weights_only else "model",
            hint=("Or pass save_weights_only=True to keep a '.weights.h5' "
                  "name." if not self.save_weights_only else
                  "Or pass save_weights_only=False to save the whole model "
                  "to a '.keras' file."))
        if not isinstance(monitor, str) or not monitor:
            raise ArgumentTypeError(
                f"{_FN}(): `monitor` must be the name of a logged metric, "
                f"such as 'val_loss'. Received: monitor={monitor!r}")
        self.monitor = monitor
        if not (is_int(verbose) or isinstance(verbose, (bool, np.bool_))) \
                or verbose < 0:
            raise ValueError(
                f"{_FN}(): `verbose` must be 0 (silent) or 1 (a line per "
                f"save point). Received: verbose={verbose!r}")
        self.verbose = int(verbose)
        self.save_best_only = as_bool(_FN, "save_best_only", save_best_only)
        if mode not in ("auto", "min", "max"):
            raise ValueError(
                f"{_FN}(): `mode` must be 'auto', 'min' or 'max'. "
                f"Received: mode={mode!r}")
        self.mode = mode
        if save_freq != "epoch" and not (is_int(save_freq) and
                                         save_freq > 0):
            raise ValueError(
                f"{_FN}(): unrecognized save_freq; expected 'epoch' or a "
                f"positive integer number of batches. "
                f"Received: save_freq={save_freq!r}")
        self.save_freq = save_freq if save_freq == "epoch" else \
            int(save_freq)
        if initial_value_threshold is not None and (
                not isinstance(initial_value_threshold, numbers.Real)
                or isinstance(initial_value_threshold, (bool, np.bool_))
                or math.isnan(initial_value_threshold)):
            raise ValueError(
                f"{_FN}(): `initial_value_threshold` must be a number (or "
                f"None). Received: "
                f"initial_value_threshold={initial_value_threshold!r}")
        self.initial_value_threshold = None if initial_value_threshold is \
            None else float(initial_value_threshold)
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

        self._template = _Template(self.filepath)
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
        self._direction = None if mode == "auto" else mode
        self._state_key = None    # what the state file on disk holds
        self._reaper = None       # closes replaced files in the background
        # Per-fit counters.
        self._current_epoch = 0
        self._batches_in_epoch = 0
        self._batches_total = 0
        self._saves_by_batch = 0
        self._epochs_since_save = 0
        self._warned = set()

    # ------------------------------------------------------------------
    # What it says about itself

    @property
    def filepaths(self):
        """The checkpoint files kept, oldest first."""
        return [record["path"] for record in self._records]

    @property
    def async_safe(self):
        # Saving only at epoch ends, the batch hooks do nothing, so Keras
        # may dispatch batch callbacks asynchronously.
        return self.save_freq == "epoch"

    def __repr__(self):
        best = "None" if self.best is None else f"{self.best:.5g}"
        return (f"<pykeras3 ModelCheckpoint filepath={self.filepath!r} "
                f"monitor={self.monitor!r} best={best} "
                f"best_filepath={self.best_filepath!r}>")

    # ------------------------------------------------------------------
    # Keras hooks (every hook of TF 1.x's ModelCheckpoint, same signatures)

    def set_model(self, model):
        super().set_model(model)

    def set_params(self, params):
        super().set_params(params)

    def on_train_begin(self, logs=None):
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
        if self.load_weights_on_restart:
            self._restore()

    def on_train_end(self, logs=None):
        self._wait_for_releases()

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch
        self._batches_in_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        self._current_epoch = epoch
        if self.save_freq != "epoch":
            return
        self._epochs_since_save += 1
        if self._epochs_since_save >= self.period:
            self._epochs_since_save = 0
            self._save(epoch, None, logs)

    def on_train_batch_begin(self, batch, logs=None):
        pass

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
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

    def on_batch_begin(self, batch, logs=None):
        """Alias of `on_train_batch_begin` (TF 1.x name)."""
        self.on_train_batch_begin(batch, logs)

    def on_batch_end(self, batch, logs=None):
        """Alias of `on_train_batch_end` (TF 1.x name)."""
        self.on_train_batch_end(batch, logs)

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass

    # ------------------------------------------------------------------
    # Saving

    def _save(self, epoch, batch, logs):
        logs = _scalar_logs(logs)
        path = self._template.format(epoch, batch, logs)
        current = logs.get(self.monitor)
        if current is not None:
            self._resolve_direction()
        improved = self._is_improvement(current)
        if self.save_best_only:
            if current is None:
                self._warn_once("missing", _missing_message(
                    f"Can save best model only with {self.monitor} "
                    f"available, skipping.", self.monitor, logs))
                return
            if not math.isfinite(current):
                self._warn_nonfinite(current)
                self._say(f"Epoch {epoch + 1}: {self.monitor} was "
                          f"{current}, which is never an improvement; not "
                          f"saving")
                return
            if not improved:
                self._say(f"Epoch {epoch + 1}: {self.monitor} did not "
                          f"improve from {self._best_text()}")
                return
            self._say(f"Epoch {epoch + 1}: {self.monitor} improved from "
                      f"{self._best_text()} to {current:.5f}, saving model "
                      f"to {path}")
        else:
            if current is not None and not math.isfinite(current):
                self._warn_nonfinite(current)
            self._say(f"Epoch {epoch + 1}: saving model to {path}")
        self._write(path, epoch, batch, current, improved)

    def _write(self, path, epoch, batch, current, improved):
        if os.path.isdir(path):
            raise IsADirectoryError(
                f"{_FN}(): cannot save the checkpoint to {path!r}: it is an "
                f"existing directory. Give `filepath` a file name.")
        value = current if current is not None and math.isfinite(current) \
            else None
        record = {"path": path, "epoch": epoch, "batch": batch,
                  "value": value}
        records = [r for r in self._records if r["path"] != path]
        records.append(record)
        victims = self._victims(records)
        kept = [r for r in records if r not in victims]

        best = (self.best, self.best_epoch, self.best_filepath)
        if improved:
            best = (value, epoch, path)
        elif best[2] == path or not any(r["path"] == best[2] for r in kept):
            # The file that held the best model was replaced or pruned.
            best = (best[0], best[1], None)
        new = dict(best=best[0], best_epoch=best[1], best_filepath=best[2],
                   last_filepath=path, last_epoch=epoch, records=kept)

        def save(tmp):
            if self.save_weights_only:
                self.model.save_weights(tmp)
            else:
                self.model.save(tmp)

        # The state is written after the checkpoint is on disk and before it
        # is renamed into place: if the process dies in between, the state
        # may promise a better file than is there (a missed improvement),
        # but never the reverse (a better file overwritten later).  It is
        # rewritten only when something a resumed run relies on has changed
        # (see `_durable`), which keeps a save as cheap as Keras's when
        # neither the best nor the pruning list moves.
        key = self._durable(new)
        write_state = None if key == self._state_key else \
            (lambda: self._write_state(new))
        atomic_write(path, save, before_replace=write_state,
                     release=self._release)
        self._state_key = key
        self._set(new)
        for victim in victims:
            remove_path(victim["path"])

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
        sign = 1 if self._direction == "max" else -1
        order = sorted(
            range(len(records)),
            key=lambda i: (records[i]["value"] is not None,
                           sign * (records[i]["value"] or 0.0), i),
            reverse=True)
        keep = set(order[:self.max_to_keep])
        return [r for i, r in enumerate(records) if i not in keep]

    # ------------------------------------------------------------------
    # Deciding what is better

    def _resolve_direction(self):
        if self._direction is None:
            self._direction = _auto_direction(self.monitor, self.model)
        return self._direction

    def _better(self, a, b):
        return a > b if self._direction == "max" else a < b

    def _is_improvement(self, current):
        if current is None or not math.isfinite(current):
            return False
        for reference in (self.best, self.initial_value_threshold):
            if reference is not None and not self._better(current,
                                                          reference):
                return False
        return True

    def _best_text(self):
        if self.best is None:
            return "-inf" if self._direction == "max" else "inf"
        return f"{self.best:.5f}"

    # ------------------------------------------------------------------
    # Messages

    def _say(self, message):
        if self.verbose > 0:
            # Under Keras's progress bar (fit verbose=1) the cursor is still
            # on the bar's line: start a new one, as Keras does.
            if (self.params or {}).get("verbose") == 1:
                message = "\n" + message
            print(message, flush=True)

    def _warn_once(self, key, message):
        if key not in self._warned:
            self._warned.add(key)
            warnings.warn(message, CheckpointWarning, stacklevel=4)

    def _warn_nonfinite(self, current):
        self._warn_once("nonfinite", (
            f"{_FN}(): {self.monitor} is {current}; NaN and infinite values "
            f"never count as an improvement, so the best value stays "
            f"{self._best_text()}."))

    # ------------------------------------------------------------------
    # State: what is saved beside the checkpoints and restored on restart

    def get_state(self):
        """The callback's state as a JSON-compatible dict.

        Keys: `best`, `best_epoch` (0-based), `best_filepath`,
        `last_filepath`, `last_epoch` (0-based), `files` (a list of
        `{"path", "epoch", "batch", "value"}`, oldest first), and the
        settings it depends on (`filepath`, `monitor`, `mode`).
        """
        return {
            "filepath": self.filepath,
            "monitor": self.monitor,
            "mode": self._direction,
            "best": self.best,
            "best_epoch": self.best_epoch,
            "best_filepath": self.best_filepath,
            "last_filepath": self.last_filepath,
            "last_epoch": self._last_epoch,
            "files": [dict(r) for r in self._records],
        }

    def set_state(self, state):
        """Restore a state from `get_state()` (of a callback with the same
        `filepath` and `monitor`).  Files that no longer exist are dropped.
        """
        self._apply_state(_validate_state(state), strict=True)

    def _set(self, new):
        self.best = new["best"]
        self.best_epoch = new["best_epoch"]
        self.best_filepath = new["best_filepath"]
        self.last_filepath = new["last_filepath"]
        self._last_epoch = new["last_epoch"]
        self._records = list(new["records"])

    def _write_state(self, new):
        rel = self._template.relative
        state = {
            "format": "pykeras3 checkpoint state",
            "version": _STATE_VERSION,
            "filepath": self._template.relative_template,
            "monitor": self.monitor,
            "mode": self._direction,
            "best": new["best"],
            "best_epoch": new["best_epoch"],
            "best_filepath": rel(new["best_filepath"]),
            "last_filepath": rel(new["last_filepath"]),
            "last_epoch": new["last_epoch"],
            "files": [dict(r, path=rel(r["path"])) for r in new["records"]],
        }
        atomic_write_text(self.state_filepath,
                          json.dumps(state, indent=1, allow_nan=False))

    def _read_state(self):
        """The state file's content with absolute-ized paths, or None."""
        path = self.state_filepath
        if not os.path.exists(path):
            return None
        try:
            with open(path, encoding="utf-8") as f:
                raw = json.load(f)
            if raw.get("filepath") != self._template.relative_template:
                warnings.warn(
                    f"{_FN}(): the state file {path!r} belongs to another "
                    f"filepath ({raw.get('filepath')!r}); starting with a "
                    f"fresh state.", CheckpointWarning, stacklevel=4)
                return None
            full = self._template.absolute
            raw["filepath"] = self.filepath
            for key in ("best_filepath", "last_filepath"):
                raw[key] = full(raw.get(key))
            raw["files"] = [dict(r, path=full(r["path"]))
                            for r in raw.get("files", [])]
            return _validate_state(raw)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) \
                as err:
            warnings.warn(
                f"{_FN}(): could not read the state file {path!r} ({err}); "
                f"starting with a fresh state.", CheckpointWarning,
                stacklevel=4)
            return None

    def _apply_state(self, state, strict):
        if state["filepath"] != self.filepath and strict:
            raise ValueError(
                f"set_state(): the state belongs to filepath="
                f"{state['filepath']!r}, not {self.filepath!r}.")
        records = [r for r in state["files"] if os.path.exists(r["path"])]
        same_monitor = state["monitor"] == self.monitor and (
            state["mode"] is None or self.mode in ("auto", state["mode"]))
        if not same_monitor:
            message = (
                f"the saved state monitored {state['monitor']!r} "
                f"(mode {state['mode']!r}) but this callback monitors "
                f"{self.monitor!r} (mode {self.mode!r}), so its best value "
                f"is not comparable")
            if strict:
                raise ValueError(f"set_state(): {message}.")
            warnings.warn(f"{_FN}(): {message}; restoring the list of files "
                          f"only.", CheckpointWarning, stacklevel=4)
            best = (self.best, self.best_epoch, None)
        else:
            if state["mode"] is not None:
                self._direction = state["mode"]
            best_path = state["best_filepath"]
            if best_path is not None and not os.path.exists(best_path):
                best_path = None
            best = (state["best"], state["best_epoch"], best_path)
            if best[0] is None:
                best = (self.best, self.best_epoch, None)
        last = state["last_filepath"]
        self._set(dict(best=best[0], best_epoch=best[1],
                       best_filepath=best[2],
                       last_filepath=last if last and os.path.exists(last)
                       else None,
                       last_epoch=state["last_epoch"], records=records))

    # ------------------------------------------------------------------
    # Restart

    def _restore(self):
        state = self._read_state()
        if state is not None:
            self._apply_state(state, strict=False)
        for stale in self._template.stale_temporaries():
            remove_path(stale)
        order = {path: i for i, path in enumerate(self.filepaths)}
        latest = self._template.latest(order)
        if latest is None:
            self._say("No checkpoint to restore from; starting fresh")
            return
        if not self.model.built:
            self._build_from(latest)
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is not None and not optimizer.built:
            # Build the optimizer so its saved state (step count, moments)
            # is restored too, and training resumes where it stopped.
            optimizer.build(self.model.trainable_variables)
        try:
            self.model.load_weights(latest)
        except Exception as err:
            raise ValueError(
                f"{_FN}(): load_weights_on_restart=True, but the checkpoint "
                f"{latest!r} could not be loaded into the model "
                f"({type(err).__name__}: {err}). Remove or replace that file, "
                f"or make sure the model has the architecture it was saved "
                f"from.") from err
        self.last_filepath = latest
        self._say(f"Restored the model's weights from {latest}")


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


# ----------------------------------------------------------------------
# Helpers

class _Template:
    """A checkpoint `filepath` with `{placeholders}`."""

    def __init__(self, filepath):
        self.filepath = filepath
        self.fields = []
        pattern = []
        try:
            for literal, field, spec, conversion in \
                    string.Formatter().parse(filepath):
                pattern.append(re.escape(literal))
                if field is None:
                    continue
                if not field or field.isdigit() or not re.fullmatch(
                        r"[^.\[\]{}]+", field):
                    raise ValueError(
                        f"placeholder {{{field}}} must be a plain name such "
                        f"as {{epoch}} or {{val_loss:.2f}}")
                self.fields.append(field)
                pattern.append(_field_pattern(field, spec))
        except ValueError as err:
            raise ValueError(
                f"{_FN}(): `filepath` is not a valid template: {err}. "
                f"Use {{name}} or {{name:format}} placeholders and double "
                f"braces for literal ones. Received: filepath={filepath!r}"
            ) from None
        self._regex = re.compile("".join(pattern) + r"\Z")
        # Check the format specs now rather than at the first save.
        sample = {name: 1 if name in ("epoch", "batch") else 0.5
                  for name in self.fields}
        try:
            filepath.format(**sample)
        except (ValueError, TypeError) as err:
            raise ValueError(
                f"{_FN}(): a format in `filepath` does not fit its value "
                f"({err}); {{epoch}} and {{batch}} are integers, metrics are "
                f"floats. Received: filepath={filepath!r}") from None
        # The deepest directory without placeholders holds the state file.
        head = filepath.split("{", 1)[0] if self.fields else filepath
        self.root = os.path.dirname(head)
        self.relative_template = os.path.relpath(filepath, self.root or ".")
        readable = re.sub(r"\{([^}:!]*)[^}]*\}", r"\1", self.relative_template)
        readable = re.sub(r"[^A-Za-z0-9._-]+", "_", readable)
        self.state_path = os.path.join(self.root,
                                       f".{readable}{_STATE_SUFFIX}")

    def format(self, epoch, batch, logs):
        values = dict(logs)
        values["epoch"] = epoch + 1
        if batch is not None:
            values["batch"] = batch + 1
        try:
            return self.filepath.format(**values)
        except KeyError as err:
            missing = err.args[0]
            raise ValueError(_missing_message(
                f"{_FN}(): cannot fill the placeholder {{{missing}}} in "
                f"filepath={self.filepath!r}: {missing!r} is not in the "
                f"logs.", missing, values)) from None

    def relative(self, path):
        return None if path is None else os.path.relpath(path,
                                                         self.root or ".")

    def absolute(self, path):
        return None if path is None else os.path.normpath(
            os.path.join(self.root, path))

    def _candidates(self):
        """Existing paths under `root` that might match the template."""
        if not self.fields:
            yield self.filepath
            return
        top = self.root or "."
        depth = self.relative_template.count("/")
        for folder, dirs, files in os.walk(top):
            rel_depth = 0 if folder == top else \
                os.path.relpath(folder, top).count(os.sep) + 1
            if rel_depth >= depth:
                dirs[:] = []
            dirs[:] = [d for d in dirs if not is_temp_name(d)]
            for name in files:
                path = os.path.join(folder, name)
                yield path if self.root else os.path.relpath(path, ".")

    def matches(self):
        out = []
        for path in self._candidates():
            name = os.path.basename(path)
            if TEMP_MARKER in path or name.endswith(_STATE_SUFFIX):
                continue
            if os.path.isfile(path) and self._regex.match(path):
                out.append(path)
        return out

    def latest(self, order):
        """The most recently written matching checkpoint, or None."""
        found = self.matches()
        if not found:
            return None
        return max(found, key=lambda p: (os.stat(p).st_mtime_ns,
                                         order.get(p, -1), p))

    def stale_temporaries(self):
        """Temporary files left by a killed run writing these paths."""
        folders = {os.path.dirname(p) for p in self.matches()}
        folders.add(self.root)
        state = os.path.basename(self.state_path)
        out = []
        for folder in folders:
            try:
                names = os.listdir(folder or ".")
            except OSError:
                continue
            for name in names:
                if not (name.startswith(".") and TEMP_MARKER in name):
                    continue
                original = name[1:].split(TEMP_MARKER, 1)[0]
                path = os.path.join(folder, original)
                if original == state or self._regex.match(path):
                    out.append(os.path.join(folder, name))
        return out


_NUMBER = r"[ +-]*(?:nan|inf|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)%?"


def _field_pattern(field, spec):
    """What a placeholder can produce, so restarts only pick up files this
    template could have written: digits for {epoch} and {batch}, a number
    for a metric, anything within one path component for exotic formats."""
    kind = spec[-1:] if spec else ""
    if field in ("epoch", "batch") and kind in ("", "d", "n"):
        return r" *[0-9]+"
    if kind in ("", "d", "e", "E", "f", "F", "g", "G", "n", "%"):
        return _NUMBER
    return r"[^/\\]+?"


def _scalar_logs(logs):
    """Logs as plain floats; non-scalar values are left out."""
    out = {}
    for key, value in (logs or {}).items():
        try:
            array = np.asarray(value)
        except Exception:
            continue
        if array.shape == () and np.issubdtype(array.dtype, np.number):
            out[key] = float(array)
    return out


def _missing_message(prefix, wanted, available):
    keys = sorted(available)
    message = f"{prefix} Available keys: {', '.join(keys) or '(none)'}."
    close = _closest(wanted, keys)
    if close:
        message += f" Did you mean {close!r}?"
    return message


def _closest(wanted, keys):
    """The key most likely meant: an abbreviation first (`val_acc` ->
    `val_accuracy`), then the most similar spelling."""
    longer = [k for k in keys if k.startswith(wanted)]
    if longer:
        return min(longer, key=len)
    close = difflib.get_close_matches(wanted, keys, n=1, cutoff=0.5)
    return close[0] if close else None


def _flatten_metrics(model):
    stack = list(getattr(model, "metrics", None) or [])
    while stack:
        metric = stack.pop()
        yield metric
        inner = getattr(metric, "metrics", None)
        if isinstance(inner, (list, tuple)) and inner is not stack:
            stack.extend(m for m in inner if m is not metric)


def _auto_direction(monitor, model):
    """'min' or 'max' for `monitor` when mode='auto'."""
    name = monitor[4:] if monitor.startswith("val_") else monitor
    if name == "loss" or name.endswith("_loss"):
        return "min"
    if model is not None:
        for metric in _flatten_metrics(model):
            direction = getattr(metric, "_direction", None)
            if getattr(metric, "name", None) == name and direction in ("up",
                                                                       "down"):
                return "max" if direction == "up" else "min"
    if "acc" in name or name.startswith("fmeasure"):
        return "max"
    return "min"


def _validate_state(state):
    """Check the shape of a state dict; return a normalised copy."""
    if not isinstance(state, dict):
        raise ValueError(f"set_state(): expected a dict from get_state(). "
                         f"Received: {type(state).__name__}")
    required = ("filepath", "monitor", "mode", "best", "best_epoch",
                "best_filepath", "last_filepath", "files")
    missing = [k for k in required if k not in state]
    if missing:
        raise ValueError(f"set_state(): the state lacks {missing}.")
    if state["mode"] not in (None, "min", "max"):
        raise ValueError(f"set_state(): mode must be 'min', 'max' or None. "
                         f"Received: mode={state['mode']!r}")
    best = state["best"]
    if best is not None and not (isinstance(best, numbers.Real)
                                 and math.isfinite(best)):
        raise ValueError(f"set_state(): best must be a finite number or "
                         f"None. Received: best={best!r}")
    files = []
    for record in state["files"]:
        if not isinstance(record, dict) or not isinstance(
                record.get("path"), str):
            raise ValueError(f"set_state(): each entry of files needs a "
                             f"'path'. Received: {record!r}")
        files.append({"path": record["path"],
                      "epoch": record.get("epoch"),
                      "batch": record.get("batch"),
                      "value": record.get("value")})
    out = dict(state)
    out["files"] = files
    out.setdefault("last_epoch", None)
    return out
