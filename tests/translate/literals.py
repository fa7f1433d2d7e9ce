# Translated from R by `python -m pykeras3 translate`.

a = True
b = False
n = None
shape = (None, 10)
k = 5
one = (3,)
cfg = {"units": 4, "rate": 0.5}
items = [1, "two", 3]
x = 1e-3
s = "single \"quoted\""
