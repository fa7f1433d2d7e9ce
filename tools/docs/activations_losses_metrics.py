"""Documentation text of the activations, losses and metrics families (see
`common.py` for the format).  Our own words throughout."""

SUMMARIES = {
    # Activations
    "activation_celu": "Apply the continuously differentiable ELU (CELU) "
                       "activation.",
    "activation_elu": "Apply the exponential linear unit (ELU) activation.",
    "activation_exponential": "Apply the exponential activation, "
                              "`exp(x)`.",
    "activation_gelu": "Apply the Gaussian error linear unit (GELU) "
                       "activation.",
    "activation_glu": (
        "Apply the gated linear unit (GLU): half of `x` gated by the other "
        "half."),
    "activation_hard_shrink": "Apply hard shrinkage: zero values within "
                              "`threshold` of 0, keep others.",
    "activation_hard_sigmoid": "Apply the hard sigmoid, a piecewise linear "
                               "approximation of the sigmoid.",
    "activation_hard_silu": "Apply the hard SiLU (hard swish) activation, "
                            "`x * hard_sigmoid(x)`.",
    "activation_hard_swish": "Apply the hard swish (hard SiLU) activation, "
                             "`x * hard_sigmoid(x)`.",
    "activation_hard_tanh": "Apply the hard tanh: clip values to the range "
                            "[-1, 1].",
    "activation_leaky_relu": "Apply the leaky ReLU: `x` if positive, a small "
                             "slope times `x` if not.",
    "activation_linear": "Apply the linear (identity) activation: return "
                         "`x` unchanged.",
    "activation_log_sigmoid": "Compute the logarithm of the sigmoid, "
                              "`log(sigmoid(x))`, stably.",
    "activation_log_softmax": "Compute the logarithm of the softmax along "
                              "an axis, stably.",
    "activation_mish": "Apply the Mish activation, "
                       "`x * tanh(softplus(x))`.",
    "activation_relu": "Apply the rectified linear unit (ReLU), "
                       "`max(x, 0)` by default.",
    "activation_relu6": "Apply ReLU capped at 6, `min(max(x, 0), 6)`.",
    "activation_selu": "Apply the scaled exponential linear unit (SELU) "
                       "activation.",
    "activation_sigmoid": "Apply the logistic sigmoid, "
                          "`1 / (1 + exp(-x))`.",
    "activation_silu": "Apply the SiLU (swish) activation, "
                       "`x * sigmoid(x)`.",
    "activation_soft_shrink": (
        "Apply soft shrinkage: shrink values toward 0 by `threshold`."),
    "activation_softmax": "Turn scores into probabilities that sum to 1 "
                          "along an axis (softmax).",
    "activation_softplus": "Apply the softplus activation, "
                           "`log(1 + exp(x))`.",
    "activation_softsign": "Apply the softsign activation, "
                           "`x / (1 + abs(x))`.",
    "activation_sparse_plus": "Apply SparsePlus, a softplus-like function "
                              "that is exactly 0 below -1.",
    "activation_sparse_sigmoid": (
        "Apply the sparse sigmoid, a piecewise linear sigmoid reaching 0 and "
        "1."),
    "activation_sparsemax": "Turn scores into probabilities, setting low ones "
                            "to 0 (sparsemax).",
    "activation_squareplus": "Apply squareplus, a smooth ReLU, `(x + sqrt(x^2 "
                             "+ b)) / 2`.",
    "activation_tanh": "Apply the hyperbolic tangent activation.",
    "activation_tanh_shrink": "Apply tanh shrinkage, `x - tanh(x)`.",
    "activation_threshold": (
        "Keep values above `threshold`, replace the others by "
        "`default_value`."),

    # Losses
    "loss_binary_crossentropy": (
        "Compute the binary cross-entropy loss for 0/1 targets and "
        "probabilities."),
    "loss_binary_focal_crossentropy": "Compute the binary focal cross-entropy "
                                      "(easy examples weigh less).",
    "loss_categorical_crossentropy": "Compute the categorical cross-entropy "
                                     "loss, for one-hot targets.",
    "loss_categorical_focal_crossentropy": (
        "Compute the categorical focal cross-entropy (easy examples weigh "
        "less)."),
    "loss_categorical_generalized_cross_entropy":
        "Compute the generalized cross-entropy, a loss robust to noisy "
        "labels.",
    "loss_categorical_hinge": "Compute the categorical hinge loss, for "
                              "one-hot targets.",
    "loss_circle": (
        "Compute the Circle loss, for embeddings that group samples by "
        "label."),
    "loss_cosine_similarity": "Compute the negative cosine similarity "
                              "between targets and predictions.",
    "loss_ctc": (
        "Compute the connectionist temporal classification (CTC) loss."),
    "loss_dice": "Compute the Dice loss, one minus the overlap of targets and "
                 "predictions.",
    "loss_hinge": "Compute the hinge loss, for -1/1 (or 0/1) targets and real "
                  "scores.",
    "loss_huber": "Compute the Huber loss: quadratic for small errors, linear "
                  "for large.",
    "loss_kl_divergence": "Compute the Kullback-Leibler divergence between "
                          "targets and predictions.",
    "loss_log_cosh": "Compute the log-cosh loss: the log of the hyperbolic "
                     "cosine of errors.",
    "loss_mean_absolute_error": "Compute the mean absolute error loss "
                                "(MAE).",
    "loss_mean_absolute_percentage_error": "Compute the mean absolute "
                                           "percentage error loss (MAPE).",
    "loss_mean_squared_error": "Compute the mean squared error loss (MSE).",
    "loss_mean_squared_logarithmic_error": "Compute the mean squared "
                                           "logarithmic error loss "
                                           "(MSLE).",
    "loss_poisson": "Compute the Poisson loss, for counts and positive "
                    "predicted rates.",
    "loss_sparse_categorical_crossentropy": "Compute the categorical "
                                            "cross-entropy for integer "
                                            "class ids (0-based).",
    "loss_squared_hinge": "Compute the squared hinge loss, for -1/1 (or "
                          "0/1) targets.",
    "loss_tversky": (
        "Compute the Tversky loss, a Dice loss that weighs the two errors "
        "apart."),

    # Metrics
    "metric_auc": "Create a metric for the area under the ROC or "
                  "precision-recall curve.",
    "metric_binary_accuracy": (
        "Compute how often thresholded predictions match 0/1 targets."),
    "metric_binary_crossentropy": "Compute the binary cross-entropy, as a "
                                  "metric.",
    "metric_binary_focal_crossentropy": "Compute the binary focal "
                                        "cross-entropy, as a metric.",
    "metric_binary_iou": "Create an intersection-over-union (IoU) metric for "
                         "binary predictions.",
    "metric_categorical_accuracy": "Compute how often the highest-scored "
                                   "class matches a one-hot target.",
    "metric_categorical_crossentropy": "Compute the categorical "
                                       "cross-entropy, as a metric.",
    "metric_categorical_focal_crossentropy": "Compute the categorical focal "
                                             "cross-entropy, as a metric.",
    "metric_categorical_hinge": "Compute the categorical hinge loss, as a "
                                "metric.",
    "metric_concordance_correlation": "Compute the concordance correlation of "
                                      "targets and predictions.",
    "metric_cosine_similarity": "Create a metric for the cosine similarity of "
                                "targets and predictions.",
    "metric_f1_score": "Create an F1-score metric: the harmonic mean of "
                       "precision and recall.",
    "metric_false_negatives": "Create a metric that counts false "
                              "negatives.",
    "metric_false_positives": "Create a metric that counts false "
                              "positives.",
    "metric_fbeta_score": (
        "Create a metric for the F-beta score, a weighted F1 score."),
    "metric_hinge": "Compute the hinge loss, as a metric.",
    "metric_huber": "Compute the Huber loss, as a metric.",
    "metric_iou": "Create a metric for the intersection over union (IoU) of "
                  "chosen classes.",
    "metric_kl_divergence": "Compute the Kullback-Leibler divergence, as a "
                            "metric.",
    "metric_log_cosh": "Compute the log-cosh error, as a metric.",
    "metric_log_cosh_error": "Create a metric for the mean log-cosh error.",
    "metric_mean": "Create a metric for the running (weighted) mean of the "
                   "values fed to it.",
    "metric_mean_absolute_error": "Compute the mean absolute error (MAE), "
                                  "as a metric.",
    "metric_mean_absolute_percentage_error": "Compute the mean absolute "
                                             "percentage error (MAPE), as a "
                                             "metric.",
    "metric_mean_iou": "Create an intersection-over-union (IoU) metric, "
                       "averaged over classes.",
    "metric_mean_squared_error": "Compute the mean squared error (MSE), as "
                                 "a metric.",
    "metric_mean_squared_logarithmic_error": "Compute the mean squared "
                                             "logarithmic error (MSLE), as a "
                                             "metric.",
    "metric_mean_wrapper": "Create a metric that averages a function of "
                           "`y_true` and `y_pred`.",
    "metric_one_hot_iou": "Create a metric for the IoU of chosen classes, "
                          "with one-hot targets.",
    "metric_one_hot_mean_iou": "Create a metric for the IoU averaged over "
                               "classes, for one-hot targets.",
    "metric_pearson_correlation": "Compute the Pearson correlation of "
                                  "targets and predictions.",
    "metric_poisson": "Compute the Poisson loss, as a metric.",
    "metric_precision": "Create a precision metric: what share of predicted "
                        "positives are right.",
    "metric_precision_at_recall": (
        "Create a metric for the best precision with recall at least "
        "`recall`."),
    "metric_r2_score": "Create a metric for the coefficient of "
                       "determination, R squared.",
    "metric_recall": "Create a recall metric: what share of actual positives "
                     "are found.",
    "metric_recall_at_precision": "Create a metric for the best recall with "
                                  "precision at least `precision`.",
    "metric_root_mean_squared_error": "Create a metric for the root mean "
                                      "squared error (RMSE).",
    "metric_sensitivity_at_specificity": "Create a metric for the best "
                                         "sensitivity at a given specificity.",
    "metric_sparse_categorical_accuracy": "Compute how often the "
                                          "highest-scored class matches an "
                                          "integer class id.",
    "metric_sparse_categorical_crossentropy": "Compute the categorical "
                                              "cross-entropy for integer "
                                              "labels, as a metric.",
    "metric_sparse_top_k_categorical_accuracy":
        "Compute how often an integer label is among the `k` top-scored "
        "classes.",
    "metric_specificity_at_sensitivity": "Create a metric for the best "
                                         "specificity at a given sensitivity.",
    "metric_squared_hinge": "Compute the squared hinge loss, as a metric.",
    "metric_sum": "Create a metric for the running (weighted) sum of the "
                  "values fed to it.",
    "metric_top_k_categorical_accuracy": (
        "Compute how often a one-hot target is among the `k` top-scored "
        "classes."),
    "metric_true_negatives": "Create a metric that counts true negatives.",
    "metric_true_positives": "Create a metric that counts true positives.",
}

_PER_SAMPLE = (
    "Given `y_true` and `y_pred`, the result holds one value per sample "
    "(the last axis is averaged away); `compile()` uses the object, which "
    "averages those values over the batch (see `reduction`).")

_CONSTRUCTOR = (
    "keras3 gives this metric no `y_true`/`y_pred`: it is a constructor, and "
    "its arguments are keyword-only. Feed data with "
    "`m.update_state(y_true, y_pred)` and read `m.result()`, or pass the "
    "object to `compile(metrics=...)`.")



def _mean_wrapper(keras_name):
    return (
        f"Keras has no class for this metric: without `y_true` and `y_pred` "
        f"the function returns a `keras.metrics.MeanMetricWrapper` named "
        f"`\"{keras_name}\"` that averages the per-sample values (computed "
        f"with the arguments given here) over everything it sees, ready for "
        f"`compile(metrics=...)`.")

DETAILS = {
    "activation_relu": (
        "In general, values at or above `max_value` become `max_value`, "
        "values above `threshold` are kept, and the others become "
        "`negative_slope * (x - threshold)`. Any activation function can "
        "be given to a layer, e.g. `layer_dense(units=4, "
        "activation=activation_relu)`; the layer stores Keras's own "
        "function, so the model saves and loads without pykeras3."),
    "activation_softmax": (
        "Each slice along `axis` becomes `exp(x) / sum(exp(x))`: positive "
        "numbers that sum to 1. Use it on the last layer of a multi-class "
        "classifier, with `loss_categorical_crossentropy()` or "
        "`loss_sparse_categorical_crossentropy()`."),
    "activation_selu": (
        "SELU is `scale * elu(x, alpha)` with the fixed constants "
        "`alpha = 1.6732632...` and `scale = 1.0507009...`, chosen so that "
        "activations keep a mean near 0 and a variance near 1; pair it with "
        "`initializer_lecun_normal()`."),
    "activation_gelu": (
        "GELU weights `x` by the standard normal probability of being below "
        "it: `x * P(X <= x)`. With `approximate=True` a faster tanh formula "
        "replaces the exact one."),
    "activation_elu": (
        "ELU keeps positive values and maps negative ones to "
        "`alpha * (exp(x) - 1)`, which levels off at `-alpha`."),
    "activation_glu": (
        "The input is split in two equal halves `a` and `b` along `axis`, "
        "and the result is `a * sigmoid(b)`; that axis must have an even "
        "size, and the result has half of it."),
    "activation_soft_shrink": (
        "Values within `threshold` of 0 become 0; the others move "
        "`threshold` closer to 0."),
    "activation_sparse_sigmoid": (
        "The result is 0 up to -1, `(x + 1) / 2` between -1 and 1, and 1 "
        "from 1 on: unlike the sigmoid, it reaches 0 and 1 exactly."),
    "activation_sparsemax": (
        "The result sums to 1 along `axis`, like softmax, but scores well "
        "below the largest ones get a probability of exactly 0."),
    "loss_binary_crossentropy": (
        _PER_SAMPLE + " The targets are 0 or 1; the predictions are "
        "probabilities (after a sigmoid), or raw scores with "
        "`from_logits=True`."),
    "loss_categorical_crossentropy": (
        _PER_SAMPLE.replace(" (the last axis is averaged away)", "")
        + " The targets are one-hot rows (one column per class); for "
        "integer class ids use `loss_sparse_categorical_crossentropy()`."),
    "loss_sparse_categorical_crossentropy": (
        "The targets are integer class ids counted from 0, as everywhere in "
        "Python (R's 1-based labels need `- 1`); the predictions have one "
        "column per class. Given `y_true` and `y_pred`, the result holds one "
        "value per sample; `compile()` uses the object, which averages them "
        "over the batch."),
    "loss_mean_squared_error": _PER_SAMPLE,
    "loss_mean_absolute_error": _PER_SAMPLE,
    "loss_huber": (
        "For each error `e = y_pred - y_true`: `e^2 / 2` while "
        "`abs(e) <= delta`, and `delta * (abs(e) - delta / 2)` beyond, so "
        "outliers weigh less than with the squared error. " + _PER_SAMPLE),
    "loss_dice": (
        "Dice is `1 - 2 * sum(y_true * y_pred) / (sum(y_true) + "
        "sum(y_pred))`. With the default `axis=None` the sums run over "
        "everything, so the value is one number for the whole batch. It "
        "is common in image segmentation, where the targets are masks."),
    "loss_kl_divergence": (
        "Each sample gets `sum(y_true * log(y_true / y_pred))` over the "
        "last axis, with both clipped away from 0: 0 when the predicted "
        "distribution equals the target one, larger as they differ."),
    "loss_tversky": (
        "Tversky is `1 - TP / (TP + alpha * FN + beta * FP)`, with soft "
        "counts from the probabilities: `alpha` weighs false negatives and "
        "`beta` false positives; with both 0.5 it equals the Dice loss. "
        "With the default `axis=None` the value is one number for the whole "
        "batch."),
    "loss_categorical_generalized_cross_entropy": (
        "Despite the name, the targets are integer class ids counted from 0 "
        "(not one-hot rows); the predictions have one probability column "
        "per class. With `p` the predicted probability of the true class, "
        "the loss is `(1 - p^q) / q`, one value per sample."),
    "loss_circle": (
        "The targets are integer labels, one per sample; the predictions "
        "are embeddings, one row per sample. `ref_labels` and "
        "`ref_embeddings` only apply when computing the value directly."),
    "loss_ctc": (
        "The targets are integer label sequences `(batch, max_length)`, "
        "padded with 0 (0 is the blank, so real labels start at 1); the "
        "predictions are per-step class scores before any softmax (logits), "
        "`(batch, steps, classes)`. The result has one value per "
        "sequence. CTC is for outputs whose labels are not aligned with "
        "the input steps, as in speech or handwriting recognition."),
    "metric_binary_accuracy": (
        "Given `y_true` and `y_pred`, the result compares each entry (1 "
        "where right, 0 where wrong); the object for `compile()` keeps the "
        "running mean."),
    "metric_binary_crossentropy": (
        "`axis` applies only when computing the value with `y_true` and "
        "`y_pred`; Keras's metric object does not take it."),
    "metric_categorical_accuracy": (
        "A sample counts as right when the column with the highest "
        "prediction is the column holding the 1 in `y_true`. Given "
        "`y_true` and `y_pred`, the result is 1 or 0 per sample; the object "
        "for `compile()` keeps the running mean."),
    "metric_sparse_categorical_accuracy": (
        "The targets are integer class ids counted from 0. Given `y_true` "
        "and `y_pred`, the result is 1 or 0 per sample; the object for "
        "`compile()` keeps the running mean."),
    "metric_top_k_categorical_accuracy": (
        "Given `y_true` and `y_pred`, the result is 1 or 0 per sample; the "
        "object for `compile()` keeps the running mean. With NumPy input, "
        "give `y_pred` as float32: TensorFlow's top-k test refuses float64, "
        "NumPy's default."),
    "metric_sparse_top_k_categorical_accuracy": (
        "The targets are integer class ids counted from 0. Given `y_true` "
        "and `y_pred`, the result is 1 or 0 per sample; the object for "
        "`compile()` keeps the running mean. With NumPy input, give "
        "`y_pred` as float32: TensorFlow's top-k test refuses float64, "
        "NumPy's default."),
    "metric_binary_focal_crossentropy":
        _mean_wrapper("binary_focal_crossentropy"),
    "metric_categorical_focal_crossentropy":
        _mean_wrapper("categorical_focal_crossentropy"),
    "metric_huber": _mean_wrapper("huber"),
    "metric_log_cosh": _mean_wrapper("log_cosh"),
    "metric_auc": (
        "AUC is estimated from counts at `num_thresholds` thresholds: 0.5 "
        "is chance, 1 is a perfect ranking. " + _CONSTRUCTOR),
    "metric_precision": (
        "Precision is true positives / (true positives + false positives). "
        "`class_id` counts columns from 0. " + _CONSTRUCTOR),
    "metric_recall": (
        "Recall is true positives / (true positives + false negatives). "
        "`class_id` counts columns from 0. " + _CONSTRUCTOR),
    "metric_iou": (
        "For each class, IoU is true positives / (true positives + false "
        "positives + false negatives); the metric averages it over "
        "`target_class_ids`, which count classes from 0 as in Keras. "
        + _CONSTRUCTOR),
    "metric_one_hot_iou": (
        "Like `metric_iou()`, for one-hot targets and per-class scores; "
        "`target_class_ids` count classes from 0. " + _CONSTRUCTOR),
    "metric_mean_iou": ("The IoU of every class, averaged. "
                        + _CONSTRUCTOR),
    "metric_one_hot_mean_iou": (
        "The IoU of every class, averaged, for one-hot targets and "
        "per-class scores. " + _CONSTRUCTOR),
    "metric_f1_score": (
        "The targets and predictions are matrices with one column per "
        "class. " + _CONSTRUCTOR),
    "metric_fbeta_score": (
        "Recall counts `beta` times as much as precision; `beta=1` gives "
        "the F1 score. " + _CONSTRUCTOR),
    "metric_r2_score": (
        "R squared is `1 - sum of squared errors / total sum of squares`: 1 "
        "is a perfect fit, 0 is no better than predicting the mean. "
        + _CONSTRUCTOR),
    "metric_mean": (
        "`m.update_state(values)` (optionally with `sample_weight`) adds "
        "values; `m.result()` is their weighted mean so far. "
        + _CONSTRUCTOR),
    "metric_sum": (
        "`m.update_state(values)` adds values; `m.result()` is their total "
        "so far. " + _CONSTRUCTOR),
    "metric_mean_wrapper": (
        "`fn(y_true, y_pred, **kwargs)` must return one value per sample; "
        "the metric keeps their running mean. It turns any per-sample "
        "function (such as a `loss_*()` or `metric_*()` function) into a "
        "metric object for `compile()`. " + _CONSTRUCTOR),
    "metric_root_mean_squared_error": _CONSTRUCTOR,
    "metric_cosine_similarity": (
        "The result is the similarity averaged over all the samples seen. "
        + _CONSTRUCTOR),
    "metric_log_cosh_error": _CONSTRUCTOR,
}

_IDS_PRED = (
    "the predictions: one column per class, for targets that are class "
    "ids.")

PARAMS = {
    # Activations
    "activation_celu:alpha": (
        "the scale of the negative part: negative values map to "
        "`alpha * (exp(x / alpha) - 1)`."),
    "activation_elu:alpha": (
        "the scale of the negative part, which levels off at `-alpha`."),
    "activation_gelu:approximate": (
        "use the faster tanh approximation instead of the exact formula."),
    "activation_glu:axis": (
        "the axis split in two halves, counted from 0 (`-1` is the last "
        "axis); its size must be even."),
    "activation_hard_shrink:threshold": (
        "values with an absolute value at or below it become 0."),
    "activation_soft_shrink:threshold": (
        "the amount every value moves toward 0; values within it of 0 become "
        "0."),
    "activation_leaky_relu:negative_slope": (
        "the factor applied to negative values."),
    "activation_relu:negative_slope": (
        "the factor applied at or below `threshold` (0: those values become "
        "0)."),
    "activation_relu:max_value": (
        "the largest value returned (values above are capped), or `None` for "
        "no cap."),
    "activation_relu:threshold": (
        "values at or below it are damped by `negative_slope` (zeroed by "
        "default)."),
    "activation_log_softmax:axis": (
        "the axis along which the softmax is normalized, counted from 0 "
        "(`-1` is the last axis)."),
    "activation_softmax:axis": (
        "the axis along which the results sum to 1, counted from 0 (`-1`, "
        "the default, is the last axis: one distribution per row)."),
    "activation_sparsemax:axis": (
        "the axis along which the results sum to 1, counted from 0 (`-1` is "
        "the last axis)."),
    "activation_squareplus:b": (
        "how smooth the bend at 0 is: 0 gives ReLU, larger values a softer "
        "curve (must be >= 0)."),
    "activation_threshold:threshold": (
        "the value that `x` must exceed to be kept."),
    "activation_threshold:default_value": (
        "the value that replaces entries of `x` at or below `threshold`."),

    # Shared by losses and metrics: each key lives in one family.
    "losses:from_logits": (
        "`True` when `y_pred` holds raw scores (logits) rather than "
        "probabilities; the loss then applies the sigmoid or softmax itself, "
        "which is numerically safer."),
    "metrics:from_logits": (
        "`True` when `y_pred` holds raw scores (logits) rather than "
        "probabilities."),
    "losses:label_smoothing": (
        "a number in [0, 1] that softens the targets: 0 keeps them, larger "
        "values move them toward a uniform distribution (toward 0.5 for "
        "binary targets)."),
    "metrics:label_smoothing": (
        "a number in [0, 1] that softens the targets before comparing: 0 "
        "keeps them."),
    "losses:reduction": (
        "how the object combines the per-sample values into the loss: "
        "`\"sum_over_batch_size\"` (their mean, the default), `\"sum\"`, "
        "`\"mean\"`, `\"mean_with_sample_weight\"`, or `None`/`\"none\"` to "
        "keep one value per sample. Only for the object (without `y_true` "
        "and `y_pred`)."),
    "losses:gamma": (
        "the focusing strength: 0 gives plain cross-entropy; larger values "
        "down-weight examples that are already well predicted."),
    "metrics:gamma": (
        "the focusing strength: 0 gives plain cross-entropy; larger values "
        "down-weight examples that are already well predicted."),
    "loss_binary_focal_crossentropy:apply_class_balancing": (
        "weight positives by `alpha` and negatives by `1 - alpha`."),
    "metric_binary_focal_crossentropy:apply_class_balancing": (
        "weight positives by `alpha` and negatives by `1 - alpha`."),
    "loss_binary_focal_crossentropy:alpha": (
        "the weight of the positive class when `apply_class_balancing=True` "
        "(negatives get `1 - alpha`)."),
    "metric_binary_focal_crossentropy:alpha": (
        "the weight of the positive class when `apply_class_balancing=True` "
        "(negatives get `1 - alpha`)."),
    "loss_categorical_focal_crossentropy:alpha": (
        "a weight applied to every class's term."),
    "metric_categorical_focal_crossentropy:alpha": (
        "a weight applied to every class's term."),
    "losses:axis": (
        "the axis of the classes (or of the values averaged per sample), "
        "counted from 0; `-1` is the last axis."),
    "metrics:axis": (
        "the axis of the classes (or of the values averaged per sample), "
        "counted from 0; `-1` is the last axis."),
    "loss_dice:axis": (
        "the axes to sum over, counted from 0; `None` (the default) sums "
        "over all of them, giving one value for the batch."),
    "loss_tversky:axis": (
        "the axes to sum over, counted from 0; `None` (the default) sums "
        "over all of them, giving one value for the batch."),
    "loss_cosine_similarity:axis": (
        "the axis of the vectors compared, counted from 0; `-1` is the last "
        "axis."),
    "metric_cosine_similarity:axis": (
        "the axis of the vectors compared, counted from 0; `-1` is the last "
        "axis."),
    "metric_pearson_correlation:axis": (
        "the axis along which the correlation is computed, counted from 0; "
        "`-1` is the last axis."),
    "metric_concordance_correlation:axis": (
        "the axis along which the coefficient is computed, counted from 0; "
        "`-1` is the last axis."),
    "losses:ignore_class": (
        "a class id (0-based) whose samples are left out of the loss, "
        "e.g. a \"void\" label in segmentation; `None` keeps every sample."),
    "metrics:ignore_class": (
        "a class id (0-based) whose samples are left out, e.g. a \"void\" "
        "label in segmentation; `None` keeps every sample."),
    "loss_categorical_generalized_cross_entropy:q": (
        "a number in (0, 1): near 0 the loss behaves like cross-entropy, "
        "near 1 like the mean absolute error (more robust to wrong "
        "labels)."),
    "loss_circle:ref_labels": (
        "integer labels of a reference set to compare against; `None` uses "
        "`y_true` itself. Only with `y_true` and `y_pred`."),
    "loss_circle:ref_embeddings": (
        "embeddings of that reference set; `None` uses `y_pred` itself. "
        "Only with `y_true` and `y_pred`."),
    "loss_circle:remove_diagonal": (
        "leave out each sample's similarity with itself (when the reference "
        "set is the batch)."),
    "loss_circle:gamma": (
        "the scale applied to similarities; larger values sharpen the "
        "loss."),
    "loss_circle:margin": (
        "the relaxation margin between similar and dissimilar pairs."),
    "losses:delta": (
        "the error size where the loss turns from squared to linear."),
    "metrics:delta": (
        "the error size where the loss turns from squared to linear."),
    "loss_tversky:alpha": "the weight of false negatives.",
    "loss_tversky:beta": "the weight of false positives.",

    # Predictions not shaped like the targets
    "loss_sparse_categorical_crossentropy:y_pred": _IDS_PRED,
    "metric_sparse_categorical_crossentropy:y_pred": _IDS_PRED,
    "metric_sparse_categorical_accuracy:y_pred": _IDS_PRED,
    "metric_sparse_top_k_categorical_accuracy:y_pred": _IDS_PRED,
    "loss_categorical_generalized_cross_entropy:y_pred": _IDS_PRED,
    "loss_ctc:y_pred": (
        "the per-step class scores (logits), of shape "
        "`(batch, steps, classes)`."),
    "loss_circle:y_pred": "the embeddings, one row per sample.",

    # Metrics
    "metrics:thresholds": (
        "the cutoff applied to `y_pred` (a probability): a number, or a list "
        "for one result per cutoff; `None` means 0.5."),
    "metrics:num_thresholds": (
        "how many evenly spaced thresholds estimate the curve: more is "
        "finer and slower."),
    "metrics:class_id": (
        "count only this class, a column of `y_pred` counted from 0; `None` "
        "counts all entries."),
    "metrics:top_k": (
        "consider only the `top_k` highest scores of each sample (the "
        "others count as predicted negative); `None` considers them all."),
    "metrics:num_classes": (
        "the number of classes (a confusion matrix of this size is "
        "kept)."),
    "metrics:sparse_y_true": (
        "`True` when `y_true` holds class ids, `False` when it holds one "
        "score per class (the class is its highest column)."),
    "metrics:sparse_y_pred": (
        "`True` when `y_pred` holds class ids, `False` when it holds one "
        "score per class (the class is its highest column)."),
    "metrics:target_class_ids": (
        "the classes whose IoU is averaged: a tuple or list of class ids "
        "counted from 0."),
    "metrics:average": (
        "how per-class scores combine: `None` (one score per class), "
        "`\"micro\"` (from counts pooled over classes), `\"macro\"` (plain "
        "mean) or `\"weighted\"` (mean weighted by class frequency)."),
    "metrics:k": "how many of the highest-scored classes count as a hit.",
    "metrics:threshold": (
        "predictions above it count as 1, the others as 0."),
    "metric_f1_score:threshold": (
        "predictions above it count as 1; `None` counts the highest score "
        "of each row as 1 and the rest as 0."),
    "metric_fbeta_score:threshold": (
        "predictions above it count as 1; `None` counts the highest score "
        "of each row as 1 and the rest as 0."),
    "metric_fbeta_score:beta": (
        "how many times more recall weighs than precision (1 gives F1)."),
    "metric_binary_iou:target_class_ids": (
        "which of the two classes (0 and 1) to average the IoU over: "
        "`(0, 1)`, `(0,)` or `(1,)`."),
    "metric_binary_iou:threshold": (
        "predictions above it count as class 1, the others as class 0."),
    "metric_iou:axis": (
        "the class axis of non-sparse inputs, counted from 0 (`-1` is the "
        "last axis)."),
    "metric_mean_iou:axis": (
        "the class axis of non-sparse inputs, counted from 0 (`-1` is the "
        "last axis)."),
    "metric_one_hot_iou:axis": (
        "the class axis, counted from 0 (`-1` is the last axis)."),
    "metric_one_hot_mean_iou:axis": (
        "the class axis, counted from 0 (`-1` is the last axis)."),
    "metric_auc:curve": (
        "`\"ROC\"` for the receiver operating characteristic curve, or "
        "`\"PR\"` for the precision-recall curve."),
    "metric_auc:summation_method": (
        "how the area is summed between thresholds: `\"interpolation\"` "
        "(the default), or `\"minoring\"`/`\"majoring\"` for a lower/upper "
        "bound."),
    "metric_auc:thresholds": (
        "a list of thresholds in [0, 1] to use instead of "
        "`num_thresholds` evenly spaced ones, or `None`."),
    "metric_auc:multi_label": (
        "`True` for multi-label data: one AUC per label, then averaged; "
        "`False` pools all labels."),
    "metric_auc:num_labels": (
        "the number of labels when `multi_label=True`, or `None` to read it "
        "from the first batch."),
    "metric_auc:label_weights": (
        "weights of the labels in the average when `multi_label=True`, or "
        "`None` for equal weights."),
    "metric_precision_at_recall:recall": (
        "the recall to reach, a number in [0, 1]."),
    "metric_recall_at_precision:precision": (
        "the precision to reach, a number in [0, 1]."),
    "metric_sensitivity_at_specificity:specificity": (
        "the specificity to reach, a number in [0, 1]."),
    "metric_specificity_at_sensitivity:sensitivity": (
        "the sensitivity to reach, a number in [0, 1]."),
    "metric_r2_score:class_aggregation": (
        "how the scores of several output columns combine: "
        "`\"uniform_average\"`, `\"variance_weighted_average\"`, or `None` "
        "for one score per column."),
    "metric_r2_score:num_regressors": (
        "the number of predictors, for the adjusted R squared; 0 gives the "
        "plain one."),
    "metric_sparse_top_k_categorical_accuracy:from_sorted_ids": (
        "`True` when `y_pred` already holds class ids sorted from best "
        "(its first `k` columns are used) instead of scores."),
    "metric_mean_wrapper:fn": (
        "the function averaged, called as `fn(y_true, y_pred, **kwargs)`; "
        "it returns one value per sample."),
    "metric_mean_wrapper:**kwargs": (
        "more arguments for `fn`, passed on at every call."),
}

RETURNS = {
    "activations": "A tensor of the same shape and dtype as `x`.",
    "activation_glu": (
        "A tensor like `x` with half the size along `axis`."),
    "loss_dice": (
        "With `y_true` and `y_pred`, the loss (one number with the default "
        "`axis=None`); otherwise a `{tether}` object for `compile()`."),
    "loss_tversky": (
        "With `y_true` and `y_pred`, the loss (one number with the default "
        "`axis=None`); otherwise a `{tether}` object for `compile()`."),
    "metric_binary_accuracy": (
        "With `y_true` and `y_pred`, a tensor of 1s and 0s (right or wrong, "
        "per entry); otherwise a `{tether}` object for `compile()`."),
    "metric_binary_focal_crossentropy": (
        "With `y_true` and `y_pred`, the value per sample (a tensor, from "
        "`{function}`); otherwise a `keras.metrics.MeanMetricWrapper` "
        "object for `compile()`."),
    "metric_categorical_focal_crossentropy": (
        "With `y_true` and `y_pred`, the value per sample (a tensor, from "
        "`{function}`); otherwise a `keras.metrics.MeanMetricWrapper` "
        "object for `compile()`."),
    "metric_huber": (
        "With `y_true` and `y_pred`, the value per sample (a tensor, from "
        "`{function}`); otherwise a `keras.metrics.MeanMetricWrapper` "
        "object for `compile()`."),
    "metric_log_cosh": (
        "With `y_true` and `y_pred`, the value per sample (a tensor, from "
        "`{function}`); otherwise a `keras.metrics.MeanMetricWrapper` "
        "object for `compile()`."),
}

EXAMPLES = {
    "activation_relu": """
        >>> import numpy as np
        >>> from pykeras3 import activation_relu
        >>> x = np.array([-2.0, -0.5, 0.0, 1.5, 8.0])
        >>> print(np.asarray(activation_relu(x)))
        [0.  0.  0.  1.5 8. ]
        >>> print(np.asarray(activation_relu(x, negative_slope=0.1,
        ...                                  max_value=6.0)))
        [-0.2  -0.05  0.    1.5   6.  ]
    """,
    "activation_softmax": """
        >>> import numpy as np
        >>> from pykeras3 import activation_softmax
        >>> scores = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
        >>> p = np.asarray(activation_softmax(scores))
        >>> print(p.round(3))
        [[0.09  0.245 0.665]
         [0.333 0.333 0.333]]
        >>> print(p.sum(axis=1).round(6))
        [1. 1.]
    """,
    "activation_sigmoid": """
        >>> import numpy as np
        >>> from pykeras3 import activation_sigmoid
        >>> print(np.asarray(activation_sigmoid(np.array([-5.0, 0.0, 5.0])))
        ...       .round(4))
        [0.0067 0.5    0.9933]
    """,
    "activation_tanh": """
        >>> import numpy as np
        >>> from pykeras3 import activation_tanh
        >>> print(np.asarray(activation_tanh(np.array([-1.0, 0.0, 2.0])))
        ...       .round(4))
        [-0.7616  0.      0.964 ]
    """,
    "activation_gelu": """
        >>> import numpy as np
        >>> from pykeras3 import activation_gelu
        >>> x = np.array([-1.0, 0.0, 1.0])
        >>> print(np.asarray(activation_gelu(x)).round(4))
        [-0.1587  0.      0.8413]
    """,
    "loss_binary_crossentropy": """
        >>> import numpy as np
        >>> from pykeras3 import loss_binary_crossentropy
        >>> y_true = np.array([[0.0, 1.0], [1.0, 1.0]])
        >>> y_pred = np.array([[0.1, 0.8], [0.6, 0.9]])
        >>> per_sample = loss_binary_crossentropy(y_true, y_pred)
        >>> print(np.asarray(per_sample).round(4))
        [0.1643 0.3081]
        >>> loss = loss_binary_crossentropy()   # the object, for compile()
        >>> round(float(loss(y_true, y_pred)), 4)
        0.2362
    """,
    "loss_categorical_crossentropy": """
        >>> import numpy as np
        >>> from pykeras3 import loss_categorical_crossentropy
        >>> y_true = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
        >>> y_pred = np.array([[0.1, 0.8, 0.1], [0.2, 0.3, 0.5]])
        >>> print(np.asarray(loss_categorical_crossentropy(y_true, y_pred))
        ...       .round(4))
        [0.2231 0.6931]
    """,
    "loss_sparse_categorical_crossentropy": """
        >>> import numpy as np
        >>> from pykeras3 import loss_sparse_categorical_crossentropy
        >>> y_true = np.array([1, 2])        # class ids, counted from 0
        >>> y_pred = np.array([[0.1, 0.8, 0.1], [0.2, 0.3, 0.5]])
        >>> print(np.asarray(
        ...     loss_sparse_categorical_crossentropy(y_true, y_pred)).round(4))
        [0.2231 0.6931]
    """,
    "loss_mean_squared_error": """
        >>> import numpy as np
        >>> from pykeras3 import loss_mean_squared_error
        >>> y_true = np.array([[1.0, 2.0], [3.0, 4.0]])
        >>> y_pred = np.array([[1.0, 3.0], [5.0, 4.0]])
        >>> print(np.asarray(loss_mean_squared_error(y_true, y_pred)))
        [0.5 2. ]
        >>> float(loss_mean_squared_error()(y_true, y_pred))
        1.25
    """,
    "loss_mean_absolute_error": """
        >>> import numpy as np
        >>> from pykeras3 import loss_mean_absolute_error
        >>> y_true = np.array([[1.0, 2.0], [3.0, 4.0]])
        >>> y_pred = np.array([[1.0, 3.0], [5.0, 4.0]])
        >>> print(np.asarray(loss_mean_absolute_error(y_true, y_pred)))
        [0.5 1. ]
    """,
    "loss_huber": """
        >>> import numpy as np
        >>> from pykeras3 import loss_huber
        >>> y_true = np.array([[0.0], [0.0]])
        >>> y_pred = np.array([[0.5], [3.0]])   # a small and a large error
        >>> print(np.asarray(loss_huber(y_true, y_pred, delta=1.0)))
        [0.125 2.5  ]
    """,
    "metric_binary_accuracy": """
        >>> import numpy as np
        >>> from pykeras3 import metric_binary_accuracy
        >>> y_true = np.array([[1.0], [0.0], [1.0], [0.0]])
        >>> y_pred = np.array([[0.9], [0.2], [0.4], [0.7]])
        >>> m = metric_binary_accuracy()
        >>> m.update_state(y_true, y_pred)
        >>> float(m.result())
        0.5
    """,
    "metric_categorical_accuracy": """
        >>> import numpy as np
        >>> from pykeras3 import metric_categorical_accuracy
        >>> y_true = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
        >>> y_pred = np.array([[0.2, 0.7, 0.1], [0.3, 0.6, 0.1]])
        >>> print(np.asarray(metric_categorical_accuracy(y_true, y_pred)))
        [1. 0.]
    """,
    "metric_sparse_categorical_accuracy": """
        >>> import numpy as np
        >>> from pykeras3 import metric_sparse_categorical_accuracy
        >>> y_true = np.array([1, 0])         # class ids, counted from 0
        >>> y_pred = np.array([[0.2, 0.7, 0.1], [0.3, 0.6, 0.1]])
        >>> print(np.asarray(
        ...     metric_sparse_categorical_accuracy(y_true, y_pred)))
        [1. 0.]
    """,
    "metric_auc": """
        >>> import numpy as np
        >>> from pykeras3 import metric_auc
        >>> m = metric_auc()
        >>> m.update_state(np.array([0, 0, 1, 1]),
        ...                np.array([0.1, 0.4, 0.35, 0.8]))
        >>> round(float(m.result()), 2)
        0.75
    """,
    "metric_precision": """
        >>> import numpy as np
        >>> from pykeras3 import metric_precision
        >>> m = metric_precision()             # threshold 0.5
        >>> m.update_state(np.array([0, 1, 1, 0]),
        ...                np.array([0.9, 0.8, 0.3, 0.1]))
        >>> float(m.result())                  # 1 of 2 predicted positives
        0.5
    """,
    "metric_recall": """
        >>> import numpy as np
        >>> from pykeras3 import metric_recall
        >>> m = metric_recall()                # threshold 0.5
        >>> m.update_state(np.array([1, 1, 1, 0]),
        ...                np.array([0.9, 0.8, 0.3, 0.6]))
        >>> round(float(m.result()), 4)        # 2 of 3 positives found
        0.6667
    """,
    "metric_mean_absolute_error": """
        >>> import numpy as np
        >>> from pykeras3 import metric_mean_absolute_error
        >>> y_true = np.array([[1.0, 2.0], [3.0, 4.0]])
        >>> y_pred = np.array([[1.5, 2.0], [3.0, 2.0]])
        >>> m = metric_mean_absolute_error()
        >>> m.update_state(y_true, y_pred)
        >>> float(m.result())
        0.625
    """,
    "metric_mean_squared_error": """
        >>> import numpy as np
        >>> from pykeras3 import metric_mean_squared_error
        >>> y_true = np.array([[1.0, 2.0], [3.0, 4.0]])
        >>> y_pred = np.array([[1.0, 3.0], [5.0, 4.0]])
        >>> print(np.asarray(metric_mean_squared_error(y_true, y_pred)))
        [0.5 2. ]
    """,
    "metric_root_mean_squared_error": """
        >>> import numpy as np
        >>> from pykeras3 import metric_root_mean_squared_error
        >>> m = metric_root_mean_squared_error()
        >>> m.update_state(np.array([[0.0], [0.0]]), np.array([[3.0], [4.0]]))
        >>> round(float(m.result()), 4)        # sqrt((9 + 16) / 2)
        3.5355
    """,
    "metric_mean": """
        >>> from pykeras3 import metric_mean
        >>> m = metric_mean()
        >>> m.update_state([1.0, 2.0, 3.0])
        >>> m.update_state([10.0])
        >>> float(m.result())
        4.0
    """,
    "metric_top_k_categorical_accuracy": """
        >>> import numpy as np
        >>> from pykeras3 import metric_top_k_categorical_accuracy
        >>> y_true = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
        >>> y_pred = np.array([[0.5, 0.2, 0.3], [0.1, 0.5, 0.4]],
        ...                   dtype="float32")
        >>> print(np.asarray(
        ...     metric_top_k_categorical_accuracy(y_true, y_pred, k=1)))
        [0. 0.]
        >>> print(np.asarray(
        ...     metric_top_k_categorical_accuracy(y_true, y_pred, k=2)))
        [1. 0.]
    """,
    "metric_f1_score": """
        >>> import numpy as np
        >>> from pykeras3 import metric_f1_score
        >>> m = metric_f1_score(average="macro")
        >>> m.update_state(np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]),
        ...                np.array([[0.8, 0.2], [0.6, 0.4], [0.1, 0.9]]))
        >>> round(float(m.result()), 4)
        0.6667
    """,
}
