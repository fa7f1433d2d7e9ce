"""Documentation text for the optimizers, learning rate schedules,
initializers, regularizers, constraints, random, config and applications
families (the format is described in `common.py`).

Own words throughout; Keras's docstrings were read for the behaviour only.
"""

# ----------------------------------------------------------------------
# Optimizers

SUMMARIES = {
    "optimizer_adadelta": (
        "Create an Adadelta optimizer, which sets step sizes from past "
        "updates."),
    "optimizer_adafactor": (
        "Create an Adafactor optimizer, a memory-saving relative of Adam."),
    "optimizer_adagrad": (
        "Create an Adagrad optimizer, whose steps shrink as gradients add "
        "up."),
    "optimizer_adam": (
        "Create an Adam optimizer, the usual first choice for training a "
        "network."),
    "optimizer_adam_w": (
        "Create an AdamW optimizer: Adam with decoupled weight decay."),
    "optimizer_adamax": (
        "Create an Adamax optimizer: Adam, scaled by the largest past "
        "gradient."),
    "optimizer_ftrl": (
        "Create an FTRL optimizer, suited to large sparse linear models."),
    "optimizer_lamb": (
        "Create a LAMB optimizer, Adam with per-layer step sizes for big "
        "batches."),
    "optimizer_lion": (
        "Create a Lion optimizer, which steps by the sign of a momentum "
        "average."),
    "optimizer_loss_scale": (
        "Wrap an optimizer so that it scales the loss, for training in "
        "float16."),
    "optimizer_muon": (
        "Create a Muon optimizer, orthogonalizing the updates of weight "
        "matrices."),
    "optimizer_nadam": (
        "Create a Nadam optimizer: Adam with Nesterov momentum."),
    "optimizer_rmsprop": (
        "Create an RMSprop optimizer, scaling steps by recent gradient "
        "sizes."),
    "optimizer_sgd": (
        "Create a stochastic gradient descent optimizer, with optional "
        "momentum."),
}

DETAILS = {
    "optimizer_adam": (
        "Pass the object to `compile(model, optimizer=...)`; a string such "
        "as `\"adam\"` gives the same optimizer with its defaults. Each "
        "weight gets its own step size, from running averages of its "
        "gradient (`beta_1`) and of its squared gradient (`beta_2`)."),
    "optimizer_adam_w": (
        "Adam adds weight decay to the gradient, where the adaptive scaling "
        "weakens it; AdamW shrinks the weights directly, by `learning_rate "
        "* weight_decay` times their value each step, which usually "
        "regularizes better."),
    "optimizer_sgd": (
        "Without momentum each step is `w = w - learning_rate * gradient`. "
        "With `momentum` the step keeps a fraction of the previous step, "
        "which speeds up travel along consistent directions."),
    "optimizer_loss_scale": (
        "In float16 small gradients round to zero. The wrapper multiplies "
        "the loss by a scale before computing gradients and divides the "
        "gradients by it afterwards; the scale halves when gradients "
        "overflow and doubles after `dynamic_growth_steps` steps without "
        "overflow. Keras does this by itself when the dtype policy is "
        "`\"mixed_float16\"`."),
    "optimizer_muon": (
        "Weights that are not 2-D matrices (biases, and embeddings unless "
        "`exclude_embeddings=False`) and layers named in `exclude_layers` "
        "are updated with AdamW instead; the final output layer is usually "
        "best excluded."),
    "optimizer_adafactor": (
        "Adam keeps a running size of the squared gradient for every "
        "weight; Adafactor keeps one per row and one per column of a "
        "weight matrix instead, which saves much memory in large models."),
    "optimizer_adagrad": (
        "Each weight gets its own step: the learning rate divided by the "
        "square root of the sum of its squared gradients so far, so weights "
        "with large or frequent gradients slow down."),
    "optimizer_rmsprop": (
        "Each weight's step is divided by the square root of a moving "
        "average of its squared gradients (`rho` sets how fast it "
        "forgets)."),
}

PARAMS = {
    "optimizers:learning_rate": (
        "the step size: a number, a `learning_rate_schedule_*()` object "
        "(the rate then changes with the training step), or a function of "
        "no arguments that returns the rate."),
    "optimizers:weight_decay": (
        "if given, each step also shrinks every weight by this fraction of "
        "the learning rate times the weight (decoupled weight decay); "
        "`None` for none."),
    "optimizers:clipnorm": (
        "if given, each weight's gradient is rescaled so that its norm is "
        "at most this."),
    "optimizers:clipvalue": (
        "if given, each gradient element is clipped to `[-clipvalue, "
        "clipvalue]`."),
    "optimizers:global_clipnorm": (
        "if given, all gradients are rescaled together so that their joint "
        "norm is at most this."),
    "optimizers:use_ema": (
        "keep an exponential moving average of the weights (and, every "
        "`ema_overwrite_frequency` steps, copy it into the weights)."),
    "optimizers:ema_momentum": (
        "with `use_ema=True`, the weight of the old average in each update "
        "of the moving average (close to 1: a slow average)."),
    "optimizers:ema_overwrite_frequency": (
        "with `use_ema=True`, every how many steps the weights are replaced "
        "by their moving average; `None` copies it only at the end of "
        "training (`fit()`)."),
    "optimizers:loss_scale_factor": (
        "if given, the loss is multiplied by this before computing "
        "gradients and the gradients are divided by it (a fixed loss "
        "scale); `None` for none."),
    "optimizers:gradient_accumulation_steps": (
        "if given (an integer above 1), gradients are summed over this many "
        "batches and the weights updated once with their average, as with "
        "a batch that many times larger."),
    "optimizers:beta_1": (
        "how fast the running average of the gradient forgets (between 0 "
        "and 1; close to 1 is a long memory)."),
    "optimizers:beta_2": (
        "how fast the running average of the squared gradient forgets "
        "(between 0 and 1)."),
    "optimizers:rho": (
        "how fast the running average of squared gradients forgets "
        "(between 0 and 1; close to 1 is a long memory)."),
    "optimizers:momentum": (
        "the fraction of the previous step added to the current one "
        "(0: plain steps)."),
    "optimizers:nesterov": (
        "use Nesterov momentum, which looks ahead along the momentum "
        "before computing the step."),
    "optimizers:amsgrad": (
        "use the AMSGrad variant, which keeps the largest running average "
        "of squared gradients seen so far."),
    "optimizers:initial_accumulator_value": (
        "the starting value (at least 0) of the per-weight sum of squared "
        "gradients."),
    "optimizer_rmsprop:centered": (
        "divide by an estimate of the gradient's variance rather than its "
        "raw second moment; can help training, at some extra cost."),
    "optimizer_lion:beta_1": (
        "how much of the running average is mixed with the current "
        "gradient to choose the sign of the step."),
    "optimizer_lion:beta_2": (
        "how fast the running average of the gradient (the momentum) "
        "forgets."),
    "optimizer_adafactor:beta_2_decay": (
        "how fast the second-moment estimate forgets: its decay at step "
        "`t` is `1 - t ^ beta_2_decay`."),
    "optimizer_adafactor:epsilon_1": (
        "a small number added to the squared gradients, for stability."),
    "optimizer_adafactor:epsilon_2": (
        "the smallest weight scale used when scaling steps relative to the "
        "weights."),
    "optimizer_adafactor:clip_threshold": (
        "the largest root mean square an update may have; larger updates "
        "are scaled down."),
    "optimizer_adafactor:relative_step": (
        "cap the learning rate by `1 / sqrt(step)`, so early steps are "
        "smaller."),
    "optimizer_ftrl:learning_rate_power": (
        "how the step shrinks as squared gradients accumulate (at most 0; "
        "`0` keeps a fixed learning rate)."),
    "optimizer_ftrl:l1_regularization_strength": (
        "the L1 penalty (at least 0); it drives weights to exactly zero."),
    "optimizer_ftrl:l2_regularization_strength": (
        "the L2 penalty (at least 0), applied inside the FTRL update."),
    "optimizer_ftrl:l2_shrinkage_regularization_strength": (
        "an L2 penalty (at least 0) applied to the gradient, shrinking the "
        "weights towards zero (not the same as the plain L2 penalty)."),
    "optimizer_ftrl:beta": "a number added to the denominator of the "
                           "per-weight step size (0 by default).",
    "optimizer_loss_scale:inner_optimizer": (
        "the optimizer that does the updates, such as `optimizer_sgd()`."),
    "optimizer_loss_scale:initial_scale": (
        "the loss scale to start with (a large power of 2); it is then "
        "adjusted during training."),
    "optimizer_loss_scale:dynamic_growth_steps": (
        "after how many steps without overflowing gradients the scale is "
        "doubled."),
    "optimizer_muon:adam_beta_1": (
        "for weights updated by AdamW: how fast the running average of the "
        "gradient forgets."),
    "optimizer_muon:adam_beta_2": (
        "for weights updated by AdamW: how fast the running average of the "
        "squared gradient forgets."),
    "optimizer_muon:exclude_layers": (
        "a list of strings: weights whose path (layer name) contains one "
        "of them are updated by AdamW instead; `None` for none."),
    "optimizer_muon:exclude_embeddings": (
        "update embedding weights with AdamW instead of Muon."),
    "optimizer_muon:muon_a": (
        "the first coefficient of the Newton-Schulz iteration; best left "
        "at its default."),
    "optimizer_muon:muon_b": (
        "the second coefficient of the Newton-Schulz iteration; best left "
        "at its default."),
    "optimizer_muon:muon_c": (
        "the third coefficient of the Newton-Schulz iteration; best left "
        "at its default."),
    "optimizer_muon:adam_lr_ratio": (
        "the learning rate of the AdamW updates, as a multiple of "
        "`learning_rate`."),
    "optimizer_muon:momentum": (
        "the momentum of the Muon updates (the fraction of the previous "
        "step kept)."),
    "optimizer_muon:ns_steps": (
        "how many Newton-Schulz iterations orthogonalize each update."),
    "optimizer_muon:nesterov": "use Nesterov momentum in the Muon updates.",
}

EXAMPLES = {
    "optimizer_adam": """
        >>> import numpy as np
        >>> from pykeras3 import compile, keras_model_sequential
        >>> from pykeras3 import layer_dense, optimizer_adam, train_on_batch
        >>> model = layer_dense(keras_model_sequential(input_shape=3), 1)
        >>> model = compile(model, optimizer=optimizer_adam(0.01), loss="mse")
        >>> before = model.get_weights()[0].copy()
        >>> _ = train_on_batch(model, np.ones((4, 3)), np.zeros((4, 1)))
        >>> bool((model.get_weights()[0] != before).all())
        True
        >>> round(float(model.optimizer.learning_rate), 4)
        0.01
    """,
    "optimizer_sgd": """
        >>> import numpy as np
        >>> from pykeras3 import compile, keras_model_sequential
        >>> from pykeras3 import layer_dense, optimizer_sgd, train_on_batch
        >>> model = layer_dense(keras_model_sequential(input_shape=1), 1,
        ...                     use_bias=False, kernel_initializer="ones")
        >>> model = compile(model, optimizer=optimizer_sgd(0.1), loss="mse")
        >>> # loss (w*1 - 0)^2 has gradient 2w = 2, so w becomes 1 - 0.1*2
        >>> _ = train_on_batch(model, np.ones((1, 1)), np.zeros((1, 1)))
        >>> round(float(model.get_weights()[0][0, 0]), 4)
        0.8
    """,
    "optimizer_rmsprop": """
        >>> from pykeras3 import optimizer_rmsprop
        >>> opt = optimizer_rmsprop(learning_rate=0.001, rho=0.9)
        >>> type(opt).__name__, opt.rho
        ('RMSprop', 0.9)
    """,
    "optimizer_adam_w": """
        >>> from pykeras3 import optimizer_adam_w
        >>> opt = optimizer_adam_w(learning_rate=0.001, weight_decay=0.01)
        >>> type(opt).__name__, opt.weight_decay
        ('AdamW', 0.01)
    """,
}

RETURNS = {}

# ----------------------------------------------------------------------
# Learning rate schedules

SUMMARIES.update({
    "learning_rate_schedule_cosine_decay": (
        "Create a learning rate that falls along a cosine curve."),
    "learning_rate_schedule_cosine_decay_restarts": (
        "Create a learning rate that falls along a cosine curve and "
        "restarts."),
    "learning_rate_schedule_exponential_decay": (
        "Create a learning rate that decays exponentially with the step "
        "count."),
    "learning_rate_schedule_inverse_time_decay": (
        "Create a learning rate that decays as one over the number of "
        "steps."),
    "learning_rate_schedule_piecewise_constant_decay": (
        "Create a learning rate that is constant between given step "
        "boundaries."),
    "learning_rate_schedule_polynomial_decay": (
        "Create a learning rate that falls along a polynomial to an end "
        "value."),
})

DETAILS.update({
    "learning_rate_schedule_exponential_decay": (
        "Pass the object as an optimizer's `learning_rate`; the rate at "
        "training step `step` (counted from 0) is `initial_learning_rate * "
        "decay_rate ^ (step / decay_steps)`, with the exponent rounded "
        "down when `staircase=True`. Calling the object with a step gives "
        "the rate at that step."),
    "learning_rate_schedule_inverse_time_decay": (
        "The rate at step `step` is `initial_learning_rate / (1 + "
        "decay_rate * step / decay_steps)`, with `step / decay_steps` "
        "rounded down when `staircase=True`."),
    "learning_rate_schedule_polynomial_decay": (
        "The rate goes from `initial_learning_rate` at step 0 to "
        "`end_learning_rate` at step `decay_steps` as `(initial - end) * (1 "
        "- step / decay_steps) ^ power + end`, and then stays there (unless "
        "`cycle=True`). `power=1` is a straight line."),
    "learning_rate_schedule_cosine_decay": (
        "Without warm-up the rate falls from `initial_learning_rate` to "
        "`alpha * initial_learning_rate` over `decay_steps` steps along "
        "half a cosine wave, then stays there. With `warmup_steps` and "
        "`warmup_target`, it first rises in a straight line from "
        "`initial_learning_rate` to `warmup_target`, then decays from "
        "there."),
    "learning_rate_schedule_cosine_decay_restarts": (
        "Each period is a cosine decay down to `alpha` times its starting "
        "rate; then the rate jumps back up (warm restarts). Each period is "
        "`t_mul` times as long as the one before, and starts `m_mul` times "
        "as high."),
    "learning_rate_schedule_piecewise_constant_decay": (
        "With `boundaries = [b1, b2]` and `values = [v1, v2, v3]` the rate "
        "is `v1` up to step `b1`, `v2` up to step `b2`, and `v3` after."),
})

PARAMS.update({
    "learning rate schedules:initial_learning_rate": (
        "the learning rate at step 0."),
    "learning rate schedules:decay_steps": (
        "the number of steps (an integer) over which the rate decays; in "
        "the formula, steps are divided by it."),
    "learning rate schedules:decay_rate": (
        "how much the rate decays per `decay_steps` steps."),
    "learning rate schedules:staircase": (
        "decay in jumps, once every `decay_steps` steps, instead of "
        "smoothly."),
    "learning rate schedules:alpha": (
        "the lowest rate reached, as a fraction of the starting rate."),
    "learning rate schedules:name": (
        "a name for the schedule (it appears in its config)."),
    "learning_rate_schedule_exponential_decay:decay_rate": (
        "the factor the rate is multiplied by every `decay_steps` steps "
        "(below 1 to decay)."),
    "learning_rate_schedule_cosine_decay:warmup_target": (
        "the rate reached at the end of the warm-up; `None` for no "
        "warm-up."),
    "learning_rate_schedule_cosine_decay:warmup_steps": (
        "the number of warm-up steps (an integer; 0 for none)."),
    "learning_rate_schedule_cosine_decay_restarts:first_decay_steps": (
        "the length of the first period, in steps (an integer)."),
    "learning_rate_schedule_cosine_decay_restarts:t_mul": (
        "each period's length is the previous one's times this."),
    "learning_rate_schedule_cosine_decay_restarts:m_mul": (
        "each period starts at the previous one's starting rate times "
        "this."),
    "learning_rate_schedule_piecewise_constant_decay:boundaries": (
        "a list of increasing step numbers where the rate changes."),
    "learning_rate_schedule_piecewise_constant_decay:values": (
        "a list of rates, one more than `boundaries`: the rate before the "
        "first boundary, between each pair, and after the last."),
    "learning_rate_schedule_polynomial_decay:end_learning_rate": (
        "the rate reached at step `decay_steps`."),
    "learning_rate_schedule_polynomial_decay:power": (
        "the power of the polynomial (1: linear)."),
    "learning_rate_schedule_polynomial_decay:cycle": (
        "after `decay_steps`, start again with a longer period (a multiple "
        "of `decay_steps`) instead of staying at the end value."),
})

EXAMPLES.update({
    "learning_rate_schedule_exponential_decay": """
        >>> from pykeras3 import learning_rate_schedule_exponential_decay
        >>> from pykeras3 import optimizer_sgd
        >>> schedule = learning_rate_schedule_exponential_decay(
        ...     initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5)
        >>> [round(float(schedule(step)), 4) for step in (0, 10, 20)]
        [0.1, 0.05, 0.025]
        >>> opt = optimizer_sgd(learning_rate=schedule)
    """,
    "learning_rate_schedule_piecewise_constant_decay": """
        >>> from pykeras3 import (
        ...     learning_rate_schedule_piecewise_constant_decay)
        >>> schedule = learning_rate_schedule_piecewise_constant_decay(
        ...     boundaries=[100, 200], values=[0.1, 0.01, 0.001])
        >>> [round(float(schedule(step)), 4) for step in (0, 150, 500)]
        [0.1, 0.01, 0.001]
    """,
    "learning_rate_schedule_cosine_decay": """
        >>> from pykeras3 import learning_rate_schedule_cosine_decay
        >>> schedule = learning_rate_schedule_cosine_decay(
        ...     initial_learning_rate=1.0, decay_steps=100)
        >>> [round(float(schedule(step)), 4) for step in (0, 50, 100)]
        [1.0, 0.5, 0.0]
    """,
})

# ----------------------------------------------------------------------
# Initializers

SUMMARIES.update({
    "initializer_constant": "Create an initializer that fills weights with "
                            "one value.",
    "initializer_glorot_normal": (
        "Create a Glorot (Xavier) normal initializer, scaled by fan in and "
        "out."),
    "initializer_glorot_uniform": (
        "Create a Glorot (Xavier) uniform initializer, the default for "
        "kernels."),
    "initializer_he_normal": (
        "Create a He normal initializer, scaled for layers followed by "
        "ReLU."),
    "initializer_he_uniform": (
        "Create a He uniform initializer, scaled for layers followed by "
        "ReLU."),
    "initializer_identity": (
        "Create an initializer that fills a 2-D weight with the identity "
        "matrix."),
    "initializer_lecun_normal": (
        "Create a LeCun normal initializer, scaled by fan in (used with "
        "SELU)."),
    "initializer_lecun_uniform": (
        "Create a LeCun uniform initializer, scaled by the fan in."),
    "initializer_ones": "Create an initializer that fills weights with "
                        "ones.",
    "initializer_orthogonal": (
        "Create an initializer that draws a random orthogonal matrix."),
    "initializer_random_normal": (
        "Create an initializer that draws from a normal distribution."),
    "initializer_random_uniform": (
        "Create an initializer that draws from a uniform distribution."),
    "initializer_stft": (
        "Create a kernel initializer for computing short-time Fourier "
        "transforms."),
    "initializer_truncated_normal": (
        "Create an initializer that draws from a normal distribution cut "
        "at 2 sd."),
    "initializer_variance_scaling": (
        "Create an initializer whose spread is scaled by fan in and/or fan "
        "out."),
    "initializer_zeros": "Create an initializer that fills weights with "
                         "zeros.",
})

_FANS = (
    " For a dense kernel of shape `(inputs, units)` the fan in is "
    "`inputs` and the fan out is `units`; for a convolution kernel both "
    "are multiplied by the window size.")

DETAILS.update({
    "initializer_glorot_uniform": (
        "Values are uniform in `[-limit, limit]` with `limit = sqrt(6 / "
        "(fan_in + fan_out))`, so that signals keep their size both ways "
        "through the layer." + _FANS + " Pass the object (or the string "
        "`\"glorot_uniform\"`) as a layer's `kernel_initializer`; it can "
        "also be called with a shape to get values."),
    "initializer_glorot_normal": (
        "Values are normal with mean 0 and standard deviation `sqrt(2 / "
        "(fan_in + fan_out))`, cut at two standard deviations." + _FANS),
    "initializer_he_normal": (
        "Values are normal with mean 0 and standard deviation `sqrt(2 / "
        "fan_in)`, cut at two standard deviations; the factor 2 makes up "
        "for ReLU zeroing half of its inputs." + _FANS),
    "initializer_he_uniform": (
        "Values are uniform in `[-limit, limit]` with `limit = sqrt(6 / "
        "fan_in)`." + _FANS),
    "initializer_lecun_normal": (
        "Values are normal with mean 0 and standard deviation `sqrt(1 / "
        "fan_in)`, cut at two standard deviations." + _FANS),
    "initializer_lecun_uniform": (
        "Values are uniform in `[-limit, limit]` with `limit = sqrt(3 / "
        "fan_in)`." + _FANS),
    "initializer_variance_scaling": (
        "The variance of the values is `scale / n`, where `n` is the fan "
        "in, the fan out, or their average (`mode`)." + _FANS + " The "
        "Glorot, He and LeCun initializers are special cases."),
    "initializer_truncated_normal": (
        "Values further than two standard deviations from the mean are "
        "drawn again."),
    "initializer_orthogonal": (
        "The rows (or columns, whichever are fewer) of the matrix are "
        "orthonormal, which keeps the size of signals in deep or recurrent "
        "networks; weights with more than 2 axes are flattened to a matrix "
        "first."),
    "initializer_stft": (
        "Made for `layer_stft_spectrogram()`: the kernel holds windowed "
        "cosines (real part) or sines (imaginary part). Named windows such "
        "as `\"hann\"` come from SciPy, which must then be installed."),
})

PARAMS.update({
    "initializers:seed": (
        "an integer (or a `keras.random.SeedGenerator`): the same seed "
        "gives the same values; `None` draws new ones each time."),
    "initializer_constant:value": "the value every weight starts with.",
    "initializer_identity:gain": "a factor the identity matrix is "
                                 "multiplied by.",
    "initializer_orthogonal:gain": "a factor the orthogonal matrix is "
                                   "multiplied by.",
    "initializer_random_normal:mean": "the mean of the values.",
    "initializer_random_normal:stddev": "the standard deviation of the "
                                        "values.",
    "initializer_truncated_normal:mean": "the mean of the values before "
                                         "cutting.",
    "initializer_truncated_normal:stddev": (
        "the standard deviation before cutting (the values are cut at two "
        "of these from the mean)."),
    "initializer_random_uniform:minval": "the lower bound of the values.",
    "initializer_random_uniform:maxval": "the upper bound of the values.",
    "initializer_variance_scaling:scale": (
        "the factor of the variance (a positive number)."),
    "initializer_variance_scaling:mode": (
        "what the scale is divided by: `\"fan_in\"`, `\"fan_out\"` or "
        "`\"fan_avg\"` (their average)."),
    "initializer_variance_scaling:distribution": (
        "`\"truncated_normal\"`, `\"untruncated_normal\"` or "
        "`\"uniform\"`."),
    "initializer_stft:side": (
        "`\"real\"` for the cosine (real) part or `\"imag\"` for the sine "
        "(imaginary) part."),
    "initializer_stft:window": (
        "the window applied over time: the name of a SciPy window such as "
        "`\"hann\"` or `\"hamming\"`, an array of window values, or `None` "
        "for none."),
    "initializer_stft:scaling": (
        "how the window is normalized: `\"density\"` (L2), `\"spectrum\"` "
        "(L1), or `None` for not at all."),
    "initializer_stft:periodic": (
        "treat the window as periodic (as for spectral analysis) rather "
        "than symmetric."),
})

EXAMPLES.update({
    "initializer_glorot_uniform": """
        >>> import numpy as np
        >>> from pykeras3 import initializer_glorot_uniform
        >>> init = initializer_glorot_uniform(seed=1)
        >>> w = np.asarray(init(shape=(6, 4)))
        >>> w.shape
        (6, 4)
        >>> bool(np.abs(w).max() <= np.sqrt(6 / (6 + 4)))
        True
    """,
    "initializer_he_normal": """
        >>> from pykeras3 import initializer_he_normal, keras_input
        >>> from pykeras3 import layer_conv_2d
        >>> layer = layer_conv_2d(filters=8, kernel_size=3,
        ...                       kernel_initializer=initializer_he_normal(1))
        >>> type(layer.kernel_initializer).__name__
        'HeNormal'
    """,
    "initializer_constant": """
        >>> import numpy as np
        >>> from pykeras3 import initializer_constant, layer_dense, op_ones
        >>> out = layer_dense(op_ones((1, 3)), units=2,
        ...                   kernel_initializer=initializer_constant(0.5))
        >>> np.asarray(out).tolist()
        [[1.5, 1.5]]
    """,
    "initializer_random_normal": """
        >>> import numpy as np
        >>> from pykeras3 import initializer_random_normal
        >>> w = np.asarray(initializer_random_normal(stddev=1.0, seed=3)(
        ...     shape=(200, 100)))
        >>> round(float(w.std()), 1)
        1.0
    """,
})

# ----------------------------------------------------------------------
# Regularizers

SUMMARIES.update({
    "regularizer_l1": "Create an L1 weight penalty: a factor times the sum "
                      "of absolute weights.",
    "regularizer_l1_l2": "Create a weight penalty that combines the L1 and "
                         "L2 penalties.",
    "regularizer_l2": "Create an L2 weight penalty: a factor times the sum "
                      "of squared weights.",
    "regularizer_orthogonal": (
        "Create a penalty pushing a weight's rows or columns to be "
        "orthogonal."),
})

DETAILS.update({
    "regularizer_l2": (
        "Pass it as a layer's `kernel_regularizer` (or `bias_regularizer`, "
        "`activity_regularizer`): the penalty `l2 * sum(w ^ 2)` is added to "
        "the loss during training (note: without a factor 1/2), which "
        "keeps the weights small."),
    "regularizer_l1": (
        "The penalty `l1 * sum(abs(w))` is added to the loss; it pushes "
        "many weights to exactly zero."),
    "regularizer_l1_l2": (
        "The penalty is `l1 * sum(abs(w)) + l2 * sum(w ^ 2)`; both factors "
        "default to 0, so give at least one."),
    "regularizer_orthogonal": (
        "The penalty is `factor` times the mean absolute cosine similarity "
        "between different rows (or columns) of the weight matrix; 0 when "
        "they are orthogonal. Only for 2-D weights."),
})

PARAMS.update({
    "regularizers:l1": "the factor of the sum of absolute weights.",
    "regularizers:l2": "the factor of the sum of squared weights.",
    "regularizer_orthogonal:factor": "the factor of the penalty.",
    "regularizer_orthogonal:mode": (
        "`\"rows\"` or `\"columns\"`: which vectors of the matrix should be "
        "orthogonal. For a dense kernel `(inputs, units)`, `\"columns\"` "
        "are the weight vectors of the units."),
})

EXAMPLES.update({
    "regularizer_l2": """
        >>> from pykeras3 import layer_dense, op_ones, regularizer_l2
        >>> layer = layer_dense(units=2, kernel_initializer="ones",
        ...                     kernel_regularizer=regularizer_l2(0.1))
        >>> _ = layer(op_ones((1, 3)))
        >>> [round(float(loss), 4) for loss in layer.losses]  # 0.1 * 6
        [0.6]
    """,
    "regularizer_l1_l2": """
        >>> import numpy as np
        >>> from pykeras3 import regularizer_l1_l2
        >>> penalty = regularizer_l1_l2(l1=0.01, l2=0.1)
        >>> round(float(penalty(np.array([1.0, -2.0]))), 4)  # .01*3 + .1*5
        0.53
    """,
    "regularizer_l1": """
        >>> import numpy as np
        >>> from pykeras3 import regularizer_l1
        >>> round(float(regularizer_l1(0.5)(np.array([1.0, -2.0]))), 4)
        1.5
    """,
})

# ----------------------------------------------------------------------
# Constraints

SUMMARIES.update({
    "constraint_maxnorm": (
        "Create a constraint that caps the norm of each unit's incoming "
        "weights."),
    "constraint_minmaxnorm": (
        "Create a constraint that keeps each unit's weight norm within "
        "bounds."),
    "constraint_nonneg": "Create a constraint that keeps weights "
                         "non-negative.",
    "constraint_unitnorm": (
        "Create a constraint that scales each unit's incoming weights to norm "
        "1."),
})

DETAILS.update({
    "constraint_maxnorm": (
        "Pass it as a layer's `kernel_constraint` (or `bias_constraint`): "
        "after each optimizer step, every weight vector whose Euclidean "
        "norm exceeds `max_value` is scaled down to it. Used with dropout, "
        "it keeps weights from growing without bound."),
    "constraint_nonneg": (
        "After each optimizer step, negative weights are set to 0."),
    "constraint_minmaxnorm": (
        "After each optimizer step, every weight vector is rescaled so "
        "that its norm moves into `[min_value, max_value]`: fully with "
        "`rate=1`, part of the way with a smaller rate."),
    "constraint_unitnorm": (
        "After each optimizer step, every weight vector is divided by its "
        "Euclidean norm."),
})

PARAMS.update({
    "constraints:axis": (
        "the axis (0-based) or tuple of axes along which norms are "
        "computed: each vector along it is one unit's weights. For a dense "
        "kernel `(inputs, units)` that is 0; for a 2-D convolution kernel "
        "`(rows, cols, channels_in, filters)` use `(0, 1, 2)`."),
    "constraint_maxnorm:max_value": "the largest norm allowed.",
    "constraint_minmaxnorm:min_value": "the smallest norm allowed.",
    "constraint_minmaxnorm:max_value": "the largest norm allowed.",
    "constraint_minmaxnorm:rate": (
        "how strictly the bounds are enforced at each step: 1 moves the "
        "norm into the bounds at once; a smaller rate moves it that "
        "fraction of the way."),
})

EXAMPLES.update({
    "constraint_maxnorm": """
        >>> import numpy as np
        >>> from pykeras3 import constraint_maxnorm
        >>> w = np.array([[3.0, 0.1], [4.0, 0.1]])  # column norms 5, 0.14
        >>> np.round(np.asarray(constraint_maxnorm(1.0)(w)), 2).tolist()
        [[0.6, 0.1], [0.8, 0.1]]
    """,
    "constraint_nonneg": """
        >>> import numpy as np
        >>> from pykeras3 import constraint_nonneg, layer_dense
        >>> np.asarray(constraint_nonneg()(np.array([-1.0, 2.0]))).tolist()
        [0.0, 2.0]
        >>> layer = layer_dense(units=4, kernel_constraint=constraint_nonneg())
    """,
    "constraint_unitnorm": """
        >>> import numpy as np
        >>> from pykeras3 import constraint_unitnorm
        >>> w = np.array([[3.0], [4.0]])
        >>> np.asarray(constraint_unitnorm()(w)).round(2).tolist()
        [[0.6], [0.8]]
    """,
})

# ----------------------------------------------------------------------
# Random

SUMMARIES.update({
    "random_beta": "Draw random numbers from a beta distribution.",
    "random_binomial": "Draw random counts of successes from a binomial "
                       "distribution.",
    "random_categorical": (
        "Draw random class indices (0-based) from rows of logits."),
    "random_dropout": (
        "Set random entries of a tensor to zero and scale up the rest."),
    "random_gamma": "Draw random numbers from a gamma distribution.",
    "random_integer": (
        "Draw random integers between a lower bound and an excluded upper "
        "bound."),
    "random_normal": "Draw random numbers from a normal distribution.",
    "random_seed_generator": (
        "Create a seed generator, a stateful seed giving reproducible draws."),
    "random_shuffle": "Shuffle a tensor along one axis.",
    "random_truncated_normal": (
        "Draw random numbers from a truncated normal distribution."),
    "random_uniform": "Draw random numbers from a uniform distribution.",
})

_SEED_NOTE = (
    " An integer `seed` gives the same numbers at every call; for "
    "different numbers at each call that still repeat from run to run, "
    "pass a `random_seed_generator()`.")

DETAILS.update({
    "random_normal": "Values have mean `mean` and standard deviation "
                     "`stddev`." + _SEED_NOTE,
    "random_uniform": (
        "Values lie in `[minval, maxval)`." + _SEED_NOTE),
    "random_integer": (
        "Values lie in `[minval, maxval)`: `maxval` itself is never drawn, "
        "as in Python's `range()`." + _SEED_NOTE),
    "random_truncated_normal": (
        "Values further than two standard deviations from the mean are "
        "drawn again." + _SEED_NOTE),
    "random_categorical": (
        "Each row of `logits` is one distribution over classes (values "
        "such as a model's output before softmax; they need not sum to "
        "anything). Class indices are 0-based, as everywhere in Python. "
        "The values are unnormalized log probabilities: the softmax of a "
        "row gives its class probabilities."),
    "random_seed_generator": (
        "Pass the generator as the `seed` of random functions, "
        "initializers or layers. Each use advances its state, so "
        "successive draws differ, while the same starting seed repeats "
        "the same sequence."),
    "random_dropout": (
        "Each entry is set to 0 with probability `rate`; the others are "
        "divided by `1 - rate`, so the expected value is unchanged. This is "
        "what `layer_dropout()` does in training."),
    "random_shuffle": "The slices along `axis` are put in a random "
                      "order." + _SEED_NOTE,
})

PARAMS.update({
    "random:shape": "the shape of the result: an integer, or a tuple or "
                    "list of integers.",
    "random:mean": "the mean of the distribution.",
    "random:stddev": "the standard deviation of the distribution.",
    "random:minval": "the lower bound (included).",
    "random:maxval": "the upper bound (excluded).",
    "random_truncated_normal:mean": "the mean before cutting.",
    "random_truncated_normal:stddev": (
        "the standard deviation before cutting (values are cut at two of "
        "these from the mean)."),
    "random_integer:minval": "the smallest possible value (included).",
    "random_integer:maxval": (
        "the upper bound, excluded: the largest possible value is "
        "`maxval - 1`."),
    "random_integer:dtype": "an integer data type, such as `\"int32\"` "
                            "(the default) or `\"int64\"`.",
    "random_categorical:dtype": "an integer data type for the indices, "
                                "such as `\"int32\"` (the default).",
    "random_beta:alpha": (
        "the first shape parameter (positive): a number, or a tensor that "
        "broadcasts to `shape`."),
    "random_beta:beta": (
        "the second shape parameter (positive): a number, or a tensor that "
        "broadcasts to `shape`."),
    "random_gamma:alpha": (
        "the shape parameter (positive) of the distribution, whose scale "
        "is 1; the mean is `alpha`."),
    "random_binomial:counts": (
        "the number of trials: a number, or a tensor that broadcasts to "
        "`shape`."),
    "random_binomial:probabilities": (
        "the probability of success of each trial: a number in [0, 1], or "
        "a tensor that broadcasts to `shape`."),
    "random_categorical:logits": (
        "a 2-D tensor `(batch, classes)` of unnormalized log "
        "probabilities, one distribution per row."),
    "random_categorical:num_samples": "how many indices to draw per row.",
    "random_dropout:inputs": "the tensor to apply dropout to.",
    "random_dropout:rate": "the probability (between 0 and 1) that an "
                           "entry is set to 0.",
    "random_dropout:noise_shape": (
        "the shape of the random mask, broadcast against `inputs`; a size "
        "1 shares the mask along that axis (e.g. `(batch, 1, features)` "
        "drops the same features at every time step). `None` uses the "
        "shape of `inputs`."),
    "random_shuffle:x": "the tensor to shuffle.",
    "random_shuffle:axis": (
        "the axis (0-based) along which slices are shuffled; 0 shuffles "
        "the rows."),
    "random_seed_generator:seed": (
        "the integer the generator starts from; `None` picks one at "
        "random."),
})

RETURNS.update({
    "random": "A tensor of the given shape, of type `dtype`.",
    "random_categorical": (
        "An integer tensor of shape `(batch, num_samples)` of 0-based class "
        "indices."),
    "random_dropout": "A tensor of the shape and type of `inputs`.",
    "random_shuffle": "A tensor of the shape and type of `x`.",
    "random_integer": "An integer tensor of the given shape, of type "
                      "`dtype`.",
})

EXAMPLES.update({
    "random_normal": """
        >>> import numpy as np
        >>> from pykeras3 import random_normal
        >>> x = random_normal((2, 3), seed=42)
        >>> tuple(x.shape), str(x.dtype)
        ((2, 3), "<dtype: 'float32'>")
        >>> bool(np.array_equal(x, random_normal((2, 3), seed=42)))
        True
    """,
    "random_uniform": """
        >>> import numpy as np
        >>> from pykeras3 import random_uniform
        >>> x = np.asarray(random_uniform(1000, minval=2, maxval=3, seed=1))
        >>> bool(x.min() >= 2 and x.max() < 3), x.shape
        (True, (1000,))
    """,
    "random_integer": """
        >>> import numpy as np
        >>> from pykeras3 import random_integer
        >>> x = np.asarray(random_integer(1000, minval=0, maxval=3, seed=1))
        >>> sorted(set(x.tolist()))  # 3 itself is excluded
        [0, 1, 2]
    """,
    "random_shuffle": """
        >>> import numpy as np
        >>> from pykeras3 import random_shuffle
        >>> x = np.arange(10)
        >>> y = np.asarray(random_shuffle(x, seed=3))
        >>> sorted(y.tolist()) == x.tolist()
        True
    """,
    "random_seed_generator": """
        >>> import numpy as np
        >>> from pykeras3 import random_normal, random_seed_generator
        >>> gen = random_seed_generator(seed=7)
        >>> a, b = random_normal(3, seed=gen), random_normal(3, seed=gen)
        >>> bool(np.array_equal(a, b))  # the generator moved on
        False
        >>> gen = random_seed_generator(seed=7)
        >>> bool(np.array_equal(a, random_normal(3, seed=gen)))  # repeats
        True
    """,
    "random_categorical": """
        >>> import numpy as np
        >>> from pykeras3 import random_categorical
        >>> logits = np.array([[-20.0, 20.0, -20.0], [20.0, -20.0, -20.0]])
        >>> np.asarray(random_categorical(logits, 4, seed=1)).tolist()
        [[1, 1, 1, 1], [0, 0, 0, 0]]
    """,
})

# ----------------------------------------------------------------------
# Config

SUMMARIES.update({
    "config_backend": "Return the name of the backend Keras computes with.",
    "config_disable_flash_attention": (
        "Stop attention layers from using flash attention."),
    "config_enable_flash_attention": (
        "Let attention layers use flash attention where it is supported."),
    "config_is_flash_attention_enabled": (
        "Return whether flash attention was disabled, or is left to "
        "Keras."),
    "config_disable_interactive_logging": (
        "Send Keras's progress messages to Python's logging, not the screen."),
    "config_enable_interactive_logging": (
        "Show Keras's progress messages (progress bars) on the screen."),
    "config_is_interactive_logging_enabled": (
        "Return whether Keras shows progress messages on the screen."),
    "config_disable_traceback_filtering": (
        "Show full tracebacks, including Keras's internal frames."),
    "config_enable_traceback_filtering": (
        "Shorten error tracebacks by hiding Keras's internal frames."),
    "config_is_traceback_filtering_enabled": (
        "Return whether Keras hides its internal frames in tracebacks."),
    "config_enable_unsafe_deserialization": (
        "Allow loading models that contain Python code, such as lambdas."),
    "config_dtype_policy": (
        "Return the global dtype policy: the types layers compute and store "
        "in."),
    "config_set_dtype_policy": (
        "Set the global dtype policy, for example mixed precision."),
    "config_epsilon": (
        "Return the small number Keras adds to avoid dividing by zero."),
    "config_set_epsilon": (
        "Set the small number Keras adds to avoid dividing by zero."),
    "config_floatx": "Return Keras's default float type, such as "
                     "`\"float32\"`.",
    "config_set_floatx": "Set Keras's default float type.",
    "config_image_data_format": (
        "Return where image layers expect the channel axis by default."),
    "config_set_image_data_format": (
        "Set where image layers expect the channel axis by default."),
    "config_is_nnx_enabled": (
        "Return whether Flax NNX support is on (JAX backend only)."),
    "config_max_epochs": (
        "Return the cap on the number of epochs of any `fit()`, or "
        "`None`."),
    "config_set_max_epochs": (
        "Cap the number of epochs of every `fit()`, for quick debugging "
        "runs."),
    "config_max_steps_per_epoch": (
        "Return the cap on the steps per epoch, or `None` if there is none."),
    "config_set_max_steps_per_epoch": (
        "Cap the steps per epoch of `fit()`, `evaluate()` and `predict()`."),
})

DETAILS.update({
    "config_set_floatx": (
        "New layers, weights and random tensors get this type when no "
        "`dtype` is given; objects already made keep theirs. `\"float16\"` "
        "alone often loses precision in training: prefer "
        "`config_set_dtype_policy(\"mixed_float16\")`."),
    "config_set_dtype_policy": (
        "A policy names two types: the one layers compute in and the one "
        "they keep their weights in. `\"mixed_float16\"` (or "
        "`\"mixed_bfloat16\"`) computes in 16 bits and keeps float32 "
        "weights, which is faster on recent GPUs and TPUs. It affects "
        "layers made afterwards."),
    "config_enable_unsafe_deserialization": (
        "Models saved with a `layer_lambda()` carry Python code, which "
        "could do anything when run, so loading them is refused by "
        "default. Call this only for files you trust; `load_model(..., "
        "safe_mode=False)` does the same for one call."),
    "config_is_flash_attention_enabled": (
        "`None` (the default, also after `config_enable_flash_attention()`)"
        " means Keras uses flash attention where the inputs allow it; "
        "`False` means it was disabled."),
    "config_set_max_epochs": (
        "The environment variable `KERAS_MAX_EPOCHS` does the same without "
        "changing code. Set `None` to remove the cap."),
    "config_set_max_steps_per_epoch": (
        "The environment variable `KERAS_MAX_STEPS_PER_EPOCH` does the same "
        "without changing code. Set `None` to remove the cap. Meant for "
        "debugging: a quick run through a few batches."),
    "config_max_steps_per_epoch": (
        "The cap applies to `fit()`, `evaluate()` and `predict()`; set it "
        "with `config_set_max_steps_per_epoch()`."),
    "config_dtype_policy": (
        "The policy holds two types: the one layers compute in and the one "
        "their weights are stored in; both are float32 unless changed with "
        "`config_set_dtype_policy()`."),
    "config_disable_interactive_logging": (
        "Useful in scripts and log files, where progress bars print as "
        "many lines."),
    "config_set_image_data_format": (
        "`\"channels_last\"` means images of shape `(batch, height, width, "
        "channels)`, `\"channels_first\"` `(batch, channels, height, "
        "width)`. Layers with `data_format=None` use this setting."),
})

PARAMS.update({
    "config_set_dtype_policy:policy": (
        "the name of a policy, such as `\"float32\"`, `\"mixed_float16\"` "
        "or `\"mixed_bfloat16\"`, or a `keras.DTypePolicy` object."),
    "config_set_epsilon:value": "the new value (a small positive number, "
                                "such as `1e-7`).",
    "config_set_floatx:value": (
        "`\"float16\"`, `\"bfloat16\"`, `\"float32\"` or `\"float64\"`."),
    "config_set_image_data_format:data_format": (
        "`\"channels_last\"` or `\"channels_first\"`."),
    "config_set_max_epochs:max_epochs": (
        "the largest number of epochs any `fit()` runs (an integer), or "
        "`None` for no cap."),
    "config_set_max_steps_per_epoch:max_steps_per_epoch": (
        "the largest number of batches per epoch (an integer), or `None` "
        "for no cap."),
})

RETURNS.update({
    "config": "`None`; it changes Keras's global settings.",
    "config_backend": "A string, such as `\"tensorflow\"`.",
    "config_dtype_policy": "A `keras.DTypePolicy`; its `.name` is the "
                           "policy's name, such as `\"float32\"`.",
    "config_epsilon": "A float.",
    "config_floatx": "A string, such as `\"float32\"`.",
    "config_image_data_format": (
        "`\"channels_last\"` or `\"channels_first\"`."),
    "config_is_flash_attention_enabled": "`None` or `False`.",
    "config_is_interactive_logging_enabled": "`True` or `False`.",
    "config_is_traceback_filtering_enabled": "`True` or `False`.",
    "config_is_nnx_enabled": "`True` or `False`.",
    "config_max_epochs": "An integer, or `None` when there is no cap.",
    "config_max_steps_per_epoch": "An integer, or `None` when there is no "
                                  "cap.",
})

EXAMPLES.update({
    "config_backend": """
        >>> from pykeras3 import config_backend
        >>> config_backend()
        'tensorflow'
    """,
    "config_floatx": """
        >>> from pykeras3 import config_floatx
        >>> config_floatx()
        'float32'
    """,
    "config_set_floatx": """
        >>> from pykeras3 import config_floatx, config_set_floatx, op_ones
        >>> old = config_floatx()
        >>> config_set_floatx("float64")
        >>> str(op_ones(2).dtype)
        "<dtype: 'float64'>"
        >>> config_set_floatx(old)  # put it back
        >>> config_floatx()
        'float32'
    """,
    "config_epsilon": """
        >>> from pykeras3 import config_epsilon
        >>> config_epsilon()
        1e-07
    """,
    "config_image_data_format": """
        >>> from pykeras3 import config_image_data_format
        >>> config_image_data_format()
        'channels_last'
    """,
    "config_set_max_epochs": """
        >>> import numpy as np
        >>> from pykeras3 import compile, config_set_max_epochs, fit
        >>> from pykeras3 import keras_model_sequential, layer_dense
        >>> model = compile(layer_dense(keras_model_sequential(
        ...     input_shape=2), 1), loss="mse")
        >>> config_set_max_epochs(2)
        >>> history = fit(model, np.ones((4, 2)), np.ones((4, 1)),
        ...               epochs=50, verbose=0)
        >>> config_set_max_epochs(None)  # remove the cap
        >>> len(history.history["loss"])
        2
    """,
    "config_dtype_policy": """
        >>> from pykeras3 import config_dtype_policy
        >>> config_dtype_policy().name
        'float32'
    """,
})

# ----------------------------------------------------------------------
# Applications

_APPS = {
    # name: (architecture, what sets it apart)
    "application_convnext_tiny": "ConvNeXt-Tiny",
    "application_convnext_small": "ConvNeXt-Small",
    "application_convnext_base": "ConvNeXt-Base",
    "application_convnext_large": "ConvNeXt-Large",
    "application_convnext_xlarge": "ConvNeXt-XLarge",
    "application_densenet121": "DenseNet-121",
    "application_densenet169": "DenseNet-169",
    "application_densenet201": "DenseNet-201",
    "application_efficientnet_b0": "EfficientNet-B0",
    "application_efficientnet_b1": "EfficientNet-B1",
    "application_efficientnet_b2": "EfficientNet-B2",
    "application_efficientnet_b3": "EfficientNet-B3",
    "application_efficientnet_b4": "EfficientNet-B4",
    "application_efficientnet_b5": "EfficientNet-B5",
    "application_efficientnet_b6": "EfficientNet-B6",
    "application_efficientnet_b7": "EfficientNet-B7",
    "application_efficientnet_v2b0": "EfficientNetV2-B0",
    "application_efficientnet_v2b1": "EfficientNetV2-B1",
    "application_efficientnet_v2b2": "EfficientNetV2-B2",
    "application_efficientnet_v2b3": "EfficientNetV2-B3",
    "application_efficientnet_v2s": "EfficientNetV2-S",
    "application_efficientnet_v2m": "EfficientNetV2-M",
    "application_efficientnet_v2l": "EfficientNetV2-L",
    "application_inception_resnet_v2": "Inception-ResNet-v2",
    "application_inception_v3": "Inception-v3",
    "application_mobilenet": "MobileNet",
    "application_mobilenet_v2": "MobileNetV2",
    "application_mobilenet_v3_large": "MobileNetV3-Large",
    "application_mobilenet_v3_small": "MobileNetV3-Small",
    "application_nasnet_large": "NASNet-Large",
    "application_nasnet_mobile": "NASNet-Mobile",
    "application_resnet50": "ResNet-50",
    "application_resnet101": "ResNet-101",
    "application_resnet152": "ResNet-152",
    "application_resnet50_v2": "ResNet-50 v2",
    "application_resnet101_v2": "ResNet-101 v2",
    "application_resnet152_v2": "ResNet-152 v2",
    "application_vgg16": "VGG-16",
    "application_vgg19": "VGG-19",
    "application_xception": "Xception",
}

_FAMILY_NOTES = {
    "convnext": (
        "ConvNeXt is a plain convolutional network redesigned with ideas "
        "from vision transformers; the sizes go Tiny, Small, Base, Large, "
        "XLarge."),
    "densenet": (
        "In a DenseNet every layer of a block receives the feature maps of "
        "all the layers before it; the number is the depth."),
    "efficientnet_b": (
        "EfficientNet scales depth, width and image size together, from B0 "
        "(smallest, 224 x 224 images) to B7 (largest, 600 x 600). The "
        "model rescales its input itself: give it pixel values in [0, "
        "255]."),
    "efficientnet_v2": (
        "EfficientNetV2 trains faster than EfficientNet and is smaller for "
        "the same accuracy; the sizes go B0 to B3, then S, M and L. With "
        "`include_preprocessing=True` it takes pixel values in [0, 255]."),
    "inception": (
        "Inception networks run convolutions of several window sizes side "
        "by side; the ImageNet weights expect 299 x 299 images."),
    "mobilenet": (
        "MobileNets are small and fast, built from depthwise separable "
        "convolutions, for phones and other small devices; `alpha` trades "
        "accuracy for speed."),
    "nasnet": (
        "NASNet's building blocks were found by an automatic search over "
        "architectures; the ImageNet weights expect 224 x 224 images "
        "(Mobile) or 331 x 331 (Large)."),
    "resnet": (
        "ResNets add each block's input to its output (residual "
        "connections), which lets very deep networks train; the number is "
        "the depth, and v2 moves the normalization before each "
        "convolution."),
    "vgg": (
        "VGG is a simple stack of 3 x 3 convolutions and pooling; old and "
        "large, but a common baseline."),
    "xception": (
        "Xception replaces Inception's modules by depthwise separable "
        "convolutions; the ImageNet weights expect 299 x 299 images."),
}

_COMMON_APP_DETAIL = (
    " With the default `weights=\"imagenet\"` the pretrained weights are "
    "downloaded once and kept in `~/.keras/models`; `weights=None` builds "
    "an untrained model (no download). Prepare images with "
    "`application_preprocess_inputs(model, x)` and read the classes with "
    "`application_decode_predictions(model, preds)`.")


def _family_note(name):
    for key in ("efficientnet_v2", "efficientnet_b", "inception",
                "mobilenet", "convnext", "densenet", "nasnet", "resnet",
                "vgg", "xception"):
        if key in name:
            return _FAMILY_NOTES[key]
    raise KeyError(name)


for _name, _label in _APPS.items():
    _article = "an" if _label[0] in "AEIOX" else "a"
    SUMMARIES[_name] = (f"Create {_article} {_label} image model "
                        f"(ImageNet weights optional).")
    DETAILS[_name] = _family_note(_name) + _COMMON_APP_DETAIL

PARAMS.update({
    "applications:include_top": (
        "keep the final classification layers. `False` gives a feature "
        "extractor, to put your own layers on (transfer learning)."),
    "applications:weights": (
        "`\"imagenet\"` (download the pretrained weights, once), `None` "
        "(random weights: no download), or the path of a weights file."),
    "applications:input_tensor": (
        "a tensor (such as the output of `keras_input()`) to use as the "
        "model's input, or `None`."),
    "applications:input_shape": (
        "the image shape `(height, width, 3)` (channels last), or `None` "
        "for the model's own size (224 x 224 for most). With "
        "`include_top=False` or `weights=None` other sizes work, down to "
        "32 x 32 (75 x 75 for the Inception models, 71 x 71 for "
        "Xception)."),
    "applications:pooling": (
        "with `include_top=False`: `None` returns the last feature maps "
        "(4-D), `\"avg\"` or `\"max\"` pools them to one vector per image "
        "(2-D)."),
    "applications:classes": (
        "the number of classes, with `include_top=True`; other than 1000 "
        "only with `weights=None` (or your own weights file)."),
    "applications:classifier_activation": (
        "the activation of the last layer, with `include_top=True`: "
        "`\"softmax\"` for probabilities, `None` for raw scores (logits)."),
    "applications:include_preprocessing": (
        "build the input scaling into the model, which then takes pixel "
        "values in [0, 255]; `False` expects inputs already scaled."),
    "applications:alpha": (
        "the width multiplier: below 1 makes every layer proportionally "
        "thinner (faster, less accurate), above 1 wider. ImageNet weights "
        "exist for a few values only (such as 0.35, 0.5, 0.75, 1.0)."),
    "application_mobilenet:depth_multiplier": (
        "how many outputs each depthwise convolution makes per input "
        "channel (an integer; 1 for the ImageNet weights)."),
    "application_mobilenet:dropout": "the dropout rate before the last "
                                     "layer.",
    "applications:minimalistic": (
        "use the simpler variant without squeeze-and-excite blocks, "
        "hard-swish and 5 x 5 convolutions (faster on some hardware)."),
    "applications:dropout_rate": "the dropout rate before the last layer.",
})

EXAMPLES.update({
    "application_mobilenet_v2": """
        >>> import numpy as np
        >>> from pykeras3 import application_mobilenet_v2
        >>> model = application_mobilenet_v2(weights=None, classes=3,
        ...                                  input_shape=(32, 32, 3))
        >>> model.predict(np.zeros((2, 32, 32, 3)), verbose=0).shape
        (2, 3)
    """,
    "application_resnet50": """
        >>> from pykeras3 import application_resnet50
        >>> features = application_resnet50(weights=None, include_top=False,
        ...                                 input_shape=(64, 64, 3),
        ...                                 pooling="avg")
        >>> features.output_shape
        (None, 2048)
    """,
})
