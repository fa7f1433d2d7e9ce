"""Keras objects as plain configs and back, and the names Keras finds
custom classes and functions by when it loads them.

Keras saves an object as its config: a dict of its arguments plus, for a
full config (`serialize_keras_object()`), the class's name.  Loading needs
the class back: Keras's own classes are found by their names; yours are
found in the registry (`register_keras_serializable()`), or in the
`custom_objects` of the call, or in an enclosing
`with_custom_object_scope()`.

Wherever an argument takes custom objects, it takes them as keras3 does: a
dict of name -> class or function, or a list of classes and functions (or
just one), each named by its `__name__`.
"""

from __future__ import annotations

import contextlib
import inspect
import sys

import keras

from ._args import ArgumentTypeError, as_bool
from ._registry import export


def _scope_objects():
    """The objects of the innermost enclosing custom object scope.  Keras
    replaces the outer scope with an inner one; pykeras3 adds to it."""
    from keras.src.backend.common import global_state
    return dict(global_state.get_global_attribute(
        "custom_objects_scope_dict", {}) or {})


def _registry():
    """Keras's module holding the registry's two dicts (objects by name,
    names by object)."""
    return sys.modules[keras.saving.get_custom_objects.__module__]


def _custom_objects(fn, arg, value):
    """keras3's forms of custom objects as a dict of name -> object."""
    if value is None:
        return {}
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise ArgumentTypeError(
                    f"{fn}(): the names in `{arg}` must be strings. "
                    f"Received: {arg}={value!r}")
        return dict(value)
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    out = {}
    for item in items:
        name = getattr(item, "__name__", None)
        if not callable(item) or not isinstance(name, str):
            raise ArgumentTypeError(
                f"{fn}(): `{arg}` must be a dict of name -> class or "
                f"function, or a list of classes and functions (named by "
                f"their __name__); {item!r} has no name. "
                f"Received: {arg}={value!r}")
        out[name] = item
    return out


@contextlib.contextmanager
def _scope(objects):
    """A custom object scope holding the enclosing scope's objects and
    `objects`, read when the `with` block starts."""
    with keras.saving.CustomObjectScope({**_scope_objects(), **objects}):
        yield


# What a full config is made of.
_PLAIN = (dict, list, tuple, str, int, float, bool)


class KerasConfig(dict):
    """The config of a Keras object: a plain dict of its arguments that
    also remembers the object's class (`keras_class`), so `from_config()`
    can rebuild the object."""

    def __init__(self, config, keras_class):
        super().__init__(config)
        self.keras_class = keras_class


@export("serialization")
def serialize_keras_object(obj):
    """Turn a Keras object into its full config, a JSON-ready dict.

    The dict names the object's class (`class_name`, `module` and, for
    your own classes, `registered_name`) and holds its arguments
    (`config`), plus how it was built and compiled where that applies.
    `deserialize_keras_object()` rebuilds the object from it, without its
    weights. Plain values (numbers, strings, lists, dicts) come back as
    they are.

    keras3 R: ``serialize_keras_object()``.

    Args:
        obj: the object: a layer, model, optimizer, loss, metric,
            initializer, regularizer, constraint, activation function, ...

    Returns:
        A dict of plain values.

    Example:
        >>> import json
        >>> from pykeras3 import serialize_keras_object, optimizer_adam
        >>> config = serialize_keras_object(optimizer_adam(learning_rate=0.01))
        >>> config["class_name"], config["module"]
        ('Adam', 'keras.optimizers')
        >>> text = json.dumps(config)
    """
    return keras.saving.serialize_keras_object(obj)


@export("serialization")
def deserialize_keras_object(config, custom_objects=None, safe_mode=True,
                             **kwargs):
    """Rebuild a Keras object from its full config.

    The inverse of `serialize_keras_object()`: the class is found from
    the config's `registered_name` (in `custom_objects`, an enclosing
    `with_custom_object_scope()` or the registry), or, for Keras's own
    classes, from `module` and `class_name`; then `from_config()` builds
    the object from `config`. Weights are not part of a config. Plain
    values (numbers, strings, lists of them) come back as they are.

    keras3 R: ``deserialize_keras_object()``. Custom objects given here add
    to those of an enclosing `with_custom_object_scope()` (Keras on its own
    would hide those while building the object).

    Args:
        config: a dict from `serialize_keras_object()` (or read back from
            its JSON), or a list of them.
        custom_objects: your classes and functions the config refers to: a
            dict of name -> object, or a list of them (named by
            `__name__`).
        safe_mode: refuse to rebuild Python `lambda`s stored in a config (as
            code); turn it off only for configs you trust.
        **kwargs: other arguments for `keras.saving.deserialize_keras_object`.

    Returns:
        The object.

    Example:
        >>> from pykeras3 import (serialize_keras_object,
        ...     deserialize_keras_object, layer_dense)
        >>> config = serialize_keras_object(layer_dense(units=3, name="d"))
        >>> layer = deserialize_keras_object(config)
        >>> layer.units, layer.name
        (3, 'd')
    """
    fn = "deserialize_keras_object"
    if not isinstance(config, _PLAIN) and config is not None:
        raise ArgumentTypeError(
            f"{fn}(): `config` must be a dict from serialize_keras_object() "
            f"(or a plain value). Received: config={config!r}")
    objects = _custom_objects(fn, "custom_objects", custom_objects)
    if objects:
        objects = {**_scope_objects(), **objects}
    return keras.saving.deserialize_keras_object(
        config, custom_objects=objects or None,
        safe_mode=as_bool(fn, "safe_mode", safe_mode), **kwargs)


@export("serialization")
def get_config(object):
    """Get the config of a Keras object: the arguments that rebuild it.

    The config is the object's own `get_config()`: a dict of its
    constructor's arguments (for a model, its layers and how they
    connect), without the weights. The dict also remembers the object's
    class (in its `keras_class` attribute), so `from_config(config)`
    rebuilds the object, as in keras3. That memory lasts as long as the
    dict (copies made with `copy.copy()` or `copy.deepcopy()` keep it);
    to store a config as JSON, use `serialize_keras_object()`, which
    writes the class's name into the dict.

    keras3 R: ``get_config()``. keras3 keeps the class as an R attribute of
    the list; here it is the `keras_class` attribute of the dict.

    Args:
        object: a layer, model, optimizer, loss, metric, initializer,
            regularizer, constraint, ... (any object with `get_config()`).

    Returns:
        A dict (a `pykeras3.serialization.KerasConfig`, a dict subclass)
        with the attribute `keras_class`.

    Example:
        >>> from pykeras3 import get_config, from_config, layer_dense
        >>> config = get_config(layer_dense(units=3, name="d"))
        >>> config["units"], config.keras_class.__name__
        (3, 'Dense')
        >>> from_config(config).units
        3
    """
    method = getattr(object, "get_config", None)
    if inspect.isclass(object) or not callable(method):
        raise ArgumentTypeError(
            f"get_config(): `object` must be a Keras object with a "
            f"get_config() method (a layer, model, optimizer, loss, ...), "
            f"not a class. Received: object={object!r}")
    config = method()
    if not isinstance(config, dict):
        raise TypeError(
            f"get_config(): the get_config() method of {object!r} returned "
            f"a {type(config).__name__}, not a dict.")
    # `__class__`: pykeras3's composable layers present themselves as the
    # plain Keras class.
    return KerasConfig(config, object.__class__)


@export("serialization")
def from_config(config, custom_objects=None):
    """Rebuild a Keras object from its config.

    `config` is either a config from `get_config()`, which remembers its
    class: the class's `from_config()` rebuilds the object; or a full
    config from `serialize_keras_object()` (a dict with `class_name` and
    `config`, also after a trip through JSON): it is rebuilt as by
    `deserialize_keras_object()`. A plain dict of arguments names no
    class: call the class's own method instead (`MyLayer.from_config(d)`).
    The object comes back without weights.

    keras3 R: ``from_config()``. keras3 reads the class from an R attribute
    of the config; here from the dict's `keras_class` attribute, and full
    configs are accepted too.

    Args:
        config: a dict from `get_config()` or from
            `serialize_keras_object()`.
        custom_objects: your classes and functions the config refers to
            (for example custom layers inside a model's config): a dict of
            name -> object, or a list of them (named by `__name__`).

    Returns:
        A new object of the config's class.

    Example:
        >>> from pykeras3 import (get_config, from_config,
        ...     keras_model_sequential, layer_dense)
        >>> model = layer_dense(keras_model_sequential(input_shape=3),
        ...                     units=2)
        >>> copy = from_config(get_config(model))
        >>> copy is model, copy.count_params()
        (False, 8)
    """
    fn = "from_config"
    objects = _custom_objects(fn, "custom_objects", custom_objects)
    cls = getattr(config, "keras_class", None)
    if isinstance(config, dict) and cls is not None:
        with _scope(objects) if objects else contextlib.nullcontext():
            return cls.from_config(dict(config))
    if isinstance(config, dict) and "class_name" in config and \
            "config" in config:
        return deserialize_keras_object(config, custom_objects=objects)
    described = (f"a dict with the keys {sorted(config)[:6]}"
                 if isinstance(config, dict) else repr(config))
    raise ValueError(
        f"{fn}(): `config` must be a config from get_config() (which "
        f"remembers its class) or from serialize_keras_object() (which "
        f"names it). A plain dict of arguments names no class: call the "
        f"class's own from_config(), e.g. MyLayer.from_config(config). "
        f"Received: config={described}")


@export("serialization")
def register_keras_serializable(object=None, name=None, package=None):
    """Register a class or function so Keras finds it when loading.

    Keras saves your class or function under the registered name
    `"package>name"` and, on loading, finds it in the registry, so
    `load_model()` needs no `custom_objects`. Register it before saving
    and, in a new process, before loading (define and register it in a
    module you import). A class needs a `get_config()` method (Keras's
    base classes have one).

    Use it as a call, or as a decorator, bare or with arguments:
    `@register_keras_serializable(package="my_package")`.

    keras3 R: ``register_keras_serializable()``. keras3's first argument is
    the object, unlike Keras's (`package`), so write `package=` by name.
    keras3's default package is the calling R package's name; here it is
    Keras's `"Custom"`.

    Args:
        object: the class or function to register; leave it out for the
            decorator form with arguments.
        name: the name to register it under; by default its `__name__`.
        package: the first part of the registered name; by default
            `"Custom"`.

    Returns:
        `object` itself (registered), or, without `object`, a decorator.

    Example:
        >>> from pykeras3 import (register_keras_serializable, Layer,
        ...     get_registered_name, get_registered_object)
        >>> @register_keras_serializable(package="my_package")
        ... class Twice(Layer):
        ...     def call(self, inputs):
        ...         return inputs * 2
        >>> get_registered_name(Twice)
        'my_package>Twice'
        >>> get_registered_object("my_package>Twice") is Twice
        True
    """
    fn = "register_keras_serializable"
    for arg, value in (("name", name), ("package", package)):
        if value is not None and not (isinstance(value, str) and value):
            raise ArgumentTypeError(
                f"{fn}(): `{arg}` must be a non-empty string or None. "
                f"Received: {arg}={value!r}")
    if object is None:
        return lambda obj: register_keras_serializable(obj, name, package)
    if isinstance(object, str):
        raise ArgumentTypeError(
            f"{fn}(): `object` is the class or function to register (keras3's "
            f"order, not Keras's); give the package by name: "
            f"register_keras_serializable(package={object!r}). "
            f"Received: object={object!r}")
    if not callable(object) or not isinstance(
            getattr(object, "__name__", None), str):
        raise ArgumentTypeError(
            f"{fn}(): `object` must be a class or a function. "
            f"Received: object={object!r}")
    if inspect.isclass(object) and not hasattr(object, "get_config"):
        raise ValueError(
            f"{fn}(): the class {object.__name__} has no get_config() "
            f"method, so Keras cannot save it; subclass a Keras base class "
            f"or write get_config().")
    keras.saving.register_keras_serializable(
        package=package or "Custom", name=name)(object)
    return object


@export("serialization")
def get_custom_objects():
    """Get the registry of custom objects: registered name -> object.

    The registry holds the classes and functions registered with
    `register_keras_serializable()` (or `set_custom_objects()`); the
    objects of a `with_custom_object_scope()` are not in it.

    keras3 R: ``get_custom_objects()``. Like keras3 (which returns an R
    list), this returns a copy; change the registry with
    `register_keras_serializable()` or `set_custom_objects()`.

    Returns:
        A dict of registered name -> class or function.

    Example:
        >>> from pykeras3 import get_custom_objects, set_custom_objects
        >>> before = set_custom_objects({"answer": lambda: 42}, clear=False)
        >>> get_custom_objects()["answer"]()
        42
        >>> restored = set_custom_objects(before)
    """
    return dict(keras.saving.get_custom_objects())


@export("serialization")
def set_custom_objects(objects=None, clear=True):
    """Replace (or add to) the registry of custom objects.

    Each object is registered under the name given for it: load a model
    saved with a class registered as `"Scale"` after
    `set_custom_objects({"Scale": Scale})`. The registry's two directions
    (name -> object, object -> name) are kept consistent. The previous
    registry is returned, so `set_custom_objects(previous)` restores it.
    To register a new class, `register_keras_serializable()` is the
    usual way.

    keras3 R: ``set_custom_objects()``. `objects = None` is keras3's empty
    list (with `clear=True`, it empties the registry).

    Args:
        objects: a dict of registered name -> class or function, as from
            `get_custom_objects()`, or a list of classes and functions
            (named by `__name__`).
        clear: empty the registry first; `False` adds to it.

    Returns:
        The registry before the change (a dict of name -> object).

    Example:
        >>> from pykeras3 import set_custom_objects, get_custom_objects
        >>> def half(x):
        ...     return x / 2
        >>> previous = set_custom_objects([half], clear=False)
        >>> get_custom_objects()["half"] is half
        True
        >>> _ = set_custom_objects(previous)
        >>> "half" in get_custom_objects()
        False
    """
    fn = "set_custom_objects"
    objects = _custom_objects(fn, "objects", objects)
    clear = as_bool(fn, "clear", clear)
    registry = _registry()
    previous = dict(registry.GLOBAL_CUSTOM_OBJECTS)
    if clear:
        registry.GLOBAL_CUSTOM_OBJECTS.clear()
    registry.GLOBAL_CUSTOM_OBJECTS.update(objects)
    registry.GLOBAL_CUSTOM_NAMES.clear()
    registry.GLOBAL_CUSTOM_NAMES.update(
        {obj: name for name, obj in registry.GLOBAL_CUSTOM_OBJECTS.items()})
    return previous


@export("serialization")
def with_custom_object_scope(objects, expr=None):
    """Make custom objects findable by name inside a `with` block.

    Inside `with with_custom_object_scope(objects):`, loading and
    deserializing find the classes and functions of `objects` by name,
    without `custom_objects` arguments and without changing the registry.
    Scopes nest: an inner one adds to the outer one. Given `expr`, a
    function of no arguments, the call runs it in the scope and returns
    its result instead.

    keras3 R: ``with_custom_object_scope()``. keras3's `expr` is R code
    evaluated in the scope; in Python, use `with`, or pass a function as
    `expr`.

    Args:
        objects: a dict of name -> class or function, or a list of classes
            and functions (named by `__name__`).
        expr: a function of no arguments to run in the scope, or `None`.

    Returns:
        A context manager for `with`; given `expr`, what `expr()` returns.

    Example:
        >>> from pykeras3 import (with_custom_object_scope, Layer,
        ...     keras_model_sequential, save_model, load_model)
        >>> class Twice(Layer):
        ...     def call(self, inputs):
        ...         return inputs * 2
        >>> model = keras_model_sequential(input_shape=2)
        >>> model.add(Twice())
        >>> saved = save_model(model)
        >>> with with_custom_object_scope([Twice]):
        ...     loaded = load_model(saved)
        >>> type(loaded.layers[0]).__name__
        'Twice'
        >>> with_custom_object_scope([Twice], lambda: load_model(saved)
        ...     ).layers[0].name == model.layers[0].name
        True
    """
    fn = "with_custom_object_scope"
    objects = _custom_objects(fn, "objects", objects)
    if expr is None:
        return _scope(objects)
    if not callable(expr):
        raise ArgumentTypeError(
            f"{fn}(): `expr` must be a function of no arguments to run in "
            f"the scope (or None, for `with`). Received: expr={expr!r}")
    with _scope(objects):
        return expr()


@export("serialization")
def get_registered_name(obj):
    """Get the name Keras saves a class or function under.

    For an object registered with `register_keras_serializable()` that is
    `"package>name"`; for any other, its `__name__`, the name it must be
    given under in `custom_objects` to load.

    keras3 R: ``get_registered_name()``.

    Args:
        obj: a class or function.

    Returns:
        A string.

    Example:
        >>> from pykeras3 import get_registered_name, Layer
        >>> class Twice(Layer):
        ...     def call(self, inputs):
        ...         return inputs * 2
        >>> get_registered_name(Twice)
        'Twice'
    """
    if not isinstance(getattr(obj, "__name__", None), str):
        raise ArgumentTypeError(
            f"get_registered_name(): `obj` must be a class or function (for "
            f"an object, give its class: type(obj)). Received: obj={obj!r}")
    return keras.saving.get_registered_name(obj)


@export("serialization")
def get_registered_object(name, custom_objects=None, module_objects=None):
    """Find the class or function Keras knows by a name, or `None`.

    Looks in an enclosing `with_custom_object_scope()`, then the registry,
    then `custom_objects`, then `module_objects`; Keras's own classes are
    not found here. Useful in a `from_config()` that rebuilds objects named
    in a config.

    keras3 R: ``get_registered_object()``.

    Args:
        name: the name, such as `"my_package>Scale"`.
        custom_objects: more objects to look in: a dict of name -> object,
            or a list of them (named by `__name__`).
        module_objects: a last dict (or list) of objects to look in, for
            libraries.

    Returns:
        The class or function, or `None` when none has that name.

    Example:
        >>> from pykeras3 import get_registered_object
        >>> def half(x):
        ...     return x / 2
        >>> get_registered_object("half", custom_objects=[half]) is half
        True
        >>> get_registered_object("no_such_name") is None
        True
    """
    fn = "get_registered_object"
    if not isinstance(name, str):
        raise ArgumentTypeError(
            f"{fn}(): `name` must be a string. Received: name={name!r}")
    return keras.saving.get_registered_object(
        name,
        custom_objects=_custom_objects(fn, "custom_objects", custom_objects),
        module_objects=_custom_objects(fn, "module_objects", module_objects))
