"""Preparing inputs for, and reading outputs of, the applications (written
by hand: they find the Keras module that goes with a model)."""

from __future__ import annotations

import importlib
import inspect

import keras
import numpy as np

from ._args import as_int
from ._registry import export
from ._wrappers import APPLICATION_OF, explain_download


def _module_of(fn, model):
    """The keras.applications module that built `model`."""
    name = APPLICATION_OF.get(model) if isinstance(model, keras.Model) \
        else None
    if name is None and isinstance(model, keras.Model):
        name = _DEFAULT_NAMES().get(model.name)
        if name is None and model.name.startswith("mobilenet"):
            name = "keras.src.applications." + (
                "mobilenet_v2" if "v2" in model.name else "mobilenet")
    if name is None:
        raise TypeError(
            f"{fn}(): `model` must be a model made by an application_*() "
            f"function (such as application_resnet50()). Received: "
            f"{type(model).__name__} {getattr(model, 'name', '')!r}.")
    return importlib.import_module(name)


_NAMES = {}


def _DEFAULT_NAMES():
    """Default model names of Keras's applications -> their module."""
    if not _NAMES:
        for attr in dir(keras.applications):
            obj = getattr(keras.applications, attr)
            if inspect.isfunction(obj) and attr[:1].isupper():
                param = inspect.signature(obj).parameters.get("name")
                if param is not None and param.default:
                    _NAMES[param.default] = obj.__module__
    return _NAMES


@export("applications")
def application_preprocess_inputs(model, x, *, data_format=None, **kwargs):
    """Prepare images the way an application model expects them.

    Each pretrained application scales and centres its input in its own
    way (to [-1, 1], or by subtracting ImageNet's mean colour, ...);
    this applies the one that belongs to `model`.

    keras3 R: ``application_preprocess_inputs()``.

    Args:
        model: a model made by an `application_*()` function (or loaded
            from one saved under its default name).
        x: a batch of images: an array or tensor of shape
            `(batch, height, width, 3)` (channels last) with values in
            [0, 255].
        data_format: `"channels_last"` or `"channels_first"`; `None` uses
            Keras's global setting.
        **kwargs: other arguments of the module's `preprocess_input`.

    Returns:
        The preprocessed images (`x` itself is left unchanged).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import application_mobilenet_v2
        >>> from pykeras3 import application_preprocess_inputs
        >>> model = application_mobilenet_v2(weights=None,
        ...                                  input_shape=(32, 32, 3))
        >>> x = np.full((1, 32, 32, 3), 255.0)
        >>> float(application_preprocess_inputs(model, x).max())
        1.0
    """
    module = _module_of("application_preprocess_inputs", model)
    return module.preprocess_input(_copy(x), data_format=data_format,
                                   **kwargs)


def _copy(x):
    """A NumPy copy of `x` (Keras's preprocess_input functions write over
    NumPy arrays of floats, and take no lists); tensors are left alone."""
    if isinstance(x, np.ndarray):
        return x.copy()
    if isinstance(x, (list, tuple)):
        return np.array(x)
    return x


@export("applications")
def application_decode_predictions(model, preds, top=5, **kwargs):
    """Turn an ImageNet classifier's output into class names.

    Needs ImageNet's class index, which Keras downloads once (then keeps
    in its cache folder).

    keras3 R: ``application_decode_predictions()``.

    Args:
        model: a model made by an `application_*()` function with
            `include_top=True` (1000 ImageNet classes).
        preds: its predictions, shape `(batch, 1000)`.
        top: how many of the most likely classes to return per sample.
        **kwargs: other arguments of the module's `decode_predictions`.

    Returns:
        A list (one per sample) of lists of `(class_id, class_name,
        score)` tuples, most likely first.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import application_decode_predictions
        >>> from pykeras3 import application_mobilenet_v3_small
        >>> model = application_mobilenet_v3_small(weights=None,
        ...                                        input_shape=(32, 32, 3))
        >>> preds = model.predict(np.zeros((2, 32, 32, 3)), verbose=0)
        >>> preds.shape  # one score per ImageNet class
        (2, 1000)
        >>> top = application_decode_predictions(model, preds, top=3)
        ... # doctest: +SKIP
        >>> len(top), len(top[0])  # doctest: +SKIP
        (2, 3)
    """
    fn = "application_decode_predictions"
    module = _module_of(fn, model)
    try:
        return module.decode_predictions(preds, top=as_int(fn, "top", top,
                                                           minimum=1),
                                         **kwargs)
    except Exception as err:
        raise explain_download(fn, err, "ImageNet's class index") from err


@export("applications")
def imagenet_preprocess_input(x, data_format=None, mode="caffe"):
    """Scale and centre images as the ImageNet models of Keras were
    trained.

    keras3 R: ``imagenet_preprocess_input()``.

    Args:
        x: a batch of images with values in [0, 255].
        data_format: `"channels_last"` or `"channels_first"`; `None` uses
            Keras's global setting.
        mode: `"caffe"` (BGR order, ImageNet's mean colour subtracted),
            `"tf"` (scaled to [-1, 1]) or `"torch"` (scaled to [0, 1], then
            normalised by ImageNet's mean and standard deviation).

    Returns:
        The preprocessed images (`x` itself is left unchanged).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import imagenet_preprocess_input
        >>> x = np.full((1, 2, 2, 3), 255.0)
        >>> float(imagenet_preprocess_input(x, mode="tf").max())
        1.0
    """
    from keras.applications import imagenet_utils
    return imagenet_utils.preprocess_input(_copy(x),
                                           data_format=data_format,
                                           mode=mode)


@export("applications")
def imagenet_decode_predictions(preds, top=5):
    """Turn ImageNet class scores into class names.

    Needs ImageNet's class index, which Keras downloads once (then keeps
    in its cache folder).

    keras3 R: ``imagenet_decode_predictions()``.

    Args:
        preds: predictions of shape `(batch, 1000)`.
        top: how many of the most likely classes to return per sample.

    Returns:
        A list (one per sample) of lists of `(class_id, class_name,
        score)` tuples, most likely first.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import imagenet_decode_predictions
        >>> preds = np.zeros((1, 1000), "float32")
        >>> preds[0, 1] = 0.9  # class 1 of ImageNet is the goldfish
        >>> imagenet_decode_predictions(preds, top=1)  # doctest: +SKIP
        [[('n01443537', 'goldfish', np.float32(0.9))]]
        >>> imagenet_decode_predictions(np.zeros((1, 10)))
        Traceback (most recent call last):
        ...
        ValueError: ...shape (samples, 1000)...
    """
    from keras.applications import imagenet_utils
    fn = "imagenet_decode_predictions"
    try:
        return imagenet_utils.decode_predictions(
            preds, top=as_int(fn, "top", top, minimum=1))
    except Exception as err:
        raise explain_download(fn, err, "ImageNet's class index") from err
