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



def fitted(line, width=79):
    """`line` as one or more lines of at most `width` characters where
    brackets allow, split as black splits: the contents of the widest
    bracket pair on their own lines; one item a line (with a trailing
    comma) where there are commas, one clause a line in a
    comprehension."""
    if len(line) <= width or line.lstrip().startswith("#"):
        return [line]
    pairs, commas, clauses = _brackets(line)
    if not pairs:
        return [line]
    start, end = max(pairs, key=lambda pair: pair[1] - pair[0])
    if end - start < 2:
        return [line]
    lead = line[:len(line) - len(line.lstrip())]
    inner = lead + INDENT

    def first_level(offsets):
        return [c for c in offsets if start < c < end and
                not any(s < c < e for s, e in pairs if (s, e) != (start,
                                                                 end))]

    head, tail = line[:start + 1], line[end:]
    cuts = first_level(commas)
    body = line[start + 1:end].strip()
    if len(inner + body) <= width and not body.endswith(","):
        parts = [inner + body]          # the contents fit on one line
    elif cuts:
        parts, previous = [], start + 1
        for cut in cuts + [end]:
            piece = line[previous:cut].strip()
            if piece:
                parts.append(inner + piece + ",")
            previous = cut + 1
    else:
        parts, previous = [], start + 1
        for cut in first_level(clauses) + [end]:
            parts.append(inner + line[previous:cut].strip())
            previous = cut
    out = []
    for part in [head] + parts + [lead + tail]:
        out += fitted(part, width)
    return out


def _brackets(line):
    """The (open, close) offsets of the outermost bracket pairs of one
    line of Python, and the offsets of the commas and of the `for`/`if`
    of comprehensions one level inside brackets; brackets inside strings
    are not brackets."""
    import io
    import tokenize

    pairs, commas, clauses, stack = [], [], [], []
    try:
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            column = token.start[1]
            if token.type == tokenize.NAME and token.string in ("for", "if") \
                    and len(stack) == 1:
                clauses.append(column)
            if token.type != tokenize.OP:
                continue
            if token.string in "([{":
                stack.append(column)
            elif token.string in ")]}" and stack:
                opened = stack.pop()
                if not stack:
                    pairs.append((opened, column))
            elif token.string == "," and len(stack) == 1:
                commas.append(column)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return pairs, commas, clauses
