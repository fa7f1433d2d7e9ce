# Translated from R by `python -m pykeras3 translate`.
import numpy as np

x = np.reshape(np.random.uniform(size=24), (4, 3, 2), order="F")
row = x[1, :, :]
column = x[:, 2, 0]
block = x[0:2, :, :]
rest = x[1:, :, :]
v = np.array([5, 1, 9, 3])
tail3 = v[1:].copy()
no_second = np.delete(v, 1, axis=0)
picked = v[[0, 2]]
big = v[v > 2]
not_big = v[~(v > 2)]
idx = np.random.choice(4, 2, replace=False)
drawn = v[idx]
best = v[int(np.argmax(v))]
k = 2
kth = v[k - 1]
v[k - 1] = 0
