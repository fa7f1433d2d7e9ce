# Translated from R by `python -m pykeras3 translate`.
import numpy as np

v = np.array([3, 9, 2])
best = int(np.argmax(v))
top = v[best]
label = f"{len(v):d} values, max {np.max(v):.1f}"
odd = np.arange(1, 9 + 2 / 2, 2)
grid = np.linspace(0, 1, 5)
twice = np.tile((1, 2), 2)
each = np.repeat((1, 2), 2)
first_two = v[:2]
noise = np.random.normal(loc=0, scale=0.1, size=10)
m = np.reshape(np.arange(1, 7), (2, -1), order="C")
found = 9 in v
empty = None is None
rows = m.shape[0]
