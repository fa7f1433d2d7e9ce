"""Switching Keras's backend (written by hand: pykeras3's modules must
follow Keras when it is imported again)."""

from __future__ import annotations

import importlib
import os
import sys
import types

import keras

from ._registry import export


@export("config")
def config_set_backend(backend):
    """Switch the backend Keras computes with, reloading Keras.

    Keras is imported again with the new backend, and every pykeras3
    function then uses the reloaded Keras (also those imported by name
    before the switch). Models, layers and tensors made before the switch
    belong to the old Keras and cannot be mixed with new ones. When
    `backend` is already the one in use, nothing is reloaded; when it
    cannot be loaded, the error is raised and Keras stays as it was. The
    usual way to choose a backend is the environment variable
    `KERAS_BACKEND`, set before Python starts (or `"backend"` in
    `~/.keras/keras.json`).

    keras3 R: ``config_set_backend()``. Wraps ``keras.config.set_backend``
    (which reloads Keras even for the backend in use).

    Args:
        backend: the backend's name: `"tensorflow"`, `"jax"`, `"torch"` or
            `"numpy"`; it must be installed.

    Returns:
        `None`.

    Example:
        >>> from pykeras3 import config_backend, config_set_backend
        >>> config_set_backend(config_backend())  # in use: nothing to do
        >>> config_backend()
        'tensorflow'
    """
    if not isinstance(backend, str):
        raise TypeError(
            f"config_set_backend(): `backend` must be a string such as "
            f"'jax'. Received: backend={backend!r}")
    if backend == keras.config.backend():
        return None
    modules = {name: module for name, module in sys.modules.items()
               if _is_keras(name)}
    environment = os.environ.get("KERAS_BACKEND")
    try:
        keras.config.set_backend(backend)
    except BaseException:
        # Keras dropped its modules before failing to import the new
        # backend: put the old ones back, so that Keras keeps working.
        for name in [n for n in sys.modules if _is_keras(n)]:
            del sys.modules[name]
        sys.modules.update(modules)
        if environment is None:
            os.environ.pop("KERAS_BACKEND", None)
        else:
            os.environ["KERAS_BACKEND"] = environment
        raise
    _follow_reloaded_keras()
    return None


def _is_keras(name):
    return name == "keras" or name.startswith("keras.")


def _follow_reloaded_keras():
    """Point the `keras` (and `keras.*`) module names held by pykeras3's
    modules at the freshly imported Keras, as Keras does for its own."""
    for name, module in list(sys.modules.items()):
        if not (name == "pykeras3" or name.startswith("pykeras3.")):
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, types.ModuleType) and _is_keras(
                    value.__name__):
                setattr(module, attr, importlib.import_module(value.__name__))
