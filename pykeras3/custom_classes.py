"""Your own layers, models, losses, metrics, callbacks, constraints and
learning rate schedules.

Two ways, as in keras3:

* Keras's base classes (`Layer`, `Model`, `Loss`, `Metric`, `Callback`,
  `Constraint`), re-exported for Python's `class` statement.  keras3's
  functions of those names build a class from R functions; Python has
  `class MyLayer(Layer): ...` for that.
* `new_layer_class()` and its siblings: the same class built from plain
  functions written as methods (`self` first), for a pipeline or a notebook
  cell where a `class` statement is awkward.  keras3's `initialize` is the
  class's `__init__`.

The classes are ordinary Keras classes: a model using one saves to
`.keras` and loads back when Keras can find the class by name, given in
`load_model(custom_objects=...)` or registered once with
`register_keras_serializable()`.
"""

from __future__ import annotations

import functools
import inspect
import sys

import keras

from ._args import ArgumentTypeError
from ._registry import export, reexport
from .callbacks import HOOK_ARGUMENTS, fit_arity


# --------------------------------------------------------------------------
# Keras's base classes, for the `class` statement

_LAYER_DOC = """The base class of Keras layers, to subclass for your own.

    Write `class MyLayer(Layer): ...` and override:
    `__init__(self, ..., **kwargs)`, which calls
    `super().__init__(**kwargs)` first and then keeps its own arguments;
    `build(self, input_shape)` (optional), which creates the weights that
    depend on the input's shape with `self.add_weight()`; `call(self,
    inputs)`, the computation (it may also take `training` and `mask`);
    and `get_config(self)`, the base config updated with your `__init__`
    arguments, so a saved model can rebuild the layer (a layer whose
    `__init__` takes only keyword arguments with plain values gets one
    without it).

    A model that uses the layer saves to `.keras` as usual; to load it,
    Keras must find the class by name: give it in
    `load_model(custom_objects={"MyLayer": MyLayer})`, or register it once
    with `@register_keras_serializable`.

    keras3 R: ``Layer()``. keras3's `Layer()` builds a layer class from R
    functions and returns a layer function; here `Layer` is Keras's base
    class itself (`pykeras3.Layer is keras.layers.Layer`), for Python's
    `class` statement. `new_layer_class()` is the function form.

    Args:
        *args: positional arguments of your subclass's `__init__` (the
            base class takes none).
        **kwargs: keyword arguments for the base class, passed on by
            `super().__init__(**kwargs)`: `name`, `dtype`, `trainable`,
            `autocast`, `activity_regularizer`.

    Returns:
        Calling your subclass returns a layer, to call on tensors or add
        to a model.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import Layer
        >>> class Scale(Layer):
        ...     def __init__(self, factor=2.0, **kwargs):
        ...         super().__init__(**kwargs)
        ...         self.factor = factor
        ...     def call(self, inputs):
        ...         return inputs * self.factor
        ...     def get_config(self):
        ...         return {**super().get_config(), "factor": self.factor}
        >>> np.asarray(Scale(factor=3.0)(np.ones((1, 2))))
        array([[3., 3.]], dtype=float32)
    """

_MODEL_DOC = """The base class of Keras models, to subclass for your own.

    Write `class MyModel(Model): ...` and override `__init__(self, ...,
    **kwargs)` (call `super().__init__(**kwargs)` first, then create the
    layers), `call(self, inputs)` (the forward pass; it may take
    `training`) and, to customise training, `train_step(self, data)`,
    `test_step`, `predict_step`, `compute_loss` or `compute_metrics`.
    Override `get_config(self)` (returning your `__init__` arguments) so a
    saved model can be rebuilt (Keras records a layer's arguments by
    itself, but not a model's); to load one, give the class to
    `load_model(custom_objects={"MyModel": MyModel})` or register it
    with `@register_keras_serializable`.

    keras3 R: ``Model()``. keras3's `Model()` builds a model class from R
    functions; here `Model` is Keras's base class itself
    (`pykeras3.Model is keras.Model`), for Python's `class` statement.
    `new_model_class()` is the function form.

    Args:
        *args: positional arguments of your subclass's `__init__`
            (`Model(inputs, outputs)` itself builds a functional model, as
            `keras_model()` does).
        **kwargs: keyword arguments for the base class, passed on by
            `super().__init__(**kwargs)`, such as `name`.

    Returns:
        Calling your subclass returns a model, to compile and fit.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import Model, layer_dense
        >>> class TwoLayers(Model):
        ...     def __init__(self, units=4, **kwargs):
        ...         super().__init__(**kwargs)
        ...         self.units = units
        ...         self.hidden = layer_dense(units=units, activation="relu")
        ...         self.out = layer_dense(units=1)
        ...     def call(self, inputs):
        ...         return self.out(self.hidden(inputs))
        ...     def get_config(self):
        ...         return {"units": self.units, "name": self.name}
        >>> TwoLayers()(np.ones((2, 3))).shape
        TensorShape([2, 1])
    """

_LOSS_DOC = """The base class of Keras losses, to subclass for your own.

    Write `class MyLoss(Loss): ...` and override `call(self, y_true,
    y_pred)`, which returns the loss of each sample; Keras applies sample
    weights and reduces (by default, the mean over the batch). Override
    `__init__` (calling `super().__init__(name=..., reduction=...)`) and
    `get_config` to take arguments of your own.

    keras3 R: ``Loss()``. keras3's `Loss()` builds a loss class from R
    functions; here `Loss` is Keras's base class itself
    (`pykeras3.Loss is keras.losses.Loss`), for Python's `class` statement.
    `new_loss_class()` is the function form.

    Args:
        name: the loss's name (shown in logs).
        reduction: how the per-sample losses become one number:
            `"sum_over_batch_size"` (the default), `"sum"`, `"mean"`,
            `"mean_with_sample_weight"` or `None` (no reduction).
        dtype: the dtype of the computation.

    Returns:
        Calling your subclass returns a loss, to pass to `compile()`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import Loss, op_abs
        >>> class AbsoluteError(Loss):
        ...     def call(self, y_true, y_pred):
        ...         return op_abs(y_true - y_pred)
        >>> float(AbsoluteError()(np.zeros(4), np.full(4, 0.5)))
        0.5
    """

_METRIC_DOC = """The base class of Keras metrics, to subclass for your own.

    Write `class MyMetric(Metric): ...` and override `__init__` (call
    `super().__init__(name=..., **kwargs)`, then create the state with
    `self.add_variable()`), `update_state(self, y_true, y_pred,
    sample_weight=None)`, which adds one batch to the state, and
    `result(self)`, which computes the value from the state. Keras resets
    the state (its variables, back to their initial values) at the start
    of each epoch; override `reset_state` for anything else.

    keras3 R: ``Metric()``. keras3's `Metric()` builds a metric class from
    R functions; here `Metric` is Keras's base class itself
    (`pykeras3.Metric is keras.metrics.Metric`), for Python's `class`
    statement. `new_metric_class()` is the function form.

    Args:
        dtype: the dtype of the state and the result.
        name: the metric's name (the key in the training history).

    Returns:
        Calling your subclass returns a metric, to pass to
        `compile(metrics=...)`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import Metric, op_sum, op_abs
        >>> class TotalError(Metric):
        ...     def __init__(self, name="total_error", **kwargs):
        ...         super().__init__(name=name, **kwargs)
        ...         self.total = self.add_variable(
        ...             shape=(), initializer="zeros", name="total")
        ...     def update_state(self, y_true, y_pred, sample_weight=None):
        ...         self.total.assign_add(op_sum(op_abs(y_true - y_pred)))
        ...     def result(self):
        ...         return self.total
        >>> m = TotalError()
        >>> m.update_state(np.zeros(3), np.ones(3))
        >>> float(m.result())
        3.0
    """

_CALLBACK_DOC = """The base class of Keras callbacks, to subclass for your own.

    Write `class MyCallback(Callback): ...` and override the moments you
    need: `on_epoch_begin(self, epoch, logs=None)` and `on_epoch_end`;
    `on_train_batch_begin(self, batch, logs=None)` and
    `on_train_batch_end`, the same for `test` and `predict`; and
    `on_train_begin(self, logs=None)`, `on_train_end`, `on_test_begin`,
    `on_test_end`, `on_predict_begin`, `on_predict_end`. Epoch and batch
    numbers are 0-based, as Keras passes them. `logs` holds the metrics so
    far; `self.model` is the model being trained (set
    `self.model.stop_training = True` to stop) and `self.params` the
    training parameters (`epochs`, `steps`, `verbose`).

    keras3 R: ``Callback()``. keras3's `Callback()` builds a callback class
    from R functions, and passes epochs and batches 1-based; here
    `Callback` is Keras's base class itself
    (`pykeras3.Callback is keras.callbacks.Callback`), for Python's
    `class` statement, and the numbers are 0-based.
    `new_callback_class()` is the function form.

    Returns:
        Calling your subclass returns a callback, to pass to
        `fit(callbacks=[...])`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (Callback, keras_model_sequential,
        ...     layer_dense, compile, fit)
        >>> class RecordEpochs(Callback):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.seen = []
        ...     def on_epoch_end(self, epoch, logs=None):
        ...         self.seen.append(epoch)
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> record = RecordEpochs()
        >>> h = fit(model, np.ones((4, 3)), np.zeros((4, 1)), epochs=2,
        ...         verbose=0, callbacks=[record])
        >>> record.seen
        [0, 1]
    """

_CONSTRAINT_DOC = """The base class of weight constraints, to subclass.

    Write `class MyConstraint(Constraint): ...` and override `__call__(self,
    w)`, which returns the constrained weights; Keras applies it after
    each optimizer update of a weight created with `constraint=...` (for
    example `layer_dense(kernel_constraint=MyConstraint())`). Override
    `__init__` and `get_config` (returning the `__init__` arguments) to
    take arguments of your own.

    keras3 R: ``Constraint()``. keras3's `Constraint()` builds a
    constraint class from R functions (with a `call` method); here
    `Constraint` is Keras's base class itself
    (`pykeras3.Constraint is keras.constraints.Constraint`), for Python's
    `class` statement, where the method is `__call__`. There is no
    function form.

    Returns:
        Calling your subclass returns a constraint, to pass to a layer's
        `*_constraint` argument.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import Constraint, op_clip
        >>> class ClipTo(Constraint):
        ...     def __init__(self, limit=1.0):
        ...         self.limit = limit
        ...     def __call__(self, w):
        ...         return op_clip(w, -self.limit, self.limit)
        ...     def get_config(self):
        ...         return {"limit": self.limit}
        >>> np.asarray(ClipTo(0.5)(np.array([-2.0, 0.1, 2.0])))
        array([-0.5,  0.1,  0.5])
    """

Callback = reexport("Callback", keras.callbacks.Callback, "custom classes",
                    _CALLBACK_DOC)
Layer = reexport("Layer", keras.layers.Layer, "custom classes", _LAYER_DOC)
Loss = reexport("Loss", keras.losses.Loss, "custom classes", _LOSS_DOC)
Metric = reexport("Metric", keras.metrics.Metric, "custom classes",
                  _METRIC_DOC)
Model = reexport("Model", keras.Model, "custom classes", _MODEL_DOC)
Constraint = reexport("Constraint", keras.constraints.Constraint,
                      "custom classes", _CONSTRAINT_DOC)


# --------------------------------------------------------------------------
# Building a class from functions


_DESCRIPTORS = (staticmethod, classmethod, property,
                functools.partialmethod)


def _caller_module():
    """The module of the code that called a `new_*_class()` function, as
    the built class's `__module__` (what `collections.namedtuple` does)."""
    return sys._getframe(2).f_globals.get("__name__", "__main__")


def _check_method(fn, arg, value):
    """A function written as a method: it takes `self` first."""
    if isinstance(value, _DESCRIPTORS):
        return value
    if not inspect.isfunction(value):
        raise ArgumentTypeError(
            f"{fn}(): `{arg}` must be a function taking `self` first (it "
            f"becomes a method of the class), or a staticmethod, "
            f"classmethod or property. Received: {arg}={value!r}")
    params = inspect.signature(value).parameters.values()
    if not any(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD,
                          p.VAR_POSITIONAL) for p in params):
        raise ValueError(
            f"{fn}(): `{arg}` becomes a method, so it must take `self` as "
            f"its first argument (wrap a plain function in staticmethod()). "
            f"Received: {arg}={value!r} with no positional parameter")
    return value


def _new_class(fn, classname, base, inherit, methods, members, module,
               rename=None):
    """A subclass of `inherit` (by default `base`) named `classname`, with
    `methods` (keras3's named methods, None for absent ones) and `members`
    (further methods and attributes)."""
    if not isinstance(classname, str) or not classname.isidentifier():
        raise ArgumentTypeError(
            f"{fn}(): `classname` must be a string naming the class, such "
            f'as "MyLayer". Received: classname={classname!r}')
    if inherit is None:
        inherit = base
    if not (inspect.isclass(inherit) and issubclass(inherit, base)):
        raise ArgumentTypeError(
            f"{fn}(): `inherit` must be {base.__name__} or a subclass of "
            f"it (a class). "
            f"Received: inherit={inherit!r}")
    namespace, given = {}, {}
    rename = dict(rename or {}, initialize="__init__")
    for arg, value in methods.items():
        if value is not None:
            namespace[rename.get(arg, arg)] = _check_method(fn, arg, value)
            given[rename.get(arg, arg)] = arg
    for arg, value in members.items():
        name = rename.get(arg, arg)
        if name in namespace:
            raise TypeError(
                f"{fn}(): the method {name!r} is given twice (as "
                f"`{given[name]}` and as `{arg}`); give it once.")
        if inspect.isfunction(value) or isinstance(value, _DESCRIPTORS):
            value = _check_method(fn, arg, value)
        namespace[name] = value
        given[name] = arg
    if inspect.isfunction(namespace.get("from_config")):
        namespace["from_config"] = classmethod(namespace["from_config"])
    namespace.setdefault("__module__", module)
    namespace.setdefault("__qualname__", classname)
    return type(classname, (inherit,), namespace)


def _adapt_hooks(fn, hooks):
    """Callback methods that take fewer arguments than Keras passes (say,
    `(self, epoch)`) get only those, as keras3 allows."""
    out = {}
    for name, method in hooks.items():
        if inspect.isfunction(method) and name in HOOK_ARGUMENTS:
            _check_method(fn, name, method)
            adapted = fit_arity(fn, name, method,
                                 ("self",) + HOOK_ARGUMENTS[name])
            if adapted is not method:
                adapted.__name__ = adapted.__qualname__ = name
            method = adapted
        out[name] = method
    return out


@export("custom classes")
def new_callback_class(classname, on_epoch_begin=None, on_epoch_end=None,
                       on_train_begin=None, on_train_end=None,
                       on_train_batch_begin=None, on_train_batch_end=None,
                       on_test_begin=None, on_test_end=None,
                       on_test_batch_begin=None, on_test_batch_end=None,
                       on_predict_begin=None, on_predict_end=None,
                       on_predict_batch_begin=None,
                       on_predict_batch_end=None, *, inherit=None,
                       **kwargs):
    """Build a Callback subclass from functions written as methods.

    Each function is a method: it takes `self` first, then what Keras
    passes at that moment: `(epoch, logs)` for the epoch hooks, `(batch,
    logs)` for the batch hooks and `(logs)` for the begin and end hooks.
    A function may take fewer (say, `(self, epoch)`), as in keras3. Epoch
    and batch numbers are 0-based, as Keras passes them. In a method,
    `self.model` is the model being trained and `self.params` the training
    parameters. Give `__init__` (or keras3's `initialize`) in `kwargs` to
    keep state; it must call `Callback.__init__(self)` (a function defined
    outside a `class` statement cannot use the short `super()`).

    keras3 R: ``new_callback_class()``, another name of keras3's
    `Callback()`. keras3 passes
    epochs and batches 1-based; here they are 0-based. keras3's `public`,
    `private` and `parent_env` build R6-style classes and have no Python
    meaning (further methods and attributes go in `kwargs`). The result is
    the class; call it to make a callback. For a class statement, subclass
    `Callback`.

    Args:
        classname: the class's name, such as `"RecordLoss"`.
        on_epoch_begin: `f(self, epoch, logs)`, when an epoch starts.
        on_epoch_end: `f(self, epoch, logs)`, when an epoch ends; `logs`
            holds its metrics (validation ones prefixed `val_`).
        on_train_begin: `f(self, logs)`, when `fit()` starts.
        on_train_end: `f(self, logs)`, when `fit()` ends.
        on_train_batch_begin: `f(self, batch, logs)`, before a batch.
        on_train_batch_end: `f(self, batch, logs)`, after a batch.
        on_test_begin: `f(self, logs)`, when evaluation starts.
        on_test_end: `f(self, logs)`, when evaluation ends.
        on_test_batch_begin: `f(self, batch, logs)`, before an evaluation
            batch.
        on_test_batch_end: `f(self, batch, logs)`, after one.
        on_predict_begin: `f(self, logs)`, when prediction starts.
        on_predict_end: `f(self, logs)`, when prediction ends.
        on_predict_batch_begin: `f(self, batch, logs)`, before a
            prediction batch.
        on_predict_batch_end: `f(self, batch, logs)`, after one.
        inherit: the class to subclass: `Callback` (the default) or a
            subclass of it (keras3's `inherit`).
        **kwargs: further methods (functions taking `self` first, such as
            `initialize` or `__init__`) and class attributes, by name.

    Returns:
        The new class (a subclass of `keras.callbacks.Callback`).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (new_callback_class, Callback,
        ...     keras_model_sequential, layer_dense, compile, fit)
        >>> def initialize(self):
        ...     Callback.__init__(self)
        ...     self.seen = []
        >>> RecordEpochs = new_callback_class(
        ...     "RecordEpochs", initialize=initialize,
        ...     on_epoch_end=lambda self, epoch: self.seen.append(epoch))
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse")
        >>> record = RecordEpochs()
        >>> h = fit(model, np.ones((4, 3)), np.zeros((4, 1)), epochs=3,
        ...         verbose=0, callbacks=[record])
        >>> record.seen
        [0, 1, 2]
    """
    fn = "new_callback_class"
    hooks = dict(on_epoch_begin=on_epoch_begin, on_epoch_end=on_epoch_end,
                 on_train_begin=on_train_begin, on_train_end=on_train_end,
                 on_train_batch_begin=on_train_batch_begin,
                 on_train_batch_end=on_train_batch_end,
                 on_test_begin=on_test_begin, on_test_end=on_test_end,
                 on_test_batch_begin=on_test_batch_begin,
                 on_test_batch_end=on_test_batch_end,
                 on_predict_begin=on_predict_begin,
                 on_predict_end=on_predict_end,
                 on_predict_batch_begin=on_predict_batch_begin,
                 on_predict_batch_end=on_predict_batch_end)
    hooks = _adapt_hooks(fn, {k: v for k, v in hooks.items()
                              if v is not None})
    return _new_class(fn, classname, keras.callbacks.Callback, inherit,
                      hooks, _adapt_hooks(fn, kwargs), _caller_module())


@export("custom classes")
def new_layer_class(classname, initialize=None, call=None, build=None,
                    get_config=None, *, inherit=None, **kwargs):
    """Build a Layer subclass from functions written as methods.

    The class statement's methods, written as functions that take `self`
    first: `initialize` is the class's `__init__`: it takes the layer's
    arguments and `**kwargs`, calls `Layer.__init__(self, **kwargs)` first
    (a function defined outside a `class` statement cannot use the short
    `super()`), then keeps its arguments; `build(self, input_shape)`
    creates the weights with `self.add_weight()`; `call(self, inputs)` is
    the computation; `get_config(self)` returns
    `Layer.get_config(self)` updated with the `__init__` arguments. When
    `initialize` takes only keyword arguments with plain values,
    `get_config` can be left out: Keras records those arguments itself.

    The class is named `classname` (also its `__qualname__`) and belongs
    to the calling module, as with `collections.namedtuple`. A model using
    it saves to `.keras`; to load it, give the class to
    `load_model(custom_objects={"MyLayer": MyLayer})` (Keras finds it by
    `classname`), or register it once with
    `register_keras_serializable(MyLayer, package="my_package")`.

    keras3 R: ``new_layer_class()``, another name of keras3's `Layer()`.
    keras3 returns a layer function that takes `object` first and
    composes; here the result
    is the class itself: `MyLayer(...)` makes a layer, which you call on
    tensors or add to a model. keras3's `public`, `private` and
    `parent_env` build R6-style classes and have no Python meaning
    (further methods and attributes go in `kwargs`). For a class
    statement, subclass `Layer`.

    Args:
        classname: the class's name, such as `"Scale"`.
        initialize: `f(self, ..., **kwargs)`, the `__init__` method.
        call: `f(self, inputs)`, the computation; it may also take
            `training` and `mask`.
        build: `f(self, input_shape)`, creating the weights on first call.
        get_config: `f(self)`, the layer's config (a dict of its `__init__`
            arguments).
        inherit: the class to subclass: `Layer` (the default) or a subclass
            of it, such as `keras.layers.Dense` (keras3's `inherit`).
        **kwargs: further methods (functions taking `self` first, such as
            `compute_output_shape`; `from_config` becomes a classmethod) and
            class attributes, by name.

    Returns:
        The new class (a subclass of `keras.layers.Layer`).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import new_layer_class, Layer
        >>> def initialize(self, factor=2.0, **kwargs):
        ...     Layer.__init__(self, **kwargs)
        ...     self.factor = factor
        >>> Scale = new_layer_class(
        ...     "Scale", initialize=initialize,
        ...     call=lambda self, inputs: inputs * self.factor)
        >>> layer = Scale(factor=3.0)
        >>> np.asarray(layer(np.ones((1, 2))))
        array([[3., 3.]], dtype=float32)
        >>> layer.get_config()["factor"]
        3.0
    """
    return _new_class(
        "new_layer_class", classname, keras.layers.Layer, inherit,
        dict(initialize=initialize, call=call, build=build,
             get_config=get_config), kwargs, _caller_module())


@export("custom classes")
def new_loss_class(classname, call=None, *, inherit=None, **kwargs):
    """Build a Loss subclass from functions written as methods.

    `call(self, y_true, y_pred)` returns the loss of each sample; Keras
    applies sample weights and reduces (by default, the mean over the
    batch). To take arguments of your own, give `initialize` (the
    `__init__`, calling `Loss.__init__(self, name=..., reduction=...)`
    first) and `get_config` in `kwargs`.

    keras3 R: ``new_loss_class()``, another name of keras3's
    `Loss()`. keras3's `public`,
    `private` and `parent_env` build R6-style classes and have no Python
    meaning (further methods and attributes go in `kwargs`). The result is
    the class; call it to make a loss. For a class statement, subclass
    `Loss`.

    Args:
        classname: the class's name, such as `"AbsoluteError"`.
        call: `f(self, y_true, y_pred)`, the loss of each sample.
        inherit: the class to subclass: `Loss` (the default) or a subclass
            of it (keras3's `inherit`).
        **kwargs: further methods (functions taking `self` first, such as
            `initialize` and `get_config`) and class attributes, by name.

    Returns:
        The new class (a subclass of `keras.losses.Loss`).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import new_loss_class, op_abs
        >>> AbsoluteError = new_loss_class(
        ...     "AbsoluteError",
        ...     call=lambda self, y_true, y_pred: op_abs(y_true - y_pred))
        >>> float(AbsoluteError()(np.zeros(4), np.full(4, 0.5)))
        0.5
    """
    return _new_class("new_loss_class", classname, keras.losses.Loss,
                      inherit, dict(call=call), kwargs, _caller_module())


@export("custom classes")
def new_metric_class(classname, initialize=None, update_state=None,
                     result=None, *, inherit=None, **kwargs):
    """Build a Metric subclass from functions written as methods.

    `initialize` (the `__init__`) calls `Metric.__init__(self, name=...,
    **kwargs)` first, then creates the state with `self.add_variable()`;
    `update_state(self, y_true, y_pred, sample_weight=None)` adds a batch
    to the state; `result(self)` computes the value. Keras resets the
    variables to their initial values at the start of each epoch (give
    `reset_state` in `kwargs` for anything else).

    keras3 R: ``new_metric_class()``, another name of keras3's
    `Metric()`. keras3's
    `public`, `private` and `parent_env` build R6-style classes and have no
    Python meaning (further methods and attributes go in `kwargs`). The
    result is the class; call it to make a metric. For a class statement,
    subclass `Metric`.

    Args:
        classname: the class's name, such as `"TotalError"`.
        initialize: `f(self, name=..., **kwargs)`, the `__init__` method.
        update_state: `f(self, y_true, y_pred, sample_weight=None)`.
        result: `f(self)`, the metric's value.
        inherit: the class to subclass: `Metric` (the default) or a
            subclass of it (keras3's `inherit`).
        **kwargs: further methods (functions taking `self` first, such as
            `reset_state` or `get_config`) and class attributes, by name.

    Returns:
        The new class (a subclass of `keras.metrics.Metric`).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import new_metric_class, Metric, op_sum, op_abs
        >>> def initialize(self, name="total_error", **kwargs):
        ...     Metric.__init__(self, name=name, **kwargs)
        ...     self.total = self.add_variable(shape=(), initializer="zeros",
        ...                                    name="total")
        >>> def update_state(self, y_true, y_pred, sample_weight=None):
        ...     self.total.assign_add(op_sum(op_abs(y_true - y_pred)))
        >>> TotalError = new_metric_class(
        ...     "TotalError", initialize=initialize,
        ...     update_state=update_state, result=lambda self: self.total)
        >>> m = TotalError()
        >>> m.update_state(np.zeros(3), np.ones(3))
        >>> float(m.result())
        3.0
    """
    return _new_class(
        "new_metric_class", classname, keras.metrics.Metric, inherit,
        dict(initialize=initialize, update_state=update_state,
             result=result), kwargs, _caller_module())


@export("custom classes")
def new_model_class(classname, initialize=None, call=None, train_step=None,
                    predict_step=None, test_step=None, compute_loss=None,
                    compute_metrics=None, *, inherit=None, **kwargs):
    """Build a Model subclass from functions written as methods.

    `initialize` (the `__init__`) calls `Model.__init__(self, **kwargs)`
    first, then creates the layers; `call(self, inputs)` is the forward
    pass. `train_step(self, data)`, `test_step`, `predict_step`,
    `compute_loss` and `compute_metrics` replace Keras's own steps to
    customise `fit()`, `evaluate()` and `predict()`. Give `get_config`
    (returning the `__init__` arguments) in `kwargs` so a saved model can
    be rebuilt: unlike a layer's, a model's arguments are not recorded by
    Keras itself. Load it with
    `load_model(custom_objects={"MyModel": MyModel})`.

    keras3 R: ``new_model_class()``, another name of keras3's
    `Model()`. keras3's `public`,
    `private` and `parent_env` build R6-style classes and have no Python
    meaning (further methods and attributes go in `kwargs`). The result is
    the class; call it to make a model. For a class statement, subclass
    `Model`.

    Args:
        classname: the class's name, such as `"TwoLayers"`.
        initialize: `f(self, ..., **kwargs)`, the `__init__` method.
        call: `f(self, inputs)`, the forward pass (it may take `training`).
        train_step: `f(self, data)`, one training step of `fit()`.
        predict_step: `f(self, data)`, one step of `predict()`.
        test_step: `f(self, data)`, one step of `evaluate()`.
        compute_loss: `f(self, x, y, y_pred, sample_weight, ...)`, the loss.
        compute_metrics: `f(self, x, y, y_pred, sample_weight)`, updating
            the metrics.
        inherit: the class to subclass: `Model` (the default) or a subclass
            of it (keras3's `inherit`).
        **kwargs: further methods (functions taking `self` first, such as
            `get_config`) and class attributes, by name.

    Returns:
        The new class (a subclass of `keras.Model`).

    Example:
        >>> import numpy as np
        >>> from pykeras3 import new_model_class, Model, layer_dense
        >>> def initialize(self, units=4, **kwargs):
        ...     Model.__init__(self, **kwargs)
        ...     self.hidden = layer_dense(units=units, activation="relu")
        ...     self.out = layer_dense(units=1)
        >>> TwoLayers = new_model_class(
        ...     "TwoLayers", initialize=initialize,
        ...     call=lambda self, inputs: self.out(self.hidden(inputs)))
        >>> TwoLayers(units=8)(np.ones((2, 3))).shape
        TensorShape([2, 1])
    """
    return _new_class(
        "new_model_class", classname, keras.Model, inherit,
        dict(initialize=initialize, call=call, train_step=train_step,
             predict_step=predict_step, test_step=test_step,
             compute_loss=compute_loss, compute_metrics=compute_metrics),
        kwargs, _caller_module())


@export("custom classes")
def new_learning_rate_schedule_class(classname, call=None, initialize=None,
                                     get_config=None, *, inherit=None,
                                     **kwargs):
    """Build a learning rate schedule class from functions as methods.

    `call(self, step)` returns the learning rate at a training step (a
    0-based integer tensor: the optimizer's iteration count); it becomes
    the class's `__call__`. `initialize` (the `__init__`) keeps the
    schedule's arguments and `get_config(self)` returns them, so an
    optimizer using the schedule can be saved and loaded. Pass an instance
    as an optimizer's `learning_rate`.

    keras3 R: ``new_learning_rate_schedule_class()`` (an alias of keras3's
    `LearningRateSchedule()`). Steps are 0-based in both. keras3's
    `public`, `private` and `parent_env` build R6-style classes and have
    no Python meaning (further methods and attributes go in `kwargs`). The
    result is the class; call it to make a schedule. For a class
    statement, subclass `keras.optimizers.schedules.LearningRateSchedule`.

    Args:
        classname: the class's name, such as `"InverseTime"`.
        call: `f(self, step)`, the learning rate at `step`.
        initialize: `f(self, ...)`, the `__init__` method.
        get_config: `f(self)`, the `__init__` arguments as a dict.
        inherit: the class to subclass:
            `keras.optimizers.schedules.LearningRateSchedule` (the default)
            or a subclass of it (keras3's `inherit`).
        **kwargs: further methods (functions taking `self` first) and
            class attributes, by name.

    Returns:
        The new class (a subclass of
        `keras.optimizers.schedules.LearningRateSchedule`).

    Example:
        >>> from pykeras3 import new_learning_rate_schedule_class
        >>> from pykeras3 import optimizer_sgd
        >>> def initialize(self, initial=0.1):
        ...     self.initial = initial
        >>> InverseTime = new_learning_rate_schedule_class(
        ...     "InverseTime", initialize=initialize,
        ...     call=lambda self, step: self.initial / (step + 1),
        ...     get_config=lambda self: {"initial": self.initial})
        >>> schedule = InverseTime(initial=0.5)
        >>> float(schedule(1))
        0.25
        >>> optimizer = optimizer_sgd(learning_rate=schedule)
    """
    return _new_class(
        "new_learning_rate_schedule_class", classname,
        keras.optimizers.schedules.LearningRateSchedule, inherit,
        dict(call=call, initialize=initialize, get_config=get_config),
        kwargs, _caller_module(), rename={"call": "__call__"})


@export("custom classes")
def custom_metric(name, metric_fn):
    """Give a metric function the name it shows under in the history.

    `compile(metrics=[...])` accepts plain functions `f(y_true, y_pred)`
    that return a value per sample (or per batch); Keras averages them
    over each epoch and names the result after the function. Lambdas and
    functions with unhelpful names get a name here. The function returned
    calls `metric_fn`; `metric_fn` itself is not changed.

    To load a saved model compiled with the metric, give it back by that
    name: `load_model(path, custom_objects={name: metric})`.

    keras3 R: ``custom_metric()``.

    Args:
        name: the metric's name: the key in the history and logs (with
            `val_` in front for validation data).
        metric_fn: a function `(y_true, y_pred)` returning the metric.

    Returns:
        A function named `name`, for `compile(metrics=[...])`.

    Example:
        >>> import numpy as np
        >>> from pykeras3 import (custom_metric, keras_model_sequential,
        ...     layer_dense, compile, fit, op_max, op_abs)
        >>> worst = custom_metric(
        ...     "worst_error", lambda y_true, y_pred: op_max(op_abs(
        ...         y_true - y_pred)))
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=3), units=1), optimizer="sgd", loss="mse",
        ...     metrics=[worst])
        >>> history = fit(model, np.ones((4, 3)), np.zeros((4, 1)),
        ...               epochs=1, verbose=0)
        >>> "worst_error" in history.history
        True
    """
    fn = "custom_metric"
    if not isinstance(name, str) or not name:
        raise ArgumentTypeError(
            f"{fn}(): `name` must be a non-empty string. "
            f"Received: name={name!r}")
    if not callable(metric_fn):
        raise ArgumentTypeError(
            f"{fn}(): `metric_fn` must be a function (y_true, y_pred). "
            f"Received: metric_fn={metric_fn!r}")

    @functools.wraps(metric_fn)
    def metric(*args, **kwargs):
        return metric_fn(*args, **kwargs)
    metric.__name__ = metric.__qualname__ = name
    return metric
