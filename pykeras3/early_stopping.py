"""pykeras3's early stopping callback, on the shared monitor core
(`_monitor.py`).  Users create it with `callback_early_stopping()`."""

from __future__ import annotations

from ._args import as_bool, as_int
from ._monitor import MonitorCallback


class EarlyStopping(MonitorCallback):
    """Stop training when the monitored value stops improving.

    Create it with `callback_early_stopping()`; the arguments are described
    there.  After training, `best` is the best value seen, `best_epoch` its
    0-based epoch, and `stopped_epoch` the 0-based epoch training stopped
    at (0 when it ran to the end), as in Keras.  With several processes
    (`pykeras3._processes`) every process follows the chief's monitored
    value, so they all stop together and agree on `best`.
    """

    FN = "callback_early_stopping"

    def __init__(self, monitor="val_loss", min_delta=0, patience=0,
                 verbose=0, mode="auto", baseline=None,
                 restore_best_weights=False, start_from_epoch=0):
        super().__init__(monitor, mode, min_delta, baseline)
        fn = self.FN
        self.patience = as_int(fn, "patience", patience, minimum=0)
        self.verbose = as_int(fn, "verbose", verbose, minimum=0)
        self.restore_best_weights = as_bool(fn, "restore_best_weights",
                                            restore_best_weights)
        self.start_from_epoch = as_int(fn, "start_from_epoch",
                                       start_from_epoch, minimum=0)
        self._reset()

    def _reset(self):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_epoch = 0
        self.best_weights = None

    def on_train_begin(self, logs=None):
        self._reset()
        self._warned = set()

    def on_epoch_end(self, epoch, logs=None):
        # In a job of several processes every process decides on the
        # chief's value, so all stop at the same epoch (a process that
        # went on alone would wait forever for the others).
        current = self.agreed(self.monitored(logs))
        if current is None or epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            # Something to go back to even if nothing ever improves.
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch
        self.wait += 1
        if self.improves(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self.improves(current,
                                                      self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0:
            self.say(f"Epoch {self.stopped_epoch + 1}: early stopping "
                     f"({self.monitor} did not improve on "
                     f"{self.value_text(self.best)} for {self.wait} "
                     f"epochs)")
        if self.restore_best_weights and self.best_weights is not None:
            self.say(f"Restoring the model's weights from the end of the "
                     f"best epoch: {self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)
