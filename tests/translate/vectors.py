# Translated from R by `python -m pykeras3 translate`.
import numpy as np

losses = []
for epoch in range(1, 4):
    losses = losses + [epoch / 10]
sizes = [16, 32, 64]
sizes[1] = 48
results = []
results.append("first")
shape = (28, 28, 1)
steps = np.arange(1, 6)
total = np.sum(np.arange(1, 11))
known = "relu" in ("relu", "gelu")
