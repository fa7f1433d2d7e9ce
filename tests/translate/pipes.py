# Translated from R by `python -m pykeras3 translate`.
import toolz
from pykeras3 import (
    compile, keras_model_sequential, layer_dense, layer_dropout,
)

model = toolz.pipe(
    keras_model_sequential(input_shape=4),
    layer_dense(units=8, activation="relu"),
    layer_dense(units=1),
)
compile(model, optimizer="adam", loss="mse")
model = layer_dropout(model, rate=0.5)
