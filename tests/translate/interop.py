# Translated from R by `python -m pykeras3 translate`.
import os
import tempfile
import time

import numpy as np
import tensorflow as tf
from pykeras3 import (
    keras_model_sequential, layer_dense, op_mean, op_ones, optimizer_sgd,
    shape,
)

tf_zeros = tf.zeros(shape(2, 3))
model = layer_dense(keras_model_sequential(input_shape=3), units=1)
optimizer = optimizer_sgd()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = op_mean((model(x, training=True) - y) ** 2)
    gradients = tape.gradient(loss, model.trainable_weights)
    optimizer.apply_gradients(list(zip(gradients, model.trainable_weights)))
    return loss


batches = [
    [np.ones((4, 3), dtype="float32"), np.zeros((4, 1), dtype="float32")]
]
for batch in batches:
    loss = train_step(batch[0], batch[1])
start = time.time()
rows = np.vstack([(1, 2, 3), (4, 5, 6)])
columns = np.column_stack([(1, 2), (3, 4)])
labels = np.argmax(rows, axis=1) + 1 - 1
elapsed = time.time() - start
os.environ["KERAS_HOME"] = tempfile.gettempdir()
home = os.environ.get("KERAS_HOME", "")
os.environ.pop("KERAS_HOME", None)
last_two = (1, 2, 3)[-2:]
dense = layer_dense(units=2)(op_ones((1, 3)))
