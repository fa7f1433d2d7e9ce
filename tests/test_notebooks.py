"""The notebooks in vignettes/: committed without outputs, linked from the
README, and executed top to bottom in a real Python kernel (nbclient).

While writing a notebook, run it and see its outputs with
``python tests/test_notebooks.py vignettes/NAME.ipynb``.
"""

import json
import os
import re
import shutil
import sys
import time

import pytest

from conftest import ROOT

VIGNETTES = os.path.join(ROOT, "vignettes")
# The reading order; the README links them in this order.
NOTEBOOKS = [
    "getting-started.ipynb",
    "sequential-model.ipynb",
    "functional-api.ipynb",
    "training-and-callbacks.ipynb",
    "checkpointing.ipynb",
    "custom-callbacks-and-layers.ipynb",
    "saving-and-serialization.ipynb",
    "transfer-learning.ipynb",
    "distributed-training.ipynb",
    "from-r-to-python.ipynb",
]
# Example scripts that notebooks run from their own folder.
SCRIPTS = ["multi_process_training.py"]
CELL_TIMEOUT = 300


def read(name):
    import nbformat

    return nbformat.read(os.path.join(VIGNETTES, name), as_version=4)


def python_kernel(folder):
    """A kernel manager for this very interpreter, whatever kernels are
    installed for the user (a stale 'python3' spec must not run another
    Python)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec_dir = os.path.join(folder, "kernels", "python3")
    os.makedirs(spec_dir)
    with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
        json.dump({"argv": [sys.executable, "-m", "ipykernel_launcher",
                            "-f", "{connection_file}"],
                   "display_name": "Python 3", "language": "python"}, f)
    specs = KernelSpecManager(kernel_dirs=[os.path.dirname(spec_dir)],
                              ensure_native_kernel=False)
    return KernelManager(kernel_name="python3", kernel_spec_manager=specs)


def execute(name, cwd):
    """Run the notebook `name` in `cwd`; returns the executed notebook.
    The kernel gets the environment a learner's Jupyter would give it:
    no MPLBACKEND (inline figures) and no TF_CPP_MIN_LOG_LEVEL (so
    TensorFlow's start-up lines would show, unless pykeras3 keeps them
    away)."""
    from nbclient import NotebookClient

    nb = read(name)
    for script in SCRIPTS:   # beside the notebook, as in a clone
        shutil.copy(os.path.join(VIGNETTES, script), cwd)
    env = {k: v for k, v in os.environ.items()
           if k not in ("MPLBACKEND", "TF_CPP_MIN_LOG_LEVEL",
                        "PYKERAS3_TF_LOG_LEVEL")}
    saved = os.environ.copy()
    os.environ.clear()
    os.environ.update(env)
    try:
        client = NotebookClient(
            nb, timeout=CELL_TIMEOUT, kernel_name="python3",
            km=python_kernel(os.path.join(str(cwd), ".kernel")),
            resources={"metadata": {"path": str(cwd)}})
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def text_of(output):
    if output["output_type"] == "stream":
        return output["text"]
    data = output.get("data", {})
    return data.get("text/plain", "")


def tagged(nb, tag):
    cells = [cell for cell in nb.cells
             if tag in cell.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag!r} expected"
    return cells[0]


def test_the_list_is_the_folder():
    found = sorted(name for name in os.listdir(VIGNETTES)
                   if name.endswith(".ipynb"))
    assert found == sorted(NOTEBOOKS)
    # Besides the notebooks: example scripts that a notebook runs (from
    # the notebook's folder) and the README names.
    others = [name for name in os.listdir(VIGNETTES)
              if not name.endswith(".ipynb")]
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    for name in others:
        assert name in SCRIPTS, f"vignettes/: {name} is not a notebook"
        users = [nb for nb in NOTEBOOKS
                 if name in "".join(c.source for c in read(nb).cells)]
        assert users, f"vignettes/{name} is run by no notebook"
        assert f"vignettes/{name}" in readme, name


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_without_outputs(name):
    import nbformat

    nb = read(name)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.cells[0].cell_type == "markdown"
    assert nb.cells[0].source.startswith("# ")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: cell {index} has outputs"
            assert cell.execution_count is None, f"{name}: cell {index}"
        assert cell.source.strip(), f"{name}: cell {index} is empty"
        # Python belongs in code cells, where it runs; markdown shows R.
        if cell.cell_type == "markdown":
            assert "```python" not in cell.source, (
                f"{name}: cell {index} has Python that would not run")


def test_readme_links_every_notebook_and_man():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    positions = []
    for name in NOTEBOOKS:
        # "- [Title](vignettes/name.ipynb): what it teaches"
        link = re.search(r"^- \[[^\]]+\]\(vignettes/" + re.escape(name)
                         + r"\):\s+\S", readme, flags=re.M)
        assert link, f"README has no line linking vignettes/{name}"
        positions.append(link.start())
    assert positions == sorted(positions), "README lists them out of order"
    assert re.search(r"^- \[[^\]]+\]\(man/index\.md\):\s+\w", readme,
                     flags=re.M)


def guide_text():
    nb = read("from-r-to-python.ipynb")
    return "\n".join(cell.source for cell in nb.cells
                     if cell.cell_type == "markdown")


def test_from_r_to_python_covers_every_r_only_name():
    from pykeras3 import _keras3

    text = guide_text()
    missing = [name for name in _keras3.r_only() if f"`{name}`" not in text]
    assert not missing, f"the guide does not say what to write for {missing}"


def index_differences():
    """Where a number means a position in keras3: the functions with a
    `zero_indexed` switch or an index converter, and the hand-written
    ones; with the name the guide must use for each."""
    from pykeras3 import _keras3

    found = {"get_layer(": "get_layer", "freeze_weights(": "freeze_weights",
             "unfreeze_weights(": "unfreeze_weights",
             "callback_lambda(": "callback_lambda",
             "new_callback_class(": "new_callback_class",
             "callback_learning_rate_scheduler(": "scheduler",
             "to_categorical(": "to_categorical", "axis": "axis",
             "{epoch}": "checkpoint file names",
             "best_epoch": "cb.best_epoch"}
    for name, entry in _keras3.functions().items():
        params = [param for param, _ in entry["params"]]
        converters = entry.get("converters") or {}
        if "zero_indexed" in params:
            found[name + "("] = name
        for param, converter in converters.items():
            if converter in ("as_index", "as_py_index"):
                found[param if name == "fit" else name + "("] = name
    return found


def test_from_r_to_python_covers_every_index_difference():
    text = guide_text()
    differences = index_differences()
    assert "initial_epoch" in differences and "op_top_k(" in differences
    missing = [name for name in differences if name not in text]
    assert not missing, f"the guide does not cover {missing}"
    assert "index=0" in text and "from_" in text


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(name, tmp_path):
    before = sorted(os.listdir(VIGNETTES))
    nb = execute(name, tmp_path)
    errors = [output for cell in nb.cells if cell.cell_type == "code"
              for output in cell.outputs if output["output_type"] == "error"]
    assert not errors
    # What a learner sees: no TensorFlow start-up lines, no tracebacks.
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = text_of(output)
            for marker in ("oneDNN", "cuda", "absl::", "Traceback"):
                assert marker not in text, text
    # Everything the notebook wrote stayed in its own folder.
    assert sorted(os.listdir(VIGNETTES)) == before
    if name == "getting-started.ipynb":
        # Live curves: one output area, updated after each epoch (not a
        # figure per epoch), holding the last picture.
        live = tagged(nb, "live-curves")
        images = [output for output in live.outputs
                  if "image/png" in output.get("data", {})]
        assert len(images) == 1, live.outputs
        assert images[0]["output_type"] == "display_data"


if __name__ == "__main__":
    import tempfile

    for path in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            nb = execute(os.path.basename(path), folder)
            took = time.perf_counter() - start
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            print(f"---- [{index}] {cell.source.splitlines()[0][:70]}")
            for output in cell.outputs:
                kinds = ",".join(output.get("data", {})) or output[
                    "output_type"]
                text = text_of(output)
                print(text if text else f"<{kinds}>")
        print(f"==== {path}: {took:.1f} s")
