"""The record of a training run: `KerasHistory` (what `fit()` returns) and
its long table, `as_data_frame()`.

Keras's own `History` keeps, per metric, the values of the epochs that
produced one, so with `validation_freq=2` the `val_*` lists are half as
long as the others and nothing says which epochs they belong to.
`KerasHistory.metrics` puts every value at its epoch, with NaN for an
epoch that has none, so every list has one entry per epoch run (as
keras3's `history$metrics`).  `plot()` draws from the same table.
"""

from __future__ import annotations

import math
import numbers

import keras
import numpy as np

from ._optional import need
from ._pipe import verb
from ._registry import export

__all__ = ["KerasHistory", "as_history", "history_verb", "panels",
           "as_data_frame"]

VALIDATION_PREFIX = "val_"


class KerasHistory:
    """The record of a training run, as returned by `fit()`.

    Attributes:
        metrics: dict of metric name -> list of floats, one per epoch run
            (as keras3's `history$metrics`); NaN where an epoch has no value
            (a validation metric on the epochs `validation_freq` skipped).
        history: Keras's own dict (`keras.callbacks.History.history`).
        params: the run's parameters (`epochs`, `steps`, `verbose`).
        epoch: the 0-based indices of the epochs run.
        model: the trained model.
    """

    def __init__(self, keras_history, validation_freq=None):
        """Wrap Keras's `History` (`model.fit()`'s result).

        `validation_freq` is the value the run was given; when it is not
        known (`None`), the epochs a shorter validation list belongs to are
        worked out from its length (see `align()`).
        """
        self.history = keras_history.history
        self.params = dict(keras_history.params or {})
        self.epoch = list(keras_history.epoch)
        self.model = keras_history.model
        self.metrics = align(self.epoch, self.history, validation_freq)

    def __repr__(self):
        if not self.epoch or not self.metrics:
            return "KerasHistory: no epochs were run."
        width = max(len(name) for name in self.metrics)
        runs = len(self.epoch)
        lines = [f"Final epoch ({runs} epoch{'s' if runs != 1 else ''} run; "
                 f"h.metrics has them all):"]
        for name, values in self.metrics.items():
            lines.append(f"{name:>{width}}: {_format_number(_last(values))}")
        return "\n".join(lines)


def _last(values):
    """The last value that is not NaN (the final validation of a run whose
    last epoch did not validate), or NaN."""
    for value in reversed(values):
        if not math.isnan(value):
            return value
    return math.nan


def _format_number(value):
    """Four significant digits, as keras3 prints a history."""
    if not np.isfinite(value):
        return str(value)
    if abs(value) >= 1e4:
        return f"{round(value):,}"
    return f"{value:.4g}"


def _float(value):
    return float(np.asarray(value))


def validates(epoch, validation_freq):
    """Whether Keras validates after 0-based `epoch` for this
    `validation_freq` (an int: every that many epochs; or a collection of
    1-based epoch numbers)."""
    if isinstance(validation_freq, numbers.Integral):
        return (epoch + 1) % int(validation_freq) == 0
    return epoch + 1 in validation_freq


def _validation_epochs(epochs, count, validation_freq):
    """The epochs `count` validation values belong to, or None."""
    if validation_freq is not None:
        found = [e for e in epochs if validates(e, validation_freq)]
        return found if len(found) == count else None
    # Unknown frequency (a History from Keras's model.fit): the smallest
    # whole frequency that validates exactly `count` of these epochs.
    for freq in range(1, len(epochs) + 1):
        found = [e for e in epochs if (e + 1) % freq == 0]
        if len(found) == count:
            return found
    return None


def align(epochs, history, validation_freq=None):
    """{metric: one float per epoch of `epochs`}, NaN where a metric has
    no value.

    A list as long as `epochs` is taken as it is.  A shorter validation
    list is placed on the epochs that validated, from `validation_freq`
    (or, when that is unknown, the smallest frequency that explains its
    length).  Any other shorter list belongs to the last epochs (a value a
    callback started logging part-way through).
    """
    n = len(epochs)
    position = {epoch: i for i, epoch in enumerate(epochs)}
    out = {}
    for name, values in history.items():
        values = [_float(v) for v in values][-n:] if n else []
        if len(values) == n:
            out[name] = values
            continue
        at = None
        if name.startswith(VALIDATION_PREFIX):
            at = _validation_epochs(epochs, len(values), validation_freq)
        if at is None:
            at = epochs[n - len(values):]
        column = [math.nan] * n
        for epoch, value in zip(at, values):
            column[position[epoch]] = value
        out[name] = column
    return out


def as_history(x):
    """`x` (a `KerasHistory` or Keras's `History`) as a `KerasHistory`."""
    if isinstance(x, KerasHistory):
        return x
    return KerasHistory(x)


def panels(metrics):
    """{panel: {"training": name or None, "validation": name or None}} in
    the order the metrics were logged: one panel per metric, its
    validation values (`val_<metric>`) beside its training values."""
    out = {}
    for name in metrics:
        if name.startswith(VALIDATION_PREFIX) and len(name) > len(
                VALIDATION_PREFIX):
            panel, data = name[len(VALIDATION_PREFIX):], "validation"
        else:
            panel, data = name, "training"
        out.setdefault(panel, {"training": None, "validation": None})
        out[panel][data] = name
    return out


# A verb on training histories: pykeras3's or Keras's own.
history_verb = verb((KerasHistory, keras.callbacks.History),
                    "a training history (the value fit() returns)",
                    placeholder="history")


@export("model training")
@history_verb
def as_data_frame(x):
    """A training history as a pandas DataFrame, one row per metric and
    epoch.

    keras3 R: ``as.data.frame()`` of a history. The layout is keras3's long
    one, so the table groups and plots directly. Differences: the name
    (Python names have no dots); `epoch` is the epoch's number as keras3
    and the progress bar show it, counting from 1 (epoch index + 1, so a
    run resumed with `initial_epoch=4` starts at 5). Needs pandas
    (`pip install "pykeras3[plot]"`).

    Args:
        x: the history `fit()` returned (or Keras's `History` from
            `model.fit()`).

    Returns:
        A `pandas.DataFrame` with columns `epoch` (int, 1-based), `value`
        (float; NaN for an epoch that did not validate), `metric` (the
        metric's name without `val_`, a categorical in the order logged)
        and `data` (`"training"` or `"validation"`, a categorical). The
        rows are grouped by metric as logged (`loss`, then its `val_loss`,
        ...), epochs in order.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...                       compile, fit, as_data_frame)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), loss="mse", metrics="mae")
        >>> h = fit(model, np.ones((20, 3)), np.ones((20, 1)), epochs=3,
        ...         validation_split=0.2, verbose=0)
        >>> df = as_data_frame(h)
        >>> df.columns.tolist(), len(df)
        (['epoch', 'value', 'metric', 'data'], 12)
        >>> df.groupby(["metric", "data"], observed=True).size().tolist()
        [3, 3, 3, 3]
    """
    fn = "as_data_frame"
    pd = need("pandas", fn, "making a data frame")
    history = as_history(x)
    epochs, metric, data, value = [], [], [], []
    for panel, names in panels(history.metrics).items():
        for kind in ("training", "validation"):
            name = names[kind]
            if name is None:
                continue
            epochs += [e + 1 for e in history.epoch]
            value += history.metrics[name]
            metric += [panel] * len(history.epoch)
            data += [kind] * len(history.epoch)
    return pd.DataFrame({
        "epoch": np.asarray(epochs, dtype=np.int64),
        "value": np.asarray(value, dtype=np.float64),
        "metric": pd.Categorical(metric, categories=list(
            panels(history.metrics))),
        "data": pd.Categorical(data, categories=["training", "validation"]),
    })
