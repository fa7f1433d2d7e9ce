# Translated from R by `python -m pykeras3 translate`.
from pykeras3 import fit, get_layer, op_sum, random_integer

history = fit(model, x, y, epochs=10, initial_epoch=4)
total = op_sum(x, axis=1)
last = op_sum(x, axis=-1)
first_layer = get_layer(model, index=0)
loss = history.metrics["loss"][2]
cfg = {"units": 4}
units = cfg["units"]
w = model.layers[i - 1]
part = v[1:3]
noise = random_integer(minval=0, maxval=10, shape=(2, 2))
