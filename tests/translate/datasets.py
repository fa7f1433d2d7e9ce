# Translated from R by `python -m pykeras3 translate`.
import numpy as np
import tensorflow as tf

x = np.reshape(np.random.uniform(size=40 * 3), (40, 3), order="F")
y = np.reshape(np.random.uniform(size=40), (40, 1), order="F")
train = (
    tf.data.Dataset.from_tensor_slices((x, y))
    .shuffle(buffer_size=40)
    .batch(8)
)
scaled = (
    tf.data.Dataset.from_tensor_slices((x, y))
    .map(lambda a, b: [a * 2, b])
    .batch(8)
    .prefetch(tf.data.AUTOTUNE)
)
first_batches = train.take(2)
batch = next(iter(scaled), None)
labelled = tf.data.Dataset.from_tensor_slices(
    (np.vstack(["a b", "c d"]), np.array([1, 0]))
)
