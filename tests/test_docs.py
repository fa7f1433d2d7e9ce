"""Documentation that grows with the code: docstrings, man/, examples and
the README's code and commands (the notebooks: test_notebooks.py)."""

import doctest
import inspect
import os
import re
import subprocess
import sys

import pytest

import pykeras3
from pykeras3 import _keras3, _man, _registry
from conftest import ROOT

EXPORTS = list(pykeras3.__all__)
# R generics from base R that keras3 adds methods to (so they are not in
# keras3's export list) but that pykeras3 provides as functions, with the
# R name each mirrors.
R_GENERICS = {"predict": "predict", "summary": "summary", "plot": "plot",
              "as_data_frame": "as.data.frame"}
# pykeras3's own additions, with no keras3 counterpart (each says so).
ADDITIONS = {"add_layer", "callback_view_metrics"}
# Hand-written exports carry an example each; generated ones where the
# docs text gives one.
HAND_WRITTEN = [name for name in EXPORTS
                if not _man.is_generated(getattr(pykeras3, name))]
WITH_EXAMPLES = [name for name in EXPORTS
                 if ">>>" in _registry.doc_of(name)]


def test_every_export_is_a_keras3_name():
    missing = (set(EXPORTS) - set(_keras3.exports()) - set(R_GENERICS)
               - ADDITIONS)
    assert not missing, f"not keras3 names: {sorted(missing)}"


def test_every_export_is_in_exactly_one_family():
    listed = [name for names in pykeras3.FAMILIES.values() for name in names]
    assert len(listed) == len(set(listed))
    for name in listed:
        assert callable(getattr(pykeras3, name)), name


@pytest.mark.introspection
@pytest.mark.parametrize("name", EXPORTS)
def test_docstring_has_every_part(name):
    doc = inspect.cleandoc(_registry.doc_of(name))
    assert doc, f"{name} has no docstring"
    target = R_GENERICS.get(name) or _registry.ALIASES.get(name, name)
    if name in ADDITIONS:
        assert "keras3 R: none" in doc
    else:
        assert f"keras3 R: ``{target}()``" in doc
    assert "@@MISSING@@" not in doc, f"{name}: documentation missing"
    parsed = _man.parse(doc)
    assert parsed["summary"].endswith(".")
    assert _man._paragraph(parsed["Returns:"]), f"{name}: no Returns:"
    if name in HAND_WRITTEN:
        assert any(line.strip().startswith(">>>")
                   for line in parsed["Example:"]), f"{name}: no example"
    documented = {arg.lstrip("*") for arg, _ in _man._items(parsed["Args:"])}
    params = set(inspect.signature(getattr(pykeras3, name)).parameters)
    assert params == documented, f"{name}: documented {documented}"


def test_man_pages_are_up_to_date():
    problems = _man.stale(os.path.join(ROOT, "man"))
    assert not problems, (
        "man/ is stale; run `python -m pykeras3 man`: " + ", ".join(problems))


def test_man_check_detects_a_missing_page(tmp_path):
    _man.write(str(tmp_path))
    os.remove(tmp_path / "fit.md")
    (tmp_path / "old_function.md").write_text("# old_function\n")
    problems = _man.stale(str(tmp_path))
    assert "fit.md (missing)" in problems
    assert "old_function.md (not an export)" in problems


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_example_runs(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # Our documentation: the docstring, or for a re-exported Keras class
    # (`Layer`, ...) the text given to reexport().
    test = doctest.DocTestParser().get_doctest(
        _registry.doc_of(name), {}, name, None, 0)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert test.examples
    report = []
    result = runner.run(test, out=report.append)
    assert result.failed == 0, "".join(report)


def python_blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def quick_start():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    block = re.search(r"```bash\n(.*?)```", text, flags=re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_readme_quick_start_is_two_complete_commands():
    demo, tests = quick_start()
    assert "pip install ." in demo and demo.endswith(
        "python -m pykeras3 demo")
    assert 'pip install ".[test]"' in tests
    # The whole suite, then the tests marked `backends` on JAX.
    assert '".[test]" && python -m pytest && ' in tests
    assert tests.endswith("KERAS_BACKEND=jax python -m pytest -m backends "
                          "-n 2")


def test_ci_runs_the_readme_test_command():
    _, tests = quick_start()
    with open(os.path.join(ROOT, ".ci", "run")) as f:
        script = f.read()
    found = re.search(r"grep -m1 -F '([^']*)' README.md", script).group(1)
    assert tests.startswith(found)
    assert "python3\"} -m venv" in script or "-m venv" in script


@pytest.mark.slow
def test_readme_examples_run_as_written(tmp_path):
    """The README's Python blocks, in order, as a new user would paste
    them, in a fresh process and an empty folder."""
    code = "\n".join(python_blocks(os.path.join(ROOT, "README.md")))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
        text=True, timeout=600,
        env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3",
                 PYTHONPATH=ROOT + os.pathsep +
                 os.environ.get("PYTHONPATH", "")))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Final epoch" in result.stdout
    assert "best: checkpoints" in result.stdout
    assert os.path.exists(tmp_path / "checkpoints" / "best.keras")


def test_no_module_is_named_like_an_export():
    """Importing a submodule binds it on the package, so a module named
    like an export (`pykeras3/plot.py` beside `plot()`) would replace the
    function with the module as soon as anything imported it."""
    package = os.path.join(ROOT, "pykeras3")
    modules = {os.path.splitext(name)[0] for name in os.listdir(package)}
    assert not modules & set(EXPORTS)
    import pykeras3.plotting  # noqa: F401
    import pykeras3.history  # noqa: F401
    assert callable(pykeras3.plot) and callable(pykeras3.as_data_frame)
