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


def tokens(text):
    """[(offset, string, depth)] of the tokens of Python `text` (brackets
    inside strings are not brackets); `depth` is how many brackets
    enclose the token (an opening or closing bracket is outside its
    own pair).  An unfinished text gives the tokens read so far."""
    import io
    import tokenize

    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    out, depth = [], 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type in (tokenize.NEWLINE, tokenize.NL,
                              tokenize.ENDMARKER, tokenize.INDENT,
                              tokenize.DEDENT):
                continue
            row, column = token.start
            string = token.string if token.type == tokenize.OP else \
                token.string if token.type == tokenize.NAME else ""
            if string in (")", "]", "}") and depth:
                depth -= 1
            out.append((starts[row - 1] + column, string, depth))
            if string in ("(", "[", "{"):
                depth += 1
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return out


def _brackets(line):
    """The (open, close) offsets of the outermost bracket pairs of one
    line of Python, and the offsets of the commas and of the `for`/`if`
    of comprehensions one level inside brackets."""
    pairs, commas, clauses, opened = [], [], [], None
    for offset, string, depth in tokens(line):
        if depth == 0 and string in ("(", "[", "{"):
            opened = offset
        elif depth == 0 and string in (")", "]", "}") and opened is not None:
            pairs.append((opened, offset))
        elif depth == 1 and string == ",":
            commas.append(offset)
        elif depth == 1 and string in ("for", "if"):
            clauses.append(offset)
    return pairs, commas, clauses
