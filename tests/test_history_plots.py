"""Histories as tables and figures, model graphs, and live training
curves: `as_data_frame()`, `plot()`, `fit(view_metrics=)` and
`callback_view_metrics()`.

Figures are drawn with matplotlib's Agg backend (set in conftest) and
checked through their axes, lines and the PNG they render to; the live
curves are driven through a fake notebook (an IPython shell with a
kernel, and a `display()` that records what it is given)."""

import hashlib
import math
import os
import shutil
import sys

import keras
import numpy as np
import pytest
import toolz

import pykeras3
from pykeras3 import (as_data_frame, callback_lambda, callback_view_metrics,
                      compile, fit, keras_input, keras_model,
                      keras_model_sequential, layer_dense, plot)
from pykeras3.view_metrics import MetricsViewer

matplotlib = pytest.importorskip("matplotlib")
pd = pytest.importorskip("pandas")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def regression(metrics=("mae",)):
    model = keras_model_sequential(input_shape=3)
    model = layer_dense(model, units=1)
    return compile(model, optimizer="sgd", loss="mse", metrics=list(metrics))


def xy(n=40):
    rng = np.random.default_rng(0)
    x = rng.random((n, 3), dtype=np.float32)
    return x, x.sum(axis=1, keepdims=True)


def trained(epochs=3, **kwargs):
    x, y = xy()
    kwargs.setdefault("validation_split", 0.25)
    return fit(regression(), x, y, epochs=epochs, verbose=0, **kwargs)


def lines(ax):
    return {line.get_label(): line for line in ax.lines}


# ---------------------------------------------------------------------------
# as_data_frame()

def test_data_frame_is_keras3s_long_layout():
    h = trained(epochs=3)
    df = as_data_frame(h)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["epoch", "value", "metric", "data"]
    assert len(df) == 4 * 3
    assert df["epoch"].dtype == np.int64
    assert df["value"].dtype == np.float64
    assert list(df["metric"].cat.categories) == ["loss", "mae"]
    assert list(df["data"].cat.categories) == ["training", "validation"]
    for name, values in h.metrics.items():
        metric = name.removeprefix("val_")
        data = "validation" if name.startswith("val_") else "training"
        rows = df[(df.metric == metric) & (df.data == data)]
        assert rows["epoch"].tolist() == [1, 2, 3]
        np.testing.assert_allclose(rows["value"], values)
        np.testing.assert_allclose(rows["value"], h.history[name],
                                   rtol=1e-6)


def test_data_frame_has_nan_where_validation_was_skipped():
    h = trained(epochs=5, validation_freq=2)
    df = as_data_frame(h)
    val = df[(df.metric == "loss") & (df.data == "validation")]
    assert val["epoch"].tolist() == [1, 2, 3, 4, 5]
    missing = val["value"].isna().tolist()
    assert missing == [True, False, True, False, True]
    np.testing.assert_allclose(val["value"].dropna(), h.history["val_loss"])
    train = df[(df.metric == "loss") & (df.data == "training")]
    assert not train["value"].isna().any()


def test_data_frame_epochs_continue_a_resumed_run():
    x, y = xy()
    model = regression()
    fit(model, x, y, epochs=2, verbose=0)
    h = fit(model, x, y, epochs=5, initial_epoch=2, verbose=0)
    df = as_data_frame(h)
    assert df[df.metric == "loss"]["epoch"].tolist() == [3, 4, 5]
    assert set(df["data"]) == {"training"}


def test_data_frame_of_keras_own_history_and_in_a_pipe():
    x, y = xy()
    model = regression()
    history = model.fit(x, y, epochs=2, validation_split=0.25, verbose=0)
    assert isinstance(history, keras.callbacks.History)
    df = as_data_frame(history)
    assert len(df) == 8
    piped = toolz.pipe(regression(), fit(x, y, epochs=2, verbose=0),
                       as_data_frame())
    assert piped["metric"].tolist() == ["loss"] * 2 + ["mae"] * 2


def test_data_frame_of_keras_history_with_skipped_validation():
    """Keras's own History does not say which epochs validated; the
    smallest frequency explaining the count is used (here 3)."""
    x, y = xy()
    history = regression().fit(x, y, epochs=7, validation_split=0.25,
                               validation_freq=3, verbose=0)
    df = as_data_frame(history)
    val = df[(df.metric == "loss") & (df.data == "validation")]
    assert val.dropna()["epoch"].tolist() == [3, 6]


def test_data_frame_needs_pandas(monkeypatch):
    h = trained(epochs=1)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pandas.*pykeras3\[plot\]"):
        as_data_frame(h)


def test_data_frame_refuses_what_is_not_a_history():
    with pytest.raises(TypeError, match="training history"):
        as_data_frame(regression())


def test_history_metrics_have_one_value_per_epoch():
    h = trained(epochs=4, validation_freq=[1, 4])
    assert all(len(v) == 4 for v in h.metrics.values())
    val = h.metrics["val_loss"]
    assert not math.isnan(val[0]) and not math.isnan(val[3])
    assert math.isnan(val[1]) and math.isnan(val[2])
    # print() shows the last value measured, not NaN.
    h = trained(epochs=3, validation_freq=2)
    assert "nan" not in repr(h)


# ---------------------------------------------------------------------------
# plot(history)

def test_plot_history_draws_one_panel_per_metric():
    h = trained(epochs=4)
    fig = plot(h)
    assert isinstance(fig, Figure)
    assert [ax.get_title() for ax in fig.axes] == ["loss", "mae"]
    for ax, metric in zip(fig.axes, ["loss", "mae"]):
        drawn = lines(ax)
        assert list(drawn) == ["training", "validation"]
        for data, name in (("training", metric),
                           ("validation", "val_" + metric)):
            x, y = drawn[data].get_data()
            assert list(x) == [1, 2, 3, 4]
            np.testing.assert_allclose(y, h.metrics[name])
    assert fig.axes[-1].get_xlabel() == "epoch"
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        "training", "validation"]


def test_plot_history_renders_to_png(tmp_path):
    fig = plot(trained(epochs=3))
    path = tmp_path / "history.png"
    fig.savefig(path)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    from PIL import Image
    with Image.open(path) as image:
        width, height = image.size
        assert height > width / 2  # two panels, stacked
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # lines, points and text, not a blank page


def test_plot_history_picks_panels():
    h = trained(epochs=2)
    assert [ax.get_title() for ax in plot(h, metrics=["loss"]).axes] == [
        "loss"]
    assert [ax.get_title() for ax in plot(h, metrics="mae").axes] == ["mae"]
    order = plot(h, metrics=["mae", "loss"]).axes
    assert [ax.get_title() for ax in order] == ["mae", "loss"]


@pytest.mark.parametrize("metrics, match", [
    ("val_loss", r"Did you mean 'loss'\?"),
    (["accuracy"], r"no metric 'accuracy'.*Available: 'loss', 'mae'"),
    ([], "non-empty list"),
    (3, "metric name"),
])
def test_plot_history_explains_bad_metrics(metrics, match):
    with pytest.raises((ValueError, TypeError), match=match):
        plot(trained(epochs=1), metrics=metrics)


def test_plot_history_without_validation_has_one_line_per_panel():
    fig = plot(trained(epochs=3, validation_split=0.0))
    assert [len(ax.lines) for ax in fig.axes] == [1, 1]
    assert lines(fig.axes[0]).keys() == {"training"}


def test_plot_skipped_validation_joins_the_validated_epochs():
    h = trained(epochs=6, validation_freq=2)
    validation = lines(plot(h).axes[0])["validation"]
    x, y = validation.get_data()
    assert list(x) == [2, 4, 6]
    np.testing.assert_allclose(y, h.history["val_loss"], rtol=1e-6)


def test_plot_smooths_ten_epochs_or_more_as_keras3():
    h = trained(epochs=12)
    smooth = lines(plot(h).axes[0])["training"]
    assert len(smooth.get_xdata()) > 12  # a curve, not the points
    assert smooth.get_xdata()[0] == 1 and smooth.get_xdata()[-1] == 12
    raw = lines(plot(h, smooth=False).axes[0])["training"]
    np.testing.assert_allclose(raw.get_ydata(), h.metrics["loss"])
    # The points are always drawn as they are.
    points = plot(h).axes[0].collections[0].get_offsets()
    np.testing.assert_allclose(points[:, 1], h.metrics["loss"])
    # Fewer than ten epochs: joined, smooth or not.
    short = lines(plot(trained(epochs=4)).axes[0])["training"]
    assert len(short.get_xdata()) == 4


def test_smoothing_follows_the_trend():
    from pykeras3.plotting import loess
    x = np.arange(1, 31, dtype=float)
    y = 2.0 * x + np.random.default_rng(0).normal(0, 1, size=30)
    fitted = loess(x, y, x)
    assert np.abs(fitted - 2.0 * x).max() < 1.5
    assert np.abs(fitted - 2.0 * x).mean() < np.abs(y - 2.0 * x).mean()


def test_plot_history_to_file(tmp_path):
    h = trained(epochs=2)
    for name, head in (("h.png", PNG_SIGNATURE), ("h.svg", b"<?xml"),
                       ("h.pdf", b"%PDF")):
        fig = plot(h, to_file=tmp_path / name)
        assert isinstance(fig, Figure)
        assert (tmp_path / name).read_bytes().startswith(head)
    assert sorted(os.listdir(tmp_path)) == ["h.pdf", "h.png", "h.svg"]


def test_plot_history_refuses_a_bad_file_name_before_drawing(tmp_path):
    h = trained(epochs=1)
    before = plt.get_fignums()
    with pytest.raises(ValueError, match=r"to_file.*Did you mean "
                                         r"'.*curves\.png'"):
        plot(h, to_file=tmp_path / "curves.txt")
    assert plt.get_fignums() == before
    assert os.listdir(tmp_path) == []


def test_plot_in_a_pipe_and_on_keras_history():
    x, y = xy()
    fig = toolz.pipe(regression(), fit(x, y, epochs=2, verbose=0),
                     plot(metrics="loss"))
    assert [ax.get_title() for ax in fig.axes] == ["loss"]
    history = regression().fit(x, y, epochs=2, verbose=0)
    assert [ax.get_title() for ax in plot(history).axes] == ["loss", "mae"]


def test_plot_history_needs_matplotlib(monkeypatch):
    h = trained(epochs=1)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"matplotlib.*pykeras3\[plot\]"):
        plot(h)


def test_plot_refuses_an_empty_history_and_model_options():
    x, y = xy()
    model = regression()
    fit(model, x, y, epochs=2, verbose=0)
    empty = fit(model, x, y, epochs=2, initial_epoch=2, verbose=0)
    with pytest.raises(ValueError, match="no epochs to plot"):
        plot(empty)
    with pytest.raises(TypeError, match="show_shapes.*for drawing a model"):
        plot(trained(epochs=1), show_shapes=True)
    with pytest.raises(TypeError, match=r"training history \(the value "
                                        r"fit\(\) returns\) or a Keras "
                                        r"model.*Dense"):
        plot(keras.layers.Dense(2))


# ---------------------------------------------------------------------------
# plot(model)

def two_input_model():
    a = keras_input(shape=(3,), name="left")
    b = keras_input(shape=(2,), name="right")
    joined = pykeras3.layer_concatenate(list((a, b)))
    out = layer_dense(joined, units=1, name="score")
    return keras_model(inputs=[a, b], outputs=out, name="two_inputs")


def test_plot_model_as_graphviz_text_needs_no_graphviz(tmp_path,
                                                       monkeypatch):
    pytest.importorskip("pydot")
    monkeypatch.setenv("PATH", "")
    result = plot(two_input_model(), to_file=tmp_path / "model.dot",
                  show_shapes=True, show_layer_names=True)
    assert result is None
    text = (tmp_path / "model.dot").read_text()
    assert text.startswith("digraph")
    for name in ("left", "right", "score"):
        assert name in text
    assert "(None, 1)" in text  # show_shapes
    assert os.listdir(tmp_path) == ["model.dot"]


def test_plot_model_says_graphviz_is_missing(tmp_path, monkeypatch):
    pytest.importorskip("pydot")
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ImportError) as err:
        plot(two_input_model(), to_file=tmp_path / "model.png")
    message = str(err.value)
    assert "Graphviz program 'dot'" in message
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert os.listdir(tmp_path) == []


def test_plot_model_says_pydot_is_missing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pydot", None)
    with pytest.raises(ImportError, match=r"pydot.*pip install "
                                          r"\"pykeras3\[plot\]\""):
        plot(two_input_model(), to_file=tmp_path / "model.png")


def test_plot_model_checks_its_arguments(tmp_path):
    model = two_input_model()
    with pytest.raises(ValueError, match=r"to_file.*'\.png'.*'\.dot'"):
        plot(model, to_file=tmp_path / "model.txt")
    with pytest.raises(TypeError, match="`metrics` is for plotting a "
                                        "training history"):
        plot(model, metrics="loss")
    unbuilt = keras.Sequential([keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="not built"):
        plot(unbuilt, to_file=tmp_path / "model.dot")


@pytest.mark.skipif(shutil.which("dot") is None,
                    reason="the Graphviz program dot is not installed")
def test_plot_model_draws_an_image(tmp_path):
    pytest.importorskip("pydot")
    shown = plot(two_input_model(), to_file=tmp_path / "model.png",
                 show_shapes=True)
    assert (tmp_path / "model.png").read_bytes().startswith(PNG_SIGNATURE)
    from IPython.display import Image
    assert isinstance(shown, Image)
    assert isinstance(plot(two_input_model()), Image)


# ---------------------------------------------------------------------------
# Live curves

class FakeHandle:
    def __init__(self, shown):
        self.shown = shown

    def update(self, obj):
        self.shown.append(("update", obj))


class FakeNotebook:
    """An IPython shell with a kernel, whose display() records what it is
    given: what a Jupyter notebook looks like to the code in it."""

    def __init__(self, monkeypatch):
        IPython = pytest.importorskip("IPython")
        import IPython.display
        self.shown = []
        shell = type("ZMQInteractiveShell", (), {"kernel": object()})()
        monkeypatch.setattr(IPython, "get_ipython", lambda: shell)

        def display(obj, display_id=None):
            assert display_id is True
            self.shown.append(("display", obj))
            return FakeHandle(self.shown)
        monkeypatch.setattr(IPython.display, "display", display)

    def images(self):
        for kind, obj in self.shown:
            assert obj.data.startswith(PNG_SIGNATURE)
        return [kind for kind, _ in self.shown]


def test_live_curves_update_one_output_in_a_notebook(monkeypatch):
    notebook = FakeNotebook(monkeypatch)
    x, y = xy()
    figures = plt.get_fignums()
    fit(regression(), x, y, epochs=4, validation_split=0.25, verbose=0,
        view_metrics=True)
    assert notebook.images() == ["display"] + ["update"] * 3
    assert plt.get_fignums() == figures  # no pyplot figure left behind
    # Each image is a new drawing.
    digests = {hashlib.sha256(obj.data).hexdigest()
               for _, obj in notebook.shown}
    assert len(digests) == 4


def test_each_fit_gets_its_own_output(monkeypatch):
    notebook = FakeNotebook(monkeypatch)
    x, y = xy()
    model = regression()
    viewer = callback_view_metrics()
    model.fit(x, y, epochs=2, verbose=0, callbacks=[viewer])
    model.fit(x, y, epochs=2, verbose=0, callbacks=[viewer])
    assert notebook.images() == ["display", "update"] * 2
    assert viewer.epochs == [0, 1]


@pytest.mark.parametrize("verbose, epochs, drawn", [
    ("auto", 3, True), (1, 3, True), (2, 3, True), (0, 3, False),
    ("auto", 1, False)])
def test_auto_draws_in_a_notebook_when_verbose(monkeypatch, verbose,
                                               epochs, drawn, capsys):
    notebook = FakeNotebook(monkeypatch)
    x, y = xy()
    fit(regression(), x, y, epochs=epochs, verbose=verbose)
    assert bool(notebook.shown) is drawn
    if drawn:
        assert notebook.images() == ["display"] + ["update"] * (epochs - 1)


def test_auto_does_not_add_a_second_viewer(monkeypatch):
    notebook = FakeNotebook(monkeypatch)
    x, y = xy()
    fit(regression(), x, y, epochs=2, verbose=1,
        callbacks=[callback_view_metrics(metrics="loss")])
    assert notebook.images() == ["display", "update"]


def test_outside_a_notebook_true_draws_nothing(tmp_path, monkeypatch,
                                               capsys):
    monkeypatch.chdir(tmp_path)
    x, y = xy()
    figures = plt.get_fignums()
    fit(regression(), x, y, epochs=3, verbose=0, view_metrics=True)
    fit(regression(), x, y, epochs=3, verbose=1, view_metrics="auto")
    assert os.listdir(tmp_path) == []
    assert plt.get_fignums() == figures
    assert "<IPython" not in capsys.readouterr().out


def test_view_metrics_file_is_rewritten_each_epoch(tmp_path):
    path = tmp_path / "curves.png"
    digests = []
    record = callback_lambda(on_epoch_end=lambda epoch, logs: digests.append(
        hashlib.sha256(path.read_bytes()).hexdigest()))
    x, y = xy()
    fit(regression(), x, y, epochs=3, validation_split=0.25, verbose=0,
        callbacks=[callback_view_metrics(to_file=path), record])
    assert len(set(digests)) == 3
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    assert os.listdir(tmp_path) == ["curves.png"]


def test_fit_view_metrics_path(tmp_path):
    x, y = xy()
    fit(regression(), x, y, epochs=2, verbose=0,
        view_metrics=str(tmp_path / "live.svg"))
    assert (tmp_path / "live.svg").read_bytes().startswith(b"<?xml")


def test_live_curves_with_keras_model_fit_and_chosen_panels(tmp_path):
    path = tmp_path / "c.png"
    viewer = callback_view_metrics(to_file=path, metrics=["mae"],
                                   smooth=False)
    assert isinstance(viewer, MetricsViewer)
    x, y = xy()
    history = regression().fit(x, y, epochs=3, validation_split=0.25,
                               verbose=0, callbacks=[viewer])
    assert viewer.epochs == [0, 1, 2]
    for name, values in history.history.items():
        np.testing.assert_allclose(viewer.metrics[name], values, rtol=1e-6)
    from PIL import Image
    with Image.open(path) as image:
        width, height = image.size
    assert height < width  # one panel


def test_live_curves_mark_skipped_validation():
    viewer = callback_view_metrics(to_file=None)
    x, y = xy()
    regression().fit(x, y, epochs=4, validation_split=0.25,
                     validation_freq=2, verbose=0, callbacks=[viewer])
    val = viewer.metrics["val_loss"]
    assert [math.isnan(v) for v in val] == [True, False, True, False]


@pytest.mark.parametrize("value, match", [
    (3, "view_metrics` must be True, False, 'auto'"),
    ("curves.txt", r"to_file.*Did you mean 'curves\.png'"),
    ("yes", r"Did you mean 'yes\.png'"),
])
def test_bad_view_metrics_fails_before_training(value, match, tmp_path,
                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    x, y = xy()
    model = regression()
    weights = [w.copy() for w in model.get_weights()]
    with pytest.raises((ValueError, TypeError), match=match):
        fit(model, x, y, epochs=2, verbose=0, view_metrics=value)
    for before, after in zip(weights, model.get_weights()):
        np.testing.assert_array_equal(before, after)
    assert os.listdir(tmp_path) == []


def test_callback_view_metrics_checks_its_arguments(monkeypatch):
    with pytest.raises(ValueError, match=r"Did you mean 'loss'"):
        callback_view_metrics(metrics=["val_loss"])
    with pytest.raises(TypeError, match="smooth"):
        callback_view_metrics(smooth="yes")
    with pytest.raises(ValueError, match="dpi"):
        callback_view_metrics(dpi=0)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"pykeras3\[plot\]"):
        callback_view_metrics(to_file="c.png")
