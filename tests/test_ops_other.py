"""Core, nn, math, linear algebra and image ops (issue 7).

Every generated function of these families is called on real Keras
through the sample table SAMPLES, and its result is compared with a NumPy
(or standard library) reference where one is easy to write, and always
with Keras's own function called directly.  Hand-written tests cover what
a learner coming from R must know: indices are 0-based, control flow takes
Python functions, `op_subset`/`op_subset_set` index as Python does, and bad
integers or axes fail early with the argument named.
"""

import colorsys
import inspect
import math
import os
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf

import pykeras3
from pykeras3 import (
    keras_input, op_associative_scan, op_cast, op_cond, op_convert_to_array,
    op_convert_to_numpy, op_convert_to_tensor, op_custom_gradient, op_eig,
    op_eigh, op_fori_loop, op_image_affine_transform,
    op_image_elastic_transform, op_image_gaussian_blur,
    op_image_map_coordinates, op_image_pad, op_image_perspective_transform,
    op_image_resize, op_in_top_k, op_is_tensor, op_lu_factor, op_map,
    op_multi_hot, op_norm, op_one_hot, op_qr, op_rearrange, op_scan,
    op_searchsorted, op_segment_max, op_segment_sum, op_shape, op_softmax,
    op_sparsemax, op_stop_gradient, op_subset, op_subset_set, op_svd,
    op_switch, op_top_k, op_unravel_index, op_unstack, op_vectorized_map,
    op_while_loop)
from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import generate  # noqa: E402

FAMILIES = ("core ops", "nn ops", "math ops", "linear algebra ops",
            "image ops")
# Written by hand (pykeras3/ops/subset.py), tested by hand below.
HAND_WRITTEN = {"op_subset", "op_subset_set"}
PLANS = {plan.name: plan for plan in generate.plan_all()[0]
         if plan.family in FAMILIES}


def f32(value):
    return np.asarray(value, dtype="float32")


def numpy(value):
    return np.asarray(keras.ops.convert_to_numpy(value))


class Sample:
    """One call: `fn(*args, **kwargs)`.  `ref` is the expected result
    (NumPy values, or a tuple/list of them for several results), or None
    where only Keras itself is the reference; `post` turns the result into
    what `ref` describes (e.g. a reconstruction from a decomposition)."""

    def __init__(self, *args, ref=None, post=None, tol=1e-5, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.ref, self.post, self.tol = ref, post, tol


def assert_close(actual, expected, tol=1e-5):
    """Compare a result with its reference: structures element by element,
    strings exactly, integer and boolean arrays exactly (dtype kind too),
    floats within `tol`."""
    if isinstance(expected, (tuple, list)) and isinstance(actual,
                                                          (tuple, list)):
        assert len(actual) == len(expected)
        for a, e in zip(actual, expected):
            assert_close(a, e, tol)
        return
    if isinstance(expected, str):
        assert actual == expected
        return
    expected = np.asarray(expected)
    actual = numpy(actual)
    assert actual.shape == expected.shape, (actual.shape, expected.shape)
    if expected.dtype.kind in "biu":
        assert actual.dtype.kind == expected.dtype.kind, actual.dtype
        np.testing.assert_array_equal(actual, expected)
    else:
        np.testing.assert_allclose(actual, expected, rtol=tol, atol=tol)


# ----------------------------------------------------------------------
# Inputs and NumPy references

RNG = np.random.default_rng(0)
V = f32([-2.0, -0.5, 0.0, 0.5, 2.0])          # a vector for activations
M = f32([[1.0, 2.0], [3.0, 4.0]])              # a small matrix
SPD = f32([[4.0, 2.0], [2.0, 3.0]])            # symmetric positive definite
IMG = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
RGB = f32([[[[1, 0, 0], [0, 1, 0]], [[0.2, 0.4, 0.6], [0.5, 0.5, 0.5]]]])
SIGNAL = np.sin(np.arange(32) / 3).astype("float32")
LOGITS = f32([[0.1, 0.5, 0.2], [1.0, -1.0, 0.3]])
PROBS = f32([[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]])
Q = RNG.normal(size=(1, 3, 2, 4)).astype("float32")  # (batch, T, heads, H)
X1 = f32([[1, 2, 3, 4, 5]])[..., None]         # (batch, steps, channels)
XD = np.stack([f32([1, 2, 3, 4]), f32([0, 1, 0, 1])], -1)[None]
KD = np.stack([f32([1, 1]), f32([1, -1])], -1)[:, :, None]
A3 = f32([[0.1, 1.1, 0.1], [0.1, 0.1, 3.1], [2.1, 0.1, 0.1]])


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def erf(x):
    return np.vectorize(math.erf)(x)


def add(a, b):
    return a + b


def subtract(a, b):
    return a - b


def attention(q, k, v):
    scores = np.einsum("btnh,bsnh->bnts", q, k) / np.sqrt(q.shape[-1])
    return np.einsum("bnts,bsnh->btnh", softmax(scores), v)


def ctc_two_steps(logits, label):
    """-log p(label) for one label over two time steps (blank 0)."""
    p = softmax(logits)
    return -np.log(p[0, label] * p[1, label] + p[0, 0] * p[1, label]
                   + p[0, label] * p[1, 0])


def rfft_tuple(x, axes=None, inverse=False):
    out = (np.fft.ifft2 if inverse else np.fft.fft2 if axes else
           np.fft.fft)(x)
    return (out.real, out.imag)


def lu_rebuild(result):
    lu, perm = (numpy(t) for t in result)
    n = lu.shape[-1]
    lower, upper = np.tril(lu, -1) + np.eye(n), np.triu(lu)
    return (lower @ upper)[perm]


def patches(img, size):
    h, w = img.shape[1] // size, img.shape[2] // size
    return img.reshape(1, h, size, w, size, 1).transpose(
        0, 1, 3, 2, 4, 5).reshape(1, h, w, size * size)


def hsv(rgb):
    return np.asarray([colorsys.rgb_to_hsv(*p) for p in rgb.reshape(-1, 3)],
                      dtype="float32").reshape(rgb.shape)


def rgb(hsv_image):
    return np.asarray([colorsys.hsv_to_rgb(*p)
                       for p in hsv_image.reshape(-1, 3)],
                      dtype="float32").reshape(hsv_image.shape)


STFT = keras.ops.stft(SIGNAL, 8, 4, 8)
RFFT = np.fft.rfft([1.0, 2.0, 3.0, 4.0])


def square_with_gradient_ten(x):
    """x * x, with 10 * upstream as its gradient (for op_custom_gradient)."""
    def grad(*args, upstream=None):
        if upstream is None:
            (upstream,) = args
        return upstream * 10.0
    return x * x, grad


def frames_rfft(signal, length, stride):
    frames = np.stack([signal[i:i + length] for i in
                       range(0, len(signal) - length + 1, stride)])
    out = np.fft.rfft(frames)
    return (out.real, out.imag)


SAMPLES = {
    # core ops ---------------------------------------------------------
    "op_associative_scan": Sample(add, f32([1, 2, 3, 4]),
                                  ref=f32([1, 3, 6, 10])),
    "op_cast": Sample(f32([1.7, -1.2, 2.5]), "int32",
                      ref=np.array([1, -1, 2], dtype="int32")),
    "op_cond": Sample(True, lambda: f32(1), lambda: f32(2), ref=1.0),
    "op_convert_to_array": Sample(keras.ops.ones((2,)), ref=[1.0, 1.0]),
    "op_convert_to_numpy": Sample(keras.ops.ones((2,)), ref=[1.0, 1.0]),
    "op_convert_to_tensor": Sample([1, 2, 3], dtype="float32",
                                   ref=[1.0, 2.0, 3.0]),
    "op_custom_gradient": Sample(square_with_gradient_ten,
                                 post=lambda h: h(f32(3.0)), ref=9.0),
    "op_dtype": Sample(f32([1]), ref="float32"),
    "op_fori_loop": Sample(0, 5, lambda i, v: v + i, 0, ref=np.int32(10)),
    "op_is_tensor": Sample(np.ones(2), ref=np.bool_(False)),
    "op_map": Sample(f32([0, 1, 2]), lambda v: v * 2, ref=[0.0, 2.0, 4.0]),
    "op_rearrange": Sample(np.arange(6).reshape(2, 3), "a b -> b a",
                           ref=np.arange(6).reshape(2, 3).T),
    "op_scan": Sample(lambda c, v: (c + v, c), f32(0), f32([1, 2, 3]),
                      ref=(6.0, [0.0, 1.0, 3.0])),
    "op_scatter": Sample(np.array([[0], [2]]), f32([1, 2]), (4,),
                         ref=[1.0, 0.0, 2.0, 0.0]),
    "op_scatter_update": Sample(np.zeros(4, "float32"),
                                np.array([[1], [3]]), f32([5, 6]),
                                ref=[0.0, 5.0, 0.0, 6.0]),
    "op_searchsorted": Sample(f32([1, 3, 5, 7]), f32([0, 3, 6, 8]),
                              ref=np.searchsorted([1, 3, 5, 7],
                                                  [0, 3, 6, 8])),
    "op_shape": Sample(np.zeros((2, 3)), ref=(2, 3)),
    "op_slice": Sample(np.arange(12).reshape(3, 4), (1, 0), (2, 2),
                       ref=np.arange(12).reshape(3, 4)[1:3, 0:2]),
    "op_slice_update": Sample(np.zeros((3, 3), "float32"), (1, 1),
                              np.ones((2, 2), "float32"),
                              ref=np.pad(np.ones((2, 2)), ((1, 0), (1, 0)))),
    "op_stop_gradient": Sample(f32([1, 2]), ref=[1.0, 2.0]),
    "op_switch": Sample(1, [add, subtract], f32(2), f32(0.5), ref=1.5),
    "op_unstack": Sample(np.arange(6).reshape(2, 3), axis=1,
                         ref=list(np.arange(6).reshape(2, 3).T)),
    "op_vectorized_map": Sample(f32([[0, 1], [2, 3], [4, 5]]),
                                lambda row: keras.ops.sum(row),
                                ref=[1.0, 5.0, 9.0]),
    "op_while_loop": Sample(lambda i, s: i < 4, lambda i, s: (i + 1, s + i),
                            (0, 0), ref=(np.int32(4), np.int32(6))),

    # nn ops -----------------------------------------------------------
    "op_average_pool": Sample(IMG, 2, ref=IMG.reshape(1, 2, 2, 2, 2, 1)
                              .mean(axis=(2, 4))),
    "op_batch_normalization": Sample(
        M, f32([2, 3]), f32([1, 1]), axis=-1, offset=f32([0, 1]),
        scale=f32([2, 2]), ref=(M - [2, 3]) / np.sqrt(1 + 1e-3) * 2 + [0, 1]),
    "op_binary_crossentropy": Sample(f32([1, 0]), f32([0.9, 0.2]),
                                     ref=-np.log([0.9, 0.8])),
    "op_categorical_crossentropy": Sample(
        f32([[0, 1, 0], [1, 0, 0]]), PROBS, ref=-np.log([0.7, 0.5])),
    "op_celu": Sample(V, alpha=2.0,
                      ref=np.where(V > 0, V, 2 * (np.exp(V / 2) - 1))),
    "op_conv": Sample(X1, f32([1, 0, -1])[:, None, None],
                      ref=np.correlate([1, 2, 3, 4, 5], [1, 0, -1])
                      .reshape(1, 3, 1).astype("float32")),
    "op_conv_transpose": Sample(
        f32([[1, 1, 0, 2]])[..., None], f32([1, 2, 3])[:, None, None],
        ref=np.convolve([1, 1, 0, 2], [1, 2, 3]).reshape(1, 6, 1)
        .astype("float32")),
    "op_ctc_loss": Sample(np.array([[1]]), LOGITS[None], np.array([1]),
                          np.array([2]), ref=[ctc_two_steps(LOGITS, 1)]),
    "op_depthwise_conv": Sample(XD, KD, ref=np.stack(
        [np.correlate(XD[0, :, 0], [1, 1]),
         np.correlate(XD[0, :, 1], [1, -1])], -1)[None]),
    "op_dot_product_attention": Sample(Q, Q, Q, ref=attention(Q, Q, Q),
                                       tol=1e-5),
    "op_elu": Sample(V, ref=np.where(V > 0, V, np.exp(V) - 1)),
    "op_gelu": Sample(V, approximate=False,
                      ref=V * (1 + erf(V / np.sqrt(2))) / 2),
    "op_glu": Sample(f32([-1, 0, 1, 1]), ref=[-1 * sigmoid(1), 0.0]),
    "op_hard_shrink": Sample(V, ref=np.where(np.abs(V) > 0.5, V, 0)),
    "op_hard_sigmoid": Sample(V, ref=np.clip(V / 6 + 0.5, 0, 1)),
    "op_hard_silu": Sample(V, ref=V * np.clip(V / 6 + 0.5, 0, 1)),
    "op_hard_swish": Sample(V, ref=V * np.clip(V / 6 + 0.5, 0, 1)),
    "op_hard_tanh": Sample(V, ref=np.clip(V, -1, 1)),
    "op_layer_normalization": Sample(
        M, ref=(M - M.mean(-1, keepdims=True))
        / M.std(-1, keepdims=True), tol=1e-4),
    "op_leaky_relu": Sample(V, ref=np.where(V > 0, V, 0.2 * V)),
    "op_log_sigmoid": Sample(V, ref=np.log(sigmoid(V))),
    "op_log_softmax": Sample(LOGITS, ref=np.log(softmax(LOGITS))),
    "op_max_pool": Sample(IMG, 2, ref=IMG.reshape(1, 2, 2, 2, 2, 1)
                          .max(axis=(2, 4))),
    "op_moments": Sample(M, axes=0, ref=(M.mean(0), M.var(0))),
    "op_multi_hot": Sample(np.array([[0, 2], [1, 1]]), 3,
                           ref=[[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]),
    "op_normalize": Sample(f32([[3, 4], [1, 0]]),
                           ref=[[0.6, 0.8], [1.0, 0.0]]),
    "op_one_hot": Sample(np.array([0, 2, 1]), 3,
                         ref=np.eye(3, dtype="float32")[[0, 2, 1]]),
    "op_polar": Sample(f32([1, 2]), f32([0, np.pi / 2]),
                       ref=np.array([1, 2j]), tol=1e-6),
    "op_psnr": Sample(f32([0, 0.5, 1]), f32([0, 0.5, 0.9]), 1.0,
                      ref=-10 * np.log10(0.01 / 3)),
    "op_relu": Sample(V, ref=np.maximum(V, 0)),
    "op_relu6": Sample(V * 4, ref=np.clip(V * 4, 0, 6)),
    "op_rms_normalization": Sample(
        M, ref=M / np.sqrt((M ** 2).mean(-1, keepdims=True)), tol=1e-4),
    "op_selu": Sample(V, ref=1.0507009873554805 * np.where(
        V > 0, V, 1.6732632423543772 * (np.exp(V) - 1))),
    "op_separable_conv": Sample(XD, KD, f32([[1], [1]])[None], ref=np.sum(
        [np.correlate(XD[0, :, 0], [1, 1]),
         np.correlate(XD[0, :, 1], [1, -1])], 0).reshape(1, 3, 1)),
    "op_sigmoid": Sample(V, ref=sigmoid(V)),
    "op_silu": Sample(V, ref=V * sigmoid(V)),
    "op_soft_shrink": Sample(V, ref=np.sign(V) * np.maximum(
        np.abs(V) - 0.5, 0)),
    "op_softmax": Sample(LOGITS, ref=softmax(LOGITS)),
    "op_softplus": Sample(V, ref=np.log1p(np.exp(V))),
    "op_softsign": Sample(V, ref=V / (1 + np.abs(V))),
    "op_sparse_categorical_crossentropy": Sample(
        np.array([1, 0]), PROBS, ref=-np.log([0.7, 0.5])),
    "op_sparse_plus": Sample(V, ref=np.where(
        V <= -1, 0, np.where(V >= 1, V, (V + 1) ** 2 / 4))),
    "op_sparse_sigmoid": Sample(V, ref=np.clip((V + 1) / 2, 0, 1)),
    # One value in the support: see the known Keras bug below.
    "op_sparsemax": Sample(f32([0.1, 0.2, 1.5]), ref=[0.0, 0.0, 1.0]),
    "op_squareplus": Sample(V, b=4, ref=(V + np.sqrt(V ** 2 + 4)) / 2),
    "op_tanh_shrink": Sample(V, ref=V - np.tanh(V)),
    "op_threshold": Sample(V, 0.0, -9.0, ref=np.where(V > 0, V, -9.0)),
    "op_unravel_index": Sample(np.array([5, 7]), (3, 3),
                               ref=tuple(np.array(i, dtype="int32") for i in
                                         np.unravel_index([5, 7], (3, 3)))),

    # math ops ---------------------------------------------------------
    "op_erf": Sample(V, ref=erf(V)),
    "op_erfinv": Sample(f32([-0.9, 0.0, 0.5]),
                        ref=[-1.1630871536766743, 0.0, 0.4769362762044699]),
    "op_extract_sequences": Sample(f32([1, 2, 3, 4, 5, 6]), 3, 2,
                                   ref=[[1.0, 2.0, 3.0], [3.0, 4.0, 5.0]]),
    "op_fft": Sample((f32([1, 2, 3, 4]), f32([0, 1, 0, 0])),
                     ref=rfft_tuple(np.array([1, 2 + 1j, 3, 4])), tol=1e-4),
    "op_fft2": Sample((M, np.zeros_like(M)), ref=rfft_tuple(M, axes=2),
                      tol=1e-4),
    "op_ifft2": Sample((M, np.zeros_like(M)),
                       ref=rfft_tuple(M, axes=2, inverse=True), tol=1e-4),
    "op_in_top_k": Sample(np.array([1, 2]), PROBS, 1,
                          ref=np.array([True, False])),
    "op_irfft": Sample((f32(RFFT.real), f32(RFFT.imag)), fft_length=4,
                       ref=[1.0, 2.0, 3.0, 4.0], tol=1e-4),
    "op_istft": Sample(STFT, 8, 4, 8, length=32, ref=SIGNAL, tol=1e-4),
    "op_logsumexp": Sample(LOGITS, axis=1,
                           ref=np.log(np.exp(LOGITS).sum(axis=1))),
    "op_qr": Sample(f32([[1, 2], [3, 4], [5, 6]]),
                    post=lambda qr: numpy(qr[0]) @ numpy(qr[1]),
                    ref=f32([[1, 2], [3, 4], [5, 6]]), tol=1e-4),
    "op_rfft": Sample(f32([1, 2, 3, 4]), ref=(RFFT.real, RFFT.imag),
                      tol=1e-4),
    "op_rsqrt": Sample(f32([4, 0.25]), ref=[0.5, 2.0]),
    "op_segment_max": Sample(f32([1, 5, 3, 4, 2]), np.array([0, 0, 1, 2, 2]),
                             num_segments=3, ref=[5.0, 3.0, 4.0]),
    "op_segment_sum": Sample(f32([1, 5, 3, 4, 2]), np.array([0, 0, 1, 2, 2]),
                             num_segments=3, ref=[6.0, 3.0, 6.0]),
    "op_solve": Sample(SPD, f32([[1], [2]]),
                       ref=np.linalg.solve(SPD, [[1], [2]]), tol=1e-5),
    "op_stft": Sample(SIGNAL, 8, 4, 8, window=None, center=False,
                      ref=frames_rfft(SIGNAL, 8, 4), tol=1e-4),
    "op_top_k": Sample(f32([1, 5, 3, 4]), 2,
                       ref=(f32([5, 4]), np.array([1, 3], dtype="int32"))),

    # linear algebra ops -----------------------------------------------
    "op_cholesky": Sample(SPD, ref=np.linalg.cholesky(SPD)),
    "op_det": Sample(M, ref=np.linalg.det(M), tol=1e-5),
    "op_eig": Sample(SPD, post=lambda r: np.sort(numpy(r[0]).real),
                     ref=np.sort(np.linalg.eigvals(SPD).real)),
    "op_eigh": Sample(SPD, post=lambda r: r[0],
                      ref=np.linalg.eigh(SPD)[0]),
    "op_inv": Sample(M, ref=np.linalg.inv(M), tol=1e-5),
    "op_lstsq": Sample(f32([[1, 0], [1, 1], [1, 2]]), f32([1, 2, 4]),
                       ref=np.linalg.lstsq([[1, 0], [1, 1], [1, 2]],
                                           [1, 2, 4], rcond=None)[0],
                       tol=1e-5),
    "op_lu_factor": Sample(A3, post=lu_rebuild, ref=A3),
    "op_norm": Sample(M, ref=np.linalg.norm(M)),
    "op_slogdet": Sample(M, ref=tuple(np.linalg.slogdet(M))),
    "op_solve_triangular": Sample(f32([[2, 0], [1, 1]]), f32([2, 3]),
                                  lower=True, ref=[1.0, 2.0]),
    "op_svd": Sample(f32([[1, 2], [3, 4], [5, 6]]), full_matrices=False,
                     post=lambda r: numpy(r[0]) @ np.diag(numpy(r[1]))
                     @ numpy(r[2]),
                     ref=f32([[1, 2], [3, 4], [5, 6]]), tol=1e-4),

    # image ops --------------------------------------------------------
    "op_image_affine_transform": Sample(
        IMG, f32([1, 0, 1, 0, 1, 0, 0, 0]), interpolation="nearest",
        fill_value=-1.5, ref=np.concatenate(
            [IMG[:, :, 1:], np.full((1, 4, 1, 1), -1.5, "float32")], 2)),
    "op_image_crop": Sample(IMG, top_cropping=1, left_cropping=1,
                            target_height=2, target_width=2,
                            ref=IMG[:, 1:3, 1:3]),
    "op_image_elastic_transform": Sample(IMG, seed=3),
    "op_image_extract_patches": Sample(IMG, 2, ref=patches(IMG, 2)),
    "op_image_gaussian_blur": Sample(IMG, kernel_size=(3, 3),
                                     sigma=(1.0, 1.0)),
    "op_image_hsv_to_rgb": Sample(hsv(RGB), ref=RGB, tol=1e-5),
    "op_image_map_coordinates": Sample(
        IMG[0, :, :, 0], f32([[0, 1, 3, 0.5], [0, 2, 5, 0]]), 1,
        ref=[0.0, 6.0, 0.0, 2.0]),
    "op_image_pad": Sample(IMG, top_padding=1, left_padding=2,
                           target_height=6, target_width=7,
                           ref=np.pad(IMG, ((0, 0), (1, 1), (2, 1), (0, 0)))),
    "op_image_perspective_transform": Sample(
        IMG, f32([[0, 0], [3, 0], [0, 3], [3, 3]]),
        f32([[1, 0], [4, 0], [1, 3], [4, 3]]), interpolation="nearest",
        ref=np.concatenate([np.zeros((1, 4, 1, 1), "float32"),
                            IMG[:, :, :3]], 2)),
    "op_image_resize": Sample(IMG, (2, 2), interpolation="nearest",
                              ref=IMG[:, 1::2, 1::2]),
    "op_image_rgb_to_grayscale": Sample(
        RGB, ref=(RGB @ f32([0.2989, 0.5870, 0.1140]))[..., None]),
    "op_image_rgb_to_hsv": Sample(RGB, ref=hsv(RGB), tol=1e-5),
}

NAMES = sorted(SAMPLES)
WITH_REFERENCE = sorted(name for name, s in SAMPLES.items()
                        if s.ref is not None)


def call(name, sample):
    return getattr(pykeras3, name)(*sample.args, **sample.kwargs)


def call_keras(name, sample):
    """The same call made on the wrapped Keras function directly, each
    argument under Keras's name for it."""
    plan = PLANS[name]
    fn = generate.resolve(plan.tether)
    ours = getattr(pykeras3, name)
    bound = inspect.signature(ours).bind(*sample.args, **sample.kwargs)
    positional, keywords = [], {}
    for param in plan.params:
        if param.name not in bound.arguments:
            continue
        value = bound.arguments[param.name]
        if param.kind == "varargs":
            positional += [keywords.pop(p.keras) for p in plan.params
                           if p.kind == "pos"] + list(value)
        elif param.kind == "varkw":
            keywords.update(value)
        else:
            keywords[param.keras] = value
    return fn(*positional, **keywords)


def test_every_function_of_the_families_has_a_sample():
    """The table cannot fall behind the registry (nor list strangers)."""
    registered = {name for family in FAMILIES
                  for name in pykeras3.FAMILIES[family]}
    assert registered - HAND_WRITTEN - set(SAMPLES) == set()
    assert set(SAMPLES) - registered == set()
    assert set(SAMPLES) == set(PLANS)
    assert len(SAMPLES) >= 110


@pytest.mark.parametrize("name", WITH_REFERENCE)
def test_op_matches_its_numpy_reference(name):
    sample = SAMPLES[name]
    result = call(name, sample)
    if sample.post is not None:
        result = sample.post(result)
    assert_close(result, sample.ref, sample.tol)


def as_reference(value):
    """A result of Keras itself, as a reference for `assert_close`."""
    if isinstance(value, (tuple, list)):
        return [as_reference(v) for v in value]
    return value if isinstance(value, str) else numpy(value)


@pytest.mark.parametrize("name", NAMES)
def test_op_matches_keras_called_directly(name):
    sample = SAMPLES[name]
    ours, theirs = call(name, sample), call_keras(name, sample)
    if sample.post is not None:
        ours, theirs = sample.post(ours), sample.post(theirs)
    assert_close(ours, as_reference(theirs), 1e-6)

def test_keras_comparison_passes_arguments_under_kerass_names():
    """op_vectorized_map(elements, f) and op_map(xs, f) put the data first,
    as keras3 does, while Keras takes the function first."""
    rows = f32([[1, 2], [3, 4]])
    assert_close(op_vectorized_map(rows, lambda r: r * 2), rows * 2)
    assert_close(op_map(rows, lambda r: r * 2), rows * 2)


# ----------------------------------------------------------------------
# Indices and positions are 0-based, exactly as NumPy's

def test_top_k_positions_are_numpys_0_based_argsort():
    x = RNG.permutation(12).astype("float32").reshape(3, 4)
    values, indices = op_top_k(x, 2)
    expected = np.argsort(-x, axis=-1)[:, :2]
    assert_close(indices, expected.astype("int32"))
    assert_close(values, np.take_along_axis(x, expected, -1))
    assert_close(op_top_k(x, 1.0).indices, expected[:, :1].astype("int32"))


def test_in_top_k_takes_0_based_labels():
    scores = f32([[0.1, 0.6, 0.3], [0.5, 0.2, 0.3], [0.2, 0.3, 0.5]])
    targets = np.array([0, 0, 2])
    expected = [t in np.argsort(-s)[:2] for t, s in zip(targets, scores)]
    assert_close(op_in_top_k(targets, scores, 2), np.array(expected))
    assert_close(op_in_top_k(targets, scores, 1),
                 np.array([False, True, True]))
    # a tie with the k-th highest score counts as in the top k
    tied = f32([[0.5, 0.5, 0.1]] * 3)
    assert_close(op_in_top_k(np.array([0, 1, 2]), tied, 1),
                 np.array([True, True, False]))


def test_one_hot_of_labels_0_to_n_minus_1_is_the_identity():
    assert_close(op_one_hot(np.arange(4), 4), np.eye(4, dtype="float32"))
    # n itself is out of range (R's 1-based n would be the last class)
    assert_close(op_one_hot(np.array([4]), 4), np.zeros((1, 4), "float32"))
    assert_close(op_one_hot(np.array([0, 1]), 3, axis=0),
                 np.eye(3, dtype="float32")[:, :2])
    assert_close(op_one_hot(np.array([1]), 2, dtype="int32"),
                 np.array([[0, 1]], dtype="int32"))


def test_multi_hot_takes_0_based_labels():
    labels = np.array([[0, 3], [2, 2]])
    expected = np.zeros((2, 4), "float32")
    for row, labs in enumerate(labels):
        expected[row, labs] = 1
    assert_close(op_multi_hot(labels, num_classes=4), expected)


@pytest.mark.parametrize("indices, shape", [
    (5, (3, 3)), (np.array([0, 7, 23]), (2, 3, 4)), (np.array([3]), (4,))])
def test_unravel_index_matches_numpy(indices, shape):
    expected = np.unravel_index(indices, shape)
    result = op_unravel_index(indices, shape)
    assert len(result) == len(shape)
    for got, want in zip(result, expected):
        np.testing.assert_array_equal(numpy(got), want)


@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted_matches_numpy(side):
    sequence = np.sort(RNG.integers(0, 10, 8)).astype("float32")
    values = f32([-1, 0, 3, 3.5, 9, 12])
    assert_close(op_searchsorted(sequence, values, side=side),
                 np.searchsorted(sequence, values, side=side)
                 .astype("int32"))


def test_segment_ops_take_0_based_ids_and_match_numpy():
    data = f32([[1, 2], [3, 4], [5, 6], [7, 8]])
    ids = np.array([0, 0, 1, 3])          # segment 2 is empty
    sums = np.zeros((4, 2), "float32")
    np.add.at(sums, ids, data)
    assert_close(op_segment_sum(data, ids, num_segments=4), sums)
    maxima = op_segment_max(data, ids, num_segments=4)
    assert_close(maxima[:2], f32([[3, 4], [5, 6]]))
    assert_close(maxima[3], f32([7, 8]))
    assert np.all(numpy(maxima[2]) == np.finfo("float32").min)
    # sorted ids without num_segments: the largest id + 1 segments
    assert_close(op_segment_sum(data, ids, sorted=True), sums)
    # unsorted ids without num_segments: with TensorFlow, Keras counts the
    # distinct ids (3 here), so an unused id needs num_segments
    assert_close(op_segment_sum(data, np.array([1, 0, 2, 1])),
                 f32([[3, 4], [8, 10], [5, 6]]))
    with pytest.raises(Exception, match="out of range"):
        op_segment_sum(data, ids)


def test_scatter_and_slices_take_0_based_positions():
    assert_close(pykeras3.op_scatter(np.array([[0, 0], [1, 2]]),
                                     f32([5, 6]), (2, 3)),
                 f32([[5, 0, 0], [0, 0, 6]]))
    assert_close(pykeras3.op_scatter_update(np.zeros((2, 3), "float32"),
                                            np.array([[1]]),
                                            f32([[7, 8, 9]])),
                 f32([[0, 0, 0], [7, 8, 9]]))
    x = np.arange(12).reshape(3, 4)
    assert_close(pykeras3.op_slice(x, [0, 0], [1, 2]), x[:1, :2])
    assert_close(pykeras3.op_slice_update(np.zeros((2, 2)), [1, 1],
                                          np.ones((1, 1))),
                 [[0.0, 0.0], [0.0, 1.0]])


def test_lu_factor_pivots_are_a_0_based_permutation():
    x = RNG.normal(size=(4, 4)).astype("float32")
    lu, pivots = op_lu_factor(x)
    assert sorted(numpy(pivots).tolist()) == [0, 1, 2, 3]
    np.testing.assert_allclose(lu_rebuild((lu, pivots)), x, atol=1e-5)


# ----------------------------------------------------------------------
# Control flow takes Python functions

def test_cond_takes_a_tensor_condition_also_when_traced():
    assert float(op_cond(keras.ops.convert_to_tensor(False),
                         lambda: f32(1), lambda: f32(2))) == 2.0

    @tf.function
    def absolute(x):
        return op_cond(x > 0, lambda: x, lambda: -x)
    assert float(absolute(f32(-3))) == 3.0
    assert float(absolute(f32(4))) == 4.0


def test_switch_calls_the_0_based_branch_and_clamps_the_index():
    branches = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b]
    results = [float(op_switch(i, branches, f32(6), f32(2)))
               for i in (0, 1, 2, 7, -3)]
    assert results == [8.0, 4.0, 12.0, 12.0, 8.0]

    @tf.function
    def traced(index):
        return op_switch(index, branches, f32(6), f32(2))
    assert float(traced(tf.constant(1))) == 4.0


def test_fori_loop_stops_before_upper_and_carries_a_tuple():
    seen = op_fori_loop(2, 5, lambda i, acc: (acc[0] + i, acc[1] * 2),
                        (0, 1))
    assert [int(v) for v in seen] == [2 + 3 + 4, 8]
    assert int(op_fori_loop(3, 3, lambda i, v: v + 1, 0)) == 0


def test_while_loop_limits_and_single_values():
    assert int(op_while_loop(lambda i: i < 10, lambda i: i + 3, 0)) == 12
    assert int(op_while_loop(lambda i: i < 10, lambda i: i + 3, 0,
                             maximum_iterations=2)) == 6
    (i,) = op_while_loop(lambda i: i < 10, lambda i: (i + 3,), (0,))
    assert int(i) == 12
    a, b = op_while_loop(lambda a, b: a < 3, lambda a, b: [a + 1, b * 2],
                         [0, 1])
    assert (int(a), int(b)) == (3, 8)


def test_scan_with_length_only_and_in_reverse():
    last, ys = op_scan(lambda c, _: (c + 1, c * 10), 0, length=4)
    assert int(last) == 4 and numpy(ys).tolist() == [0, 10, 20, 30]
    xs = f32([1, 2, 3, 4])
    last, ys = op_scan(lambda c, x: (c + x, c + x), f32(0), xs,
                       reverse=True)
    assert_close(ys, np.cumsum(xs[::-1])[::-1])
    assert float(last) == 10.0
    _, ys = op_scan(lambda c, x: (c + x, c), f32(0), xs, unroll=2)
    assert_close(ys, f32([0, 1, 3, 6]))


def test_associative_scan_reverse_and_axis_match_numpy():
    x = np.arange(1, 7, dtype="float32").reshape(2, 3)
    assert_close(op_associative_scan(add, x, axis=1), np.cumsum(x, axis=1))
    assert_close(op_associative_scan(lambda a, b: a * b, x, axis=0),
                 np.cumprod(x, axis=0))
    assert_close(op_associative_scan(add, x[0], reverse=True),
                 np.cumsum(x[0][::-1])[::-1])
    assert_close(op_associative_scan(keras.ops.maximum, f32([1, 3, 2, 5])),
                 f32([1, 3, 3, 5]))


def test_map_and_vectorized_map_over_structures_agree():
    data = {"a": f32([1, 2, 3]), "b": f32([10, 20, 30])}
    mapped = op_map(data, lambda d: d["a"] * d["b"])
    assert_close(mapped, f32([10, 40, 90]))
    rows = RNG.normal(size=(4, 3)).astype("float32")
    assert_close(op_vectorized_map(rows, lambda r: keras.ops.sum(r * r)),
                 op_map(rows, lambda r: keras.ops.sum(r * r)))


def test_custom_gradient_uses_the_given_gradient():
    h = op_custom_gradient(square_with_gradient_ten)
    x = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = h(x)
    assert float(y) == 9.0                      # the value of f
    assert float(tape.gradient(y, x)) == 10.0   # the gradient of grad_fn


def test_stop_gradient_keeps_the_value_and_blocks_the_gradient():
    x = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as tape:
        y = keras.ops.sum(op_stop_gradient(x) * x)
    assert_close(op_stop_gradient(x), [1.0, 2.0])
    assert_close(tape.gradient(y, x), [1.0, 2.0])   # not 2 * x


# ----------------------------------------------------------------------
# Conversions and shapes

def test_convert_to_numpy_and_to_array_give_numpy_arrays():
    tensor = keras.ops.convert_to_tensor([[1.0, 2.0]])
    for fn in (op_convert_to_numpy, op_convert_to_array):
        out = fn(tensor)
        assert type(out) is np.ndarray and out.shape == (1, 2)


def test_convert_to_tensor_keeps_or_sets_the_dtype():
    assert pykeras3.op_dtype(op_convert_to_tensor([1, 2])) == "int32"
    assert pykeras3.op_dtype(op_convert_to_tensor([1.5])) == "float32"
    assert pykeras3.op_dtype(op_convert_to_tensor(np.ones(2))) == "float64"
    assert pykeras3.op_dtype(op_convert_to_tensor([1], "float16")) == \
        "float16"
    assert op_is_tensor(op_convert_to_tensor([1])) is True
    assert op_is_tensor([1]) is False


def test_shape_of_a_symbolic_tensor_has_none_for_unknown_sizes():
    assert op_shape(keras_input(shape=(3, 2))) == (None, 3, 2)
    assert op_shape(np.zeros((4,))) == (4,)


def test_cast_truncates_toward_zero():
    assert_close(op_cast(f32([2.9, -2.9, 0.5]), "int32"),
                 np.array([2, -2, 0], dtype="int32"))
    assert_close(op_cast(f32([0, 0.1]), "bool"), np.array([False, True]))


def test_rearrange_splits_and_merges_axes():
    x = np.arange(24).reshape(2, 3, 4)
    assert_close(op_rearrange(x, "a b c -> a (b c)"), x.reshape(2, 12))
    assert_close(op_rearrange(x, "a b (c d) -> a b c d", d=2),
                 x.reshape(2, 3, 2, 2))
    assert_close(op_rearrange(x, "a b c -> c b a"), x.transpose(2, 1, 0))


def test_unstack_along_an_axis_with_num():
    parts = op_unstack(np.arange(6).reshape(3, 2), num=3, axis=0)
    assert [numpy(p).tolist() for p in parts] == [[0, 1], [2, 3], [4, 5]]


# ----------------------------------------------------------------------
# nn ops beyond the sample

def test_losses_from_logits_match_numpy():
    target = f32([1, 0, 1])
    logits = f32([2.0, -1.0, -0.5])
    p = sigmoid(logits)
    assert_close(pykeras3.op_binary_crossentropy(target, logits,
                                                 from_logits=True),
                 -(target * np.log(p) + (1 - target) * np.log(1 - p)),
                 1e-5)
    onehot = np.eye(3, dtype="float32")[[1, 0]]
    assert_close(pykeras3.op_categorical_crossentropy(onehot, LOGITS,
                                                      from_logits=True),
                 -np.sum(onehot * np.log(softmax(LOGITS)), -1), 1e-5)
    assert_close(pykeras3.op_sparse_categorical_crossentropy(
        np.array([1, 0]), LOGITS, from_logits=True),
        -np.log(softmax(LOGITS)[[0, 1], [1, 0]]), 1e-5)


def test_gelu_tanh_approximation_matches_its_formula():
    expected = 0.5 * V * (1 + np.tanh(np.sqrt(2 / np.pi)
                                      * (V + 0.044715 * V ** 3)))
    assert_close(pykeras3.op_gelu(V), expected, 1e-5)


def test_softmax_sums_to_one_along_the_given_axis():
    x = RNG.normal(size=(2, 3, 4)).astype("float32")
    for axis in (0, 1, -1):
        assert_close(op_softmax(x, axis=axis), softmax(x, axis=axis))
        assert_close(np.sum(numpy(op_softmax(x, axis=axis)), axis=axis),
                     np.ones(np.delete(x.shape, axis)), 1e-5)


def test_causal_attention_matches_numpy():
    q = RNG.normal(size=(1, 4, 1, 2)).astype("float32")
    scores = np.einsum("btnh,bsnh->bnts", q, q) / np.sqrt(2)
    scores = np.where(np.tril(np.ones((4, 4), bool)), scores, -np.inf)
    expected = np.einsum("bnts,bsnh->btnh", softmax(scores), q)
    assert_close(pykeras3.op_dot_product_attention(q, q, q, is_causal=True),
                 expected, 1e-5)
    mask = np.tril(np.ones((4, 4), bool))[None, None]
    assert_close(pykeras3.op_dot_product_attention(q, q, q, mask=mask),
                 expected, 1e-5)


def test_conv_and_pool_shapes_follow_strides_and_padding():
    images = RNG.normal(size=(2, 6, 6, 3)).astype("float32")
    kernel = RNG.normal(size=(3, 3, 3, 5)).astype("float32")
    assert pykeras3.op_conv(images, kernel).shape == (2, 4, 4, 5)
    assert pykeras3.op_conv(images, kernel, strides=2,
                            padding="same").shape == (2, 3, 3, 5)
    assert pykeras3.op_max_pool(images, 2).shape == (2, 3, 3, 3)
    assert pykeras3.op_average_pool(images, [3, 2], strides=1).shape == \
        (2, 4, 5, 3)
    assert pykeras3.op_conv_transpose(
        images, RNG.normal(size=(2, 2, 4, 3)).astype("float32"),
        strides=2).shape == (2, 12, 12, 4)


def test_moments_with_several_axes_and_keepdims():
    x = RNG.normal(size=(3, 4, 2)).astype("float32")
    mean, variance = pykeras3.op_moments(x, axes=[0, 1], keepdims=True)
    assert_close(mean, x.mean((0, 1), keepdims=True), 1e-5)
    assert_close(variance, x.var((0, 1), keepdims=True), 1e-5)


@pytest.mark.xfail(strict=True, reason=(
    "Keras 3.15's sparsemax sums the cumulative sums over the support "
    "(keras-team/keras#23425, fixed by #23469): wrong whenever more than "
    "one value is in the support. Strict: passes once Keras is fixed."))
def test_sparsemax_with_two_values_in_the_support_sums_to_one():
    assert_close(op_sparsemax(f32([0.0, 0.5, 1.0])), f32([0.0, 0.25, 0.75]))


# ----------------------------------------------------------------------
# math and linear algebra beyond the sample

def test_logsumexp_does_not_overflow():
    assert_close(pykeras3.op_logsumexp(f32([1000, 1000])),
                 1000 + np.log(2), 1e-3)
    assert_close(pykeras3.op_logsumexp(LOGITS, axis=0, keepdims=True),
                 np.log(np.exp(LOGITS).sum(0, keepdims=True)))


def test_fourier_transforms_match_numpy_with_lengths():
    x = RNG.normal(size=(2, 6)).astype("float32")
    real, imag = pykeras3.op_rfft(x, fft_length=8)
    expected = np.fft.rfft(x, n=8)
    assert_close(real, expected.real, 1e-4)
    assert_close(imag, expected.imag, 1e-4)
    assert_close(pykeras3.op_irfft((real, imag), fft_length=8),
                 np.fft.irfft(expected, n=8), 1e-4)
    frames = pykeras3.op_extract_sequences(f32(np.arange(10)), 4, 3)
    assert_close(frames, f32([[0, 1, 2, 3], [3, 4, 5, 6], [6, 7, 8, 9]]))


def test_decompositions_rebuild_their_matrix():
    a = RNG.normal(size=(4, 3)).astype("float32")
    q, r = op_qr(a)
    assert_close(numpy(q).T @ numpy(q), np.eye(3, dtype="float32"), 1e-5)
    assert_close(np.tril(numpy(r), -1), np.zeros((3, 3), "float32"))
    q, r = op_qr(a, mode="complete")
    assert q.shape == (4, 4) and r.shape == (4, 3)
    u, s, v = op_svd(a)
    assert u.shape == (4, 4) and v.shape == (3, 3)
    assert_close(s, np.linalg.svd(a, compute_uv=False), 1e-5)
    assert_close(op_svd(a, compute_uv=False),
                 np.linalg.svd(a, compute_uv=False), 1e-5)
    sym = a.T @ a
    values, vectors = op_eigh(sym)
    assert_close(sym @ numpy(vectors), numpy(vectors) * numpy(values), 1e-4)
    values, vectors = op_eig(SPD)
    assert_close(SPD @ numpy(vectors).real,
                 numpy(vectors).real * numpy(values).real, 1e-5)


@pytest.mark.parametrize("ord_, axis", [
    (None, None), (1, None), (2, None), (np.inf, None), ("fro", None),
    ("nuc", None), (None, 0), (1, 1), (np.inf, -1), (None, (0, 1))])
def test_norm_matches_numpy(ord_, axis):
    x = f32([[1, -2, 3], [-4, 5, 6]])
    assert_close(op_norm(x, ord=ord_, axis=axis),
                 np.linalg.norm(x, ord=ord_, axis=axis), 1e-5)


def test_norm_of_a_vector_and_keepdims():
    assert_close(op_norm(f32([3, 4])), 5.0)
    assert op_norm(M, axis=1, keepdims=True).shape == (2, 1)


def test_solvers_match_numpy_on_batches():
    a = (RNG.normal(size=(2, 3, 3)) + 3 * np.eye(3)).astype("float32")
    b = RNG.normal(size=(2, 3, 1)).astype("float32")
    assert_close(pykeras3.op_solve(a, b), np.linalg.solve(a, b), 1e-4)
    assert_close(pykeras3.op_inv(a), np.linalg.inv(a), 1e-4)
    assert_close(pykeras3.op_det(a), np.linalg.det(a), 1e-4)
    upper = np.triu(a[0])
    assert_close(pykeras3.op_solve_triangular(upper, b[0]),
                 np.linalg.solve(upper, b[0]), 1e-4)
    sign, logdet = pykeras3.op_slogdet(a)
    assert_close(sign, np.linalg.slogdet(a)[0])
    assert_close(logdet, np.linalg.slogdet(a)[1], 1e-4)


# ----------------------------------------------------------------------
# Image ops beyond the sample

@pytest.mark.parametrize("images, size, data_format, expected", [
    (np.zeros((2, 8, 6, 3)), (4, 3), None, (2, 4, 3, 3)),
    (np.zeros((8, 6, 3)), [16, 12], None, (16, 12, 3)),
    (np.zeros((2, 3, 8, 6)), (4, 4), "channels_first", (2, 3, 4, 4)),
])
def test_image_resize_shapes(images, size, data_format, expected):
    out = op_image_resize(images.astype("float32"), size,
                          data_format=data_format)
    assert tuple(out.shape) == expected


def test_image_resize_keeps_aspect_ratio_on_request():
    wide = np.ones((1, 4, 8, 1), "float32")
    cropped = op_image_resize(wide, (2, 2), crop_to_aspect_ratio=True)
    assert_close(cropped, np.ones((1, 2, 2, 1), "float32"))
    padded = numpy(op_image_resize(wide, (4, 4), pad_to_aspect_ratio=True,
                                   fill_value=-1.0))
    assert_close(padded[0, :, :, 0], f32([[-1] * 4, [1] * 4, [1] * 4,
                                          [-1] * 4]))


def test_rgb_to_grayscale_is_the_luma_formula():
    images = RNG.random((2, 3, 4, 3)).astype("float32")
    luma = images @ f32([0.2989, 0.5870, 0.1140])
    assert_close(pykeras3.op_image_rgb_to_grayscale(images), luma[..., None],
                 1e-5)
    first = np.moveaxis(images, -1, 1)
    assert_close(pykeras3.op_image_rgb_to_grayscale(
        first, data_format="channels_first"), luma[:, None], 1e-5)


@pytest.mark.parametrize("kwargs, expected", [
    (dict(top_cropping=1, bottom_cropping=1, left_cropping=0,
          right_cropping=2), (1, 2, 2, 1)),
    (dict(top_cropping=0, left_cropping=1, target_height=3,
          target_width=2), (1, 3, 2, 1)),
])
def test_image_crop_and_pad_shapes(kwargs, expected):
    out = pykeras3.op_image_crop(IMG, **kwargs)
    assert tuple(out.shape) == expected
    one = pykeras3.op_image_crop(IMG[0], **kwargs)
    assert tuple(one.shape) == expected[1:]
    padded = op_image_pad(out, top_padding=1, bottom_padding=2,
                          left_padding=0, right_padding=3)
    assert tuple(padded.shape) == (1, expected[1] + 3, expected[2] + 3, 1)


def test_image_fill_values_may_be_fractions():
    """keras3 passes these through as.integer(); here 0.5 must stay 0.5
    (pykeras3's integer check refused it before)."""
    shifted = op_image_affine_transform(
        IMG, f32([1, 0, 2, 0, 1, 0, 0, 0]), interpolation="nearest",
        fill_value=0.5)
    assert_close(numpy(shifted)[0, :, 2:, 0], np.full((4, 2), 0.5))
    sampled = op_image_map_coordinates(IMG[0, :, :, 0], f32([[9], [9]]), 0,
                                       fill_value=0.25)
    assert_close(sampled, [0.25])
    corners = f32([[0, 0], [3, 0], [0, 3], [3, 3]])
    moved = op_image_perspective_transform(
        IMG, corners, corners + [2, 0], interpolation="nearest",
        fill_value=-0.5)
    assert_close(numpy(moved)[0, :, :2, 0], np.full((4, 2), -0.5))


def test_image_pad_takes_float_images_as_nested_lists():
    padded = op_image_pad([[[0.5]], [[1.5]]], top_padding=1,
                          bottom_padding=0, left_padding=0,
                          right_padding=1)
    assert_close(padded, f32([[[0], [0]], [[0.5], [0]], [[1.5], [0]]]))


def test_elastic_transform_repeats_with_a_seed():
    images = RNG.random((2, 8, 8, 1)).astype("float32")
    first = op_image_elastic_transform(images, seed=7)
    assert tuple(first.shape) == images.shape
    assert_close(first, op_image_elastic_transform(images, seed=7))
    assert not np.allclose(numpy(first), images)


def test_gaussian_blur_keeps_a_constant_image_inside():
    blurred = numpy(op_image_gaussian_blur(np.full((1, 7, 7, 1), 2.0,
                                                   "float32"),
                                           kernel_size=[3, 3],
                                           sigma=[1.0, 2.0]))
    assert_close(blurred[0, 1:-1, 1:-1, 0], np.full((5, 5), 2.0), 1e-5)


def test_hsv_round_trip():
    images = RNG.random((2, 3, 3, 3)).astype("float32")
    there = pykeras3.op_image_rgb_to_hsv(images)
    assert_close(there, hsv(images), 1e-5)
    assert_close(pykeras3.op_image_hsv_to_rgb(there), images, 1e-5)
    assert_close(pykeras3.op_image_hsv_to_rgb(hsv(images)), rgb(hsv(images)),
                 1e-5)


def test_extract_patches_with_overlap():
    out = pykeras3.op_image_extract_patches(IMG, (2, 2), strides=1)
    assert tuple(out.shape) == (1, 3, 3, 4)
    assert_close(numpy(out)[0, 1, 2], IMG[0, 1:3, 2:4, 0].reshape(-1))


# ----------------------------------------------------------------------
# op_subset and op_subset_set: Python's indexing, 0-based

GRID = np.arange(24).reshape(4, 6)
INDEXING = [
    (0,), (-1,), (1, 2), (-1, -2), (slice(1, 3),), (slice(None), 0),
    (slice(None, None, 2), slice(1, None, 2)), (slice(None, None, -1),),
    (Ellipsis, 0), (None,), (Ellipsis, None), (0, None, slice(0, 2)),
    ([0, 2],), (np.array([3, 0]), slice(1, 3)), (1, [5, 0, 5]),
    (np.array([[0, 1], [2, 3]]),), (GRID > 20,), (np.array([0, 1]), [2, 3]),
]
INDEXING_IDS = [repr(i) if len(repr(i)) < 40 else f"case{n}"
                for n, i in enumerate(INDEXING)]


def numpy_key(indices):
    return indices[0] if len(indices) == 1 else tuple(indices)


@pytest.mark.parametrize("indices", INDEXING, ids=INDEXING_IDS)
def test_subset_is_numpys_indexing(indices):
    assert_close(op_subset(GRID, *indices), GRID[numpy_key(indices)])


def test_subset_takes_index_tensors_and_numpy_integers():
    x = keras.ops.convert_to_tensor(GRID)
    assert_close(op_subset(x, keras.ops.convert_to_tensor([2, 0])),
                 GRID[[2, 0]])
    assert_close(op_subset(x, keras.ops.convert_to_tensor(1), np.int64(-1)),
                 GRID[1, -1])


def test_subset_of_a_symbolic_tensor_with_python_indices():
    inputs = keras_input(shape=(3, 4))
    assert op_shape(op_subset(inputs, Ellipsis, 0)) == (None, 3)
    assert op_shape(op_subset(inputs, slice(None), -1, slice(1, 3))) == \
        (None, 2)
    with pytest.raises(ValueError, match=r"op_subset\(\): `x` needs a fully "
                                         r"known shape for array indices"):
        op_subset(inputs, Ellipsis, [0, 2])


@pytest.mark.parametrize("indices", INDEXING, ids=INDEXING_IDS)
def test_subset_set_is_numpys_assignment_and_leaves_x_unchanged(indices):
    x = keras.ops.convert_to_tensor(GRID)
    before = numpy(x).copy()
    out = op_subset_set(x, *indices, value=-7)
    expected = GRID.copy()
    expected[numpy_key(indices)] = -7
    assert_close(out, expected)
    assert_close(x, before)


def test_subset_set_broadcasts_values_and_keeps_the_dtype():
    x = np.zeros((2, 3), "float32")
    out = op_subset_set(x, slice(None), 1, value=f32([5, 6]))
    assert_close(out, f32([[0, 5, 0], [0, 6, 0]]))
    assert pykeras3.op_dtype(out) == "float32"
    out = op_subset_set(GRID, 0, value=np.arange(6) * 10)
    assert_close(out[0], np.arange(6) * 10)
    assert pykeras3.op_dtype(out) == pykeras3.op_dtype(
        keras.ops.convert_to_tensor(GRID))
    assert np.all(x == 0)


def test_subset_set_needs_a_known_shape_and_a_named_value():
    with pytest.raises(ValueError, match=r"op_subset_set\(\): `x` needs a "
                                         r"fully known shape.*\(None, 3\)"):
        op_subset_set(keras_input(shape=(3,)), 0, value=1.0)
    with pytest.raises(TypeError, match="value"):
        op_subset_set(GRID, 0, 1)


# ----------------------------------------------------------------------
# Bad integers and axes fail early, naming the argument

BAD_ARGUMENTS = [
    ("op_top_k", lambda: pykeras3.op_top_k(V, 2.5), "k"),
    ("op_one_hot", lambda: op_one_hot(np.array([0]), 2.5), "num_classes"),
    ("op_softmax", lambda: op_softmax(LOGITS, axis=1.5), "axis"),
    ("op_softmax_str", lambda: op_softmax(LOGITS, axis="last"), "axis"),
    ("op_logsumexp", lambda: pykeras3.op_logsumexp(LOGITS, axis=True),
     "axis"),
    ("op_moments", lambda: pykeras3.op_moments(M, axes=[0, 0.5]), "axes"),
    ("op_image_resize", lambda: op_image_resize(IMG, (2.5, 2)), "size"),
    ("op_image_crop", lambda: pykeras3.op_image_crop(
        IMG, top_cropping=0.5, bottom_cropping=1, left_cropping=0,
        right_cropping=0), "top_cropping"),
    ("op_segment_sum", lambda: op_segment_sum(f32([1, 2]), [0, 1.5]),
     "segment_ids"),
    ("op_unstack", lambda: op_unstack(M, num=2.5), "num"),
    ("op_scan", lambda: op_scan(lambda c, x: (c, x), 0, length=1.5),
     "length"),
    ("op_max_pool", lambda: pykeras3.op_max_pool(IMG, 1.5), "pool_size"),
    ("op_conv", lambda: pykeras3.op_conv(X1, f32([1])[:, None, None],
                                         strides=[1.5]), "strides"),
    ("op_stft", lambda: pykeras3.op_stft(SIGNAL, 8.5, 4, 8),
     "sequence_length"),
    ("op_unravel_index", lambda: op_unravel_index(2, (3, 2.5)), "shape"),
]


@pytest.mark.parametrize("name, call_bad, argument", BAD_ARGUMENTS,
                         ids=[row[0] for row in BAD_ARGUMENTS])
def test_bad_integer_or_axis_fails_early_naming_the_argument(
        name, call_bad, argument):
    fn = name.replace("_str", "")
    with pytest.raises((TypeError, ValueError)) as error:
        call_bad()
    message = str(error.value)
    assert message.startswith(f"{fn}(): "), message
    assert f"`{argument}` must be" in message, message
    assert f"Received: {argument}=" in message, message


def test_whole_floats_are_taken_as_integers():
    """R users write 2 (a double) for an integer; 2.0 works here too."""
    assert_close(pykeras3.op_top_k(V, 2.0).values, f32([2.0, 0.5]))
    assert op_one_hot(np.array([1]), 3.0).shape == (1, 3)
    assert_close(op_softmax(LOGITS, axis=0.0), softmax(LOGITS, axis=0))
    assert op_image_resize(IMG, (2.0, 3.0)).shape == (1, 2, 3, 1)
