"""`python -m pykeras3 translate`: keras3 R scripts in, pykeras3 Python out.

R is parsed with a real parser (tree-sitter's R grammar, from the
`translate` extra: `pip install "pykeras3[translate]"`), never with
regular expressions over the source.  `translate(text)` returns a
`Translation`: the Python text (always valid Python: what no rule covers
is kept as `# TODO(translate): <the R line>` at its place), and how many
statements were translated and how many became TODOs.  R Markdown and
Quarto files (`.Rmd`, `.qmd`) are translated chunk by chunk, in order,
with their prose as comments.

The rules: `_emit.py` (statements and expressions), `_base.py` (the
base R table), `_python.py` (the Python text they write: names, numbers,
wrapped calls).  Which keras3 arguments are 1-based in R comes from
keras3's own argument converters (`_keras3/api.json`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re

from ._python import fitted
from ._r import RSyntaxError, parse

__all__ = ["translate", "translate_file", "Translation", "RSyntaxError"]

_HEADER = "# Translated from R by `python -m pykeras3 translate`."


@dataclasses.dataclass
class Translation:
    python: str
    statements: int
    todos: int

    def summary(self):
        return (f"{self.statements} statement(s) translated, "
                f"{self.todos} TODO(s) left")


def translate(text, filename="<R>", markdown=False):
    """Translate R source `text` (or, with `markdown`, an R Markdown or
    Quarto document) to Python."""
    from ._emit import Translator

    translator = Translator(_exports(), _zero_based())
    # Parse every chunk first: a syntax error anywhere stops before any
    # output, and the translator sees the whole script (scan()).
    pieces = []
    for kind, chunk, offset in (_chunks(text) if markdown
                                else [("r", text.splitlines(), 0)]):
        if kind == "prose":
            pieces.append(([("# " + line).rstrip() for line in chunk],
                           None))
            continue
        source = "\n".join(chunk)
        try:
            root = parse(source, filename)
        except RSyntaxError as err:
            err.line += offset
            err.lineno = err.line
            raise
        translator.scan(root)
        pieces.append((source.splitlines(), root))
    body = []
    for lines, root in pieces:
        body += lines if root is None else translator.program(root, lines)
    head = [_HEADER]
    # The standard library first, then the others (as isort groups them).
    standard = [f"import {m}" for m in _STANDARD
                if m in translator.modules]
    others = sorted(_IMPORTS.get(module, f"import {module}")
                    for module in translator.modules
                    if module not in _STANDARD)
    if translator.used:
        others += _import_lines(sorted(translator.used))
    head += standard + ([""] if standard and others else []) + others
    lines, blank = [], 0
    for line in head + [""] + body:   # at most two blank lines in a row
        blank = blank + 1 if not line.strip() else 0
        if blank <= 2:
            lines += fitted(line.rstrip())
    python = "\n".join(lines).strip("\n") + "\n"
    return Translation(python, translator.statements, translator.todos)


_STANDARD = ("os", "pathlib", "shutil", "tempfile", "time")
# How the output imports the modules it uses.
_IMPORTS = {"numpy": "import numpy as np",
            "tensorflow": "import tensorflow as tf",
            "keras": "import keras",
            "toolz": "import toolz"}


def translate_file(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    markdown = path.lower().endswith((".rmd", ".qmd"))
    return translate(text, filename=path, markdown=markdown)


def _import_lines(names):
    line = "from pykeras3 import " + ", ".join(names)
    if len(line) <= 79:
        return [line]
    out = ["from pykeras3 import ("]
    current = "   "
    for name in names:
        piece = f" {name},"
        if len(current) + len(piece) > 79:
            out.append(current)
            current = "   "
        current += piece
    out.append(current)
    out.append(")")
    return out


_FENCE = re.compile(r"^\s*```+\s*\{r[^}]*\}\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*```+\s*$")


def _chunks(text):
    """[(kind, lines, line offset)]: "prose" and "r" runs of a document."""
    lines = text.splitlines()
    out, prose, i = [], [], 0
    while i < len(lines):
        if _FENCE.match(lines[i]):
            start = i + 1
            j = start
            while j < len(lines) and not _END.match(lines[j]):
                j += 1
            if _not_run(lines[i], lines[start:j]):
                # R does not run it (eval = FALSE): kept as prose.
                prose += lines[i:j + 1]
                i = j + 1
                continue
            if prose:
                out.append(("prose", prose, 0))
                prose = []
            out.append(("r", lines[start:j], start))
            i = j + 1
            continue
        prose.append(lines[i])
        i += 1
    if prose:
        out.append(("prose", prose, 0))
    return out


def _not_run(fence, body):
    """Whether a chunk has `eval = FALSE` (R Markdown) or `#| eval:
    false` (Quarto): R shows it without running it."""
    options = fence.replace(" ", "").lower()
    if "eval=false" in options or "eval=f}" in options or \
            "eval=f," in options:
        return True
    return any(line.replace(" ", "").lower() == "#|eval:false"
               for line in body)


@functools.lru_cache(maxsize=None)
def _exports():
    import pykeras3
    return frozenset(pykeras3.__all__)


@functools.lru_cache(maxsize=None)
def _zero_based():
    """{function: {argument: converter}} for keras3's arguments that are
    1-based in R (axes, indices, epochs)."""
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                        "_keras3", "api.json")
    with open(path, encoding="utf-8") as f:
        api = json.load(f)
    # keras3 converts these in the function's own code, not with a
    # converter: 1-based there too.
    out = {"get_layer": {"index": "as_index"},
           "freeze_weights": {"from": "as_index", "to": "as_index"},
           "unfreeze_weights": {"from": "as_index", "to": "as_index"}}
    for function in api["functions"]:
        for arg, converter in (function.get("converters") or {}).items():
            if converter in ("as_axis", "as_index", "as_py_index"):
                out.setdefault(function["name"], {})[arg] = converter
    return out
