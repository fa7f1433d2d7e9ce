"""`python -m pykeras3 translate`: R in, Python out.

tests/translate/ holds pairs written here: `<rule>.R` (or `.Rmd`) and the
Python expected from it.  tests/translate/scripts/ holds whole keras3
scripts that are translated and then run.
"""

import ast
import glob
import os
import subprocess
import sys

import pytest

pytest.importorskip("tree_sitter_language_pack")

from conftest import ROOT  # noqa: E402
from pykeras3.translate import RSyntaxError, translate, translate_file  # noqa: E402

CORPUS = os.path.join(ROOT, "tests", "translate")
PAIRS = sorted(p for p in glob.glob(os.path.join(CORPUS, "*"))
               if p.endswith((".R", ".Rmd", ".qmd")))
assert PAIRS
SCRIPTS = sorted(glob.glob(os.path.join(CORPUS, "scripts", "*.R")))
OFFLINE = os.path.join(CORPUS, "offline.py")
pytestmark = pytest.mark.introspection


@pytest.mark.parametrize("source", PAIRS, ids=os.path.basename)
def test_each_rule_translates_as_written(source):
    expected = open(os.path.splitext(source)[0] + ".py",
                    encoding="utf-8").read()
    result = translate_file(source)
    assert result.python == expected
    ast.parse(result.python)


def test_the_corpus_covers_every_pair():
    for source in PAIRS:
        assert os.path.exists(os.path.splitext(source)[0] + ".py"), source


def test_what_no_rule_covers_is_kept_as_a_todo_at_its_place():
    result = translate("x <- 1\ncounter <<- x\ny <- 2\n")
    lines = result.python.splitlines()
    assert lines[-3:] == ["x = 1", "# TODO(translate): counter <<- x",
                          "y = 2"]
    assert (result.statements, result.todos) == (2, 1)


def test_a_multi_line_statement_keeps_every_r_line_in_its_todo():
    result = translate("z <- weird(1,\n  2)\n")
    assert result.python.splitlines()[-2:] == [
        "# TODO(translate): z <- weird(1,", "# TODO(translate): 2)"]


@pytest.mark.parametrize("text, line, column", [
    ("x <- c(1, 2\n", 1, 12),
    ("y <- 1\nif (x > ) 2\n", 2, 9),
])
def test_r_syntax_errors_are_located(text, line, column):
    with pytest.raises(RSyntaxError) as info:
        translate(text, filename="bad.R")
    assert (info.value.line, info.value.column) == (line, column)
    assert str(info.value).startswith(f"bad.R:{line}:{column}:")


@pytest.mark.parametrize("text", [
    "f <- function(...) 1", "x[, 1]", "x[-1]", "`my var` <- 3",
    "function(x) { a; b }", "r\"(raw)\"", "a %o% b", "x$`weird name`",
    "repeat { break }", "if (a) b", "lapply(x)", "cat(sep = '-', 1)",
    "print('{x}')", "paste0('{', x, '}')", "list(a = 1, 2)", "c(a = 1)", "T & F",
    "f <- function(x) { y <<- 1 }", "if (a) { y <<- 1 } else { z <<- 2 }",
])
def test_any_input_the_parser_accepts_gives_valid_python(text):
    ast.parse(translate(text).python)


@pytest.mark.parametrize("source", PAIRS + SCRIPTS, ids=os.path.basename)
def test_every_prefix_of_a_script_gives_valid_python_or_a_located_error(
        source):
    # Cut each corpus file after every line (and in the middle of each
    # line): what the parser accepts must translate to valid Python, what
    # it rejects must be an RSyntaxError with a line and column inside.
    text = open(source, encoding="utf-8").read()
    markdown = not source.endswith(".R")
    lines = text.splitlines(keepends=True)
    cuts = set()
    for i in range(len(lines)):
        head = "".join(lines[:i])
        cuts.add(head + lines[i])
        cuts.add(head + lines[i][:len(lines[i]) // 2])
    for cut in sorted(cuts):
        try:
            result = translate(cut, filename="cut.R", markdown=markdown)
        except RSyntaxError as err:
            assert 1 <= err.line <= cut.count("\n") + 1, (cut, err)
            assert err.column >= 1
            continue
        ast.parse(result.python)


def test_the_r_to_python_index_shifts():
    python = translate(
        "library(keras3)\n"
        "fit(m, x, y, initial_epoch = 5)\n"
        "fit(m, x, y, initial_epoch = e)\n"
        "op_sum(x, axis = 2)\nop_sum(x, axis = -1)\n"
        "op_sum(x, axis = c(1, 2))\nget_layer(m, index = 1)\n"
        "freeze_weights(m, from = 2)\n").python
    assert "initial_epoch=4" in python
    assert "initial_epoch=e - 1" in python
    assert "axis=1)" in python and "axis=-1)" in python
    assert "axis=(0, 1)" in python
    assert "get_layer(m, index=0)" in python
    assert "freeze_weights(m, from_=1)" in python


def test_array_is_column_major_and_array_reshape_row_major():
    python = translate("a <- array(1:6, dim = c(2, 3))\n"
                       "b <- array_reshape(1:6, c(2, 3))\n").python
    assert 'np.reshape(np.arange(1, 7), (2, 3), order="F")' in python
    assert 'np.reshape(np.arange(1, 7), (2, 3), order="C")' in python
    scope = {}
    exec(python, scope)
    assert scope["a"].tolist() == [[1, 3, 5], [2, 4, 6]]   # as in R
    assert scope["b"].tolist() == [[1, 2, 3], [4, 5, 6]]


def run_cli(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "pykeras3", "translate",
                           *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_cli_reads_stdin_writes_stdout_and_summarises_on_stderr():
    done = run_cli("-", stdin="x <- 1\ny <<- 2\n")
    assert done.returncode == 0, done.stderr
    assert "x = 1" in done.stdout
    assert "1 statement(s) translated, 1 TODO(s) left" in done.stderr


def test_cli_strict_fails_when_a_todo_remains(tmp_path):
    (tmp_path / "s.R").write_text("y <<- 2\n")
    done = run_cli(str(tmp_path / "s.R"), "-o", str(tmp_path / "s.py"),
                   "--strict")
    assert done.returncode == 1
    assert "TODO(translate)" in (tmp_path / "s.py").read_text()


def test_cli_reports_a_syntax_error_with_its_location(tmp_path):
    (tmp_path / "bad.R").write_text("x <- (1 +\n")
    done = run_cli(str(tmp_path / "bad.R"))
    assert done.returncode == 2
    assert "bad.R:" in done.stderr and "R syntax error" in done.stderr
    assert done.stdout == ""


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=os.path.basename)
def test_whole_scripts_translate_without_todo_and_run(script, tmp_path):
    # The scripts check themselves with stopifnot() (assert once
    # translated); downloads are replaced by tests/translate/offline.py.
    result = translate_file(script)
    assert result.todos == 0, result.python
    target = tmp_path / "script.py"
    target.write_text(result.python)
    done = subprocess.run([sys.executable, OFFLINE, str(target)],
                          cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


def run_pair(name, tmp_path):
    """Run the expected Python of a pair; its variables."""
    source = open(os.path.join(CORPUS, name + ".py"), encoding="utf-8")
    scope = {"__name__": "__main__"}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(source.read(), name, "exec"), scope)
    finally:
        os.chdir(cwd)
    return scope


def test_translated_vectors_and_subscripts_compute_what_r_computes(tmp_path):
    # The values R gives for tests/translate/{vectors,subscripts}.R.
    v = run_pair("vectors", tmp_path)
    assert v["losses"] == [0.1, 0.2, 0.3]
    assert v["sizes"] == [16, 48, 64]
    assert v["results"] == ["first"]
    assert list(v["steps"]) == [1, 2, 3, 4, 5] and v["total"] == 55
    assert v["known"] is True
    s = run_pair("subscripts", tmp_path)
    x = s["x"]
    assert s["row"].shape == (3, 2) and (s["row"] == x[1]).all()
    assert s["column"].shape == (4,) and (s["column"] == x[:, 2, 0]).all()
    assert s["rest"].shape == (3, 3, 2) and (s["rest"] == x[1:]).all()
    assert list(s["tail3"]) == [1, 9, 3]
    assert list(s["no_second"]) == [5, 9, 3]
    assert list(s["picked"]) == [5, 9]
    assert list(s["big"]) == [5, 9, 3] and list(s["not_big"]) == [1]
    assert set(s["drawn"]) <= {5, 1, 9, 3} and len(s["drawn"]) == 2
    assert s["best"] == 9 and s["kth"] == 1
    assert list(s["v"]) == [5, 0, 9, 3]


def test_translated_arrays_and_strings_compute_what_r_computes(tmp_path):
    a = run_pair("arrays", tmp_path)
    assert a["x"].shape == (3, 4) and a["shape"] == (3, 4)
    assert list(a["m"][0]) == [1, 4, 7, 10]      # array(): column-major
    assert list(a["r"][0]) == [1, 2, 3, 4]       # array_reshape(): rows
    assert (a["n"], a["p"], a["count"]) == (3, 4, 3)
    assert a["top"] == 12 and sorted(a["order"]) == [0, 1, 2]
    assert a["squares"] == [1, 4, 9] and a["report"](5) == 5
    s = run_pair("strings", tmp_path)
    assert s["line"] == "epoch 3 of 10: 25.00%"
    assert s["padded"] == "name    |"
    assert s["braces"] == "{literal} and 3"
    assert s["note"] == "run-4-final" and s["joined"] == "a-b"


def test_translated_datasets_and_python_interop_run(tmp_path):
    d = run_pair("datasets", tmp_path)
    x, y = next(iter(d["train"]))
    assert tuple(x.shape) == (8, 3) and tuple(y.shape) == (8, 1)
    assert len(list(d["first_batches"])) == 2
    a, b = d["batch"]
    assert tuple(a.shape) == (8, 3) and float(a.numpy().max()) <= 2.0
    text, label = next(iter(d["labelled"]))
    assert tuple(text.shape) == (1,) and float(label) == 1.0
    i = run_pair("interop", tmp_path)
    assert float(i["loss"]) >= 0
    assert i["rows"].shape == (2, 3)
    assert i["columns"].tolist() == [[1, 3], [2, 4]]      # as R's cbind
    assert list(i["labels"]) == [2, 2]    # max.col() - 1, as in R
    assert i["elapsed"] >= 0
    assert i["home"] and "KERAS_HOME" not in os.environ
    assert i["last_two"] == (2, 3)
    assert tuple(i["dense"].shape) == (1, 2)


def test_callback_classes_count_epochs_from_one_as_keras3_does(capsys):
    import numpy as np

    from pykeras3 import compile, fit, keras_model_sequential, layer_dense
    scope = run_pair("classes", os.getcwd())
    model = compile(layer_dense(keras_model_sequential(input_shape=2),
                                units=1), optimizer="sgd", loss="mse")
    # Targets far from any starting output: the loss stays above the
    # callback's stopping threshold (0.01), so both epochs run.
    fit(model, np.ones((4, 2)), np.full((4, 1), 100.0), epochs=2,
        verbose=0, callbacks=[scope["callback_log_loss"]()])
    printed = [line for line in capsys.readouterr().out.splitlines()
               if line.startswith("epoch ")]
    assert [line.split()[1] for line in printed] == ["1", "2"], printed
    layer = scope["layer_scale"](factor=3, name="scale")
    assert layer.name == "scale"
    assert float(layer(np.ones((1, 2)))[0, 0]) == 3.0


def test_the_readme_example_is_what_translate_writes():
    import re
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = readme.split("## Translating keras3 R scripts", 1)[1]
    r_code = re.search(r"```r\n(.*?)```", section, flags=re.S).group(1)
    python = re.search(r"```python\n(.*?)```", section, flags=re.S).group(1)
    assert translate(r_code).python == python


def test_nested_unpacking_and_the_scripts_own_functions():
    python = translate(
        "c(c(x_train, y_train), c(x_test, .)) %<-% dataset_mnist()\n"
        "scale <- function(a) a / 255\n"
        "x_train <- scale(x_train)\n"
        "y <- unknown_fn(x_train)\n").python
    assert "(x_train, y_train), (x_test, _) = dataset_mnist()" in python
    assert "x_train = scale(x_train)" in python
    assert "# TODO(translate): y <- unknown_fn(x_train)" in python
    # A name met only in a statement that became a TODO is not imported.
    assert "unknown_fn" not in python.split("\n\n")[0]


def test_positional_arguments_are_shifted_too():
    python = translate("a <- op_expand_dims(x, 2)\nb <- op_sum(x, 2)\n"
                       "c <- op_sum(x, -1)\n").python
    assert "op_expand_dims(x, 1)" in python
    assert "op_sum(x, 1)" in python and "op_sum(x, -1)" in python
