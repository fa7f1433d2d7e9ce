"""The one generator behind every `layer_*()` function.

keras3's composition rule, decided by the type of the first argument:

* a Sequential model: the new layer is added to it and the model returned;
* a tensor (symbolic `keras.Input`, or eager): the layer is applied and its
  output returned;
* nothing (or `None`): the layer itself is returned.

The layer returned in the last case is a real Keras layer
(`isinstance(layer_dense(units=1), keras.layers.Dense)`) that still composes:
calling it on a Sequential model adds it, so
`toolz.pipe(keras_model_sequential(input_shape=10), layer_dense(units=4))`
works.  On its first call it becomes an instance of the plain Keras class, so
models built with pykeras3 contain only plain Keras layers and save and load
in a process that never imports pykeras3.
"""

from __future__ import annotations

import inspect
import sys

import keras
import numpy as np

from . import _docs
from ._args import as_shape, as_tuple_arg
from ._pipe import _MISSING, split_object

_P = inspect.Parameter


def is_tensor_like(value):
    """True for what a layer can be applied to."""
    return (isinstance(value, (keras.KerasTensor, np.ndarray))
            or keras.ops.is_tensor(value))


def _is_layer_object(value):
    # `None` in first place is keras3's `object = NULL`: no object.
    return value is None or isinstance(value, keras.Model) or \
        is_tensor_like(value)


def _is_merge_object(value):
    return value is None or isinstance(value, (list, tuple, keras.Model)) \
        or is_tensor_like(value)


def compose(fn_name, obj, layer):
    """Apply keras3's composition rule to `obj` and `layer`."""
    if isinstance(obj, keras.Sequential):
        obj.add(layer)
        return obj
    if isinstance(obj, keras.Model):
        raise TypeError(
            f"{fn_name}(): layers can only be added to a Sequential model; "
            f"received a {type(obj).__name__} model {obj.name!r}. Apply the "
            f"layer to a tensor instead, e.g. {fn_name}(inputs, ...) with "
            f"inputs from keras_input(), then keras_model(inputs, outputs).")
    return layer(obj)


_COMPOSABLE = {}


def composable_class(cls):
    """A subclass of Keras layer class `cls` whose instances also compose
    with a Sequential model.  Instances turn into plain `cls` on first call.
    """
    sub = _COMPOSABLE.get(cls)
    if sub is not None:
        return sub

    def __call__(self, *args, **kwargs):
        object.__setattr__(self, "__class__", cls)
        if len(args) == 1 and not kwargs and isinstance(args[0], keras.Model):
            return compose(_docs.r_name_of(cls), args[0], self)
        return cls.__call__(self, *args, **kwargs)

    sub = type(cls.__name__, (cls,), {
        "__call__": __call__,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
    })
    _COMPOSABLE[cls] = sub
    return sub


def layer_function(name, cls, params, summary, example, *, merge=False,
                   shapes=(), tuples=(), docs=None, notes=None):
    """Generate the pykeras3 function `name` for Keras layer class `cls`.

    Args:
        name: the keras3 R name, e.g. "layer_dense".
        cls: the Keras class, e.g. `keras.layers.Dense`.
        params: the argument names, in keras3's order (defaults are read
            from `cls`, so they are always Keras's own).
        summary, example, notes: documentation in our own words.
        merge: a merging layer, whose object is a list of inputs.
        shapes: arguments converted to shape tuples (`10` -> `(10,)`).
        tuples: arguments whose lists become tuples.
        docs: per-argument text overriding the shared text in `_docs`.
    """
    keras_params = inspect.signature(cls.__init__).parameters
    obj_name = "inputs" if merge else "object"
    is_object = _is_merge_object if merge else _is_layer_object
    layer_params = []
    for pname in params:
        kp = keras_params[pname]
        layer_params.append(_P(pname, _P.POSITIONAL_OR_KEYWORD,
                               default=kp.default))
    var_kw = _P("kwargs", _P.VAR_KEYWORD)
    layer_sig = inspect.Signature(layer_params + [var_kw])
    public_sig = inspect.Signature(
        [_P(obj_name, _P.POSITIONAL_OR_KEYWORD)] + layer_params + [var_kw])
    composable = composable_class(cls)
    _docs.register_layer_name(cls, name)

    def fn(*args, **kwargs):
        obj, args, kwargs = split_object(args, kwargs, obj_name, is_object)
        try:
            bound = layer_sig.bind(*args, **kwargs)
        except TypeError as err:
            raise TypeError(f"{name}(): {err}") from None
        given = dict(bound.arguments)
        given.update(given.pop("kwargs", {}))
        for key in shapes:
            if given.get(key) is not None:
                given[key] = as_shape(name, key, given[key])
        for key in tuples:
            if key in given:
                given[key] = as_tuple_arg(given[key])
        layer = composable(**given)
        if obj is _MISSING or obj is None:
            return layer
        return compose(name, obj, layer)

    fn.__name__ = fn.__qualname__ = name
    # The family module that called us (as collections.namedtuple does).
    fn.__module__ = sys._getframe(1).f_globals.get("__name__", __name__)
    fn.__signature__ = public_sig
    fn.__doc__ = _docs.layer_doc(name, cls, obj_name, params, summary,
                                 example, docs or {}, notes)
    return fn
