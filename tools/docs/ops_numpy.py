"""Documentation text of the "numpy ops" family (`pykeras3/ops/numpy.py`).

The format is described in `tools/docs/common.py`.  Keys are
`numpy ops:param` for text shared by the family and `op_name:param` for
one function; bare parameter names live in `common.py`.
"""

# ----------------------------------------------------------------------
# One sentence per function

SUMMARIES = {
    # Element-wise math of one tensor
    "op_abs": "Compute the absolute value of each element.",
    "op_angle": "Compute the angle (argument, in radians) of each complex "
                "element.",
    "op_arccos": "Compute the inverse cosine of each element, in radians.",
    "op_arccosh": "Compute the inverse hyperbolic cosine of each element.",
    "op_arcsin": "Compute the inverse sine of each element, in radians.",
    "op_arcsinh": "Compute the inverse hyperbolic sine of each element.",
    "op_arctan": "Compute the inverse tangent of each element, in radians.",
    "op_arctanh": "Compute the inverse hyperbolic tangent of each element.",
    "op_cbrt": "Compute the real cube root of each element.",
    "op_ceil": "Round each element up to the nearest whole number.",
    "op_conj": "Compute the complex conjugate of each element.",
    "op_cos": "Compute the cosine of each element (given in radians).",
    "op_cosh": "Compute the hyperbolic cosine of each element.",
    "op_deg2rad": "Convert each element from degrees to radians.",
    "op_exp": "Compute e raised to the power of each element.",
    "op_exp2": "Compute 2 raised to the power of each element.",
    "op_expm1": "Compute `exp(x) - 1` for each element, accurately near "
                "zero.",
    "op_floor": "Round each element down to the nearest whole number.",
    "op_imag": "Take the imaginary part of each element.",
    "op_log": "Compute the natural logarithm of each element.",
    "op_log10": "Compute the base-10 logarithm of each element.",
    "op_log1p": "Compute `log(1 + x)` for each element, accurately near "
                "zero.",
    "op_log2": "Compute the base-2 logarithm of each element.",
    "op_negative": "Flip the sign of each element.",
    "op_real": "Take the real part of each element.",
    "op_reciprocal": "Compute `1 / x` for each element.",
    "op_round": "Round each element to a number of decimals, halves to "
                "even.",
    "op_sign": "Give -1, 0 or 1 for each element, by its sign.",
    "op_sin": "Compute the sine of each element (given in radians).",
    "op_sinh": "Compute the hyperbolic sine of each element.",
    "op_sqrt": "Compute the square root of each element.",
    "op_square": "Square each element.",
    "op_tan": "Compute the tangent of each element (given in radians).",
    "op_tanh": "Compute the hyperbolic tangent of each element.",
    "op_trunc": "Drop the fractional part of each element, rounding "
                "towards zero.",
    "op_nan_to_num": "Replace NaN and infinite elements by finite numbers.",
    "op_copy": "Make a copy of a tensor.",

    # Element-wise tests
    "op_isfinite": "Test each element for being finite (not infinite, not "
                   "NaN).",
    "op_isinf": "Test each element for being positive or negative infinity.",
    "op_isnan": "Test each element for being NaN (not a number).",
    "op_signbit": "Test each element for a set sign bit (negative, "
                  "including -0.0).",
    "op_isclose": "Test two tensors for element-wise equality within a "
                  "tolerance.",

    # Element-wise arithmetic of two tensors
    "op_add": "Add two tensors element by element, with broadcasting.",
    "op_subtract": "Subtract the second tensor from the first, element by "
                   "element.",
    "op_multiply": "Multiply two tensors element by element, with "
                   "broadcasting.",
    "op_divide": "Divide the first tensor by the second, element by "
                 "element.",
    "op_divide_no_nan": "Divide element by element, giving 0 where the "
                        "divisor is 0.",
    "op_floor_divide": "Divide element by element and round the quotient "
                       "down.",
    "op_mod": "Compute the remainder of element-wise division (sign of the "
              "divisor).",
    "op_power": "Raise the first tensor to the power of the second, element "
                "by element.",
    "op_maximum": "Take the larger of two tensors at each position.",
    "op_minimum": "Take the smaller of two tensors at each position.",
    "op_arctan2": "Compute the angle of the point (`x2`, `x1`), element by "
                  "element.",
    "op_logaddexp": "Compute `log(exp(x1) + exp(x2))` element by element, "
                    "without overflow.",
    "op_heaviside": "Compute the Heaviside step function of each element.",

    # Comparisons and logic
    "op_equal": "Compare two tensors for equality, element by element.",
    "op_not_equal": "Compare two tensors for inequality, element by "
                    "element.",
    "op_greater": "Test `x1 > x2` element by element.",
    "op_greater_equal": "Test `x1 >= x2` element by element.",
    "op_less": "Test `x1 < x2` element by element.",
    "op_less_equal": "Test `x1 <= x2` element by element.",
    "op_logical_and": "Combine two tensors with logical AND, element by "
                      "element.",
    "op_logical_or": "Combine two tensors with logical OR, element by "
                     "element.",
    "op_logical_xor": "Combine two tensors with logical exclusive OR, "
                      "element by element.",
    "op_logical_not": "Negate each element logically (true becomes false).",

    # Bits of integers
    "op_bitwise_and": "Combine the bits of two integer tensors with AND.",
    "op_bitwise_or": "Combine the bits of two integer tensors with OR.",
    "op_bitwise_xor": "Combine the bits of two integer tensors with "
                      "exclusive OR.",
    "op_bitwise_invert": "Flip every bit of each integer element (bitwise "
                         "NOT).",
    "op_bitwise_not": "Flip every bit of each integer element (same as "
                      "`op_bitwise_invert()`).",
    "op_bitwise_left_shift": "Shift the bits of integers left (multiply by "
                             "powers of 2).",
    "op_bitwise_right_shift": "Shift the bits of integers right (divide by "
                              "powers of 2, rounding down).",
    "op_left_shift": "Shift the bits of integers left (same as "
                     "`op_bitwise_left_shift()`).",
    "op_right_shift": "Shift the bits of integers right (same as "
                      "`op_bitwise_right_shift()`).",

    # Reductions and statistics
    "op_all": "Test whether all elements are true, overall or along an "
              "axis.",
    "op_any": "Test whether any element is true, overall or along an axis.",
    "op_sum": "Sum the elements of a tensor, overall or along axes.",
    "op_prod": "Multiply the elements of a tensor together, overall or "
               "along axes.",
    "op_mean": "Compute the arithmetic mean, overall or along axes.",
    "op_average": "Compute a weighted average, overall or along an axis.",
    "op_median": "Compute the median, overall or along axes.",
    "op_quantile": "Compute quantiles of the data, overall or along axes.",
    "op_std": "Compute the standard deviation (divisor n), overall or "
              "along axes.",
    "op_var": "Compute the variance (divisor n), overall or along axes.",
    "op_max": "Find the largest element, overall or along axes.",
    "op_min": "Find the smallest element, overall or along axes.",
    "op_argmax": "Find the 0-based position of the largest element.",
    "op_argmin": "Find the 0-based position of the smallest element.",
    "op_count_nonzero": "Count the elements that are not zero, overall or "
                        "along axes.",
    "op_cumsum": "Compute running sums (cumulative sums) along an axis.",
    "op_cumprod": "Compute running products (cumulative products) along "
                  "an axis.",
    "op_diff": "Compute differences between neighbouring elements along an "
               "axis.",
    "op_trace": "Sum the elements on a diagonal of a matrix.",
    "op_corrcoef": "Compute the correlation matrix of the rows of a tensor.",
    "op_logdet": "Compute the log of the determinant of a positive "
                 "definite matrix.",
    "op_bincount": "Count how often each non-negative integer occurs.",
    "op_histogram": "Count the elements falling in equal-width bins.",
    "op_digitize": "Find the 0-based bin of each element, given bin edges.",

    # Creating tensors
    "op_arange": "Create a 1-D tensor of evenly stepped values, the end "
                 "excluded.",
    "op_linspace": "Create evenly spaced numbers between two values.",
    "op_logspace": "Create numbers evenly spaced on a log scale.",
    "op_array": "Create a tensor from a list, array or tensor.",
    "op_zeros": "Create a tensor of zeros of a given shape.",
    "op_ones": "Create a tensor of ones of a given shape.",
    "op_full": "Create a tensor of a given shape filled with one value.",
    "op_empty": "Create a tensor of a given shape with unspecified "
                "contents.",
    "op_zeros_like": "Create a tensor of zeros with the shape of another.",
    "op_ones_like": "Create a tensor of ones with the shape of another.",
    "op_full_like": "Create a tensor with the shape of another, filled with "
                    "one value.",
    "op_eye": "Create a 2-D tensor with ones on a diagonal and zeros "
              "elsewhere.",
    "op_identity": "Create a square identity matrix.",
    "op_tri": "Create a matrix with ones at and below a diagonal, zeros "
              "above.",
    "op_meshgrid": "Create coordinate grids from 1-D coordinate vectors.",
    "op_bartlett": "Create a Bartlett (triangular) window of a given "
                   "length.",
    "op_blackman": "Create a Blackman window of a given length.",
    "op_hamming": "Create a Hamming window of a given length.",
    "op_hanning": "Create a Hann (Hanning) window of a given length.",
    "op_kaiser": "Create a Kaiser window of a given length and shape.",

    # Shapes and axes
    "op_reshape": "Give a tensor a new shape with the same number of "
                  "elements.",
    "op_ravel": "Flatten a tensor into one dimension, row by row.",
    "op_transpose": "Reverse or permute the axes of a tensor.",
    "op_swapaxes": "Exchange two axes of a tensor.",
    "op_moveaxis": "Move axes of a tensor to new positions.",
    "op_expand_dims": "Insert a new axis of size 1 into the shape of a "
                      "tensor.",
    "op_squeeze": "Remove axes of size 1 from the shape of a tensor.",
    "op_broadcast_to": "Repeat a tensor as broadcasting does, to a larger "
                       "shape.",
    "op_flip": "Reverse the order of elements along axes.",
    "op_rot90": "Rotate a tensor by 90 degrees in a plane of two axes.",
    "op_roll": "Shift elements along an axis, wrapping around at the end.",
    "op_tile": "Build a tensor by repeating a whole tensor along each axis.",
    "op_repeat": "Repeat each element of a tensor a number of times.",
    "op_pad": "Pad a tensor with values around its edges.",
    "op_ndim": "Count the axes (dimensions) of a tensor.",
    "op_size": "Count the elements of a tensor.",
    "op_view_as_complex": "Combine a last axis of size 2 (real, imaginary) "
                          "into complex numbers.",
    "op_view_as_real": "Split complex numbers into a last axis of size 2 "
                       "(real, imaginary).",
    "op_diag": "Extract a diagonal of a matrix, or build a diagonal "
               "matrix.",
    "op_diagflat": "Build a 2-D tensor with the flattened input on a "
                   "diagonal.",
    "op_diagonal": "Extract a diagonal, from any two axes of a tensor.",
    "op_tril": "Keep the lower triangle of a matrix, zeroing the rest.",
    "op_triu": "Keep the upper triangle of a matrix, zeroing the rest.",

    # Joining and splitting
    "op_concatenate": "Join tensors along an existing axis.",
    "op_stack": "Join tensors of the same shape along a new axis.",
    "op_hstack": "Join tensors column-wise (along the second axis; the "
                 "first for 1-D).",
    "op_vstack": "Join tensors row-wise (along the first axis).",
    "op_append": "Append values to a tensor, flattening both unless an "
                 "axis is given.",
    "op_split": "Split a tensor into several along an axis.",

    # Products
    "op_matmul": "Compute the matrix product of two tensors (R's `%*%`).",
    "op_dot": "Compute the dot product of two tensors.",
    "op_vdot": "Compute the dot product of two tensors, both flattened.",
    "op_inner": "Compute the inner product of two tensors over their last "
                "axes.",
    "op_outer": "Compute the outer product of two vectors (R's `%o%`).",
    "op_tensordot": "Compute a tensor contraction: sum products over chosen "
                    "axes.",
    "op_einsum": "Compute sums of products described by Einstein "
                 "subscripts.",
    "op_cross": "Compute the cross product of vectors of 2 or 3 "
                "components.",
    "op_correlate": "Compute the cross-correlation of two 1-D tensors.",

    # Selecting, sorting and searching
    "op_where": "Choose elements from two tensors by a condition, or find "
                "where it holds.",
    "op_select": "Choose elements from several tensors by a list of "
                 "conditions.",
    "op_clip": "Limit the values of a tensor to a range.",
    "op_take": "Take elements at 0-based indices along an axis (or of the "
               "flat tensor).",
    "op_take_along_axis": "Take elements at 0-based indices that vary "
                          "along an axis.",
    "op_get_item": "Index a tensor, as `x[key]` does.",
    "op_nonzero": "Find the 0-based indices of the elements that are not "
                  "zero.",
    "op_sort": "Sort the elements of a tensor along an axis.",
    "op_argsort": "Find the 0-based indices that would sort a tensor along "
                  "an axis.",
    "op_argpartition": "Find 0-based indices that put the k-th smallest "
                       "element in its place.",

    # Types and other
    "op_saturate_cast": "Convert to a data type, clipping values to the "
                        "type's range first.",
    "op_ctc_decode": "Decode the per-step class scores of a CTC model into "
                     "label sequences.",
    "op_vectorize": "Turn a function of one element into one that maps "
                    "over tensors.",
}

# ----------------------------------------------------------------------
# A paragraph where one helps

DETAILS = {
    "op_arange": (
        "As in Python's `range()`, the values start at `start` and stop "
        "before `end`: `op_arange(1, 4)` is `[1, 2, 3]`. R's `seq()` and "
        "keras3's `op_arange()` include the end; here add one step to "
        "`end` to include it. With one argument, `op_arange(n)` counts "
        "from 0 to `n - 1`. Integer arguments give an integer tensor."),
    "op_linspace": (
        "Unlike `op_arange()`, you give the number of values, and the end "
        "is included by default (like R's `seq(start, stop, length.out = "
        "num)`)."),
    "op_reshape": (
        "Elements are read and written in row-major (C) order, the last "
        "axis changing fastest; R's `dim<-` uses column-major order, so "
        "the same shape can arrange the values differently. One size may "
        "be `-1`, meaning whatever makes the total match."),
    "op_ravel": (
        "The order is row-major (C order): the last axis changes fastest, "
        "unlike R's `as.vector()` of a matrix, which goes column by "
        "column."),
    "op_transpose": (
        "For a matrix this is R's `t()`. With `axes`, axis `i` of the "
        "result is axis `axes[i]` of the input, like R's `aperm()` with "
        "0-based axes."),
    "op_argmax": (
        "Indices are 0-based, as everywhere in Python (R's `which.max()` "
        "counts from 1). With `axis=None` the index is into the flattened "
        "tensor (row-major order). Ties give the first position."),
    "op_argmin": (
        "Indices are 0-based (R's `which.min()` counts from 1). With "
        "`axis=None` the index is into the flattened tensor (row-major "
        "order). Ties give the first position."),
    "op_argsort": (
        "Like R's `order()`, but 0-based and along one axis: taking the "
        "elements at these indices (`op_take_along_axis()`) gives the "
        "sorted tensor."),
    "op_argpartition": (
        "After the partition, position `kth` (0-based) holds the index of "
        "the element that would be there after a full sort; indices of "
        "smaller elements come before it and of larger ones after it, in "
        "no particular order. Cheaper than a full sort for top-k style "
        "selections."),
    "op_take": (
        "Indices are 0-based and negative ones count from the end "
        "(`-1` is the last element), as in Python; this differs from R, "
        "where negative indices drop elements."),
    "op_take_along_axis": (
        "`indices` has the same number of axes as `x`; along `axis` it "
        "says which element to take, so the results of `op_argsort()` or "
        "`op_argmax(keepdims=True)` can be used directly."),
    "op_where": (
        "With all three arguments, the result takes `x1` where `condition` "
        "is true and `x2` elsewhere (R's `ifelse()`). With `condition` "
        "alone, it returns the 0-based indices where the condition holds, "
        "as `op_nonzero()` does (R's `which()`, 0-based)."),
    "op_nonzero": (
        "The result has one index tensor per axis of `x`: element `i` of "
        "each gives the coordinates of the `i`-th non-zero element, in "
        "row-major order."),
    "op_digitize": (
        "For increasing `bins`, an element `v` gets the number of edges "
        "that are less than or equal to `v`: 0 for values below the first "
        "edge, `len(bins)` for values at or above the last. These are "
        "0-based bin numbers (R's `findInterval()` gives the same "
        "numbers)."),
    "op_einsum": (
        "Each operand gets a letter per axis, e.g. `\"ij,jk->ik\"` is a "
        "matrix product: letters repeated across operands are multiplied "
        "and those missing after `->` are summed out."),
    "op_matmul": (
        "For 2-D tensors this is the matrix product. Tensors with more "
        "axes are treated as stacks of matrices over their last two axes "
        "(the leading axes broadcast); a 1-D tensor counts as a vector."),
    "op_std": (
        "The divisor is n, not n - 1 as in R's `sd()`: multiply by "
        "`sqrt(n / (n - 1))` for the sample estimate."),
    "op_var": (
        "The divisor is n, not n - 1 as in R's `var()`: multiply by "
        "`n / (n - 1)` for the sample estimate."),
    "op_mod": (
        "The result has the sign of the divisor (`x2`), like R's `%%` and "
        "Python's `%`."),
    "op_floor_divide": (
        "The quotient is rounded down, like R's `%/%` and Python's `//`: "
        "`-3 // 2` is `-2`."),
    "op_round": (
        "Halves are rounded to the nearest even number (`2.5` gives `2`), "
        "as R's `round()` does."),
    "op_hstack": (
        "Give the tensors as one list, `op_hstack([a, b])`, or as separate "
        "arguments, `op_hstack(a, b)` (keras3's `...`). Like R's "
        "`cbind()` for matrices; 1-D tensors are joined end to end."),
    "op_vstack": (
        "Give the tensors as one list, `op_vstack([a, b])`, or as separate "
        "arguments, `op_vstack(a, b)` (keras3's `...`). Like R's `rbind()` "
        "for matrices. On the TensorFlow backend 1-D tensors are joined "
        "end to end (NumPy would make them rows): use `op_stack()` to "
        "make rows of vectors."),
    "op_meshgrid": (
        "Give the coordinate vectors as separate arguments (keras3's "
        "`...`). With the default `indexing=\"xy\"` and vectors of lengths "
        "m and n, each grid has shape `(n, m)`; with `\"ij\"` it has shape "
        "`(m, n)`."),
    "op_squeeze": (
        "R drops size-1 dimensions with `drop()`; here name the axes to "
        "drop, or leave `axis=None` to drop them all."),
    "op_broadcast_to": (
        "Broadcasting matches shapes from the last axis: each size of `x` "
        "must be 1 or equal to the target size; missing leading axes are "
        "added."),
    "op_tile": (
        "The whole tensor is repeated (R's `rep()` with `times` for a "
        "vector); `op_repeat()` repeats each element instead."),
    "op_repeat": (
        "Each element is repeated in place (R's `rep()` with `each`); "
        "`op_tile()` repeats the whole tensor instead."),
    "op_split": (
        "An integer splits into that many equal parts (the size along "
        "`axis` must divide evenly). A list gives the 0-based positions "
        "where new parts start: `[2, 5]` gives the parts `[0, 2)`, `[2, "
        "5)` and `[5, end)`."),
    "op_vectorize": (
        "The returned function maps `func` over the elements (or, with a "
        "`signature`, over sub-arrays) of its tensor arguments. On the "
        "TensorFlow backend of Keras 3.15 it fails with \"Not supported\" "
        "whenever there is an axis to map over, and Keras ignores "
        "`excluded` on every backend; `op_vectorized_map()` or "
        "`op_map()` are the portable choices."),
    "op_ctc_decode": (
        "Connectionist temporal classification (CTC) models emit a score "
        "for each class at each time step, with one class standing for "
        "\"no label\" (the blank, `mask_index`). Decoding merges repeats "
        "and drops blanks; the decoded sequences are padded with `-1`."),
    "op_saturate_cast": (
        "A plain cast (`op_cast()`) of an out-of-range value wraps around "
        "(300 becomes 44 in `uint8`); this one clips it to the range first "
        "(300 becomes 255)."),
    "op_empty": (
        "Do not rely on the contents: fill the tensor before reading it. "
        "On the TensorFlow backend it holds zeros."),
    "op_histogram": (
        "The bins split `range` (by default from the smallest to the "
        "largest element) into `bins` equal parts; the last bin includes "
        "its upper edge."),
    "op_quantile": (
        "`method=\"linear\"` is R's default quantile (`type = 7`)."),
    "op_corrcoef": (
        "Each row is a variable and each column an observation, the "
        "transpose of R's `cor()` convention."),
    "op_pad": (
        "On the TensorFlow backend, `mode` may be `\"constant\"`, "
        "`\"reflect\"` or `\"symmetric\"`."),
    "op_get_item": (
        "Keys follow Python's indexing: 0-based, slices `slice(start, "
        "stop)` exclude `stop`, negative numbers count from the end. "
        "`op_subset()` does the same with one key per axis."),
    "op_bitwise_not": "Another name for `op_bitwise_invert()`.",
    "op_left_shift": "Another name for `op_bitwise_left_shift()`.",
    "op_right_shift": "Another name for `op_bitwise_right_shift()`.",
    "op_maximum": (
        "R's `pmax()` of two arguments; `op_pmax()` is another name for "
        "this function. `op_max()` reduces one tensor instead."),
    "op_minimum": (
        "R's `pmin()` of two arguments; `op_pmin()` is another name for "
        "this function. `op_min()` reduces one tensor instead."),
    "op_eye": (
        "`op_identity(n)` is `op_eye(n)`; `op_eye()` also makes "
        "rectangular matrices and shifted diagonals."),
    "op_vdot": (
        "NumPy's `vdot()` conjugates a complex first argument; Keras 3.15 "
        "does so on some backends but not on TensorFlow, so for complex "
        "tensors write `op_vdot(op_conj(x1), x2)` there."),
    "op_dot": (
        "For vectors the sum of products, for matrices the matrix product; "
        "for more axes it sums over the last axis of `x1` and the "
        "second-to-last of `x2`. Prefer `op_matmul()` for (stacks of) "
        "matrices."),
}

# ----------------------------------------------------------------------
# Parameters

PARAMS = {
    # Shared in the family
    "numpy ops:y": (
        "the second integer tensor (or integer), broadcast against `x`."),
    "numpy ops:k": (
        "which diagonal: 0 is the main diagonal, positive numbers count "
        "diagonals above it, negative numbers below it."),
    "numpy ops:offset": (
        "which diagonal: 0 is the main diagonal, positive numbers are "
        "above it, negative numbers below it."),
    "numpy ops:axis1": "the first of the two axes of the matrices, 0-based.",
    "numpy ops:axis2": "the second of the two axes of the matrices, 0-based.",
    "numpy ops:xs": (
        "the tensors to join: a list or tuple of tensors (or arrays) whose "
        "shapes agree except along the joining axis."),
    "numpy ops:*more": (
        "more tensors to join after `xs`, so that `f(a, b)` is the same as "
        "`f([a, b])`."),
    "numpy ops:N": "the number of rows, an integer.",
    "numpy ops:M": "the number of columns, an integer; `None` means `N` "
                   "(a square matrix).",
    "numpy ops:fill_value": "the value of every element.",
    "numpy ops:num": "how many values to create, an integer.",
    "numpy ops:endpoint": (
        "whether the last value is `stop` itself; with `False`, `stop` is "
        "left out and the spacing is `(stop - start) / num`."),

    # Element-wise and binary ops whose x/x1/x2 mean something particular
    "op_bitwise_and:x": "the first integer tensor.",
    "op_bitwise_or:x": "the first integer tensor.",
    "op_bitwise_xor:x": "the first integer tensor.",
    "op_bitwise_invert:x": "an integer (or boolean) tensor.",
    "op_bitwise_not:x": "an integer (or boolean) tensor.",
    "op_bitwise_left_shift:x": "the integer tensor whose bits are shifted.",
    "op_bitwise_left_shift:y": (
        "by how many bits to shift: an integer or an integer tensor "
        "broadcast against `x`."),
    "op_bitwise_right_shift:x": "the integer tensor whose bits are shifted.",
    "op_bitwise_right_shift:y": (
        "by how many bits to shift: an integer or an integer tensor "
        "broadcast against `x`."),
    "op_left_shift:x": "the integer tensor whose bits are shifted.",
    "op_left_shift:y": (
        "by how many bits to shift: an integer or an integer tensor "
        "broadcast against `x`."),
    "op_right_shift:x": "the integer tensor whose bits are shifted.",
    "op_right_shift:y": (
        "by how many bits to shift: an integer or an integer tensor "
        "broadcast against `x`."),
    "op_arctan2:x1": "the y coordinates (the numerator of y / x).",
    "op_arctan2:x2": "the x coordinates, broadcast against `x1`.",
    "op_divide:x1": "the dividend (numerator).",
    "op_divide:x2": "the divisor (denominator), broadcast against `x1`.",
    "op_divide_no_nan:x1": "the dividend (numerator).",
    "op_divide_no_nan:x2": (
        "the divisor (denominator), broadcast against `x1`; where it is 0 "
        "the result is 0."),
    "op_floor_divide:x1": "the dividend (numerator).",
    "op_floor_divide:x2": "the divisor, broadcast against `x1`.",
    "op_mod:x1": "the dividend.",
    "op_mod:x2": "the divisor, broadcast against `x1`.",
    "op_power:x1": "the bases.",
    "op_power:x2": "the exponents, broadcast against `x1`.",
    "op_heaviside:x1": "the input tensor.",
    "op_heaviside:x2": (
        "the value to give where `x1` is exactly 0 (often 0, 0.5 or 1): a "
        "number or a tensor broadcast against `x1`."),
    "op_isclose:x1": "the first tensor to compare.",
    "op_isclose:x2": "the second tensor to compare, broadcast against `x1`.",
    "op_isclose:rtol": (
        "the relative tolerance: allowed difference as a fraction of "
        "`abs(x2)`."),
    "op_isclose:atol": "the absolute tolerance, added to the relative one.",
    "op_isclose:equal_nan": "whether two NaNs count as equal.",
    "op_nan_to_num:nan": "the value that replaces NaN.",
    "op_nan_to_num:posinf": (
        "the value that replaces positive infinity; `None` uses the "
        "largest finite number of the dtype."),
    "op_nan_to_num:neginf": (
        "the value that replaces negative infinity; `None` uses the most "
        "negative finite number of the dtype."),
    "op_round:decimals": (
        "how many decimal places to keep (an integer; negative values "
        "round to tens, hundreds, ...)."),
    "op_clip:x_min": "the lower limit: smaller values become `x_min`.",
    "op_clip:x_max": "the upper limit: larger values become `x_max`.",

    # Reductions
    "op_average:axis": (
        "the axis to average along, counted from 0 (`-1` is the last "
        "axis); `None` averages all elements."),
    "op_average:weights": (
        "a weight for each element: the same shape as `x`, or 1-D with "
        "the length of `axis`; `None` weighs all elements equally."),
    "op_max:initial": (
        "a value the result cannot go below (it joins the comparison), "
        "which also makes empty tensors work; `None` for none."),
    "op_min:initial": (
        "a value the result cannot go above (it joins the comparison), "
        "which also makes empty tensors work; `None` for none."),
    "op_prod:dtype": (
        "the data type of the result; `None` keeps the input's (small "
        "integer types are widened)."),
    "op_cumsum:dtype": (
        "the data type of the result; `None` keeps the input's."),
    "op_cumprod:dtype": (
        "the data type of the result; `None` keeps the input's."),
    "op_cumsum:axis": (
        "the axis to accumulate along, counted from 0 (`-1` is the last "
        "axis); `None` works on the flattened tensor (row-major order)."),
    "op_cumprod:axis": (
        "the axis to accumulate along, counted from 0 (`-1` is the last "
        "axis); `None` works on the flattened tensor (row-major order)."),
    "op_argmax:axis": (
        "the axis to search along, counted from 0 (`-1` is the last axis); "
        "`None` searches the flattened tensor and gives one index into it."),
    "op_argmin:axis": (
        "the axis to search along, counted from 0 (`-1` is the last axis); "
        "`None` searches the flattened tensor and gives one index into it."),
    "op_quantile:q": (
        "the probability, or a list of probabilities, between 0 and 1."),
    "op_quantile:method": (
        "how to interpolate between two data points: `\"linear\"`, "
        "`\"lower\"`, `\"higher\"`, `\"midpoint\"` or `\"nearest\"`."),
    "op_count_nonzero:axis": (
        "the axis or axes to count along, counted from 0 (`-1` is the last "
        "axis); `None` counts in the whole tensor."),
    "op_diff:a": "the input tensor.",
    "op_diff:n": (
        "how many times to take differences (an integer; `2` gives second "
        "differences); each time the axis gets one element shorter."),
    "op_diff:axis": (
        "the axis to take differences along, counted from 0 (`-1`, the "
        "default, is the last axis)."),
    "op_trace:x": "a tensor of at least two axes.",
    "op_corrcoef:x": (
        "a 2-D tensor: one variable per row, one observation per column."),
    "op_logdet:x": "a square, symmetric positive definite matrix.",
    "op_bincount:x": "a 1-D tensor of non-negative integers.",
    "op_bincount:weights": (
        "a weight per element of `x`, summed instead of counting 1; "
        "`None` counts."),
    "op_bincount:minlength": (
        "the smallest length of the result (an integer); counts beyond "
        "`max(x)` are 0."),
    "op_bincount:sparse": (
        "whether to return a sparse tensor (on backends that support "
        "them)."),
    "op_histogram:bins": "how many equal-width bins, an integer.",
    "op_histogram:range": (
        "the lower and upper edge of the bins, as a tuple or list of two "
        "numbers; `None` uses the smallest and largest element."),
    "op_digitize:bins": (
        "the bin edges: a 1-D tensor, list or array of increasing "
        "numbers."),

    # Creating tensors
    "op_arange:start": (
        "the first value; given alone, the end, with the values starting "
        "at 0 (`op_arange(3)` is `[0, 1, 2]`)."),
    "op_arange:end": (
        "where the values stop: the end itself is excluded, as in Python's "
        "`range()` (Keras calls it `stop`)."),
    "op_arange:step": (
        "the difference between neighbouring values (may be negative or "
        "fractional); `None` means 1."),
    "op_arange:dtype": (
        "the data type; `None` infers it from the arguments (integers "
        "give an integer tensor, any float a float tensor)."),
    "op_linspace:start": "the first value (a number, or a tensor for "
                         "several sequences at once).",
    "op_linspace:stop": (
        "the last value (included unless `endpoint=False`), broadcast "
        "against `start`."),
    "op_linspace:retstep": (
        "whether to also return the spacing between values."),
    "op_linspace:axis": (
        "where the new axis of values goes in the result when `start` and "
        "`stop` are tensors (0-based; `-1` for last)."),
    "op_logspace:start": (
        "the exponent of the first value: the sequence starts at "
        "`base ** start`."),
    "op_logspace:stop": (
        "the exponent of the last value: the sequence ends at "
        "`base ** stop`."),
    "op_logspace:base": (
        "the base of the logarithmic scale (any positive number, e.g. 2, "
        "10 or `math.e`)."),
    "op_logspace:axis": (
        "where the new axis of values goes in the result when `start` and "
        "`stop` are tensors (0-based; `-1` for last)."),
    "op_array:x": "the data: a (nested) list, a NumPy array or a tensor.",
    "op_array:dtype": (
        "the data type, such as `\"float32\"`; `None` infers it from the "
        "data (Python integers give `int32`, floats `float32`)."),
    "op_zeros_like:dtype": "the data type; `None` keeps the dtype of `x`.",
    "op_ones_like:dtype": "the data type; `None` keeps the dtype of `x`.",
    "op_full_like:dtype": (
        "the data type; `None` keeps the dtype of `x` (an integer `x` "
        "truncates a fractional `fill_value`)."),
    "op_identity:n": "the number of rows and of columns, an integer.",
    "op_eye:k": (
        "which diagonal holds the ones: 0 is the main diagonal, positive "
        "numbers are above it, negative below."),
    "op_tri:k": (
        "the diagonal at and below which the ones go: 0 is the main "
        "diagonal, positive numbers are above it, negative below."),
    "op_meshgrid:*x": (
        "the 1-D coordinate vectors, one per dimension of the grid, as "
        "separate arguments."),
    "op_meshgrid:indexing": (
        "`\"xy\"` (Cartesian: the first vector varies along columns) or "
        "`\"ij\"` (matrix indexing: the first vector varies along rows)."),
    "op_bartlett:x": "the window length (number of points), an integer.",
    "op_blackman:x": "the window length (number of points), an integer.",
    "op_hamming:x": "the window length (number of points), an integer.",
    "op_hanning:x": "the window length (number of points), an integer.",
    "op_kaiser:x": "the window length (number of points), an integer.",
    "op_kaiser:beta": (
        "the shape of the window: 0 gives a rectangle, larger values a "
        "narrower bell (around 8.6 is similar to a Blackman window)."),

    # Shapes and axes
    "op_reshape:newshape": (
        "the new shape: an integer, or a tuple or list of integers; one "
        "size may be `-1` (inferred)."),
    "op_transpose:axes": (
        "the new order of the axes, as a tuple or list of 0-based axes; "
        "`None` reverses them (a matrix is transposed)."),
    "op_swapaxes:axis1": "the first axis to exchange, 0-based.",
    "op_swapaxes:axis2": "the second axis to exchange, 0-based.",
    "op_moveaxis:source": (
        "the axis or axes to move (0-based; an integer, or a tuple or "
        "list)."),
    "op_moveaxis:destination": (
        "where each of `source` goes (0-based, as many as in `source`)."),
    "op_expand_dims:axis": (
        "where the new axis goes in the result, 0-based (`-1` appends it "
        "last); a tuple or list inserts several."),
    "op_squeeze:axis": (
        "the size-1 axis or axes to remove (0-based); `None` removes every "
        "axis of size 1."),
    "op_flip:axis": (
        "the axis or axes to reverse (0-based); `None` reverses all "
        "axes."),
    "op_rot90:array": "the tensor to rotate, of at least two axes.",
    "op_rot90:k": (
        "how many quarter turns, counterclockwise (an integer; negative "
        "turns clockwise)."),
    "op_rot90:axes": (
        "the two axes (0-based) that span the plane of rotation; a tuple "
        "or list."),
    "op_roll:shift": (
        "by how many places to shift (an integer; negative shifts "
        "backwards)."),
    "op_roll:axis": (
        "the axis to shift along (0-based); `None` shifts the flattened "
        "tensor and restores the shape."),
    "op_tile:repeats": (
        "how many copies along each axis: an integer, or a tuple or list "
        "with one count per axis."),
    "op_repeat:repeats": (
        "how many times to repeat each element: an integer, or one count "
        "per element along `axis`."),
    "op_repeat:axis": (
        "the axis along which to repeat (0-based); `None` works on the "
        "flattened tensor and returns a 1-D result."),
    "op_pad:pad_width": (
        "how many values to add before and after each axis: an integer "
        "for all sides, or one `[before, after]` pair per axis (a list of "
        "lists)."),
    "op_pad:mode": (
        "how to fill the padding: `\"constant\"` (a fixed value), "
        "`\"reflect\"` (mirror without repeating the edge), "
        "`\"symmetric\"` (mirror including the edge), or another NumPy "
        "mode where the backend has it."),
    "op_pad:constant_values": (
        "the fill value for `mode=\"constant\"`; `None` means 0."),
    "op_broadcast_to:shape": (
        "the target shape: an integer, or a tuple or list of integers."),
    "op_view_as_complex:x": (
        "a real tensor whose last axis has size 2 (real part, imaginary "
        "part)."),
    "op_view_as_real:x": "a complex tensor.",
    "op_diag:x": (
        "a 2-D tensor (its diagonal is extracted) or a 1-D tensor (it "
        "becomes the diagonal of a square matrix)."),
    "op_diagflat:x": "the values, flattened, to put on the diagonal.",
    "op_diagonal:x": "a tensor of at least two axes.",
    "op_tril:x": "a tensor of at least two axes (the last two are the "
                 "matrix).",
    "op_tril:k": (
        "the diagonal above which elements become zero: 0 is the main "
        "diagonal, positive numbers are above it, negative below."),
    "op_triu:x": "a tensor of at least two axes (the last two are the "
                 "matrix).",
    "op_triu:k": (
        "the diagonal below which elements become zero: 0 is the main "
        "diagonal, positive numbers are above it, negative below."),

    # Joining and splitting
    "op_concatenate:axis": (
        "the existing axis to join along, 0-based (`-1` is the last "
        "axis)."),
    "op_stack:x": (
        "the tensors to stack: a list or tuple of tensors of the same "
        "shape."),
    "op_stack:axis": (
        "where the new axis goes in the result, 0-based (`-1` makes it "
        "last)."),
    "op_append:x1": "the tensor to append to.",
    "op_append:x2": (
        "the values to append; with an `axis`, of the same shape as `x1` "
        "except along that axis."),
    "op_append:axis": (
        "the axis to append along, 0-based; `None` flattens both tensors "
        "and returns a 1-D tensor."),
    "op_split:indices_or_sections": (
        "an integer (the number of equal parts) or a list of 0-based "
        "positions at which to split."),
    "op_split:axis": "the axis to split along, 0-based (`-1` is the last "
                     "axis).",

    # Products
    "op_matmul:x1": "the first matrix (or stack of matrices, or vector).",
    "op_matmul:x2": (
        "the second matrix (or stack, or vector); its second-to-last axis "
        "must match the last axis of `x1`."),
    "op_dot:x1": "the first tensor.",
    "op_dot:x2": (
        "the second tensor; its matching axis must have the size of the "
        "last axis of `x1`."),
    "op_vdot:x1": "the first tensor (flattened).",
    "op_vdot:x2": "the second tensor, with as many elements as `x1` "
                  "(flattened).",
    "op_inner:x1": "the first tensor.",
    "op_inner:x2": "the second tensor; its last axis must match the last "
                   "axis of `x1`.",
    "op_outer:x1": "the first vector (a tensor is flattened).",
    "op_outer:x2": "the second vector (a tensor is flattened).",
    "op_tensordot:x1": "the first tensor.",
    "op_tensordot:x2": "the second tensor.",
    "op_tensordot:axes": (
        "the axes to sum over: an integer `n` (the last `n` axes of `x1` "
        "with the first `n` of `x2`), or a pair of lists of 0-based axes, "
        "`([axes of x1], [axes of x2])`."),
    "op_einsum:subscripts": (
        "the subscripts: a string such as `\"ij,jk->ik\"`, one group of "
        "letters per operand, and the output's letters after `->`."),
    "op_einsum:*operands": (
        "the tensors, as separate arguments, one per group of letters in "
        "`subscripts`."),
    "op_einsum:**kwargs": (
        "other arguments of the backend's einsum, passed on unchanged."),
    "op_cross:x1": "the first vector(s), of 2 or 3 components.",
    "op_cross:x2": "the second vector(s), of 2 or 3 components, broadcast "
                   "against `x1`.",
    "op_cross:axisa": "the axis of `x1` holding the components, 0-based.",
    "op_cross:axisb": "the axis of `x2` holding the components, 0-based.",
    "op_cross:axisc": "the axis of the result holding the components, "
                      "0-based.",
    "op_cross:axis": (
        "if given, one axis used for `axisa`, `axisb` and `axisc` at "
        "once."),
    "op_correlate:x1": "the first 1-D tensor.",
    "op_correlate:x2": "the second 1-D tensor, slid along `x1`.",
    "op_correlate:mode": (
        "how much overlap to keep: `\"valid\"` (only full overlap), "
        "`\"same\"` (the length of the longer input) or `\"full\"` (every "
        "partial overlap)."),

    # Selecting, sorting, searching
    "op_where:condition": (
        "a boolean tensor (or one read as boolean: non-zero is true)."),
    "op_where:x1": (
        "the values where `condition` is true, broadcast against it; leave "
        "both `x1` and `x2` out to get indices instead."),
    "op_where:x2": "the values where `condition` is false.",
    "op_select:condlist": (
        "a list of boolean tensors; the first one true at a position "
        "decides the choice there."),
    "op_select:choicelist": (
        "a list of tensors, as long as `condlist`: the values for each "
        "condition."),
    "op_select:default": "the value where no condition is true.",
    "op_take:indices": (
        "the 0-based positions to take: an integer, a list, or an integer "
        "tensor (negative numbers count from the end)."),
    "op_take:axis": (
        "the axis to take along, 0-based; `None` takes from the flattened "
        "tensor."),
    "op_take_along_axis:indices": (
        "an integer tensor of 0-based positions with as many axes as `x`, "
        "broadcast against it except along `axis`."),
    "op_take_along_axis:axis": (
        "the axis to take along, 0-based; `None` uses the flattened "
        "tensor (and 1-D `indices`)."),
    "op_get_item:key": (
        "a Python index: an integer, a `slice`, a tuple of them (one per "
        "axis), or an integer or boolean tensor."),
    "op_sort:axis": (
        "the axis to sort along, 0-based (`-1`, the default, is the last "
        "axis); `None` sorts the flattened tensor."),
    "op_argsort:axis": (
        "the axis to sort along, 0-based (`-1`, the default, is the last "
        "axis); `None` sorts the flattened tensor."),
    "op_argpartition:kth": (
        "the 0-based position (or list of positions) in sorted order that "
        "must be in its final place."),
    "op_argpartition:axis": (
        "the axis to partition along, 0-based (`-1`, the default, is the "
        "last axis); `None` uses the flattened tensor."),

    # Types and other
    "op_saturate_cast:dtype": "the target data type, such as "
                              "`\"uint8\"`.",
    "op_ctc_decode:inputs": (
        "the unnormalized scores (logits, not softmax output), of shape "
        "`(batch, time steps, classes)`."),
    "op_ctc_decode:sequence_lengths": (
        "the length of each sequence of the batch: a 1-D integer tensor of "
        "length `batch`."),
    "op_ctc_decode:strategy": (
        "`\"greedy\"` (the best class at each step; fast) or "
        "`\"beam_search\"` (keeps `beam_width` candidate sequences)."),
    "op_ctc_decode:beam_width": (
        "how many candidates beam search keeps at each step, an integer."),
    "op_ctc_decode:top_paths": (
        "how many of the most likely sequences beam search returns, an "
        "integer."),
    "op_ctc_decode:merge_repeated": (
        "whether repeated labels in consecutive steps are merged into "
        "one."),
    "op_ctc_decode:mask_index": (
        "the 0-based class index of the blank (\"no label\") class. keras3 "
        "counts it from 1 (its default 1 is this default 0)."),
    "op_vectorize:func": (
        "the function to vectorize, taking and returning tensors."),
    "op_vectorize:excluded": (
        "a set of 0-based positions of arguments not to vectorize (passed "
        "to `func` unchanged); Keras 3.15 ignores it."),
    "op_vectorize:signature": (
        "a generalized ufunc signature such as `\"(n)->()\"`, giving the "
        "core axes that `func` sees whole; `None` maps over single "
        "elements."),
}

# ----------------------------------------------------------------------
# What each returns

_BOOL = ("A boolean tensor, of the broadcast shape of the inputs.")
_BOOL1 = "A boolean tensor of the shape of `x`."
_SHIFT = "An integer tensor, of the broadcast shape of the inputs."
_INDICES = "An integer tensor of 0-based indices, of the shape of `x`."

RETURNS = {
    "numpy ops": "A tensor.",
    "op_equal": _BOOL, "op_not_equal": _BOOL, "op_greater": _BOOL,
    "op_greater_equal": _BOOL, "op_less": _BOOL, "op_less_equal": _BOOL,
    "op_logical_and": _BOOL, "op_logical_or": _BOOL,
    "op_logical_xor": _BOOL, "op_isclose": _BOOL,
    "op_logical_not": _BOOL1, "op_isfinite": _BOOL1, "op_isinf": _BOOL1,
    "op_isnan": _BOOL1, "op_signbit": _BOOL1,
    "op_bitwise_and": _SHIFT, "op_bitwise_or": _SHIFT,
    "op_bitwise_xor": _SHIFT, "op_bitwise_left_shift": _SHIFT,
    "op_bitwise_right_shift": _SHIFT, "op_left_shift": _SHIFT,
    "op_right_shift": _SHIFT,
    "op_bitwise_invert": "A tensor of the shape and dtype of `x`.",
    "op_bitwise_not": "A tensor of the shape and dtype of `x`.",
    "op_all": "A boolean tensor: a scalar, or one value per position of "
              "the axes kept.",
    "op_any": "A boolean tensor: a scalar, or one value per position of "
              "the axes kept.",
    "op_argmax": ("An integer tensor of 0-based indices: a scalar with "
                  "`axis=None`, otherwise the shape of `x` without `axis` "
                  "(kept with size 1 if `keepdims`)."),
    "op_argmin": ("An integer tensor of 0-based indices: a scalar with "
                  "`axis=None`, otherwise the shape of `x` without `axis` "
                  "(kept with size 1 if `keepdims`)."),
    "op_argsort": _INDICES,
    "op_argpartition": _INDICES,
    "op_digitize": "An integer tensor of 0-based bin numbers, of the shape "
                   "of `x`.",
    "op_count_nonzero": "An integer tensor of counts.",
    "op_bincount": ("A 1-D tensor of length `max(max(x) + 1, minlength)`: "
                    "integer counts, or sums of `weights`."),
    "op_histogram": ("A tuple `(counts, edges)`: the count in each bin, "
                     "and the `bins + 1` bin edges."),
    "op_nonzero": ("A list of integer tensors of 0-based indices, one per "
                   "axis of `x`."),
    "op_where": ("A tensor of the broadcast shape of the inputs; with "
                 "`condition` alone, a list of 0-based index tensors, one "
                 "per axis, as from `op_nonzero()`."),
    "op_meshgrid": "A list of tensors, one grid per input vector.",
    "op_split": "A list of tensors.",
    "op_linspace": ("A tensor of `num` values; with `retstep=True`, a "
                    "tuple `(values, step)`."),
    "op_logspace": "A tensor of `num` values.",
    "op_arange": "A 1-D tensor.",
    "op_ndim": "An integer (a Python `int`).",
    "op_size": "An integer scalar tensor.",
    "op_trace": "A tensor: a scalar for a matrix, otherwise one trace per "
                "matrix of the stack.",
    "op_logdet": "A scalar tensor.",
    "op_vdot": "A scalar tensor.",
    "op_saturate_cast": "A tensor of type `dtype`, the shape of `x`.",
    "op_view_as_complex": "A complex tensor of shape `x.shape[:-1]`.",
    "op_view_as_real": "A real tensor of shape `x.shape + (2,)`.",
    "op_real": "A real tensor of the shape of `x`.",
    "op_imag": "A real tensor of the shape of `x`.",
    "op_angle": "A real tensor of the shape of `x`, in radians.",
    "op_eye": "A 2-D tensor (of `config_floatx()` type unless `dtype` "
              "says otherwise).",
    "op_identity": "A square 2-D tensor (of `config_floatx()` type unless "
                   "`dtype` says otherwise).",
    "op_tri": "A 2-D tensor (of `config_floatx()` type unless `dtype` says "
              "otherwise).",
    "op_bartlett": "A 1-D float tensor of `x` values.",
    "op_blackman": "A 1-D float tensor of `x` values.",
    "op_hamming": "A 1-D float tensor of `x` values.",
    "op_hanning": "A 1-D float tensor of `x` values.",
    "op_kaiser": "A 1-D float tensor of `x` values.",
    "op_get_item": ("`x[key]`: a tensor when `x` is a tensor (a NumPy "
                    "array indexes as a NumPy array)."),
    "op_ctc_decode": (
        "A tuple `(sequences, scores)`: the decoded label sequences, of "
        "shape `(top_paths, batch, time steps)` padded with -1 (`top_paths` "
        "is 1 for greedy decoding), and their scores (the negative sum of "
        "the best logits for greedy decoding, log probabilities for beam "
        "search), of shape `(batch, top_paths)`."),
    "op_vectorize": ("A function that takes tensors and applies `func` "
                     "over them."),
}

# ----------------------------------------------------------------------
# Examples (doctests; see tests/test_docs.py)

EXAMPLES = {
    "op_sum": """
        >>> from pykeras3 import op_array, op_sum
        >>> x = op_array([[1, 2, 3], [4, 5, 6]])
        >>> int(op_sum(x))
        21
        >>> op_sum(x, axis=0).numpy().tolist()    # down the columns
        [5, 7, 9]
        >>> op_sum(x, axis=-1, keepdims=True).shape
        TensorShape([2, 1])
    """,
    "op_mean": """
        >>> from pykeras3 import op_array, op_mean
        >>> x = op_array([[1.0, 2.0], [3.0, 6.0]])
        >>> float(op_mean(x))
        3.0
        >>> op_mean(x, axis=1).numpy().tolist()   # one mean per row
        [1.5, 4.5]
    """,
    "op_matmul": """
        >>> from pykeras3 import op_matmul, op_ones
        >>> a = op_ones((2, 3))
        >>> b = op_ones((3, 4))
        >>> op_matmul(a, b).shape
        TensorShape([2, 4])
        >>> op_matmul(a, b).numpy()[0].tolist()
        [3.0, 3.0, 3.0, 3.0]
    """,
    "op_reshape": """
        >>> from pykeras3 import op_arange, op_reshape
        >>> x = op_arange(6)
        >>> op_reshape(x, (2, 3)).numpy().tolist()   # row by row
        [[0, 1, 2], [3, 4, 5]]
        >>> op_reshape(x, [3, -1]).shape
        TensorShape([3, 2])
    """,
    "op_transpose": """
        >>> from pykeras3 import op_array, op_transpose, op_zeros
        >>> op_transpose(op_array([[1, 2, 3], [4, 5, 6]])).numpy().tolist()
        [[1, 4], [2, 5], [3, 6]]
        >>> op_transpose(op_zeros((2, 3, 4)), axes=(2, 0, 1)).shape
        TensorShape([4, 2, 3])
    """,
    "op_argmax": """
        >>> from pykeras3 import op_argmax, op_array
        >>> x = op_array([[1, 9, 2], [7, 0, 3]])
        >>> op_argmax(x, axis=1).numpy().tolist()   # 0-based columns
        [1, 0]
        >>> int(op_argmax(x))                       # in the flattened x
        1
    """,
    "op_argmin": """
        >>> from pykeras3 import op_argmin, op_array
        >>> op_argmin(op_array([4, 1, 3, 1])).numpy().item()  # first of ties
        1
    """,
    "op_argsort": """
        >>> from pykeras3 import op_argsort, op_array
        >>> op_argsort(op_array([30, 10, 20])).numpy().tolist()
        [1, 2, 0]
    """,
    "op_where": """
        >>> from pykeras3 import op_array, op_where
        >>> x = op_array([-2.0, 0.5, 3.0])
        >>> op_where(x > 0, x, 0.0).numpy().tolist()   # like R's ifelse()
        [0.0, 0.5, 3.0]
        >>> [i.numpy().tolist() for i in op_where(x > 0)]  # 0-based indices
        [[1, 2]]
    """,
    "op_concatenate": """
        >>> from pykeras3 import op_concatenate, op_ones, op_zeros
        >>> a, b = op_zeros((2, 3)), op_ones((2, 1))
        >>> op_concatenate([a, b], axis=1).shape
        TensorShape([2, 4])
        >>> op_concatenate([a, a]).shape
        TensorShape([4, 3])
    """,
    "op_stack": """
        >>> from pykeras3 import op_array, op_stack
        >>> a, b = op_array([1, 2, 3]), op_array([4, 5, 6])
        >>> op_stack([a, b]).numpy().tolist()
        [[1, 2, 3], [4, 5, 6]]
        >>> op_stack([a, b], axis=-1).shape
        TensorShape([3, 2])
    """,
    "op_hstack": """
        >>> from pykeras3 import op_hstack, op_ones, op_zeros
        >>> a, b = op_zeros((2, 2)), op_ones((2, 3))
        >>> op_hstack([a, b]).shape
        TensorShape([2, 5])
        >>> op_hstack(a, b, a).shape      # separate arguments work too
        TensorShape([2, 7])
    """,
    "op_vstack": """
        >>> from pykeras3 import op_array, op_vstack
        >>> a, b = op_array([[1, 2]]), op_array([[3, 4], [5, 6]])
        >>> op_vstack(a, b).numpy().tolist()      # or op_vstack([a, b])
        [[1, 2], [3, 4], [5, 6]]
    """,
    "op_arange": """
        >>> from pykeras3 import op_arange
        >>> op_arange(5).numpy().tolist()           # the end is excluded
        [0, 1, 2, 3, 4]
        >>> op_arange(2, 10, 3).numpy().tolist()
        [2, 5, 8]
        >>> op_arange(0, 1, 0.25).numpy().tolist()
        [0.0, 0.25, 0.5, 0.75]
    """,
    "op_linspace": """
        >>> from pykeras3 import op_linspace
        >>> op_linspace(0, 1, num=5).numpy().tolist()   # the end included
        [0.0, 0.25, 0.5, 0.75, 1.0]
    """,
    "op_clip": """
        >>> from pykeras3 import op_array, op_clip
        >>> op_clip(op_array([-3, 0, 5, 12]), 0, 10).numpy().tolist()
        [0, 0, 5, 10]
    """,
    "op_exp": """
        >>> from pykeras3 import op_array, op_exp
        >>> print(op_exp(op_array([0.0, 1.0])).numpy().round(4))
        [1.     2.7183]
    """,
    "op_log": """
        >>> import math
        >>> from pykeras3 import op_array, op_log
        >>> print(op_log(op_array([1.0, math.e, 100.0])).numpy().round(4))
        [0.     1.     4.6052]
    """,
    "op_sqrt": """
        >>> from pykeras3 import op_array, op_sqrt
        >>> print(op_sqrt(op_array([4.0, 9.0, 2.0])).numpy().round(3))
        [2.    3.    1.414]
    """,
    "op_maximum": """
        >>> from pykeras3 import op_array, op_maximum
        >>> op_maximum(op_array([1, 5, 3]), 2).numpy().tolist()  # R's pmax()
        [2, 5, 3]
    """,
    "op_ones": """
        >>> from pykeras3 import op_ones
        >>> op_ones(3).numpy().tolist()
        [1.0, 1.0, 1.0]
        >>> op_ones((2, 3)).shape, op_ones([2, 3], dtype="int32").dtype
        (TensorShape([2, 3]), tf.int32)
    """,
    "op_zeros": """
        >>> from pykeras3 import op_zeros
        >>> z = op_zeros((2, 3))
        >>> z.shape, z.dtype
        (TensorShape([2, 3]), tf.float32)
    """,
    "op_expand_dims": """
        >>> from pykeras3 import op_expand_dims, op_zeros
        >>> x = op_zeros((2, 3))
        >>> op_expand_dims(x, 0).shape
        TensorShape([1, 2, 3])
        >>> op_expand_dims(x, -1).shape
        TensorShape([2, 3, 1])
    """,
    "op_squeeze": """
        >>> from pykeras3 import op_squeeze, op_zeros
        >>> x = op_zeros((1, 3, 1))
        >>> op_squeeze(x).shape
        TensorShape([3])
        >>> op_squeeze(x, axis=-1).shape
        TensorShape([1, 3])
    """,
    "op_take": """
        >>> from pykeras3 import op_array, op_take
        >>> x = op_array([[10, 20, 30], [40, 50, 60]])
        >>> op_take(x, [0, 2], axis=1).numpy().tolist()   # 0-based columns
        [[10, 30], [40, 60]]
        >>> op_take(x, -1).numpy().tolist()   # last of the flattened x
        60
    """,
    "op_take_along_axis": """
        >>> from pykeras3 import op_argsort, op_array, op_take_along_axis
        >>> x = op_array([[3, 1, 2], [9, 7, 8]])
        >>> order = op_argsort(x, axis=1)
        >>> op_take_along_axis(x, order, axis=1).numpy().tolist()
        [[1, 2, 3], [7, 8, 9]]
    """,
    "op_sort": """
        >>> from pykeras3 import op_array, op_sort
        >>> x = op_array([[3, 1, 2], [0, 5, 4]])
        >>> op_sort(x).numpy().tolist()          # each row
        [[1, 2, 3], [0, 4, 5]]
        >>> op_sort(x, axis=0).numpy().tolist()  # each column
        [[0, 1, 2], [3, 5, 4]]
    """,
    "op_cumsum": """
        >>> from pykeras3 import op_array, op_cumsum
        >>> op_cumsum(op_array([1, 2, 3, 4])).numpy().tolist()
        [1, 3, 6, 10]
        >>> op_cumsum(op_array([[1, 2], [3, 4]]), axis=0).numpy().tolist()
        [[1, 2], [4, 6]]
    """,
    "op_einsum": """
        >>> from pykeras3 import op_einsum, op_ones
        >>> a, b = op_ones((2, 3)), op_ones((3, 4))
        >>> op_einsum("ij,jk->ik", a, b).shape      # a matrix product
        TensorShape([2, 4])
        >>> float(op_einsum("ij->", a))             # the sum of all
        6.0
    """,
    "op_meshgrid": """
        >>> from pykeras3 import op_array, op_meshgrid
        >>> gx, gy = op_meshgrid(op_array([1, 2, 3]), op_array([10, 20]))
        >>> gx.numpy().tolist()
        [[1, 2, 3], [1, 2, 3]]
        >>> gy.numpy().tolist()
        [[10, 10, 10], [20, 20, 20]]
    """,
    "op_split": """
        >>> from pykeras3 import op_arange, op_split
        >>> [p.numpy().tolist() for p in op_split(op_arange(6), 3)]
        [[0, 1], [2, 3], [4, 5]]
        >>> [p.numpy().tolist() for p in op_split(op_arange(6), [1, 4])]
        [[0], [1, 2, 3], [4, 5]]
    """,
    "op_max": """
        >>> from pykeras3 import op_array, op_max
        >>> x = op_array([[1, 8], [5, 2]])
        >>> int(op_max(x)), op_max(x, axis=0).numpy().tolist()
        (8, [5, 8])
    """,
    "op_std": """
        >>> from pykeras3 import op_array, op_std
        >>> round(float(op_std(op_array([1.0, 3.0]))), 4)   # divisor n
        1.0
    """,
}
