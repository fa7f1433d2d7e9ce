"""Documentation text shared by many generated functions, written once.

`tools/generate.py` reads every module of this folder.  Each may define:

* SUMMARIES: {function: one sentence}, the first line of the docstring;
* DETAILS: {function: a paragraph}, optional;
* PARAMS: {key: text} where key is `function:param`, `family:param`,
  `kind:param` (kind: layer, merge, call, loss, constructor, application)
  or a bare `param`; the most specific key wins.  `**kwargs` and
  `*name` are keyed as written;
* RETURNS: {function, family or kind: text}, most specific wins; `{tether}`
  is replaced by the wrapped Keras object's dotted name, `{function}` by
  the per-sample function of a loss or metric;
* EXAMPLES: {function: doctest text}, optional; they run in the tests.

A key may be defined in one module only.  Bare parameter keys live here;
the family modules use `family:param` or `function:param` keys.  All text
is our own words: never paste Keras's or keras3's documentation.
"""

PARAMS = {
    # What a generated function acts on
    "layer:object": (
        "what to compose the layer with. A Sequential model gets the layer "
        "added (the model is returned); a tensor gets the layer applied (its "
        "output is returned); `None` (or leaving it out) returns the layer "
        "itself. Given by position, anything else is read as the next "
        "argument: `layer_dense(4)` is `layer_dense(units=4)`."),
    "layer:inputs": (
        "what to compose the layer with: a tensor or a list of tensors gets "
        "the layer applied; `None` (or leaving it out) returns the layer "
        "itself."),
    "merge:inputs": (
        "the tensors to merge: a list, or the first of several given as "
        "separate arguments. Leave it out to get the layer itself. One "
        "single tensor `y` gives a deferred call that merges the tensor "
        "piped into it with `y` (keras3's `x |> layer_add(y)`)."),
    "merge:*more_inputs": "more tensors to merge, after `inputs`.",
    "layer:**kwargs": (
        "other arguments of the Keras layer, such as `name`, `dtype`, "
        "`trainable` or `input_shape`."),
    "merge:**kwargs": (
        "other arguments of the Keras layer, such as `name` or `dtype`."),
    "constructor:**kwargs": (
        "other arguments of the Keras object, passed on unchanged."),
    "application:**kwargs": (
        "other arguments of the Keras application, passed on unchanged."),
    "call:**kwargs": "other arguments of the Keras function, passed on "
                     "unchanged.",
    "loss:**kwargs": "other arguments of the Keras object, passed on "
                     "unchanged.",
    "loss:y_true": (
        "the targets. Give `y_true` and `y_pred` to compute the value now; "
        "leave both out to get the object for `compile()`."),
    "loss:y_pred": "the predictions, of the same shape as `y_true`.",

    # Names, types, randomness
    "name": "a name for the object Keras creates, or `None` for a default "
            "one.",
    "dtype": "the data type, such as `\"float32\"`; `None` uses Keras's "
             "default float type (`config_floatx()`).",
    "seed": "an integer seed (or a `keras.random.SeedGenerator`) for "
            "reproducible randomness; `None` draws a new one.",
    "data_format": (
        "where the channel axis is: `\"channels_last\"` (the default, "
        "shape `(batch, ..., channels)`) or `\"channels_first\"`; `None` "
        "uses Keras's global setting (`config_image_data_format()`)."),

    # Tensors and axes (Python conventions: 0-based)
    "x": "the input tensor (or array, or anything `op_convert_to_tensor()` "
         "accepts).",
    "x1": "the first input tensor.",
    "x2": "the second input tensor, broadcast against `x1`.",
    "axis": "the axis to work along, counted from 0 (`-1` is the last "
            "axis); `None` means all axes.",
    "keepdims": "keep the reduced axes, with size 1, so the result "
                "broadcasts against the input.",
    "shape": "a shape: an integer, or a tuple or list of integers.",

    # Weights of layers
    "activation": (
        "the activation applied to the output: a name such as `\"relu\"`, "
        "a function such as `activation_relu`, or `None` for none."),
    "use_bias": "whether the layer learns a bias vector.",
    "kernel_initializer": "how the kernel weights start: a name such as "
                          "`\"glorot_uniform\"` or an `initializer_*()` "
                          "object.",
    "bias_initializer": "how the bias starts: a name or an initializer.",
    "kernel_regularizer": "a penalty on the kernel weights (a "
                          "`regularizer_*()` object), or `None`.",
    "bias_regularizer": "a penalty on the bias, or `None`.",
    "activity_regularizer": "a penalty on the layer's output, or `None`.",
    "kernel_constraint": "a constraint applied to the kernel after each "
                         "update (a `constraint_*()` object), or `None`.",
    "bias_constraint": "a constraint applied to the bias after each "
                       "update, or `None`.",
    "padding": "`\"valid\"` (no padding: the output shrinks) or `\"same\"` "
               "(pad evenly so that, with stride 1, the output keeps the "
               "input's size).",
    "strides": "the step between windows: an integer, or one per spatial "
               "axis.",
    "dilation_rate": "the spacing between the taps of the kernel (dilated, "
                     "or atrous, convolution): an integer, or one per "
                     "spatial axis.",
    "kernel_size": "the size of the window: an integer, or one per spatial "
                   "axis.",
    "epsilon": "a small number added to avoid dividing by zero.",
}

RETURNS = {
    "layer": (
        "The Sequential model with the layer added, the output tensor, or "
        "the layer itself (a `{tether}`), depending on `object`."),
    "merge": (
        "The merged tensor when inputs are given, a deferred call when one "
        "single tensor is given, otherwise the layer itself (a "
        "`{tether}`)."),
    "loss": (
        "With `y_true` and `y_pred`, the value per sample (a tensor, from "
        "`{function}`); otherwise a `{tether}` object for `compile()`."),
    "constructor": "A `{tether}` object.",
    "application": "A Keras model (`keras.Model`).",
}
