"""The one registry of pykeras3's exports.

Every public function is declared once, where it is defined, with
`@export("family")` (the generated modules carry the same decorator).
Everything that lists exports is derived from this registry:
`pykeras3.__all__` and the imports of `pykeras3/__init__.py` (written by
`tools/generate.py`, which reads the decorators), `pykeras3.FAMILIES`,
the pages and index of `man/`, the coverage report, and the tests that
run per family.

A family is keras3's grouping (its `@family` tags).
"""

from __future__ import annotations

# The families, in the order of `man/index.md`.  The generated ones each
# have a module (`tools/overrides.py: GENERATED_MODULES`).
FAMILY_ORDER = (
    "model creation", "model training", "model utilities",
    "layer methods", "model persistence", "serialization", "callbacks",
    "custom classes",
    "core layers", "activation layers", "convolutional layers",
    "pooling layers", "normalization layers", "regularization layers",
    "reshaping layers", "merging layers", "attention layers",
    "recurrent layers", "image preprocessing layers",
    "feature preprocessing layers", "audio preprocessing layers",
    "wrapping layers", "feature space",
    "core ops", "numpy ops", "nn ops", "math ops", "linear algebra ops",
    "image ops",
    "activations", "losses", "metrics", "optimizers",
    "learning rate schedules", "initializers", "regularizers",
    "constraints", "random", "config", "applications",
    "datasets", "data utilities", "utilities",
)

EXPORTS = {}      # name -> function
FAMILY_OF = {}    # name -> family
ALIASES = {}      # name -> the name it is another name of
DOCS = {}         # name -> our documentation of a re-exported Keras object


def export(family):
    """Declare the decorated function a public export of `family`."""
    if family not in FAMILY_ORDER:
        raise ValueError(f"export(): unknown family {family!r}; add it to "
                         f"pykeras3._registry.FAMILY_ORDER")

    def decorate(fn):
        _add(fn.__name__, fn, family)
        return fn
    return decorate


def reexport(name, obj, family, doc):
    """Declare a Keras object as a pykeras3 export under `name` (keras3
    exports Keras's base classes, `Layer`, `Callback`, ..., for
    subclassing), with `doc`, our own documentation of it (for `man/`;
    `help()` shows Keras's).  Returns `obj`."""
    if family not in FAMILY_ORDER:
        raise ValueError(f"reexport(): unknown family {family!r}")
    _add(name, obj, family)
    DOCS[name] = doc
    return obj


def doc_of(name):
    """The documentation of export `name`, in pykeras3's words."""
    return DOCS.get(name) or EXPORTS[name].__doc__ or ""


def alias(name, fn, family=None):
    """Declare `name` as a second public name of the export `fn` (keras3's
    aliases, e.g. `layer_input` for `keras_input`).  Returns `fn`."""
    target = fn.__name__
    if target not in EXPORTS:
        raise ValueError(f"alias(): {target!r} is not an export")
    ALIASES[name] = target
    _add(name, fn, family or FAMILY_OF[target])
    return fn


def _add(name, fn, family):
    if name in EXPORTS and EXPORTS[name] is not fn:
        raise ValueError(f"export(): {name!r} is declared twice")
    EXPORTS[name] = fn
    FAMILY_OF[name] = family


def families():
    """{family: [names]} in `FAMILY_ORDER`, names in the order they were
    declared; empty families are left out."""
    out = {family: [] for family in FAMILY_ORDER}
    for name, family in FAMILY_OF.items():
        out[family].append(name)
    return {family: names for family, names in out.items() if names}
