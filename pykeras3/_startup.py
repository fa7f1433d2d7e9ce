"""Start-up: a quiet TensorFlow, and pykeras3's modules loaded when first
used.

Quiet by default, never hidden
    TensorFlow prints 6 to 9 lines when its native libraries load (CUDA
    probes, CPU features, oneDNN), some labelled as errors on any machine
    without a GPU, and since TensorFlow 2.16 `TF_CPP_MIN_LOG_LEVEL` no
    longer silences them.  Unless the user has set `TF_CPP_MIN_LOG_LEVEL`
    themselves, pykeras3 sets it to 3 and, the first time TensorFlow is
    imported (by Keras or by the user), sends what TensorFlow writes to
    the process's standard error during that import to a temporary file
    instead.  If the import fails, that text is written out after all, so
    nothing needed to understand the failure is lost.  In interactive
    sessions (Jupyter), TensorFlow's Python logger is kept at WARNING
    rather than the INFO TensorFlow chooses there.  Setting
    `TF_CPP_MIN_LOG_LEVEL` (to 0 for everything) before importing pykeras3
    turns all of this off.

Loaded when first used
    `import pykeras3` imports neither Keras nor TensorFlow: each export is
    imported from its module the first time it is used
    (`pykeras3.fit`, `from pykeras3 import fit`).  So the command line
    (`python -m pykeras3 --help`) starts at once.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import os
import sys
import tempfile

LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL"
# Set beside LOG_LEVEL when pykeras3 (not the user) chose its value, so that
# child processes (a Jupyter kernel, workers) inherit the quiet start-up
# instead of taking pykeras3's value for the user's.
OURS = "PYKERAS3_TF_LOG_LEVEL"


def quiet_tensorflow():
    """Silence TensorFlow's start-up lines unless the user asked for a log
    level (see the module's docstring).  A value of `TF_CPP_MIN_LOG_LEVEL`
    inherited from a parent process that pykeras3 set is not the user's."""
    chosen = os.environ.get(LOG_LEVEL)
    if chosen is not None and chosen != os.environ.get(OURS):
        return
    if "tensorflow" in sys.modules:
        return
    os.environ[LOG_LEVEL] = os.environ[OURS] = "3"
    if not any(isinstance(f, _QuietFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _QuietFinder())


class _QuietFinder(importlib.abc.MetaPathFinder):
    """Finds `tensorflow` once, with a loader that runs its import with
    standard error captured."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "tensorflow":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _QuietLoader(spec.loader)
        return spec


class _QuietLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        with tempfile.TemporaryFile() as captured:
            try:
                with _stderr_to(captured):
                    self._loader.exec_module(module)
            except BaseException:
                captured.seek(0)
                sys.stderr.write(captured.read().decode("utf-8", "replace"))
                raise
        _quiet_python_logger(module)
        # The module keeps TensorFlow's own loader, as if nothing happened.
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader


def _quiet_python_logger(tensorflow):
    """In an interactive session (Jupyter, the Python prompt) TensorFlow
    sets its Python logger to INFO, so strategies and exports print
    `INFO:tensorflow:` lines; keep it at WARNING, as in scripts."""
    import logging

    try:
        logger = tensorflow.get_logger()  # sets TensorFlow's own level
    except Exception:  # pragma: no cover - an unusual TensorFlow
        logger = logging.getLogger("tensorflow")
    if logger.level < logging.WARNING:
        logger.setLevel(logging.WARNING)


class _stderr_to:
    """Point file descriptor 2 (what C++ libraries write to, and Python's
    sys.stderr) at `file` for the duration of the `with` block."""

    def __init__(self, file):
        self.file = file

    def __enter__(self):
        sys.stderr.flush()
        self.saved = os.dup(2)
        os.dup2(self.file.fileno(), 2)
        return self

    def __exit__(self, *exc):
        try:
            sys.stderr.flush()
        finally:
            os.dup2(self.saved, 2)
            os.close(self.saved)
        return False


# --------------------------------------------------------------------------
# Exports loaded on first use

def export(package, modules, name):
    """The export `name` of `package` (from its module in `modules`), or a
    submodule; AttributeError otherwise."""
    if name == "FAMILIES":
        load_all(package, modules)
        from ._registry import families
        return families()
    module = modules.get(name)
    if module is not None:
        value = getattr(importlib.import_module(
            f"{package.__name__}.{module}"), name)
        setattr(package, name, value)
        return value
    if importlib.util.find_spec(f"{package.__name__}.{name}") is not None:
        return importlib.import_module(f"{package.__name__}.{name}")
    raise AttributeError(
        f"module {package.__name__!r} has no attribute {name!r}")


def load_all(package, modules):
    """Import every module that holds an export (fills the registry)."""
    for module in sorted(set(modules.values())):
        importlib.import_module(f"{package.__name__}.{module}")
