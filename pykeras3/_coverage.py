"""`python -m pykeras3 coverage`: how much of keras3 pykeras3 covers.

For each of keras3's exports with a Python meaning (`_keras3`), whether
pykeras3 exports it, and whether with keras3's parameters: the same names
in the same order (after the changes listed in `_keras3/parameters.tsv`),
those before R's `...` positional and those after it keyword-only.  The
base classes keras3 exports (`Layer`, `Callback`, ...) are Keras's own
classes in pykeras3, for subclassing; their function form is
`new_*_class()`.
"""

from __future__ import annotations

import inspect

from . import _keras3

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY,
               inspect.Parameter.POSITIONAL_OR_KEYWORD)
_VARIADIC = (inspect.Parameter.VAR_POSITIONAL,
             inspect.Parameter.VAR_KEYWORD)


def expected_parameters(name):
    """[(name, 'positional' or 'keyword')] keras3's formals call for, or
    None when keras3's table has no formals for `name`."""
    entries = _keras3.functions()
    aliases = _keras3.api().get("aliases") or {}
    entry = entries.get(name) or entries.get(aliases.get(name, ""))
    if entry is None or not [p for p, _ in entry.get("params") or []
                             if p != "..."]:
        return None  # no formals, or only R's `...`: anything goes
    out, keyword = [], False
    for param, _default in entry["params"]:
        if param == "...":
            keyword = True
            continue
        new = _keras3.renamed(entry["name"], param)
        if new is not None:
            out.append((new, "keyword" if keyword else "positional"))
    return out


def actual_parameters(fn):
    out = []
    for param in inspect.signature(fn).parameters.values():
        if param.kind in _VARIADIC:
            continue
        out.append((param.name, "positional" if param.kind in _POSITIONAL
                    else "keyword"))
    return out


def problem(name):
    """Why `name` is not exported with keras3's parameters, or None."""
    from . import _registry
    fn = _registry.EXPORTS.get(name)
    if fn is None:
        return "not exported"
    if name in _registry.DOCS:
        # A re-exported Keras base class (`Layer`, `Callback`, ...), for
        # Python's `class` statement; keras3's function form of these
        # names is pykeras3's `new_*_class()`, checked under its own name.
        return None
    expected = expected_parameters(name)
    if expected is None:
        return None
    added = set(_keras3.additions(name))
    actual = [(n, kind) for n, kind in actual_parameters(fn)
              if not (n in added and kind == "keyword")]
    if [n for n, _ in actual] != [n for n, _ in expected]:
        return (f"parameters {[n for n, _ in actual]}, keras3 has "
                f"{[n for n, _ in expected]}")
    for (pname, kind), (_, want) in zip(actual, expected):
        if kind != want:
            return f"`{pname}` is {kind}, keras3's is {want}"
    return None


def report():
    """[(family, keras3 names, exported, with keras3's parameters)], the
    problems by name, and the totals."""
    import pykeras3
    pykeras3.FAMILIES  # loads every module: fills the registry
    from . import _registry
    rows, problems = {}, {}
    for name in _keras3.python_meaningful():
        family = _registry.FAMILY_OF.get(name, "not exported yet")
        row = rows.setdefault(family, [0, 0, 0])
        row[0] += 1
        issue = problem(name)
        if name in _registry.EXPORTS:
            row[1] += 1
        if issue is None:
            row[2] += 1
        else:
            problems[name] = issue
    order = list(_registry.FAMILY_ORDER) + ["not exported yet"]
    table = [(family, *rows[family]) for family in order if family in rows]
    totals = tuple(sum(r[i] for r in table) for i in (1, 2, 3))
    return table, problems, totals


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(
        prog="python -m pykeras3 coverage",
        description="How many of keras3's functions pykeras3 exports, "
                    "with keras3's parameters, by family.")
    parser.add_argument("--problems", action="store_true",
                        help="also list each name that is missing or "
                             "differs, and how")
    args = parser.parse_args(argv)
    table, problems, (total, exported, matching) = report()
    width = max(len(r[0]) for r in table) + 2
    print(f"{'family':<{width}}{'keras3':>8}{'exported':>10}"
          f"{'with keras3 parameters':>24}")
    for family, count, done, same in table:
        print(f"{family:<{width}}{count:>8}{done:>10}{same:>24}")
    print(f"{'total':<{width}}{total:>8}{exported:>10}{matching:>24}")
    print(f"\npykeras3 exports {exported} of keras3's {total} functions "
          f"that have a Python meaning; {matching} with keras3's "
          f"parameters ({100 * matching / total:.0f}%).")
    if args.problems:
        for name, issue in sorted(problems.items()):
            print(f"  {name}: {issue}")
    return 0
