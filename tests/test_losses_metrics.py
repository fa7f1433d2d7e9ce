"""Activations, losses and metrics (generated from keras3's table): every
function on real Keras, checked against NumPy formulas and Keras's own
functions and classes called directly; the value-or-object forms of losses
and metrics, their argument checks, and their use in compile()."""

import inspect
import math
from collections import namedtuple

import keras
import numpy as np
import pytest

import pykeras3
from pykeras3 import (compile, fit, keras_input, keras_model,
                      keras_model_sequential, layer_activation, layer_dense,
                      layer_reshape)

# ----------------------------------------------------------------------
# Data: small, fixed, float32 (Keras's float type)

RNG = np.random.default_rng(7)


def f32(values):
    return np.asarray(values, dtype="float32")


def value(tensor):
    """A Keras result as a NumPy array."""
    return np.asarray(keras.ops.convert_to_numpy(tensor))


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def probs(shape):
    return f32(np.clip(RNG.random(shape), 0.05, 0.95))


# Each: targets, predictions, and the last activation of a model that
# predicts such values (for the compile() tests).
Data = namedtuple("Data", "y_true y_pred head")

BIN = Data(f32(RNG.integers(0, 2, (4, 3))), probs((4, 3)), "sigmoid")
BIN1D = Data(f32([0, 1, 1, 0, 1, 0, 1, 0]),
             f32([0.2, 0.7, 0.4, 0.1, 0.9, 0.6, 0.55, 0.35]), "sigmoid")
CAT = Data(f32(np.eye(3)[[0, 2, 1, 2]]),
           f32(softmax(RNG.normal(size=(4, 3)))), "softmax")
SPARSE = Data(np.array([0, 2, 1, 2]), CAT.y_pred, "softmax")
DIST = Data(f32(softmax(RNG.normal(size=(4, 3)))), CAT.y_pred, "softmax")
REG = Data(f32(RNG.random((4, 3))), f32(RNG.random((4, 3)) + 0.1),
           "softplus")
COUNTS = Data(f32(RNG.integers(0, 4, (4, 3))), REG.y_pred, "softplus")
HINGE = Data(f32(RNG.choice([-1.0, 1.0], (4, 3))),
             f32(RNG.normal(size=(4, 3))), "linear")
SEG = Data(f32(RNG.integers(0, 2, (2, 6))), probs((2, 6)), "sigmoid")
CTC = Data(np.array([[1, 2, 0], [3, 3, 1]]),
           f32(RNG.normal(size=(2, 6, 4))), "linear")
CIRCLE = Data(np.array([0, 1, 0, 1, 2, 2]),
              f32(RNG.normal(size=(6, 3))), "linear")
X = f32([[-3.0, -1.5, -0.5, 0.0, 0.25, 1.0, 2.5, 7.0],
         [4.0, -2.0, 0.75, -0.25, 1.5, -6.0, 0.5, 3.0]])


def close(ours, theirs, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(value(ours), value(theirs), rtol=rtol,
                               atol=atol)


def family(name):
    return pykeras3.FAMILIES[name]


# ----------------------------------------------------------------------
# Activations

SELU_ALPHA, SELU_SCALE = 1.6732632423543772, 1.0507009873554805
_erf = np.vectorize(math.erf)


def _relu(x, slope=0.1, top=5.0, cut=0.5):
    return np.where(x >= top, top, np.where(x > cut, x, slope * (x - cut)))


def _sparsemax(z):
    out = np.empty_like(z)
    for i, row in enumerate(z):
        s = np.sort(row)[::-1]
        k = np.arange(1, len(s) + 1)
        cum = np.cumsum(s)
        kz = k[1 + k * s > cum].max()
        tau = (cum[kz - 1] - 1) / kz
        out[i] = np.maximum(row - tau, 0)
    return out


def _hard_sigmoid(x):
    return np.clip(x / 6 + 0.5, 0, 1)


# name: (arguments besides x, the NumPy formula)
ACTIVATIONS = {
    "activation_celu": (dict(alpha=2.0),
                        lambda x: np.where(x >= 0, x, 2 * np.expm1(x / 2))),
    "activation_elu": (dict(alpha=0.5),
                       lambda x: np.where(x > 0, x, 0.5 * np.expm1(x))),
    "activation_exponential": ({}, np.exp),
    "activation_gelu": ({}, lambda x: x * 0.5 * (1 + _erf(x / np.sqrt(2)))),
    "activation_glu": ({}, lambda x: x[:, :4] * sigmoid(x[:, 4:])),
    "activation_hard_shrink": (dict(threshold=1.0),
                               lambda x: np.where(np.abs(x) > 1, x, 0)),
    "activation_hard_sigmoid": ({}, _hard_sigmoid),
    "activation_hard_silu": ({}, lambda x: x * _hard_sigmoid(x)),
    "activation_hard_swish": ({}, lambda x: x * _hard_sigmoid(x)),
    "activation_hard_tanh": ({}, lambda x: np.clip(x, -1, 1)),
    "activation_leaky_relu": (dict(negative_slope=0.1),
                              lambda x: np.where(x >= 0, x, 0.1 * x)),
    "activation_linear": ({}, lambda x: x),
    "activation_log_sigmoid": ({}, lambda x: np.log(sigmoid(x))),
    "activation_log_softmax": ({}, lambda x: np.log(softmax(x))),
    "activation_mish": ({}, lambda x: x * np.tanh(np.log1p(np.exp(x)))),
    "activation_relu": (dict(negative_slope=0.1, max_value=5.0,
                             threshold=0.5), _relu),
    "activation_relu6": ({}, lambda x: np.clip(x, 0, 6)),
    "activation_selu": ({}, lambda x: SELU_SCALE * np.where(
        x > 0, x, SELU_ALPHA * np.expm1(x))),
    "activation_sigmoid": ({}, sigmoid),
    "activation_silu": ({}, lambda x: x * sigmoid(x)),
    "activation_soft_shrink": (dict(threshold=1.0), lambda x: np.where(
        x > 1, x - 1, np.where(x < -1, x + 1, 0))),
    "activation_softmax": ({}, softmax),
    "activation_softplus": ({}, lambda x: np.log1p(np.exp(x))),
    "activation_softsign": ({}, lambda x: x / (1 + np.abs(x))),
    "activation_sparse_plus": ({}, lambda x: np.where(
        x <= -1, 0, np.where(x >= 1, x, (x + 1) ** 2 / 4))),
    "activation_sparse_sigmoid": ({}, lambda x: np.clip((x + 1) / 2, 0, 1)),
    "activation_sparsemax": ({}, _sparsemax),
    "activation_squareplus": (dict(b=1.0),
                              lambda x: (x + np.sqrt(x * x + 1)) / 2),
    "activation_tanh": ({}, np.tanh),
    "activation_tanh_shrink": ({}, lambda x: x - np.tanh(x)),
    "activation_threshold": (dict(threshold=0.5, default_value=-1.0),
                             lambda x: np.where(x > 0.5, x, -1.0)),
}


def test_every_activation_has_a_sample():
    assert sorted(family("activations")) == sorted(ACTIVATIONS)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_matches_keras_and_numpy(name):
    args, formula = ACTIVATIONS[name]
    ours = getattr(pykeras3, name)(X, **args)
    keras_fn = getattr(keras.activations, name[len("activation_"):])
    close(ours, keras_fn(X, **args))
    close(ours, formula(X.astype("float64")), rtol=1e-4, atol=1e-5)
    assert value(ours).dtype == np.float32


@pytest.mark.parametrize("name", ["activation_relu", "activation_elu",
                                  "activation_gelu", "activation_leaky_relu"])
def test_activation_defaults_are_keras_defaults(name):
    keras_fn = getattr(keras.activations, name[len("activation_"):])
    close(getattr(pykeras3, name)(X), keras_fn(X))


def test_activation_relu_defaults_are_max_x_0():
    close(pykeras3.activation_relu(X), np.maximum(X, 0))


def test_activation_softmax_axis_is_0_based():
    by_column = value(pykeras3.activation_softmax(X, axis=0))
    np.testing.assert_allclose(by_column, softmax(X, axis=0), rtol=1e-5)
    np.testing.assert_allclose(by_column.sum(axis=0), np.ones(8), rtol=1e-5)
    # 0.0 is a whole number: R users write axis = 1, here 1.0 works too.
    close(pykeras3.activation_log_softmax(X, axis=1.0),
          np.log(softmax(X, axis=1)))


def test_activation_gelu_approximate_is_the_tanh_formula():
    x = X.astype("float64")
    tanh_formula = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi)
                                          * (x + 0.044715 * x ** 3)))
    close(pykeras3.activation_gelu(X, approximate=True), tanh_formula,
          rtol=1e-5, atol=1e-5)


def test_activation_glu_halves_the_axis():
    out = pykeras3.activation_glu(X, axis=0)
    assert tuple(out.shape) == (1, 8)
    close(out, X[:1] * sigmoid(X[1:]), rtol=1e-5)


@pytest.mark.parametrize("axis", [0.5, "last", True])
def test_activation_bad_axis_is_refused_naming_it(axis):
    with pytest.raises(TypeError, match=r"activation_softmax\(\): `axis`"):
        pykeras3.activation_softmax(X, axis=axis)


def test_activation_functions_serve_as_layer_activations(tmp_path):
    inputs = keras_input(shape=(4,))
    hidden = layer_dense(inputs, units=5,
                         activation=pykeras3.activation_relu)
    hidden = layer_activation(hidden, activation=pykeras3.activation_tanh)
    outputs = layer_dense(hidden, units=3,
                          activation=pykeras3.activation_softmax)
    model = compile(keras_model(inputs, outputs), optimizer="sgd",
                    loss=pykeras3.loss_categorical_crossentropy())
    # The layers hold Keras's own functions (so the model saves as plain
    # Keras): the same computation, with Keras's name.
    assert model.layers[1].activation is keras.activations.relu
    assert model.layers[2].activation is keras.activations.tanh
    assert model.layers[3].activation is keras.activations.softmax
    x = f32(RNG.random((4, 4)))
    before = [w.copy() for w in model.get_weights()]
    model.train_on_batch(x, CAT.y_true)
    assert any(not np.allclose(a, b) for a, b in
               zip(before, model.get_weights()))
    predicted = model.predict(x, verbose=0)
    np.testing.assert_allclose(predicted.sum(axis=1), np.ones(4), rtol=1e-5)
    path = str(tmp_path / "model.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(loaded.predict(x, verbose=0), predicted,
                               rtol=1e-5)


def test_activation_on_a_sequential_layer_and_a_plain_value_unchanged():
    model = keras_model_sequential(input_shape=3)
    model = layer_dense(model, units=2,
                        activation=pykeras3.activation_sigmoid)
    assert model.layers[0].activation is keras.activations.sigmoid
    # Anything else passes through: names, Keras's functions, own functions.
    def mine(x):
        return x * 2
    assert layer_dense(units=2, activation=mine).activation is mine
    assert layer_dense(units=2, activation="relu").activation is \
        keras.activations.relu


# ----------------------------------------------------------------------
# Losses and metrics that take y_true and y_pred (a value, or an object)

# name: (Keras's function, Keras's class, data, arguments for both forms)
LOSSES = {
    "loss_binary_crossentropy": (
        keras.losses.binary_crossentropy, keras.losses.BinaryCrossentropy,
        BIN, dict(label_smoothing=0.1)),
    "loss_binary_focal_crossentropy": (
        keras.losses.binary_focal_crossentropy,
        keras.losses.BinaryFocalCrossentropy, BIN,
        dict(apply_class_balancing=True, alpha=0.3, gamma=1.5)),
    "loss_categorical_crossentropy": (
        keras.losses.categorical_crossentropy,
        keras.losses.CategoricalCrossentropy, CAT,
        dict(label_smoothing=0.1)),
    "loss_categorical_focal_crossentropy": (
        keras.losses.categorical_focal_crossentropy,
        keras.losses.CategoricalFocalCrossentropy, CAT,
        dict(alpha=0.5, gamma=1.0)),
    "loss_categorical_generalized_cross_entropy": (
        keras.losses.categorical_generalized_cross_entropy,
        keras.losses.CategoricalGeneralizedCrossEntropy, SPARSE,
        dict(q=0.7)),
    "loss_categorical_hinge": (
        keras.losses.categorical_hinge, keras.losses.CategoricalHinge, CAT,
        {}),
    "loss_circle": (keras.losses.circle, keras.losses.Circle, CIRCLE,
                    dict(margin=0.3, gamma=40)),
    "loss_cosine_similarity": (
        keras.losses.cosine_similarity, keras.losses.CosineSimilarity, REG,
        dict(axis=0)),
    "loss_ctc": (keras.losses.ctc, keras.losses.CTC, CTC, {}),
    "loss_dice": (keras.losses.dice, keras.losses.Dice, SEG,
                  dict(axis=(1,))),
    "loss_hinge": (keras.losses.hinge, keras.losses.Hinge, HINGE, {}),
    "loss_huber": (keras.losses.huber, keras.losses.Huber, REG,
                   dict(delta=0.3)),
    "loss_kl_divergence": (keras.losses.kl_divergence,
                           keras.losses.KLDivergence, DIST, {}),
    "loss_log_cosh": (keras.losses.log_cosh, keras.losses.LogCosh, REG, {}),
    "loss_mean_absolute_error": (
        keras.losses.mean_absolute_error, keras.losses.MeanAbsoluteError,
        REG, {}),
    "loss_mean_absolute_percentage_error": (
        keras.losses.mean_absolute_percentage_error,
        keras.losses.MeanAbsolutePercentageError, REG, {}),
    "loss_mean_squared_error": (
        keras.losses.mean_squared_error, keras.losses.MeanSquaredError, REG,
        {}),
    "loss_mean_squared_logarithmic_error": (
        keras.losses.mean_squared_logarithmic_error,
        keras.losses.MeanSquaredLogarithmicError, REG, {}),
    "loss_poisson": (keras.losses.poisson, keras.losses.Poisson, COUNTS, {}),
    "loss_sparse_categorical_crossentropy": (
        keras.losses.sparse_categorical_crossentropy,
        keras.losses.SparseCategoricalCrossentropy, SPARSE,
        dict(ignore_class=1)),
    "loss_squared_hinge": (keras.losses.squared_hinge,
                           keras.losses.SquaredHinge, HINGE, {}),
    "loss_tversky": (keras.losses.tversky, keras.losses.Tversky, SEG,
                     dict(alpha=0.7, beta=0.3)),
}

# The metrics that keras3 gives y_true and y_pred; the class is Keras's,
# or MeanMetricWrapper for those Keras has only as a function.
WRAPPED = keras.metrics.MeanMetricWrapper
VALUE_METRICS = {
    "metric_binary_accuracy": (
        keras.metrics.binary_accuracy, keras.metrics.BinaryAccuracy, BIN,
        dict(threshold=0.4)),
    "metric_binary_crossentropy": (
        keras.metrics.binary_crossentropy, keras.metrics.BinaryCrossentropy,
        BIN, dict(label_smoothing=0.2)),
    "metric_binary_focal_crossentropy": (
        keras.metrics.binary_focal_crossentropy, WRAPPED, BIN,
        dict(gamma=1.0)),
    "metric_categorical_accuracy": (
        keras.metrics.categorical_accuracy,
        keras.metrics.CategoricalAccuracy, CAT, {}),
    "metric_categorical_crossentropy": (
        keras.metrics.categorical_crossentropy,
        keras.metrics.CategoricalCrossentropy, CAT,
        dict(label_smoothing=0.1)),
    "metric_categorical_focal_crossentropy": (
        keras.metrics.categorical_focal_crossentropy, WRAPPED, CAT,
        dict(alpha=0.4)),
    "metric_categorical_hinge": (
        keras.metrics.categorical_hinge, keras.metrics.CategoricalHinge,
        CAT, {}),
    "metric_concordance_correlation": (
        keras.metrics.concordance_correlation,
        keras.metrics.ConcordanceCorrelation, REG, dict(axis=0)),
    "metric_hinge": (keras.metrics.hinge, keras.metrics.Hinge, HINGE, {}),
    "metric_huber": (keras.metrics.huber, WRAPPED, REG, dict(delta=0.2)),
    "metric_kl_divergence": (keras.metrics.kl_divergence,
                             keras.metrics.KLDivergence, DIST, {}),
    "metric_log_cosh": (keras.metrics.log_cosh, WRAPPED, REG, {}),
    "metric_mean_absolute_error": (
        keras.metrics.mean_absolute_error, keras.metrics.MeanAbsoluteError,
        REG, {}),
    "metric_mean_absolute_percentage_error": (
        keras.metrics.mean_absolute_percentage_error,
        keras.metrics.MeanAbsolutePercentageError, REG, {}),
    "metric_mean_squared_error": (
        keras.metrics.mean_squared_error, keras.metrics.MeanSquaredError,
        REG, {}),
    "metric_mean_squared_logarithmic_error": (
        keras.metrics.mean_squared_logarithmic_error,
        keras.metrics.MeanSquaredLogarithmicError, REG, {}),
    "metric_pearson_correlation": (
        keras.metrics.pearson_correlation,
        keras.metrics.PearsonCorrelation, REG, {}),
    "metric_poisson": (keras.metrics.poisson, keras.metrics.Poisson, COUNTS,
                       {}),
    "metric_sparse_categorical_accuracy": (
        keras.metrics.sparse_categorical_accuracy,
        keras.metrics.SparseCategoricalAccuracy, SPARSE, {}),
    "metric_sparse_categorical_crossentropy": (
        keras.metrics.sparse_categorical_crossentropy,
        keras.metrics.SparseCategoricalCrossentropy, SPARSE,
        dict(from_logits=True)),
    "metric_sparse_top_k_categorical_accuracy": (
        keras.metrics.sparse_top_k_categorical_accuracy,
        keras.metrics.SparseTopKCategoricalAccuracy, SPARSE, dict(k=2)),
    "metric_squared_hinge": (keras.metrics.squared_hinge,
                             keras.metrics.SquaredHinge, HINGE, {}),
    "metric_top_k_categorical_accuracy": (
        keras.metrics.top_k_categorical_accuracy,
        keras.metrics.TopKCategoricalAccuracy, CAT, dict(k=2)),
}

# Arguments Keras's function takes but not its metric class.
FUNCTION_ONLY = {"metric_binary_crossentropy": {"axis"}}

# Metrics keras3 gives no y_true/y_pred: constructors.  name: (Keras's
# class, arguments, data: (y_true, y_pred), or (values,) for mean and sum)
CONSTRUCTOR_METRICS = {
    "metric_auc": (keras.metrics.AUC, dict(num_thresholds=50, curve="PR"),
                   BIN1D),
    "metric_binary_iou": (keras.metrics.BinaryIoU,
                          dict(target_class_ids=(1,), threshold=0.4), BIN1D),
    "metric_cosine_similarity": (keras.metrics.CosineSimilarity,
                                 dict(axis=-1), REG),
    "metric_f1_score": (keras.metrics.F1Score,
                        dict(average="macro", threshold=0.3), CAT),
    "metric_false_negatives": (keras.metrics.FalseNegatives,
                               dict(thresholds=[0.3, 0.6]), BIN1D),
    "metric_false_positives": (keras.metrics.FalsePositives,
                               dict(thresholds=0.3), BIN1D),
    "metric_fbeta_score": (keras.metrics.FBetaScore,
                           dict(average="weighted", beta=2.0), CAT),
    "metric_iou": (keras.metrics.IoU,
                   dict(num_classes=3, target_class_ids=[0, 2]),
                   (SPARSE.y_true, np.array([0, 1, 1, 2]))),
    "metric_log_cosh_error": (keras.metrics.LogCoshError, {}, REG),
    "metric_mean": (keras.metrics.Mean, {}, (f32([1.0, 2.0, 6.0]),)),
    "metric_mean_iou": (keras.metrics.MeanIoU,
                        dict(num_classes=3, sparse_y_pred=False), SPARSE),
    "metric_mean_wrapper": (keras.metrics.MeanMetricWrapper,
                            dict(fn=keras.losses.huber, delta=0.25), REG),
    "metric_one_hot_iou": (keras.metrics.OneHotIoU,
                           dict(num_classes=3, target_class_ids=[1]), CAT),
    "metric_one_hot_mean_iou": (keras.metrics.OneHotMeanIoU,
                                dict(num_classes=3), CAT),
    "metric_precision": (keras.metrics.Precision, dict(thresholds=0.4),
                         BIN1D),
    "metric_precision_at_recall": (keras.metrics.PrecisionAtRecall,
                                   dict(recall=0.5, num_thresholds=50),
                                   BIN1D),
    "metric_r2_score": (keras.metrics.R2Score,
                        dict(class_aggregation="variance_weighted_average"),
                        REG),
    "metric_recall": (keras.metrics.Recall, dict(thresholds=0.6), BIN1D),
    "metric_recall_at_precision": (keras.metrics.RecallAtPrecision,
                                   dict(precision=0.6), BIN1D),
    "metric_root_mean_squared_error": (keras.metrics.RootMeanSquaredError,
                                       {}, REG),
    "metric_sensitivity_at_specificity": (
        keras.metrics.SensitivityAtSpecificity, dict(specificity=0.5),
        BIN1D),
    "metric_specificity_at_sensitivity": (
        keras.metrics.SpecificityAtSensitivity, dict(sensitivity=0.5),
        BIN1D),
    "metric_sum": (keras.metrics.Sum, {}, (f32([1.0, 2.0, 6.0]),)),
    "metric_true_negatives": (keras.metrics.TrueNegatives, {}, BIN1D),
    "metric_true_positives": (keras.metrics.TruePositives,
                              dict(thresholds=[0.5, 0.8]), BIN1D),
}

VALUE_FORMS = {**LOSSES, **VALUE_METRICS}


def takes_y(name):
    return "y_true" in inspect.signature(getattr(pykeras3, name)).parameters


def test_every_loss_and_metric_has_a_sample():
    assert sorted(family("losses")) == sorted(LOSSES)
    assert sorted(family("metrics")) == sorted(
        list(VALUE_METRICS) + list(CONSTRUCTOR_METRICS))
    # The tables split them as keras3's formals do.
    assert all(takes_y(name) for name in VALUE_FORMS)
    assert not any(takes_y(name) for name in CONSTRUCTOR_METRICS)


def _data(data):
    return data[0], data[1]


@pytest.mark.parametrize("name", sorted(VALUE_FORMS))
def test_value_with_y_true_and_y_pred_is_keras_functions(name):
    keras_fn, _cls, data, args = VALUE_FORMS[name]
    y_true, y_pred = _data(data)
    ours = getattr(pykeras3, name)(y_true, y_pred, **args)
    theirs = keras_fn(y_true, y_pred, **args)
    assert keras.ops.is_tensor(ours)
    assert tuple(ours.shape) == tuple(theirs.shape)
    close(ours, theirs)
    # By name, in keras3's order, too.
    close(getattr(pykeras3, name)(y_pred=y_pred, y_true=y_true, **args),
          theirs)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_without_data_is_the_keras_loss_object(name):
    _fn, cls, data, args = LOSSES[name]
    y_true, y_pred = _data(data)
    ours = getattr(pykeras3, name)(**args)
    assert isinstance(ours, cls) and isinstance(ours, keras.losses.Loss)
    reference = cls(**args)
    assert ours.get_config() == reference.get_config()
    close(ours(y_true, y_pred), reference(y_true, y_pred))
    # The object-only arguments reach the object.
    summed = getattr(pykeras3, name)(reduction="sum", name="mine", **args)
    assert summed.name == "mine"
    close(summed(y_true, y_pred), cls(reduction="sum", **args)(y_true,
                                                               y_pred))


@pytest.mark.parametrize("name", sorted(VALUE_METRICS))
def test_metric_without_data_is_the_keras_metric_object(name):
    keras_fn, cls, data, args = VALUE_METRICS[name]
    y_true, y_pred = _data(data)
    object_args = {k: v for k, v in args.items()
                   if k not in FUNCTION_ONLY.get(name, ())}
    ours = getattr(pykeras3, name)(**object_args)
    assert isinstance(ours, cls) and isinstance(ours, keras.metrics.Metric)
    if cls is WRAPPED:
        # Keras has only the function: the object is its running mean,
        # with every argument of our signature passed on to it.
        assert ours._fn is keras_fn
        reference = WRAPPED(keras_fn, name=keras_fn.__name__, **object_args)
        config = ours.get_config()
        assert {k: config[k] for k in reference.get_config()} == \
            reference.get_config()
    else:
        reference = cls(**object_args)
        assert ours.get_config() == reference.get_config()
    half = len(y_true) // 2
    for metric in (ours, reference):
        metric.update_state(y_true[:half], y_pred[:half])
        metric.update_state(y_true[half:], y_pred[half:])
    close(ours.result(), reference.result())
    ours.reset_state()
    ours.update_state(y_true, y_pred)
    if name not in ("metric_concordance_correlation",
                    "metric_pearson_correlation"):
        # A running mean of the per-sample values.
        close(ours.result(),
              np.mean(value(keras_fn(y_true, y_pred, **args))),
              rtol=1e-5)


@pytest.mark.parametrize("name", ["metric_huber", "metric_log_cosh",
                                  "metric_binary_focal_crossentropy",
                                  "metric_categorical_focal_crossentropy"])
def test_function_only_metric_object_is_named_after_the_function(name):
    metric = getattr(pykeras3, name)()
    assert metric.name == name[len("metric_"):]


@pytest.mark.parametrize("name", sorted(CONSTRUCTOR_METRICS))
def test_constructor_metric_matches_the_keras_class(name):
    cls, args, data = CONSTRUCTOR_METRICS[name]
    ours = getattr(pykeras3, name)(**args)
    assert isinstance(ours, cls) and isinstance(ours, keras.metrics.Metric)
    reference = cls(**args)
    # The same configuration (Keras makes default names unique).
    mine, theirs = ours.get_config(), reference.get_config()
    if "name" not in args:
        assert mine.pop("name").startswith(theirs.pop("name").rsplit(
            "_", 1)[0])
    assert mine == theirs
    for metric in (ours, reference):
        metric.update_state(*(data[:2] if isinstance(data, Data) else data))
    close(ours.result(), reference.result())


@pytest.mark.parametrize("name", sorted(CONSTRUCTOR_METRICS))
def test_constructor_metric_parameters_are_keyword_only(name):
    params = inspect.signature(getattr(pykeras3, name)).parameters.values()
    assert params
    assert all(p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD) for p in params)
    with pytest.raises(TypeError, match="positional"):
        getattr(pykeras3, name)(3)


def test_metric_mean_and_sum_known_values():
    mean, total = pykeras3.metric_mean(), pykeras3.metric_sum()
    for metric in (mean, total):
        metric.update_state([1.0, 2.0, 3.0])
        metric.update_state([4.0], sample_weight=[2.0])
    assert float(mean.result()) == pytest.approx(14 / 5)
    assert float(total.result()) == pytest.approx(14.0)


def test_metric_mean_wrapper_averages_any_function():
    def doubled_error(y_true, y_pred, factor=1.0):
        return factor * keras.ops.mean(keras.ops.abs(y_true - y_pred),
                                       axis=-1)
    metric = pykeras3.metric_mean_wrapper(fn=doubled_error, factor=2.0,
                                          name="doubled")
    metric.update_state(REG.y_true, REG.y_pred)
    expected = 2 * np.abs(REG.y_true - REG.y_pred).mean()
    assert float(metric.result()) == pytest.approx(expected, rel=1e-5)
    assert metric.name == "doubled"
    with pytest.raises(TypeError):
        pykeras3.metric_mean_wrapper()  # fn is required


def test_metric_known_values():
    y_true = f32([[1.0, 2.0], [3.0, 4.0]])
    y_pred = f32([[1.0, 3.0], [5.0, 4.0]])
    close(pykeras3.loss_mean_squared_error(y_true, y_pred), [0.5, 2.0])
    close(pykeras3.loss_mean_absolute_error(y_true, y_pred), [0.5, 1.0])
    assert float(pykeras3.loss_mean_squared_error()(y_true, y_pred)) == 1.25
    rmse = pykeras3.metric_root_mean_squared_error()
    rmse.update_state(y_true, y_pred)
    assert float(rmse.result()) == pytest.approx(math.sqrt(5 / 4))
    # Huber: e^2/2 inside delta, delta * (|e| - delta/2) beyond.
    close(pykeras3.loss_huber(f32([[0.0], [0.0]]), f32([[0.5], [3.0]])),
          [0.125, 2.5])
    close(pykeras3.metric_binary_accuracy(f32([1, 0, 1, 0]),
                                          f32([0.9, 0.2, 0.4, 0.7])),
          [1, 1, 0, 0])
    close(pykeras3.loss_binary_crossentropy(f32([[1.0]]), f32([[0.8]])),
          [-math.log(0.8)], rtol=1e-4)


def test_dice_and_tversky_formulas():
    y_true, y_pred = f32([[1, 0, 1, 1]]), f32([[0.9, 0.8, 0.2, 0.6]])
    tp = (y_true * y_pred).sum()
    fp = ((1 - y_true) * y_pred).sum()
    fn = (y_true * (1 - y_pred)).sum()
    dice = 1 - 2 * tp / (y_true.sum() + y_pred.sum())
    assert float(pykeras3.loss_dice(y_true, y_pred)) == pytest.approx(dice)
    assert float(pykeras3.loss_tversky(y_true, y_pred)) == \
        pytest.approx(dice)
    # alpha weighs the false negatives, beta the false positives.
    assert float(pykeras3.loss_tversky(y_true, y_pred, alpha=0.9,
                                       beta=0.1)) == \
        pytest.approx(1 - tp / (tp + 0.9 * fn + 0.1 * fp))


# ----------------------------------------------------------------------
# Class ids are 0-based, as in Keras

SEG_TRUE = np.array([0, 0, 1, 2])
SEG_PRED = np.array([0, 1, 1, 2])   # IoU: class 0 1/2, class 1 1/2, 2 1


def test_metric_iou_target_class_ids_are_0_based():
    for ids, expected in (([0], 0.5), ([2], 1.0), ([0, 2], 0.75)):
        metric = pykeras3.metric_iou(num_classes=3, target_class_ids=ids)
        metric.update_state(SEG_TRUE, SEG_PRED)
        assert float(metric.result()) == pytest.approx(expected)
    mean = pykeras3.metric_mean_iou(num_classes=3)
    mean.update_state(SEG_TRUE, SEG_PRED)
    assert float(mean.result()) == pytest.approx((0.5 + 0.5 + 1) / 3)


def test_metric_iou_ignore_class_is_0_based():
    metric = pykeras3.metric_mean_iou(num_classes=3, ignore_class=0)
    metric.update_state(SEG_TRUE, SEG_PRED)
    # Without the samples of class 0: class 0 is predicted nowhere, class 1
    # right, class 2 right.
    assert float(metric.result()) == pytest.approx(1.0)


def test_metric_one_hot_iou_target_class_ids_are_0_based():
    one_hot = f32(np.eye(3)[SEG_TRUE])
    scores = f32(np.eye(3)[SEG_PRED] * 0.8 + 0.1)
    metric = pykeras3.metric_one_hot_iou(num_classes=3, target_class_ids=[2])
    metric.update_state(one_hot, scores)
    assert float(metric.result()) == pytest.approx(1.0)
    mean = pykeras3.metric_one_hot_mean_iou(num_classes=3)
    mean.update_state(one_hot, scores)
    assert float(mean.result()) == pytest.approx(2 / 3)


def test_metric_binary_iou_target_class_ids():
    y_true, y_pred = f32([0, 0, 1, 1]), f32([0.2, 0.7, 0.9, 0.8])
    # class 1: TP 2, FP 1 -> 2/3; class 0: TP 1, FN 1 -> 1/2
    for ids, expected in (((1,), 2 / 3), ((0,), 0.5), ((0, 1), 7 / 12)):
        metric = pykeras3.metric_binary_iou(target_class_ids=ids)
        metric.update_state(y_true, y_pred)
        assert float(metric.result()) == pytest.approx(expected)


def test_metric_precision_and_recall_class_id_is_0_based():
    y_true = f32([[1, 0], [0, 1], [1, 0]])
    y_pred = f32([[0.9, 0.2], [0.7, 0.8], [0.1, 0.4]])
    expected = {("precision", 0): 0.5, ("precision", 1): 1.0,
                ("recall", 0): 0.5, ("recall", 1): 1.0}
    for (kind, class_id), result in expected.items():
        metric = getattr(pykeras3, f"metric_{kind}")(class_id=class_id)
        metric.update_state(y_true, y_pred)
        assert float(metric.result()) == pytest.approx(result), \
            (kind, class_id)


def test_sparse_targets_are_0_based_class_ids():
    y_pred = f32([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    close(pykeras3.loss_sparse_categorical_crossentropy(np.array([0, 2]),
                                                        y_pred),
          [-math.log(0.7), -math.log(0.8)], rtol=1e-5)
    close(pykeras3.metric_sparse_categorical_accuracy(np.array([0, 1]),
                                                      y_pred), [1, 0])
    # ignore_class: samples of that class (0-based id) count for nothing.
    close(pykeras3.loss_sparse_categorical_crossentropy(
        np.array([0, 2]), y_pred, ignore_class=2),
        [-math.log(0.7), 0.0], rtol=1e-5)


def test_top_k_accepts_whole_floats_for_k():
    y_true = f32([[0, 0, 1], [1, 0, 0]])
    y_pred = f32([[0.5, 0.2, 0.3], [0.1, 0.5, 0.4]])
    close(pykeras3.metric_top_k_categorical_accuracy(y_true, y_pred, k=2.0),
          [1, 0])
    close(pykeras3.metric_top_k_categorical_accuracy(y_true, y_pred, k=1),
          [0, 0])
    metric = pykeras3.metric_sparse_top_k_categorical_accuracy(k=2.0)
    assert metric.k == 2 and isinstance(metric.k, int)


# ----------------------------------------------------------------------
# Both or neither of y_true / y_pred; arguments of the other form

@pytest.mark.parametrize("name", sorted(VALUE_FORMS))
def test_one_of_y_true_and_y_pred_is_a_type_error(name):
    _fn, _cls, data, _args = VALUE_FORMS[name]
    fn = getattr(pykeras3, name)
    with pytest.raises(TypeError, match=r"`y_true` was given without "
                                        r"`y_pred`.*neither"):
        fn(data[0])
    with pytest.raises(TypeError, match=r"`y_pred` was given without "
                                        r"`y_true`.*neither"):
        fn(y_pred=data[1])


def _object_only(name):
    params = inspect.signature(getattr(pykeras3, name)).parameters
    return [p for p in ("reduction", "name", "dtype") if p in params]


@pytest.mark.parametrize("name", sorted(
    n for n in VALUE_FORMS if _object_only(n)))
def test_object_arguments_with_y_true_and_y_pred_are_refused(name):
    _fn, _cls, data, _args = VALUE_FORMS[name]
    fn = getattr(pykeras3, name)
    given = {"reduction": "sum", "name": "mine", "dtype": "float16"}
    for param in _object_only(name):
        with pytest.raises(TypeError, match=(
                rf"{name}\(\): `{param}` is not used here: it configures the "
                rf"object.*Received: {param}=")):
            fn(*_data(data), **{param: given[param]})
    # Their defaults, written out, are fine.
    defaults = {p: inspect.signature(fn).parameters[p].default
                for p in _object_only(name)}
    fn(*_data(data), **defaults)


def test_function_only_arguments_without_data_are_refused():
    with pytest.raises(TypeError, match=r"metric_binary_crossentropy\(\): "
                       r"`axis` is not used here: it applies when computing "
                       r"the value.*Received: axis=0"):
        pykeras3.metric_binary_crossentropy(axis=0)
    pykeras3.metric_binary_crossentropy(axis=-1)  # the default
    with pytest.raises(TypeError, match=r"`ref_labels` is not used here"):
        pykeras3.loss_circle(ref_labels=np.array([0, 1]))
    with pytest.raises(TypeError, match=r"`ref_embeddings` is not used"):
        pykeras3.loss_circle(ref_embeddings=f32(np.ones((2, 3))))


def test_loss_circle_reference_set_with_data():
    y_true, y_pred = CIRCLE.y_true, CIRCLE.y_pred
    ours = pykeras3.loss_circle(y_true, y_pred, ref_labels=y_true[:3],
                                ref_embeddings=y_pred[:3],
                                remove_diagonal=False)
    close(ours, keras.losses.circle(y_true, y_pred, ref_labels=y_true[:3],
                                    ref_embeddings=y_pred[:3],
                                    remove_diagonal=False))


# ----------------------------------------------------------------------
# Bad arguments are refused early, naming the argument

@pytest.mark.parametrize("call, param", [
    (lambda: pykeras3.metric_auc(num_thresholds=2.5), "num_thresholds"),
    (lambda: pykeras3.metric_precision(class_id=0.5), "class_id"),
    (lambda: pykeras3.metric_recall(top_k=1.5), "top_k"),
    (lambda: pykeras3.metric_mean_iou(num_classes=2.5), "num_classes"),
    (lambda: pykeras3.metric_r2_score(num_regressors=0.5), "num_regressors"),
    (lambda: pykeras3.metric_top_k_categorical_accuracy(
        CAT.y_true, CAT.y_pred, k=1.5), "k"),
    (lambda: pykeras3.loss_sparse_categorical_crossentropy(
        ignore_class=0.5), "ignore_class"),
    (lambda: pykeras3.loss_binary_crossentropy(
        BIN.y_true, BIN.y_pred, axis="last"), "axis"),
    (lambda: pykeras3.loss_cosine_similarity(axis=1.5), "axis"),
    (lambda: pykeras3.activation_glu(X, axis="x"), "axis"),
])
def test_bad_numbers_are_refused_naming_the_argument(call, param):
    with pytest.raises((TypeError, ValueError), match=rf"`{param}`"):
        call()


def test_required_constructor_arguments_are_named():
    with pytest.raises(TypeError, match="num_classes"):
        pykeras3.metric_iou(target_class_ids=[0])
    with pytest.raises(TypeError, match="recall"):
        pykeras3.metric_precision_at_recall()


# ----------------------------------------------------------------------
# compile(): every loss object trains; metrics report under their names

def _model_for(data, seed=0):
    """A model from 4 features to predictions shaped like `data.y_pred`."""
    shape = data.y_pred.shape[1:]
    inputs = keras_input(shape=(4,))
    hidden = layer_dense(inputs, units=int(np.prod(shape)))
    hidden = layer_reshape(hidden, target_shape=shape)
    outputs = layer_activation(hidden, activation=data.head)
    return keras_model(inputs, outputs)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_object_trains_a_model_one_step(name):
    _fn, _cls, data, args = LOSSES[name]
    model = compile(_model_for(data), optimizer="sgd",
                    loss=getattr(pykeras3, name)(**args), run_eagerly=True)
    x = f32(np.random.default_rng(1).normal(size=(len(data.y_true), 4)))
    before = [w.copy() for w in model.get_weights()]
    loss = model.train_on_batch(x, data.y_true)
    assert np.isfinite(loss)
    assert any(not np.allclose(a, b) for a, b in
               zip(before, model.get_weights()))


def test_metric_objects_report_under_their_names_in_fit():
    x = f32(np.random.default_rng(2).random((16, 4)))
    y = f32((x.sum(axis=1, keepdims=True) > 2).astype("float32"))
    model = compile(_model_for(Data(y, y, "sigmoid")), optimizer="adam",
                    loss=pykeras3.loss_binary_crossentropy(),
                    metrics=[pykeras3.metric_binary_accuracy(),
                             pykeras3.metric_auc(),
                             pykeras3.metric_precision(),
                             pykeras3.metric_recall(name="sensitivity"),
                             pykeras3.metric_huber(delta=0.5),
                             pykeras3.metric_mean_absolute_error(),
                             pykeras3.metric_true_positives(),
                             pykeras3.metric_log_cosh])
    history = fit(model, x, y, epochs=1, batch_size=16, verbose=0)
    names = set(history.metrics)
    assert {"loss", "binary_accuracy", "auc", "precision", "sensitivity",
            "huber", "mean_absolute_error", "true_positives",
            "metric_log_cosh"} <= names
    # What fit reports is what the metric computes on the same data.
    evaluated = model.evaluate(x, y, verbose=0, return_dict=True)
    predicted = model.predict(x, verbose=0)
    assert evaluated["huber"] == pytest.approx(
        float(np.mean(value(keras.losses.huber(y, predicted, delta=0.5)))),
        rel=1e-4)


def test_sparse_metric_objects_in_compile():
    x = f32(np.random.default_rng(3).random((12, 4)))
    y = np.arange(12) % 3
    metrics = [pykeras3.metric_sparse_categorical_accuracy(),
               pykeras3.metric_sparse_top_k_categorical_accuracy(k=2),
               pykeras3.metric_sparse_categorical_crossentropy()]
    model = compile(_model_for(Data(y, f32(np.ones((12, 3))), "softmax")),
                    optimizer="adam", metrics=metrics,
                    loss=pykeras3.loss_sparse_categorical_crossentropy())
    history = fit(model, x, y, epochs=1, verbose=0)
    assert {"sparse_categorical_accuracy",
            "sparse_top_k_categorical_accuracy",
            "sparse_categorical_crossentropy"} <= set(history.metrics)
