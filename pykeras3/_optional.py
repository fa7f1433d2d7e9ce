"""The one check for optional packages.

A function that needs a package pykeras3 does not install by default
fails at once (before any work) with an ImportError that names the
package, what it is needed for and the command that installs it.
"""

from __future__ import annotations

import importlib
import importlib.util

# Packages that one of pykeras3's extras installs: `pip install
# "pykeras3[plot]"`.
EXTRAS = {"matplotlib": "plot", "pandas": "plot", "pydot": "plot"}


def install_command(package):
    """How to install `package`, in words a user can paste."""
    extra = EXTRAS.get(package)
    if extra:
        return (f'pip install "pykeras3[{extra}]" (or just '
                f'pip install {package})')
    return f"pip install {package}"


def need(module, fn, purpose, package=None, load=True):
    """Import `module` (or, with `load=False`, only check that it can be
    imported) and return it; raise ImportError naming `package` (the name
    pip knows) when it is missing.

    Args:
        module: the module to import, e.g. "matplotlib.figure".
        fn: the public function's name, for the message.
        purpose: what the package is needed for, e.g. "drawing a history".
        package: the pip name, when it differs from the module's first
            part (Pillow's module is `PIL`).
        load: import it now (True) or only look for it (False).
    """
    package = package or module.split(".")[0]
    try:
        if load:
            return importlib.import_module(module)
        if importlib.util.find_spec(module.split(".")[0]) is not None:
            return None
        raise ImportError(module)
    except ImportError as err:
        raise ImportError(
            f"{fn}(): {purpose} needs the package {package}, which is not "
            f"installed. Install it with: {install_command(package)}"
        ) from err


def has(module):
    """Whether `module` can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False
