"""`python -m pykeras3 demo`: the checkpoint example of keras3's
`callback_model_checkpoint()` documentation, in Python."""

from __future__ import annotations

import os
import tempfile

from . import (callback_model_checkpoint, compile, fit, keras_model_sequential,
               layer_dense, load_model, load_model_weights, op_ones,
               random_uniform, summary)


def run(folder=None, epochs=10):
    """Run the demo; return the two checkpoint callbacks."""
    folder = folder or tempfile.mkdtemp(prefix="pykeras3-demo-")
    model = keras_model_sequential(input_shape=10)
    model = layer_dense(model, units=1, activation="sigmoid")
    model = compile(model, loss="binary_crossentropy", optimizer="adam",
                    metrics="accuracy")
    x, y = random_uniform((2, 10)), op_ones((2, 1))

    # 1. Whole model, saved at each epoch end when val_accuracy is the best.
    model_path = os.path.join(folder, "checkpoint-model.keras")
    model_cb = callback_model_checkpoint(
        filepath=model_path, monitor="val_accuracy", mode="max",
        save_best_only=True)
    fit(model, x=x, y=y, epochs=epochs, validation_split=0.5, verbose=0,
        callbacks=[model_cb])
    print(f"Best model checkpoint: {model_cb.best_filepath}")
    print(f"  best val_accuracy = {model_cb.best:.4f} "
          f"(epoch {model_cb.best_epoch + 1} of {epochs})")
    best_model = load_model(model_cb.best_filepath)
    summary(best_model)

    # 2. Weights only, into a '.weights.h5' file.
    weights_path = os.path.join(folder, "checkpoint.weights.h5")
    weights_cb = callback_model_checkpoint(
        filepath=weights_path, save_weights_only=True,
        monitor="val_accuracy", mode="max", save_best_only=True)
    fit(model, x=x, y=y, epochs=epochs, validation_split=0.5, verbose=0,
        callbacks=[weights_cb])
    load_model_weights(model, weights_cb.best_filepath)
    print(f"Best weights checkpoint: {weights_cb.best_filepath}")
    print(f"  best val_accuracy = {weights_cb.best:.4f} "
          f"(epoch {weights_cb.best_epoch + 1} of {epochs}); loaded into "
          f"the model with load_model_weights()")
    return model_cb, weights_cb
