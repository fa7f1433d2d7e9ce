"""pykeras3's reduce-on-plateau callback, on the shared monitor core
(`_monitor.py`).  Users create it with `callback_reduce_lr_on_plateau()`."""

from __future__ import annotations

import keras
import numpy as np

from ._args import as_int
from ._monitor import MonitorCallback, is_number


class ReduceLROnPlateau(MonitorCallback):
    """Lower the learning rate when the monitored value stops improving.

    Create it with `callback_reduce_lr_on_plateau()`; the arguments are
    described there.  Each epoch it also logs the optimizer's
    `learning_rate`, as Keras's callback does.
    """

    FN = "callback_reduce_lr_on_plateau"

    def __init__(self, monitor="val_loss", factor=0.1, patience=10,
                 verbose=0, mode="auto", min_delta=1e-4, cooldown=0,
                 min_lr=0.0, **kwargs):
        super().__init__(monitor, mode, min_delta)
        fn = self.FN
        if kwargs:
            raise TypeError(
                f"{fn}() got unexpected arguments {sorted(kwargs)}.")
        if not is_number(factor) or not 0 < factor < 1:
            raise ValueError(
                f"{fn}(): `factor` must be a number between 0 and 1 (the "
                f"new rate is the old one times factor). "
                f"Received: factor={factor!r}")
        if not is_number(min_lr) or min_lr < 0:
            raise ValueError(
                f"{fn}(): `min_lr` must be a number >= 0. "
                f"Received: min_lr={min_lr!r}")
        self.factor = float(factor)
        self.min_lr = float(min_lr)
        self.patience = as_int(fn, "patience", patience, minimum=0)
        self.cooldown = as_int(fn, "cooldown", cooldown, minimum=0)
        self.verbose = as_int(fn, "verbose", verbose, minimum=0)
        self._reset()

    def _reset(self):
        self.best = None
        self.wait = 0
        self.cooldown_counter = 0

    def in_cooldown(self):
        return self.cooldown_counter > 0

    def on_train_begin(self, logs=None):
        self._reset()
        self._warned = set()
        optimizer = getattr(self.model, "optimizer", None)
        if isinstance(getattr(optimizer, "_learning_rate", None),
                      keras.optimizers.schedules.LearningRateSchedule):
            raise ValueError(
                f"{self.FN}(): the optimizer's learning rate follows a "
                f"schedule, which this callback cannot lower. Give the "
                f"optimizer a fixed learning_rate, or let the schedule do "
                f"the reducing.")

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        optimizer = self.model.optimizer
        logs["learning_rate"] = float(np.asarray(
            keras.ops.convert_to_numpy(optimizer.learning_rate)))
        # In a job of several processes every process follows the chief's
        # value: changing the learning rate is an assignment every
        # process must make alike.
        current = self.agreed(self.monitored(logs))
        if current is None:
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self.improves(current, self.best):
            self.best = current
            self.wait = 0
            return
        if self.in_cooldown():
            return
        self.wait += 1
        if self.wait < self.patience:
            return
        old = logs["learning_rate"]
        if old > self.min_lr:
            new = max(old * self.factor, self.min_lr)
            optimizer.learning_rate = new
            self.say(f"Epoch {epoch + 1}: {self.monitor} did not improve "
                     f"on {self.value_text(self.best)} for {self.wait} "
                     f"epochs; reducing the learning rate to {new:.4g}.")
            self.cooldown_counter = self.cooldown
            self.wait = 0
