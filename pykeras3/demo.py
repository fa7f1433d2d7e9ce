"""`python -m pykeras3 demo`: the checkpoint example of keras3's
`callback_model_checkpoint()` documentation, in Python, on data large
enough for its numbers to mean something, with a word on each step."""

from __future__ import annotations

import os
import tempfile
import textwrap

import numpy as np

from . import (callback_model_checkpoint, compile, evaluate, fit,
               keras_model_sequential, layer_dense, load_model,
               load_model_weights, set_random_seed, summary)

SAMPLES = 3000
FEATURES = 10


def data(samples=SAMPLES, seed=0):
    """A noisy classification problem: is a weighted sum of 10 features
    positive?  About 9 in 10 labels follow the rule, so good accuracy is
    around 0.9, and chance is 0.5."""
    weights = np.random.default_rng(2024).normal(size=FEATURES)  # the rule
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, FEATURES)).astype("float32")
    score = x @ weights + rng.normal(scale=1.0, size=samples)
    y = (score > 0).astype("float32").reshape(-1, 1)
    return x, y


def say(text, indent=0):
    """Print `text` wrapped to 79 columns (a blank line kept at each end)."""
    lead = "\n" if text.startswith("\n") else ""
    tail = "\n" if text.endswith("\n") else ""
    print(lead + textwrap.fill(text.strip(), width=79,
                               initial_indent=" " * indent,
                               subsequent_indent=" " * indent) + tail)


def new_model():
    model = keras_model_sequential(input_shape=FEATURES)
    model = layer_dense(model, units=16, activation="relu")
    model = layer_dense(model, units=1, activation="sigmoid")
    return compile(model, loss="binary_crossentropy", optimizer="adam",
                   metrics="accuracy")


def run(folder=None, epochs=10):
    """Run the demo in `folder` (a temporary folder, removed at the end,
    when None); return the two checkpoint callbacks."""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="pykeras3-demo-") as tmp:
            callbacks = _run(tmp, epochs)
        say("\nThe checkpoints were in a temporary folder, now removed; "
            "`python -m pykeras3 demo --dir DIR` keeps them.")
        return callbacks
    return _run(folder, epochs)


def _run(folder, epochs):
    set_random_seed(1)
    x, y = data()
    x_test, y_test = data(1000, seed=1)
    say(f"Data: {len(x)} samples of {FEATURES} features, labels 0/1 that "
        f"mostly follow a hidden linear rule (chance is 0.5).\n")

    # 1. The whole model, saved when validation accuracy is the best so far.
    model = new_model()
    model_path = os.path.join(folder, "checkpoint-model.keras")
    model_cb = callback_model_checkpoint(
        filepath=model_path, monitor="val_accuracy", mode="max",
        save_best_only=True)
    history = fit(model, x=x, y=y, epochs=epochs, validation_split=0.2,
                  verbose=0, callbacks=[model_cb])
    best_model = load_model(model_cb.best_filepath)
    test = evaluate(best_model, x_test, y_test, verbose=0)
    print(f"Best model checkpoint: {model_cb.best_filepath}")
    last = history.metrics["val_accuracy"][-1]
    print(f"  best val_accuracy = {model_cb.best:.4f} (epoch "
          f"{model_cb.best_epoch + 1} of {epochs}); "
          + ("the last epoch was the best this time" if
             model_cb.best_epoch + 1 == epochs else
             f"the last epoch had {last:.4f}"))
    say("The callback kept the model of the best epoch, not the last one: "
        "with save_best_only=True it wrote the file only when val_accuracy "
        "improved.", indent=2)
    say(f"Loaded with load_model() and evaluated on 1000 new samples: "
        f"accuracy {test['accuracy']:.4f}.\n", indent=2)
    summary(best_model)

    # 2. The weights only, into a '.weights.h5' file.
    model = new_model()
    weights_path = os.path.join(folder, "checkpoint.weights.h5")
    weights_cb = callback_model_checkpoint(
        filepath=weights_path, save_weights_only=True,
        monitor="val_accuracy", mode="max", save_best_only=True)
    fit(model, x=x, y=y, epochs=epochs, validation_split=0.2, verbose=0,
        callbacks=[weights_cb])
    load_model_weights(model, weights_cb.best_filepath)
    print(f"\nBest weights checkpoint: {weights_cb.best_filepath}")
    print(f"  best val_accuracy = {weights_cb.best:.4f} (epoch "
          f"{weights_cb.best_epoch + 1} of {epochs}); loaded into the model "
          f"with load_model_weights()")
    say("A '.weights.h5' file holds the weights only: load it into a model "
        "built the same way. Every checkpoint was written to a hidden "
        "staging file first and renamed into place, so a crash never leaves "
        "half a file.", indent=2)
    return model_cb, weights_cb
