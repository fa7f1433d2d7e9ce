"""What the generated loss, metric and application functions do at run
time (the layer functions' part is in `_layers.py`)."""

from __future__ import annotations

import os
import weakref

from ._args import received

# Application models -> the Keras module that built them (for
# application_preprocess_inputs() and application_decode_predictions()).
APPLICATION_OF = weakref.WeakKeyDictionary()


def computes(fn, y_true, y_pred):
    """True when a loss or metric function is given both `y_true` and
    `y_pred` (compute the value now), False when given neither (return the
    object for `compile()`); one without the other is an error."""
    if (y_true is None) != (y_pred is None):
        given, other = ("y_true", "y_pred") if y_pred is None else \
            ("y_pred", "y_true")
        raise TypeError(
            f"{fn}(): `{given}` was given without `{other}`. Pass both to "
            f"compute the value, or neither to get the object for "
            f"compile().")
    return y_true is not None


def unused(fn, form, **arguments):
    """Refuse arguments that the chosen form does not take, given as
    `name=(value, default)`; `form` is "value" (y_true and y_pred given)
    or "object"."""
    for name, (value, default) in arguments.items():
        if value is default or (_plain(value) and value == default):
            continue
        if form == "value":
            hint = ("it configures the object for compile(); call without "
                    "y_true and y_pred to get that object")
        else:
            hint = ("it applies when computing the value; pass y_true and "
                    "y_pred")
        raise TypeError(f"{fn}(): `{name}` is not used here: {hint}. "
                        f"{received(name, value)}")


def _plain(value):
    return value is None or isinstance(value, (bool, int, float, str,
                                               tuple))


def load_application(fn, constructor, **arguments):
    """Build a Keras application model; a failed download of its weights
    says what failed and what to pass instead."""
    try:
        model = constructor(**arguments)
    except Exception as err:
        weights = arguments.get("weights")
        if isinstance(weights, str) and not os.path.exists(weights):
            raise explain_download(
                f"{fn}(weights={weights!r})", err, "the pretrained weights",
                "pass weights=None for randomly initialized weights, or the "
                "path of a weights file you downloaded elsewhere "
                "(weights='path/to/file.h5')") from err
        raise
    APPLICATION_OF[model] = constructor.__module__
    return model


def explain_download(fn, err, what, instead=None):
    """`err` unchanged, or, when it is a failed download, a ConnectionError
    that says what could not be downloaded, where Keras keeps such files
    and what to do instead."""
    text = str(err).strip()
    if not ("URL fetch failure" in text or "HTTP" in text or isinstance(
            err, (ConnectionError, TimeoutError)) or (
            isinstance(err, OSError) and "resolve" in text)):
        return err
    home = os.environ.get("KERAS_HOME") or os.path.join(
        os.path.expanduser("~"), ".keras")
    message = (f"{fn}: {what} could not be downloaded ({text}). ")
    if instead:
        message += f"Without network, {instead}. "
    message += (f"Keras keeps downloads in {home!r} (its 'models' and "
                f"'datasets' folders): a file placed there under its "
                f"original name is used without downloading.")
    return ConnectionError(message)
