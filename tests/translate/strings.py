# Translated from R by `python -m pykeras3 translate`.
import numpy as np

epoch = 3
loss = 0.25
print(f"epoch {epoch}: loss {np.round(loss, 2)}")
note = f"run-{epoch + 1}-final"
braces = f"{{literal}} and {epoch}"
line = f"epoch {epoch:d} of {10:d}: {loss * 100:5.2f}%"
padded = f'{"name":<8}|'
plain = "no values"
joined = "a-b"
