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

from ._base import BASE, INDEX_RESULTS, concat
from ._python import (INDENT, NUMBER, Untranslatable, minus_one, parses,
                      plus_one, py_name, wrapped)
from ._r import text_of

# R's operators with a Python spelling (the others are TODOs).
_BINARY = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "**", "%%": "%",
           "%/%": "//", "==": "==", "!=": "!=", "<": "<", ">": ">",
           "<=": "<=", ">=": ">=", "&&": "and", "||": "or", "&": "&",
           "|": "|", "%in%": "in", "%*%": "@"}
_PIPES = {"|>", "%>%"}


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
        self.statements = 0
        self.todos = 0

    # ------------------------------------------------------------------
    # Statements

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

    def statement_or_todo(self, node, depth, source_lines):
        if node.type == "comment":
            return [INDENT * depth + text_of(node)]
        saved = (set(self.used), set(self.modules))
        try:
            lines = self.statement(node, depth)
        except Untranslatable:
            # Names met before the failure are not imported for it.
            self.used, self.modules = saved
            return self.todo(node, depth)
        self.statements += 1
        out = []
        for line in lines:   # continuation lines of wrapped calls
            first, *rest = line.split("\n")
            lead = first[:len(first) - len(first.lstrip())]
            out += [first] + [lead + part for part in rest]
        if node.type == "binary_operator" and depth == 0 and out and \
                out[0].startswith("def "):
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
            name = self.function_name(node)
            if name in ("library", "require"):
                return self.library(node, pad)
            if name == "stop":
                return [pad + "raise RuntimeError("
                        + self.message_text(node) + ")"]
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

    def block(self, node, depth):
        """The statements of a body (braced or a single expression)."""
        children = node.named_children if node.type == "braced_expression" \
            else [node]
        out = []
        for child in children:
            out += self.statement_or_todo(child, depth, self._source)
        return out or [INDENT * depth + "pass"]

    def assignment(self, lhs, rhs, depth):
        pad = INDENT * depth
        if rhs.type == "function_definition" and lhs.type == "identifier":
            return self.function_def(self.name(lhs), rhs, depth)
        if lhs.type == "identifier":
            name = self.name(lhs)
            self.defined.add(name)
            self.dicts.discard(name)
            self.histories.discard(name)
            self.zero_indices.discard(name)
            if self.last_function(rhs) in INDEX_RESULTS:
                self.zero_indices.add(name)
            if self.is_named_list(rhs):
                self.dicts.add(name)
            elif self.last_function(rhs) == "fit":
                self.histories.add(name)
        return [pad + f"{self.target(lhs)} = {self.expr(rhs)}"]

    def function_def(self, name, node, depth):
        pad = INDENT * depth
        self.defined.add(name)
        params = self.parameters(node)
        body = node.child_by_field_name("body")
        if body.type != "braced_expression":
            return [pad + f"def {name}({params}):",
                    pad + INDENT + "return " + self.expr(body)]
        lines = self.block(body, depth + 1)
        # R returns the value of the last expression.
        last = body.named_children[-1] if body.named_children else None
        if last is not None and self.is_value(last):
            lines[-1] = INDENT * (depth + 1) + "return " + \
                lines[-1].strip()
        return [pad + f"def {name}({params}):"] + lines

    def is_value(self, node):
        if node.type in ("if_statement", "for_statement", "while_statement",
                         "repeat_statement", "comment", "break", "next"):
            return False
        if node.type == "binary_operator":
            op = text_of(node.child_by_field_name("operator"))
            if op in ("<-", "=", "->", "<<-", "%<>%", "%<-%"):
                return False
        if node.type == "call" and self.function_name(node) in (
                "return", "stop", "print", "cat", "message", "library",
                "invisible"):
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
        if kind == "function_definition":
            body = node.child_by_field_name("body")
            if body.type == "braced_expression":
                if len(body.named_children) != 1:
                    raise Untranslatable(node)
                body = body.named_children[0]
            return f"lambda {self.parameters(node)}: {self.expr(body)}"
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
        return f"{self.expr(lhs)} {_BINARY[op]} {self.expr(rhs)}"

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
        if len(calls) == 1:       # one step: a plain call
            return self.call(calls[0], first=self.expr(first))
        parts = [self.expr(first)]
        for step in calls:
            name = self.function_name(step)
            if name not in self.exports:
                raise Untranslatable(step)   # no deferred form
            parts.append(self.call(step))
        self.modules.add("toolz")
        return wrapped("toolz.pipe", parts, force=True)

    def call(self, node, first=None):
        name = self.function_name(node)
        args = self.arguments(node)
        rendered = [] if first is None else [first]
        if name in BASE:
            return BASE[name](self, node, args, first)
        if name in self.defined and name not in self.exports:
            # The script's own function (or a model or layer it built).
            name = self.name(node.child_by_field_name("function"))
            shifts = {}
        elif name in self.exports:
            self.used.add(name)
            shifts = self.zero_based.get(name, {})
        else:
            raise Untranslatable(node)
        positional = _parameters(name) if shifts else []
        skip = 0 if first is None else 1
        for position, (arg_name, value) in enumerate(args):
            text = self.expr(value)
            known = arg_name
            if known is None and position + skip < len(positional):
                known = positional[position + skip]
            if known is not None and known in shifts:
                text = _shifted(shifts[known], value, text)
            rendered.append(text if arg_name is None
                            else f"{py_name(arg_name)}={text}")
        return wrapped(name, rendered)

    def extract(self, node):
        op = text_of(node.child_by_field_name("operator"))
        lhs = node.child_by_field_name("lhs")
        rhs = node.child_by_field_name("rhs")
        if op != "$" or rhs is None or rhs.type not in ("identifier",
                                                          "string"):
            raise Untranslatable(node)
        key = text_of(rhs).strip("\"'`")
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

    def last_function(self, node):
        """The function a value comes from (the last step of a pipe)."""
        while node.type == "binary_operator" and text_of(
                node.child_by_field_name("operator")) in _PIPES:
            node = node.child_by_field_name("rhs")
        if node.type == "call":
            try:
                return self.function_name(node)
            except Untranslatable:
                return None
        return None

    def subscript(self, node, double):
        target = self.expr(node.child_by_field_name("function"))
        args = self.arguments(node)
        if len(args) != 1 or args[0][0] is not None:
            raise Untranslatable(node)
        index = args[0][1]
        if index.type == "string":
            return f"{target}[{self.string(index)}]"
        if index.type == "unary_operator" or (
                index.type == "binary_operator" and not double and text_of(
                    index.child_by_field_name("operator")) == ":"):
            if index.type == "unary_operator":
                raise Untranslatable(node)   # R's negative: drop
            lo = index.child_by_field_name("lhs")
            hi = index.child_by_field_name("rhs")
            return f"{target}[{minus_one(self.expr(lo))}:{self.expr(hi)}]"
        if index.type == "identifier" and \
                self.name(index) in self.zero_indices:
            return f"{target}[{self.name(index)}]"   # already 0-based
        return f"{target}[{minus_one(self.expr(index))}]"

    # ------------------------------------------------------------------
    # Pieces

    def function_name(self, node):
        function = node.child_by_field_name("function")
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
            if arg.type == "comma":
                continue
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
        params = node.child_by_field_name("parameters")
        out = []
        for param in params.named_children:
            if param.type == "comma":
                continue
            name = param.child_by_field_name("name")
            default = param.child_by_field_name("default")
            if name is None or text_of(name) == "...":
                raise Untranslatable(param)
            text = py_name(text_of(name))
            if default is not None:
                text += f"={self.expr(default)}"
            out.append(text)
        return ", ".join(out)

    def target(self, node):
        if node.type == "identifier":
            return self.name(node)
        if node.type in ("extract_operator", "subset2", "subset"):
            return self.expr(node)
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
        return concat(self, args, "")



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


def _parameters(name):
    """The positional parameter names of pykeras3's `name`, with keras3's
    spelling (`from_` is keras3's `from`)."""
    import inspect

    import pykeras3
    try:
        signature = inspect.signature(getattr(pykeras3, name))
    except (AttributeError, TypeError, ValueError):
        return []
    return [p.name.rstrip("_") for p in signature.parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]

