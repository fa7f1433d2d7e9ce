"""The base R table: base R (and common package) functions as NumPy and
Python.  Each entry is `f(translator, node, args, first)` -> Python text,
where `args` is [(name or None, value node)] and `first` the rendered
value piped into the call (None when not piped); a case an entry does
not cover raises `Untranslatable`."""

from __future__ import annotations

from ._python import Untranslatable, plus_one, wrapped
from ._datasets import CONSTRUCTORS, constructor
from ._strings import STRINGS

def _c(tr, node, args, first):
    """c(...) of scalars: a tuple; c(x, ...) where x is a list the script
    grows: x with the items added."""
    if any(name is not None for name, _ in args) or first is not None:
        raise Untranslatable(node)
    items = [tr.expr(value) for _, value in args]
    if args and tr.key(args[0][1]) in tr.lists:
        return f"{items[0]} + [{', '.join(items[1:])}]"
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


def _list(tr, node, args, first):
    names = [name for name, _ in args]
    if all(name is not None for name in names) and names:
        return "{" + ", ".join(f'"{name}": {tr.expr(value)}'
                               for name, value in args) + "}"
    if any(name is not None for name in names):
        raise Untranslatable(node)
    return "[" + ", ".join(tr.expr(value) for _, value in args) + "]"


def _simple(python, module=None, arity=None):
    """A base R function that maps onto one Python call, positional
    arguments only."""
    def simple(tr, node, args, first):
        values = _positional(tr, node, args, first, arity)
        if module:
            tr.modules.add(module)
        return f"{python}({', '.join(values)})"
    return simple


def _seq_len(tr, node, args, first):
    if len(args) != 1 or args[0][0] is not None or first is not None:
        raise Untranslatable(node)
    return f"range(1, {plus_one(tr.expr(args[0][1]))})"


def _set_seed(tr, node, args, first):
    if len(args) != 1 or first is not None:
        raise Untranslatable(node)
    tr.used.add("set_random_seed")
    return f"set_random_seed({tr.expr(args[0][1])})"


def _positional(tr, node, args, first, count=None):
    """The rendered positional arguments of a base R call (a piped value
    first); named arguments, or another number than `count`, are not
    covered."""
    if any(name is not None for name, _ in args):
        raise Untranslatable(node)
    values = [tr.expr(value) for _, value in args]
    if first is not None:
        values.insert(0, first)
    if count is not None and len(values) != count:
        raise Untranslatable(node)
    return values


def _named(tr, node, args, first, allowed, piped=False):
    """{name: rendered} of a base R call's arguments, positional ones
    taking the names in `allowed` order; with `piped`, a piped value is
    the first of them."""
    if first is not None and not piped:
        raise Untranslatable(node)
    out, position = {}, 0
    if first is not None:
        out[allowed[0]] = first
        position = 1
    for name, value in args:
        if name is None:
            if position >= len(allowed):
                raise Untranslatable(node)
            name = allowed[position]
            position += 1
        if name not in allowed or name in out:
            raise Untranslatable(node)
        out[name] = tr.expr(value)
    return out


def _random(numpy_name, r_params, py_params):
    """runif(n, min, max) / rnorm(n, mean, sd): NumPy's generator."""
    def draw(tr, node, args, first):
        given = _named(tr, node, args, first, r_params)
        if "n" not in given:
            raise Untranslatable(node)
        tr.modules.add("numpy")
        parts = [f"{py}={given[r]}" for r, py in zip(r_params[1:], py_params)
                 if r in given]
        return (f"np.random.{numpy_name}(" + ", ".join(
            parts + [f"size={given['n']}"]) + ")")
    return draw


def _array(tr, node, args, first):
    """array(data, dim): R fills arrays column-major (order="F")."""
    given = _named(tr, node, args, first, ["data", "dim"])
    if set(given) != {"data", "dim"}:
        raise Untranslatable(node)
    tr.modules.add("numpy")
    return wrapped("np.reshape", [given["data"], given["dim"],
                                   'order="F"'])


def _matrix(tr, node, args, first):
    given = _named(tr, node, args, first, ["data", "nrow", "ncol", "byrow"])
    if "data" not in given or not ({"nrow", "ncol"} & set(given)):
        raise Untranslatable(node)
    rows = given.get("nrow", "-1")
    cols = given.get("ncol", "-1")
    order = "C" if given.get("byrow") == "True" else "F"
    tr.modules.add("numpy")
    return wrapped("np.reshape", [given["data"], f"({rows}, {cols})",
                                   f'order="{order}"'])


def _array_reshape(tr, node, args, first):
    """keras3's array_reshape() is row-major (order="C")."""
    given = _named(tr, node, args, first, ["x", "dim"], piped=True)
    if set(given) != {"x", "dim"}:
        raise Untranslatable(node)
    tr.modules.add("numpy")
    return wrapped("np.reshape", [given["x"], given["dim"], 'order="C"'])


def _map(tr, node, args, first):
    """lapply(x, f) / sapply / purrr::map: a list of f's results."""
    values = _positional(tr, node, args, first, 2)
    return f"list(map({values[1]}, {values[0]}))"


def _seq(tr, node, args, first):
    given = _named(tr, node, args, first, ["from", "to", "by",
                                            "length.out"])
    tr.modules.add("numpy")
    if set(given) == {"from", "to"}:
        return f"np.arange({given['from']}, {plus_one(given['to'])})"
    if set(given) == {"from", "to", "by"}:
        return (f"np.arange({given['from']}, {given['to']} + "
                f"{given['by']} / 2, {given['by']})")
    if set(given) == {"from", "to", "length.out"}:
        return (f"np.linspace({given['from']}, {given['to']}, "
                f"{given['length.out']})")
    raise Untranslatable(node)


def _rep(tr, node, args, first):
    given = _named(tr, node, args, first, ["x", "times", "each"])
    tr.modules.add("numpy")
    if set(given) == {"x", "times"}:
        return f"np.tile({given['x']}, {given['times']})"
    if set(given) == {"x", "each"}:
        return f"np.repeat({given['x']}, {given['each']})"
    raise Untranslatable(node)


def _head(tr, node, args, first):
    given = _named(tr, node, args, first, ["x", "n"], piped=True)
    if "x" not in given:
        raise Untranslatable(node)
    return f"{given['x']}[:{given.get('n', '6')}]"


def _tail(tr, node, args, first):
    given = _named(tr, node, args, first, ["x", "n"], piped=True)
    if "x" not in given:
        raise Untranslatable(node)
    return f"{given['x']}[-{given.get('n', '6')}:]"


def _sample(tr, node, args, first):
    """sample(x, size, replace): NumPy's permutation or choice.  When `x`
    is a count (a number, nrow(), length(), ...) R draws from 1..x; the
    translation draws 0-based positions (see `gives_positions`)."""
    given = _named(tr, node, args, first, ["x", "size", "replace"])
    if "x" not in given:
        raise Untranslatable(node)
    tr.modules.add("numpy")
    if set(given) == {"x"}:
        return f"np.random.permutation({given['x']})"
    size = given.get("size", f"len({given['x']})")
    replace = given.get("replace", "False")
    return f"np.random.choice({given['x']}, {size}, replace={replace})"


def _count(tr, node):
    """Whether `node` is a count, not a vector (sample(n) draws from
    1..n)."""
    if node.type in ("integer", "float"):
        return True
    return node.type == "call" and tr.function_name_or_none(node) in (
        "nrow", "ncol", "length", "NROW", "NCOL")


def gives_positions(tr, node):
    """Whether a call returns positions: 1-based in R, 0-based in the
    translation (which.max(), op_argmax(), sample.int(), sample(n)), so
    they index without the shift."""
    if node.type != "call":
        return False
    name = tr.function_name_or_none(node)
    if name in ("which.max", "which.min", "op_argmax", "op_argmin",
                "sample.int"):
        return True
    if name == "sample":
        arguments = tr.arguments(node)
        return bool(arguments) and arguments[0][0] in (None, "x") and \
            _count(tr, arguments[0][1])
    return False


def _one(template, module=None):
    """A base R function of one argument (piped or not) whose Python
    spelling is `template` with `{x}` in it, using `module`."""
    def one(tr, node, args, first):
        if module:
            tr.modules.add(module)
        return template.format(x=_positional(tr, node, args, first, 1)[0])
    return one


def _extreme(name):
    """max(x) / min(x): NumPy's over a whole array; of several values,
    Python's."""
    def extreme(tr, node, args, first):
        values = _positional(tr, node, args, first)
        if len(values) == 1:
            tr.modules.add("numpy")
            return f"np.{name}({values[0]})"
        return f"{name}({', '.join(values)})"
    return extreme


def _list_files(tr, node, args, first):
    """list.files(path, full.names): sorted, without hidden files (R's
    default all.files = FALSE)."""
    given = _named(tr, node, args, first, ["path", "full.names"],
                   piped=True)
    path = given.get("path", '"."')
    tr.modules.add("os")
    listing = f"sorted(os.listdir({path}))"
    if given.get("full.names", "False") == "True":
        return (f"[os.path.join({path}, f) for f in {listing} "
                f'if not f.startswith(".")]')
    if given.get("full.names", "False") != "False":
        raise Untranslatable(node)
    return f'[f for f in {listing} if not f.startswith(".")]'


def _dir_create(tr, node, args, first):
    given = _named(tr, node, args, first, ["path", "showWarnings",
                                            "recursive"], piped=True)
    if "path" not in given:
        raise Untranslatable(node)
    tr.modules.add("os")
    return f"os.makedirs({given['path']}, exist_ok=True)"


def _stack(python):
    """rbind(...) / cbind(...): rows (or columns) stacked into a matrix."""
    def stack(tr, node, args, first):
        values = _positional(tr, node, args, first)
        tr.modules.add("numpy")
        return wrapped(python, ["[" + ", ".join(values) + "]"])
    return stack


def _unlink(tr, node, args, first):
    """unlink(path) removes a file (no error when it is missing, as in
    R); with recursive = TRUE, a folder."""
    given = _named(tr, node, args, first, ["x", "recursive"], piped=True)
    recursive = given.get("recursive", "False")
    if recursive == "True":
        tr.modules.add("shutil")
        return f"shutil.rmtree({given['x']}, ignore_errors=True)"
    if recursive != "False":
        raise Untranslatable(node)
    tr.modules.add("pathlib")
    return f"pathlib.Path({given['x']}).unlink(missing_ok=True)"


def _zip_lists(tr, node, args, first):
    """zip_lists(a, b): the pairs (a[i], b[i]) as a list."""
    values = _positional(tr, node, args, first)
    return f"list(zip({', '.join(values)}))"


def _use_backend(tr, node, args, first):
    """use_backend("jax"): pykeras3 picks the backend before Keras loads."""
    values = _positional(tr, node, args, first, 1)
    tr.used.add("config_set_backend")
    return f"config_set_backend({values[0]})"


# keras3 functions that return a named list in R: a dict here.
DICTS = {"evaluate", "get_config"}

# Calls whose value R prints at a script's top level (see shows_value).
SHOWN = {"head", "dim", "nrow", "ncol", "length", "sum", "mean", "max",
         "min", "round", "abs", "sqrt", "exp", "log", "which.max",
         "which.min", "sample", "c", "list", "is.null", "paste", "paste0",
         "sprintf", "glue", "rep", "seq", "seq_len", "evaluate", "predict",
         "count_params", "get_weights", "get_config"}


BASE = {
    # 0-based, like pykeras3's op_argmax(): a name bound to it is used as
    # an index without the shift (see `gives_positions`).
    "which.max": _one("int(np.argmax({x}))", "numpy"),
    "which.min": _one("int(np.argmin({x}))", "numpy"),
    "seq": _seq,
    "rep": _rep,
    "head": _head,
    "str": _simple("print"),
    "lapply": _map,
    "sapply": _map,
    "map": _map,
    "runif": _random("uniform", ["n", "min", "max"], ["low", "high"]),
    "rnorm": _random("normal", ["n", "mean", "sd"], ["loc", "scale"]),
    "array": _array,
    "matrix": _matrix,
    "array_reshape": _array_reshape,
    "round": _simple("np.round", "numpy"),
    "c": _c,
    "list": _list,
    "print": _simple("print"),
    "length": _simple("len", arity=1),
    "seq_len": _seq_len,
    "set.seed": _set_seed,
    "sum": _simple("np.sum", "numpy", 1),
    "mean": _simple("np.mean", "numpy", 1),
    "max": _extreme("max"),
    "min": _extreme("min"),
    "abs": _simple("abs", arity=1),
    "sqrt": _simple("np.sqrt", "numpy", 1),
    "exp": _simple("np.exp", "numpy", 1),
    "log": _simple("np.log", "numpy", 1),
    "is.null": _one("{x} is None"),
    "nrow": _one("{x}.shape[0]"),
    "ncol": _one("{x}.shape[1]"),
    "dim": _one("{x}.shape"),
    "invisible": _one("{x}"),
    "seq_along": _one("range(1, len({x}) + 1)"),
    "tail": _tail,
    # "" when unset, as in R.
    "Sys.getenv": _one('os.environ.get({x}, "")', "os"),
    "tempdir": _simple("tempfile.gettempdir", "tempfile", 0),
    "tempfile": _simple("tempfile.mktemp", "tempfile", 0),
    "sample": _sample,
    "sample.int": _sample,
}
BASE.update(STRINGS)
BASE.update({name: constructor for name in CONSTRUCTORS})
BASE.update({
    "rbind": _stack("np.vstack"),
    "cbind": _stack("np.column_stack"),
    "Sys.time": _simple("time.time", "time", 0),
    "max.col": _one("np.argmax({x}, axis=1) + 1", "numpy"),
    "dir.exists": _simple("os.path.isdir", "os", 1),
    "dir_create": _dir_create,
    "zip_lists": _zip_lists,
    "as_iterator": _one("iter({x})"),
    "iter_next": _one("next({x}, None)"),
    "np_array": _simple("np.asarray", "numpy", 1),
    "as.array": _simple("np.asarray", "numpy", 1),
    "tf_function": _simple("tf.function", "tensorflow"),
    "use_backend": _use_backend,
    "file.path": _simple("os.path.join", "os"),
    "file.exists": _simple("os.path.exists", "os", 1),
    "basename": _simple("os.path.basename", "os", 1),
    "dirname": _simple("os.path.dirname", "os", 1),
    "unlink": _unlink,
    "dir.create": _dir_create,
    "list.files": _list_files,
})

