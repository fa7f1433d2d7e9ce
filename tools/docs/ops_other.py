"""Documentation text of the core, nn, math, linear algebra and image ops.

Read by `tools/generate.py` (the format is described in `common.py`).
Python conventions throughout: axes, indices, labels and positions count
from 0, ranges exclude their end.  Our own words; never Keras's.
"""

# Shared phrases -------------------------------------------------------

_TENSOR = ("the input: a tensor or a NumPy array (wrap Python lists in "
           "`np.array()`: some Keras ops refuse them).")
_SPATIAL = (
    "a batch of sequences `(batch, steps, channels)`, images `(batch, "
    "height, width, channels)` or volumes `(batch, depth, height, width, "
    "channels)`; channels come second with `data_format = "
    "\"channels_first\"`.")
_PAIR = ("a tuple `(real, imag)` of two float tensors of the same shape: "
         "the real and imaginary parts of the input.")
_LOOP_VALUE = ("the same structure, shapes and dtypes as the value it "
               "receives")

SUMMARIES = {
    # core ops
    "op_associative_scan": "Accumulate the elements along an axis with an "
                           "associative function.",
    "op_cast": "Convert a tensor to another data type.",
    "op_cond": "Call one of two functions, depending on a boolean "
               "condition.",
    "op_convert_to_array": "Convert a tensor to a NumPy array (same as "
                           "`op_convert_to_numpy()`).",
    "op_convert_to_numpy": "Convert a tensor to a NumPy array.",
    "op_convert_to_tensor": "Convert an array, a number or a nested list to "
                            "a tensor.",
    "op_custom_gradient": "Make a function whose gradient is computed by a "
                          "function you write.",
    "op_dtype": "Get the data type of a tensor, as a string.",
    "op_fori_loop": "Run `body_fun` for `i` from `lower` to `upper - 1`, "
                    "carrying a value.",
    "op_is_tensor": "Check whether a value is a tensor of the current "
                    "backend.",
    "op_map": (
        "Apply a function to slices of a tensor along its first axis, in "
        "turn."),
    "op_rearrange": "Reorder, merge or split a tensor's axes with an "
                    "einops-style pattern.",
    "op_scan": "Loop over a tensor's slices, carrying a state and collecting "
               "outputs.",
    "op_scatter": "Create a tensor of zeros and add values at given "
                  "positions.",
    "op_scatter_update": "Replace the values of a tensor at given "
                         "positions.",
    "op_searchsorted": "Find where values would go in a sorted vector to "
                       "keep it sorted.",
    "op_shape": "Get the shape of a tensor, as a tuple.",
    "op_slice": "Take a block of a tensor, given its start position and "
                "size.",
    "op_slice_update": "Replace a block of a tensor, given the block's start "
                       "position.",
    "op_stop_gradient": "Return a tensor unchanged, but let no gradient flow "
                        "back through it.",
    "op_switch": "Call one of several functions, chosen by a 0-based "
                 "index.",
    "op_unstack": "Split a tensor along an axis into a list of tensors.",
    "op_vectorized_map": "Apply a function to slices of a tensor along its "
                         "first axis, vectorized.",
    "op_while_loop": "Repeat a loop body while a condition holds.",

    # nn ops
    "op_average_pool": "Average over sliding windows of sequences, images or "
                       "volumes.",
    "op_batch_normalization": "Normalize a tensor with a given mean and "
                              "variance, then scale and shift.",
    "op_binary_crossentropy": (
        "Compute the elementwise binary cross-entropy of targets and "
        "predictions."),
    "op_categorical_crossentropy": "Compute the cross-entropy of one-hot "
                                   "targets and class probabilities.",
    "op_celu": "Apply the continuously differentiable exponential linear "
               "unit (CELU).",
    "op_conv": "Convolve a batch of sequences, images or volumes with a "
               "kernel.",
    "op_conv_transpose": "Apply a transposed convolution, which upsamples its "
                         "input.",
    "op_ctc_loss": "Compute the CTC loss between label sequences and "
                   "per-step class scores.",
    "op_depthwise_conv": "Convolve each input channel separately with its own "
                         "filters.",
    "op_dot_product_attention": "Compute scaled dot-product attention of "
                                "queries over keys and values.",
    "op_elu": "Apply the exponential linear unit (ELU).",
    "op_gelu": "Apply the Gaussian error linear unit (GELU).",
    "op_glu": "Apply the gated linear unit (GLU): half of `x` gated by the "
              "other half.",
    "op_hard_shrink": "Set values close to zero to zero, keeping the others "
                      "(hard shrinkage).",
    "op_hard_sigmoid": "Apply the hard sigmoid, a piecewise linear "
                       "approximation of the sigmoid.",
    "op_hard_silu": "Apply the hard SiLU (hard swish), `x` times the hard "
                    "sigmoid of `x`.",
    "op_hard_swish": "Apply the hard swish (the same as `op_hard_silu()`).",
    "op_hard_tanh": "Clip values to the range from -1 to 1 (hard tanh).",
    "op_layer_normalization": "Normalize each sample over its last axis or "
                              "axes, then scale and shift.",
    "op_leaky_relu": "Apply the leaky ReLU: `x` if positive, a small slope "
                     "times `x` if not.",
    "op_log_sigmoid": "Compute the logarithm of the sigmoid, without "
                      "overflow.",
    "op_log_softmax": "Compute the logarithm of the softmax along an axis, "
                      "without overflow.",
    "op_max_pool": (
        "Take the maximum over sliding windows of sequences, images or "
        "volumes."),
    "op_moments": "Compute the mean and the variance of a tensor over "
                  "given axes.",
    "op_multi_hot": "Encode 0-based integer labels as multi-hot vectors.",
    "op_normalize": "Divide a tensor by its norm along an axis, giving "
                    "slices of norm 1.",
    "op_one_hot": "Encode 0-based integer labels as one-hot vectors.",
    "op_polar": "Build complex numbers from magnitudes and angles.",
    "op_psnr": "Compute the peak signal-to-noise ratio of two signals, in "
               "decibels.",
    "op_relu": "Apply the rectified linear unit, `max(x, 0)`.",
    "op_relu6": "Apply the rectified linear unit capped at 6, "
                "`min(max(x, 0), 6)`.",
    "op_rms_normalization": "Divide a tensor by its root mean square over "
                            "an axis, then scale it.",
    "op_selu": "Apply the scaled exponential linear unit (SELU).",
    "op_separable_conv": "Apply a depthwise convolution followed by a "
                         "pointwise (1x1) convolution.",
    "op_sigmoid": "Apply the logistic sigmoid, `1 / (1 + exp(-x))`.",
    "op_silu": "Apply the SiLU (swish), `x * sigmoid(x)`.",
    "op_soft_shrink": "Shrink values toward zero by a threshold (soft "
                      "shrinkage).",
    "op_softmax": "Turn scores into probabilities along an axis with the "
                  "softmax function.",
    "op_softplus": "Apply the softplus, `log(1 + exp(x))`, a smooth ReLU.",
    "op_softsign": "Apply the softsign, `x / (1 + abs(x))`.",
    "op_sparse_categorical_crossentropy": "Compute the cross-entropy of "
                                          "0-based labels and class "
                                          "probabilities.",
    "op_sparse_plus": "Apply sparse plus, a smooth ReLU: exactly 0 below -1 "
                      "and `x` above 1.",
    "op_sparse_sigmoid": (
        "Apply the sparse sigmoid, a piecewise linear sigmoid reaching 0 and "
        "1."),
    "op_sparsemax": "Turn scores into probabilities, setting low ones to 0 "
                    "(sparsemax).",
    "op_squareplus": "Apply the squareplus, `(x + sqrt(x^2 + b)) / 2`, a "
                     "smooth ReLU.",
    "op_tanh_shrink": "Apply the tanh shrink, `x - tanh(x)`.",
    "op_threshold": "Replace the values at or below a threshold by a "
                    "default value.",
    "op_unravel_index": "Convert 0-based flat positions into 0-based "
                        "coordinates within a shape.",

    # math ops
    "op_erf": "Compute the error function elementwise.",
    "op_erfinv": "Compute the inverse error function elementwise.",
    "op_extract_sequences": "Cut a tensor's last axis into fixed-length "
                            "frames, which may overlap.",
    "op_fft": "Compute the discrete Fourier transform of a complex signal.",
    "op_fft2": "Compute the 2D discrete Fourier transform over the last two "
               "axes.",
    "op_ifft2": (
        "Compute the inverse 2D discrete Fourier transform on the last two "
        "axes."),
    "op_in_top_k": "Check whether each target class is among the `k` "
                   "highest predictions.",
    "op_irfft": "Rebuild a real signal from its frequencies >= 0, inverting "
                "`op_rfft()`.",
    "op_istft": "Rebuild a signal from its short-time Fourier transform "
                "(`op_stft()`).",
    "op_logsumexp": "Compute `log(sum(exp(x)))` over axes, without "
                    "overflow.",
    "op_qr": "Compute the QR decomposition of a matrix.",
    "op_rfft": "Compute the Fourier transform of a real signal, for "
               "frequencies >= 0.",
    "op_rsqrt": "Compute `1 / sqrt(x)` elementwise.",
    "op_segment_max": "Compute the maximum of each segment of a tensor, given "
                      "0-based ids.",
    "op_segment_sum": "Compute the sum of each segment of a tensor, given "
                      "0-based segment ids.",
    "op_solve": "Solve the linear system `a @ x = b` for `x`.",
    "op_stft": (
        "Compute the short-time Fourier transform along a signal's last "
        "axis."),
    "op_top_k": "Find the `k` largest values in the last axis and their "
                "0-based indices.",

    # linear algebra ops
    "op_cholesky": "Compute the lower Cholesky factor `L` of a positive "
                   "definite matrix.",
    "op_det": "Compute the determinant of a square matrix.",
    "op_eig": "Compute the eigenvalues and eigenvectors of a square "
              "matrix.",
    "op_eigh": "Compute the eigenvalues and eigenvectors of a symmetric "
               "matrix.",
    "op_inv": "Compute the inverse of a square matrix.",
    "op_lstsq": "Solve `a @ x = b` for `x` in the least-squares sense.",
    "op_lu_factor": "Compute the LU decomposition of a square matrix, with "
                    "row pivoting.",
    "op_norm": "Compute a vector or matrix norm.",
    "op_slogdet": "Compute the sign and the log absolute value of a "
                  "determinant.",
    "op_solve_triangular": "Solve `a @ x = b` for `x` when `a` is "
                           "triangular.",
    "op_svd": "Compute the singular value decomposition of a matrix.",

    # image ops
    "op_image_affine_transform": (
        "Shift, rotate, scale or shear images with an affine transform."),
    "op_image_crop": "Crop images to a box given by offsets and a target "
                     "size.",
    "op_image_elastic_transform": "Distort images with a random, smooth "
                                  "elastic deformation.",
    "op_image_extract_patches": "Cut images into patches, each flattened "
                                "into the channel axis.",
    "op_image_gaussian_blur": "Blur images with a Gaussian kernel.",
    "op_image_hsv_to_rgb": "Convert images from HSV to RGB colors.",
    "op_image_map_coordinates": "Sample an array at given, possibly "
                                "fractional, 0-based coordinates.",
    "op_image_pad": "Pad images with zeros to a box given by offsets and a "
                    "target size.",
    "op_image_perspective_transform": "Warp images so that four given "
                                      "points move to four new "
                                      "positions.",
    "op_image_resize": "Resize images to a new height and width.",
    "op_image_rgb_to_grayscale": "Convert RGB images to grayscale.",
    "op_image_rgb_to_hsv": "Convert images from RGB to HSV colors.",
}

DETAILS = {
    # core ops
    "op_associative_scan": (
        "With `f = lambda a, b: a + b` the result is the cumulative sum "
        "(R's `cumsum()`); with a product or a maximum, the cumulative "
        "product or maximum. Because `f` is associative (`f(a, f(b, c))` "
        "equals `f(f(a, b), c)`), the elements can be combined in a tree, in "
        "a logarithmic number of parallel steps. `f` receives whole slices "
        "and must work elementwise on them; for a non-associative step "
        "function use `op_scan()`."),
    "op_cast": (
        "Floats become integers by dropping the fraction (toward zero: "
        "`1.7` gives `1`, `-1.2` gives `-1`), as R's `as.integer()` does; "
        "any nonzero value becomes `True` as `\"bool\"`."),
    "op_cond": (
        "R's `if (...) ... else ...` for code that Keras may trace into a "
        "graph (a `tf.function`, a model's `call()`), where `pred` may be a "
        "tensor whose value is only known when the graph runs. Both "
        "functions take no arguments (use the variables around them) and "
        "should return results of the same structure, shapes and dtypes."),
    "op_convert_to_array": (
        "keras3 returns an R array; the Python counterpart is a NumPy "
        "array, so this is `op_convert_to_numpy()`."),
    "op_convert_to_numpy": (
        "Use it to get plain numbers out of a result: to print, plot, or "
        "compare them. The tensor must hold values: a symbolic tensor from "
        "`keras_input()` has none yet."),
    "op_convert_to_tensor": (
        "Tensors of the backend are returned as they are unless `dtype`, "
        "`sparse` or `ragged` asks for a change."),
    "op_custom_gradient": (
        "Use it as a decorator, or pass the function. `f(*args)` returns a "
        "pair `(output, grad_fn)`: `grad_fn` receives the gradient flowing "
        "back into `output` (`upstream`) and returns the gradient for each "
        "argument of `f`. Backends call `grad_fn` differently (TensorFlow "
        "passes `upstream` by position, JAX by name); written as "
        "`def grad_fn(*args, upstream=None)`, taking `upstream` from `args` "
        "when it is `None`, it works with both. Useful for a numerically "
        "stable or a cheaper gradient."),
    "op_fori_loop": (
        "The counterpart of R's `for (i in lower:(upper - 1))` that carries "
        "a value from one step to the next: `body_fun(i, val)` gets the "
        "index and the current value and returns the next value, starting "
        "from `init_val`. As with Python's `range()`, `upper` is excluded."),
    "op_is_tensor": (
        "NumPy arrays, Python numbers and the symbolic tensors of "
        "`keras_input()` are not backend tensors."),
    "op_map": (
        "Like R's `lapply()` over the rows of `xs`, with the results "
        "stacked: `f` is called on `xs[0]`, `xs[1]`, ... in turn. If `xs` "
        "is a list, tuple or dict of tensors of the same first size, `f` "
        "receives the same structure of slices. `op_vectorized_map()` "
        "gives the same result, batched."),
    "op_rearrange": (
        "The pattern names the axes before and after `->`: "
        "`\"b h w c -> b c h w\"` moves the channels first, "
        "`\"b h w c -> b (h w c)\"` flattens each sample, and "
        "`\"(a b) -> a b\"` splits an axis in two (give the size of one "
        "part by name: `a=2`)."),
    "op_scan": (
        "`f(carry, x)` receives the current state and the next slice of "
        "`xs` (along the first axis) and returns `(new_carry, y)`; the "
        "result is the last state and all the `y`s, stacked. A cumulative "
        "sum is `op_scan(lambda c, x: (c + x, c + x), 0.0, xs)`. Without "
        "`xs`, give `length`: `f` then receives `None` as `x`."),
    "op_scatter": (
        "Each row of `indices` holds the 0-based coordinates of one "
        "position: `[[0], [2]]` for elements 0 and 2 of a vector, "
        "`[[1, 0]]` for row 1, column 0 of a matrix. Values given twice "
        "for the same position are added."),
    "op_scatter_update": (
        "Tensors do not change in place: this returns a new tensor. "
        "`indices` holds one row of 0-based coordinates per position, as "
        "for `op_scatter()`; `op_subset_set()` replaces values by Python "
        "indices and slices instead."),
    "op_searchsorted": (
        "A result `i` means the value goes before element `i` (0-based) of "
        "`sorted_sequence`: `0` before the first, `len(sorted_sequence)` "
        "after the last. With `side = \"right\"` the result counts the "
        "elements less than or equal to each value, as R's "
        "`findInterval()` does."),
    "op_shape": (
        "Sizes not known yet (the batch size of a `keras_input()` tensor) "
        "are `None`; inside a traced function they may be scalar tensors."),
    "op_slice": (
        "`op_slice(x, (1, 0), (2, 2))` is `x[1:3, 0:2]`. Unlike "
        "`op_subset()`, the start may be a tensor known only when a traced "
        "function runs; the size is fixed."),
    "op_slice_update": (
        "Returns a new tensor: `inputs` with the block of `updates`'s shape "
        "that starts at `start_indices` replaced by `updates`."),
    "op_stop_gradient": (
        "The value does not change, but differentiation treats it as a "
        "constant. Use it for targets computed from the model itself, or "
        "to keep part of a computation out of training."),
    "op_switch": (
        "R's `switch()` for traced code: calls `branches[index](*operands)`. "
        "An index out of range is clamped: below 0 calls the first "
        "function, past the end the last one. Every branch takes the same "
        "operands and returns results of the same structure, shapes and "
        "dtypes."),
    "op_vectorized_map": (
        "The same result as `op_map()`, computed for all slices at once "
        "where the backend can vectorize `f` (usually much faster than a "
        "loop). Write `f` for one slice. The data come first, as in "
        "keras3."),
    "op_while_loop": (
        "R's `while` for traced code. A tuple or list in `loop_vars` is "
        "unpacked: `cond` and `body` receive its elements as separate "
        "arguments, and `body` returns the new values in the same "
        "structure (a tuple stays a tuple, even of one element: "
        "`lambda i: (i + 1,)`). A single tensor is passed and returned as "
        "it is."),

    # nn ops
    "op_batch_normalization": (
        "Computes `(x - mean) / sqrt(variance + epsilon) * scale + offset`. "
        "The statistics are given here (from `op_moments()`, say); "
        "`layer_batch_normalization()` learns and tracks them for you."),
    "op_binary_crossentropy": (
        "No average is taken, unlike `loss_binary_crossentropy()`: use "
        "`op_mean()` on the result. Probabilities are kept away from 0 and "
        "1 so that the logarithm stays finite."),
    "op_categorical_crossentropy": (
        "The loss of each sample is `-sum(target * log(output))` over the "
        "class axis; no average over samples is taken."),
    "op_celu": (
        "`x` for positive values, `alpha * (exp(x / alpha) - 1)` "
        "otherwise."),
    "op_conv": (
        "The number of spatial axes (1, 2 or 3) follows the rank of "
        "`inputs`. As in every deep learning library this is a "
        "cross-correlation: the kernel is not flipped. `layer_conv_1d()`, "
        "`layer_conv_2d()` and `layer_conv_3d()` create and learn the "
        "kernel for you."),
    "op_conv_transpose": (
        "Each input value spreads a copy of the kernel, scaled by the "
        "value, over the output: with `strides = 2` the output is about "
        "twice as long on each spatial axis. It reverses the shape change "
        "of a strided convolution with the same settings."),
    "op_ctc_loss": (
        "Connectionist temporal classification scores a sequence of "
        "per-step class scores against a shorter label sequence, summing "
        "over every alignment of the two (speech and handwriting "
        "recognition). One class, `mask_index`, is the blank."),
    "op_dot_product_attention": (
        "For each head: `softmax(query @ key.T * scale) @ value`, where "
        "`mask`, `is_causal` and `bias` change the scores before the "
        "softmax. With fewer key heads than query heads (a divisor of "
        "them), the key and value heads are shared by groups of query "
        "heads."),
    "op_elu": "`x` for positive values, `alpha * (exp(x) - 1)` otherwise.",
    "op_gelu": (
        "`x` weighted by the probability that a standard normal variable "
        "is below it: `x * pnorm(x)` in R terms."),
    "op_glu": (
        "`x` is split along `axis` into halves `a` and `b`; the result is "
        "`a * sigmoid(b)`."),
    "op_hard_sigmoid": "`0` below -3, `1` above 3, `x / 6 + 0.5` between.",
    "op_layer_normalization": (
        "Each sample is centered and divided by its standard deviation over "
        "`axis`, then multiplied by `gamma` and shifted by `beta`. "
        "`layer_layer_normalization()` learns `gamma` and `beta` for you."),
    "op_moments": (
        "The variance divides by the number of values (not by n - 1 as "
        "R's `var()` does)."),
    "op_multi_hot": (
        "Each sample (a row of `inputs`) becomes a vector of "
        "`num_classes` zeros with a 1 at every label it contains; labels "
        "count from 0."),
    "op_normalize": "Computes `x / max(norm(x), epsilon)` along `axis`.",
    "op_one_hot": (
        "Labels count from 0: label `0` sets the first position, "
        "`num_classes - 1` the last (keras3 counts from 1 by default). A "
        "label outside that range gives a vector of zeros."),
    "op_psnr": (
        "`20 * log10(max_val) - 10 * log10(mean((x1 - x2)^2))`: higher "
        "means closer. It mostly compares an image with a compressed or "
        "rebuilt copy of it."),
    "op_rms_normalization": (
        "Computes `x / sqrt(mean(x^2) + epsilon) * scale` over `axis`, "
        "without centering (unlike `op_layer_normalization()`)."),
    "op_selu": (
        "`scale * x` for positive values and `scale * alpha * (exp(x) - 1)` "
        "otherwise, with fixed `alpha` about 1.673 and `scale` about 1.051, "
        "chosen so that activations keep mean 0 and variance 1."),
    "op_softmax": (
        "`exp(x)` divided by its sum over `axis`: the values along that "
        "axis become positive and sum to 1."),
    "op_sparse_plus": "`0` up to -1, `(x + 1)^2 / 4` between -1 and 1, `x` "
                      "from 1.",
    "op_sparse_sigmoid": "`0` up to -1, `(x + 1) / 2` between -1 and 1, "
                         "`1` from 1.",
    "op_sparsemax": (
        "The scores are projected onto the probability simplex: the "
        "result sums to 1 along `axis`, and small scores get exactly 0."),
    "op_sparse_categorical_crossentropy": (
        "Labels count from 0 (the first class is 0). The loss of each "
        "sample is `-log(output[label])`; no average is taken."),
    "op_unravel_index": (
        "Positions count in row-major order (the last axis fastest), as in "
        "NumPy. R arrays are column-major, so R's `arrayInd()` gives other "
        "coordinates for the same number."),

    # math ops
    "op_erfinv": "Defined on (-1, 1): `op_erf(op_erfinv(y))` is `y`.",
    "op_extract_sequences": (
        "A window of `sequence_length` values slides along the last axis "
        "in steps of `sequence_stride`, giving "
        "`1 + (n - sequence_length) // sequence_stride` frames of an axis "
        "of length `n`."),
    "op_fft": (
        "Keras's Fourier ops take and return complex values as pairs of "
        "real tensors, `(real, imag)`; NumPy's `np.fft.fft(real + 1j * "
        "imag)` computes the same transform. It runs along the last "
        "axis."),
    "op_in_top_k": (
        "Targets are 0-based class indices. A target tied with the "
        "`k`-th highest score counts as in the top `k`."),
    "op_istft": (
        "Give the same `sequence_length`, `sequence_stride`, `fft_length`, "
        "`window` and `center` as to `op_stft()`."),
    "op_rfft": (
        "It runs along the last axis. The negative frequencies of a real "
        "signal are the conjugates of its positive ones, so only those "
        "from 0 up are returned."),
    "op_segment_max": (
        "Row `i` of `data` belongs to segment `segment_ids[i]`, counted "
        "from 0. A segment without rows gets the lowest value of the dtype. "
        "R's `tapply(data, ids, max)` is the closest R function."),
    "op_segment_sum": (
        "Row `i` of `data` belongs to segment `segment_ids[i]`, counted "
        "from 0. A segment without rows sums to 0. R's `rowsum()` is the "
        "closest R function."),
    "op_solve": "R's `solve(a, b)`.",
    "op_stft": (
        "The signal is cut into frames of `sequence_length` values, "
        "`sequence_stride` apart; each frame is multiplied by the window, "
        "zero-padded to `fft_length` and transformed with `op_rfft()`."),
    "op_top_k": (
        "The positions count from 0: `0` is the first element (R's "
        "`order()` counts from 1)."),

    # linear algebra ops
    "op_cholesky": (
        "`L` is lower triangular, and `L @ L.T` gives `x` back. R's `chol()` "
        "returns the upper factor, `t(L)`."),
    "op_eigh": (
        "The eigenvalues come in increasing order (R's `eigen()` gives "
        "decreasing order)."),
    "op_inv": "R's `solve(x)`.",
    "op_lu_factor": (
        "What `pivots` means follows the backend. With TensorFlow it is a "
        "permutation: `(L @ U)[pivots]` is `x`, where `L` has ones on the "
        "diagonal and the part of `lu` below it, and `U` is the rest of "
        "`lu`. Other backends may give LAPACK's sequence of row swaps "
        "instead."),
    "op_norm": (
        "With `axis = None`, a vector gets a vector norm and a matrix a "
        "matrix norm."),
    "op_slogdet": (
        "The determinant is `sign * exp(logabsdet)`; working with its "
        "logarithm avoids overflow and underflow for large matrices."),
    "op_svd": (
        "`v` is already transposed: `u @ diag(s) @ v` is `x`, while R's "
        "`svd()` returns `v` with `x = u %*% diag(d) %*% t(v)`."),

    # image ops
    "op_image_affine_transform": (
        "Keras describes the transform from output to input: each output "
        "pixel `(x, y)` (column, row) takes the input at `((a0 x + a1 y + "
        "a2) / k, (b0 x + b1 y + b2) / k)`, with `k = c0 x + c1 y + 1`. So "
        "`[1, 0, 1, 0, 1, 0, 0, 0]` moves the content one pixel left. `c0` "
        "and `c1` are used by the TensorFlow backend only; when they are "
        "not 0 the transform is projective (it changes the perspective)."),
    "op_image_crop": (
        "Give two of the three values on each axis: `top_cropping`, "
        "`bottom_cropping`, `target_height` for rows, and `left_cropping`, "
        "`right_cropping`, `target_width` for columns."),
    "op_image_elastic_transform": (
        "A random displacement field is drawn, smoothed with a Gaussian "
        "blur of width `sigma`, and scaled by `alpha`; each pixel then "
        "takes the value at its displaced position. For data "
        "augmentation."),
    "op_image_hsv_to_rgb": (
        "All channels are in [0, 1]; hue is a fraction of a full turn."),
    "op_image_map_coordinates": (
        "Coordinates count from 0: `coordinates[k]` holds the positions "
        "along axis `k`, and `(0, 0)` is the first element. Like "
        "`scipy.ndimage.map_coordinates`."),
    "op_image_pad": (
        "Give two of the three values on each axis: `top_padding`, "
        "`bottom_padding`, `target_height` for rows, and `left_padding`, "
        "`right_padding`, `target_width` for columns."),
    "op_image_perspective_transform": (
        "Points are `(x, y)`: column, then row. The content at each start "
        "point moves to the matching end point, and everything else "
        "follows the projective map that this defines."),
    "op_image_rgb_to_grayscale": (
        "Each pixel becomes `0.2989 * R + 0.5870 * G + 0.1140 * B`."),
    "op_image_rgb_to_hsv": (
        "Channels in [0, 1]; hue is a fraction of a full turn (red 0, "
        "green 1/3, blue 2/3)."),
}

PARAMS = {
    # The input, by family (common.py's `x` promises more than some of
    # Keras's ops take: they refuse plain Python lists).
    "core ops:x": _TENSOR,
    "nn ops:x": _TENSOR,
    "math ops:x": _TENSOR,
    "linear algebra ops:x": (
        "the input matrix, or a batch of them: a tensor or NumPy array of "
        "shape `(..., m, n)` (square, `(..., n, n)`, where needed)."),
    "image ops:images": (
        "one image `(height, width, channels)` or a batch `(batch, height, "
        "width, channels)`, as a tensor or NumPy array; channels come "
        "before height with `data_format = \"channels_first\"`."),

    # core ops
    "core ops:axis": "the axis to work along, counted from 0 (`-1` is the "
                     "last).",
    "core ops:indices": (
        "an integer tensor, array or nested list of shape `(n, k)`: `n` "
        "positions, each given by `k` 0-based coordinates (with `k` less "
        "than the rank, each row selects a whole slice)."),
    "core ops:start_indices": (
        "the 0-based position where the block starts, one integer per "
        "axis (a tuple, list, or integer tensor)."),
    "op_associative_scan:f": (
        "a function `f(a, b)` that combines two slices elementwise and is "
        "associative; with a structure of tensors in `elems`, it receives "
        "and returns that structure."),
    "op_associative_scan:elems": (
        "a tensor, or a list, tuple or dict of tensors with the same size "
        "along `axis`."),
    "op_associative_scan:reverse": "combine from the last element to the "
                                   "first.",
    "op_cast:dtype": "the new data type, such as `\"int32\"`, `\"float32\"` "
                     "or `\"bool\"`.",
    "op_cond:pred": "the condition: `True`, `False`, or a scalar boolean "
                    "tensor.",
    "op_cond:true_fn": "a function of no arguments, called when `pred` is "
                       "true.",
    "op_cond:false_fn": "a function of no arguments, called when `pred` is "
                        "false.",
    "op_convert_to_array:x": "a tensor, or anything NumPy can turn into an "
                             "array.",
    "op_convert_to_numpy:x": "a tensor, or anything NumPy can turn into an "
                             "array.",
    "op_convert_to_tensor:x": "a NumPy array, a number, a (nested) list of "
                              "numbers, or a tensor.",
    "op_convert_to_tensor:dtype": (
        "the data type of the tensor; `None` keeps the input's own (Python "
        "floats become `\"float32\"`, Python integers `\"int32\"`)."),
    "op_convert_to_tensor:sparse": (
        "whether a sparse input stays sparse: `False` makes it dense, "
        "`None` keeps it sparse where the backend has sparse tensors."),
    "op_convert_to_tensor:ragged": (
        "whether a ragged input stays ragged: `False` makes it dense, "
        "`None` keeps it ragged where the backend has ragged tensors."),
    "op_custom_gradient:f": "a function returning `(output, grad_fn)`, as "
                            "described above.",
    "op_dtype:x": "a tensor (or a NumPy array).",
    "op_fori_loop:lower": "the first index: an integer or a scalar integer "
                          "tensor.",
    "op_fori_loop:upper": "the index to stop before (it is not run).",
    "op_fori_loop:body_fun": (
        f"a function `body_fun(i, val)` returning the next value, with "
        f"{_LOOP_VALUE}."),
    "op_fori_loop:init_val": "the starting value: a tensor, a number, or a "
                             "list, tuple or dict of them.",
    "op_is_tensor:x": "any value.",
    "op_map:xs": "the tensor (or list, tuple or dict of tensors) to map "
                 "over, along its first axis.",
    "op_map:f": "a function of one slice, returning a tensor (or "
                "structure) of the same shape for every slice.",
    "op_rearrange:tensor": "the input tensor (or NumPy array).",
    "op_rearrange:pattern": (
        "a string `\"input axes -> output axes\"` naming every axis; axes "
        "in parentheses are merged (on the right) or split (on the left)."),
    "op_rearrange:**kwargs": "the sizes of the axes that a split needs, by "
                             "name (`a=2`).",
    "op_scan:f": (
        "a function `f(carry, x)` returning `(new_carry, y)`, where "
        "`new_carry` has the structure, shapes and dtypes of `init`."),
    "op_scan:init": "the starting state: a tensor, or a list, tuple or dict "
                    "of tensors.",
    "op_scan:xs": "the values to loop over, along their first axis; `None` "
                  "to loop `length` times without values.",
    "op_scan:length": "the number of steps: needed when `xs` is `None`; "
                      "otherwise it must equal `xs`'s first size.",
    "op_scan:reverse": "loop from the last slice to the first (the stacked "
                       "outputs stay in the order of `xs`).",
    "op_scan:unroll": (
        "how many steps to unroll in each iteration of the loop (a positive "
        "integer, or `True` for all): faster or slower, never a different "
        "result."),
    "op_scatter:values": "the values to add: one per row of `indices` (or "
                         "one slice per row).",
    "op_scatter:shape": "the shape of the result: a tuple of integers.",
    "op_scatter_update:inputs": "the tensor whose values are replaced.",
    "op_scatter_update:updates": "the new values: one per row of `indices` "
                                 "(or one slice per row).",
    "op_searchsorted:sorted_sequence": "a vector (1-D tensor) sorted in "
                                       "increasing order.",
    "op_searchsorted:values": "the values to look up: a tensor of any "
                              "shape.",
    "op_searchsorted:side": (
        "where a value equal to an element goes: `\"left\"` (before it) "
        "or `\"right\"` (after it)."),
    "op_shape:x": "a tensor, a symbolic tensor, or a NumPy array.",
    "op_slice:inputs": "the tensor to take the block from.",
    "op_slice:shape": "the size of the block along each axis: a tuple of "
                      "integers.",
    "op_slice_update:inputs": "the tensor to update.",
    "op_slice_update:updates": (
        "the new block: a tensor of the same rank as `inputs` that fits "
        "inside it from `start_indices` on."),
    "op_stop_gradient:variable": "the tensor (or variable) to treat as a "
                                 "constant.",
    "op_switch:index": (
        "the 0-based position of the function to call: an integer or a "
        "scalar integer tensor (clamped into range)."),
    "op_switch:branches": "a list of functions taking the same arguments.",
    "op_switch:*operands": "the arguments passed to the chosen function.",
    "op_unstack:num": (
        "the number of pieces (the size of `axis`): needed only when the "
        "shape does not tell it; `None` otherwise."),
    "op_vectorized_map:elements": (
        "the tensor (or list, tuple or dict of tensors) to map over, along "
        "its first axis."),
    "op_vectorized_map:f": "a function of one slice.",
    "op_while_loop:cond": (
        "a function of the loop variables that returns a scalar boolean: "
        "the loop runs while it is true."),
    "op_while_loop:body": (
        "a function of the loop variables that returns their new values, "
        f"with {_LOOP_VALUE}."),
    "op_while_loop:loop_vars": (
        "the starting values: a tuple or list (unpacked into separate "
        "arguments), or a single tensor or number."),
    "op_while_loop:maximum_iterations": (
        "stop after this many iterations even if `cond` is still true; "
        "`None` for no limit."),

    # nn ops
    "nn ops:axis": "the axis to work along, counted from 0 (`-1` is the "
                   "last).",
    "nn ops:inputs": _SPATIAL,
    "nn ops:pool_size": "the size of the window: an integer, or one per "
                        "spatial axis.",
    "nn ops:from_logits": (
        "whether `output` holds logits (unbounded scores, before a sigmoid "
        "or softmax) instead of probabilities."),
    "nn ops:num_classes": "the number of classes: the length of each "
                          "encoded vector.",
    "nn ops:sparse": "return a sparse tensor (where the backend has them).",
    "op_average_pool:strides": (
        "the step between windows: an integer, or one per spatial axis; "
        "`None` uses `pool_size` (windows side by side)."),
    "op_max_pool:strides": (
        "the step between windows: an integer, or one per spatial axis; "
        "`None` uses `pool_size` (windows side by side)."),
    "op_batch_normalization:mean": "the mean: one value per position along "
                                   "`axis`.",
    "op_batch_normalization:variance": "the variance, shaped like `mean`.",
    "op_batch_normalization:axis": (
        "the axis (counted from 0; `-1` is the last) along which `mean`, "
        "`variance`, `offset` and `scale` run, usually the channels."),
    "op_batch_normalization:offset": "a vector added after normalizing "
                                     "(beta), or `None`.",
    "op_batch_normalization:scale": "a vector multiplied after normalizing "
                                    "(gamma), or `None`.",
    "op_binary_crossentropy:target": "the true labels, 0 or 1 (or "
                                     "probabilities).",
    "op_binary_crossentropy:output": (
        "the predicted probabilities (or logits, with `from_logits = "
        "True`), shaped like `target`."),
    "op_categorical_crossentropy:target": (
        "one-hot targets (or probabilities), shape `(..., classes)`."),
    "op_categorical_crossentropy:output": (
        "the predicted probabilities (or logits, with `from_logits = "
        "True`), shaped like `target`."),
    "op_categorical_crossentropy:axis": "the class axis, counted from 0 "
                                        "(`-1` is the last).",
    "op_sparse_categorical_crossentropy:target": (
        "0-based integer class labels, shaped like `output` without its "
        "class axis."),
    "op_sparse_categorical_crossentropy:output": (
        "the predicted probabilities (or logits, with `from_logits = "
        "True`), shape `(..., classes)`."),
    "op_sparse_categorical_crossentropy:axis": "the class axis of "
                                               "`output`, counted from 0 "
                                               "(`-1` is the last).",
    "op_celu:alpha": "the scale of the negative part: values approach "
                     "`-alpha` for very negative `x`.",
    "op_elu:alpha": "the scale of the negative part: values approach "
                    "`-alpha` for very negative `x`.",
    "op_conv:kernel": (
        "the filters, shape `(kernel size..., input channels, output "
        "channels)`: `(3, 3, 1, 8)` holds 8 filters of 3x3 on one "
        "channel."),
    "op_conv_transpose:kernel": (
        "the filters, shape `(kernel size..., output channels, input "
        "channels)` (the channel axes in the opposite order to "
        "`op_conv()`)."),
    "op_conv_transpose:output_padding": (
        "extra size added at one end of each spatial output axis, to pick "
        "one of the output sizes that a stride allows (less than the "
        "stride); an integer, one per spatial axis, or `None` to infer "
        "it."),
    "op_ctc_loss:target": (
        "the label sequences: integers, shape `(batch, max_label_length)`, "
        "padded beyond each `target_length`."),
    "op_ctc_loss:output": "the class scores (logits) of each step, shape "
                          "`(batch, max_steps, classes)`.",
    "op_ctc_loss:target_length": "the length of each label sequence, shape "
                                 "`(batch,)`.",
    "op_ctc_loss:output_length": "the number of valid steps of each output, "
                                 "shape `(batch,)`.",
    "op_ctc_loss:mask_index": "the 0-based class index of the blank.",
    "op_depthwise_conv:kernel": (
        "the filters, shape `(kernel size..., input channels, "
        "multiplier)`: `multiplier` filters for each channel."),
    "op_separable_conv:depthwise_kernel": (
        "the depthwise filters, shape `(kernel size..., input channels, "
        "multiplier)`."),
    "op_separable_conv:pointwise_kernel": (
        "the 1x1 filters that mix the channels, shape `(1, ..., input "
        "channels * multiplier, output channels)`."),
    "op_dot_product_attention:query": "the queries, shape `(batch, "
                                      "target length, heads, head size)`.",
    "op_dot_product_attention:key": "the keys, shape `(batch, source "
                                    "length, key heads, head size)`.",
    "op_dot_product_attention:value": "the values, shaped like `key`.",
    "op_dot_product_attention:bias": (
        "a tensor added to the scores before the softmax, broadcast to "
        "`(batch, heads, target length, source length)`; or `None`."),
    "op_dot_product_attention:mask": (
        "a boolean tensor broadcast to the scores' shape: `True` where "
        "attention is allowed, `False` where it is blocked; or `None`."),
    "op_dot_product_attention:scale": "the factor applied to the scores; "
                                      "`None` uses `1 / sqrt(head size)`.",
    "op_dot_product_attention:is_causal": (
        "block attention to later positions: each position sees itself "
        "and those before it."),
    "op_dot_product_attention:flash_attention": (
        "use a fused flash-attention kernel: `True`, `False`, or `None` to "
        "use it when the hardware, dtype and shapes allow (not on CPU)."),
    "op_dot_product_attention:attn_logits_soft_cap": (
        "a bound that the scores are softly capped to before the softmax; "
        "`None` for none. Keras supports it on the JAX backend with TPUs "
        "only."),
    "op_gelu:approximate": "use the fast tanh approximation (`True`) or "
                           "the exact formula with `erf` (`False`).",
    "op_glu:axis": "the axis to split in halves, counted from 0 (`-1` is "
                   "the last); its size must be even.",
    "op_hard_shrink:threshold": "values whose absolute value is at most "
                                "this become 0.",
    "op_soft_shrink:threshold": (
        "the amount subtracted from absolute values; values whose absolute "
        "value is at most this become 0."),
    "op_threshold:threshold": "values greater than this are kept.",
    "op_threshold:default_value": "the value that replaces the others.",
    "op_layer_normalization:gamma": "a scale multiplied after normalizing, "
                                    "or `None` for none.",
    "op_layer_normalization:beta": "an offset added after normalizing, or "
                                   "`None` for none.",
    "op_layer_normalization:axis": "the axis or axes to normalize over, "
                                   "counted from 0 (`-1` is the last).",
    "op_layer_normalization:epsilon": (
        "a small number that keeps the division finite; `None` uses Keras's "
        "`config_epsilon()`."),
    "op_rms_normalization:scale": "a factor multiplied after normalizing, "
                                  "or `None` for none.",
    "op_rms_normalization:axis": "the axis or axes to normalize over, "
                                 "counted from 0 (`-1` is the last).",
    "op_rms_normalization:epsilon": (
        "a small number that keeps the division finite; `None` uses Keras's "
        "`config_epsilon()`."),
    "op_normalize:axis": "the axis or axes to normalize along, counted from "
                         "0 (`-1` is the last).",
    "op_normalize:order": "the order of the norm: `2` (Euclidean), `1` "
                          "(sum of absolute values), or another integer "
                          ">= 1.",
    "op_normalize:epsilon": "the smallest norm divided by (smaller norms "
                            "are replaced by it); `None` uses Keras's "
                            "`config_epsilon()`.",
    "op_leaky_relu:negative_slope": "the slope for negative values.",
    "op_moments:axes": "the axis or axes to reduce, counted from 0: an "
                       "integer, or a list or tuple of integers.",
    "op_moments:synchronized": (
        "with TensorFlow and a distribution strategy, compute the "
        "statistics over all replicas together instead of on each one."),
    "op_multi_hot:inputs": (
        "0-based integer labels: shape `(batch, labels)`, or a vector for "
        "one sample (a tensor or NumPy array)."),
    "op_multi_hot:axis": "where the class axis goes in the result, counted "
                         "from 0 (`-1`, the default, is last).",
    "op_one_hot:x": "0-based integer labels: a tensor or NumPy array of any "
                    "shape.",
    "op_one_hot:axis": "where the new class axis goes, counted from 0 "
                       "(`-1`, the default, is last).",
    "op_polar:abs_": "the magnitudes (absolute values).",
    "op_polar:angle": "the angles, in radians, shaped like `abs_`.",
    "op_psnr:max_val": (
        "the largest possible value of the signal: 1 for images scaled to "
        "[0, 1], 255 for 8-bit images."),
    "op_squareplus:b": "the smoothness: a larger `b` rounds the corner at "
                       "0 more (`b = 0` gives ReLU).",
    "op_unravel_index:indices": "0-based flat positions: an integer, or an "
                                "integer tensor or array.",
    "op_unravel_index:shape": "the shape to unravel into: a tuple of "
                              "integers.",

    # math ops
    "math ops:sequence_length": "the length of each frame.",
    "math ops:sequence_stride": "the step between the starts of two "
                                "consecutive frames.",
    "math ops:data": "the values: a tensor whose first axis matches "
                     "`segment_ids`.",
    "math ops:segment_ids": "0-based integer segment ids, one per row of "
                            "`data`.",
    "math ops:num_segments": (
        "the number of segments (the length of the result), or `None` to "
        "infer it. With TensorFlow, unsorted ids give as many segments as "
        "distinct ids (so give `num_segments` when an id is unused), sorted "
        "ids the largest id plus one, and `num_segments` cannot be combined "
        "with `sorted = True`."),
    "op_segment_max:sorted": "promise that `segment_ids` never decrease, "
                             "which allows a faster method.",
    "op_segment_sum:sorted": "promise that `segment_ids` never decrease, "
                             "which allows a faster method.",
    "op_fft:x": _PAIR,
    "op_fft2:x": _PAIR,
    "op_ifft2:x": _PAIR,
    "op_irfft:x": (
        "a tuple `(real, imag)` of the non-negative frequencies, as "
        "`op_rfft()` returns them."),
    "op_irfft:fft_length": (
        "the length of the signal to rebuild; `None` uses `2 * (n - 1)` "
        "for `n` frequencies."),
    "op_rfft:x": "a real signal: a float tensor or NumPy array.",
    "op_rfft:fft_length": (
        "the length of the transform: the signal is cut or zero-padded to "
        "it; `None` uses the signal's length."),
    "op_stft:x": "a real signal, or a batch of them: a float tensor or "
                 "NumPy array.",
    "op_stft:fft_length": (
        "the length of each frame's transform (at least `sequence_length`; "
        "frames are zero-padded to it)."),
    "op_stft:window": (
        "the window applied to each frame: `\"hann\"`, `\"hamming\"`, a "
        "tensor of length `sequence_length`, or `None` for none."),
    "op_stft:center": (
        "pad the signal at both ends so that frame `t` is centered at "
        "`t * sequence_stride`."),
    "op_istft:x": "a tuple `(real, imag)` as returned by `op_stft()`.",
    "op_istft:fft_length": "the `fft_length` given to `op_stft()`.",
    "op_istft:length": "cut or pad the result to this many values; `None` "
                       "keeps what the frames give.",
    "op_istft:window": (
        "the window given to `op_stft()`: `\"hann\"`, `\"hamming\"`, a "
        "tensor of length `sequence_length`, or `None`."),
    "op_istft:center": "the `center` given to `op_stft()`.",
    "op_in_top_k:targets": "0-based integer class labels, shape "
                           "`(batch,)`.",
    "op_in_top_k:predictions": "the scores of each class, shape `(batch, "
                               "classes)`.",
    "op_in_top_k:k": "how many of the highest scores count.",
    "op_qr:mode": (
        "`\"reduced\"` (for an `m x n` matrix, `q` is `m x k` and `r` is "
        "`k x n`, with `k = min(m, n)`) or `\"complete\"` (`q` is `m x m`, "
        "`r` is `m x n`)."),
    "op_solve:a": "a square matrix, or a batch of them: shape `(..., n, "
                  "n)`.",
    "op_solve:b": "the right-hand side: shape `(..., n)` or `(..., n, k)`.",
    "op_top_k:k": "how many values to return.",
    "op_top_k:sorted": "return them from largest to smallest (otherwise in "
                       "no particular order).",

    # linear algebra ops
    "op_lstsq:a": "the matrix, shape `(m, n)`.",
    "op_lstsq:b": "the right-hand side, shape `(m,)` or `(m, k)`.",
    "op_lstsq:rcond": (
        "singular values of `a` below `rcond` times the largest count as "
        "zero; `None` uses a default based on the machine precision."),
    "op_solve_triangular:a": "a triangular matrix, shape `(..., n, n)`.",
    "op_solve_triangular:b": "the right-hand side, shape `(..., n)` or "
                             "`(..., n, k)`.",
    "op_solve_triangular:lower": (
        "use the lower triangle of `a` (`True`) or the upper one "
        "(`False`); the other triangle is ignored."),
    "op_norm:ord": (
        "which norm: `None` (Euclidean for vectors, Frobenius for "
        "matrices), a number such as `1`, `2` or `np.inf`, or, for "
        "matrices, `\"fro\"` or `\"nuc\"`."),
    "op_norm:axis": (
        "an integer for vector norms along that axis, a pair of integers "
        "for matrix norms over those two axes (counted from 0), or "
        "`None`."),
    "op_svd:full_matrices": (
        "return square `u` and `v` (`True`), or only their first "
        "`min(m, n)` columns and rows (`False`)."),
    "op_svd:compute_uv": "return `u` and `v` too (`True`), or only the "
                         "singular values (`False`).",

    # image ops
    "image ops:interpolation": "how pixel values between pixels are "
                               "computed: `\"bilinear\"` or "
                               "`\"nearest\"`.",
    "image ops:fill_mode": (
        "how points outside the image are filled: `\"constant\"` (with "
        "`fill_value`), `\"nearest\"` (the closest edge pixel), `\"wrap\"` "
        "(the opposite edge) or `\"reflect\"` (mirrored at the edge)."),
    "image ops:fill_value": "the value of points outside the image, with "
                            "`fill_mode = \"constant\"`.",
    "op_image_affine_transform:transform": (
        "8 numbers `[a0, a1, a2, b0, b1, b2, c0, c1]`, or a batch of them "
        "of shape `(batch, 8)`, read as described above."),
    "op_image_crop:top_cropping": "the number of rows removed at the top.",
    "op_image_crop:left_cropping": "the number of columns removed at the "
                                   "left.",
    "op_image_crop:bottom_cropping": "the number of rows removed at the "
                                     "bottom.",
    "op_image_crop:right_cropping": "the number of columns removed at the "
                                    "right.",
    "op_image_crop:target_height": "the height of the result.",
    "op_image_crop:target_width": "the width of the result.",
    "op_image_pad:top_padding": "the number of rows of zeros added at the "
                                "top.",
    "op_image_pad:left_padding": "the number of columns of zeros added at "
                                 "the left.",
    "op_image_pad:bottom_padding": "the number of rows of zeros added at "
                                   "the bottom.",
    "op_image_pad:right_padding": "the number of columns of zeros added at "
                                  "the right.",
    "op_image_pad:target_height": "the height of the result.",
    "op_image_pad:target_width": "the width of the result.",
    "op_image_elastic_transform:alpha": "the strength of the displacement, "
                                        "in pixels.",
    "op_image_elastic_transform:sigma": (
        "the smoothness of the displacement: the standard deviation of "
        "the Gaussian blur applied to it."),
    "op_image_extract_patches:size": "the size of each patch: an integer, "
                                     "or `(height, width)`.",
    "op_image_extract_patches:strides": (
        "the step between patches: an integer or `(rows, columns)`; `None` "
        "uses `size` (patches side by side)."),
    "op_image_gaussian_blur:sigma": (
        "the standard deviation of the Gaussian: `(along height, along "
        "width)`."),
    "op_image_map_coordinates:inputs": "the array to sample, of any rank.",
    "op_image_map_coordinates:coordinates": (
        "the points: an array whose first axis has one entry per axis of "
        "`inputs`, holding 0-based (possibly fractional) coordinates."),
    "op_image_map_coordinates:order": "the interpolation: `0` (nearest "
                                      "value) or `1` (linear).",
    "op_image_map_coordinates:fill_mode": (
        "how coordinates outside `inputs` are filled: `\"constant\"` (with "
        "`fill_value`), `\"nearest\"`, `\"wrap\"`, `\"mirror\"` or "
        "`\"reflect\"`."),
    "op_image_map_coordinates:fill_value": "the value of points outside "
                                           "`inputs`, with `fill_mode = "
                                           "\"constant\"`.",
    "op_image_perspective_transform:start_points": (
        "four `(x, y)` points of the input, shape `(4, 2)`, or `(batch, 4, "
        "2)`."),
    "op_image_perspective_transform:end_points": (
        "where those four points go in the output, shaped like "
        "`start_points`."),
    "op_image_resize:size": "the new size: `(height, width)`.",
    "op_image_resize:interpolation": (
        "how new pixel values are computed: `\"bilinear\"`, "
        "`\"nearest\"`, `\"bicubic\"`, `\"area\"`, `\"lanczos3\"` or "
        "`\"lanczos5\"`."),
    "op_image_resize:antialias": "filter the images when shrinking them, "
                                 "to avoid aliasing artifacts.",
    "op_image_resize:crop_to_aspect_ratio": (
        "first crop the images (centered) to the aspect ratio of `size`, "
        "so that they are not distorted."),
    "op_image_resize:pad_to_aspect_ratio": (
        "first pad the images (centered) to the aspect ratio of `size`, so "
        "that they are not distorted."),
    "op_image_resize:fill_mode": "how the padding of `pad_to_aspect_ratio` "
                                 "is filled; only `\"constant\"`.",
}

RETURNS = {
    # Family defaults
    "core ops": "A tensor.",
    "nn ops": "A tensor of the same shape as `x`.",
    "math ops": "A tensor.",
    "linear algebra ops": "A tensor.",
    "image ops": "A tensor of images, laid out as `images` (one image or a "
                 "batch).",

    # core ops
    "op_associative_scan": "The running combinations, with the shape and "
                           "structure of `elems`.",
    "op_cast": "A tensor of the same shape, of dtype `dtype`.",
    "op_cond": "What the chosen function returns.",
    "op_convert_to_array": "A NumPy array (`numpy.ndarray`).",
    "op_convert_to_numpy": "A NumPy array (`numpy.ndarray`).",
    "op_convert_to_tensor": "A tensor of the backend (a `tf.Tensor` with "
                            "TensorFlow).",
    "op_custom_gradient": (
        "A function with the arguments of `f` that returns `f`'s output and "
        "whose gradient is computed by `grad_fn`."),
    "op_dtype": "A string, such as `\"float32\"`.",
    "op_fori_loop": "The value after the last step (`init_val` if there is "
                    "none).",
    "op_is_tensor": "`True` or `False`.",
    "op_map": "The results of `f`, stacked along a new first axis.",
    "op_rearrange": "The rearranged tensor.",
    "op_scan": "A tuple `(carry, ys)`: the last state and the outputs "
               "stacked along a new first axis.",
    "op_scatter": "A tensor of shape `shape`, of the dtype of `values`.",
    "op_scatter_update": "A new tensor with the shape and dtype of "
                         "`inputs`.",
    "op_searchsorted": "An integer tensor shaped like `values`: 0-based "
                       "insertion positions.",
    "op_shape": "A tuple of integers (`None`, or a scalar tensor, for "
                "sizes not known yet).",
    "op_slice": "A tensor of shape `shape`.",
    "op_slice_update": "A new tensor with the shape and dtype of "
                       "`inputs`.",
    "op_stop_gradient": "A tensor with the value of `variable`.",
    "op_switch": "What the chosen function returns.",
    "op_unstack": "A list of tensors, one per position along `axis`, each "
                  "without that axis.",
    "op_vectorized_map": "The results of `f`, stacked along a new first "
                         "axis.",
    "op_while_loop": "The loop variables after the last step, in the "
                     "structure of `loop_vars`.",

    # nn ops
    "op_average_pool": (
        "The pooled tensor: each spatial axis shrinks by the stride "
        "(`\"valid\"` padding drops incomplete windows)."),
    "op_max_pool": (
        "The pooled tensor: each spatial axis shrinks by the stride "
        "(`\"valid\"` padding drops incomplete windows)."),
    "op_binary_crossentropy": "A tensor shaped like `target`: the loss of "
                              "each element.",
    "op_categorical_crossentropy": "A tensor without the class axis: the "
                                   "loss of each sample.",
    "op_sparse_categorical_crossentropy": "A tensor shaped like `target`: "
                                          "the loss of each sample.",
    "op_conv": "The output: `(batch, new spatial sizes..., output "
               "channels)`, channels first with `\"channels_first\"`.",
    "op_conv_transpose": "The output: `(batch, new spatial sizes..., "
                         "output channels)`, channels first with "
                         "`\"channels_first\"`.",
    "op_depthwise_conv": "The output, with `input channels * multiplier` "
                         "channels.",
    "op_separable_conv": "The output, with `output channels` channels.",
    "op_ctc_loss": "A tensor of shape `(batch,)`: the negative "
                   "log-likelihood of each label sequence.",
    "op_dot_product_attention": "A tensor shaped like `query`: the "
                                "attention output of each position and "
                                "head.",
    "op_glu": "A tensor like `x`, with `axis` half as long.",
    "op_moments": "A tuple `(mean, variance)` of tensors.",
    "op_multi_hot": "A tensor of 0s and 1s, with a class axis of size "
                    "`num_classes` in place of the labels' axis.",
    "op_one_hot": "A tensor with one more axis, of size `num_classes`.",
    "op_polar": "A complex tensor, `abs_ * (cos(angle) + 1j * "
                "sin(angle))`.",
    "op_psnr": "A scalar tensor: the ratio in decibels.",
    "op_unravel_index": "A tuple of integer tensors, one per axis of "
                        "`shape`, holding 0-based coordinates.",

    # math ops
    "op_erf": "A tensor of the same shape as `x`.",
    "op_erfinv": "A tensor of the same shape as `x`.",
    "op_rsqrt": "A tensor of the same shape as `x`.",
    "op_extract_sequences": "A tensor whose last axis is replaced by two: "
                            "`(frames, sequence_length)`.",
    "op_fft": "A tuple `(real, imag)` of the transform.",
    "op_fft2": "A tuple `(real, imag)` of the transform.",
    "op_ifft2": "A tuple `(real, imag)` of the inverse transform.",
    "op_rfft": "A tuple `(real, imag)`, each with `fft_length // 2 + 1` "
               "frequencies on the last axis.",
    "op_irfft": "A real tensor: the signal.",
    "op_stft": "A tuple `(real, imag)`, each of shape `(..., frames, "
               "fft_length // 2 + 1)`.",
    "op_istft": "A real tensor: the signal.",
    "op_in_top_k": "A boolean tensor of shape `(batch,)`.",
    "op_logsumexp": "A tensor with `axis` removed (kept with size 1 when "
                    "`keepdims = True`).",
    "op_qr": "A tuple `(q, r)`: `q` has orthonormal columns, `r` is upper "
             "triangular, and `q @ r` is `x`.",
    "op_segment_max": "A tensor whose first axis has one entry per "
                      "segment.",
    "op_segment_sum": "A tensor whose first axis has one entry per "
                      "segment.",
    "op_solve": "The solution `x`, shaped like `b`.",
    "op_top_k": (
        "A pair `(values, indices)` (a named tuple): the `k` largest "
        "values and their 0-based integer positions along the last "
        "axis."),

    # linear algebra ops
    "op_cholesky": "A lower triangular tensor shaped like `x`.",
    "op_det": "A tensor with the last two axes removed (a scalar for one "
              "matrix).",
    "op_eig": "A tuple `(values, vectors)` of complex tensors; column `i` "
              "of `vectors` belongs to `values[i]`.",
    "op_eigh": "A tuple `(values, vectors)`: real eigenvalues in increasing "
               "order, and the eigenvectors as columns.",
    "op_inv": "The inverse, shaped like `x`.",
    "op_lstsq": "The solution `x`, shape `(n,)` or `(n, k)`.",
    "op_lu_factor": (
        "A tuple `(lu, pivots)`: `lu` holds `L` below the diagonal (its "
        "unit diagonal left out) and `U` on and above it; `pivots` holds "
        "0-based row indices."),
    "op_norm": "A tensor with `axis` removed (kept with size 1 when "
               "`keepdims = True`); a scalar for the norm of a whole "
               "vector or matrix.",
    "op_slogdet": "A tuple `(sign, logabsdet)`.",
    "op_solve_triangular": "The solution `x`, shaped like `b`.",
    "op_svd": "A tuple `(u, s, v)` with `u @ diag(s) @ v` equal to `x`; "
              "only `s` when `compute_uv = False`.",

    # image ops
    "op_image_crop": "The cropped images.",
    "op_image_pad": "The padded images.",
    "op_image_resize": "The resized images, with height and width from "
                       "`size`.",
    "op_image_rgb_to_grayscale": "Images with one channel.",
    "op_image_extract_patches": "A tensor `(batch, patch rows, patch "
                                "columns, patch height * patch width * "
                                "channels)` (no batch axis for one "
                                "image).",
    "op_image_map_coordinates": "A tensor with the shape of `coordinates` "
                                "without its first axis.",
}

EXAMPLES = {
    "op_relu": """
        >>> import numpy as np
        >>> from pykeras3 import op_relu, op_convert_to_numpy
        >>> print(op_convert_to_numpy(op_relu(np.array([-2.0, 0.0, 3.0]))))
        [0. 0. 3.]
    """,
    "op_sigmoid": """
        >>> import numpy as np
        >>> from pykeras3 import op_sigmoid, op_convert_to_numpy
        >>> y = op_sigmoid(np.array([-2.0, 0.0, 2.0]))
        >>> print(np.round(op_convert_to_numpy(y), 3))
        [0.119 0.5   0.881]
    """,
    "op_softmax": """
        >>> import numpy as np
        >>> from pykeras3 import op_softmax, op_convert_to_numpy
        >>> p = op_convert_to_numpy(op_softmax(np.array([[1.0, 2.0, 3.0]])))
        >>> print(np.round(p, 3))
        [[0.09  0.245 0.665]]
        >>> print(round(float(p.sum()), 3))
        1.0
    """,
    "op_log_softmax": """
        >>> import numpy as np
        >>> from pykeras3 import op_log_softmax, op_convert_to_numpy
        >>> y = op_log_softmax(np.array([1.0, 2.0, 3.0]))
        >>> print(np.round(op_convert_to_numpy(y), 3))
        [-2.408 -1.408 -0.408]
    """,
    "op_one_hot": """
        >>> import numpy as np
        >>> from pykeras3 import op_one_hot, op_convert_to_numpy
        >>> labels = np.array([0, 2, 1])          # 0-based labels
        >>> print(op_convert_to_numpy(op_one_hot(labels, num_classes=3)))
        [[1. 0. 0.]
         [0. 0. 1.]
         [0. 1. 0.]]
    """,
    "op_multi_hot": """
        >>> import numpy as np
        >>> from pykeras3 import op_multi_hot, op_convert_to_numpy
        >>> labels = np.array([[0, 2], [1, 1]])   # two samples, 0-based
        >>> print(op_convert_to_numpy(op_multi_hot(labels, num_classes=3)))
        [[1. 0. 1.]
         [0. 1. 0.]]
    """,
    "op_sparse_categorical_crossentropy": """
        >>> import numpy as np
        >>> from pykeras3 import (op_sparse_categorical_crossentropy,
        ...                       op_convert_to_numpy)
        >>> probs = np.array([[0.1, 0.8, 0.1], [0.5, 0.25, 0.25]])
        >>> loss = op_sparse_categorical_crossentropy(np.array([1, 0]), probs)
        >>> print(np.round(op_convert_to_numpy(loss), 3))
        [0.223 0.693]
    """,
    "op_top_k": """
        >>> import numpy as np
        >>> from pykeras3 import op_top_k, op_convert_to_numpy
        >>> values, indices = op_top_k(np.array([1.0, 5.0, 3.0, 4.0]), k=2)
        >>> print(op_convert_to_numpy(values))
        [5. 4.]
        >>> print(op_convert_to_numpy(indices))   # 0-based positions
        [1 3]
    """,
    "op_in_top_k": """
        >>> import numpy as np
        >>> from pykeras3 import op_in_top_k, op_convert_to_numpy
        >>> scores = np.array([[0.1, 0.6, 0.3], [0.5, 0.2, 0.3]])
        >>> hit = op_in_top_k(np.array([2, 0]), scores, k=1)
        >>> print(op_convert_to_numpy(hit))
        [False  True]
    """,
    "op_cast": """
        >>> import numpy as np
        >>> from pykeras3 import op_cast, op_convert_to_numpy, op_dtype
        >>> x = op_cast(np.array([1.7, -1.2, 2.0]), "int32")
        >>> print(op_convert_to_numpy(x), op_dtype(x))
        [ 1 -1  2] int32
    """,
    "op_shape": """
        >>> import numpy as np
        >>> from pykeras3 import op_shape, keras_input
        >>> op_shape(np.zeros((2, 3)))
        (2, 3)
        >>> op_shape(keras_input(shape=(3,)))      # batch size unknown
        (None, 3)
    """,
    "op_dtype": """
        >>> import numpy as np
        >>> from pykeras3 import op_dtype, op_convert_to_tensor
        >>> op_dtype(op_convert_to_tensor([1.0, 2.0]))
        'float32'
    """,
    "op_convert_to_numpy": """
        >>> from pykeras3 import op_convert_to_numpy, op_ones
        >>> a = op_convert_to_numpy(op_ones((2, 2)))
        >>> type(a).__name__, a.shape
        ('ndarray', (2, 2))
    """,
    "op_convert_to_tensor": """
        >>> from pykeras3 import (op_convert_to_tensor, op_dtype, op_is_tensor,
        ...                       op_shape)
        >>> x = op_convert_to_tensor([[1, 2], [3, 4]], dtype="float32")
        >>> op_is_tensor(x), op_shape(x), op_dtype(x)
        (True, (2, 2), 'float32')
    """,
    "op_is_tensor": """
        >>> import numpy as np
        >>> from pykeras3 import op_is_tensor, op_convert_to_tensor
        >>> op_is_tensor(np.ones(3)), op_is_tensor(op_convert_to_tensor(1.0))
        (False, True)
    """,
    "op_cond": """
        >>> from pykeras3 import op_cond, op_convert_to_tensor
        >>> x = op_convert_to_tensor(-3.0)
        >>> y = op_cond(x > 0, lambda: x * 2, lambda: -x)
        >>> float(y)
        3.0
    """,
    "op_switch": """
        >>> from pykeras3 import op_switch
        >>> branches = [lambda a, b: a + b, lambda a, b: a * b]
        >>> float(op_switch(1, branches, 2.0, 5.0))   # 0-based: the product
        10.0
    """,
    "op_fori_loop": """
        >>> from pykeras3 import op_fori_loop
        >>> total = op_fori_loop(0, 5, lambda i, acc: acc + i, 0)
        >>> int(total)                             # 0 + 1 + 2 + 3 + 4
        10
    """,
    "op_while_loop": """
        >>> from pykeras3 import op_while_loop
        >>> i, total = op_while_loop(lambda i, total: i < 4,
        ...                          lambda i, total: (i + 1, total + i),
        ...                          (0, 0))
        >>> int(i), int(total)
        (4, 6)
    """,
    "op_scan": """
        >>> import numpy as np
        >>> from pykeras3 import op_scan, op_convert_to_numpy
        >>> def step(carry, x):
        ...     carry = carry + x
        ...     return carry, carry
        >>> last, running = op_scan(step, np.float32(0),
        ...                         np.array([1, 2, 3], dtype="float32"))
        >>> float(last), op_convert_to_numpy(running).tolist()
        (6.0, [1.0, 3.0, 6.0])
    """,
    "op_map": """
        >>> import numpy as np
        >>> from pykeras3 import op_map, op_sum, op_convert_to_numpy
        >>> rows = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
        >>> print(op_convert_to_numpy(op_map(rows, lambda row: op_sum(row))))
        [ 3.  7. 11.]
    """,
    "op_unstack": """
        >>> import numpy as np
        >>> from pykeras3 import op_unstack
        >>> parts = op_unstack(np.arange(6).reshape(2, 3), axis=1)
        >>> len(parts), tuple(parts[0].shape)
        (3, (2,))
    """,
    "op_searchsorted": """
        >>> import numpy as np
        >>> from pykeras3 import op_searchsorted, op_convert_to_numpy
        >>> breaks = np.array([1.0, 3.0, 5.0])
        >>> at = op_searchsorted(breaks, np.array([0.0, 3.0, 4.0, 9.0]))
        >>> print(op_convert_to_numpy(at))         # 0-based positions
        [0 1 2 3]
    """,
    "op_moments": """
        >>> import numpy as np
        >>> from pykeras3 import op_moments, op_convert_to_numpy
        >>> x = np.array([[1.0, 2.0], [3.0, 6.0]])
        >>> mean, variance = op_moments(x, axes=0)
        >>> print(op_convert_to_numpy(mean), op_convert_to_numpy(variance))
        [2. 4.] [1. 4.]
    """,
    "op_logsumexp": """
        >>> import numpy as np
        >>> from pykeras3 import op_logsumexp
        >>> round(float(op_logsumexp(np.array([1000.0, 1000.0]))), 3)
        1000.693
    """,
    "op_segment_sum": """
        >>> import numpy as np
        >>> from pykeras3 import op_segment_sum, op_convert_to_numpy
        >>> data = np.array([1.0, 2.0, 3.0, 4.0])
        >>> ids = np.array([0, 0, 1, 2])           # 0-based segment ids
        >>> print(op_convert_to_numpy(op_segment_sum(data, ids,
        ...                                          num_segments=3)))
        [3. 3. 4.]
    """,
    "op_solve": """
        >>> import numpy as np
        >>> from pykeras3 import op_solve, op_convert_to_numpy
        >>> a = np.array([[2.0, 1.0], [1.0, 3.0]])
        >>> b = np.array([3.0, 5.0])
        >>> print(np.round(op_convert_to_numpy(op_solve(a, b)), 3))
        [0.8 1.4]
    """,
    "op_det": """
        >>> import numpy as np
        >>> from pykeras3 import op_det
        >>> round(float(op_det(np.array([[1.0, 2.0], [3.0, 4.0]]))), 3)
        -2.0
    """,
    "op_inv": """
        >>> import numpy as np
        >>> from pykeras3 import op_inv, op_convert_to_numpy
        >>> a = np.array([[2.0, 0.0], [0.0, 4.0]])
        >>> print(op_convert_to_numpy(op_inv(a)))
        [[0.5  0.  ]
         [0.   0.25]]
    """,
    "op_norm": """
        >>> import numpy as np
        >>> from pykeras3 import op_norm, op_convert_to_numpy
        >>> float(op_norm(np.array([3.0, 4.0])))
        5.0
        >>> m = np.array([[3.0, 4.0], [1.0, 0.0]])
        >>> print(op_convert_to_numpy(op_norm(m, axis=1)))  # each row
        [5. 1.]
    """,
    "op_svd": """
        >>> import numpy as np
        >>> from pykeras3 import op_svd, op_convert_to_numpy
        >>> x = np.array([[3.0, 0.0], [0.0, -2.0], [0.0, 0.0]])
        >>> u, s, v = (op_convert_to_numpy(t)
        ...            for t in op_svd(x, full_matrices=False))
        >>> print(np.round(s, 3))
        [3. 2.]
        >>> bool(np.allclose(u @ np.diag(s) @ v, x))
        True
    """,
    "op_image_resize": """
        >>> import numpy as np
        >>> from pykeras3 import op_image_resize
        >>> images = np.zeros((2, 32, 48, 3), dtype="float32")
        >>> tuple(op_image_resize(images, size=(16, 16)).shape)
        (2, 16, 16, 3)
    """,
    "op_image_rgb_to_grayscale": """
        >>> import numpy as np
        >>> from pykeras3 import op_image_rgb_to_grayscale, op_convert_to_numpy
        >>> red = np.array([[[1.0, 0.0, 0.0]]])   # one 1x1 RGB image
        >>> gray = op_convert_to_numpy(op_image_rgb_to_grayscale(red))
        >>> gray.shape, round(float(gray[0, 0, 0]), 4)
        ((1, 1, 1), 0.2989)
    """,
}
