"""Optimizers, learning rate schedules, initializers, regularizers,
constraints, random and config functions, on real Keras: each returns
Keras's own object (or value), with Keras's defaults, and does its job in a
model that trains (the applications are in test_applications.py)."""

import importlib.util
import math
import os
import textwrap

import keras
import numpy as np
import pytest
from keras.src.backend.common import global_state

import pykeras3
from pykeras3 import (compile, evaluate, fit, keras_model_sequential,
                      layer_conv_1d, layer_dense, train_on_batch)
from conftest import ROOT, run_python

ONE = np.ones((1, 1), "float32")
ZERO = np.zeros((1, 1), "float32")
X = np.array([[1.0, -2.0, 0.5], [0.3, 0.8, -1.2], [2.0, 0.1, 0.4],
              [-0.7, 1.5, 1.1]], dtype="float32")
Y = np.array([[1.0, -1.0], [0.5, 2.0], [-1.5, 0.3], [0.2, 0.9]],
             dtype="float32")


def dense_model(**dense_args):
    """A pykeras3 model: 3 inputs, one Dense layer of 2 units."""
    dense_args.setdefault("kernel_initializer",
                          keras.initializers.GlorotUniform(seed=0))
    return layer_dense(keras_model_sequential(input_shape=3), units=2,
                       **dense_args)


def keras_dense_model(**dense_args):
    """The same model made with Keras directly."""
    dense_args.setdefault("kernel_initializer",
                          keras.initializers.GlorotUniform(seed=0))
    return keras.Sequential([keras.Input((3,)),
                             keras.layers.Dense(2, **dense_args)])


def weights_after_steps(model, optimizer, steps=1, x=X, y=Y):
    model = compile(model, optimizer=optimizer, loss="mse")
    for _ in range(steps):
        train_on_batch(model, x, y)
    return [np.asarray(w) for w in model.get_weights()]


def config_without_name(obj):
    """`obj.get_config()` without the names Keras numbers (`sgd_1`)."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "name"}
        return value
    return strip(obj.get_config())


# --------------------------------------------------------------------------
# Optimizers: name -> (Keras class, arguments). Arguments are a function
# (fresh objects for each call: LossScaleOptimizer wraps an optimizer).

OPTIMIZERS = {
    "optimizer_adadelta": (keras.optimizers.Adadelta,
                           lambda: dict(learning_rate=1.0, rho=0.9)),
    "optimizer_adafactor": (keras.optimizers.Adafactor,
                            lambda: dict(learning_rate=0.1)),
    "optimizer_adagrad": (keras.optimizers.Adagrad,
                          lambda: dict(learning_rate=0.1)),
    "optimizer_adam": (keras.optimizers.Adam,
                       lambda: dict(learning_rate=0.1, beta_1=0.8)),
    "optimizer_adam_w": (keras.optimizers.AdamW,
                         lambda: dict(learning_rate=0.1, weight_decay=0.1)),
    "optimizer_adamax": (keras.optimizers.Adamax,
                         lambda: dict(learning_rate=0.1)),
    "optimizer_ftrl": (keras.optimizers.Ftrl,
                       lambda: dict(learning_rate=0.1,
                                    l2_regularization_strength=0.01)),
    "optimizer_lamb": (keras.optimizers.Lamb,
                       lambda: dict(learning_rate=0.1)),
    "optimizer_lion": (keras.optimizers.Lion,
                       lambda: dict(learning_rate=0.1)),
    "optimizer_loss_scale": (
        keras.optimizers.LossScaleOptimizer,
        lambda: dict(inner_optimizer=keras.optimizers.SGD(0.1),
                     initial_scale=256.0)),
    "optimizer_muon": (keras.optimizers.Muon,
                       lambda: dict(learning_rate=0.1)),
    "optimizer_nadam": (keras.optimizers.Nadam,
                        lambda: dict(learning_rate=0.1)),
    "optimizer_rmsprop": (keras.optimizers.RMSprop,
                          lambda: dict(learning_rate=0.1, centered=True)),
    "optimizer_sgd": (keras.optimizers.SGD,
                      lambda: dict(learning_rate=0.1, momentum=0.9,
                                   nesterov=True)),
}


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_optimizer_is_kerass_with_its_defaults(name):
    cls, args = OPTIMIZERS[name]
    fn = getattr(pykeras3, name)
    if name == "optimizer_loss_scale":
        default = fn(keras.optimizers.SGD())
        reference = cls(keras.optimizers.SGD())
    else:
        default, reference = fn(), cls()
    assert type(default) is cls
    assert config_without_name(default) == config_without_name(reference)
    given = fn(**args())
    assert config_without_name(given) == config_without_name(
        cls(**args()))


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_optimizer_trains_like_kerass_own(name):
    cls, args = OPTIMIZERS[name]
    ours = weights_after_steps(dense_model(), getattr(pykeras3, name)(
        **args()), steps=2)
    reference_model = keras_dense_model()
    reference_model.compile(optimizer=cls(**args()), loss="mse")
    start = [np.asarray(w) for w in reference_model.get_weights()]
    for _ in range(2):
        reference_model.train_on_batch(X, Y)
    reference = reference_model.get_weights()
    assert not np.allclose(ours[0], start[0]), "the kernel did not change"
    for mine, theirs in zip(ours, reference):
        np.testing.assert_allclose(mine, theirs, rtol=1e-5, atol=1e-6)


def test_sgd_step_is_learning_rate_times_gradient():
    model = layer_dense(keras_model_sequential(input_shape=1), 1,
                        use_bias=False, kernel_initializer="ones")
    # loss (w - 0)^2 on x = 1: gradient 2w = 2
    (kernel,) = weights_after_steps(model, pykeras3.optimizer_sgd(0.25),
                                    x=ONE, y=ZERO)
    assert kernel[0, 0] == pytest.approx(1 - 0.25 * 2)


def test_optimizer_clipvalue_and_weight_decay_act():
    model = layer_dense(keras_model_sequential(input_shape=1), 1,
                        use_bias=False, kernel_initializer="ones")
    (kernel,) = weights_after_steps(
        model, pykeras3.optimizer_sgd(0.25, clipvalue=0.5), x=ONE, y=ZERO)
    assert kernel[0, 0] == pytest.approx(1 - 0.25 * 0.5)
    model = layer_dense(keras_model_sequential(input_shape=1), 1,
                        use_bias=False, kernel_initializer="ones")
    opt = pykeras3.optimizer_adam_w(learning_rate=0.0, weight_decay=0.5)
    (kernel,) = weights_after_steps(model, opt, x=ONE, y=ZERO)
    assert kernel[0, 0] == pytest.approx(1.0)  # decay scales with the rate
    model = layer_dense(keras_model_sequential(input_shape=1), 1,
                        use_bias=False, kernel_initializer="ones")
    opt = pykeras3.optimizer_sgd(learning_rate=0.1, weight_decay=0.5)
    (kernel,) = weights_after_steps(model, opt, x=ONE, y=ONE)
    assert kernel[0, 0] == pytest.approx(1 - 0.1 * 0.5)  # zero gradient


def test_optimizer_takes_integer_options_as_whole_numbers():
    opt = pykeras3.optimizer_adam(gradient_accumulation_steps=2.0,
                                  use_ema=True, ema_overwrite_frequency=3.0)
    assert opt.gradient_accumulation_steps == 2
    assert opt.ema_overwrite_frequency == 3
    with pytest.raises(ValueError, match="gradient_accumulation_steps"):
        pykeras3.optimizer_sgd(gradient_accumulation_steps=2.5)
    with pytest.raises(ValueError, match="dynamic_growth_steps"):
        pykeras3.optimizer_loss_scale(keras.optimizers.SGD(),
                                      dynamic_growth_steps=10.5)


def test_gradient_accumulation_updates_every_n_batches():
    model = dense_model()
    start = [np.asarray(w) for w in model.get_weights()]
    opt = pykeras3.optimizer_sgd(0.1, gradient_accumulation_steps=2)
    after_one = weights_after_steps(model, opt, steps=1)
    np.testing.assert_allclose(after_one[0], start[0])
    train_on_batch(model, X, Y)
    assert not np.allclose(model.get_weights()[0], start[0])


def test_loss_scale_optimizer_keeps_its_inner_optimizer():
    inner = pykeras3.optimizer_sgd(0.1)
    opt = pykeras3.optimizer_loss_scale(inner, initial_scale=8.0)
    assert opt.inner_optimizer is inner
    assert opt.get_config()["initial_scale"] == 8.0
    model = compile(dense_model(), optimizer=opt, loss="mse")
    before = model.get_weights()[0].copy()
    train_on_batch(model, X, Y)
    assert np.isfinite(model.get_weights()[0]).all()
    assert not np.allclose(model.get_weights()[0], before)


def test_optimizer_learning_rate_may_be_a_schedule():
    schedule = pykeras3.learning_rate_schedule_piecewise_constant_decay(
        boundaries=[1], values=[0.5, 0.01])
    opt = pykeras3.optimizer_sgd(learning_rate=schedule)
    model = compile(dense_model(), optimizer=opt, loss="mse")
    assert float(model.optimizer.learning_rate) == pytest.approx(0.5)
    for _ in range(2):
        train_on_batch(model, X, Y)
    assert float(model.optimizer.learning_rate) == pytest.approx(0.01)


# --------------------------------------------------------------------------
# Learning rate schedules: name -> (Keras class, arguments)

SCHEDULES = {
    "learning_rate_schedule_cosine_decay": (
        keras.optimizers.schedules.CosineDecay,
        dict(initial_learning_rate=0.1, decay_steps=10, alpha=0.1,
             warmup_target=0.5, warmup_steps=4)),
    "learning_rate_schedule_cosine_decay_restarts": (
        keras.optimizers.schedules.CosineDecayRestarts,
        dict(initial_learning_rate=0.1, first_decay_steps=4, t_mul=2.0,
             m_mul=0.5, alpha=0.1)),
    "learning_rate_schedule_exponential_decay": (
        keras.optimizers.schedules.ExponentialDecay,
        dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5,
             staircase=True)),
    "learning_rate_schedule_inverse_time_decay": (
        keras.optimizers.schedules.InverseTimeDecay,
        dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5)),
    "learning_rate_schedule_piecewise_constant_decay": (
        keras.optimizers.schedules.PiecewiseConstantDecay,
        dict(boundaries=[2, 5], values=[0.1, 0.05, 0.01])),
    "learning_rate_schedule_polynomial_decay": (
        keras.optimizers.schedules.PolynomialDecay,
        dict(initial_learning_rate=0.1, decay_steps=6,
             end_learning_rate=0.01, power=2.0, cycle=True)),
}
STEPS = [0, 1, 2, 3, 4, 5, 6, 7, 10, 13, 25]


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_schedule_values_are_kerass(name):
    cls, args = SCHEDULES[name]
    schedule = getattr(pykeras3, name)(**args)
    assert type(schedule) is cls
    assert schedule.get_config() == cls(**args).get_config()
    reference = cls(**args)
    ours = [float(schedule(step)) for step in STEPS]
    theirs = [float(reference(step)) for step in STEPS]
    np.testing.assert_allclose(ours, theirs, rtol=1e-6)
    assert len(set(np.round(ours, 6))) > 1, "the rate never changed"


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_schedule_drives_an_optimizer(name):
    cls, args = SCHEDULES[name]
    schedule = getattr(pykeras3, name)(**args)
    model = compile(dense_model(), loss="mse",
                    optimizer=pykeras3.optimizer_sgd(learning_rate=schedule))
    for _ in range(3):
        train_on_batch(model, X, Y)
    assert int(model.optimizer.iterations) == 3
    assert float(model.optimizer.learning_rate) == pytest.approx(
        float(cls(**args)(3)), rel=1e-6)


def test_schedule_formulas_known_values():
    exp = pykeras3.learning_rate_schedule_exponential_decay(1.0, 10, 0.5)
    assert float(exp(20)) == pytest.approx(0.25)
    assert float(exp(5)) == pytest.approx(0.5 ** 0.5)
    stair = pykeras3.learning_rate_schedule_exponential_decay(
        1.0, 10, 0.5, staircase=True)
    assert float(stair(15)) == pytest.approx(0.5)
    inv = pykeras3.learning_rate_schedule_inverse_time_decay(1.0, 10, 1.0)
    assert float(inv(10)) == pytest.approx(0.5)
    poly = pykeras3.learning_rate_schedule_polynomial_decay(
        1.0, 10, end_learning_rate=0.0)
    assert float(poly(5)) == pytest.approx(0.5)
    assert float(poly(50)) == pytest.approx(0.0)
    cosine = pykeras3.learning_rate_schedule_cosine_decay(1.0, 100)
    assert float(cosine(50)) == pytest.approx(0.5)
    warm = pykeras3.learning_rate_schedule_cosine_decay(
        0.0, 100, warmup_target=1.0, warmup_steps=10)
    assert float(warm(5)) == pytest.approx(0.5)


def test_schedule_steps_must_be_whole_numbers():
    schedule = pykeras3.learning_rate_schedule_exponential_decay(
        0.1, decay_steps=10.0, decay_rate=0.9)
    assert schedule.decay_steps == 10
    with pytest.raises(ValueError, match="decay_steps"):
        pykeras3.learning_rate_schedule_exponential_decay(0.1, 10.5, 0.9)
    with pytest.raises(ValueError, match="warmup_steps"):
        pykeras3.learning_rate_schedule_cosine_decay(0.1, 10,
                                                     warmup_steps=1.5)


# --------------------------------------------------------------------------
# Initializers: name -> (Keras class, arguments)

HAVE_SCIPY = importlib.util.find_spec("scipy") is not None
STFT_WINDOW = np.hanning(8).astype("float32")

INITIALIZERS = {
    "initializer_constant": (keras.initializers.Constant, dict(value=0.3)),
    "initializer_glorot_normal": (keras.initializers.GlorotNormal,
                                  dict(seed=1)),
    "initializer_glorot_uniform": (keras.initializers.GlorotUniform,
                                   dict(seed=1)),
    "initializer_he_normal": (keras.initializers.HeNormal, dict(seed=1)),
    "initializer_he_uniform": (keras.initializers.HeUniform, dict(seed=1)),
    "initializer_identity": (keras.initializers.IdentityInitializer,
                             dict(gain=2.0)),
    "initializer_lecun_normal": (keras.initializers.LecunNormal,
                                 dict(seed=1)),
    "initializer_lecun_uniform": (keras.initializers.LecunUniform,
                                  dict(seed=1)),
    "initializer_ones": (keras.initializers.Ones, {}),
    "initializer_orthogonal": (keras.initializers.OrthogonalInitializer,
                               dict(gain=1.5, seed=1)),
    "initializer_random_normal": (keras.initializers.RandomNormal,
                                  dict(mean=1.0, stddev=0.5, seed=1)),
    "initializer_random_uniform": (keras.initializers.RandomUniform,
                                   dict(minval=-2.0, maxval=-1.0, seed=1)),
    "initializer_stft": (keras.initializers.STFT,
                         dict(side="imag", window=STFT_WINDOW,
                              scaling="spectrum")),
    "initializer_truncated_normal": (keras.initializers.TruncatedNormal,
                                     dict(mean=0.0, stddev=2.0, seed=1)),
    "initializer_variance_scaling": (keras.initializers.VarianceScaling,
                                     dict(scale=3.0, mode="fan_out",
                                          distribution="uniform", seed=1)),
    "initializer_zeros": (keras.initializers.Zeros, {}),
}
# The weight each initializer is tried on: a 2-D kernel of a dense layer,
# a 3-D kernel of a convolution for the STFT initializer (window 8, 5
# frequencies).
KERNEL = {"initializer_stft": (8, 1, 5)}


def stft_model(initializer):
    model = keras_model_sequential(input_shape=(16, 1))
    return layer_conv_1d(model, filters=5, kernel_size=8,
                         kernel_initializer=initializer)


@pytest.mark.parametrize("name", sorted(INITIALIZERS))
def test_initializer_values_are_kerass(name):
    cls, args = INITIALIZERS[name]
    init = getattr(pykeras3, name)(**args)
    assert type(init) is cls
    shape = KERNEL.get(name, (4, 3))
    ours = np.asarray(init(shape=shape))
    assert ours.shape == shape
    np.testing.assert_allclose(ours, np.asarray(cls(**args)(shape=shape)),
                               rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name", sorted(INITIALIZERS))
def test_initializer_sets_a_kernel_that_then_trains(name):
    cls, args = INITIALIZERS[name]
    init = getattr(pykeras3, name)(**args)
    if name == "initializer_stft":
        model, data = stft_model(init), (np.ones((2, 16, 1)),
                                         np.ones((2, 9, 5)))
        shape = (8, 1, 5)
    else:
        model, data = dense_model(kernel_initializer=init), (X, Y)
        shape = (3, 2)
    kernel = np.asarray(model.layers[0].kernel)
    np.testing.assert_allclose(kernel, np.asarray(cls(**args)(shape)),
                               rtol=1e-6, atol=1e-7)
    model = compile(model, optimizer=pykeras3.optimizer_sgd(0.1),
                    loss="mse")
    train_on_batch(model, *data)
    assert not np.allclose(np.asarray(model.layers[0].kernel), kernel)


def test_initializer_defaults_are_kerass():
    for name, (cls, args) in INITIALIZERS.items():
        if name == "initializer_stft" and not HAVE_SCIPY:
            # its default window, "hann", comes from SciPy
            ours = pykeras3.initializer_stft(window=None)
            reference = cls(window=None)
        else:
            ours = getattr(pykeras3, name)()
            reference = cls()
        config, expected = ours.get_config(), reference.get_config()
        if "seed" in expected:  # None is drawn as a new seed each time
            config.pop("seed"), expected.pop("seed")
        assert config == expected, name


def test_initializer_statistics():
    shape = (400, 300)
    fan_in, fan_out = shape

    def values(name, **args):
        return np.asarray(getattr(pykeras3, name)(seed=5, **args)(shape))

    w = values("initializer_glorot_uniform")
    assert np.abs(w).max() <= math.sqrt(6 / (fan_in + fan_out))
    assert w.std() == pytest.approx(math.sqrt(2 / (fan_in + fan_out)),
                                    rel=0.05)
    assert values("initializer_he_normal").std() == pytest.approx(
        math.sqrt(2 / fan_in), rel=0.05)
    assert np.abs(values("initializer_he_uniform")).max() <= \
        math.sqrt(6 / fan_in)
    assert values("initializer_lecun_normal").std() == pytest.approx(
        math.sqrt(1 / fan_in), rel=0.05)
    assert values("initializer_glorot_normal").std() == pytest.approx(
        math.sqrt(2 / (fan_in + fan_out)), rel=0.05)
    w = values("initializer_truncated_normal", stddev=1.0)
    assert np.abs(w).max() <= 2.0
    w = values("initializer_random_normal", mean=3.0, stddev=2.0)
    assert (w.mean(), w.std()) == (pytest.approx(3.0, abs=0.05),
                                   pytest.approx(2.0, rel=0.05))
    w = values("initializer_random_uniform", minval=1.0, maxval=2.0)
    assert w.min() >= 1.0 and w.max() < 2.0
    w = np.asarray(pykeras3.initializer_orthogonal(seed=5)((30, 20)))
    np.testing.assert_allclose(w.T @ w, np.eye(20), atol=1e-5)
    np.testing.assert_allclose(
        np.asarray(pykeras3.initializer_identity(gain=3.0)((2, 3))),
        3.0 * np.eye(2, 3))
    np.testing.assert_array_equal(
        np.asarray(pykeras3.initializer_constant(7)((2, 2))),
        np.full((2, 2), 7.0))


def test_initializer_seed_makes_values_repeat():
    a = np.asarray(pykeras3.initializer_he_normal(seed=3)((5, 4)))
    b = np.asarray(pykeras3.initializer_he_normal(seed=3)((5, 4)))
    c = np.asarray(pykeras3.initializer_he_normal(seed=4)((5, 4)))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    # whole floats and NumPy integers are integer seeds (Keras refuses
    # np.int64)
    np.testing.assert_array_equal(
        a, np.asarray(pykeras3.initializer_he_normal(seed=np.int64(3))(
            (5, 4))))
    np.testing.assert_array_equal(
        a, np.asarray(pykeras3.initializer_he_normal(seed=3.0)((5, 4))))
    with pytest.raises(ValueError, match="seed"):
        pykeras3.initializer_he_normal(seed=3.5)


@pytest.mark.skipif(not HAVE_SCIPY, reason="named windows need SciPy")
def test_stft_initializer_default_window_is_hann():
    ours = np.asarray(pykeras3.initializer_stft()((8, 1, 5)))
    np.testing.assert_allclose(
        ours, np.asarray(keras.initializers.STFT()((8, 1, 5))), rtol=1e-6)


def test_stft_initializer_without_window_is_a_plain_fourier_basis():
    kernel = np.asarray(pykeras3.initializer_stft(
        window=None, scaling=None)((8, 1, 5)))
    n = np.arange(8)[:, None]
    k = np.arange(5)[None, :]
    np.testing.assert_allclose(kernel[:, 0, :],
                               np.cos(2 * np.pi * n * k / 8), atol=1e-6)


# --------------------------------------------------------------------------
# Regularizers: name -> (Keras class, arguments)

REGULARIZERS = {
    "regularizer_l1": (keras.regularizers.L1, dict(l1=0.1)),
    "regularizer_l1_l2": (keras.regularizers.L1L2, dict(l1=0.1, l2=0.2)),
    "regularizer_l2": (keras.regularizers.L2, dict(l2=0.2)),
    "regularizer_orthogonal": (keras.regularizers.OrthogonalRegularizer,
                               dict(factor=0.5, mode="columns")),
}
KERNEL_VALUES = np.array([[1.0, -2.0], [0.5, 1.0], [-1.5, 0.25]],
                         dtype="float32")
# Keras's OrthogonalRegularizer(mode="columns") fails on NumPy arrays
# (keras.utils.normalize reads axis 0 as -1 there); weights are tensors.
KERNEL_TENSOR = keras.ops.convert_to_tensor(KERNEL_VALUES)


@pytest.mark.parametrize("name", sorted(REGULARIZERS))
def test_regularizer_penalty_is_kerass(name):
    cls, args = REGULARIZERS[name]
    penalty = getattr(pykeras3, name)(**args)
    assert type(penalty) is cls
    assert penalty.get_config() == cls(**args).get_config()
    assert getattr(pykeras3, name)().get_config() == cls().get_config()
    value = float(penalty(KERNEL_TENSOR))
    assert value == pytest.approx(float(cls(**args)(KERNEL_TENSOR)))
    assert value > 0


@pytest.mark.parametrize("name", sorted(REGULARIZERS))
def test_regularizer_adds_its_penalty_to_the_loss(name):
    cls, args = REGULARIZERS[name]
    init = keras.initializers.Constant(KERNEL_VALUES)
    plain = compile(dense_model(kernel_initializer=init), loss="mse")
    model = compile(dense_model(
        kernel_initializer=init,
        kernel_regularizer=getattr(pykeras3, name)(**args)), loss="mse")
    extra = evaluate(model, X, Y, verbose=0)["loss"] - \
        evaluate(plain, X, Y, verbose=0)["loss"]
    assert extra == pytest.approx(float(cls(**args)(KERNEL_TENSOR)),
                                  rel=1e-5)
    model = compile(model, optimizer=pykeras3.optimizer_sgd(0.01),
                    loss="mse")
    train_on_batch(model, X, Y)


def test_regularizer_known_values():
    w = KERNEL_VALUES
    assert float(pykeras3.regularizer_l1(0.1)(w)) == pytest.approx(
        0.1 * np.abs(w).sum())
    assert float(pykeras3.regularizer_l2(0.1)(w)) == pytest.approx(
        0.1 * (w ** 2).sum())
    assert float(pykeras3.regularizer_l1_l2(0.1, 0.2)(w)) == pytest.approx(
        0.1 * np.abs(w).sum() + 0.2 * (w ** 2).sum())
    # orthogonal columns cost nothing
    assert float(pykeras3.regularizer_orthogonal(1.0, mode="columns")(
        keras.ops.eye(3, 2))) == pytest.approx(0.0)
    assert float(pykeras3.regularizer_orthogonal(1.0, mode="rows")(
        keras.ops.ones((2, 3)))) == pytest.approx(1.0)


# --------------------------------------------------------------------------
# Constraints: name -> (Keras class, arguments, check after a step)

def column_norms(w):
    return np.sqrt((np.asarray(w) ** 2).sum(axis=0))


CONSTRAINTS = {
    "constraint_maxnorm": (
        keras.constraints.MaxNorm, dict(max_value=0.5),
        lambda w: (column_norms(w) <= 0.5 + 1e-6).all()),
    "constraint_minmaxnorm": (
        keras.constraints.MinMaxNorm,
        dict(min_value=0.8, max_value=0.9, rate=1.0),
        lambda w: ((column_norms(w) >= 0.8 - 1e-6)
                   & (column_norms(w) <= 0.9 + 1e-6)).all()),
    "constraint_nonneg": (keras.constraints.NonNeg, {},
                          lambda w: (np.asarray(w) >= 0).all()),
    "constraint_unitnorm": (
        keras.constraints.UnitNorm, {},
        lambda w: np.allclose(column_norms(w), 1.0, atol=1e-5)),
}


@pytest.mark.parametrize("name", sorted(CONSTRAINTS))
def test_constraint_is_kerass(name):
    cls, args, _holds = CONSTRAINTS[name]
    constraint = getattr(pykeras3, name)(**args)
    assert type(constraint) is cls
    assert constraint.get_config() == cls(**args).get_config()
    assert getattr(pykeras3, name)().get_config() == cls().get_config()
    np.testing.assert_allclose(np.asarray(constraint(KERNEL_VALUES)),
                               np.asarray(cls(**args)(KERNEL_VALUES)))


@pytest.mark.parametrize("name", sorted(CONSTRAINTS))
def test_constraint_holds_after_a_training_step(name):
    _cls, args, holds = CONSTRAINTS[name]
    model = dense_model(
        kernel_initializer=keras.initializers.Constant(KERNEL_VALUES),
        kernel_constraint=getattr(pykeras3, name)(**args))
    assert not holds(model.layers[0].kernel)
    before = np.asarray(model.layers[0].kernel)
    kernel = weights_after_steps(model, pykeras3.optimizer_sgd(0.5))[0]
    assert not np.allclose(kernel, before)
    assert holds(kernel)


def test_maxnorm_takes_any_positive_bound():
    # keras3 reads max_value as an integer; a norm bound is a real number
    constraint = pykeras3.constraint_maxnorm(max_value=1.5)
    assert constraint.max_value == 1.5
    np.testing.assert_allclose(column_norms(constraint(KERNEL_VALUES)),
                               np.minimum(column_norms(KERNEL_VALUES), 1.5),
                               rtol=1e-6)


def test_constraint_axis_is_0_based_and_may_be_a_tuple():
    w = np.arange(1.0, 13.0, dtype="float32").reshape(2, 3, 2)
    ours = np.asarray(pykeras3.constraint_unitnorm(axis=[0, 1])(w))
    np.testing.assert_allclose(np.sqrt((ours ** 2).sum(axis=(0, 1))),
                               [1.0, 1.0], rtol=1e-6)
    rows = np.asarray(pykeras3.constraint_unitnorm(axis=1)(KERNEL_VALUES))
    np.testing.assert_allclose(np.sqrt((rows ** 2).sum(axis=1)), 1.0,
                               rtol=1e-6)
    with pytest.raises(ValueError, match="axis"):
        pykeras3.constraint_unitnorm(axis=0.5)
    with pytest.raises(ValueError, match="axis"):
        pykeras3.constraint_maxnorm(axis="rows")


# --------------------------------------------------------------------------
# Random: name -> (Keras function, arguments besides shape, check)

RANDOM = {
    "random_normal": (keras.random.normal, dict(mean=1.0, stddev=2.0),
                      lambda x: np.isfinite(x).all()),
    "random_uniform": (keras.random.uniform, dict(minval=-1.0, maxval=2.0),
                       lambda x: ((x >= -1) & (x < 2)).all()),
    "random_truncated_normal": (keras.random.truncated_normal,
                                dict(mean=5.0, stddev=1.0),
                                lambda x: (np.abs(x - 5) <= 2).all()),
    "random_integer": (keras.random.randint, dict(minval=-2, maxval=3),
                       lambda x: ((x >= -2) & (x < 3)).all()),
    "random_beta": (keras.random.beta, dict(alpha=2.0, beta=3.0),
                    lambda x: ((x >= 0) & (x <= 1)).all()),
    "random_binomial": (keras.random.binomial,
                        dict(counts=5.0, probabilities=0.3),
                        lambda x: ((x >= 0) & (x <= 5)
                                   & (x == np.round(x))).all()),
    "random_gamma": (keras.random.gamma, dict(alpha=2.0),
                     lambda x: (x > 0).all()),
}


@pytest.mark.parametrize("name", sorted(RANDOM))
@pytest.mark.parametrize("shape, expected", [
    (7, (7,)), ([2, 3], (2, 3)), ((2, 1, 3), (2, 1, 3)), (3.0, (3,))])
def test_random_draw_is_kerass_with_the_same_seed(name, shape, expected):
    keras_fn, args, holds = RANDOM[name]
    ours = np.asarray(getattr(pykeras3, name)(shape, seed=11, **args))
    assert ours.shape == expected
    np.testing.assert_array_equal(
        ours, np.asarray(keras_fn(expected, seed=11, **args)))
    np.testing.assert_array_equal(
        ours, np.asarray(getattr(pykeras3, name)(shape, seed=11, **args)))
    assert holds(ours)


@pytest.mark.parametrize("name", sorted(RANDOM))
def test_random_draw_dtype(name):
    _keras_fn, args, _holds = RANDOM[name]
    fn = getattr(pykeras3, name)
    default = "int32" if name == "random_integer" else keras.config.floatx()
    assert keras.backend.standardize_dtype(fn(3, seed=1, **args).dtype) == \
        default
    dtype = "int64" if name == "random_integer" else "float64"
    assert keras.backend.standardize_dtype(
        fn(3, seed=1, dtype=dtype, **args).dtype) == dtype


def test_random_distributions_have_their_moments():
    n = 20000
    x = np.asarray(pykeras3.random_normal(n, mean=2.0, stddev=3.0, seed=1))
    assert (x.mean(), x.std()) == (pytest.approx(2.0, abs=0.1),
                                   pytest.approx(3.0, rel=0.03))
    x = np.asarray(pykeras3.random_uniform(n, seed=1))
    assert x.mean() == pytest.approx(0.5, abs=0.02)
    x = np.asarray(pykeras3.random_gamma(n, alpha=3.0, seed=1))
    assert x.mean() == pytest.approx(3.0, rel=0.05)
    x = np.asarray(pykeras3.random_beta(n, alpha=2.0, beta=6.0, seed=1))
    assert x.mean() == pytest.approx(0.25, abs=0.01)
    x = np.asarray(pykeras3.random_binomial(n, counts=10.0,
                                            probabilities=0.2, seed=1))
    assert x.mean() == pytest.approx(2.0, rel=0.05)


def test_random_integer_bounds_lower_included_upper_excluded():
    x = np.asarray(pykeras3.random_integer(2000, minval=1, maxval=4,
                                           seed=2))
    assert sorted(set(x.tolist())) == [1, 2, 3]


def test_random_seed_generator_is_a_keras_seed_generator():
    gen = pykeras3.random_seed_generator(seed=5)
    assert isinstance(gen, keras.random.SeedGenerator)
    first = np.asarray(pykeras3.random_normal(4, seed=gen))
    second = np.asarray(pykeras3.random_normal(4, seed=gen))
    assert not np.array_equal(first, second)
    again = pykeras3.random_seed_generator(seed=5.0)
    np.testing.assert_array_equal(
        first, np.asarray(pykeras3.random_normal(4, seed=again)))
    reference = keras.random.SeedGenerator(seed=5)
    np.testing.assert_array_equal(
        first, np.asarray(keras.random.normal((4,), seed=reference)))
    # also for the initializers and the other random functions
    gen = pykeras3.random_seed_generator(seed=5)
    w = pykeras3.initializer_random_normal(seed=gen)((2, 2))
    assert tuple(w.shape) == (2, 2)
    assert tuple(pykeras3.random_shuffle(np.arange(4), seed=gen).shape) \
        == (4,)
    with pytest.raises(ValueError, match="seed"):
        pykeras3.random_seed_generator(seed=1.5)


def test_random_categorical_returns_0_based_class_indices():
    logits = np.log(np.array([[0.0, 0.0, 1.0], [0.5, 0.5, 0.0],
                              [1.0, 0.0, 0.0]]) + 1e-12)
    draws = np.asarray(pykeras3.random_categorical(logits, 50, seed=3))
    assert draws.shape == (3, 50)
    assert keras.backend.standardize_dtype(draws.dtype) == "int32"
    assert set(draws[0].tolist()) == {2}
    assert set(draws[1].tolist()) == {0, 1}
    assert set(draws[2].tolist()) == {0}
    np.testing.assert_array_equal(draws, np.asarray(
        keras.random.categorical(logits, 50, seed=3)))
    assert np.asarray(pykeras3.random_categorical(
        logits, 2.0, seed=3, dtype="int64")).dtype == np.int64
    with pytest.raises(ValueError, match="num_samples"):
        pykeras3.random_categorical(logits, 2.5)


def test_random_dropout_zeroes_a_fraction_and_scales_the_rest():
    x = np.ones((100, 50), "float32")
    y = np.asarray(pykeras3.random_dropout(x, rate=0.25, seed=4))
    assert set(np.unique(y).tolist()) <= {0.0, float(np.float32(1 / 0.75))}
    assert (y == 0).mean() == pytest.approx(0.25, abs=0.03)
    np.testing.assert_array_equal(y, np.asarray(
        keras.random.dropout(x, rate=0.25, seed=4)))
    # the noise shape shares the mask along axes of size 1
    y = np.asarray(pykeras3.random_dropout(x, 0.5, noise_shape=[1, 50],
                                           seed=4))
    assert (y == y[0]).all()


def test_random_shuffle_permutes_along_an_axis():
    x = np.arange(12).reshape(4, 3)
    rows = np.asarray(pykeras3.random_shuffle(x, seed=8))
    assert sorted(map(tuple, rows.tolist())) == sorted(map(tuple,
                                                           x.tolist()))
    np.testing.assert_array_equal(rows, np.asarray(
        keras.random.shuffle(x, seed=8)))
    cols = np.asarray(pykeras3.random_shuffle(x, axis=1.0, seed=8))
    assert all(sorted(r) == sorted(s) for r, s in zip(cols.tolist(),
                                                      x.tolist()))
    np.testing.assert_array_equal(cols, np.asarray(
        keras.random.shuffle(x, axis=1, seed=8)))
    with pytest.raises(ValueError, match="axis"):
        pykeras3.random_shuffle(x, axis=0.5)


def test_random_bad_shape_and_seed_are_refused_early():
    with pytest.raises(ValueError, match="shape"):
        pykeras3.random_normal(2.5)
    with pytest.raises(ValueError, match="shape"):
        pykeras3.random_uniform([2, 1.5])
    with pytest.raises(ValueError, match="seed"):
        pykeras3.random_normal(3, seed=0.5)


# --------------------------------------------------------------------------
# Config

@pytest.fixture
def keep_config():
    """Put every global setting the config functions change back."""
    saved = dict(epsilon=keras.config.epsilon(),
                 floatx=keras.config.floatx(),
                 image_data_format=keras.config.image_data_format(),
                 max_epochs=keras.config.max_epochs(),
                 max_steps_per_epoch=keras.config.max_steps_per_epoch())
    names = ("dtype_policy", "flash_attention", "interactive_logging",
             "traceback_filtering", "safe_mode_saving")
    state = {n: global_state.get_global_attribute(n) for n in names}
    yield
    keras.config.set_epsilon(saved["epsilon"])
    keras.config.set_floatx(saved["floatx"])
    keras.config.set_image_data_format(saved["image_data_format"])
    keras.config.set_max_epochs(saved["max_epochs"])
    keras.config.set_max_steps_per_epoch(saved["max_steps_per_epoch"])
    for name, value in state.items():
        global_state.set_global_attribute(name, value)


# getter -> Keras's getter
CONFIG_GETTERS = {
    "config_backend": keras.config.backend,
    "config_dtype_policy": keras.config.dtype_policy,
    "config_epsilon": keras.config.epsilon,
    "config_floatx": keras.config.floatx,
    "config_image_data_format": keras.config.image_data_format,
    "config_is_flash_attention_enabled":
        keras.config.is_flash_attention_enabled,
    "config_is_interactive_logging_enabled":
        keras.config.is_interactive_logging_enabled,
    "config_is_nnx_enabled": keras.config.is_nnx_enabled,
    "config_is_traceback_filtering_enabled":
        keras.config.is_traceback_filtering_enabled,
    "config_max_epochs": keras.config.max_epochs,
    "config_max_steps_per_epoch": keras.config.max_steps_per_epoch,
}

# setter -> (arguments, getter, the getter's value afterwards)
CONFIG_SETTERS = {
    "config_set_epsilon": ((1e-4,), "config_epsilon", 1e-4),
    "config_set_floatx": (("float64",), "config_floatx", "float64"),
    "config_set_image_data_format": (("channels_first",),
                                     "config_image_data_format",
                                     "channels_first"),
    "config_set_max_epochs": ((3.0,), "config_max_epochs", 3),
    "config_set_max_steps_per_epoch": ((2,), "config_max_steps_per_epoch",
                                       2),
    "config_set_dtype_policy": (("mixed_float16",), "config_dtype_policy",
                                "mixed_float16"),
    "config_disable_flash_attention": (
        (), "config_is_flash_attention_enabled", False),
    "config_enable_flash_attention": (
        (), "config_is_flash_attention_enabled", None),
    "config_disable_interactive_logging": (
        (), "config_is_interactive_logging_enabled", False),
    "config_enable_interactive_logging": (
        (), "config_is_interactive_logging_enabled", True),
    "config_disable_traceback_filtering": (
        (), "config_is_traceback_filtering_enabled", False),
    "config_enable_traceback_filtering": (
        (), "config_is_traceback_filtering_enabled", True),
    "config_enable_unsafe_deserialization": (
        (), None, None),
}
# A setter to call first so that the one tested changes something.
OPPOSITE = {
    "config_enable_flash_attention": "config_disable_flash_attention",
    "config_enable_interactive_logging":
        "config_disable_interactive_logging",
    "config_enable_traceback_filtering":
        "config_disable_traceback_filtering",
}


@pytest.mark.parametrize("name", sorted(CONFIG_GETTERS))
def test_config_getter_returns_kerass_value(name):
    ours = getattr(pykeras3, name)()
    assert ours == CONFIG_GETTERS[name]()
    assert type(ours) is type(CONFIG_GETTERS[name]())


def test_config_getters_known_values():
    # The backend is Keras's default unless the run chose another.
    assert pykeras3.config_backend() == os.environ.get(
        "KERAS_BACKEND", "tensorflow")
    assert pykeras3.config_floatx() == "float32"
    assert pykeras3.config_epsilon() == 1e-7
    assert pykeras3.config_image_data_format() == "channels_last"
    assert pykeras3.config_dtype_policy().name == "float32"
    assert pykeras3.config_is_nnx_enabled() is False


@pytest.mark.parametrize("name", sorted(CONFIG_SETTERS))
def test_config_setter_changes_the_setting(name, keep_config):
    args, getter, expected = CONFIG_SETTERS[name]
    if name in OPPOSITE:
        getattr(pykeras3, OPPOSITE[name])()
    assert getattr(pykeras3, name)(*args) is None
    if getter is None:
        return
    value = getattr(pykeras3, getter)()
    if name == "config_set_dtype_policy":
        value = value.name
    assert value == expected
    assert value == (CONFIG_GETTERS[getter]().name
                     if name == "config_set_dtype_policy"
                     else CONFIG_GETTERS[getter]())


def test_config_floatx_changes_new_tensors_and_layers(keep_config):
    pykeras3.config_set_floatx("float64")
    assert keras.backend.standardize_dtype(
        pykeras3.random_normal(2, seed=1).dtype) == "float64"
    layer = layer_dense(units=2)
    assert layer.dtype == "float64"
    with pytest.raises(ValueError, match="float"):
        pykeras3.config_set_floatx("int32")


def test_config_dtype_policy_mixed_precision(keep_config):
    pykeras3.config_set_dtype_policy("mixed_float16")
    layer = layer_dense(units=2)
    assert layer.compute_dtype == "float16"
    assert layer.variable_dtype == "float32"
    pykeras3.config_set_dtype_policy(keras.DTypePolicy("float32"))
    assert pykeras3.config_dtype_policy().name == "float32"


def test_config_image_data_format_is_read_by_layers(keep_config):
    pykeras3.config_set_image_data_format("channels_first")
    layer = pykeras3.layer_conv_2d(filters=4, kernel_size=3)
    assert layer.data_format == "channels_first"
    with pytest.raises(ValueError, match="data_format"):
        pykeras3.config_set_image_data_format("channels_middle")


def test_config_max_epochs_and_steps_cap_fit(keep_config):
    x, y = np.ones((8, 3), "float32"), np.ones((8, 2), "float32")
    model = compile(dense_model(), loss="mse",
                    optimizer=pykeras3.optimizer_sgd(0.01))
    pykeras3.config_set_max_epochs(2)
    pykeras3.config_set_max_steps_per_epoch(1)
    with pytest.warns(UserWarning):
        history = fit(model, x, y, epochs=10, batch_size=2, verbose=0)
    assert len(history.history["loss"]) == 2
    assert int(model.optimizer.iterations) == 2
    pykeras3.config_set_max_epochs(None)
    pykeras3.config_set_max_steps_per_epoch(None)
    assert pykeras3.config_max_epochs() is None
    assert pykeras3.config_max_steps_per_epoch() is None
    with pytest.raises(ValueError, match="max_epochs"):
        pykeras3.config_set_max_epochs(2.5)
    with pytest.raises(ValueError, match="max_steps_per_epoch"):
        pykeras3.config_set_max_steps_per_epoch(1.5)


def test_config_epsilon_is_used_by_keras(keep_config):
    pykeras3.config_set_epsilon(0.5)
    assert keras.config.epsilon() == 0.5
    # binary cross-entropy clips predictions to [epsilon, 1 - epsilon]
    value = float(keras.losses.binary_crossentropy(
        np.array([1.0]), np.array([0.0])))
    assert value == pytest.approx(-math.log(0.5), rel=1e-5)


def test_config_unsafe_deserialization_allows_lambda_models(
        keep_config, tmp_path):
    global_state.set_global_attribute("safe_mode_saving", None)
    inputs = keras.Input((2,))
    model = keras.Model(inputs, keras.layers.Lambda(lambda t: t * 2)(inputs))
    path = str(tmp_path / "lambda.keras")
    model.save(path)
    with pytest.raises(ValueError, match="safe_mode"):
        keras.saving.load_model(path)
    pykeras3.config_enable_unsafe_deserialization()
    loaded = keras.saving.load_model(path)
    np.testing.assert_allclose(loaded.predict(np.ones((1, 2)), verbose=0),
                               [[2.0, 2.0]])


def test_config_interactive_logging_sends_progress_to_logging(
        keep_config, capsys):
    model = compile(dense_model(), loss="mse")
    pykeras3.config_disable_interactive_logging()
    fit(model, X, Y, epochs=1, verbose=1)
    assert "loss" not in capsys.readouterr().out
    pykeras3.config_enable_interactive_logging()
    fit(model, X, Y, epochs=1, verbose=1)
    assert "loss" in capsys.readouterr().out


BACKEND = keras.config.backend()
# The backend a switch goes to: JAX from TensorFlow, TensorFlow from others.
OTHER_BACKEND = next((name for name in ("jax", "tensorflow", "torch")
                      if name != BACKEND and importlib.util.find_spec(name)),
                     None)
# A Keras backend that is not installed here (for the errors), if any.
MISSING_BACKEND = next((name for name in ("torch", "openvino", "jax")
                        if importlib.util.find_spec(name) is None), None)


def run_fresh(code, tmp_path, **env):
    """Run `code` in a fresh process whose Keras backend is not chosen by
    the environment (`KERAS_BACKEND` unset unless given in `env`), with
    an empty Keras home (no keras.json)."""
    import subprocess
    import sys
    full_env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
    full_env.update(TF_CPP_MIN_LOG_LEVEL="3", KERAS_HOME=str(
        tmp_path / "keras_home"), PYTHONPATH=os.pathsep.join(
            [ROOT] + os.environ.get("PYTHONPATH", "").split(os.pathsep)))
    full_env.update(env)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                          cwd=str(tmp_path), capture_output=True, text=True,
                          timeout=300, env=full_env)


@pytest.mark.slow
@pytest.mark.backends
def test_config_set_backend_in_use_changes_nothing():
    code = textwrap.dedent(f"""
        import sys
        import numpy as np
        import keras
        import pykeras3
        keras_before = sys.modules["keras"]
        model = pykeras3.compile(pykeras3.layer_dense(
            pykeras3.keras_model_sequential(input_shape=2), 1), loss="mse")
        assert pykeras3.config_set_backend({BACKEND!r}) is None
        assert sys.modules["keras"] is keras_before
        assert pykeras3.config_backend() == {BACKEND!r}
        pykeras3.fit(model, np.ones((4, 2)), np.ones((4, 1)), verbose=0)
        print("ok")
    """)
    result = run_python(code, cwd=ROOT, env={"PYTHONPATH": ROOT,
                                             "KERAS_BACKEND": BACKEND})
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")


@pytest.mark.slow
@pytest.mark.backends
def test_config_set_backend_that_cannot_load_leaves_keras_working():
    code = textwrap.dedent(f"""
        import os, sys
        import numpy as np
        import keras
        import pykeras3
        keras_before = sys.modules["keras"]
        try:
            pykeras3.config_set_backend("no_such_backend")
        except ValueError as err:
            print("error:", err)
        else:
            raise SystemExit("no error")
        import keras
        assert keras is keras_before, "Keras was left half reloaded"
        assert os.environ.get("KERAS_BACKEND") == {BACKEND!r}
        assert pykeras3.config_backend() == {BACKEND!r}
        layer = pykeras3.layer_dense(units=1)
        assert isinstance(layer, keras.layers.Layer)
        print("ok")
    """)
    result = run_python(code, cwd=ROOT, env={"PYTHONPATH": ROOT,
                                             "KERAS_BACKEND": BACKEND})
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    error = next(line for line in result.stdout.splitlines()
                 if line.startswith("error:"))
    # Names the function, what it received, and the backends there are.
    assert "config_set_backend()" in error
    assert "backend='no_such_backend'" in error
    assert "'jax'" in error and "'tensorflow'" in error
    assert result.stdout.strip().endswith("ok")
    with pytest.raises(TypeError, match="backend"):
        pykeras3.config_set_backend(None)


# In a child process: make `import tensorflow` fail, as where TensorFlow is
# not installed, and note which file asked for it (the frame below the
# import machinery, pykeras3's quiet loader of TensorFlow included).
NO_TENSORFLOW = """
    import importlib.abc, sys, traceback
    asked_by = set()

    class NoTensorFlow(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] != "tensorflow":
                return None
            frames = [f.filename for f in traceback.extract_stack()[:-1]
                      if "importlib" not in f.filename
                      and not f.filename.endswith("_startup.py")]
            asked_by.add(frames[-1])
            raise ModuleNotFoundError(f"No module named {name!r}")

    sys.meta_path.insert(0, NoTensorFlow())
"""


@pytest.mark.slow
@pytest.mark.backends
@pytest.mark.skipif(importlib.util.find_spec("jax") is None,
                    reason="JAX is not installed (pip install '.[jax]')")
def test_config_set_backend_before_keras_loads_uses_only_that_backend(
        tmp_path):
    # keras3 R's use_backend("jax"): chosen first, Keras then loads with
    # JAX alone. Training does not import TensorFlow; Keras's saving code
    # looks for it where it is installed (to recognise its objects), so
    # the round trip (fit with a checkpoint, save, load) runs again as if
    # TensorFlow were not installed, and pykeras3 itself never asks for it.
    code = textwrap.dedent("""
        import os, sys
        import numpy as np
        import pykeras3
        assert "keras" not in sys.modules
        assert pykeras3.config_set_backend("jax") is None
        assert pykeras3.config_backend() == "jax"
        assert os.environ["KERAS_BACKEND"] == "jax"
        from pykeras3 import (callback_model_checkpoint, compile, evaluate,
                              fit, keras_model_sequential, layer_dense,
                              load_model, predict, save_model)
        model = compile(layer_dense(keras_model_sequential(input_shape=3),
                                    units=2), optimizer="adam", loss="mse")
        x, y = np.ones((8, 3), "float32"), np.zeros((8, 2), "float32")
        fit(model, x, y, epochs=2, verbose=0)
        evaluate(model, x, y, verbose=0)
        print("tensorflow loaded:", "tensorflow" in sys.modules)
    """) + textwrap.dedent(NO_TENSORFLOW) + textwrap.dedent("""
        fit(model, x, y, epochs=2, verbose=0,
            callbacks=[callback_model_checkpoint("ckpt/e{epoch}.keras")])
        save_model(model, "m.keras")
        loaded = load_model("m.keras")
        assert np.allclose(predict(loaded, x, verbose=0),
                           predict(model, x, verbose=0))
        assert np.allclose(predict(load_model("ckpt/e2.keras"), x,
                                   verbose=0), predict(model, x, verbose=0))
        saved = sorted(f for f in os.listdir("ckpt") if f[0] != ".")
        assert saved == ["e1.keras", "e2.keras"], saved
        assert type(loaded.layers[0].kernel.value).__module__.startswith(
            "jax"), type(loaded.layers[0].kernel.value)
        root = os.path.dirname(pykeras3.__file__)
        print("asked by pykeras3:",
              sorted(f for f in asked_by if f.startswith(root)))
        print("tensorflow loaded:", "tensorflow" in sys.modules)
    """)
    result = run_fresh(code, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert result.stdout.splitlines() == [
        "tensorflow loaded: False", "asked by pykeras3: []",
        "tensorflow loaded: False"], result.stdout


@pytest.mark.slow
@pytest.mark.backends
@pytest.mark.skipif(MISSING_BACKEND is None,
                    reason="every Keras backend is installed")
def test_config_set_backend_before_keras_loads_fails_cleanly(tmp_path):
    # A backend that is not installed: the error says so, and Keras is
    # still not loaded, so another choice can follow.
    code = f"""
        import os, sys
        import pykeras3
        try:
            pykeras3.config_set_backend({MISSING_BACKEND!r})
        except ImportError as err:
            print("error:", err)
        else:
            raise SystemExit("no error")
        assert "keras" not in sys.modules, "Keras left half loaded"
        assert "KERAS_BACKEND" not in os.environ
        pykeras3.config_set_backend({BACKEND!r})
        assert pykeras3.config_backend() == {BACKEND!r}
        print("ok")
    """
    result = run_fresh(code, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert f"backend={MISSING_BACKEND!r}" in result.stdout
    assert f"pip install {MISSING_BACKEND}" in result.stdout
    assert result.stdout.strip().endswith("ok")


@pytest.mark.slow
@pytest.mark.backends
@pytest.mark.skipif(OTHER_BACKEND is None,
                    reason="no second Keras backend installed")
def test_config_set_backend_switches_pykeras3_too(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        import numpy as np
        import keras
        import pykeras3
        keras_before = sys.modules["keras"]
        assert pykeras3.config_backend() == {BACKEND!r}
        pykeras3.config_set_backend({OTHER_BACKEND!r})
        import keras
        from pykeras3 import (callback_model_checkpoint, compile, fit,
                              keras_model_sequential, layer_dense, op_ones)
        assert keras is not keras_before
        assert pykeras3.config_backend() == {OTHER_BACKEND!r}
        assert isinstance(layer_dense(units=1), keras.layers.Dense)
        assert isinstance(pykeras3.optimizer_sgd(), keras.optimizers.SGD)
        mixed = keras.Sequential([keras.Input((3,)), layer_dense(units=2)])
        assert mixed.predict(np.ones((1, 3)), verbose=0).shape == (1, 2)
        model = compile(layer_dense(keras_model_sequential(input_shape=3),
                                    2), optimizer=pykeras3.optimizer_sgd(),
                        loss="mse")
        assert isinstance(model, keras.Model), type(model)
        fit(model, np.ones((4, 3)), np.ones((4, 2)), verbose=0,
            callbacks=[callback_model_checkpoint("ckpt/m.keras")])
        print(type(op_ones(2)).__module__)
    """)
    result = run_python(code, cwd=str(tmp_path),
                        env={"KERAS_BACKEND": BACKEND,
                             "PYTHONPATH": os.pathsep.join(
                                 [ROOT] + os.environ.get(
                                     "PYTHONPATH", "").split(os.pathsep))})
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    # The tensors are the new backend's.
    assert result.stdout.strip().split(".")[0] == {
        "tensorflow": "tensorflow", "jax": "jaxlib",
        "torch": "torch"}.get(OTHER_BACKEND, OTHER_BACKEND), result.stdout


# --------------------------------------------------------------------------
# Every function of these families has a sample

FAMILIES = ("optimizers", "learning rate schedules", "initializers",
            "regularizers", "constraints", "random", "config")
# Functions tested by hand-written tests only.
HAND_TESTED = {
    "random_categorical":
        test_random_categorical_returns_0_based_class_indices,
    "random_dropout":
        test_random_dropout_zeroes_a_fraction_and_scales_the_rest,
    "random_shuffle": test_random_shuffle_permutes_along_an_axis,
    "random_seed_generator":
        test_random_seed_generator_is_a_keras_seed_generator,
    "config_set_backend": test_config_set_backend_in_use_changes_nothing,
}
SAMPLED = (set(OPTIMIZERS) | set(SCHEDULES) | set(INITIALIZERS)
           | set(REGULARIZERS) | set(CONSTRAINTS) | set(RANDOM)
           | set(CONFIG_GETTERS) | set(CONFIG_SETTERS) | set(HAND_TESTED))


@pytest.mark.introspection
def test_every_function_of_these_families_has_a_sample():
    exported = {name for family in FAMILIES
                for name in pykeras3.FAMILIES[family]}
    assert exported, "no functions found"
    missing = exported - SAMPLED
    assert not missing, f"no sample in tests/test_constructors.py: " \
                        f"{sorted(missing)}"
    assert not SAMPLED - exported, "samples of functions that do not exist"
