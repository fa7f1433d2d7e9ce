"""The tfdatasets R package as tf.data: `tensor_slices_dataset(list(x,
y))` is `tf.data.Dataset.from_tensor_slices((x, y))`, and the
`dataset_*()` verbs are methods of the dataset (`dataset_batch(ds, 64)`
is `ds.batch(64)`; in a pipe, a chain of methods)."""

from __future__ import annotations

from ._python import Untranslatable, tokens

# tfdatasets verb -> (tf.data method, its parameters after the dataset).
METHODS = {
    "dataset_batch": ("batch", ["batch_size", "drop_remainder",
                                "num_parallel_calls", "deterministic"]),
    "dataset_shuffle": ("shuffle", ["buffer_size", "seed",
                                    "reshuffle_each_iteration"]),
    "dataset_map": ("map", ["map_func", "num_parallel_calls",
                            "deterministic"]),
    "dataset_filter": ("filter", ["predicate"]),
    "dataset_take": ("take", ["count"]),
    "dataset_skip": ("skip", ["count"]),
    "dataset_repeat": ("repeat", ["count"]),
    "dataset_cache": ("cache", ["filename"]),
    "dataset_prefetch": ("prefetch", ["buffer_size"]),
    "dataset_unbatch": ("unbatch", []),
    "dataset_rebatch": ("rebatch", ["batch_size", "drop_remainder"]),
    "as_array_iterator": ("as_numpy_iterator", []),
}
# tfdatasets constructors -> tf.data.Dataset's.
CONSTRUCTORS = {"tensor_slices_dataset": "from_tensor_slices",
                "tensors_dataset": "from_tensors"}


def method(tr, node, args, dataset):
    """`dataset.method(...)` for a tfdatasets verb; `dataset` is the
    rendered dataset (piped), or None when it is the first argument."""
    name = tr.function_name(node)
    python, params = METHODS[name]
    args = list(args)
    if dataset is None:
        if not args or args[0][0] not in (None, "dataset", "x"):
            raise Untranslatable(node)
        dataset = tr.expr(args.pop(0)[1])
    rendered, position = [], 0
    for arg_name, value in args:
        if arg_name is None:
            if position >= len(params):
                raise Untranslatable(node)
            position += 1
            rendered.append(tr.expr(value))
        elif arg_name in params:
            rendered.append(f"{arg_name}={tr.expr(value)}")
        else:
            raise Untranslatable(node)
    if python == "prefetch" and not rendered:
        tr.modules.add("tensorflow")
        rendered = ["tf.data.AUTOTUNE"]      # tfdatasets' default
    return f"{dataset}.{python}({', '.join(rendered)})"


def constructor(tr, node, args, first):
    """tensor_slices_dataset(list(x, y))."""
    if first is not None or len(args) != 1 or args[0][0] is not None:
        raise Untranslatable(node)
    return constructed(tr, node, args[0][1])


def constructed(tr, node, value):
    """`tf.data.Dataset.from_tensor_slices(...)` of the R value `value`:
    an R `list(x, y)` is a tuple of the parts, which tf.data slices
    together (a Python list would be stacked into one tensor)."""
    tr.modules.add("tensorflow")
    if value.type == "call" and tr.function_name_or_none(value) == \
            "list" and all(n is None for n, _v in tr.arguments(value)):
        # An R vector among the parts is an array (a tuple would be a
        # structure of scalars to tf.data).
        items = [tr.as_array(v) if tr.is_vector_literal(v) else tr.expr(v)
                 for _n, v in tr.arguments(value)]
        data = "(" + ", ".join(items) + ("," if len(items) == 1
                                         else "") + ")"
    else:
        data = tr.expr(value)
    return (f"tf.data.Dataset.{CONSTRUCTORS[tr.function_name(node)]}"
            f"({data})")


def chained(text):
    """A long method chain as black writes it: in parentheses, a method
    a line."""
    if len(text) <= 70 or ")." not in text:
        return text
    parts, start, previous = [], 0, None
    for offset, string, depth in tokens(text):
        if string == "." and depth == 0 and previous == ")":
            parts.append(text[start:offset])
            start = offset
        previous = string
    parts.append(text[start:])
    return "(\n" + "\n".join("    " + p for p in parts) + "\n)"
