"""From an R syntax tree to Python source that runs on pykeras3.

`Translator.program(root)` walks the top-level statements.  Each statement
is translated whole or not at all: anything a rule does not cover raises
`Untranslatable` inside it, and the statement becomes
`# TODO(translate): <its R lines>` at the same place, never a guess.

Conventions of the output: R names keep their spelling (dots become
underscores); keras3 functions keep their names and get pykeras3's
0-based arguments (`initial_epoch`, `axis`, `index`, ...) with the
arithmetic written out; R's 1-based subscripts become 0-based with the
shift written out (`x[[i]]` -> `x[i - 1]`).
"""

from __future__ import annotations

import functools

from ._base import BASE, DICTS, SHOWN, gives_positions
from ._classes import BUILDERS, class_def
from ._datasets import METHODS as DATASET_METHODS
from ._datasets import CONSTRUCTORS as DATASET_CONSTRUCTORS
from ._datasets import chained, constructed
from ._datasets import method as dataset_method
from ._strings import concat, fstring
from ._python import (INDENT, NUMBER, Untranslatable, minus_one, parses,
                      plus_one, py_name, tokens, wrapped)
from ._r import RSyntaxError, parse, text_of

# R's operators with a Python spelling (the others are TODOs).
_BINARY = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "**", "%%": "%",
           "%/%": "//", "==": "==", "!=": "!=", "<": "<", ">": ">",
           "<=": "<=", ">=": ">=", "&&": "and", "||": "or", "&": "&",
           "|": "|", "%in%": "in", "%*%": "@"}
_PIPES = {"|>", "%>%"}
# Names R scripts use for Python modules (through reticulate).
_MODULES = {"tf": "tensorflow", "keras": "keras"}
# Python's operator precedence (higher binds tighter).
_PRECEDENCE = {"or": 1, "and": 2, "not": 3, "in": 4, "==": 4, "!=": 4,
               "<": 4, ">": 4, "<=": 4, ">=": 4, "|": 5, "&": 7, "+": 9,
               "-": 9, "*": 10, "/": 10, "//": 10, "%": 10, "@": 10,
               "neg": 11, "**": 12}
_ARITHMETIC = {"+", "-", "*", "/", "^", "%%", "%/%"}
# Operators whose result is logical: as a subscript, a mask (no shift).
_MASKS = {"==", "!=", "<", ">", "<=", ">=", "&", "|", "&&", "||", "%in%"}


def _precedence_of(node):
    """The Python precedence of what `node` becomes (None: atomic)."""
    if node.type == "binary_operator":
        op = text_of(node.child_by_field_name("operator"))
        return _PRECEDENCE.get(_BINARY.get(op))
    if node.type == "unary_operator":
        op = text_of(node.child_by_field_name("operator"))
        return {"!": _PRECEDENCE["not"], "-": _PRECEDENCE["neg"]}.get(op)
    return None


def _inner_comments(node):
    """The comments inside a statement that its rules skip (between
    arguments or parameters), not those of its braced bodies, which are
    statements of their own."""
    out, stack = [], list(reversed(node.children))
    while stack:
        child = stack.pop()
        if child.type == "comment":
            out.append(text_of(child))
        elif child.type != "braced_expression":
            stack += reversed(child.children)
    return out


def _grouped(text):
    """`text` in parentheses unless it already is one group."""
    outer = [offset for offset, string, depth in tokens(text)
             if depth == 0 and string in ("(", ")")]
    if outer[:1] == [0] and len(outer) == 2 and outer[1] == len(text) - 1:
        return text
    return f"({text})"


class Translator:
    def __init__(self, exports, zero_based):
        self.exports = exports          # pykeras3's exported names
        self.zero_based = zero_based    # {function: {arg: converter}}
        self.used = set()               # pykeras3 names the output uses
        self.modules = set()            # other imports (numpy, toolz)
        self.dicts = set()              # names bound to named lists
        self.histories = set()          # names bound to fit()'s result
        self.zero_indices = set()       # names bound to 0-based positions
        self.defined = set()            # names the script itself binds
        self.lists = set()              # names bound to a list it grows
        self.mutated = set()            # names it assigns into (scan())
        self.mask_context = False       # inside a subscript position
        self.numeric = set()            # names used in vector arithmetic
        self.dots = False               # inside a function with `...`
        self.layer_classes = set()      # Layer()/Model() classes it builds
        self.assigning = False          # rendering an assignment target
        self.statements = 0
        self.todos = 0

    # ------------------------------------------------------------------
    # Statements

    def scan(self, root):
        """Before translating: the names the script assigns into
        (`x[i] <- v`, `x[[n]] <- v`) or grows (`x <- c(x, v)`), so a
        `c(...)` bound to them becomes a list, not a tuple."""
        stack = [root]
        while stack:
            node = stack.pop()
            stack += node.named_children
            try:
                self.scan_one(node)
            except Untranslatable:
                pass      # translated (or not) later, statement by statement

    def scan_one(self, node):
        if node.type == "binary_operator" and text_of(
                node.child_by_field_name("operator")) in _ARITHMETIC | _MASKS:
            for side in ("lhs", "rhs"):
                operand = self.key(node.child_by_field_name(side))
                if operand is not None:
                    self.numeric.add(operand)
        if node.type == "subset":
            inner = self.key(node.child_by_field_name("function"))
            if inner is not None and any(
                    s is not None and s.type in ("call", "binary_operator",
                                                 "unary_operator")
                    for s in self.subscript_slots(node)):
                self.numeric.add(inner)
        if node.type != "binary_operator" or text_of(
                node.child_by_field_name("operator")) not in ("<-", "="):
            return
        lhs = node.child_by_field_name("lhs")
        rhs = node.child_by_field_name("rhs")
        if lhs.type in ("subset", "subset2"):
            inner = self.key(lhs.child_by_field_name("function"))
            if inner is not None:
                self.mutated.add(inner)
        elif self.key(lhs) is not None and rhs.type == "call" and \
                self.function_name_or_none(rhs) == "c":
            first = self.arguments(rhs)[:1]
            if first and self.key(first[0][1]) == self.key(lhs):
                self.mutated.add(self.key(lhs))

    def program(self, root, source_lines):
        self._source = source_lines
        out = []
        previous_end = None
        for node in root.named_children:
            saved = (set(self.used), set(self.modules))
            if previous_end is not None and \
                    node.start_point[0] > previous_end + 1:
                out.append("")     # the script's own blank lines
            previous_end = node.end_point[0]
            if self.shows_value(node):
                # R prints a script's top-level values; Python does not.
                lines = self.statement_or_todo(node, 0, source_lines,
                                               show=True)
            else:
                lines = self.statement_or_todo(node, 0, source_lines)
            if not parses(lines):   # a rule's slip never breaks the file
                self.statements -= 1
                self.used, self.modules = saved
                lines = self.todo(node, 0)
            out += lines
        return out

    def todo(self, node, depth):
        first, last = node.start_point[0], node.end_point[0]
        self.todos += 1
        return [INDENT * depth + "# TODO(translate): " + line.strip()
                for line in self._source[first:last + 1]
                if line.strip()] or \
            [INDENT * depth + "# TODO(translate): " + text_of(node)]

    def shows_value(self, node):
        """Whether R prints this top-level statement's value: a name, a
        part of one, arithmetic, or a call that returns something to see
        (base R values, keras3's op_*(), evaluate(), predict(), ...)."""
        if node.type in ("identifier", "extract_operator", "subset",
                         "subset2"):
            return True
        if node.type == "binary_operator":
            op = text_of(node.child_by_field_name("operator"))
            if op in _ARITHMETIC:
                return True
            if op not in _PIPES:
                return False
        name = self.last_function(node)
        return name in SHOWN or (name or "").startswith("op_")

    def statement_or_todo(self, node, depth, source_lines, show=False):
        if node.type == "comment":
            return [INDENT * depth + text_of(node)]
        saved = (set(self.used), set(self.modules))
        try:
            if show:
                lines = [INDENT * depth + "print(" + self.expr(node) + ")"]
            else:
                lines = self.statement(node, depth)
        except Untranslatable:
            # Names met before the failure are not imported for it.
            self.used, self.modules = saved
            return self.todo(node, depth)
        self.statements += 1
        # Comments inside the statement (between arguments) go above it.
        out = [INDENT * depth + text for text in _inner_comments(node)]
        for line in lines:   # continuation lines of wrapped calls
            first, *rest = line.split("\n")
            lead = first[:len(first) - len(first.lstrip())]
            out += [first] + [lead + part for part in rest]
        if node.type == "binary_operator" and depth == 0 and any(
                line.startswith(("def ", "class ", "@")) for line in out):
            out = ["", ""] + out + ["", ""]   # around a top-level def
        return out

    def statement(self, node, depth):
        pad = INDENT * depth
        kind = node.type
        if kind == "binary_operator":
            op = text_of(node.child_by_field_name("operator"))
            lhs = node.child_by_field_name("lhs")
            rhs = node.child_by_field_name("rhs")
            if op in ("<-", "=", "<<-") or op == "->":
                if op == "->":
                    lhs, rhs = rhs, lhs
                if op == "<<-":
                    raise Untranslatable(node)
                return self.assignment(lhs, rhs, depth)
            if op == "%<>%":
                target = self.target(lhs)
                return [pad + f"{target} = "
                        + self.pipe([lhs] + self.pipe_steps(rhs))]
            if op == "%<-%":
                return [pad + f"{self.unpack_target(lhs)} = "
                        + self.expr(rhs)]
        if kind == "call":
            name = self.function_name_or_none(node)
            if name in ("library", "require"):
                return self.library(node, pad)
            if name == "stop":
                return [pad + "raise RuntimeError("
                        + self.message_text(node) + ")"]
            if name == "stopifnot":
                return self.stopifnot(node, pad)
            if name in ("Sys.setenv", "Sys.unsetenv"):
                return self.environment(node, name, pad)
            if name == "with":
                return self.with_statement(node, depth)
            if name == "loop" and len(self.arguments(node)) == 1 and \
                    self.arguments(node)[0][1].type == "for_statement":
                # coro::loop(for (x in iterable) ...): a Python for loop.
                return self.for_statement(self.arguments(node)[0][1], depth)
            if name == "return":
                args = self.arguments(node)
                value = self.expr(args[0][1]) if args else "None"
                return [pad + f"return {value}"]
            if name == "invisible":
                args = self.arguments(node)
                if not args:
                    return [pad + "pass"]
        if kind == "if_statement":
            return self.if_statement(node, depth)
        if kind == "for_statement":
            return self.for_statement(node, depth)
        if kind == "while_statement":
            condition = self.expr(node.child_by_field_name("condition"))
            return [pad + f"while {condition}:"] + \
                self.block(node.child_by_field_name("body"), depth + 1)
        if kind == "repeat_statement":
            return [pad + "while True:"] + \
                self.block(node.child_by_field_name("body"), depth + 1)
        if kind == "break":
            return [pad + "break"]
        if kind == "next":
            return [pad + "continue"]
        if kind == "braced_expression":
            return self.block(node, depth)
        return [pad + self.expr(node)]

    def environment(self, node, name, pad):
        """Sys.setenv(NAME = "value") / Sys.unsetenv("NAME"): os.environ."""
        self.modules.add("os")
        out = []
        for key, value in self.arguments(node):
            if name == "Sys.setenv" and key is not None:
                out.append(pad + f'os.environ["{key}"] = {self.expr(value)}')
            elif name == "Sys.unsetenv" and key is None:
                out.append(pad + f"os.environ.pop({self.expr(value)}, None)")
            else:
                raise Untranslatable(node)
        return out or [pad + "pass"]

    def with_statement(self, node, depth):
        """with(context %as% name, { body }) -> `with context as name:`."""
        args = self.arguments(node)
        if len(args) != 2 or any(n is not None for n, _v in args):
            raise Untranslatable(node)
        context, body = args[0][1], args[1][1]
        if context.type == "binary_operator" and text_of(
                context.child_by_field_name("operator")) == "%as%":
            head = (f"with {self.expr(context.child_by_field_name('lhs'))}"
                    f" as {self.target(context.child_by_field_name('rhs'))}:")
        else:
            head = f"with {self.expr(context)}:"
        return [INDENT * depth + head] + self.block(body, depth + 1)

    def stopifnot(self, node, pad):
        """stopifnot(a, b, "message" = c): one assert a condition."""
        out = []
        for message, condition in self.arguments(node):
            text = pad + f"assert {self.expr(condition)}"
            if message is not None:
                text += ", " + fstring([message.replace('"', '\\"')])
            out.append(text)
        if not out:
            raise Untranslatable(node)
        return out

    def block(self, node, depth):
        """The statements of a body (braced or a single expression)."""
        children = node.named_children if node.type == "braced_expression" \
            else [node]
        out = []
        for child in children:
            out += self.statement_or_todo(child, depth, self._source)
        if all(line.lstrip().startswith("#") for line in out):
            out.append(INDENT * depth + "pass")   # only comments or TODOs
        return out

    def assignment(self, lhs, rhs, depth):
        pad = INDENT * depth
        if rhs.type == "function_definition" and lhs.type == "identifier":
            return self.function_def(self.name(lhs), rhs, depth)
        decorated = self.decorated(lhs, rhs, depth)
        if decorated is not None:
            return decorated
        if lhs.type == "identifier" and rhs.type == "call" and \
                self.function_name_or_none(rhs) == "import":
            self.python_import(lhs, rhs)
            return []      # the import goes with the others, at the top
        if rhs.type == "call" and lhs.type == "identifier" and \
                self.function_name_or_none(rhs) in BUILDERS:
            return class_def(self, self.name(lhs), rhs, depth)
        if lhs.type == "call" and self.function_name_or_none(lhs) == "dim":
            return [pad + self.set_dim(lhs, rhs)]
        appended = self.appended(lhs)
        if appended is not None:
            return [pad + f"{appended}.append({self.expr(rhs)})"]
        key = self.key(lhs)
        if key is None:
            return [pad + f"{self.target(lhs)} = {self.expr(rhs)}"]
        vector = self.is_vector_literal(rhs)
        # A c() the script assigns into or grows: a list.
        grown = vector and key in self.mutated and key not in self.numeric
        items = self.arguments(rhs) if vector else []
        if vector and key in self.numeric:
            value = self.as_array(rhs)     # used in vector arithmetic
        elif grown and not (items and self.key(items[0][1]) in self.lists):
            value = "[" + ", ".join(self.expr(v) for _n, v in items) + "]"
        else:
            value = self.expr(rhs)         # c(x, v) of a list: x + [v]
        if lhs.type == "identifier":
            self.defined.add(key)
        for kinds in (self.dicts, self.histories, self.zero_indices,
                      self.lists):
            kinds.discard(key)
        if gives_positions(self, self.last_step(rhs)):
            self.zero_indices.add(key)
        if self.is_named_list(rhs) or self.last_function(rhs) in DICTS:
            self.dicts.add(key)
        elif self.last_function(rhs) == "fit":
            self.histories.add(key)
        elif grown or value.startswith("["):
            self.lists.add(key)          # a list (it may grow)
        return [pad + f"{self.target(lhs)} = {value}"]

    def key(self, node):
        """What the kinds of names (dicts, lists, ...) are kept under: the
        Python text of a name or of `a$b$c`; None for anything else."""
        if node.type == "identifier":
            try:
                return self.name(node)
            except Untranslatable:
                return None
        if node.type == "extract_operator" and text_of(
                node.child_by_field_name("operator")) == "$":
            inner = self.key(node.child_by_field_name("lhs"))
            field = node.child_by_field_name("rhs")
            if inner is not None and field is not None and \
                    field.type == "identifier":
                return f"{inner}.{text_of(field).replace('.', '_')}"
        return None

    def decorated(self, lhs, rhs, depth):
        """`f <- tf_function(function(x) ...)`: a def under @tf.function."""
        if lhs.type != "identifier" or rhs.type != "call" or \
                self.function_name_or_none(rhs) != "tf_function":
            return None
        args = self.arguments(rhs)
        if not args or args[0][0] is not None or \
                args[0][1].type != "function_definition":
            return None
        options = [f"{py_name(n)}={self.expr(v)}" for n, v in args[1:]
                   if n is not None]
        if len(options) != len(args) - 1:
            raise Untranslatable(rhs)
        self.modules.add("tensorflow")
        decorator = "@tf.function" + (f"({', '.join(options)})"
                                      if options else "")
        return [INDENT * depth + decorator] + self.function_def(
            self.name(lhs), args[0][1], depth)

    def python_import(self, lhs, rhs):
        """`np <- reticulate::import("numpy")`: `import numpy as np` with
        the other imports."""
        args = self.arguments(rhs)
        if not args or args[0][1].type != "string" or any(
                n not in (None, "module", "convert", "delay_load")
                for n, _v in args):
            raise Untranslatable(rhs)
        module = self.string(args[0][1])[1:-1]
        name = self.name(lhs)
        if not all(part.isidentifier() for part in module.split(".")):
            raise Untranslatable(rhs)
        self.defined.add(name)
        if (module, name) in (("numpy", "np"), ("tensorflow", "tf")):
            self.modules.add(module)    # the header's own spelling
        else:
            self.modules.add(module if module == name
                             else f"{module} as {name}")

    def set_dim(self, lhs, rhs):
        """`dim(x) <- c(a, b)`: R refills column-major (order="F")."""
        args = self.arguments(lhs)
        if len(args) != 1 or args[0][0] is not None:
            raise Untranslatable(lhs)
        target = self.target(args[0][1])
        self.modules.add("numpy")
        return f"{target} = " + wrapped("np.reshape", [
            target, self.expr(rhs), 'order="F"'])

    def appended(self, lhs):
        """`x[[length(x) + 1]] <- v` is an append: the name of `x`."""
        if lhs.type != "subset2":
            return None
        inner = lhs.child_by_field_name("function")
        args = self.arguments(lhs)
        if inner.type != "identifier" or len(args) != 1:
            return None
        index = args[0][1]
        if index.type != "binary_operator" or text_of(
                index.child_by_field_name("operator")) != "+" or \
                text_of(index.child_by_field_name("rhs")) not in ("1", "1L"):
            return None
        count = index.child_by_field_name("lhs")
        if count.type == "call" and \
                self.function_name_or_none(count) == "length" and \
                [text_of(v) for _n, v in self.arguments(count)] == \
                [text_of(inner)]:
            return self.name(inner)
        return None

    def function_def(self, name, node, depth, first=(), prelude=(),
                     params=None):
        """`def name(...)`: R's function; `first` are parameters put before
        R's (`self`), `prelude` lines put before the body, `params` the
        parameters when the caller has completed them."""
        pad = INDENT * depth
        self.defined.add(name)
        if params is None:
            params = self.parameters(node)
        dots, self.dots = self.dots, "*args" in params
        try:
            head = pad + f"def {name}({', '.join(list(first) + params)}):"
            body = node.child_by_field_name("body")
            inner = [INDENT * (depth + 1) + line for line in prelude]
            children = body.named_children \
                if body.type == "braced_expression" else [body]
            for child in children[:-1]:
                inner += self.statement_or_todo(child, depth + 1,
                                                self._source)
            if children:
                last = self.statement_or_todo(children[-1], depth + 1,
                                              self._source)
                # R returns the value of the last expression.
                if self.is_value(children[-1]) and \
                        not last[0].lstrip().startswith("#"):
                    last[0] = INDENT * (depth + 1) + "return " + \
                        last[0].lstrip()
                inner += last
        finally:
            self.dots = dots
        if all(line.lstrip().startswith("#") for line in inner):
            inner.append(INDENT * (depth + 1) + "pass")
        return [head] + inner

    def is_value(self, node):
        if node.type in ("if_statement", "for_statement", "while_statement",
                         "repeat_statement", "comment", "break", "next"):
            return False
        if node.type == "binary_operator":
            op = text_of(node.child_by_field_name("operator"))
            if op in ("<-", "=", "->", "<<-", "%<>%", "%<-%"):
                return False
        if node.type == "call" and self.function_name_or_none(node) in (
                "return", "stop", "print", "cat", "message", "library"):
            return False
        return True

    def if_statement(self, node, depth):
        pad = INDENT * depth
        out = [pad + f"if {self.expr(node.child_by_field_name('condition'))}:"]
        out += self.block(node.child_by_field_name("consequence"), depth + 1)
        other = node.child_by_field_name("alternative")
        while other is not None and other.type == "if_statement":
            condition = self.expr(other.child_by_field_name("condition"))
            out += [pad + f"elif {condition}:"]
            out += self.block(other.child_by_field_name("consequence"),
                              depth + 1)
            other = other.child_by_field_name("alternative")
        if other is not None:
            out += [pad + "else:"] + self.block(other, depth + 1)
        return out

    def for_statement(self, node, depth):
        pad = INDENT * depth
        var = self.name(node.child_by_field_name("variable"))
        sequence = node.child_by_field_name("sequence")
        iterable = self.expr(sequence, iterating=True)
        return [pad + f"for {var} in {iterable}:"] + \
            self.block(node.child_by_field_name("body"), depth + 1)

    def library(self, node, pad):
        args = self.arguments(node)
        package = text_of(args[0][1]).strip("\"'") if args else ""
        if package in ("keras3", "keras"):
            return []   # the import line names the functions used
        if package in ("tensorflow", "reticulate"):
            return []   # nothing to import: pykeras3 loads what it needs
        if package in ("glue", "purrr", "magrittr", "zeallot", "tfdatasets"):
            return []   # what the script uses of them is translated
        raise Untranslatable(node)

    # ------------------------------------------------------------------
    # Expressions

    def expr(self, node, iterating=False):
        kind = node.type
        if kind == "identifier":
            return self.name(node)
        if kind in ("integer", "float"):
            return self.number(node)
        if kind == "string":
            return self.string(node)
        if kind == "true":
            return "True"
        if kind == "false":
            return "False"
        if kind in ("null", "na"):
            return "None"
        if kind == "inf":
            self.modules.add("numpy")
            return "np.inf"
        if kind == "nan":
            self.modules.add("numpy")
            return "np.nan"
        if kind == "parenthesized_expression":
            inner = node.named_children[0]
            return f"({self.expr(inner)})"
        if kind == "unary_operator":
            op = text_of(node.child_by_field_name("operator"))
            operand = self.expr(node.child_by_field_name("rhs"))
            if op == "-":
                return f"-{operand}"
            if op == "+":
                return operand
            if op == "!":
                if self.mask_context:
                    return f"~{_grouped(operand)}"   # element-wise
                return f"not {operand}"
            raise Untranslatable(node)
        if kind == "binary_operator":
            return self.binary(node, iterating)
        if kind == "call":
            return self.call(node)
        if kind == "extract_operator":
            return self.extract(node)
        if kind == "subset2":
            return self.subscript(node, double=True)
        if kind == "subset":
            return self.subscript(node, double=False)
        if kind == "dots":
            if not self.dots:
                raise Untranslatable(node)
            return "*args, **kwargs"        # R's `...`, passed on
        if kind == "function_definition":
            body = node.child_by_field_name("body")
            if body.type == "braced_expression":
                if len(body.named_children) != 1:
                    raise Untranslatable(node)
                body = body.named_children[0]
            return (f"lambda {', '.join(self.parameters(node))}: "
                    f"{self.expr(body)}")
        raise Untranslatable(node)

    def binary(self, node, iterating):
        op = text_of(node.child_by_field_name("operator"))
        lhs = node.child_by_field_name("lhs")
        rhs = node.child_by_field_name("rhs")
        if op in _PIPES:
            steps = self.pipe_steps(node)
            return self.pipe(steps)
        if op == ":":
            start, stop = self.expr(lhs), self.expr(rhs)
            end = plus_one(stop)
            if iterating:
                return f"range({start}, {end})"
            self.modules.add("numpy")
            return f"np.arange({start}, {end})"
        if op not in _BINARY:
            raise Untranslatable(node)
        python = _BINARY[op]
        prec = _PRECEDENCE[python]
        left = self.operand(lhs, prec, right=False, power=python == "**")
        right = self.operand(rhs, prec, right=True, power=python == "**")
        if op in _ARITHMETIC and self.is_vector_literal(lhs):
            left = self.as_array(lhs)
        if op in _ARITHMETIC and self.is_vector_literal(rhs):
            right = self.as_array(rhs)
        return f"{left} {python} {right}"

    def operand(self, node, prec, right, power=False):
        """An operand, in parentheses where Python would group it
        otherwise than R's tree does (`a > 1 & b < 2`, `a * (b %% c)`,
        comparisons never chained)."""
        text = self.expr(node)
        inner = _precedence_of(node)
        if inner is None:
            return text
        if inner < prec or (inner == prec and (
                right != power or prec == _PRECEDENCE["=="])):
            return f"({text})"
        return text

    def is_vector_literal(self, node):
        return node.type == "call" and \
            self.function_name_or_none(node) == "c" and \
            all(n is None for n, _v in self.arguments(node))

    def as_array(self, node):
        """`c(...)` in arithmetic: a NumPy array (a tuple would repeat)."""
        self.modules.add("numpy")
        items = [self.expr(v) for _n, v in self.arguments(node)]
        return "np.array([" + ", ".join(items) + "])"

    def pipe_steps(self, node):
        """[first value, step call, step call, ...] of a `|>`/`%>%` chain
        (for `%<>%`, the steps of its right-hand side)."""
        if node.type == "binary_operator" and text_of(
                node.child_by_field_name("operator")) in _PIPES:
            return self.pipe_steps(node.child_by_field_name("lhs")) + \
                [node.child_by_field_name("rhs")]
        return [node]

    def pipe(self, steps):
        first, calls = steps[0], steps[1:]
        if not calls:
            return self.expr(first)
        for step in calls:
            if step.type != "call":
                raise Untranslatable(step)
        if calls[0].type == "call" and self.function_name_or_none(
                calls[0]) in DATASET_CONSTRUCTORS and \
                not self.arguments(calls[0]):
            # list(x, y) |> tensor_slices_dataset(): slices of a tuple.
            first_text = constructed(self, calls[0], first)
            calls = calls[1:]
            if not calls:
                return first_text
        else:
            first_text = self.expr(first)
        if len(calls) == 1:       # one step: a plain call
            return chained(self.call(calls[0], first=first_text))
        parts = [first_text]
        for step in calls:
            name = self.function_name(step)
            own = self.own(name)
            if name in DATASET_METHODS and own is None:
                # A tf.data method on the value so far (or, after other
                # steps, on the value given to it).
                if len(parts) == 1:
                    parts[0] = dataset_method(self, step,
                                              self.arguments(step), parts[0])
                else:
                    parts.append("lambda dataset: " + dataset_method(
                        self, step, self.arguments(step), "dataset"))
                continue
            if own in self.layer_classes:
                parts.append(self.call(step))   # a layer: callable
            elif own is not None:
                # The script's own function or model: called on the value.
                parts.append(own if not self.arguments(step) else
                             "lambda value: " + self.call(step, "value"))
            elif name in self.exports:
                parts.append(self.call(step))   # a deferred verb
            else:
                raise Untranslatable(step)
        if len(parts) == 1:
            return chained(parts[0])        # all methods: one chain
        self.modules.add("toolz")
        return wrapped("toolz.pipe", parts, force=True)

    def call(self, node, first=None):
        function = node.child_by_field_name("function")
        args = self.arguments(node)
        rendered = [] if first is None else [first]
        if function is not None and function.type == "call":
            # f(...)(x): calling what a call returns.
            return wrapped(self.call(function), rendered + [
                self.expr(v) if n is None else f"{py_name(n)}={self.expr(v)}"
                for n, v in args])
        if function is not None and function.type == "extract_operator":
            # obj$method(...): a Python method, called as it is.
            rendered += [self.expr(value) if arg_name is None else
                         f"{py_name(arg_name)}={self.expr(value)}"
                         for arg_name, value in args]
            return wrapped(self.expr(function), rendered)
        name = self.function_name(node)
        if self.own(name) in self.layer_classes and first is not None:
            # keras3 builds the layer and calls it on the piped value.
            return self.call(node) + f"({first})"
        if name in BASE and self.own(name) is None:
            return BASE[name](self, node, args, first)
        if name in DATASET_METHODS and self.own(name) is None:
            return dataset_method(self, node, args, first)
        if self.own(name) is not None:
            # The script's own function (or a model or layer it built).
            name = self.own(name)
            shifts = {}
        elif name in self.exports:
            self.used.add(name)
            shifts = self.zero_based.get(name, {})
        else:
            raise Untranslatable(node)
        params = _parameters(name) if name in self.exports else []
        skip = 0 if first is None else 1
        named = [a for a, _v in args if a is not None]
        count = sum(a is None for a, _v in args)
        # R matches named arguments first, then fills the other parameters
        # in order: where Python would not, the positional ones are named.
        free = [p for p in params[skip:] if p not in named]
        names = [a for a, _v in args]
        after_named = named and None in names[names.index(named[0]):]
        by_name = bool(after_named) or any(
            p in named for p in params[skip:skip + count])
        index = 0
        for arg_name, value in args:
            text = self.expr(value)
            known = arg_name
            if arg_name is None:
                known = free[index] if index < len(free) else None
                index += 1
            if known is not None and known in shifts:
                text = _shifted(shifts[known], value, text)
            if arg_name is None and not (by_name and known is not None):
                rendered.append(text)
            else:
                rendered.append(f"{py_name(known)}={text}")
        return wrapped(name, rendered)

    def own(self, name):
        """The Python name of a function or object the script defines
        itself (None for others)."""
        try:
            python = py_name(name)
        except Untranslatable:
            return None
        return python if python in self.defined else None

    def extract(self, node):
        op = text_of(node.child_by_field_name("operator"))
        lhs = node.child_by_field_name("lhs")
        rhs = node.child_by_field_name("rhs")
        if op != "$" or rhs is None or rhs.type not in ("identifier",
                                                          "string"):
            raise Untranslatable(node)
        key = text_of(rhs).strip("\"'`")
        if text_of(lhs) in ("super", "super()"):
            # In a class built by Layer(), Callback(), ...: the parent.
            return "super()." + ("__init__" if key == "initialize"
                                 else py_name(key))
        base = self.expr(lhs)
        if self.is_dict(lhs):
            return f'{base}["{key}"]'
        return f"{base}.{py_name(key)}"

    def is_dict(self, node):
        """Whether `node` is known to be a dict (a named list, or the
        `metrics`/`params` of a training history), so `$` is a key."""
        if node.type == "identifier":
            return self.name(node) in self.dicts
        if node.type == "extract_operator":
            inner = node.child_by_field_name("lhs")
            field = node.child_by_field_name("rhs")
            return (inner.type == "identifier"
                    and self.name(inner) in self.histories
                    and field is not None
                    and text_of(field) in ("metrics", "params"))
        return False

    def last_step(self, node):
        """The last step of a pipe (the node itself if not a pipe)."""
        while node.type == "binary_operator" and text_of(
                node.child_by_field_name("operator")) in _PIPES:
            node = node.child_by_field_name("rhs")
        return node

    def last_function(self, node):
        """The function a value comes from (the last step of a pipe)."""
        node = self.last_step(node)
        return self.function_name_or_none(node) if node.type == "call" \
            else None

    def function_name_or_none(self, node):
        try:
            return self.function_name(node)
        except Untranslatable:
            return None

    def expr_of_text(self, text, node):
        """An R expression given as text (inside a glue string)."""
        try:
            root = parse(text)
        except RSyntaxError:
            raise Untranslatable(node) from None
        if len(root.named_children) != 1:
            raise Untranslatable(node)
        return self.expr(root.named_children[0])

    def subscript(self, node, double):
        """`x[i]`, `x[[i]]`, `x[i, ]`, `x[, j]`, `x[-i]`: 1-based
        positions made 0-based with the shift written out; an empty
        position is `:`; masks, names and 0-based positions stay."""
        target = self.expr(node.child_by_field_name("function"))
        slots = self.subscript_slots(node)
        if double and (len(slots) != 1 or slots[0] is None):
            raise Untranslatable(node)
        negative = [i for i, s in enumerate(slots) if s is not None and
                    s.type == "unary_operator" and text_of(
                        s.child_by_field_name("operator")) == "-"]
        if negative:
            # R's negative positions drop: np.delete along that axis.
            axis = negative[0]
            if double or len(negative) > 1 or any(
                    s is not None for i, s in enumerate(slots) if i != axis):
                raise Untranslatable(node)
            dropped = self.position(slots[axis].child_by_field_name("rhs"),
                                    node)
            if dropped == "0":
                # Without the first: a slice, which keeps a tuple (a shape)
                # a tuple.
                rendered = [":"] * len(slots)
                rendered[axis] = "1:"
                return self.copied(node, f"{target}[{', '.join(rendered)}]")
            self.modules.add("numpy")
            return f"np.delete({target}, {dropped}, axis={axis})"
        rendered = [":" if s is None else self.position(s, node, not double)
                    for s in slots]
        text = f"{target}[{', '.join(rendered)}]"
        return self.copied(node, text) if any(":" in r for r in rendered) \
            else text

    def copied(self, node, text):
        """A slice of an array the script later assigns into: a copy, as
        R's subsets are (a NumPy slice is a view, which would change)."""
        if self.key(node.child_by_field_name("function")) in self.mutated \
                and not self.assigning:
            return text + ".copy()"
        return text

    def mask(self, index):
        """A logical subscript: element-wise (`!` is `~`), no shift."""
        self.mask_context = True
        try:
            return self.expr(index)
        finally:
            self.mask_context = False

    def subscript_slots(self, node):
        """The index nodes of a subscript, None where a position is empty
        (`x[i, ]` -> [i, None])."""
        arguments = node.child_by_field_name("arguments")
        slots = [None]
        for child in arguments.children:
            if child.type == "comma":
                slots.append(None)
            elif child.type == "argument":
                if child.child_by_field_name("name") is not None:
                    raise Untranslatable(node)   # drop = FALSE, exact = ...
                slots[-1] = child.child_by_field_name("value")
        return slots

    def position(self, index, node, ranges=True):
        """One subscript position as 0-based Python."""
        while index.type == "parenthesized_expression":
            index = index.named_children[0]
        kind = index.type
        if kind == "string":
            return self.string(index)
        if kind == "binary_operator":
            op = text_of(index.child_by_field_name("operator"))
            if op == ":" and ranges:
                lo = self.expr(index.child_by_field_name("lhs"))
                hi = self.expr(index.child_by_field_name("rhs"))
                return f"{minus_one(lo)}:{hi}"
            if op in _MASKS:
                return self.mask(index)
        if kind == "unary_operator" and text_of(
                index.child_by_field_name("operator")) == "!":
            return self.mask(index)
        if kind in ("true", "false"):
            raise Untranslatable(node)
        if kind == "identifier" and self.name(index) in self.zero_indices:
            return self.name(index)          # already 0-based
        if gives_positions(self, index):
            return self.expr(index)
        if kind == "call" and self.function_name_or_none(index) == \
                "all_dims" and not self.arguments(index):
            return "..."                     # every remaining axis
        if kind == "call" and self.function_name_or_none(index) == "c":
            items = [self.expr(v) for n, v in self.arguments(index)]
            if items and all(NUMBER.match(i) for i in items):
                return "[" + ", ".join(minus_one(i) for i in items) + "]"
        return minus_one(self.expr(index))

    # ------------------------------------------------------------------
    # Pieces

    def function_name(self, node):
        function = node.child_by_field_name("function")
        if function is not None and function.type == "return":
            return "return"               # return(...): a keyword in R
        if function is None or function.type not in ("identifier",
                                                      "namespace_operator"):
            raise Untranslatable(node)
        if function.type == "namespace_operator":
            rhs = function.child_by_field_name("rhs")
            return text_of(rhs)
        return text_of(function)

    def arguments(self, node):
        """[(name or None, value node)] of a call or subscript."""
        arguments = node.child_by_field_name("arguments")
        out = []
        if arguments is None:
            return out
        for arg in arguments.named_children:
            if arg.type in ("comma", "comment"):
                continue       # comments: kept above the statement
            if arg.type != "argument":
                raise Untranslatable(arg)
            name = arg.child_by_field_name("name")
            value = arg.child_by_field_name("value")
            if value is None:
                raise Untranslatable(arg)  # an empty argument: x[, 1]
            out.append((None if name is None
                        else text_of(name).strip("`\"'"), value))
        return out

    def parameters(self, node):
        """The Python parameters of an R function, as a list of text (R's
        `...` becomes `*args` and `**kwargs`)."""
        params = node.child_by_field_name("parameters")
        out, dots = [], False
        for param in params.named_children:
            if param.type in ("comma", "comment"):
                continue
            name = param.child_by_field_name("name")
            default = param.child_by_field_name("default")
            if name is None:
                raise Untranslatable(param)
            if name.type == "dots":
                out.append("*args")
                dots = True
                continue
            text = py_name(text_of(name))
            if default is not None:
                text += f"={self.expr(default)}"
            out.append(text)
        return out + (["**kwargs"] if dots else [])

    def target(self, node):
        if node.type == "identifier":
            return self.name(node)
        if node.type in ("extract_operator", "subset2", "subset"):
            self.assigning = True
            try:
                return self.expr(node)
            finally:
                self.assigning = False
        raise Untranslatable(node)

    def unpack_target(self, node, nested=False):
        """`c(a, b)` (or `c(c(a, b), c(c, d))`) as a tuple target."""
        if node.type == "call" and self.function_name(node) == "c":
            names = [self.unpack_target(value, nested=True)
                     if value.type == "call" else self.target(value)
                     for _name, value in self.arguments(node)]
            joined = ", ".join(names)
            return f"({joined})" if nested else joined
        raise Untranslatable(node)

    def name(self, node):
        text = text_of(node).strip("`")
        if text in ("T", "F"):
            return "True" if text == "T" else "False"
        if text in _MODULES and text not in self.defined:
            self.modules.add(_MODULES[text])   # tf$..., keras$...
        return py_name(text)

    def number(self, node):
        text = text_of(node)
        if text.endswith("L"):
            text = text[:-1]
        if text.lower().startswith("0x"):
            return str(int(text, 16))
        return text

    def string(self, node):
        text = text_of(node)
        if text[:1] in "rR":
            raise Untranslatable(node)   # raw strings
        body = text[1:-1]
        if text[0] == "'":
            body = body.replace('\\"', '"').replace('"', '\\"') \
                .replace("\\'", "'")
        return f'"{body}"'

    def is_named_list(self, node):
        if node.type != "call":
            return False
        try:
            name = self.function_name(node)
        except Untranslatable:
            return False
        return name == "list" and any(
            n is not None for n, _v in self.arguments(node))

    def message_text(self, node):
        args = self.arguments(node)
        if len(args) == 1 and args[0][0] is None:
            return self.expr(args[0][1])
        return fstring(concat(self, args, ""))



def _shifted(converter, node, text):
    """A keras3 argument that is 1-based in R, as pykeras3's 0-based one:
    literal numbers computed, other values with the `- 1` written out;
    negative axes count from the end in both and stay as they are."""
    if converter == "as_axis":
        if text.startswith("-") or text == "None":
            return text
        if text.startswith("(") and text.endswith(")"):
            items = [i.strip() for i in text[1:-1].split(",") if i.strip()]
            if all(NUMBER.match(i) for i in items):
                shifted = [i if i.startswith("-") else minus_one(i)
                           for i in items]
                return "(" + ", ".join(shifted) + ("," if len(shifted) == 1
                                                   else "") + ")"
            raise Untranslatable(node)
        return minus_one(text)
    if converter in ("as_index", "as_py_index"):
        if text == "None":
            return text
        return minus_one(text)
    return text


@functools.lru_cache(maxsize=None)
def _parameters(name):
    """The positional parameter names of pykeras3's `name`, with keras3's
    spelling (`from_` is keras3's `from`)."""
    import inspect

    import pykeras3
    try:
        signature = inspect.signature(getattr(pykeras3, name))
    except (AttributeError, TypeError, ValueError):
        return ()
    return tuple(p.name.rstrip("_") for p in signature.parameters.values()
                 if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))

