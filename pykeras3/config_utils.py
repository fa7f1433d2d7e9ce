"""Switching Keras's backend (written by hand: pykeras3's modules must
follow Keras when it is imported again)."""

from __future__ import annotations

import importlib
import os
import sys

import keras

from ._registry import export


@export("config")
def config_set_backend(backend):
    """Switch the backend Keras computes with, reloading Keras.

    Keras is imported again with the new backend, and so is pykeras3:
    `pykeras3.fit()` and the other functions then use the new Keras.
    Names imported before the switch (`from pykeras3 import fit`) must be
    imported again, and models, layers and tensors made before belong to
    the old Keras: they cannot be mixed with new ones. When `backend` is
    already the one in use, nothing is reloaded; when it cannot be
    loaded, the error is raised and Keras stays as it was. The usual way
    to choose a backend is the environment variable `KERAS_BACKEND`, set
    before Python starts (or `"backend"` in `~/.keras/keras.json`).

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
    """Import pykeras3 again over the reloaded Keras (its verbs and classes
    hold Keras's classes), and give the module objects already held
    elsewhere (`import pykeras3` before the switch) the new contents."""
    old = {name: module for name, module in sys.modules.items()
           if name == "pykeras3" or name.startswith("pykeras3.")}
    for name in old:
        del sys.modules[name]
    try:
        importlib.import_module("pykeras3")
        for name in old:
            if name not in sys.modules and not name.endswith("__main__"):
                importlib.import_module(name)
    except BaseException:
        for name in [n for n in sys.modules if n == "pykeras3"
                     or n.startswith("pykeras3.")]:
            del sys.modules[name]
        sys.modules.update(old)
        raise
    for name, module in old.items():
        new = sys.modules.get(name)
        if new is not None and new is not module:
            module.__dict__.update(new.__dict__)
