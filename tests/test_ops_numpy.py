"""The "numpy ops" family (pykeras3/ops/numpy.py) on real Keras.

Every function of the family has a sample in SAMPLES: a call on a small
array and a reference, NumPy's function of the same meaning where there is
one, Keras's own op called directly otherwise, or known values.  The
hand-written tests below cover what differs from a straight call: 0-based
indices and negative axes, shapes as int/list/tuple, the argument checks,
R's `...` (einsum, meshgrid, hstack/vstack, vectorize) and `op_arange`'s
excluded end.
"""

import inspect
import math
import os
import sys

import keras
import numpy as np
import pytest

import pykeras3
from pykeras3 import (
    op_arange, op_argmax, op_argmin, op_argpartition, op_argsort,
    op_broadcast_to, op_concatenate, op_ctc_decode, op_digitize, op_einsum,
    op_empty, op_expand_dims, op_eye, op_full, op_hstack, op_logspace,
    op_maximum, op_meshgrid, op_minimum, op_moveaxis, op_nonzero, op_ones,
    op_pmax, op_pmin, op_reshape, op_select, op_split, op_sum, op_swapaxes,
    op_take, op_take_along_axis, op_tile, op_vectorize, op_vstack, op_where,
    op_zeros)
from pykeras3._args import ArgumentTypeError

FAMILY = "numpy ops"


# Small inputs (float32, as Keras computes by default).
A = np.array([[0.5, -1.25, 2.0], [3.0, -0.75, 1.5]], dtype="float32")
B = np.array([[1.5, 0.25, -2.0], [1.0, 2.0, -0.5]], dtype="float32")
P = np.abs(A) + np.float32(0.25)                  # positive
U = np.array([[0.1, -0.5, 0.9], [-0.3, 0.7, 0.2]], dtype="float32")
G = P + np.float32(1.0)                           # greater than 1
I = np.array([[3, 1, 2], [0, 5, 4]], dtype="int32")
J = np.array([[1, 3, 2], [6, 5, 1]], dtype="int32")
M = np.array([[1, 0, 1], [1, 1, 0]], dtype="bool")
N = np.array([[0, 1, 1], [1, 0, 1]], dtype="bool")
V = np.array([1.0, 2.0, 3.0], dtype="float32")
W = np.array([0.5, -1.0, 4.0], dtype="float32")
C = np.array([1 + 2j, -3 + 0.5j], dtype="complex64")
SPD = np.array([[4.0, 1.0], [1.0, 3.0]], dtype="float32")
SQ = np.arange(9, dtype="float32").reshape(3, 3)
CUBE = np.arange(24, dtype="float32").reshape(2, 3, 4)
SPECIAL = np.array([np.nan, np.inf, -np.inf, 1.5, -0.0], dtype="float32")


class Known:
    """A reference given as its value."""

    def __init__(self, value):
        self.value = value


def s(*args, ref, tol=None, kind=True, **kwargs):
    """One sample: call with `args`/`kwargs`; `ref` is a callable taking
    the same arguments (NumPy's function), a Known value, or a check (a
    function of the result, marked with `check`).  `kind=False` skips the
    dtype-category comparison (bool, int, float, complex)."""
    return dict(args=args, kwargs=kwargs, ref=ref, tol=tol or {},
                kind=kind)


def check(fn):
    """Mark `fn` as a check of the result (not a reference to compare)."""
    fn.is_check = True
    return fn


def _argpartition_ok(result):
    x = np.array([5.0, 1.0, 4.0, 2.0, 3.0], dtype="float32")
    idx = to_numpy(result)
    assert sorted(idx.tolist()) == list(range(5))
    assert x[idx[2]] == np.sort(x)[2]
    assert max(x[idx[:2]]) <= x[idx[2]] <= min(x[idx[3:]])


def _empty_ok(result):
    assert tuple(result.shape) == (2, 3)
    assert keras.backend.standardize_dtype(result.dtype) == "float32"


def _vectorize_ok(result):
    assert callable(result)
    assert float(result(np.float32(3.0))) == 7.0


def _ctc_ok(result):
    sequences, scores = result
    assert to_numpy(sequences).tolist() == [[[1, 2, -1, -1]]]
    assert tuple(scores.shape) == (1, 1)


# Greedy CTC: the best classes per step are 1, 0, 2, 2 (class 0, the blank
# by default, is dropped and the repeat merged).
CTC_LOGITS = np.log(np.array([[[0.1, 0.8, 0.1], [0.8, 0.1, 0.1],
                                [0.1, 0.1, 0.8], [0.1, 0.1, 0.8]]],
                              dtype="float32"))

SAMPLES = {
    # Element-wise, one tensor
    "op_abs": s(A, ref=np.abs),
    "op_angle": s(C, ref=np.angle),
    "op_arccos": s(U, ref=np.arccos),
    "op_arccosh": s(G, ref=np.arccosh),
    "op_arcsin": s(U, ref=np.arcsin),
    "op_arcsinh": s(A, ref=np.arcsinh),
    "op_arctan": s(A, ref=np.arctan),
    "op_arctanh": s(U, ref=np.arctanh),
    "op_cbrt": s(A, ref=np.cbrt),
    "op_ceil": s(A, ref=np.ceil),
    "op_conj": s(C, ref=np.conj),
    "op_cos": s(A, ref=np.cos),
    "op_cosh": s(A, ref=np.cosh),
    "op_deg2rad": s(A * 90, ref=np.deg2rad),
    "op_exp": s(A, ref=np.exp),
    "op_exp2": s(A, ref=np.exp2),
    "op_expm1": s(U, ref=np.expm1),
    "op_floor": s(A, ref=np.floor),
    "op_imag": s(C, ref=np.imag),
    "op_log": s(P, ref=np.log),
    "op_log10": s(P, ref=np.log10),
    "op_log1p": s(P, ref=np.log1p),
    "op_log2": s(P, ref=np.log2),
    "op_negative": s(A, ref=np.negative),
    "op_real": s(C, ref=np.real),
    "op_reciprocal": s(P, ref=np.reciprocal),
    "op_round": s(np.array([1.25, 2.5, -0.5, 3.14159], dtype="float32"),
                  decimals=1, ref=lambda x, decimals: np.round(x, decimals)),
    "op_sign": s(np.array([-2.0, 0.0, 3.0], dtype="float32"), ref=np.sign),
    "op_sin": s(A, ref=np.sin),
    "op_sinh": s(A, ref=np.sinh),
    "op_sqrt": s(P, ref=np.sqrt),
    "op_square": s(A, ref=np.square),
    "op_tan": s(U, ref=np.tan),
    "op_tanh": s(A, ref=np.tanh),
    "op_trunc": s(A, ref=np.trunc),
    "op_nan_to_num": s(SPECIAL, nan=1.0, posinf=2.0, neginf=-2.0,
                       ref=np.nan_to_num),
    "op_copy": s(A, ref=np.copy),
    "op_isfinite": s(SPECIAL, ref=np.isfinite),
    "op_isinf": s(SPECIAL, ref=np.isinf),
    "op_isnan": s(SPECIAL, ref=np.isnan),
    "op_signbit": s(SPECIAL, ref=np.signbit),
    "op_logical_not": s(M, ref=np.logical_not),
    "op_bitwise_invert": s(I, ref=np.invert),
    "op_bitwise_not": s(I, ref=np.invert),

    # Element-wise, two tensors (with broadcasting)
    "op_add": s(A, V, ref=np.add),
    "op_subtract": s(A, B, ref=np.subtract),
    "op_multiply": s(A, B, ref=np.multiply),
    "op_divide": s(A, P, ref=np.divide),
    "op_divide_no_nan": s(V, np.array([2.0, 0.0, 4.0], dtype="float32"),
                          ref=Known(np.array([0.5, 0.0, 0.75]))),
    "op_floor_divide": s(I - 2, np.int32(2), ref=np.floor_divide),
    "op_mod": s(I - 2, np.int32(3), ref=np.mod),
    "op_power": s(P, B, ref=np.power),
    "op_maximum": s(A, B, ref=np.maximum),
    "op_minimum": s(A, B, ref=np.minimum),
    "op_pmax": s(A, B, ref=np.maximum),
    "op_pmin": s(A, B, ref=np.minimum),
    "op_arctan2": s(A, B, ref=np.arctan2),
    "op_logaddexp": s(A, B, ref=np.logaddexp),
    "op_heaviside": s(np.array([-1.0, 0.0, 2.0], dtype="float32"),
                      np.float32(0.5), ref=np.heaviside),
    "op_isclose": s(V, V + np.array([0, 1e-6, 0.1], dtype="float32"),
                    ref=np.isclose),
    "op_equal": s(I, J, ref=np.equal),
    "op_not_equal": s(I, J, ref=np.not_equal),
    "op_greater": s(I, J, ref=np.greater),
    "op_greater_equal": s(I, J, ref=np.greater_equal),
    "op_less": s(I, J, ref=np.less),
    "op_less_equal": s(I, J, ref=np.less_equal),
    "op_logical_and": s(M, N, ref=np.logical_and),
    "op_logical_or": s(M, N, ref=np.logical_or),
    "op_logical_xor": s(M, N, ref=np.logical_xor),
    "op_bitwise_and": s(I, J, ref=np.bitwise_and),
    "op_bitwise_or": s(I, J, ref=np.bitwise_or),
    "op_bitwise_xor": s(I, J, ref=np.bitwise_xor),
    "op_bitwise_left_shift": s(I, np.int32(2), ref=np.left_shift),
    "op_bitwise_right_shift": s(I * 8, np.int32(2), ref=np.right_shift),
    "op_left_shift": s(I, np.int32(1), ref=np.left_shift),
    "op_right_shift": s(I * 8, np.int32(3), ref=np.right_shift),

    # Reductions and statistics
    "op_all": s(M, axis=1, ref=np.all),
    "op_any": s(M, axis=0, ref=np.any),
    "op_sum": s(A, axis=-1, ref=np.sum),
    "op_prod": s(A, axis=0, keepdims=True, ref=np.prod),
    "op_mean": s(A, axis=(0, 1), ref=np.mean),
    "op_average": s(A, axis=1, weights=W, ref=np.average),
    "op_median": s(A, axis=1, ref=np.median),
    "op_quantile": s(A, [0.25, 0.5], axis=1, ref=np.quantile),
    "op_std": s(A, axis=0, ref=np.std),
    "op_var": s(A, ref=np.var),
    "op_max": s(A, axis=0, ref=np.max),
    "op_min": s(A, axis=1, keepdims=True, ref=np.min),
    "op_argmax": s(A, axis=1, ref=np.argmax),
    "op_argmin": s(A, axis=0, ref=np.argmin),
    "op_count_nonzero": s(I, axis=0, ref=np.count_nonzero),
    "op_cumsum": s(A, axis=1, ref=np.cumsum),
    "op_cumprod": s(A, ref=np.cumprod),
    "op_diff": s(np.array([1, 4, 9, 16], dtype="int32"), n=2, ref=np.diff),
    "op_trace": s(SQ, offset=1, ref=np.trace),
    "op_corrcoef": s(np.array([[1.0, 2.0, 4.0, 7.0], [2.0, 1.0, 0.0, 3.0]],
                              dtype="float32"), ref=np.corrcoef,
                     tol=dict(atol=1e-5)),
    "op_logdet": s(SPD, ref=lambda x: np.linalg.slogdet(x)[1]),
    "op_bincount": s(np.array([0, 1, 1, 3], dtype="int32"), minlength=6,
                     ref=np.bincount),
    "op_histogram": s(np.array([1.0, 2.0, 2.0, 3.0, 7.5], dtype="float32"),
                      bins=3, range=(0, 9), ref=np.histogram, kind=False),
    "op_digitize": s(np.array([0.5, 1.0, 2.5, 9.0], dtype="float32"),
                     np.array([1.0, 2.0, 3.0], dtype="float32"),
                     ref=np.digitize),

    # Creating tensors
    "op_arange": s(1, 7, 2, ref=np.arange),
    "op_linspace": s(0.0, 2.0, 5, ref=np.linspace),
    "op_logspace": s(0.0, 3.0, 4, base=2, ref=np.logspace),
    "op_array": s([[1, 2], [3, 4]], ref=np.array),
    "op_zeros": s((2, 3), ref=np.zeros),
    "op_ones": s([3, 2], ref=np.ones),
    "op_full": s((2, 2), 7.5, ref=np.full),
    "op_empty": s((2, 3), ref=check(_empty_ok)),
    "op_zeros_like": s(A, ref=np.zeros_like),
    "op_ones_like": s(I, ref=np.ones_like),
    "op_full_like": s(A, 3.0, ref=np.full_like),
    "op_eye": s(2, 3, k=1, ref=np.eye),
    "op_identity": s(3, ref=np.identity),
    "op_tri": s(3, 4, k=-1, ref=np.tri),
    "op_meshgrid": s(V, W[:2], ref=np.meshgrid),
    "op_bartlett": s(5, ref=np.bartlett, tol=dict(atol=1e-6)),
    "op_blackman": s(5, ref=np.blackman, tol=dict(atol=1e-6)),
    "op_hamming": s(5, ref=np.hamming, tol=dict(atol=1e-6)),
    "op_hanning": s(5, ref=np.hanning, tol=dict(atol=1e-6)),
    "op_kaiser": s(5, 6.0, ref=np.kaiser, tol=dict(atol=1e-6)),

    # Shapes and axes
    "op_reshape": s(A, (3, -1), ref=np.reshape),
    "op_ravel": s(A, ref=np.ravel),
    "op_transpose": s(CUBE, axes=(2, 0, 1), ref=np.transpose),
    "op_swapaxes": s(CUBE, 0, -1, ref=np.swapaxes),
    "op_moveaxis": s(CUBE, 0, -1, ref=np.moveaxis),
    "op_expand_dims": s(A, 1, ref=np.expand_dims),
    "op_squeeze": s(A[None, :, None, :], axis=2, ref=np.squeeze),
    "op_broadcast_to": s(V, (2, 3), ref=np.broadcast_to),
    "op_flip": s(A, axis=1, ref=np.flip),
    "op_rot90": s(CUBE, k=3, axes=(1, 2), ref=np.rot90),
    "op_roll": s(A, 2, axis=1, ref=np.roll),
    "op_tile": s(V, (2, 2), ref=np.tile),
    "op_repeat": s(A, 2, axis=0, ref=np.repeat),
    "op_pad": s(A, [[1, 0], [2, 1]], constant_values=9.0, ref=np.pad),
    "op_ndim": s(CUBE, ref=np.ndim),
    "op_size": s(CUBE, ref=np.size),
    "op_view_as_complex": s(np.array([[1.0, 2.0], [-3.0, 0.5]],
                                     dtype="float32"),
                            ref=lambda x: x[..., 0] + 1j * x[..., 1]),
    "op_view_as_real": s(C, ref=lambda x: np.stack([x.real, x.imag], -1)),
    "op_diag": s(SQ, k=-1, ref=np.diag),
    "op_diagflat": s(V, k=1, ref=np.diagflat),
    "op_diagonal": s(CUBE, offset=1, axis1=1, axis2=2, ref=np.diagonal),
    "op_tril": s(SQ, k=0, ref=np.tril),
    "op_triu": s(SQ, k=1, ref=np.triu),

    # Joining and splitting
    "op_concatenate": s([A, B], axis=1, ref=np.concatenate),
    "op_stack": s([A, B], axis=-1, ref=np.stack),
    "op_hstack": s([A, B], ref=np.hstack),
    "op_vstack": s([A, B], ref=np.vstack),
    "op_append": s(A, B, axis=0, ref=np.append),
    "op_split": s(np.arange(6, dtype="float32"), [2, 5], ref=np.split),

    # Products
    "op_matmul": s(A, B.T, ref=np.matmul),
    "op_dot": s(A, V, ref=np.dot),
    "op_vdot": s(A, B, ref=np.vdot),
    "op_inner": s(A, B, ref=np.inner),
    "op_outer": s(V, W, ref=np.outer),
    "op_tensordot": s(CUBE, CUBE, axes=([1, 2], [1, 2]), ref=np.tensordot),
    "op_einsum": s("ij,kj->ik", A, B, ref=np.einsum),
    "op_cross": s(A, B, ref=np.cross),
    "op_correlate": s(V, W, mode="full", ref=np.correlate),

    # Selecting, sorting, searching
    "op_where": s(M, A, B, ref=np.where),
    "op_select": s([A < 0, A > 2], [A, -A], default=0.5, ref=np.select),
    "op_clip": s(A, -1.0, 1.0, ref=np.clip),
    "op_take": s(A, [2, 0, -1], axis=1, ref=np.take),
    "op_take_along_axis": s(A, np.argsort(A, axis=1), axis=1,
                            ref=np.take_along_axis),
    "op_get_item": s(A, (1, slice(0, 2)), ref=lambda x, key: x[key]),
    "op_nonzero": s(I, ref=np.nonzero),
    "op_sort": s(A, axis=0, ref=np.sort),
    "op_argsort": s(A, axis=-1, ref=np.argsort),
    "op_argpartition": s(np.array([5.0, 1.0, 4.0, 2.0, 3.0],
                                  dtype="float32"), 2,
                         ref=check(_argpartition_ok)),

    # Types and other
    "op_saturate_cast": s(np.array([-5.0, 3.0, 300.0], dtype="float32"),
                          "uint8", ref=Known(np.array([0, 3, 255],
                                                      dtype="uint8"))),
    "op_ctc_decode": s(CTC_LOGITS, np.array([4], dtype="int32"),
                       ref=check(_ctc_ok)),
    "op_vectorize": s(lambda t: 2 * t + 1, ref=check(_vectorize_ok)),
}


def to_numpy(value):
    if isinstance(value, (list, tuple)):
        return type(value)(to_numpy(v) for v in value)
    return np.asarray(keras.ops.convert_to_numpy(value))


def _category(array):
    kind = np.asarray(array).dtype.kind
    return {"u": "i"}.get(kind, kind)


def assert_same(result, expected, tol, kind=True):
    if isinstance(expected, (list, tuple)):
        assert isinstance(result, (list, tuple)), type(result)
        assert len(result) == len(expected)
        for r, e in zip(result, expected):
            assert_same(r, e, tol, kind)
        return
    result, expected = to_numpy(result), np.asarray(expected)
    assert result.shape == expected.shape
    if kind:
        assert _category(result) == _category(expected), (
            result.dtype, expected.dtype)
    if expected.dtype.kind in "biuU":
        np.testing.assert_array_equal(result, expected)
    else:
        np.testing.assert_allclose(
            result, expected, rtol=tol.get("rtol", 1e-5),
            atol=tol.get("atol", 1e-6), equal_nan=True)


def family():
    return pykeras3.FAMILIES[FAMILY]


# ----------------------------------------------------------------------
# The sample table

def test_every_function_of_the_family_has_a_sample():
    missing = sorted(set(family()) - set(SAMPLES))
    assert not missing, f"add samples to SAMPLES for {missing}"
    extra = sorted(set(SAMPLES) - set(family()))
    assert not extra, f"not numpy ops: {extra}"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_result_matches_reference(name):
    sample = SAMPLES[name]
    fn = getattr(pykeras3, name)
    result = fn(*sample["args"], **sample["kwargs"])
    ref = sample["ref"]
    if getattr(ref, "is_check", False):
        ref(result)
        return
    expected = ref.value if isinstance(ref, Known) else \
        ref(*sample["args"], **sample["kwargs"])
    assert_same(result, expected, sample["tol"], sample["kind"])


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_function_wraps_its_keras_op(name):
    """The documented tether is the Keras op that the function calls:
    the wrapper gives the same result as calling it directly."""
    doc = " ".join(getattr(pykeras3, name).__doc__.split())
    tether = doc.split("Wraps ``")[1].split("``")[0]
    assert tether.startswith("keras.ops.")
    keras_fn = getattr(keras.ops, tether.rpartition(".")[2])
    sample = SAMPLES[name]
    fn = getattr(pykeras3, name)
    if name in ("op_vectorize", "op_empty"):
        return  # a function; unspecified contents (both checked above)
    kwargs = dict(sample["kwargs"])
    if name == "op_arange":
        mine = fn(1, end=7, step=2)
        theirs = keras_fn(1, stop=7, step=2)
    else:
        mine = fn(*sample["args"], **kwargs)
        theirs = keras_fn(*sample["args"], **kwargs)
    assert_same(mine, to_numpy(theirs), {"atol": 1e-6})


def test_aliases_are_the_same_function():
    assert op_pmax is op_maximum and op_pmin is op_minimum


# ----------------------------------------------------------------------
# Indices and axes are 0-based; negative axes count from the end

X = np.array([[4.0, 9.0, 1.0], [7.0, 2.0, 8.0]], dtype="float32")


@pytest.mark.parametrize("axis", [0, 1, -1, -2, None])
def test_argmax_and_argmin_return_numpys_0_based_indices(axis):
    assert to_numpy(op_argmax(X, axis=axis)).tolist() == \
        np.argmax(X, axis=axis).tolist()
    assert to_numpy(op_argmin(X, axis=axis)).tolist() == \
        np.argmin(X, axis=axis).tolist()


def test_argmax_known_positions():
    assert int(op_argmax(np.array([3, 8, 1]))) == 1   # R would say 2
    assert int(op_argmin(np.array([3, 8, 1]))) == 2
    assert int(op_argmax(X)) == 1                     # in flattened X
    assert int(op_argmax(X, axis=None)) == np.argmax(X)
    assert to_numpy(op_argmax(X, axis=-1, keepdims=True)).tolist() == \
        [[1], [2]]


@pytest.mark.parametrize("axis", [0, 1, -1, -2])
def test_argsort_returns_0_based_indices(axis):
    assert to_numpy(op_argsort(X, axis=axis)).tolist() == \
        np.argsort(X, axis=axis).tolist()


def test_argsort_indices_sort_with_take_along_axis():
    order = op_argsort(X, axis=-1)
    np.testing.assert_array_equal(
        to_numpy(op_take_along_axis(X, order, axis=-1)), np.sort(X, axis=-1))


def test_argpartition_kth_is_0_based():
    x = np.array([50.0, 10.0, 40.0, 20.0, 30.0], dtype="float32")
    for kth in range(5):
        idx = to_numpy(op_argpartition(x, kth))
        assert x[idx[kth]] == np.sort(x)[kth]
    rows = to_numpy(op_argpartition(X, 0, axis=-1))
    assert [X[i, rows[i, 0]] for i in range(2)] == [1.0, 2.0]
    cols = to_numpy(op_argpartition(X, 1, axis=-2))
    np.testing.assert_array_equal(
        np.take_along_axis(X, cols, axis=0)[1], X.max(axis=0))


def test_take_uses_0_based_and_negative_indices():
    assert to_numpy(op_take(X, 0, axis=1)).tolist() == [4.0, 7.0]
    assert to_numpy(op_take(X, [-1, 0], axis=1)).tolist() == \
        np.take(X, [-1, 0], axis=1).tolist()
    assert to_numpy(op_take(X, [0, 5])).tolist() == [4.0, 8.0]  # flattened
    assert to_numpy(op_take(X, np.array([1]), axis=-2)).tolist() == \
        [[7.0, 2.0, 8.0]]


def test_take_along_axis_uses_0_based_indices():
    idx = np.array([[0], [2]])
    assert to_numpy(op_take_along_axis(X, idx, axis=1)).tolist() == \
        [[4.0], [8.0]]
    assert to_numpy(op_take_along_axis(X, idx, axis=-1)).tolist() == \
        np.take_along_axis(X, idx, axis=-1).tolist()
    assert to_numpy(op_take_along_axis(X, np.array([[1, 0, 1]]),
                                       axis=0)).tolist() == [[7.0, 9.0, 8.0]]


def test_digitize_returns_numpys_0_based_bins():
    bins = np.array([0.0, 1.0, 2.5], dtype="float32")
    x = np.array([-1.0, 0.0, 0.5, 1.0, 2.5, 3.0], dtype="float32")
    got = to_numpy(op_digitize(x, bins)).tolist()
    assert got == np.digitize(x, bins).tolist() == [0, 1, 1, 2, 3, 3]
    assert to_numpy(op_digitize(x, bins.tolist())).tolist() == got


def test_nonzero_and_where_return_0_based_indices_per_axis():
    x = np.array([[0, 3, 0], [5, 0, 6]])
    for result in (op_nonzero(x), op_where(x)):
        got = [to_numpy(i).tolist() for i in result]
        assert got == [i.tolist() for i in np.nonzero(x)] == \
            [[0, 1, 1], [1, 0, 2]]
    assert [to_numpy(i).tolist() for i in op_where(x > 4)] == \
        [[1, 1], [0, 2]]


@pytest.mark.parametrize("name, args, negative, positive", [
    ("op_sum", (X,), -1, 1), ("op_mean", (X,), -2, 0),
    ("op_max", (X,), -1, 1), ("op_cumsum", (X,), -1, 1),
    ("op_sort", (X,), -2, 0), ("op_flip", (X,), -1, 1),
    ("op_diff", (X,), -2, 0), ("op_median", (X,), -1, 1),
    ("op_concatenate", ([X, X],), -1, 1),
    ("op_stack", ([X, X],), -1, 2),        # the new axis goes last
    ("op_expand_dims", (X,), -1, 2),       # likewise
    ("op_squeeze", (X[:, None],), -2, 1),
])
def test_negative_axes_count_from_the_end(name, args, negative, positive):
    fn = getattr(pykeras3, name)
    np.testing.assert_array_equal(to_numpy(fn(*args, axis=negative)),
                                  to_numpy(fn(*args, axis=positive)))


def test_swapaxes_and_moveaxis_take_0_based_and_negative_axes():
    assert tuple(op_swapaxes(CUBE, 0, -1).shape) == (4, 3, 2)
    assert tuple(op_swapaxes(CUBE, 1, 2).shape) == (2, 4, 3)
    assert tuple(op_moveaxis(CUBE, -1, 0).shape) == (4, 2, 3)
    assert tuple(op_moveaxis(CUBE, [0, 1], [-1, -2]).shape) == (4, 3, 2)
    np.testing.assert_array_equal(
        to_numpy(op_moveaxis(CUBE, [0, 1], [-1, -2])),
        np.moveaxis(CUBE, [0, 1], [-1, -2]))


def test_split_positions_are_0_based():
    parts = op_split(np.arange(6), [1, 4])
    assert [to_numpy(p).tolist() for p in parts] == [[0], [1, 2, 3], [4, 5]]
    parts = op_split(np.arange(12).reshape(2, 6), 3, axis=-1)
    assert [tuple(p.shape) for p in parts] == [(2, 2)] * 3


# ----------------------------------------------------------------------
# Shapes as int, list or tuple

@pytest.mark.parametrize("shape, expected", [
    (3, (3,)), ([2, 3], (2, 3)), ((2, 3), (2, 3)), ((4,), (4,)),
    (np.int64(2), (2,)), ([], ()),
])
def test_creation_ops_take_shapes_as_int_list_or_tuple(shape, expected):
    for fn, value in ((op_ones, 1.0), (op_zeros, 0.0)):
        out = fn(shape)
        assert tuple(out.shape) == expected
        assert np.all(to_numpy(out) == value)
    out = op_full(shape, 2.5)
    assert tuple(out.shape) == expected and np.all(to_numpy(out) == 2.5)
    assert tuple(op_empty(shape).shape) == expected


@pytest.mark.parametrize("shape", [6, [6], (6,), [2, 3], (3, 2), (-1, 2),
                                   [1, -1]])
def test_reshape_takes_int_list_or_tuple(shape):
    np.testing.assert_array_equal(to_numpy(op_reshape(A, shape)),
                                  np.reshape(A, shape))


@pytest.mark.parametrize("shape", [3, [3], (3,), [2, 3], (4, 1, 3)])
def test_broadcast_to_takes_int_list_or_tuple(shape):
    np.testing.assert_array_equal(to_numpy(op_broadcast_to(V, shape)),
                                  np.broadcast_to(V, shape))


@pytest.mark.parametrize("repeats", [2, [2], (2,), [2, 1], (1, 3),
                                     (2, 1, 2)])
def test_tile_takes_int_list_or_tuple(repeats):
    np.testing.assert_array_equal(to_numpy(op_tile(A, repeats)),
                                  np.tile(A, repeats))


def test_integral_floats_are_accepted_where_integers_are_expected():
    assert tuple(op_ones(3.0).shape) == (3,)
    assert tuple(op_eye(2.0).shape) == (2, 2)
    assert tuple(pykeras3.op_identity(2.0).shape) == (2, 2)
    assert tuple(op_tile(V, 2.0).shape) == (6,)
    assert tuple(op_reshape(A, (3.0, 2)).shape) == (3, 2)
    assert int(op_sum(np.ones((2, 3)), axis=1.0).shape[0]) == 2


# ----------------------------------------------------------------------
# Clear errors: integers refuse 2.5, axes refuse 1.5, naming the argument

@pytest.mark.parametrize("call, argument", [
    (lambda: op_eye(2.5), "N"),
    (lambda: op_eye(2, M=2.5), "M"),
    (lambda: op_eye(2, k=0.5), "k"),
    (lambda: pykeras3.op_tri(2.5), "N"),
    (lambda: pykeras3.op_identity(2.5), "n"),
    (lambda: op_tile(A, 2.5), "repeats"),
    (lambda: op_tile(A, [2, 1.5]), "repeats"),
    (lambda: pykeras3.op_repeat(A, 2.5), "repeats"),
    (lambda: op_reshape(A, (2.5, 2)), "newshape"),
    (lambda: op_reshape(A, 2.5), "newshape"),
    (lambda: op_ones(2.5), "shape"),
    (lambda: op_zeros([2, 2.5]), "shape"),
    (lambda: op_full(2.5, 1.0), "shape"),
    (lambda: op_broadcast_to(V, (2.5, 3)), "shape"),
    (lambda: op_split(V, 1.5), "indices_or_sections"),
    (lambda: op_take(A, 1.5), "indices"),
    (lambda: op_argpartition(V, 1.5), "kth"),
    (lambda: pykeras3.op_diag(SQ, k=1.5), "k"),
    (lambda: pykeras3.op_tril(SQ, k=1.5), "k"),
    (lambda: pykeras3.op_roll(A, 1.5), "shift"),
    (lambda: pykeras3.op_rot90(A, k=1.5), "k"),
    (lambda: pykeras3.op_diff(V, n=1.5), "n"),
    (lambda: pykeras3.op_round(V, decimals=1.5), "decimals"),
    (lambda: pykeras3.op_linspace(0, 1, num=2.5), "num"),
    (lambda: pykeras3.op_logspace(0, 1, num=2.5), "num"),
    (lambda: pykeras3.op_histogram(V, bins=2.5), "bins"),
    (lambda: pykeras3.op_bincount([0, 1], minlength=2.5), "minlength"),
    (lambda: pykeras3.op_pad(A, 1.5), "pad_width"),
    (lambda: pykeras3.op_hamming(2.5), "x"),
    (lambda: pykeras3.op_kaiser(2.5, 1.0), "x"),
    (lambda: pykeras3.op_trace(SQ, offset=0.5), "offset"),
    (lambda: op_ctc_decode(CTC_LOGITS, [4], beam_width=2.5), "beam_width"),
])
def test_integer_arguments_refuse_fractions(call, argument):
    with pytest.raises(ValueError, match=rf"`{argument}`.*2\.5|"
                                         rf"`{argument}`.*1\.5|"
                                         rf"`{argument}`.*0\.5"):
        call()


@pytest.mark.parametrize("call, argument", [
    (lambda: op_sum(A, axis=1.5), "axis"),
    (lambda: op_sum(A, axis=(0, 1.5)), "axis"),
    (lambda: op_argmax(A, axis=1.5), "axis"),
    (lambda: op_argsort(A, axis=1.5), "axis"),
    (lambda: op_expand_dims(A, 1.5), "axis"),
    (lambda: op_concatenate([A, A], axis=1.5), "axis"),
    (lambda: op_split(A, 3, axis=1.5), "axis"),
    (lambda: op_swapaxes(A, 0, 1.5), "axis2"),
    (lambda: op_swapaxes(A, 1.5, 0), "axis1"),
    (lambda: op_moveaxis(A, 1.5, 0), "source"),
    (lambda: op_moveaxis(A, 0, [1.5]), "destination"),
    (lambda: pykeras3.op_transpose(A, axes=(1.5, 0)), "axes"),
    (lambda: pykeras3.op_diagonal(SQ, axis1=1.5), "axis1"),
    (lambda: pykeras3.op_squeeze(A[None], axis=1.5), "axis"),
    (lambda: op_take(A, 0, axis=1.5), "axis"),
])
def test_axis_arguments_refuse_fractions(call, argument):
    with pytest.raises(ValueError, match=rf"`{argument}` must be an axis.*"
                                         rf"Received: {argument}="):
        call()


@pytest.mark.parametrize("bad", ["1", True, 1.5])
def test_axis_error_is_a_type_error_too_and_names_the_function(bad):
    with pytest.raises(TypeError, match=r"op_mean\(\): `axis`"):
        pykeras3.op_mean(A, axis=bad)


def test_integer_error_names_function_argument_and_value():
    with pytest.raises(ArgumentTypeError) as info:
        op_eye(2.5)
    assert str(info.value) == ("op_eye(): `N` must be a whole number. "
                               "Received: N=2.5")


# ----------------------------------------------------------------------
# R's `...` in Python

def test_einsum_takes_operands_as_separate_arguments():
    np.testing.assert_allclose(to_numpy(op_einsum("ij->j", A)),
                               np.einsum("ij->j", A), rtol=1e-6)
    np.testing.assert_allclose(to_numpy(op_einsum("ij,jk->ik", A, B.T)),
                               A @ B.T, rtol=1e-5)
    np.testing.assert_allclose(
        to_numpy(op_einsum("i,ij,j->", V, SQ, V)),
        np.einsum("i,ij,j->", V, SQ, V), rtol=1e-5)
    params = inspect.signature(op_einsum).parameters
    assert params["operands"].kind is inspect.Parameter.VAR_POSITIONAL


def test_meshgrid_takes_vectors_as_separate_arguments_and_indexing():
    x, y, z = np.arange(3), np.arange(2) * 10, np.arange(4) * 100
    for indexing in ("xy", "ij"):
        got = op_meshgrid(x, y, indexing=indexing)
        want = np.meshgrid(x, y, indexing=indexing)
        assert len(got) == 2
        for g, w in zip(got, want):
            np.testing.assert_array_equal(to_numpy(g), w)
    assert tuple(op_meshgrid(x, y)[0].shape) == (2, 3)        # "xy"
    assert tuple(op_meshgrid(x, y, indexing="ij")[0].shape) == (3, 2)
    three = op_meshgrid(x, y, z, indexing="ij")
    assert [tuple(g.shape) for g in three] == [(3, 2, 4)] * 3
    params = inspect.signature(op_meshgrid).parameters
    assert params["indexing"].kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.parametrize("fn, ref", [(op_hstack, np.hstack),
                                     (op_vstack, np.vstack)])
def test_hstack_vstack_take_a_list_or_separate_tensors(fn, ref):
    want = ref([A, B, A])
    for got in (fn([A, B, A]), fn((A, B, A)), fn(A, B, A)):
        np.testing.assert_array_equal(to_numpy(got), want)
    np.testing.assert_array_equal(to_numpy(fn(A, B)), ref([A, B]))
    np.testing.assert_array_equal(to_numpy(fn([A])), ref([A]))
    params = inspect.signature(fn).parameters
    assert list(params) == ["xs", "more"]
    assert params["more"].kind is inspect.Parameter.VAR_POSITIONAL


def test_hstack_of_vectors_joins_them_end_to_end():
    np.testing.assert_array_equal(to_numpy(op_hstack(V, W)),
                                  np.hstack([V, W]))


def test_vstack_of_vectors_on_tensorflow_joins_them_end_to_end():
    """Keras's TensorFlow backend concatenates 1-D tensors (NumPy would
    make rows); the documentation says so and points to op_stack()."""
    got = to_numpy(op_vstack(V, W))
    if keras.backend.backend() == "tensorflow":
        assert got.shape == (6,)
    else:
        np.testing.assert_array_equal(got, np.vstack([V, W]))
    assert "op_stack()" in op_vstack.__doc__


def test_vectorize_options_are_keyword_only():
    params = inspect.signature(op_vectorize).parameters
    assert list(params) == ["func", "excluded", "signature"]
    assert params["excluded"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["signature"].kind is inspect.Parameter.KEYWORD_ONLY
    with pytest.raises(TypeError):
        op_vectorize(np.sum, None)


def test_vectorize_with_a_signature_gives_func_its_core_axes():
    total = op_vectorize(lambda v: keras.ops.sum(v), signature="(n)->()")
    assert float(total(V)) == 6.0
    np.testing.assert_allclose(to_numpy(total(V[None, :])), [6.0])
    double = op_vectorize(lambda a, b: a * b, excluded={1})
    assert float(double(np.float32(3.0), 2.0)) == 6.0


@pytest.mark.xfail(keras.backend.backend() == "tensorflow",
                   reason="Keras 3.15's TensorFlow vectorize() refuses to "
                          "map over an axis (\"Not supported\")",
                   raises=ValueError, strict=True)
def test_vectorize_maps_over_elements_like_numpy():
    f = op_vectorize(lambda t: t * 2 + 1)
    np.testing.assert_allclose(to_numpy(f(V)), np.vectorize(
        lambda t: t * 2 + 1)(V))


@pytest.mark.xfail(keras.backend.backend() == "tensorflow",
                   reason="Keras 3.15's TensorFlow vdot() does not conjugate "
                          "its first argument", strict=True)
def test_vdot_conjugates_a_complex_first_argument_like_numpy():
    x1 = np.array([1j, 2], dtype="complex64")
    x2 = np.array([1j, 1], dtype="complex64")
    assert complex(to_numpy(pykeras3.op_vdot(x1, x2))) == np.vdot(x1, x2)


# ----------------------------------------------------------------------
# op_arange: keras3's `end` is Keras's `stop`; the end is excluded

def test_arange_end_is_excluded_like_pythons_range():
    assert to_numpy(op_arange(5)).tolist() == list(range(5))
    assert to_numpy(op_arange(2, 6)).tolist() == [2, 3, 4, 5]
    assert to_numpy(op_arange(0, end=3)).tolist() == [0, 1, 2]
    assert to_numpy(op_arange(1, 10, 3)).tolist() == list(range(1, 10, 3))
    assert to_numpy(op_arange(1, 10, step=3)).tolist() == [1, 4, 7]
    assert to_numpy(op_arange(5, 0, -2)).tolist() == [5, 3, 1]
    assert to_numpy(op_arange(4, 4)).tolist() == []


def test_arange_matches_numpy_for_floats_and_dtypes():
    np.testing.assert_allclose(to_numpy(op_arange(0, 1, 0.25)),
                               np.arange(0, 1, 0.25))
    out = op_arange(3, dtype="float32")
    assert keras.backend.standardize_dtype(out.dtype) == "float32"
    assert to_numpy(out).tolist() == [0.0, 1.0, 2.0]
    assert _category(to_numpy(op_arange(3))) == "i"
    assert list(inspect.signature(op_arange).parameters) == [
        "start", "end", "step", "dtype"]


def test_arange_end_plus_step_includes_the_end():
    """What keras3's include_end = TRUE does, written in Python."""
    assert to_numpy(op_arange(1, 5 + 1)).tolist() == [1, 2, 3, 4, 5]


# ----------------------------------------------------------------------
# Conversions fixed at the source (tools/overrides.py)

def test_converters_by_function_name_real_parameters():
    """A misspelt entry of CONVERTERS_BY_FUNCTION would be ignored
    silently by the generator."""
    from conftest import ROOT
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import overrides
    from pykeras3._args import CONVERTERS
    for name, params in overrides.CONVERTERS_BY_FUNCTION.items():
        signature = inspect.signature(getattr(pykeras3, name))
        for param, converter in params.items():
            assert param in signature.parameters, (name, param)
            assert converter is None or converter in CONVERTERS, converter


def test_logspace_takes_a_fractional_base():
    np.testing.assert_allclose(to_numpy(op_logspace(0, 2, 3, base=math.e)),
                               np.logspace(0, 2, 3, base=math.e), rtol=1e-6)
    np.testing.assert_allclose(to_numpy(op_logspace(0, 3, 4, base=2.0)),
                               [1, 2, 4, 8])


def test_select_takes_a_fractional_default():
    got = op_select([V < 2, V > 2], [V, -V], default=0.5)
    assert to_numpy(got).tolist() == [1.0, 0.5, -3.0]


def test_window_functions_refuse_a_fractional_length():
    # Keras would return a window of 3 meaningless points for 2.5.
    with pytest.raises(ValueError, match="`x` must be a whole number"):
        pykeras3.op_bartlett(2.5)
    assert tuple(pykeras3.op_bartlett(3.0).shape) == (3,)


# ----------------------------------------------------------------------
# Other behaviours a learner might not expect

def test_ctc_decode_blank_is_0_based_class_index():
    sequences, _ = op_ctc_decode(CTC_LOGITS, np.array([4]))
    assert to_numpy(sequences).tolist() == [[[1, 2, -1, -1]]]
    # Class 2 as the blank: 1, 0 are kept, the 2s dropped.
    sequences, _ = op_ctc_decode(CTC_LOGITS, np.array([4]), mask_index=2)
    assert to_numpy(sequences).tolist() == [[[1, 0, -1, -1]]]


def test_ctc_decode_beam_search_returns_top_paths():
    sequences, scores = op_ctc_decode(CTC_LOGITS, np.array([4]),
                                      strategy="beam_search", beam_width=4,
                                      top_paths=2)
    assert tuple(sequences.shape) == (2, 1, 4)
    assert tuple(scores.shape) == (1, 2)
    assert to_numpy(sequences)[0, 0].tolist()[:2] == [1, 2]


def test_std_and_var_divide_by_n_not_n_minus_1():
    x = np.array([1.0, 2.0, 3.0, 4.0], dtype="float32")
    assert float(pykeras3.op_var(x)) == pytest.approx(1.25)
    assert float(pykeras3.op_std(x)) == pytest.approx(math.sqrt(1.25))


def test_linspace_retstep_returns_values_and_step():
    values, step = pykeras3.op_linspace(0, 1, 5, retstep=True)
    np.testing.assert_allclose(to_numpy(values), np.linspace(0, 1, 5))
    assert float(step) == pytest.approx(0.25)
    np.testing.assert_allclose(
        to_numpy(pykeras3.op_linspace(0, 1, 4, endpoint=False)),
        np.linspace(0, 1, 4, endpoint=False))


def test_where_needs_both_values_or_none():
    with pytest.raises(ValueError):
        op_where(M, A)


def test_ndim_is_a_python_int_and_size_a_scalar_tensor():
    assert pykeras3.op_ndim(CUBE) == 3 and isinstance(
        pykeras3.op_ndim(CUBE), int)
    assert int(pykeras3.op_size(CUBE)) == 24


def test_ops_work_on_symbolic_tensors_in_a_functional_model():
    inputs = keras.Input(shape=(3,))
    outputs = op_sum(pykeras3.op_square(inputs), axis=-1, keepdims=True)
    model = keras.Model(inputs, outputs)
    try:
        np.testing.assert_allclose(model.predict(A, verbose=0),
                                   np.sum(A ** 2, axis=-1, keepdims=True),
                                   rtol=1e-5)
    finally:
        keras.backend.clear_session()
