"""`plot()`: a training history as a matplotlib figure (one panel per
metric, training and validation together), or a model as a graph.

`draw_history()` is the one drawing of training curves: `plot()` and the
live curves of `fit(view_metrics=...)` (`view_metrics.py`) both use it.
"""

from __future__ import annotations

import os
import shutil

import keras
import numpy as np

from ._args import as_bool
from ._display import display_object, in_notebook
from ._files import atomic_write, check_suffix, check_target
from ._optional import need
from ._pipe import verb
from ._registry import export
from .history import KerasHistory, VALIDATION_PREFIX, as_history, panels

__all__ = ["plot", "draw_history", "history_panels", "metric_names",
           "save_figure"]

# keras3 smooths a curve only from this many epochs on.
SMOOTH_MIN_EPOCHS = 10
# Colours of matplotlib's default cycle, so a style sheet restyles them.
COLORS = {"training": "C0", "validation": "C1"}
# Inches: width, and height per panel plus room for the axis label.
WIDTH, PANEL_HEIGHT, MARGIN = 7.0, 2.2, 0.7

# The model drawing's options and their defaults (keras3's).
MODEL_OPTIONS = {"show_shapes": False, "show_dtype": False,
                 "show_layer_names": False, "rankdir": "TB",
                 "expand_nested": False, "show_layer_activations": False,
                 "show_trainable": False}
MODEL_DPI = 200


def metric_names(fn, which):
    """`which` (a metric name or a list of names) as a checked list of
    panel names."""
    names = [which] if isinstance(which, str) else which
    if not isinstance(names, (list, tuple)) or not names or not all(
            isinstance(name, str) for name in names):
        raise TypeError(
            f"{fn}(): `metrics` must be a metric name or a non-empty list "
            f"of them, e.g. metrics=['loss']. Received: metrics={which!r}")
    for name in names:
        base = name[len(VALIDATION_PREFIX):]
        if name.startswith(VALIDATION_PREFIX) and base:
            raise ValueError(
                f"{fn}(): `metrics` names panels, and the panel {base!r} "
                f"shows training and validation values together. "
                f"Received: metrics={which!r}. Did you mean {base!r}?")
    return list(dict.fromkeys(names))


def history_panels(fn, metrics, which):
    """The panels to draw: every metric's (`which=None`), or those named.

    `which` is a name or a list of names, without `val_` (a panel shows
    the training and validation values of one metric)."""
    table = panels(metrics)
    if which is None:
        return table
    names = metric_names(fn, which)
    missing = [name for name in names if name not in table]
    if missing:
        available = ", ".join(repr(name) for name in table) or "none"
        raise ValueError(
            f"{fn}(): the history has no metric {missing[0]!r}. Received: "
            f"metrics={which!r}. Available: {available}.")
    return {name: table[name] for name in names}


def loess(x, y, at, span=0.75):
    """A local quadratic regression smoother (loess, as ggplot2's
    `geom_smooth()` draws for keras3): at each point of `at`, a weighted
    least-squares parabola through the `span` nearest share of the points,
    weighted by the tricube of their distance."""
    x, y, at = (np.asarray(v, dtype=np.float64) for v in (x, y, at))
    near = max(4, int(np.ceil(span * len(x))))
    out = np.empty_like(at)
    for i, x0 in enumerate(at):
        distance = np.abs(x - x0)
        reach = np.sort(distance)[min(near, len(x)) - 1] * 1.0001 or 1.0
        weight = np.sqrt((1 - np.clip(distance / reach, 0, 1) ** 3) ** 3)
        design = np.vander(x - x0, 3) * weight[:, None]
        coef = np.linalg.lstsq(design, y * weight, rcond=None)[0]
        out[i] = coef[-1]
    return out


def draw_history(figure, epochs, metrics, table, smooth=True):
    """Draw training curves into the empty matplotlib `figure`.

    Args:
        figure: a `matplotlib.figure.Figure`.
        epochs: the 0-based epochs run.
        metrics: {name: one float per epoch (NaN where none)}.
        table: the panels, from `history_panels()`.
        smooth: draw a smoothed curve through the points of a series of
            at least `SMOOTH_MIN_EPOCHS` epochs, instead of joining them.

    Each panel has, per series (training, validation), the points (a
    scatter) and one line labelled "training" or "validation": the line
    joins the points, or with `smooth` follows their trend.
    """
    from matplotlib.ticker import MaxNLocator
    x = np.asarray(epochs, dtype=np.float64) + 1
    figure.set_size_inches(WIDTH, MARGIN + PANEL_HEIGHT * len(table))
    axes = figure.subplots(len(table), 1, sharex=True, squeeze=False)[:, 0]
    for ax, (panel, names) in zip(axes, table.items()):
        for kind in ("training", "validation"):
            if names[kind] is None:
                continue
            y = np.asarray(metrics[names[kind]], dtype=np.float64)
            keep = np.isfinite(y)
            if not keep.any():
                continue
            color = COLORS[kind]
            ax.scatter(x[keep], y[keep], s=16, color=color, zorder=3)
            if smooth and keep.sum() >= SMOOTH_MIN_EPOCHS:
                grid = np.linspace(x[keep][0], x[keep][-1], 100)
                ax.plot(grid, loess(x[keep], y[keep], grid), color=color,
                        label=kind)
            else:
                ax.plot(x[keep], y[keep], color=color, label=kind)
        ax.set_title(panel)
        ax.grid(True, alpha=0.3)
    axes[0].legend(loc="best", frameon=False)
    axes[-1].set_xlabel("epoch")
    axes[-1].xaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def save_figure(fn, figure, path, dpi=None):
    """Write `figure` to `path` atomically (a viewer never sees half a
    file), in the format of its ending."""
    fmt = os.path.splitext(path)[1][1:]
    atomic_write(path, lambda tmp: figure.savefig(
        tmp, format=fmt, dpi=dpi or "figure"), fn=fn)


# A verb on histories and models.
plot_verb = verb(
    (KerasHistory, keras.callbacks.History, keras.Model),
    "a training history (the value fit() returns) or a Keras model",
    placeholder="x", dispatch=keras.layers.Layer)


@export("model training")
@plot_verb
def plot(x, metrics=None, smooth=True, *, to_file=None, dpi=None,
         show_shapes=False, show_dtype=False, show_layer_names=False,
         rankdir="TB", expand_nested=False, show_layer_activations=False,
         show_trainable=False):
    """Draw a training history (its curves) or a model (its graph).

    keras3 R: ``plot()`` of a history and of a model. Differences: one
    matplotlib drawing instead of ggplot2 or base graphics (no `method`
    or `theme_bw`); `layer_range` is left out (Keras 3 no longer supports
    it); `show_trainable` is `False` by default (R: `NA`).

    A history is drawn as a matplotlib Figure, one panel per metric
    (stacked, sharing the epoch axis, titled with the metric's name), with
    the training and validation values of that metric in the same panel,
    as points plus a line. Epochs count from 1. In Jupyter the figure shows
    when it is the value of a cell (or with `display(fig)`); in a script,
    save it with `fig.savefig()` or `to_file`, or show it with
    `matplotlib.pyplot.show()`. Needs matplotlib (`pip install
    "pykeras3[plot]"`).

    A model is drawn with Keras's `model_to_dot`, which needs the package
    pydot, and, for images (not for '.dot' text), the Graphviz program
    `dot`; a missing one is named in the error with how to install it.

    Args:
        x: the history `fit()` returned (or Keras's `History`), or a model.
        metrics: for a history: the panels to draw, a metric name or a list
            of names without `val_` (default: every metric, in the order
            logged).
        smooth: for a history: with 10 or more epochs, draw each line as a
            smoothed trend (loess) through the points instead of joining
            them.
        to_file: also write the drawing to this file, atomically. A
            history: '.png', '.svg', '.pdf' or '.jpg'. A model: those, or
            '.dot'/'.gv' for Graphviz text (which needs no Graphviz).
        dpi: resolution in dots per inch (default: matplotlib's for a
            history, 200 for a model).
        show_shapes: for a model: show each layer's output shape.
        show_dtype: for a model: show each layer's dtype.
        show_layer_names: for a model: show each layer's name.
        rankdir: for a model: `"TB"` (top to bottom) or `"LR"` (left to
            right).
        expand_nested: for a model: draw the layers inside nested models.
        show_layer_activations: for a model: show the activation of layers
            that have one.
        show_trainable: for a model: show whether each layer trains.

    Returns:
        For a history, the `matplotlib.figure.Figure`. For a model, an
        object Jupyter shows inline (IPython's `Image` or `SVG`) when
        IPython is installed, else `None`; a '.pdf' or '.dot' file gives
        `None`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (keras_model_sequential, layer_dense,
        ...                       compile, fit, plot)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), loss="mse", metrics="mae")
        >>> h = fit(model, np.ones((20, 3)), np.ones((20, 1)), epochs=4,
        ...         validation_split=0.2, verbose=0)
        >>> fig = plot(h)
        >>> [ax.get_title() for ax in fig.axes]
        ['loss', 'mae']
        >>> [line.get_label() for line in fig.axes[0].lines]
        ['training', 'validation']
        >>> [ax.get_title() for ax in plot(h, "mae").axes]
        ['mae']
    """
    fn = "plot"
    given = {name: value for name, value in (
        ("show_shapes", show_shapes), ("show_dtype", show_dtype),
        ("show_layer_names", show_layer_names), ("rankdir", rankdir),
        ("expand_nested", expand_nested),
        ("show_layer_activations", show_layer_activations),
        ("show_trainable", show_trainable))}
    if isinstance(x, keras.Model):
        if metrics is not None or smooth is not True:
            wrong = "metrics" if metrics is not None else "smooth"
            raise TypeError(
                f"{fn}(): `{wrong}` is for plotting a training history; "
                f"this call draws a model. Received: "
                f"{wrong}={metrics if metrics is not None else smooth!r}")
        return _plot_model(fn, x, to_file, dpi, given)
    for name, value in given.items():
        if value != MODEL_OPTIONS[name]:
            raise TypeError(
                f"{fn}(): `{name}` is for drawing a model; this call plots a "
                f"training history. Received: {name}={value!r}")
    return _plot_history(fn, x, metrics, smooth, to_file, dpi)


def _plot_history(fn, x, metrics, smooth, to_file, dpi):
    smooth = as_bool(fn, "smooth", smooth)
    path = None if to_file is None else check_suffix(
        fn, to_file, "figure", "to_file")
    if path is not None:
        check_target(fn, path, overwrite=True)
    history = as_history(x)
    if not history.epoch or not history.metrics:
        raise ValueError(
            f"{fn}(): the history has no epochs to plot (fit() ran no "
            f"epochs: epochs was not greater than initial_epoch).")
    table = history_panels(fn, history.metrics, metrics)
    plt = need("matplotlib.pyplot", fn, "drawing a training history",
               package="matplotlib")
    figure = plt.figure(layout="constrained", dpi=dpi)
    draw_history(figure, history.epoch, history.metrics, table, smooth)
    if in_notebook():
        # Shown once, as the cell's value: pyplot would show it a second
        # time at the end of the cell.
        plt.close(figure)
    if path is not None:
        save_figure(fn, figure, path, dpi)
    return figure


def _plot_model(fn, model, to_file, dpi, options):
    path = None if to_file is None else check_suffix(
        fn, to_file, "graph", "to_file")
    if path is not None:
        check_target(fn, path, overwrite=True)
    fmt = "png" if path is None else os.path.splitext(path)[1][1:]
    if path is None and display_object(b"", "png") is None:
        raise ValueError(
            f"{fn}(): without `to_file`, a model's drawing is shown inline "
            f"in Jupyter, which needs IPython (not installed). Write it to "
            f"a file instead, e.g. plot(model, to_file='model.png').")
    need("pydot", fn, "drawing a model")
    if not model.built:
        raise ValueError(
            f"{fn}(): the model has no layers' shapes yet (it is not "
            f"built), so there is no graph to draw. Give it an input shape "
            f"(keras_model_sequential(input_shape=...)) or call it on data "
            f"first.")
    dot = keras.utils.model_to_dot(model, dpi=dpi or MODEL_DPI, **options)
    if fmt in ("dot", "gv"):
        data = dot.to_string().encode("utf-8")
    else:
        _need_graphviz(fn, dot.prog)
        data = dot.create(prog=dot.prog, format="jpeg" if fmt == "jpg"
                          else fmt)
    if path is not None:
        def write(tmp):
            with open(tmp, "wb") as f:
                f.write(data)
        atomic_write(path, write, fn=fn)
    return display_object(data, fmt)


def _need_graphviz(fn, program):
    if shutil.which(program):
        return
    raise ImportError(
        f"{fn}(): drawing a model as an image needs the Graphviz program "
        f"{program!r}, which is not on your PATH (pydot is installed). "
        f"Install Graphviz: on Debian or Ubuntu `sudo apt-get install "
        f"graphviz`, on macOS `brew install graphviz`, with conda `conda "
        f"install graphviz`, on Windows `winget install graphviz` (then "
        f"add its bin folder to PATH). Or write the graph as text, which "
        f"needs no Graphviz: plot(model, to_file='model.dot').")
