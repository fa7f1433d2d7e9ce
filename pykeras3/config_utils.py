"""Switching Keras's backend (written by hand: pykeras3's modules must
follow Keras when it is imported again)."""

from __future__ import annotations

import importlib
import os
import sys

from ._registry import export

# The backends Keras 3 can load (named in errors; Keras decides).
_KNOWN = ("tensorflow", "jax", "torch", "numpy", "openvino")


@export("config")
def config_set_backend(backend):
    """Choose the backend Keras computes with: before Keras is first used,
    or later by reloading Keras.

    Called before anything has used Keras (at the top of a script, after
    `import pykeras3` only), it sets `KERAS_BACKEND` and imports Keras with
    that backend: no other backend is loaded (with `"jax"`, TensorFlow is
    not imported). Later, Keras is imported again with the new backend,
    and so is pykeras3: `pykeras3.fit()` and the other functions then use
    the new Keras. Names imported before such a switch
    (`from pykeras3 import fit`) must be imported again, and models,
    layers and tensors made before belong to the old Keras: they cannot
    be mixed with new ones. When `backend` is already the one in use,
    nothing is reloaded; when it cannot be loaded (not installed, or not a
    Keras backend), the error says so and Keras stays as it was. The
    choice is kept in the environment variable `KERAS_BACKEND`, so
    processes started afterwards (workers, notebooks' kernels) inherit it.
    The other ways to choose are `KERAS_BACKEND` set before Python starts,
    or `"backend"` in `~/.keras/keras.json`.

    keras3 R: ``config_set_backend()``; R's ``use_backend()`` (choosing
    before Keras loads) is the first case here. Wraps
    ``keras.config.set_backend`` (which reloads Keras even for the backend
    in use).

    Args:
        backend: the backend's name: `"tensorflow"`, `"jax"`, `"torch"`,
            `"numpy"` or `"openvino"`; it must be installed (for JAX:
            `pip install jax`, or pykeras3's extra `[jax]`).

    Returns:
        `None`.

    Example:
        >>> from pykeras3 import config_backend, config_set_backend
        >>> in_use = config_backend()
        >>> config_set_backend(in_use)  # in use: nothing to do
        >>> config_backend() == in_use
        True
    """
    if not isinstance(backend, str):
        raise TypeError(
            f"config_set_backend(): `backend` must be a string such as "
            f"'jax'. Received: backend={backend!r}")
    modules = {name: module for name, module in sys.modules.items()
               if _is_keras(name)}
    environment = os.environ.get("KERAS_BACKEND")
    try:
        if "keras" not in sys.modules:
            # Keras not loaded yet: choose its backend before it loads.
            os.environ["KERAS_BACKEND"] = backend
            importlib.import_module("keras")
            return None
        import keras

        if backend == keras.config.backend():
            return None
        keras.config.set_backend(backend)
    except (ImportError, ValueError) as err:
        _restore(modules, environment)
        if type(err) not in (ImportError, ModuleNotFoundError, ValueError):
            raise
        if backend in _KNOWN:
            hint = f"install it (`pip install {backend}`), or choose another"
        else:
            hint = (f"Keras 3's backends are "
                    f"{', '.join(repr(name) for name in _KNOWN)}")
        raise type(err)(
            f"config_set_backend(): Keras could not load the backend "
            f"{backend!r} ({err}); Keras is as it was. {hint}. Received: "
            f"backend={backend!r}") from err
    except BaseException:
        _restore(modules, environment)
        raise
    _follow_reloaded_keras()
    return None


def _restore(modules, environment):
    """Put back the Keras modules and KERAS_BACKEND that were there before
    a failed switch (Keras drops its modules before importing the new
    backend), so that Keras keeps working, or is still not loaded."""
    for name in [n for n in sys.modules if _is_keras(n)]:
        del sys.modules[name]
    sys.modules.update(modules)
    if environment is None:
        os.environ.pop("KERAS_BACKEND", None)
    else:
        os.environ["KERAS_BACKEND"] = environment


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
