# Translated from R by `python -m pykeras3 translate`.
from pykeras3 import Callback, Layer


class LogLoss(Callback):
    def on_epoch_end(self, epoch, logs=None):
        epoch = epoch + 1  # keras3 R counts epochs from 1
        print(f'epoch {epoch} loss {logs["loss"]}')
        if logs["loss"] < 0.01:
            self.model.stop_training = True

    def on_train_begin(self, logs=None):
        self.seen = 0


callback_log_loss = LogLoss


class Scale(Layer):
    def __init__(self, factor=2, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor


layer_scale = Scale
