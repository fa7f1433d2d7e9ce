# Translated from R by `python -m pykeras3 translate`.

x = 1
y = 2
z = 3
a, b = [1, 2]
