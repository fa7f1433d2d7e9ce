"""Parsing R with tree-sitter's R grammar (from `tree-sitter-language-pack`,
whose 0.7 releases ship the grammars inside the wheel and work offline).

`parse(text)` returns the tree's root node, or raises `RSyntaxError` with
the line and column (1-based, as editors show them) of the first error.
"""

from __future__ import annotations

_PARSER = None


class RSyntaxError(SyntaxError):
    """R source the grammar does not accept, with its location."""

    def __init__(self, message, filename, line, column, text):
        super().__init__(message, (filename, line, column, text))
        self.line = line
        self.column = column

    def __str__(self):
        return (f"{self.filename}:{self.line}:{self.column}: {self.msg}"
                + (f"\n    {self.text.rstrip()}" if self.text else ""))


def _parser():
    global _PARSER
    if _PARSER is None:
        try:
            from tree_sitter_language_pack import get_parser
        except ImportError as err:
            raise ImportError(
                "python -m pykeras3 translate needs tree-sitter's R grammar: "
                "pip install \"pykeras3[translate]\" (it installs "
                "tree-sitter-language-pack 0.7, which works offline)."
            ) from err
        _PARSER = get_parser("r")
    return _PARSER


def parse(text, filename="<R>"):
    """The root node of `text`'s syntax tree (a tree-sitter Node)."""
    data = text.encode("utf-8")
    tree = _parser().parse(data)
    root = tree.root_node
    if root.has_error:
        bad = _first_error(root)
        line, column = bad.start_point
        lines = text.splitlines()
        source_line = lines[line] if line < len(lines) else ""
        what = ("missing " + bad.type) if bad.is_missing else \
            f"unexpected {bad.text.decode('utf-8', 'replace')[:20]!r}"
        raise RSyntaxError(f"R syntax error: {what}", filename, line + 1,
                           column + 1, source_line)
    return root


def _first_error(node):
    for child in node.children:
        if child.is_missing or child.type == "ERROR":
            deeper = _first_error(child) if child.type == "ERROR" else None
            return deeper or child
        if child.has_error:
            return _first_error(child)
    return node


def text_of(node):
    return node.text.decode("utf-8")
