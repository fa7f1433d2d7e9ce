"""keras3 R's exported API, pinned: the data pykeras3 is generated from and
measured against.

* `api.json`: every function of keras3 (rstudio/keras3 at the commit it
  names), with its R formals and defaults, the Keras object it wraps
  (`tether`), its @family tags and its argument converters;
* `exports.txt`: every name keras3 exports;
* `r-only.tsv`: exports with no Python meaning, and what to write instead;
* `parameters.tsv`: keras3 parameters pykeras3 leaves out or renames, and
  why.

Read by `tools/generate.py` and by `python -m pykeras3 coverage`; nothing
here imports Keras.
"""

from __future__ import annotations

import csv
import functools
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


@functools.lru_cache(maxsize=None)
def api():
    with open(os.path.join(HERE, "api.json"), encoding="utf-8") as f:
        return json.load(f)


def functions():
    """{name: entry} of keras3's functions."""
    return {f["name"]: f for f in api()["functions"]}


@functools.lru_cache(maxsize=None)
def exports():
    with open(os.path.join(HERE, "exports.txt"), encoding="utf-8") as f:
        return tuple(line.strip() for line in f if line.strip())


def _tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@functools.lru_cache(maxsize=None)
def r_only():
    """{name: (why, what a Python user writes instead)}."""
    return {row["name"]: (row["why it has no pykeras3 function"],
                          row["what a Python user writes instead"])
            for row in _tsv("r-only.tsv")}


@functools.lru_cache(maxsize=None)
def parameter_changes():
    """[(function or '*', keras3 parameter or '' for a pykeras3 addition,
    pykeras3 name or '' when left out, why)]."""
    return [(row["function"], row["keras3"], row["pykeras3"], row["why"])
            for row in _tsv("parameters.tsv")]


def renamed(function, parameter):
    """How pykeras3 names keras3's `parameter` of `function`: the same
    name, another name, or None when it is left out."""
    for fn, param, new, _why in parameter_changes():
        if param and param == parameter and fn in ("*", function):
            return new or None
    return parameter


def additions(function):
    """The keyword-only parameters pykeras3 adds to `function`."""
    return [new for fn, param, new, _why in parameter_changes()
            if fn == function and not param]


def python_meaningful():
    """keras3's exports that have a Python meaning, in keras3's order."""
    skip = r_only()
    return [name for name in exports() if name not in skip]
