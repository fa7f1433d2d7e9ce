# Translated from R by `python -m pykeras3 translate`.
import numpy as np
from pykeras3 import set_random_seed

set_random_seed(42)
x = np.random.uniform(low=-1, high=1, size=12)
x = np.reshape(x, (3, 4), order="F")
m = np.reshape(np.arange(1, 13), (3, 4), order="F")
r = np.reshape(np.arange(1, 13), (3, 4), order="C")
shape = m.shape
n = m.shape[0]
p = m.shape[1]
count = len(x)
avg = np.mean(x)
top = np.max(r)
rounded = np.round(avg, 3)
order = np.random.permutation(n)
shuffled = np.random.permutation(("a", "b", "c"))
squares = list(map(lambda i: i ** 2, np.arange(1, 4)))
print(shape)
print(order[:2])


def report(value):
    print(value)
    return value
