"""Strings and printing: paste(), paste0(), sprintf(), glue() as
f-strings; cat() and message() as print().

A string builder gives *pieces*: literal text (the body of a
double-quoted Python string) and `(expression, format spec)` pairs.
`fstring()` writes them as one Python string, so a builder inside
another (`cat(glue(...))`) becomes one f-string, not one inside another.
"""

from __future__ import annotations

from ._python import Untranslatable


def fstring(pieces):
    """A Python string from `pieces`; an f-string when there is an
    expression."""
    exprs = [p[0] for p in pieces if isinstance(p, tuple)]
    if not exprs:
        return '"' + "".join(pieces) + '"'
    quote = '"'
    if any('"' in e for e in exprs):
        # Before Python 3.12 an f-string cannot reuse its own quotes.
        if any("'" in e for e in exprs) or any(
                "'" in p for p in pieces if isinstance(p, str)):
            raise Untranslatable(exprs[0])
        quote = "'"
    body = []
    for piece in pieces:
        if isinstance(piece, tuple):
            expr, spec = piece
            body.append("{" + expr + (":" + spec if spec else "") + "}")
        else:
            text = piece.replace("{", "{{").replace("}", "}}")
            body.append(text.replace('\\"', '"') if quote == "'" else text)
    return "f" + quote + "".join(body) + quote


def concat(tr, args, sep):
    """The pieces of the arguments joined by `sep` (paste, paste0, cat,
    stop); string builders among them give their own pieces."""
    pieces = []
    for name, value in args:
        if name is not None:
            raise Untranslatable(value)
        if pieces and sep:
            pieces.append(sep)
        if value.type == "string":
            pieces.append(tr.string(value)[1:-1])
        elif value.type == "call" and \
                tr.function_name_or_none(value) in _BUILDERS:
            pieces += _BUILDERS[tr.function_name(value)](
                tr, value, tr.arguments(value), None)
        else:
            pieces.append((tr.expr(value), ""))
    return pieces


def _paste(sep):
    """paste(..., sep = " ") and paste0(...)."""
    def paste(tr, node, args, first):
        if first is not None:
            raise Untranslatable(node)
        given = [(n, v) for n, v in args if n is None]
        named = {n: v for n, v in args if n is not None}
        separator = sep
        if "sep" in named:
            if named["sep"].type != "string":
                raise Untranslatable(node)
            separator = tr.string(named["sep"])[1:-1]
        if set(named) - {"sep"}:
            raise Untranslatable(node)
        return concat(tr, given, separator)
    return paste


def _sprintf(tr, node, args, first):
    """sprintf(fmt, ...): each `%` conversion becomes a format spec
    (`%5.2f` -> `{x:5.2f}`, `%-8s` -> `{x:<8}`)."""
    if first is not None or not args or any(n is not None for n, _ in args):
        raise Untranslatable(node)
    fmt = args[0][1]
    if fmt.type != "string":
        raise Untranslatable(node)
    values = [tr.expr(v) for _, v in args[1:]]
    text = tr.string(fmt)[1:-1]
    pieces, literal, i = [], "", 0
    while i < len(text):
        if text[i] != "%":
            literal += text[i]
            i += 1
            continue
        j = i + 1
        while j < len(text) and text[j] in "-+ 0#.123456789":
            j += 1
        if j >= len(text):
            raise Untranslatable(node)
        kind, flags = text[j], text[i + 1:j]
        i = j + 1
        if kind == "%" and not flags:
            literal += "%"
            continue
        if kind not in "dfeEgGsxXoi" or not values:
            raise Untranslatable(node)
        if literal:
            pieces.append(literal)
            literal = ""
        pieces.append((values.pop(0), _format_spec(flags, kind)))
    if values:
        raise Untranslatable(node)   # more values than conversions
    if literal:
        pieces.append(literal)
    return pieces


def _format_spec(flags, kind):
    """A `%` conversion's flags and letter as a format spec."""
    align = "<" if "-" in flags else ""
    flags = flags.replace("-", "")
    if kind == "s":
        return align + flags
    kind = "d" if kind == "i" else kind
    return align + flags + kind


def _glue(tr, node, args, first):
    """glue("text {expr}"): the braces hold R expressions, translated;
    `{{` and `}}` are literal braces."""
    if first is not None or not args or any(n is not None for n, _ in args):
        raise Untranslatable(node)
    pieces = []
    for _name, value in args:
        if value.type != "string":
            raise Untranslatable(node)
        body, literal, i = tr.string(value)[1:-1], "", 0
        while i < len(body):
            if body.startswith("{{", i) or body.startswith("}}", i):
                literal += body[i]
                i += 2
                continue
            if body[i] != "{":
                literal += body[i]
                i += 1
                continue
            depth, j = 1, i + 1
            while j < len(body) and depth:
                depth += {"{": 1, "}": -1}.get(body[j], 0)
                j += 1
            if depth:
                raise Untranslatable(node)
            if literal:
                pieces.append(literal)
                literal = ""
            pieces.append((tr.expr_of_text(body[i + 1:j - 1], node), ""))
            i = j
        if literal:
            pieces.append(literal)
    return pieces


def _print(tr, node, args, first):
    """cat(...) and message(...): print(); a cat() that ends no line
    prints with `end=""`."""
    if any(name is not None for name, _ in args) or first is not None:
        raise Untranslatable(node)
    newline = bool(args) and args[-1][1].type == "string" and \
        tr.string(args[-1][1]) == '"\\n"'
    if newline:
        args = args[:-1]
    pieces = concat(tr, args, " ")
    end = ', end=""'          # cat() ends no line unless told to
    if tr.function_name(node) == "message":
        end = ""
    elif newline:
        end = ""
    elif pieces and isinstance(pieces[-1], str) and \
            pieces[-1].endswith("\\n"):
        pieces[-1] = pieces[-1][:-2]
        end = ""
        if not pieces[-1]:
            pieces.pop()
    return f"print({fstring(pieces)}{end})"


_BUILDERS = {"paste": _paste(" "), "paste0": _paste(""),
             "sprintf": _sprintf, "glue": _glue}


def _as_string(builder):
    def string(tr, node, args, first):
        return fstring(builder(tr, node, args, first))
    return string


STRINGS = {name: _as_string(builder) for name, builder in _BUILDERS.items()}
STRINGS.update({"cat": _print, "message": _print})
