"""Live training curves: the callback behind `fit(view_metrics=...)` and
`callback_view_metrics()`.

After each epoch it redraws the history (`plotting.draw_history()`, the same
drawing as `plot(history)`) and either updates one image in the running
notebook cell or rewrites an image file.  keras3 shows the same live
metrics in RStudio's viewer.
"""

from __future__ import annotations

import io
import math
import numbers
import os

import keras
import numpy as np

from ._args import as_bool
from ._display import Output, in_notebook
from ._files import check_suffix, check_target
from ._optional import has, need
from .plotting import (draw_history, history_panels, metric_names,
                       save_figure)

__all__ = ["MetricsViewer", "viewer_for_fit"]


class MetricsViewer(keras.callbacks.Callback):
    """Redraw the training curves after every epoch.

    With `to_file`, the image file is rewritten (atomically) after each
    epoch; otherwise, in a Jupyter notebook, one image in the cell's output
    is updated in place, and elsewhere nothing is drawn.  Each training run
    (`fit()` call) starts new curves.

    Attributes:
        epochs: the 0-based epochs seen in the current run.
        metrics: {name: one float per epoch}, NaN where an epoch logged no
            value (validation skipped by `validation_freq`).
        output: the notebook output area (`None` before the first drawing
            or when drawing to a file).
    """

    def __init__(self, to_file=None, metrics=None, smooth=True, dpi=None,
                 fn="callback_view_metrics"):
        super().__init__()
        self.fn = fn
        self.to_file = None if to_file is None else check_suffix(
            fn, to_file, "figure", "to_file")
        if self.to_file is not None:
            check_target(fn, self.to_file, overwrite=True)
        self.which = None if metrics is None else metric_names(fn, metrics)
        self.smooth = as_bool(fn, "smooth", smooth)
        if dpi is not None and (not isinstance(dpi, numbers.Real) or
                                isinstance(dpi, bool) or dpi <= 0):
            raise ValueError(
                f"{fn}(): `dpi` must be a positive number. Received: "
                f"dpi={dpi!r}")
        self.dpi = dpi
        if self.draws():
            need("matplotlib.figure", fn, "drawing training curves",
                 package="matplotlib")
        self.epochs, self.metrics, self.output = [], {}, None

    def draws(self):
        """Whether this viewer draws anything here (a file, or a
        notebook)."""
        return self.to_file is not None or in_notebook()

    def on_train_begin(self, logs=None):
        self.epochs, self.metrics, self.output = [], {}, None

    def on_epoch_end(self, epoch, logs=None):
        count = len(self.epochs)
        self.epochs.append(epoch)
        for name, value in (logs or {}).items():
            column = self.metrics.setdefault(name, [math.nan] * count)
            column.append(_number(value))
        for column in self.metrics.values():
            if len(column) == count:
                column.append(math.nan)
        if self.draws():
            self.draw()

    def draw(self):
        """Draw the curves so far to the file or the notebook."""
        from matplotlib.figure import Figure
        table = history_panels(self.fn, self.metrics, self.which)
        # Not a pyplot figure: nothing else shows it or keeps it alive.
        figure = Figure(layout="constrained", dpi=self.dpi)
        draw_history(figure, self.epochs, self.metrics, table, self.smooth)
        if self.to_file is not None:
            save_figure(self.fn, figure, self.to_file, self.dpi)
            return
        png = io.BytesIO()
        figure.savefig(png, format="png", dpi=self.dpi or "figure")
        if self.output is None:
            self.output = Output()
        self.output.show(png.getvalue())


def _number(value):
    try:
        return float(np.asarray(value))
    except (TypeError, ValueError):
        return math.nan


def viewer_for_fit(fn, view_metrics, verbose, epochs, initial_epoch,
                   callbacks):
    """The `MetricsViewer` that `fit(view_metrics=...)` asks for, or None.

    `"auto"` draws only in a Jupyter notebook, with `verbose` on, for more
    than one epoch, when matplotlib is installed and no viewer is among
    `callbacks` already; `True` draws in a notebook (and nowhere else); a
    path rewrites that image file; `False` draws nothing.
    """
    if isinstance(view_metrics, (str, os.PathLike)) and not (
            isinstance(view_metrics, str) and view_metrics == "auto"):
        return MetricsViewer(to_file=view_metrics, fn=fn)
    if view_metrics is None or view_metrics is False:
        return None
    if view_metrics is True:
        return MetricsViewer(fn=fn)
    if isinstance(view_metrics, str):  # "auto"
        quiet = verbose == 0 and not isinstance(verbose, bool)
        if (not in_notebook() or quiet or epochs - initial_epoch <= 1
                or not has("matplotlib")
                or any(isinstance(cb, MetricsViewer) for cb in callbacks)):
            return None
        return MetricsViewer(fn=fn)
    raise ValueError(
        f"{fn}(): `view_metrics` must be True, False, 'auto' or the path "
        f"of an image file to rewrite after each epoch (ending in '.png', "
        f"'.svg', '.pdf' or '.jpg'). Received: view_metrics="
        f"{view_metrics!r}")
