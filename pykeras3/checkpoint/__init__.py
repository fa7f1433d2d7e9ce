"""pykeras3's own checkpoint callback, by what each part holds:

* `callback.py`: the `ModelCheckpoint` class, its Keras hooks and saving;
* `template.py`: the filename template, and the files it can name (which
  files a restart may load, adopt, or prune);
* `state.py`: the state file beside the checkpoints (format, validation,
  commit order).

Users create the callback with `pykeras3.callback_model_checkpoint()`.
"""

from .callback import ModelCheckpoint
from .state import CheckpointWarning

__all__ = ["ModelCheckpoint", "CheckpointWarning"]

# The public home of both classes (what reprs, pickles and docs show).
ModelCheckpoint.__module__ = CheckpointWarning.__module__ = __name__
