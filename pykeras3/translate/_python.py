"""Python text the translator writes: names, numbers, wrapped calls."""

from __future__ import annotations

import ast
import re

INDENT = "    "
NUMBER = re.compile(r"^-?\d+$")


class Untranslatable(Exception):
    """A construct no rule covers (the statement becomes a TODO)."""


def wrapped(name, parts, force=False):
    """`name(parts...)` on one line, or one part a line when long."""
    one = f"{name}({', '.join(parts)})"
    if not force and (len(one) <= 79 or not parts) or \
            (force and len(one) <= 60):
        return one
    inner = ",\n".join(INDENT + p.replace("\n", "\n" + INDENT)
                        for p in parts)
    return f"{name}(\n{inner},\n)"


def parses(lines):
    try:
        ast.parse("\n".join(lines))
    except SyntaxError:
        return False
    return True


def plus_one(text):
    """`text + 1`, computed when it is a literal integer."""
    if NUMBER.match(text):
        return str(int(text) + 1)
    return f"{text} + 1"


def minus_one(text):
    """`text - 1`, computed when it is a literal integer."""
    if NUMBER.match(text):
        return str(int(text) - 1)
    return f"{text} - 1"


def py_name(text):
    """An R name as a Python identifier (dots become underscores)."""
    name = text.replace(".", "_")
    if not name.isidentifier():
        raise Untranslatable(text)
    if name in ("lambda", "def", "class", "from", "import", "pass",
                "with", "yield", "global", "del", "as", "assert", "try",
                "except", "raise", "finally", "is", "not", "and", "or",
                "None", "True", "False", "in", "elif", "async", "await",
                "nonlocal", "continue", "break", "return", "if", "else",
                "for", "while"):
        return name + "_"
    return name

