"""Shared documentation text, so parameter descriptions are written once.

Every pykeras3 docstring has the same parts, which `pykeras3._man` turns
into the pages under `man/`:

    One-line summary.

    Paragraphs of detail.

    keras3 R: ``name()``; any difference from it.

    Args:
        name: text.

    Returns:
        text.

    Example:
        >>> code
"""

from __future__ import annotations

import textwrap

# Argument descriptions shared by several layer functions.
PARAMS = {
    "object": (
        "what to compose the layer with. A Sequential model gets the layer "
        "added (the model is returned); a tensor gets the layer applied "
        "(the output tensor is returned); `None` or nothing returns the "
        "layer itself."),
    "inputs": (
        "a list of tensors to merge (the merged tensor is returned), or "
        "nothing to get the layer itself."),
    "units": "number of output units (the size of the last axis).",
    "activation": (
        "activation function: a name such as `\"relu\"` or `\"sigmoid\"`, "
        "a callable, or `None` for none (linear)."),
    "use_bias": "whether the layer adds a learned bias vector.",
    "kernel_initializer": "how the kernel weights start (a name or an "
                          "initializer object).",
    "bias_initializer": "how the bias starts.",
    "recurrent_initializer": "how the recurrent kernel starts.",
    "kernel_regularizer": "penalty on the kernel weights, or `None`.",
    "bias_regularizer": "penalty on the bias, or `None`.",
    "recurrent_regularizer": "penalty on the recurrent kernel, or `None`.",
    "activity_regularizer": "penalty on the layer's output, or `None`.",
    "kernel_constraint": "constraint applied to the kernel after each "
                         "update, or `None`.",
    "bias_constraint": "constraint applied to the bias, or `None`.",
    "recurrent_constraint": "constraint applied to the recurrent kernel, "
                            "or `None`.",
    "lora_rank": "if set, train a low-rank (LoRA) update of this rank "
                 "instead of the full kernel.",
    "data_format": "`\"channels_last\"` (default) or `\"channels_first\"`: "
                   "where the channel axis is.",
    "padding": "`\"valid\"` (no padding) or `\"same\"` (pad so the output "
               "keeps the input's spatial size).",
    "strides": "step between windows: an int or a tuple, one per spatial "
               "axis.",
    "dilation_rate": "spacing between kernel taps, for dilated "
                     "convolution.",
    "groups": "number of groups the channels are split into; each group "
              "is convolved separately.",
    "filters": "number of output channels (convolution filters).",
    "kernel_size": "size of the convolution window: an int or a tuple.",
    "axis": "the axis the layer works along (Python numbering: `-1` is the "
            "last axis, `0` the batch axis).",
    "epsilon": "small number added to the variance to avoid dividing by "
               "zero.",
    "center": "whether to add a learned offset (beta).",
    "scale": "whether to multiply by a learned scale (gamma).",
    "beta_initializer": "how beta starts.",
    "gamma_initializer": "how gamma starts.",
    "beta_regularizer": "penalty on beta, or `None`.",
    "gamma_regularizer": "penalty on gamma, or `None`.",
    "beta_constraint": "constraint on beta, or `None`.",
    "gamma_constraint": "constraint on gamma, or `None`.",
    "recurrent_activation": "activation for the gates.",
    "dropout": "fraction of the inputs dropped during training.",
    "recurrent_dropout": "fraction of the recurrent state dropped during "
                         "training.",
    "seed": "random seed, for reproducible dropout.",
    "return_sequences": "`True` returns the output at every time step, "
                        "`False` only the last one.",
    "return_state": "`True` also returns the final state(s).",
    "go_backwards": "process the sequence in reverse.",
    "stateful": "keep the state between batches (sample i of one batch "
                "continues sample i of the previous one).",
    "unroll": "unroll the loop: faster for short sequences, more memory.",
}

KWARGS = ("other arguments for the Keras layer, such as `name`, `dtype` or "
          "`trainable`.")

LAYER_RETURNS = (
    "the Sequential model with the layer added, the output tensor, or the "
    "layer itself, depending on `{obj}` (see above). The layer is an "
    "instance of `keras.layers.{cls}`.")

MERGE_RETURNS = (
    "the merged tensor when `inputs` is given, otherwise the layer itself "
    "(an instance of `keras.layers.{cls}`).")

_R_NAMES = {}


def register_layer_name(cls, name):
    _R_NAMES[cls] = name


def r_name_of(cls):
    for klass in cls.__mro__:
        if klass in _R_NAMES:
            return _R_NAMES[klass]
    return cls.__name__


def _wrap(name, text, indent=4):
    body = textwrap.fill(f"{name}: {text}", width=76,
                         initial_indent=" " * indent,
                         subsequent_indent=" " * (indent + 4))
    return body


def layer_doc(name, cls, obj_name, params, summary, example, docs, notes):
    """Assemble a layer function's docstring from shared and own text."""
    lines = [summary.strip(), ""]
    if notes:
        lines += [textwrap.fill(textwrap.dedent(notes).strip(), width=79),
                  ""]
    lines += [f"keras3 R: ``{name}()``. Wraps ``keras.layers.{cls.__name__}"
              f"``; `help(keras.layers.{cls.__name__})` has Keras's own "
              f"notes.", ""]
    lines.append("Args:")
    lines.append(_wrap(obj_name, docs.get(obj_name, PARAMS[obj_name])))
    for pname in params:
        text = docs.get(pname, PARAMS.get(pname))
        if text is None:
            raise KeyError(f"no documentation for {name}({pname}=)")
        lines.append(_wrap(pname, text))
    lines.append(_wrap("**kwargs", KWARGS))
    lines += ["", "Returns:"]
    template = MERGE_RETURNS if obj_name == "inputs" else LAYER_RETURNS
    lines.append(textwrap.fill(template.format(obj=obj_name,
                                               cls=cls.__name__),
                               width=76, initial_indent="    ",
                               subsequent_indent="    "))
    lines += ["", "Example:"]
    lines += ["    " + line if line else ""
              for line in textwrap.dedent(example).strip().splitlines()]
    return "\n".join(lines) + "\n"
