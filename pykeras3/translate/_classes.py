"""keras3's class builders as Python `class` statements.

`callback_log <- Callback("LogLoss", on_epoch_end = function(epoch, logs)
...)` (also `new_callback_class()`, `Layer()`/`new_layer_class()`,
`Model()`, `Metric()`, `Loss()`) becomes `class LogLoss(Callback):` with
one method per function argument (`self` first; `initialize` is
`__init__`; `super$initialize(...)` is `super().__init__(...)`), the
other named arguments class attributes, and the R name bound to the class
when it differs from the class name.

keras3 passes callback methods 1-based epoch and batch numbers; Keras
passes them 0-based.  When a method uses its number, its first line adds
the 1 back, so the body computes what it did in R.  `logs` is a dict.
"""

from __future__ import annotations

from ._python import INDENT, Untranslatable, py_name
from ._r import text_of

# keras3 builder -> pykeras3's base class.
BUILDERS = {"Callback": "Callback", "new_callback_class": "Callback",
            "Layer": "Layer", "new_layer_class": "Layer",
            "Model": "Model", "new_model_class": "Model",
            "Metric": "Metric", "new_metric_class": "Metric",
            "Loss": "Loss", "new_loss_class": "Loss"}

# Callback hooks: Keras's arguments after `self`.
_HOOKS = {"on_epoch_begin": ("epoch", "logs"),
          "on_epoch_end": ("epoch", "logs")}
for _stage in ("train", "test", "predict"):
    _HOOKS[f"on_{_stage}_begin"] = ("logs",)
    _HOOKS[f"on_{_stage}_end"] = ("logs",)
    _HOOKS[f"on_{_stage}_batch_begin"] = ("batch", "logs")
    _HOOKS[f"on_{_stage}_batch_end"] = ("batch", "logs")
_HOOKS["on_batch_begin"] = _HOOKS["on_batch_end"] = ("batch", "logs")


def class_def(tr, variable, call, depth):
    """The lines of `class ...:` for `variable <- Builder("Name", ...)`."""
    pad = INDENT * depth
    builder = tr.function_name(call)
    args = tr.arguments(call)
    if not args:
        raise Untranslatable(call)
    first_name, classname = args[0]
    if first_name not in (None, "classname") or classname.type != "string":
        raise Untranslatable(call)
    name = py_name(tr.string(classname)[1:-1])
    base = BUILDERS[builder]
    members = []
    for arg_name, value in args[1:]:
        if arg_name is None or arg_name in ("public", "private",
                                            "parent_env"):
            raise Untranslatable(call)   # R6-style members: no rule
        if arg_name == "inherit":
            base = tr.expr(value)
            continue
        members.append((arg_name, value))
    if base == BUILDERS[builder]:
        tr.used.add(base)
    out = [pad + f"class {name}({base}):"]
    for member, value in members:
        decorator = None
        if value.type == "call" and tr.function_name_or_none(value) in (
                "mark_active", "active_property") and \
                len(tr.arguments(value)) == 1:
            decorator = "@property"         # an active binding
            value = tr.arguments(value)[0][1]
        if value.type == "function_definition":
            if len(out) > 1:
                out.append("")       # a blank line between methods
            if decorator:
                out.append(pad + INDENT + decorator)
            out += _method(tr, builder, member, value, depth + 1)
        else:
            out.append(pad + INDENT + f"{py_name(member)} = "
                       f"{tr.expr(value)}")
    if not members:
        out.append(pad + INDENT + "pass")
    tr.defined.add(name)
    if BUILDERS[builder] in ("Layer", "Model"):
        tr.layer_classes.update((name, variable))
    if variable != name:
        tr.defined.add(variable)
        out += ["", "", pad + f"{variable} = {name}"]
    return out


def _method(tr, builder, member, node, depth):
    python = "__init__" if member == "initialize" else py_name(member)
    params = tr.parameters(node)
    prelude = []
    hook = _HOOKS.get(member) if BUILDERS[builder] == "Callback" else None
    logs = "logs"
    if hook is not None:
        if len(params) > len(hook) or any(
                p.startswith("*") for p in params):
            raise Untranslatable(node)
        # Keras passes every argument of a hook; R may leave some out.
        params = params + list(hook[len(params):])
        if "=" not in params[-1]:
            params[-1] += "=None"
        names = [p.split("=")[0] for p in params]
        logs = names[-1]
        if hook[0] in ("epoch", "batch") and \
                _uses(node.child_by_field_name("body"), names[0]):
            counted = "epochs" if hook[0] == "epoch" else "batches"
            prelude.append(f"{names[0]} = {names[0]} + 1  "
                           f"# keras3 R counts {counted} from 1")
    saved = set(tr.dicts)
    tr.dicts.add(logs)
    try:
        return tr.function_def(python, node, depth, first=("self",),
                               prelude=prelude, params=params)
    finally:
        tr.dicts.clear()
        tr.dicts.update(saved)


def _uses(node, name):
    """Whether the R subtree `node` reads the identifier `name`."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "identifier" and text_of(current) == name:
            return True
        if current.type == "extract_operator":     # not the `x` of a$x
            stack.append(current.child_by_field_name("lhs"))
        else:
            stack += current.named_children
    return False
