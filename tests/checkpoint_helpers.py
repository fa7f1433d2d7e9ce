"""Helpers shared by the checkpoint test modules: drive a callback's hooks
on a real tiny model with exact monitored values, and read back which
epoch a checkpoint file holds."""

import os

import keras
import numpy as np

import pykeras3
from conftest import tiny_model


# Whether `ckpt()` saves in the background; the checkpoint test modules run
# their tests in both modes (the `saving_mode` fixture sets it).
BACKGROUND = False


def ckpt(filepath, **kwargs):
    kwargs.setdefault("save_on_background", BACKGROUND)
    return pykeras3.callback_model_checkpoint(str(filepath), **kwargs)


def mark(model, value):
    """Set every weight of `model` to `value`."""
    model.set_weights([np.full_like(w, value) for w in model.get_weights()])


def drive(cb, model, values, *, monitor="val_loss", first_epoch=0,
          begin=True, end=False):
    """Run the epoch hooks of `cb` with logs {monitor: value} (no monitor
    when the value is None).  The model's weights are set to the 1-based
    epoch number before each epoch end.  on_train_end is called only with
    `end=True`: callers decide whether the run "finishes"."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None and not optimizer.built:
        # As after a first training step, so that checkpoints hold the
        # optimizer's variables like those saved during training.
        optimizer.build(model.trainable_variables)
    cb.set_model(model)
    cb.set_params({"epochs": first_epoch + len(values), "steps": 1,
                   "verbose": 0})
    if begin:
        cb.on_train_begin()
    for i, value in enumerate(values):
        epoch = first_epoch + i
        cb.on_epoch_begin(epoch)
        mark(model, epoch + 1)
        logs = {"loss": 1.0}
        if value is not None:
            logs[monitor] = value
        cb.on_epoch_end(epoch, logs)
        # What a later epoch would see: the write is done (in background
        # mode, the next save waits for it the same way).
        if hasattr(cb, "wait_until_finished"):  # not Keras's own callback
            cb.wait_until_finished()
    if end:
        cb.on_train_end()


def saved_epoch(path):
    """The 1-based epoch whose weights the checkpoint at `path` holds."""
    path = str(path)
    if path.endswith(".weights.h5"):
        model = tiny_model(compile_it=False)
        model.load_weights(path)
    else:
        model = keras.models.load_model(path, compile=False)
    values = np.concatenate([w.ravel() for w in model.get_weights()])
    assert np.all(values == values[0]), "weights were not set by drive()"
    return float(values[0])


def visible(folder):
    """Names in `folder` that are not hidden."""
    return sorted(n for n in os.listdir(folder) if not n.startswith("."))
