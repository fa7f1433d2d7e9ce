"""The one monitor core of pykeras3's callbacks.

Which logged value a callback watches (`monitor`), which direction is
better (`mode`: "min", "max", or "auto" from the metric), by how much a
value must beat the reference to count (`min_delta`), the reference it
starts from (a baseline, or keras3's `initial_value_threshold`), and what
NaN and infinite values mean (never an improvement).  `MonitorCallback` is
the base of the checkpoint (`checkpoint/callback.py`), early stopping
(`early_stopping.py`) and reduce-on-plateau (`reduce_lr.py`).
"""

from __future__ import annotations

import difflib
import math
import numbers
import warnings

import keras
import numpy as np

from ._args import ArgumentTypeError


class MonitorWarning(UserWarning):
    """Warnings of pykeras3's monitoring callbacks (a monitored value
    missing from the logs, or not finite)."""


class MonitorCallback(keras.callbacks.Callback):
    """A callback that watches one logged value.

    Subclasses set `FN` (the public function's name, for messages) and
    call `__init__` with the monitoring arguments; they then use
    `monitored(logs)`, `improves(value, *references)` and the messages.
    """

    FN = "callback"
    WARNING = MonitorWarning

    def __init__(self, monitor="val_loss", mode="auto", min_delta=0.0,
                 baseline=None, *, baseline_name="baseline"):
        super().__init__()
        fn = self.FN
        if not isinstance(monitor, str) or not monitor:
            raise ArgumentTypeError(
                f"{fn}(): `monitor` must be the name of a logged metric, "
                f"such as 'val_loss'. Received: monitor={monitor!r}")
        if mode not in ("auto", "min", "max"):
            raise ValueError(
                f"{fn}(): `mode` must be 'auto', 'min' or 'max'. "
                f"Received: mode={mode!r}")
        if not is_number(min_delta) or not math.isfinite(min_delta):
            raise ArgumentTypeError(
                f"{fn}(): `min_delta` must be a number. "
                f"Received: min_delta={min_delta!r}")
        if baseline is not None and not (is_number(baseline)
                                         and not math.isnan(baseline)):
            raise ValueError(
                f"{fn}(): `{baseline_name}` must be a number (or None). "
                f"Received: {baseline_name}={baseline!r}")
        self.monitor = monitor
        self.mode = mode
        # As in Keras, the size of min_delta counts, not its sign.
        self.min_delta = abs(float(min_delta))
        self.baseline = None if baseline is None else float(baseline)
        self._direction = None if mode == "auto" else mode
        self._warned = set()

    # ------------------------------------------------------------------
    # Which direction is better

    @property
    def direction(self):
        """'min' or 'max' (resolved from the model's metrics when
        mode='auto', at the first value seen)."""
        if self._direction is None:
            self._direction = auto_direction(self.monitor, self.model)
        return self._direction

    def better(self, a, b):
        """True when `a` beats `b` by more than `min_delta`."""
        if self.direction == "max":
            return a - self.min_delta > b
        return a + self.min_delta < b

    def improves(self, value, *references):
        """True when `value` is finite and beats every reference that is
        not None.  NaN and infinite values never improve anything."""
        if value is None or not math.isfinite(value):
            return False
        return all(self.better(value, r) for r in references
                   if r is not None)

    # ------------------------------------------------------------------
    # Reading the logs

    def monitored(self, logs, what="is monitored"):
        """The monitored value in `logs` as a float, or None (with a
        warning, once per training run, naming the keys available)."""
        scalars = scalar_logs(logs)
        value = scalars.get(self.monitor)
        if value is None:
            self.warn_once("missing", missing_message(
                f"{self.FN}(): {self.monitor!r} {what} but is not in the "
                f"logs, so this step is skipped.", self.monitor, scalars))
        elif not math.isfinite(value):
            self.warn_once("nonfinite", (
                f"{self.FN}(): {self.monitor} is {value}; NaN and infinite "
                f"values never count as an improvement."))
        return value

    def value_text(self, value):
        if value is None:
            return "-inf" if self.direction == "max" else "inf"
        return f"{value:.5f}"

    def agreed(self, value):
        """`value` as the chief sees it (a JSON-able value, such as the
        monitored number or None).

        In a job of several processes (see `_processes`) every process
        must call it at the same point; each gets process 0's value, so
        that decisions built on it (improvement, stopping) are the same
        everywhere.  With a single process it returns `value` at once,
        with no cross-process call."""
        from . import _processes
        if _processes.process_count() == 1:
            return value
        return _processes.from_chief(value)

    # ------------------------------------------------------------------
    # Messages

    def warn_once(self, key, message):
        if key not in self._warned:
            self._warned.add(key)
            warnings.warn(message, self.WARNING, stacklevel=4)

    def say(self, message):
        """Print `message` when verbose (on a fresh line under Keras's
        progress bar, as Keras's own callbacks do)."""
        if getattr(self, "verbose", 0) > 0:
            if (self.params or {}).get("verbose") == 1:
                message = "\n" + message
            print(message, flush=True)


def is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(
        value, (bool, np.bool_))


def scalar_logs(logs):
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


def missing_message(prefix, wanted, available):
    """`prefix` plus the keys available and the one probably meant."""
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


def auto_direction(monitor, model):
    """'min' or 'max' for `monitor` when mode='auto': losses are
    minimised; a metric of the model says its own direction; otherwise
    accuracies are maximised and anything else minimised."""
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
