"""The one deferral mechanism behind every pykeras3 verb.

A verb takes the object it acts on first (`fit(model, x, y)`).  Called
without that object it returns a :class:`Deferred`, a one-argument callable
that performs the call later, which is what `toolz.pipe` needs:

    toolz.pipe(model, compile(loss="mse"), fit(x, y, epochs=5))

Which form is meant is decided only by the *type* of the first positional
argument (never by counting arguments), so `layer_dense(4)` means
`units=4` and `fit(x, y)` is the deferred form of `fit(model, x, y)`.
The layer functions use the same test (:func:`split_object`) and then apply
keras3's composition rule instead of deferring.
"""

from __future__ import annotations

import functools
import inspect
import os

import numpy as np

__all__ = ["Deferred", "verb", "split_object", "refuse_misplaced",
           "describe"]

_MISSING = object()


def split_object(args, kwargs, name, is_object):
    """Find the object a verb acts on.

    Returns ``(obj, args, kwargs)`` where ``obj`` is the object (or
    ``_MISSING`` when the call is the deferred form) and ``args``/``kwargs``
    are the remaining arguments.  The object is either passed by keyword
    (``name=...``) or is the first positional argument *when its type says
    so* (``is_object(args[0])``).
    """
    if name in kwargs:
        kwargs = dict(kwargs)
        return kwargs.pop(name), args, kwargs
    if args and is_object(args[0]):
        return args[0], args[1:], kwargs
    return _MISSING, args, kwargs


class Deferred:
    """A verb call waiting for the object it acts on.

    Calling it with that object performs the call.  It prints as the call it
    will make, e.g. ``fit(<model>, x=<ndarray float32 (100, 10)>, epochs=5)``.
    """

    __slots__ = ("_verb", "_args", "_kwargs", "_bound")

    def __init__(self, verb_, args, kwargs, bound):
        self._verb = verb_
        self._args = args
        self._kwargs = kwargs
        self._bound = bound

    @property
    def verb(self):
        """The verb (a pykeras3 function) this call will run."""
        return self._verb

    @property
    def arguments(self):
        """The arguments given so far, by name."""
        out = {}
        for key, value in self._bound.arguments.items():
            param = self._bound.signature.parameters[key]
            if param.kind is inspect.Parameter.VAR_KEYWORD:
                out.update(value)
            elif param.kind is inspect.Parameter.VAR_POSITIONAL:
                out[key] = tuple(value)
            else:
                out[key] = value
        return out

    def __call__(self, obj):
        return self._verb._pykeras3_apply(obj, self._args, self._kwargs)

    def __repr__(self):
        spec = self._verb._pykeras3_spec
        parts = [f"<{spec.placeholder}>"]
        parts += [f"{k}={describe(v)}" for k, v in self.arguments.items()]
        return f"{spec.name}({', '.join(parts)})"


class VerbSpec:
    __slots__ = ("name", "obj_param", "accepts", "expected", "placeholder")

    def __init__(self, name, obj_param, accepts, expected, placeholder):
        self.name = name
        self.obj_param = obj_param
        self.accepts = accepts
        self.expected = expected
        self.placeholder = placeholder


def verb(accepts, expected, placeholder="model", dispatch=None, needs=1):
    """Make a function a pipe-friendly verb.

    Args:
        accepts: a type or tuple of types the verb acts on.
        expected: words for error messages ("a Keras model").
        placeholder: how the object prints in a deferred call.
        dispatch: a wider type (or tuple) that still counts as "the object
            was given" so the call is immediate and fails with a clear
            TypeError instead of silently deferring; e.g. a functional model
            handed to a verb that needs a Sequential one.
        needs: how many positional arguments a call must have for its first
            to be read as the object. `add_layer(base_model)` adds a model
            that may itself be a Sequential one: with `needs=2`, one
            argument alone is always the deferred form.
    """
    accepts = accepts if isinstance(accepts, tuple) else (accepts,)
    dispatch = accepts + (dispatch if isinstance(dispatch, tuple)
                          else ((dispatch,) if dispatch else ()))

    def decorate(fn):
        sig = inspect.signature(fn)
        params = list(sig.parameters.values())
        rest = sig.replace(parameters=params[1:])
        spec = VerbSpec(fn.__name__, params[0].name, accepts, expected,
                         placeholder)

        def apply(obj, args, kwargs):
            if not isinstance(obj, accepts):
                raise TypeError(
                    f"{spec.name}() acts on {expected}, but received "
                    f"{describe_type(obj)}. In a pipe, the value flowing "
                    f"into {spec.name}() must be {expected}."
                )
            return fn(obj, *args, **kwargs)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            obj, args, kwargs = split_object(
                args, kwargs, spec.obj_param,
                lambda a: isinstance(a, dispatch) and len(args) >= needs)
            if obj is not _MISSING:
                return apply(obj, args, kwargs)
            if (needs == 1 or len(args) >= needs) and not issubclass(
                    accepts[0], (str, os.PathLike, bytes)):
                refuse_misplaced(spec.name, spec.placeholder, args, kwargs,
                                 lambda a: isinstance(a, accepts))
            try:
                bound = rest.bind(*args, **kwargs)
            except TypeError as err:
                raise TypeError(
                    f"{spec.name}(): {err}. (The first argument is not "
                    f"{expected}, so this was read as the deferred form "
                    f"{spec.name}(...) for a pipe.)"
                ) from None
            return Deferred(wrapper, args, kwargs, bound)

        wrapper._pykeras3_apply = apply
        wrapper._pykeras3_spec = spec
        return wrapper

    return decorate


def refuse_misplaced(name, placeholder, args, kwargs, is_object,
                     noun=None, otherwise="only returns a deferred call for "
                                          "a pipe, so nothing would have "
                                          "happened"):
    """The one rule for swapped arguments.

    A call read as the deferred form (the first argument is not what the
    function acts on) in which another argument *is* such an object was
    almost surely meant the other way round: `save_model("m.keras",
    model)`, `fit(x, model)`.  Raise a TypeError that shows the call
    probably meant, instead of returning a deferred call that would
    silently do nothing.
    """
    noun = noun or placeholder
    where = [(f"argument {i + 1}", value) for i, value in enumerate(args)]
    where += [(f"`{key}`", value) for key, value in kwargs.items()]
    for place, value in where:
        if not is_object(value):
            continue
        rest = [describe(a) for a in args if a is not value]
        rest += [f"{k}={describe(v)}" for k, v in kwargs.items()
                 if v is not value]
        meant = f"{name}({', '.join([placeholder] + rest)})"
        raise TypeError(
            f"{name}(): received {describe_type(value)} as {place}, but the "
            f"{noun} comes first. Did you mean {meant}? (Called without "
            f"the {noun} first, {name}() {otherwise}.)")


def describe_type(value):
    """Name a value's type for an error message."""
    kind = type(value)
    name = kind.__name__ if kind.__module__ == "builtins" else \
        f"{kind.__module__.split('.')[0]}.{kind.__name__}"
    text = describe(value)
    return name if text == f"<{kind.__name__}>" else f"{name} {text}"


def describe(value, _depth=0):
    """A short, readable text for a value inside a deferred call."""
    if value is None or isinstance(value, (bool, int, float, complex, str)):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    if isinstance(value, os.PathLike):
        return repr(os.fspath(value))
    if isinstance(value, (bytes, bytearray)):
        return f"<{type(value).__name__} of {len(value)} bytes>"
    shape = getattr(value, "shape", None)
    dtype = getattr(value, "dtype", None)
    if shape is not None and dtype is not None:
        kind = "ndarray" if isinstance(value, np.ndarray) else (
            "KerasTensor" if type(value).__name__ == "KerasTensor"
            else "Tensor")
        dtype = getattr(dtype, "name", dtype)
        try:
            shape = tuple(shape)
        except TypeError:
            pass
        return f"<{kind} {dtype} {shape}>"
    name = getattr(value, "name", None)
    try:
        import keras
        if isinstance(value, (keras.layers.Layer,
                              keras.optimizers.Optimizer)) and name:
            return f"<{type(value).__name__} {name!r}>"
    except Exception:  # pragma: no cover - keras import problems
        pass
    if isinstance(value, (list, tuple)) and _depth < 2:
        items = [describe(v, _depth + 1) for v in value[:6]]
        if len(value) > 6:
            items.append(f"... {len(value) - 6} more")
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ")")
        if isinstance(value, tuple) and len(value) == 1:
            close = ",)"
        return open_ + ", ".join(items) + close
    if isinstance(value, dict) and _depth < 2:
        items = [f"{k!r}: {describe(v, _depth + 1)}"
                 for k, v in list(value.items())[:6]]
        if len(value) > 6:
            items.append(f"... {len(value) - 6} more")
        return "{" + ", ".join(items) + "}"
    if callable(value) and hasattr(value, "__name__"):
        return f"<function {value.__name__}>"
    return f"<{type(value).__name__}>"
