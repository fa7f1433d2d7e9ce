# Translated from R by `python -m pykeras3 translate`.

epochs = 5
print(f"epochs: {epochs}")
print("done")
label = f"run-{epochs}"
title = f"model_{label}"
print(label)
