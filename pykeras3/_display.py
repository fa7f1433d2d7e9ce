"""Showing things in a Jupyter notebook: whether we are in one, and one
output area that a drawing is shown in and then updated in place."""

from __future__ import annotations

import sys

__all__ = ["in_notebook", "Output", "display_object"]


def in_notebook():
    """Whether this code runs in a Jupyter kernel (the classic notebook,
    JupyterLab, VS Code's or Colab's notebooks), where IPython's
    `display()` draws in the cell's output.

    IPython's terminal shell has no kernel and does not count.  IPython
    is never imported here: a kernel has always imported it already.
    """
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class Output:
    """One output area of the running cell.

    The first `show()` displays an image; every later one replaces that
    image (Jupyter's display ids), so a drawing redrawn each epoch stays
    one picture instead of a new one per epoch.
    """

    def __init__(self):
        self.handle = None

    def show(self, png):
        """Show the PNG image `png` (bytes) in this output area."""
        from IPython import display
        image = display.Image(data=png, format="png")
        if self.handle is None:
            self.handle = display.display(image, display_id=True)
        else:
            self.handle.update(image)


def display_object(data, fmt):
    """`data` (bytes of an image in format `fmt`) as an object Jupyter
    shows inline (IPython's Image or SVG), or None without IPython or for a
    format it cannot show."""
    try:
        from IPython import display
    except ImportError:
        return None
    if fmt == "svg":
        return display.SVG(data=data)
    if fmt in ("png", "jpg", "jpeg"):
        return display.Image(data=data, format="jpeg" if fmt == "jpg"
                             else fmt)
    return None
