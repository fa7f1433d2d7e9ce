"""What every `layer_*()` function does at run time: keras3's composition
rule, and layers that compose without being told apart from Keras's own.

The rule, decided by the type of the first argument (`_pipe.split_object`,
the same test the verbs use):

* a Sequential model: the new layer is added to it and the model returned;
* a tensor (symbolic `keras.Input`, or eager), or a list, tuple or dict of
  tensors (the inputs of attention layers, `layer_hashed_crossing()`, ...):
  the layer is applied and its output returned.  Layers called as
  `layer(query, value, key)` (multi-head and grouped-query attention) get
  a list's elements as separate arguments, as in keras3;
* nothing (or `None`): the layer itself is returned.

A first argument of another type is not the object: `layer_dense(4)` means
`units=4` (the `@composes` decorator shifts it into place).

The layer returned in the last case is a real Keras layer
(`isinstance(layer_dense(units=1), keras.layers.Dense)`) that still composes:
calling it on a Sequential model adds it, so
`toolz.pipe(keras_model_sequential(input_shape=10), layer_dense(units=4))`
works.  To everything else it *is* the plain Keras class: `__class__`,
Keras's serializer, `pickle` and `copy.deepcopy` see `keras.layers.Dense`,
and on its first call it becomes an instance of that class.  Models built
with pykeras3 contain only plain Keras layers and load in a process that
never imports pykeras3.

Merging layers (`@merges`) take their inputs as a list, as separate
positional arguments, or, given one tensor, return a deferred call that
merges the tensor piped into it with that one (R's `x |> layer_add(y)`).
"""

from __future__ import annotations

import functools
import inspect
from typing import Callable, TypeVar

try:  # Python 3.10+
    from typing import ParamSpec
except ImportError:  # pragma: no cover
    ParamSpec = None

import keras
import numpy as np

from ._args import as_integer, as_optional_shape
from ._pipe import (_MISSING, Deferred, VerbSpec, refuse_misplaced,
                    split_object)

P = ParamSpec("P") if ParamSpec else None
R = TypeVar("R")

# Arguments any Keras layer takes through **kwargs that keras3 converts.
_LAYER_KWARGS = {"input_shape": as_optional_shape,
                 "batch_input_shape": as_optional_shape,
                 "batch_size": as_integer}


def is_tensor_like(value):
    """True for what a layer can be applied to."""
    return (isinstance(value, (keras.KerasTensor, np.ndarray))
            or keras.ops.is_tensor(value))


def is_layer_object(value):
    """True for what a layer function composes with (its `object`)."""
    # `None` in first place is keras3's `object = NULL`: no object.
    return value is None or isinstance(value, keras.Model) or \
        is_tensor_like(value) or _is_tensor_structure(value)


def _is_tensor_structure(value):
    """A list, tuple or dict of tensors (nested or not): the inputs of
    layers that take several (attention layers, `layer_hashed_crossing`,
    `layer_feature_space`), as keras3 passes an R list."""
    if not isinstance(value, (list, tuple, dict)):
        return False
    leaves = keras.tree.flatten(value)
    return bool(leaves) and all(is_tensor_like(v) for v in leaves)


def _takes_query_and_value(layer):
    """True for layers called as `layer(query, value, key)` rather than
    on one list (multi-head and grouped-query attention)."""
    params = list(inspect.signature(layer.call).parameters)
    return params[:2] == ["query", "value"]


def _is_merge_object(value):
    return value is None or isinstance(value, (list, tuple, keras.Model)) \
        or is_tensor_like(value)


def composes(fn: Callable[P, R]) -> Callable[P, R]:
    """Let a layer function be called without its object.

    The decorated function's first parameter is the object (`object`, or
    `inputs` for attention layers).  When the first positional argument is
    not something a layer composes with, it is read as the next parameter
    (`layer_dense(4)` is `layer_dense(units=4)`).  Signatures and docs are
    the decorated function's own.
    """
    first = next(iter(inspect.signature(fn).parameters))

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        obj, args, kwargs = split_object(args, kwargs, first,
                                         is_layer_object)
        if obj is _MISSING:
            refuse_misplaced(fn.__name__, "model", args, kwargs,
                             _is_misplaced_object, noun="model or tensor",
                             otherwise="returns the layer alone, and the "
                                       "model would not have changed")
        return fn(None if obj is _MISSING else obj, *args, **kwargs)
    return wrapper


def _is_misplaced_object(value):
    """A model, or a symbolic tensor, given where a layer's option goes."""
    return isinstance(value, (keras.Model, keras.KerasTensor))


def merges(fn: Callable[P, R]) -> Callable[P, R]:
    """keras3's forms for a merging layer function `fn(inputs, *more, ...)`:
    a list of inputs, the inputs as separate arguments, or none; one single
    tensor gives a deferred call that merges what is piped into it with
    that tensor."""
    name = fn.__name__
    params = list(inspect.signature(fn).parameters.values())
    rest = inspect.Signature(params[1:])

    def apply(obj, args, kwargs):
        if not is_tensor_like(obj):
            raise TypeError(
                f"{name}() merges tensors, but received "
                f"{type(obj).__name__}. In a pipe, the value flowing into "
                f"{name}(y) must be a tensor.")
        return fn(obj, *args, **kwargs)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        obj, args, kwargs = split_object(args, kwargs, params[0].name,
                                         _is_merge_object)
        if obj is not _MISSING and is_tensor_like(obj) and not args:
            # R's `x |> layer_add(y)`: wait for x.
            bound = rest.bind(obj, **kwargs)
            return Deferred(wrapper, (obj,), kwargs, bound)
        return fn(None if obj is _MISSING else obj, *args, **kwargs)

    wrapper._pykeras3_apply = apply
    wrapper._pykeras3_spec = VerbSpec(name, params[0].name, (), "a tensor",
                                      "tensor")
    return wrapper


def create_layer(fn_name, cls, obj, **arguments):
    """Create the layer and compose it with `obj` (the layer functions'
    common body)."""
    for key, convert in _LAYER_KWARGS.items():
        if arguments.get(key) is not None:
            arguments[key] = convert(fn_name, key, arguments[key])
    arguments = {key: keras_activation(value)
                 for key, value in arguments.items()}
    layer = composable_class(cls, fn_name)(**arguments)
    if obj is None:
        return layer
    return compose(fn_name, obj, layer)


def keras_activation(value):
    """A pykeras3 activation function (`activation_relu`) as the Keras
    function it calls (`keras.activations.relu`, the same with its defaults),
    so that layers hold Keras's own and their models load without pykeras3;
    any other value unchanged."""
    if inspect.isfunction(value) and \
            value.__module__ == "pykeras3.activations":
        return getattr(keras.activations, value.__name__[len("activation_"):],
                       value)
    return value


def merge_layer(fn_name, cls, inputs, more, **arguments):
    """Create a merging layer and apply it to `inputs` (a list, or the first
    of several tensors with `more`), or return it when there are none."""
    if isinstance(inputs, keras.Model):
        raise TypeError(
            f"{fn_name}() merges several tensors, so it cannot be added to "
            f"a model ({type(inputs).__name__} {inputs.name!r}). Apply it to "
            f"a list of tensors: {fn_name}([a, b]).")
    layer = create_layer(fn_name, cls, None, **arguments)
    if inputs is None:
        if more:
            raise TypeError(
                f"{fn_name}(): unnamed arguments are the tensors to merge, "
                f"but received {type(more[0]).__name__} {more[0]!r}. Pass "
                f"the layer's options by name (e.g. axis=1).")
        return layer
    if isinstance(inputs, (list, tuple)):
        if more:
            raise TypeError(
                f"{fn_name}(): give the inputs either as one list or as "
                f"separate arguments, not both. Received a list of "
                f"{len(inputs)} and {len(more)} more.")
        return layer(list(inputs))
    return layer([inputs, *more])


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
    if isinstance(obj, (list, tuple)) and _takes_query_and_value(layer):
        # keras3 calls these with the list's elements: query, value, key.
        return layer(*obj)
    return layer(obj)


# --------------------------------------------------------------------------
# Layers that compose, and are otherwise the plain Keras class

_COMPOSABLE = {}
_SET_CLASS = object.__dict__["__class__"].__set__


def composable_class(cls, fn_name=None):
    """A subclass of Keras layer class `cls` whose instances also compose
    with a Sequential model, and otherwise present themselves as `cls`:
    `obj.__class__`, serialization, pickling and deep copies all see `cls`.
    An instance turns into a plain `cls` on its first call."""
    sub = _COMPOSABLE.get(cls)
    if sub is not None:
        return sub
    name = fn_name or cls.__name__

    def __call__(self, *args, **kwargs):
        _SET_CLASS(self, cls)
        if len(args) == 1 and not kwargs and (
                isinstance(args[0], keras.Model) or (
                    isinstance(args[0], (list, tuple))
                    and _takes_query_and_value(self))):
            return compose(name, args[0], self)
        return cls.__call__(self, *args, **kwargs)

    def __reduce_ex__(self, protocol):
        # Reduce as the plain class, so that what is rebuilt is plain.
        own = type(self)
        _SET_CLASS(self, cls)
        try:
            return self.__reduce_ex__(protocol)
        finally:
            _SET_CLASS(self, own)

    sub = type(cls.__name__, (cls,), {
        "__call__": __call__,
        "__reduce_ex__": __reduce_ex__,
        "__class__": property(lambda self: cls, _SET_CLASS),
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
    })
    _COMPOSABLE[cls] = sub
    return sub


def make_plain(layer):
    """Make an unapplied layer from a layer function an instance of its
    plain Keras class now, as its first call would (for Keras code that
    checks `type(layer)`, such as `quantize()`); returns the layer."""
    cls = layer.__class__
    if type(layer) is not cls:
        _SET_CLASS(layer, cls)
    return layer
